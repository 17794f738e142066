/* paper.h - named sizes, units and orientation. */
#ifndef BAYRAQ_PAPER_H
#define BAYRAQ_PAPER_H

#include <stddef.h>

#include "base/diag.h"
#include "base/limits.h"

/* Which print conventions a size belongs to (later: bleed, colour intent). */
enum paper_family {
	PAPER_ISO,
	PAPER_US,
	PAPER_BANNER,
	PAPER_SCREEN,
	PAPER_CUSTOM
};

struct paper {
	char label[48]; /* for file names: "A2", "banner-3x1m", "594x841mm" */
	double width_pt; /* page size in PostScript points, 1/72 in */
	double height_pt;
	size_t width_px; /* nonzero when the size was given in pixels */
	size_t height_px;
	enum paper_family family;
};

/* The millimetres in a point, and back. */
#define PAPER_MM(pt) ((pt)*25.4 / 72.0)
#define PAPER_PT(mm) ((mm)*72.0 / 25.4)

/* A size given in px is rendered with this many pixels per inch. */
#define PAPER_PX_DPI 96.0

/*
 * Parses a named size ("A2", "letter", "banner-3x1m", case-insensitive) or
 * "WxH" with a unit of mm, cm, in, pt or px ("594x841mm", "24x36in").
 * Fails with DIAG_USAGE, listing the named sizes.
 */
int paper_parse(struct paper *p, const char *spec, struct diag *d);

/*
 * As paper_parse(), for a sheet that tile cuts a banner into: a named
 * paper size (ISO, US) or WxH, not a banner or a screen; the list in the
 * error names only those.
 */
int paper_parse_sheet(struct paper *p, const char *spec, struct diag *d);

/*
 * Turns the page to "portrait" or "landscape"; a page already in that
 * orientation is left alone. Fails with DIAG_USAGE on another word.
 */
int paper_orient(struct paper *p, const char *orientation, struct diag *d);

/* Pixel size of a PNG of this page at dpi (ignored for px sizes). */
void paper_pixels(const struct paper *p, double dpi, size_t *w, size_t *h);

/* The resolution a PNG of this page carries: dpi, or PAPER_PX_DPI. */
double paper_dpi(const struct paper *p, double dpi);

/*
 * Parses a length such as "3mm", "0.125in", "1cm" or "9pt" into points.
 * A bare 0 needs no unit. Fails with DIAG_USAGE naming what.
 */
int paper_length(const char *s, const char *what, double *pt, struct diag *d);

/* The named sizes, for listings: name i, or NULL past the end. */
const char *paper_named(size_t i, char *desc, size_t desc_size);

/*
 * Named size i for a menu in any language: its dimensions ("420 x 594 mm")
 * into dims, whether its name is paper's own (A2, letter) rather than ours
 * (banner-3x1m), and what it is for as one ASCII word ("poster", "banner"),
 * the end of a catalog key; NULL past the end.
 */
const char *paper_named_use(size_t i, char *dims, size_t dims_size,
	int *own_name);

#endif
