/* library.c - designs, catalogs, fonts and flags, loaded once for many renders.
 */
#include "input/library.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct named {
	char *name;
	void *object;
};

struct library {
	const struct job_paths *paths;
	struct fonts *fonts;
	struct flags *flags;
	struct named *designs, *catalogs;
	size_t design_count, catalog_count;
};

struct library *
library_new(const struct job_paths *paths)
{
	struct library *lib = xcalloc(1, sizeof *lib);

	lib->paths = paths;
	return lib;
}

void
library_free(struct library *lib)
{
	size_t i;

	if (lib == NULL)
		return;
	for (i = 0; i < lib->design_count; i++) {
		design_free(lib->designs[i].object);
		free(lib->designs[i].name);
	}
	for (i = 0; i < lib->catalog_count; i++) {
		catalog_free(lib->catalogs[i].object);
		free(lib->catalogs[i].name);
	}
	free(lib->designs);
	free(lib->catalogs);
	fonts_free(lib->fonts);
	flags_free(lib->flags);
	free(lib);
}

const struct job_paths *
library_paths(const struct library *lib)
{
	return lib->paths;
}

const struct fonts *
library_fonts(struct library *lib, struct diag *d)
{
	if (lib->fonts == NULL)
		lib->fonts = fonts_load(lib->paths->fonts, d);
	return lib->fonts;
}

const struct flags *
library_flags(struct library *lib, struct diag *d)
{
	if (lib->flags == NULL)
		lib->flags =
			flags_new(lib->paths->flags, lib->paths->flagset, d);
	return lib->flags;
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

const struct design *
library_design(struct library *lib, const char *name, struct diag *d)
{
	struct design *dz = find(lib->designs, lib->design_count, name);

	if (dz == NULL) {
		dz = design_load(lib->paths->designs, name, d);
		if (dz != NULL)
			keep(&lib->designs, &lib->design_count, name, dz);
	}
	return dz;
}

static int
unknown_language(const struct job_paths *paths, const char *tag, struct diag *d)
{
	char **tags = library_languages(paths);
	char list[200] = "";
	size_t i;

	for (i = 0; tags[i] != NULL; i++) {
		if (i > 0)
			g_strlcat(list, ", ", sizeof list);
		g_strlcat(list, tags[i], sizeof list);
	}
	library_languages_free(tags);
	return diag_set(d, DIAG_USAGE,
		"unknown language '%.20s' (available: %s)", tag, list);
}

const struct catalog *
library_catalog(struct library *lib, const char *tag, struct diag *d)
{
	struct catalog *cat = find(lib->catalogs, lib->catalog_count, tag);
	char *path;

	if (cat != NULL)
		return cat;
	if (strchr(tag, '/') != NULL || tag[0] == '.' || tag[0] == '\0') {
		unknown_language(lib->paths, tag, d);
		return NULL;
	}
	path = xasprintf("%s/%s.po", lib->paths->locales, tag);
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		free(path);
		unknown_language(lib->paths, tag, d);
		return NULL;
	}
	cat = catalog_load(path, d);
	free(path);
	if (cat != NULL)
		keep(&lib->catalogs, &lib->catalog_count, tag, cat);
	return cat;
}

static int
cmp_tag(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
library_languages(const struct job_paths *paths)
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
