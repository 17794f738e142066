/* library.c - designs, catalogs, fonts and flags, loaded once for many renders.
 */
#include "input/library.h"

#include <glib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "base/nearest.h"
#include "input/lang.h"
#include "input/langtag.h"
#include "input/lint.h"

struct named {
	char *name;
	void *object;
};

/*
 * What the clones of a library share: loaded under the lock, then only
 * read, so a pointer handed out stays valid and unchanged.
 */
struct shelf {
	const struct paths *paths;
	pthread_mutex_t lock;
	size_t refs;
	struct fonts *fonts; /* the first library's; clones load their own */
	struct flags *flags;
	struct named *designs, *catalogs;
	size_t design_count, catalog_count;
	/*
	 * locales/bayraq.pot's keys, read once (NULL: unreadable), under
	 * their own lock: a variant's lint asks while a design is loaded.
	 */
	pthread_mutex_t keys_lock;
	int keys_read;
	char **banner, **printed;
};

struct library {
	struct shelf *shelf;
	int first; /* made by library_new(): its thread uses shelf->fonts */
	struct fonts *fonts; /* a clone's own, made for its thread */
};

struct library *
library_new(const struct paths *paths)
{
	struct library *lib = xcalloc(1, sizeof *lib);

	lib->shelf = xcalloc(1, sizeof *lib->shelf);
	lib->shelf->paths = paths;
	lib->shelf->refs = 1;
	lib->first = 1;
	pthread_mutex_init(&lib->shelf->lock, NULL);
	pthread_mutex_init(&lib->shelf->keys_lock, NULL);
	return lib;
}

struct library *
library_clone(const struct library *lib)
{
	struct library *c = xcalloc(1, sizeof *c);

	c->shelf = lib->shelf;
	pthread_mutex_lock(&c->shelf->lock);
	c->shelf->refs++;
	pthread_mutex_unlock(&c->shelf->lock);
	return c;
}

static void
shelf_free(struct shelf *sh)
{
	size_t i;

	for (i = 0; i < sh->design_count; i++) {
		design_free(sh->designs[i].object);
		free(sh->designs[i].name);
	}
	for (i = 0; i < sh->catalog_count; i++) {
		catalog_free(sh->catalogs[i].object);
		free(sh->catalogs[i].name);
	}
	free(sh->designs);
	free(sh->catalogs);
	g_strfreev(sh->printed);
	g_strfreev(sh->banner);
	pthread_mutex_destroy(&sh->keys_lock);
	fonts_free(sh->fonts);
	flags_free(sh->flags);
	pthread_mutex_destroy(&sh->lock);
	free(sh);
}

void
library_free(struct library *lib)
{
	size_t left;

	if (lib == NULL)
		return;
	pthread_mutex_lock(&lib->shelf->lock);
	left = --lib->shelf->refs;
	pthread_mutex_unlock(&lib->shelf->lock);
	if (left == 0)
		shelf_free(lib->shelf);
	fonts_free(lib->fonts);
	free(lib);
}

const struct paths *
library_paths(const struct library *lib)
{
	return lib->shelf->paths;
}

const struct fonts *
library_fonts(struct library *lib, struct diag *d)
{
	struct shelf *sh = lib->shelf;

	const struct fonts *f;

	if (lib->fonts != NULL)
		return lib->fonts;
	pthread_mutex_lock(&sh->lock);
	if (sh->fonts == NULL && lib->first)
		sh->fonts = fonts_load(sh->paths->fonts, d);
	f = lib->first ? sh->fonts : NULL;
	pthread_mutex_unlock(&sh->lock);
	/* A clone's thread never touches another thread's fontconfig. */
	if (!lib->first)
		f = lib->fonts = fonts_load(sh->paths->fonts, d);
	return f;
}

const struct flags *
library_flags(struct library *lib, struct diag *d)
{
	struct shelf *sh = lib->shelf;
	struct flags *fl;

	pthread_mutex_lock(&sh->lock);
	if (sh->flags == NULL) {
		/* Names in the shipped languages are found in Latin too. */
		char **langs = library_languages(sh->paths);

		sh->flags = flags_new(sh->paths->flags, sh->paths->flagset,
			sh->paths->isocodes, (const char *const *)langs, d);
		library_languages_free(langs);
	}
	fl = sh->flags;
	pthread_mutex_unlock(&sh->lock);
	return fl;
}

static void *
find(const struct named *list, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i].name, name) == 0)
			return list[i].object;
	return NULL;
}

static void
keep(struct named **list, size_t *n, const char *name, void *object)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[*n].name = xstrdup(name);
	(*list)[*n].object = object;
	(*n)++;
}

char **
library_banner_keys(const struct paths *paths, struct diag *d)
{
	char *pot = xasprintf("%s/bayraq.pot", paths->locales);
	char **keys = catalog_banner_keys(pot, d);

	free(pot);
	return keys;
}

/*
 * 0 if cat has every printed key of keys (NULL: nothing to count), else
 * -1 with d set as library_finished() says.
 */
static int
finished(const struct catalog *cat, char **keys, struct diag *d)
{
	struct diag ignored = { 0 };

	if (keys != NULL && catalog_translated(cat, (const char *const *)keys,
				    &ignored) < g_strv_length(keys))
		return catalog_unfinished(cat, d);
	return 0;
}

/* The keys of all that skip() does not skip; NULL for NULL. */
static char **
keys_but(char *const *all, int (*skip)(const char *key))
{
	GPtrArray *keys;
	size_t i;

	if (all == NULL)
		return NULL;
	keys = g_ptr_array_new();
	for (i = 0; all[i] != NULL; i++)
		if (!skip(all[i]))
			g_ptr_array_add(keys, g_strdup(all[i]));
	g_ptr_array_add(keys, NULL);
	return (char **)g_ptr_array_free(keys, FALSE);
}

/* The template read once for the shelf: a server asks at every render. */
static void
shelf_keys(struct shelf *sh, char ***banner, char ***printed)
{
	pthread_mutex_lock(&sh->keys_lock);
	if (!sh->keys_read) {
		struct diag ignored = { 0 };
		char *pot = xasprintf("%s/bayraq.pot", sh->paths->locales);
		char **all = catalog_template_keys(pot, &ignored);

		sh->banner = keys_but(all, catalog_tile_key);
		sh->printed = keys_but(all, catalog_web_key);
		sh->keys_read = 1;
		g_strfreev(all);
		free(pot);
	}
	if (banner != NULL)
		*banner = sh->banner;
	if (printed != NULL)
		*printed = sh->printed;
	pthread_mutex_unlock(&sh->keys_lock);
}

int
library_language_finished(struct library *lib, const struct catalog *cat,
	struct diag *d)
{
	char **keys;

	shelf_keys(lib->shelf, NULL, &keys);
	return finished(cat, keys, d);
}

char **
library_printed_keys(const struct paths *paths, struct diag *d)
{
	char *pot = xasprintf("%s/bayraq.pot", paths->locales);
	char **keys = catalog_printed_keys(pot, d);

	free(pot);
	return keys;
}

int
library_finished(const struct paths *paths, const struct catalog *cat,
	struct diag *d)
{
	struct diag ignored = { 0 };
	char **keys = library_printed_keys(paths, &ignored);
	int rc = finished(cat, keys, d);

	g_strfreev(keys);
	return rc;
}

/*
 * The errors part of lint on one variant as it is loaded, so that no
 * broken variant prints: the first error, and how to see them all; else
 * the loader's own error, if it had one.
 */
static int
lint_errors(const struct design *dz, const char *path,
	const struct diag *load_error, void *arg, struct diag *d)
{
	char **keys;
	struct lint l = { 0 };
	size_t i;
	int rc = 0;

	shelf_keys(arg, &keys, NULL);
	l.errors_only = 1;
	lint_in_design(&l, path, keys, dz);
	for (i = 0; i < l.count && rc == 0; i++)
		if (l.findings[i].level == LINT_ERROR)
			rc = l.errors > 1 ? diag_set(d, DIAG_FORMAT,
						    "%s (and %zu more: 'bayraq "
						    "lint %s')",
						    l.findings[i].text,
						    l.errors - 1, dz->name)
					  : diag_set(d, DIAG_FORMAT, "%s",
						    l.findings[i].text);
	if (rc == 0 && load_error != NULL)
		rc = diag_set(d, load_error->kind, "%s", load_error->msg);
	lint_release(&l);
	return rc;
}

const struct design *
library_design(struct library *lib, const char *name, struct diag *d)
{
	struct shelf *sh = lib->shelf;
	struct design *dz;

	pthread_mutex_lock(&sh->lock);
	dz = find(sh->designs, sh->design_count, name);
	if (dz == NULL) {
		/* Each variant is read, and linted, when first picked. */
		dz = design_open(sh->paths->designs, name, lint_errors, sh, d);
		if (dz != NULL)
			keep(&sh->designs, &sh->design_count, name, dz);
	}
	pthread_mutex_unlock(&sh->lock);
	return dz;
}

/*
 * A country's code typed for a language ("ua" for Ukraine): the file of
 * the language most likely there, as ICU says (uk), if there is one;
 * the language the code also is, if it is one (ICU's name for it).
 */
static int
region_instead(char **tags, const char *tag, struct diag *d)
{
	char likely[64], region[64], *name, *own;
	size_t i;

	if (!langtag_of_region(tag, likely, region))
		return 0;
	for (i = 0; tags[i] != NULL; i++)
		if (langtag_match(likely, tags[i]) >= LANGTAG_SCRIPT)
			break;
	if (tags[i] == NULL)
		return 0;
	/* "sl": Slovenian, which bayraq has not, and Sierra Leone. */
	own = lang_name(tag, "en");
	name = lang_name(tags[i], "en");
	diag_set(d, DIAG_USAGE,
		"unknown language '%s'%s%s%s; for %s use '%s' ('%s' is a "
		"country code: %s)",
		tag, g_ascii_strcasecmp(own, tag) != 0 ? " (" : "",
		g_ascii_strcasecmp(own, tag) != 0 ? own : "",
		g_ascii_strcasecmp(own, tag) != 0 ? ")" : "", name, tags[i],
		tag, region);
	free(own);
	free(name);
	return -1;
}

/*
 * An unknown tag: the language of the country whose code it is; else the
 * nearest file's tag, if one is near, and them all. Case and '_' are
 * already forgiven, so what is left is a typo.
 */
static int
unknown_language(const struct paths *paths, const char *tag, struct diag *d)
{
	char **tags = library_languages(paths), *list;
	const char *near = NULL;
	size_t n = g_strv_length(tags), dist = 0, limit;

	if (region_instead(tags, tag, d) != 0) {
		library_languages_free(tags);
		return -1;
	}
	if (langtag_plausible(tag)) {
		near = nearest_word(tag, (const char *const *)tags, n, &dist);
		limit = strlen(tag) / 3 + 1;
		if (dist > (limit < 3 ? limit : 3))
			near = NULL;
	}
	list = g_strjoinv(", ", tags);
	diag_set(d, DIAG_USAGE,
		"unknown language '%.40s' (%s%s%savailable: %s)",
		langtag_plausible(tag) ? tag : "?",
		near ? "did you mean '" : "", near ? near : "",
		near ? "'? " : "", list);
	g_free(list);
	library_languages_free(tags);
	return -1;
}

/* locales/name.po, loaded once and kept; NULL with d set on failure. */
static struct catalog *
shelf_catalog(struct shelf *sh, const char *name, struct diag *d)
{
	struct catalog *cat = find(sh->catalogs, sh->catalog_count, name);
	char *path;

	if (cat != NULL)
		return cat;
	path = xasprintf("%s/%s.po", sh->paths->locales, name);
	cat = catalog_load(path, d);
	free(path);
	if (cat != NULL)
		keep(&sh->catalogs, &sh->catalog_count, name, cat);
	return cat;
}

/*
 * The file (locales/<name>.po) that tag means: its name as typed; else
 * the same tag written otherwise (UK, pt_br); else the file whose name or
 * Language: header is nearest in ICU's likely subtags (uk-UA: uk,
 * zh: zh-Hans, crh-Latn-UA: crh whose header says crh-Latn), the first of
 * the best. Reading headers loads the catalogs, which are kept anyway.
 */
static char *
resolve(struct shelf *sh, const char *tag)
{
	char **tags = library_languages(sh->paths), *found = NULL;
	enum langtag_match best = LANGTAG_NONE;
	size_t i;

	for (i = 0; tags[i] != NULL && found == NULL; i++)
		if (langtag_match(tag, tags[i]) == LANGTAG_SAME)
			found = xstrdup(tags[i]);
	for (i = 0; tags[i] != NULL && found == NULL; i++) {
		struct diag ignored = { 0 };
		const struct catalog *cat =
			shelf_catalog(sh, tags[i], &ignored);
		enum langtag_match m = langtag_match(tag, tags[i]);

		if (cat != NULL &&
			langtag_match(tag, catalog_language(cat)) > m)
			m = langtag_match(tag, catalog_language(cat));
		if (m > best) {
			best = m;
			free(found);
			found = xstrdup(tags[i]);
		}
	}
	library_languages_free(tags);
	return found;
}

const struct catalog *
library_catalog(struct library *lib, const char *tag, struct diag *d)
{
	struct shelf *sh = lib->shelf;
	struct catalog *cat = NULL;
	char *name;

	if (!langtag_plausible(tag)) {
		unknown_language(sh->paths, tag, d);
		return NULL;
	}
	pthread_mutex_lock(&sh->lock);
	cat = find(sh->catalogs, sh->catalog_count, tag);
	if (cat != NULL) {
		pthread_mutex_unlock(&sh->lock);
		return cat;
	}
	name = resolve(sh, tag);
	if (name == NULL)
		unknown_language(sh->paths, tag, d);
	else
		cat = shelf_catalog(sh, name, d);
	pthread_mutex_unlock(&sh->lock);
	free(name);
	return cat;
}

char *
library_language_name(struct library *lib, const char *tag)
{
	char *name;

	if (!langtag_plausible(tag))
		return NULL;
	pthread_mutex_lock(&lib->shelf->lock);
	name = resolve(lib->shelf, tag);
	pthread_mutex_unlock(&lib->shelf->lock);
	return name;
}

static int
cmp_tag(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
library_languages(const struct paths *paths)
{
	char **tags = xcalloc(1, sizeof *tags);
	GDir *dir = g_dir_open(paths->locales, 0, NULL);
	const char *name;
	size_t n = 0;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		size_t len = strlen(name);

		char *path;
		int regular;

		if (len <= 3 || strcmp(name + len - 3, ".po") != 0)
			continue;
		/* Never a FIFO or a folder posing as a language. */
		path = g_build_filename(paths->locales, name, NULL);
		regular = g_file_test(path, G_FILE_TEST_IS_REGULAR);
		g_free(path);
		if (!regular)
			continue;
		tags = xreallocarray(tags, n + 2, sizeof *tags);
		tags[n++] = xstrndup(name, len - 3);
		tags[n] = NULL;
	}
	if (dir != NULL)
		g_dir_close(dir);
	qsort(tags, n, sizeof *tags, cmp_tag);
	return tags;
}

void
library_languages_free(char **tags)
{
	size_t i;

	for (i = 0; tags[i] != NULL; i++)
		free(tags[i]);
	free(tags);
}

char **
library_finished_languages(struct library *lib)
{
	const struct paths *paths = library_paths(lib);
	char **tags = library_languages(paths);
	size_t i, n = 0;

	for (i = 0; tags[i] != NULL; i++) {
		struct diag d = { 0 };
		const struct catalog *cat = library_catalog(lib, tags[i], &d);

		if (cat != NULL &&
			library_language_finished(lib, cat, &d) < 0) {
			free(tags[i]);
			continue;
		}
		tags[n++] = tags[i];
	}
	tags[n] = NULL;
	return tags;
}
