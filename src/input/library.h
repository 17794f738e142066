/* library.h - designs, catalogs, fonts and flags, loaded once for many renders.
 */
#ifndef BAYRAQ_LIBRARY_H
#define BAYRAQ_LIBRARY_H

#include "input/catalog.h"
#include "input/design.h"
#include "base/diag.h"
#include "input/flags.h"
#include "input/fonts.h"

/* Where bayraq finds its data; filled from the build and the environment. */
struct job_paths {
	const char *designs; /* designs/ */
	const char *locales; /* locales/ */
	const char *fonts; /* fonts/ */
	const char *flags; /* our flags: designs/_flags */
	const char *flagset; /* the svg-country-flags package */
	const char *icc; /* build/icc: the CMYK output profiles */
	const char *srgb; /* an sRGB ICC profile */
};

struct library;

/*
 * An empty library over paths (borrowed: they must outlive it). Things
 * are loaded on first use and kept. pango and librsvg objects belong to
 * one thread at a time: give each thread its own library.
 */
struct library *library_new(const struct job_paths *paths);
void library_free(struct library *lib);

const struct job_paths *library_paths(const struct library *lib);

/* Each returns a borrowed object, valid until library_free(), or NULL. */
const struct fonts *library_fonts(struct library *lib, struct diag *d);
const struct flags *library_flags(struct library *lib, struct diag *d);

/* An unknown design fails with DIAG_USAGE listing the designs. */
const struct design *library_design(struct library *lib, const char *name,
	struct diag *d);

/* locales/<tag>.po; an unknown tag fails with DIAG_USAGE listing them. */
const struct catalog *library_catalog(struct library *lib, const char *tag,
	struct diag *d);

/* The language tags that have a locales/<tag>.po, sorted; NULL-terminated. */
char **library_languages(const struct job_paths *paths);
void library_languages_free(char **tags);

#endif
