/* lint.h - a design's mistakes, found before a banner prints them. */
#ifndef BAYRAQ_LINT_H
#define BAYRAQ_LINT_H

#include <stddef.h>

#include "base/diag.h"

/* The least contrast of a text's colour against the art, as WCAG 2 asks. */
#define LINT_CONTRAST 4.5

/* The least resolution of a raster image at the largest size it prints. */
#define LINT_MIN_PPI 150.0

enum lint_level { LINT_ERROR, LINT_WARNING };

/*
 * One finding, one line: "file:line: slot 'id': what is wrong; what to do",
 * with "warning: " after the line number for a warning.
 */
struct lint_finding {
	/* The least contrast of a text's colour against the art, as WCAG 2
	 * asks. */
#define LINT_CONTRAST 4.5

	/* The least resolution of a raster image at the largest size it prints.
	 */
#define LINT_MIN_PPI 150.0

	enum lint_level level;
	char *text;
};

/* Every finding of the files checked so far. Zero-initialize it. */
struct lint {
	struct lint_finding *findings;
	size_t count, errors, warnings, files;
};

void lint_release(struct lint *l);

/*
 * Checks one SVG variant: the slot markup (namespace, attributes and
 * their values, ids, keys, which must be among keys: the banner keys of
 * locales/bayraq.pot), what librsvg does not draw (flowed text), what
 * prints the same in every language (literal text, text as paths), the
 * references (never fetched, never read outside the file's folder),
 * every slot's area, each text's contrast with the art under it, and
 * raster images' resolution at the largest named size of the ratio. Never
 * fails: what it cannot read is a finding.
 */
void lint_variant(struct lint *l, const char *path, char *const *keys);

/*
 * Checks every *.svg of a design's folder; a folder without one is a
 * finding. Returns the number of errors found.
 */
size_t lint_folder(struct lint *l, const char *dir, char *const *keys);

#endif
