/* library.h - designs, catalogs, fonts and flags, loaded once for many renders.
 */
#ifndef BAYRAQ_LIBRARY_H
#define BAYRAQ_LIBRARY_H

#include "base/diag.h"
#include "input/catalog.h"
#include "input/design.h"
#include "input/flags.h"
#include "input/fonts.h"
#include "input/paths.h"

struct library;

/*
 * An empty library over paths (borrowed: they must outlive it). Things
 * are loaded on first use and kept. A library belongs to one thread: give
 * another thread a library_clone().
 */
struct library *library_new(const struct paths *paths);

/*
 * A library for another thread. What never changes once loaded (designs,
 * catalogs, the flags) is shared with lib and its other clones, and loaded
 * once for all; the fonts (fontconfig configuration and font map) are the
 * clone's own, from fontconfig's cache. Safe while lib is in use.
 */
struct library *library_clone(const struct library *lib);

/* Frees lib; the shared data goes with the last of its clones. */
void library_free(struct library *lib);

const struct paths *library_paths(const struct library *lib);

/* Each returns a borrowed object, valid until library_free(), or NULL. */
const struct fonts *library_fonts(struct library *lib, struct diag *d);
const struct flags *library_flags(struct library *lib, struct diag *d);

/* An unknown design fails with DIAG_USAGE listing the designs. */
const struct design *library_design(struct library *lib, const char *name,
	struct diag *d);

/*
 * The keys a design may name (locales/bayraq.pot but tile-*), for lint;
 * free with g_strfreev(). NULL with d set if the template is unreadable.
 */
char **library_banner_keys(const struct paths *paths, struct diag *d);

/*
 * The keys that are printed (locales/bayraq.pot but web-*), to count a
 * language's translated texts; free with g_strfreev(). NULL with d set if
 * the template is unreadable.
 */
char **library_printed_keys(const struct paths *paths, struct diag *d);

/*
 * 0 if cat has every printed text; else -1 and d says to the organizer
 * that the language is not finished, whatever the size. Without a
 * template there is nothing to count: 0.
 */
int library_finished(const struct paths *paths, const struct catalog *cat,
	struct diag *d);

/* The same, with the template read once for the life of lib. */
int library_language_finished(struct library *lib, const struct catalog *cat,
	struct diag *d);

/*
 * The catalog tag means: locales/<tag>.po, or the file nearest it
 * (uk-UA, UK, pt_BR, zh for zh-Hans, crh-Latn for crh.po whose header
 * says so). An unknown tag fails with DIAG_USAGE naming the nearest file
 * and listing them.
 */
const struct catalog *library_catalog(struct library *lib, const char *tag,
	struct diag *d);

/*
 * The name of the file (locales/<name>.po) that tag means, as
 * library_catalog() finds it, or NULL. Free with free().
 */
char *library_language_name(struct library *lib, const char *tag);

/* The language tags that have a locales/<tag>.po, sorted; NULL-terminated. */
char **library_languages(const struct paths *paths);
void library_languages_free(char **tags);

/*
 * The same but the unfinished ones (library_finished()): what the web page
 * and a proof offer. A file that cannot be read stays, for its caller to
 * report. Free with library_languages_free().
 */
char **library_finished_languages(struct library *lib);

#endif
