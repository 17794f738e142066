/* catalog.c - per-language texts from locales/<tag>.po, read by libgettextpo.
 */
#include "input/catalog.h"

#include <gettext-po.h>
#include <errno.h>
#include <glib.h>
#include <pthread.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct entry {
	char *key;
	char *text;
	int fuzzy;
	size_t line;
};

struct catalog {
	char *path;
	char *language;
	char *name;
	int reviewed;
	struct entry *entries;
	size_t count;
};

/*
 * libgettextpo's error callbacks take no user data, so the diag of the
 * load in progress has to live here. Thread-local keeps loads on other
 * threads apart.
 */
static _Thread_local struct diag *po_diag;

/*
 * libgettextpo's reader keeps its state in globals (the lexer, the error
 * handler), so reads from several threads (bayraq batch -j) take turns.
 */
static pthread_mutex_t po_lock = PTHREAD_MUTEX_INITIALIZER;

static void
po_xerror(int severity, po_message_t message, const char *filename,
	size_t lineno, size_t column, int multiline, const char *text)
{
	char one_line[160];

	(void)message;
	(void)column;
	(void)multiline;
	if (severity == PO_SEVERITY_WARNING)
		return;
	snprintf(one_line, sizeof one_line, "%s", text);
	one_line[strcspn(one_line, "\n")] = '\0';
	if (filename != NULL && lineno != (size_t)-1)
		diag_set(po_diag, DIAG_FORMAT, "%s:%zu: %s", filename, lineno,
			one_line);
	else if (filename != NULL)
		diag_set(po_diag, DIAG_FORMAT, "%s: %s", filename, one_line);
	else
		diag_set(po_diag, DIAG_FORMAT, "%s", one_line);
	/*
	 * The header asks a fatal handler not to return; libgettextpo's
	 * reader (gettext 0.21) only reports the error count after parsing
	 * and returns normally, and our caller discards the file.
	 */
}

static void
po_xerror2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1,
	int ml1, const char *t1, po_message_t m2, const char *f2, size_t l2,
	size_t c2, int ml2, const char *t2)
{
	(void)m2;
	(void)f2;
	(void)l2;
	(void)c2;
	(void)ml2;
	(void)t2;
	po_xerror(severity, m1, f1, l1, c1, ml1, t1);
}

static const struct po_xerror_handler po_handler = { po_xerror, po_xerror2 };

/*
 * The line of each msgctxt in the file, read once: libgettextpo does not
 * say where a message is, and error messages should.
 */
static GHashTable *
context_lines(const char *path)
{
	GHashTable *lines =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n = 0;

	while (fp != NULL && getline(&line, &cap, fp) > 0) {
		size_t len;

		n++;
		if (strncmp(line, "msgctxt \"", 9) != 0)
			continue;
		len = strcspn(line + 9, "\"");
		g_hash_table_insert(lines, g_strndup(line + 9, len),
			GSIZE_TO_POINTER(n));
	}
	free(line);
	if (fp != NULL)
		fclose(fp);
	return lines;
}

static int
read_header(struct catalog *cat, po_file_t po, struct diag *d)
{
	const char *header = po_file_domain_header(po, NULL);
	char *lang, *review;

	if (header == NULL)
		return diag_set(d, DIAG_FORMAT, "%s: no PO header", cat->path);
	lang = po_header_field(header, "Language");
	if (lang == NULL || lang[0] == '\0') {
		free(lang);
		return diag_set(d, DIAG_FORMAT,
			"%s: header has no 'Language:' field", cat->path);
	}
	cat->language = xstrdup(lang);
	free(lang);
	cat->name = po_header_field(header, "Language-Team");
	review = po_header_field(header, "X-Bayraq-Reviewed");
	cat->reviewed = review != NULL && strcmp(review, "yes") == 0;
	free(review);
	return 0;
}

/* A translation that is not text to print: what is wrong, or NULL. */
static const char *
bad_text(const char *s)
{
	const char *p;

	if (strlen(s) > CATALOG_MAX_TEXT)
		return "is longer than " G_STRINGIFY(CATALOG_MAX_TEXT) " bytes";
	if (!g_utf8_validate(s, -1, NULL))
		return "is not UTF-8 text (save the file as UTF-8, with "
		       "'charset=UTF-8' in its header)";
	for (p = s; *p != '\0'; p = g_utf8_next_char(p))
		if (g_unichar_iscntrl(g_utf8_get_char(p)))
			return "holds a control character such as a line break";
	return NULL;
}

static int
add_entry(struct catalog *cat, po_message_t m, GHashTable *lines,
	struct diag *d)
{
	struct entry *e;
	const char *key = po_message_msgctxt(m), *why;

	if (key == NULL || po_message_is_obsolete(m))
		return 0;
	cat->entries = xreallocarray(cat->entries, cat->count + 1,
		sizeof *cat->entries);
	e = &cat->entries[cat->count++];
	e->key = xstrdup(key);
	e->text = xstrdup(po_message_msgstr(m));
	e->fuzzy = po_message_is_fuzzy(m);
	e->line = GPOINTER_TO_SIZE(g_hash_table_lookup(lines, key));
	why = bad_text(e->text);
	if (why == NULL && !g_utf8_validate(key, -1, NULL))
		why = "has a key that is not UTF-8";
	if (why == NULL)
		return 0;
	return diag_set(d, DIAG_FORMAT, "%s:%zu: the translation of '%.40s' %s",
		cat->path, e->line, g_utf8_validate(key, -1, NULL) ? key : "?",
		why);
}

/* Only a regular file of a sane size: never a FIFO or /dev/zero. */
static int
check_file(const char *path, struct diag *d)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return diag_set(d, DIAG_IO, "cannot open '%s': %s", path,
			g_strerror(errno));
	if (!S_ISREG(st.st_mode))
		return diag_set(d, DIAG_FORMAT,
			"'%s' is not a regular file; a language is a .po file",
			path);
	if (st.st_size > CATALOG_MAX_FILE)
		return diag_set(d, DIAG_FORMAT,
			"'%s' is larger than %d MB; a language's .po file is "
			"a few kB",
			path, CATALOG_MAX_FILE >> 20);
	return 0;
}

struct catalog *
catalog_load(const char *path, struct diag *d)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);
	struct diag po_errors = { 0 };
	po_message_iterator_t it;
	po_message_t m;
	po_file_t po;
	GHashTable *lines;
	int rc = 0;

	cat->path = xstrdup(path);
	/* po_file_read reports a missing file only as a generic error. */
	if (check_file(path, d) < 0)
		goto fail;
	pthread_mutex_lock(&po_lock);
	po_diag = &po_errors;
	po = po_file_read(path, &po_handler);
	po_diag = NULL;
	if (po_errors.kind != DIAG_NONE || po == NULL) {
		if (po != NULL)
			po_file_free(po);
		pthread_mutex_unlock(&po_lock);
		if (po_errors.kind == DIAG_NONE)
			diag_set(d, DIAG_FORMAT, "cannot read '%s'", path);
		else
			diag_set(d, po_errors.kind, "%s", po_errors.msg);
		goto fail;
	}
	if (read_header(cat, po, d) < 0) {
		po_file_free(po);
		pthread_mutex_unlock(&po_lock);
		goto fail;
	}
	lines = context_lines(path);
	it = po_message_iterator(po, NULL);
	while (rc == 0 && (m = po_next_message(it)) != NULL)
		rc = add_entry(cat, m, lines, d);
	po_message_iterator_free(it);
	po_file_free(po);
	pthread_mutex_unlock(&po_lock);
	g_hash_table_destroy(lines);
	if (rc < 0)
		goto fail;
	return cat;
fail:
	catalog_free(cat);
	return NULL;
}

void
catalog_free(struct catalog *cat)
{
	size_t i;

	if (cat == NULL)
		return;
	for (i = 0; i < cat->count; i++) {
		free(cat->entries[i].key);
		free(cat->entries[i].text);
	}
	free(cat->entries);
	free(cat->language);
	free(cat->name);
	free(cat->path);
	free(cat);
}

const char *
catalog_language(const struct catalog *cat)
{
	return cat->language;
}

const char *
catalog_name(const struct catalog *cat)
{
	return cat->name != NULL ? cat->name : cat->language;
}

const char *
catalog_path(const struct catalog *cat)
{
	return cat->path;
}

int
catalog_reviewed(const struct catalog *cat)
{
	return cat->reviewed;
}

const char *
catalog_text(const struct catalog *cat, const char *key, struct diag *d)
{
	size_t i;

	for (i = 0; i < cat->count; i++) {
		const struct entry *e = &cat->entries[i];

		if (strcmp(e->key, key) != 0)
			continue;
		if (e->fuzzy) {
			diag_set(d, DIAG_FORMAT,
				"%s:%zu: key '%s' is marked fuzzy (not "
				"reviewed), so it is not used",
				cat->path, e->line, key);
			return NULL;
		}
		if (e->text[0] == '\0') {
			diag_set(d, DIAG_FORMAT,
				"%s:%zu: key '%s' is not translated", cat->path,
				e->line, key);
			return NULL;
		}
		return e->text;
	}
	diag_set(d, DIAG_FORMAT, "%s: no entry for key '%s'", cat->path, key);
	return NULL;
}
