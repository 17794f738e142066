/* design.h - SVG designs from designs/: variants, sizes and marked slots. */
#ifndef BAYRAQ_DESIGN_H
#define BAYRAQ_DESIGN_H

#include <pthread.h>
#include <stddef.h>
#include <librsvg/rsvg.h>

#include "base/diag.h"
#include "base/limits.h"
#include "layout/fit.h"

/* The XML namespace of the slot markup (designs/README.md). */
#define DESIGN_NS "urn:bayraq:design:1"

enum slot_kind { SLOT_TEXT, SLOT_FLAG, SLOT_LOGO };

/*
 * Two text keys that are not messages of the PO files: "slogan" is the
 * message the organizer chose (one of design_slogans, "day" unless told),
 * "event" the date, time and place as typed (empty unless given).
 */
#define DESIGN_KEY_SLOGAN "slogan"
#define DESIGN_KEY_EVENT "event"
#define DESIGN_DEFAULT_SLOGAN "day"

/*
 * "name-ua", "name-crh", "name-host": the name of a flag's role in the
 * language, for a label under a flag (one-colour signs); empty where the
 * host slot is (host Ukraine). A country's name is ICU's; "name-crh" (the
 * Crimean Tatars) is an ordinary key of the catalog.
 */
#define DESIGN_KEY_NAME "name-"

/* Whether key is one of the organizer's or a country's name (above). */
int design_special_key(const char *key);

/* The messages a "slogan" slot may print, NULL-terminated. */
extern const char *const design_slogans[];

/* Whether key is one of design_slogans. */
int design_is_slogan(const char *key);

/* "day, prisoners, ... or flags", for messages. */
void design_slogan_list(char *buf, size_t size);

struct slot {
	enum slot_kind kind;
	char *id; /* the SVG element's id */
	char *name; /* text: message key; flag: ua, crh or host; logo: "logo" */
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
	int grey; /* flag: bayraq:tone="grey", for one-colour printing */
	int edge; /* flag: an edge where its shape meets its box */
	double edge_rgb[3]; /* bayraq:edge; black on a grey flag */
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
	double filter_reach; /* svgfilter_reach(): -1 cannot be windowed */
	double filter_cost; /* svgfilter_cost(): seconds a pixel */
	char filter_costliest[80]; /* its costliest primitive */
	double view_x, view_y; /* the viewBox's origin */
	struct slot *slots;
	size_t slot_count;
	int loaded; /* the fields above; else only path, width and height */
};

struct design;

/*
 * Checks the file of a variant before a lazily opened design hands it
 * out (the library lints it for errors); v is loaded unless loading
 * failed with load_error. 0, or -1 with d set.
 */
typedef int (*design_check_fn)(const struct design *dz, const char *path,
	const struct diag *load_error, void *arg, struct diag *d);

struct design {
	char *name;
	struct variant *variants;
	size_t variant_count;
	/*
	 * design_open()'s: a variant is loaded when it is first picked,
	 * under the lock, and checked by check; the others are loaded whole.
	 */
	int lazy;
	pthread_mutex_t lock;
	design_check_fn check;
	void *check_arg;
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
 * The same design, but each variant is read (slots, art) only when
 * design_pick() or design_variant() first hands it out: until then only
 * its viewBox is known, from the root element. A file whose root cannot
 * be read that way is loaded at once, so that an unreadable variant fails
 * here as in design_load(). check (may be NULL) runs on each variant's
 * file as it is loaded. Safe to share between threads. Free with
 * design_free().
 */
struct design *design_open(const char *designs_dir, const char *name,
	design_check_fn check, void *check_arg, struct diag *d);

/* Variant i, loaded if it was not; NULL with d set if it cannot be. */
const struct variant *design_variant(const struct design *dz, size_t i,
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

/*
 * The art (or with background set, the whole file) as a new handle whose
 * root viewBox is only the window x, y, w, h of the design's user units
 * (from the viewBox's origin), stretched exactly: drawn into the viewport
 * x, y, w, h it lands where the whole would, but librsvg sizes its
 * filters' surfaces by the window, not the page. Release with
 * g_object_unref(); NULL with DIAG_FORMAT on error.
 */
RsvgHandle *variant_open_window(const struct variant *v, int background,
	double x, double y, double w, double h, struct diag *d);

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
 * The index of the variant design_pick() would choose, from the ratios
 * alone (nothing is loaded), or -1 if none is near enough.
 */
long design_pick_index(const struct design *dz, double ratio);

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

/* The ratios of the design's variants, "3:4, 1:1.41". g_free() it. */
char *design_ratio_list(const struct design *dz);

#endif
