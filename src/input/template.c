/* template.c - locales/bayraq.pot, made from locales/en.po and the designs.
 */
#include "input/template.h"

#include <gettext-po.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/catalog.h"
#include "input/design.h"

#define TEMPLATE_HEADER_COMMENT                                                \
	"bayraq: the texts of the banners, for translators.\n"                 \
	"Each msgctxt is the stable key that designs refer to; msgid is "      \
	"the English text.\n"                                                  \
	"Keep {city} and {hashtag} exactly as they are: msgfmt -c checks "     \
	"them.\n"                                                              \
	"Made by 'make pot' from locales/en.po and designs/*/*.svg: edit "     \
	"those, not this.\n"                                                   \
	"This file is distributed under the same licence as bayraq "           \
	"(GPL-3.0-or-later).\n"

#define TEMPLATE_HEADER                                                        \
	"Project-Id-Version: bayraq " BAYRAQ_VERSION "\n"                      \
	"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"                            \
	"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"                         \
	"Language-Team: LANGUAGE <LL@li.org>\n"                                \
	"Language: \n"                                                         \
	"MIME-Version: 1.0\n"                                                  \
	"Content-Type: text/plain; charset=UTF-8\n"                            \
	"Content-Transfer-Encoding: 8bit\n"

/* en.po's own comments, without the slot notes an old merge put there. */
static char *
own_comments(const char *comments)
{
	char **lines = g_strsplit(comments, "\n", -1);
	GString *out = g_string_new(NULL);
	size_t i;

	for (i = 0; lines[i] != NULL; i++)
		if (lines[i][0] != '\0' &&
			!g_str_has_prefix(lines[i], TEMPLATE_SLOT_NOTE))
			g_string_append_printf(out, "%s\n", lines[i]);
	g_strfreev(lines);
	return g_string_free(out, FALSE);
}

/*
 * About how many characters fit a line of s at its smallest size: a bold
 * Latin letter is about 0.6 em wide, a capital 0.7 em. A guide for a
 * translator, not a promise: bayraq measures the real text.
 */
static size_t
fitting_characters(const struct slot *s)
{
	double em =
		s->min_size * (s->caps ? 0.7 : 0.6) * (1.0 + s->letter_spacing);

	return em > 0 ? (size_t)(s->w / em) : 0;
}

/* One slot's note and reference on the message key. */
static int
add_slot(GHashTable *by_key, const struct slot *s, const char *key,
	const char *design, const char *file, const char *path, struct diag *d)
{
	po_message_t m = g_hash_table_lookup(by_key, key);
	char *ref, *note;
	GString *all;

	if (m == NULL)
		return diag_set(d, DIAG_FORMAT,
			"%s:%zu: slot '%s' names key '%s', which "
			"locales/en.po has not: add it there first",
			path, s->line, s->id, key);
	ref = g_strdup_printf("designs/%s/%s", design, file);
	po_message_add_filepos(m, ref, s->line);
	note = g_strdup_printf(TEMPLATE_SLOT_NOTE
		"%s in %s/%s: %zu line%s, about %zu characters a line "
		"at the smallest size%s",
		s->id, design, file, s->max_lines, s->max_lines == 1 ? "" : "s",
		fitting_characters(s), s->caps ? " (in capitals)" : "");
	all = g_string_new(po_message_extracted_comments(m));
	g_string_append_printf(all, "%s\n", note);
	po_message_set_extracted_comments(m, all->str);
	g_string_free(all, TRUE);
	g_free(note);
	g_free(ref);
	return 0;
}

/* The notes and references of one variant's slots, on the template. */
static int
add_variant(GHashTable *by_key, const char *design, const char *file,
	const char *designs_dir, struct diag *d)
{
	struct variant v = { 0 };
	char *path = g_build_filename(designs_dir, design, file, NULL);
	size_t i;
	int rc = variant_load(&v, path, d);

	for (i = 0; rc == 0 && i < v.slot_count; i++) {
		const struct slot *s = &v.slots[i];
		size_t k;

		if (s->kind != SLOT_TEXT ||
			(design_special_key(s->name) &&
				strcmp(s->name, DESIGN_KEY_SLOGAN) != 0))
			continue;
		if (strcmp(s->name, DESIGN_KEY_SLOGAN) != 0) {
			rc = add_slot(by_key, s, s->name, design, file, path,
				d);
			continue;
		}
		/* Any of the slogans may print there. */
		for (k = 0; rc == 0 && design_slogans[k] != NULL; k++)
			rc = add_slot(by_key, s, design_slogans[k], design,
				file, path, d);
	}
	variant_release(&v);
	g_free(path);
	return rc;
}

static int
add_designs(GHashTable *by_key, const char *designs_dir, struct diag *d)
{
	char **names = design_names(designs_dir);
	size_t i, j;
	int rc = 0;

	for (i = 0; rc == 0 && names[i] != NULL; i++) {
		char *dir = g_build_filename(designs_dir, names[i], NULL);
		char **files = design_files(dir);

		for (j = 0; rc == 0 && files[j] != NULL; j++) {
			char *base = g_path_get_basename(files[j]);

			rc = add_variant(by_key, names[i], base, designs_dir,
				d);
			g_free(base);
		}
		design_names_free(files);
		g_free(dir);
	}
	design_names_free(names);
	return rc;
}

/* The template's entry for en.po's m. */
static po_message_t
entry_from(po_message_t m)
{
	po_message_t t = po_message_create();
	const char *const *format;
	const char *english = po_message_msgstr(m);
	char *comments = own_comments(po_message_extracted_comments(m));

	po_message_set_msgctxt(t, po_message_msgctxt(m));
	po_message_set_msgid(t,
		english[0] != '\0' ? english : po_message_msgid(m));
	po_message_set_msgstr(t, "");
	po_message_set_extracted_comments(t, comments);
	for (format = po_format_list(); *format != NULL; format++)
		if (po_message_is_format(m, *format))
			po_message_set_format(t, *format, 1);
	free(comments);
	return t;
}

int
template_write(const struct paths *paths, const char *out_path, struct diag *d)
{
	char *en_path = g_build_filename(paths->locales, "en.po", NULL);
	GHashTable *by_key = g_hash_table_new(g_str_hash, g_str_equal);
	po_file_t en, pot = po_file_create();
	po_message_iterator_t from, to = po_message_iterator(pot, NULL);
	po_message_t m, header = po_message_create();
	int rc = 0;

	en = catalog_po_read(en_path, d);
	if (en == NULL) {
		rc = -1;
		goto done;
	}
	po_message_set_msgid(header, "");
	po_message_set_msgstr(header, TEMPLATE_HEADER);
	po_message_set_comments(header, TEMPLATE_HEADER_COMMENT);
	po_message_set_fuzzy(header, 1);
	po_message_insert(to, header);
	from = po_message_iterator(en, NULL);
	while ((m = po_next_message(from)) != NULL) {
		po_message_t t;

		if (po_message_msgctxt(m) == NULL || po_message_is_obsolete(m))
			continue;
		t = entry_from(m);
		po_message_insert(to, t);
		g_hash_table_insert(by_key, (char *)po_message_msgctxt(t), t);
	}
	po_message_iterator_free(from);
	/* The template's messages hold copies: en.po's lock can go now. */
	catalog_po_release(en);
	rc = add_designs(by_key, paths->designs, d);
	if (rc == 0)
		rc = catalog_po_write(pot, out_path, d);
done:
	po_message_iterator_free(to);
	po_file_free(pot);
	g_hash_table_destroy(by_key);
	g_free(en_path);
	return rc;
}
