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
#include "input/lang.h"

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

po_file_t
catalog_po_read(const char *path, struct diag *d)
{
	struct diag po_errors = { 0 };
	po_file_t po;

	/* po_file_read reports a missing file only as a generic error. */
	if (check_file(path, d) < 0)
		return NULL;
	pthread_mutex_lock(&po_lock);
	po_diag = &po_errors;
	po = po_file_read(path, &po_handler);
	po_diag = NULL;
	if (po_errors.kind == DIAG_NONE && po != NULL)
		return po;
	if (po != NULL)
		po_file_free(po);
	pthread_mutex_unlock(&po_lock);
	if (po_errors.kind == DIAG_NONE)
		diag_set(d, DIAG_FORMAT, "cannot read '%s'", path);
	else
		diag_set(d, po_errors.kind, "%s", po_errors.msg);
	return NULL;
}

void
catalog_po_release(po_file_t po)
{
	po_file_free(po);
	pthread_mutex_unlock(&po_lock);
}

int
catalog_po_write(po_file_t po, const char *path, struct diag *d)
{
	struct diag po_errors = { 0 };
	int ok;

	pthread_mutex_lock(&po_lock);
	po_diag = &po_errors;
	ok = po_file_write(po, path, &po_handler) != NULL;
	po_diag = NULL;
	pthread_mutex_unlock(&po_lock);
	if (ok && po_errors.kind == DIAG_NONE)
		return 0;
	return diag_set(d, DIAG_IO, "cannot write '%s': %s", path,
		po_errors.kind != DIAG_NONE ? po_errors.msg
					    : "libgettextpo failed");
}

struct catalog *
catalog_load(const char *path, struct diag *d)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);
	po_message_iterator_t it;
	po_message_t m;
	po_file_t po;
	GHashTable *lines;
	int rc = 0;

	cat->path = xstrdup(path);
	po = catalog_po_read(path, d);
	if (po == NULL)
		goto fail;
	if (read_header(cat, po, d) < 0) {
		catalog_po_release(po);
		goto fail;
	}
	lines = context_lines(path);
	it = po_message_iterator(po, NULL);
	while (rc == 0 && (m = po_next_message(it)) != NULL)
		rc = add_entry(cat, m, lines, d);
	po_message_iterator_free(it);
	catalog_po_release(po);
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
	/* msginit writes "none"; a template, "LANGUAGE <LL@li.org>". */
	if (cat->name == NULL || cat->name[0] == '\0' ||
		strcmp(cat->name, "none") == 0 ||
		strncmp(cat->name, "LANGUAGE", 8) == 0)
		return cat->language;
	return cat->name;
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

/* What is wrong with e for a translator, with the file and line. */
static void
entry_problem(const struct catalog *cat, const struct entry *e, const char *key,
	struct diag *d)
{
	if (e == NULL)
		diag_set(d, DIAG_FORMAT, "%s: no entry for key '%s' (make po)",
			cat->path, key);
	else if (e->fuzzy)
		diag_set(d, DIAG_FORMAT,
			"%s:%zu: key '%s' is marked fuzzy (not reviewed), so "
			"it "
			"is not used",
			cat->path, e->line, key);
	else
		diag_set(d, DIAG_FORMAT, "%s:%zu: key '%s' is not translated",
			cat->path, e->line, key);
}

static const struct entry *
find_entry(const struct catalog *cat, const char *key)
{
	size_t i;

	for (i = 0; i < cat->count; i++)
		if (strcmp(cat->entries[i].key, key) == 0)
			return &cat->entries[i];
	return NULL;
}

static int
usable(const struct entry *e)
{
	return e != NULL && !e->fuzzy && e->text[0] != '\0';
}

int
catalog_unfinished(const struct catalog *cat, struct diag *d)
{
	char *name = lang_name(cat->language, "en");

	diag_set(d, DIAG_FORMAT,
		"the %s translation is not finished: use --lang en, or ask a "
		"translator (bayraq list languages --all says what is missing)",
		name);
	free(name);
	return -1;
}

const char *
catalog_text(const struct catalog *cat, const char *key, struct diag *d)
{
	const struct entry *e = find_entry(cat, key);

	if (usable(e))
		return e->text;
	catalog_unfinished(cat, d);
	return NULL;
}

size_t
catalog_translated(const struct catalog *cat, const char *const *keys,
	struct diag *first)
{
	size_t i, n = 0;

	for (i = 0; keys[i] != NULL; i++) {
		const struct entry *e = find_entry(cat, keys[i]);

		if (usable(e))
			n++;
		else
			entry_problem(cat, e, keys[i], first);
	}
	return n;
}

int
catalog_tile_key(const char *key)
{
	return strncmp(key, "tile-", 5) == 0;
}

int
catalog_web_key(const char *key)
{
	return strncmp(key, "web-", 4) == 0;
}

/* The template's keys that skip(key) does not leave out. */
static char **
template_keys(const char *pot_path, int (*skip)(const char *key),
	struct diag *d)
{
	po_message_iterator_t it;
	po_message_t m;
	po_file_t po = catalog_po_read(pot_path, d);
	GPtrArray *keys;

	if (po == NULL)
		return NULL;
	keys = g_ptr_array_new();
	it = po_message_iterator(po, NULL);
	while ((m = po_next_message(it)) != NULL) {
		const char *key = po_message_msgctxt(m);

		if (key != NULL && !po_message_is_obsolete(m) && !skip(key))
			g_ptr_array_add(keys, g_strdup(key));
	}
	po_message_iterator_free(it);
	catalog_po_release(po);
	g_ptr_array_add(keys, NULL);
	return (char **)g_ptr_array_free(keys, FALSE);
}

char **
catalog_banner_keys(const char *pot_path, struct diag *d)
{
	return template_keys(pot_path, catalog_tile_key, d);
}

char **
catalog_printed_keys(const char *pot_path, struct diag *d)
{
	return template_keys(pot_path, catalog_web_key, d);
}

static int
no_key(const char *key)
{
	(void)key;
	return 0;
}

char **
catalog_template_keys(const char *pot_path, struct diag *d)
{
	return template_keys(pot_path, no_key, d);
}
