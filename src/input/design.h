/* design.h - SVG designs from designs/: variants, sizes and marked slots. */
#ifndef BAYRAQ_DESIGN_H
#define BAYRAQ_DESIGN_H

#include <stddef.h>
#include <librsvg/rsvg.h>

#include "base/diag.h"
#include "base/limits.h"
#include "layout/fit.h"

/* The XML namespace of the slot markup (designs/README.md). */
#define DESIGN_NS "urn:bayraq:design:1"

enum slot_kind { SLOT_TEXT, SLOT_FLAG };

struct slot {
	enum slot_kind kind;
	char *id; /* the SVG element's id */
	char *name; /* text: message key; flag: ua, crh or host */
	char *font; /* "sans", or a family tried before the language's */
	int weight;
	double rgb[3];
	enum fit_align align;
	int caps;
	size_t max_lines;
	double min_size; /* in the design's user units */
	double max_size; /* 0: no limit */
	double letter_spacing; /* em */
	double line_height; /* em, baseline to baseline; 0: bayraq's default */
	double x, y, w, h; /* in user units, transforms applied */
	size_t line; /* in the SVG, for messages */
};

struct variant {
	char *path;
	double width, height; /* the viewBox: the design's user units */
	GBytes *art_svg; /* the drawing without slot guides or background */
	GBytes *whole_svg; /* the whole file, to draw #background; or NULL */
	int has_background; /* an element with id="background" */
	int has_filters; /* an element with a filter: costly per band */
	struct slot *slots;
	size_t slot_count;
};

struct design {
	char *name;
	struct variant *variants;
	size_t variant_count;
};

/* How far a page's aspect ratio may be from a variant's: 10%. */
#define DESIGN_RATIO_TOLERANCE 1.10

/*
 * Loads every variant (*.svg) of designs_dir/name. An unknown name fails
 * with DIAG_USAGE listing the designs; bad SVG or slot markup fails with
 * DIAG_FORMAT naming the file and line. Free with design_free().
 */
struct design *design_load(const char *designs_dir, const char *name,
	struct diag *d);

/*
 * Loads one SVG file as a variant into v. For tests and tools; release
 * with variant_release(), also after a failure.
 */
int variant_load(struct variant *v, const char *path, struct diag *d);
void variant_release(struct variant *v);

void design_free(struct design *dz);

/*
 * The variant's drawing (without guides and background) and its whole file
 * (for #background, or NULL without one) as new librsvg handles, which
 * belong to the calling thread. The variant itself is only read, so threads
 * share it. Release with g_object_unref(); NULL with DIAG_FORMAT on error.
 */
RsvgHandle *variant_open_art(const struct variant *v, struct diag *d);
RsvgHandle *variant_open_background(const struct variant *v, struct diag *d);

/* The number of variants, and the aspect ratio (width / height) of one. */
size_t design_variant_count(const struct design *dz);
double design_variant_ratio(const struct design *dz, size_t i);

/*
 * The variant whose aspect ratio (width / height) is nearest ratio.
 * Borrowed. Farther than DESIGN_RATIO_TOLERANCE from all of them fails
 * with DIAG_FIT listing the ratios the design has.
 */
const struct variant *design_pick(const struct design *dz, double ratio,
	struct diag *d);

/*
 * The design names under designs_dir, sorted; folders starting with '_' or
 * '.' are not designs. A NULL-terminated array; free with design_names_free().
 */
char **design_names(const char *designs_dir);
void design_names_free(char **names);

/* The *.svg files of a design's folder dir, sorted; free as names. */
char **design_files(const char *dir);

/*
 * designs_dir/name if name is a design's folder there (no '/', no leading
 * '_' or '.'), else NULL. Free with free().
 */
char *design_folder(const char *designs_dir, const char *name);

/* Formats a ratio as people say it: "3:1", "1:1.41", "9:16". */
void design_ratio_text(double ratio, char *buf, size_t size);

#endif
