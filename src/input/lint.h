/* lint.h - a design's mistakes, found before a banner prints them. */
#ifndef BAYRAQ_LINT_H
#define BAYRAQ_LINT_H

#include <stddef.h>

#include "base/diag.h"

/* The least contrast of a text's colour against the art, as WCAG 2 asks. */
#define LINT_CONTRAST 4.5

/* The least resolution of a raster image at the largest size it prints. */
#define LINT_MIN_PPI 150.0

/*
 * An error stops every render of the design; a warning fails lint
 * --strict; a note is advice that fails nothing.
 */
enum lint_level { LINT_ERROR, LINT_WARNING, LINT_NOTE };

/*
 * One finding, one line: "file:line: slot 'id': what is wrong; what to do",
 * with "warning: " or "note: " after the line number for those.
 */
struct lint_finding {
	enum lint_level level;
	char *text;
};

/*
 * The distance a named size is read from, and the least cap height for
 * it: 1 mm per 250 mm of distance (80 mm at 20 m).
 */
#define LINT_POSTER_M 5.0 /* posters: every A size, US paper */
#define LINT_SIGN_M 10.0 /* placards carried on a stick: 18x24, 24x36 in */
#define LINT_BANNER_M 20.0 /* vinyl banners over a march */
#define LINT_DISTANCE_PER_CAP 250.0

/*
 * A story (story-1080x1920): the bars of Instagram and TikTok cover its
 * top and bottom, in pixels of that page.
 */
#define LINT_STORY_SIZE "story-1080x1920"
#define LINT_STORY_TOP_PX 250.0
#define LINT_STORY_BOTTOM_PX 340.0

/* The resolution the filters' cost is told for. */
#define LINT_FILTER_DPI 300.0

struct design;
struct fonts;

/*
 * Every finding of the files checked so far. Zero-initialize it, then set
 * what is optional.
 */
struct lint {
	struct lint_finding *findings;
	size_t count, errors, warnings, notes, files;
	/* Borrowed: to measure each text slot's cap height; NULL skips it. */
	const struct fonts *fonts;
	/* Only errors: skip the warnings that take time to measure. */
	int errors_only;
};

void lint_release(struct lint *l);

/*
 * Whether an href (or a url() value) points into the file itself, "#id",
 * or is a data: URI; anything else is a file or a URL, which bayraq
 * never fetches.
 */
int lint_href_inside(const char *href);

/*
 * Checks one SVG variant: the slot markup (namespace, attributes and
 * their values, ids, keys, which must be among keys: the banner keys of
 * locales/bayraq.pot), what librsvg does not draw (flowed text), what
 * prints the same in every language (literal text, text as paths), the
 * references (never fetched, never read outside the file's folder),
 * every slot's area; then, at the named sizes a render would draw it at,
 * each text slot inside the safe margin, each text's contrast with the
 * art under it, the smallest text's legibility from the size's reading
 * distance (a note; with l->fonts), raster images' resolution and the
 * filters' measured cost at the largest of those sizes. With
 * l->errors_only, only what can be an error. Never fails: what it cannot
 * read is a finding.
 */
void lint_variant(struct lint *l, const char *path, char *const *keys);

/*
 * Checks every *.svg of a design's folder as lint_variant(), each at the
 * sizes where a render picks it among the folder's variants; a folder
 * without one is a finding. Returns the number of errors found.
 */
size_t lint_folder(struct lint *l, const char *dir, char *const *keys);

/*
 * Checks one variant of dz (a design_open()'s, whose variants need not
 * be loaded) as lint_folder() checks it, at the sizes where a render
 * picks it among dz's: what the library checks before a render uses it.
 */
void lint_in_design(struct lint *l, const char *path, char *const *keys,
	const struct design *dz);

#endif
