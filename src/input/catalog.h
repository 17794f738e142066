/* catalog.h - per-language texts from locales/<tag>.po, keyed by msgctxt. */
#ifndef BAYRAQ_CATALOG_H
#define BAYRAQ_CATALOG_H

#include "base/diag.h"

/* A translation, and a .po file, are at most this long. */
#define CATALOG_MAX_TEXT 1000
#define CATALOG_MAX_FILE (4 << 20)

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
 * catalog_free(). A missing, empty or fuzzy entry fails with DIAG_FORMAT
 * naming the file, the line and the key, and returns NULL.
 */
const char *catalog_text(const struct catalog *cat, const char *key,
	struct diag *d);

#endif
