/* catalog.h - per-language texts from locales/<tag>.po, keyed by msgctxt. */
#ifndef BAYRAQ_CATALOG_H
#define BAYRAQ_CATALOG_H

#include <stddef.h>

#include "base/diag.h"
#include "base/limits.h"

struct catalog;

/*
 * Reads a gettext PO file with libgettextpo. The Language: header must be
 * present. Entries marked fuzzy are kept but never returned by
 * catalog_text(): they have not been reviewed. A syntax error fails with
 * DIAG_FORMAT naming the file and line. The caller frees the result with
 * catalog_free().
 */
struct catalog *catalog_load(const char *path, struct diag *d);

void catalog_free(struct catalog *cat);

/* The BCP 47 tag from the Language: header. Borrowed. */
const char *catalog_language(const struct catalog *cat);

/* The language's name from the Language-Team: header. Borrowed. */
const char *catalog_name(const struct catalog *cat);

/* The PO file's path, as given to catalog_load(). Borrowed. */
const char *catalog_path(const struct catalog *cat);

/* Whether the header says a native speaker reviewed the translation. */
int catalog_reviewed(const struct catalog *cat);

/*
 * The translation for key (its msgctxt). Borrowed; valid until
 * catalog_free(). A missing, empty or fuzzy entry fails as
 * catalog_unfinished() and returns NULL.
 */
const char *catalog_text(const struct catalog *cat, const char *key,
	struct diag *d);

/*
 * libgettextpo keeps its reader's and writer's state in globals, so every
 * use takes one lock. catalog_po_read() reads path (a regular file of a
 * sane size) and, on success, returns holding the lock: walk the
 * messages, then catalog_po_release(). On failure nothing is held and d
 * names the file and line. catalog_po_write() writes po to path.
 */
struct po_file;
struct po_file *catalog_po_read(const char *path, struct diag *d);
void catalog_po_release(struct po_file *po);
int catalog_po_write(struct po_file *po, const char *path, struct diag *d);

/*
 * The keys a design may name in bayraq:text: every msgctxt of the
 * template (locales/bayraq.pot) but the home-printer sheets' (tile-*).
 * NULL-terminated, in the template's order; free with g_strfreev(). A file
 * that cannot be read fails with DIAG_IO or DIAG_FORMAT.
 */
char **catalog_banner_keys(const char *pot_path, struct diag *d);

/* Whether key is one of the home-printer sheets' texts (tile-*). */
int catalog_tile_key(const char *key);

/* Whether key is one of the web page's texts (web-*): English if missing. */
int catalog_web_key(const char *key);

/*
 * The keys that are printed: every msgctxt of the template but the web
 * page's (web-*), which falls back to English. As catalog_banner_keys().
 */
char **catalog_printed_keys(const char *pot_path, struct diag *d);

/*
 * How many of keys (NULL-terminated) have a translation catalog_text()
 * gives. What is wrong with the first that has none goes to first, for a
 * translator: the file, the line, the key, fuzzy or empty or missing.
 */
size_t catalog_translated(const struct catalog *cat, const char *const *keys,
	struct diag *first);

/*
 * Fails with DIAG_FORMAT saying, for an organizer, that the language is
 * not finished and what to do (another language, or a translator). -1.
 */
int catalog_unfinished(const struct catalog *cat, struct diag *d);

#endif
