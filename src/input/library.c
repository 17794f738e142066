/* library.c - designs, catalogs, fonts and flags, loaded once for many renders.
 */
#include "input/library.h"

#include <glib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
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
 * The errors part of lint, so that no broken design prints: the first
 * error, and how to see them all.
 */
static int
lint_errors(const struct paths *paths, const char *name, struct diag *d)
{
	char *dir = design_folder(paths->designs, name);
	struct diag kd = { 0 };
	char **keys;
	struct lint l = { 0 };
	size_t i;
	int rc = 0;

	if (dir == NULL)
		return 0;
	keys = library_banner_keys(paths, &kd);
	l.errors_only = 1;
	lint_folder(&l, dir, keys);
	for (i = 0; i < l.count && rc == 0; i++)
		if (l.findings[i].level == LINT_ERROR)
			rc = l.errors > 1 ? diag_set(d, DIAG_FORMAT,
						    "%s (and %zu more: 'bayraq "
						    "lint %s')",
						    l.findings[i].text,
						    l.errors - 1, name)
					  : diag_set(d, DIAG_FORMAT, "%s",
						    l.findings[i].text);
	lint_release(&l);
	g_strfreev(keys);
	free(dir);
	return rc;
}

const struct design *
library_design(struct library *lib, const char *name, struct diag *d)
{
	struct shelf *sh = lib->shelf;
	struct design *dz;

	pthread_mutex_lock(&sh->lock);
	dz = find(sh->designs, sh->design_count, name);
	if (dz == NULL && lint_errors(sh->paths, name, d) == 0) {
		dz = design_load(sh->paths->designs, name, d);
		if (dz != NULL)
			keep(&sh->designs, &sh->design_count, name, dz);
	}
	pthread_mutex_unlock(&sh->lock);
	return dz;
}

static int
unknown_language(const struct paths *paths, const char *tag, struct diag *d)
{
	char **tags = library_languages(paths);

	diag_unknown(d, "language", tag, tags);
	library_languages_free(tags);
	return -1;
}

static struct catalog *
catalog_for(const struct paths *paths, const char *tag, struct diag *d)
{
	struct catalog *cat;
	char *path;

	if (strchr(tag, '/') != NULL || tag[0] == '.' || tag[0] == '\0') {
		unknown_language(paths, tag, d);
		return NULL;
	}
	path = xasprintf("%s/%s.po", paths->locales, tag);
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		free(path);
		unknown_language(paths, tag, d);
		return NULL;
	}
	cat = catalog_load(path, d);
	free(path);
	return cat;
}

const struct catalog *
library_catalog(struct library *lib, const char *tag, struct diag *d)
{
	struct shelf *sh = lib->shelf;
	struct catalog *cat;

	pthread_mutex_lock(&sh->lock);
	cat = find(sh->catalogs, sh->catalog_count, tag);
	if (cat == NULL) {
		cat = catalog_for(sh->paths, tag, d);
		if (cat != NULL)
			keep(&sh->catalogs, &sh->catalog_count, tag, cat);
	}
	pthread_mutex_unlock(&sh->lock);
	return cat;
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

		if (len <= 3 || strcmp(name + len - 3, ".po") != 0)
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
