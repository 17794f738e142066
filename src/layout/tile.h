/* tile.h - a banner cut into sheets for the printer at home, with a map. */
#ifndef BAYRAQ_TILE_H
#define BAYRAQ_TILE_H

#include <cairo.h>
#include <stddef.h>

#include "input/catalog.h"
#include "base/diag.h"
#include "base/limits.h"
#include "input/fonts.h"
#include "input/lang.h"
#include "layout/render.h"

struct tile_opts {
	double sheet_w, sheet_h; /* the paper, in either orientation */
	const char *sheet_name; /* "A4", for the map */
	double margin; /* the printer's unprintable edge */
	double overlap; /* the glue strip */
};

/* The art runs this far past a cut line, and the glue strip starts as far
 * in without hatching: a cut 1-2 mm off shows neither white nor hatching. */
#define TILE_TOLERANCE_MM 3.0

/* The default --margin: 0.25 in on US paper (many printers cannot print
 * closer), 5 mm on ISO and other paper. */
double tile_default_margin(int us_paper);

/* How a banner is cut: all lengths in points. */
struct tiling {
	double banner_w, banner_h;
	double sheet_w, sheet_h; /* in the chosen orientation */
	int landscape;
	double margin, overlap;
	double tolerance; /* art past a cut, clean art before the hatching */
	double art_w, art_h; /* the art on one sheet, overlap included */
	size_t cols, rows;
	const char *sheet_name;
};

/*
 * Chooses the sheet orientation that needs the fewest sheets (portrait on
 * a tie) and the grid. Fails with DIAG_USAGE when the margin and overlap
 * leave no room, or the grid would pass 26 rows, 99 columns or 200 sheets.
 */
int tile_plan(struct tiling *t, double banner_w, double banner_h,
	const struct tile_opts *o, struct diag *d);

/*
 * The largest banner of ratio w:h that at most n sheets make, in either
 * orientation: *scale times w x h. Fails with DIAG_USAGE when even one
 * sheet has no room.
 */
int tile_fit_sheets(double w, double h, size_t n, const struct tile_opts *o,
	double *scale, struct diag *d);

/* The part of the banner sheet (row, col) shows: x, y, w, h. */
void tile_region(const struct tiling *t, size_t row, size_t col, double r[4]);

/* The name of a sheet: its number in reading order, "1" to "200". Not a
 * letter and a digit, which people take for a paper size (A1, B3). */
void tile_label(const struct tiling *t, size_t row, size_t col, char *buf,
	size_t size);

/* What the pages say, from the catalog, in the banner's language. */
struct tile_words {
	const struct catalog *catalog;
	const struct lang *lang;
	const struct fonts *fonts;
	const char *size_text; /* "594 x 841 mm" */
};

/*
 * Draws every page on a PDF surface, one cairo_show_page() each: the
 * assembly map with a 100 mm scale bar, then the sheets row by row. Sheets
 * overlap by the glue strip: the one underneath shows it hatched with
 * "glue here", its name and the alignment marks, all hidden once glued; the
 * one on top a dashed cut line with the art running past it. Fails with
 * DIAG_FORMAT for a missing text, DIAG_FIT when one cannot fit.
 */
int tile_draw(cairo_t *cr, const struct tiling *t, const struct banner *b,
	const struct tile_words *w, struct diag *d);

#endif
