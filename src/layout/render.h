/* render.h - compose design, flags and fitted text on any cairo_t. */
#ifndef BAYRAQ_RENDER_H
#define BAYRAQ_RENDER_H

#include <cairo.h>
#include <stddef.h>

#include "input/catalog.h"
#include "input/design.h"
#include "base/diag.h"
#include "input/flags.h"
#include "input/fonts.h"
#include "input/lang.h"

/* Everything one banner is made of. All borrowed. */
struct render_input {
	const struct design *design;
	const struct catalog *catalog;
	const struct lang *lang;
	const struct fonts *fonts;
	const struct flags *flags;
	const char *city;
	const char *country; /* the host flag's code, "PL" */
	double page_w, page_h; /* in points */
};

struct banner;

/*
 * Picks the variant for the page, fits every text slot and loads every
 * flag, so that nothing can fail for lack of fit once drawing starts.
 * A text that cannot fit fails with DIAG_FIT naming the slot, language and
 * text. Free with banner_free().
 */
struct banner *render_plan(const struct render_input *in, struct diag *d);

void banner_free(struct banner *b);

/*
 * The same banner for another thread: the plan and fitted sizes are
 * copied, never fitted again; the pango layouts (on a clone of the fonts)
 * and the librsvg handles are made anew, for the calling thread. Safe to
 * call while another thread draws src. Free with banner_free().
 */
struct banner *banner_clone(const struct banner *src, struct diag *d);

/* How to draw: how far the background runs past each edge, and text. */
struct render_frame {
	double bleed_left, bleed_top, bleed_right, bleed_bottom; /* points */
	int outline_text; /* text as filled paths, for shops that ask */
};

/*
 * Draws the banner with the page's top left at the origin and one unit per
 * point; scale cr first for pixels. With a frame, the design's background
 * also covers the bleed beyond the page's edges, so that the cut never
 * shows a white sliver. frame may be NULL. Knows no file formats.
 */
int render_draw(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d);

/*
 * The two halves of render_draw(): the design itself (white, background,
 * art), then what bayraq places on it (flags, text). A raster writer can
 * draw the design once and the rest per band.
 */
int render_draw_art(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d);
int render_draw_overlay(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d);

/*
 * One line of plain text for the print shop (the finished size in the
 * slug), in Noto Sans at size points, black, its baseline starting at x,
 * y, with the banner's fonts. Fails with DIAG_LIB when cairo does.
 */
int render_draw_note(const struct banner *b, cairo_t *cr, const char *text,
	double x, double y, double size, struct diag *d);

/* Whether the design uses SVG filters, which librsvg computes whole. */
int banner_has_filters(const struct banner *b);

/* How many times render_draw_art() drew this banner's design. */
size_t banner_art_draws(const struct banner *b);

double banner_width(const struct banner *b);
double banner_height(const struct banner *b);

/* The headline as laid out, for the PDF title. Borrowed. */
const char *banner_title(const struct banner *b);

/* The BCP 47 tag of the text. Borrowed. */
const char *banner_lang(const struct banner *b);

/* One placed element, in page points: for tests and `bayraq slots`. */
struct banner_item {
	const char *kind; /* "text" or "flag" */
	const char *slot; /* the slot's id */
	const char *what; /* text: the laid-out text; flag: ua, crh or code */
	double x, y, w, h; /* the slot */
	double ix, iy, iw, ih; /* text: the ink; flag: the flag itself */
	double size; /* text: font size in points */
	size_t line_count;
	/* text: the ink of each line (at most 20, as bayraq:max-lines) */
	double line_ink[20][4];
};

/* Item i, or -1 past the end. */
int banner_item(const struct banner *b, size_t i, struct banner_item *out);

#endif
