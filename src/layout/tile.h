/* tile.h - a banner cut into sheets for the printer at home, with a map. */
#ifndef BAYRAQ_TILE_H
#define BAYRAQ_TILE_H

#include <cairo.h>
#include <stddef.h>

#include "input/catalog.h"
#include "base/diag.h"
#include "input/fonts.h"
#include "input/lang.h"
#include "layout/render.h"

/* Rows are lettered A to Z. */
#define TILE_MAX_ROWS 26
#define TILE_MAX_COLS 99
/* Beyond this a print shop is cheaper than glue. */
#define TILE_MAX_SHEETS 200

struct tile_opts {
	double sheet_w, sheet_h; /* the paper, in either orientation */
	const char *sheet_name; /* "A4", for the map */
	double margin; /* the printer's unprintable edge */
	double overlap; /* the glue strip */
};

/* How a banner is cut: all lengths in points. */
struct tiling {
	double banner_w, banner_h;
	double sheet_w, sheet_h; /* in the chosen orientation */
	int landscape;
	double margin, overlap;
	double label_h; /* the band under the art for labels */
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

/* The part of the banner sheet (row, col) shows: x, y, w, h. */
void tile_region(const struct tiling *t, size_t row, size_t col, double r[4]);

/* The label of a sheet: "A1", "B3". */
void tile_label(size_t row, size_t col, char *buf, size_t size);

/* What the pages say, from the catalog, in the banner's language. */
struct tile_words {
	const struct catalog *catalog;
	const struct lang *lang;
	const struct fonts *fonts;
	const char *size_text; /* "594 x 841 mm" */
};

/*
 * Draws every page on a PDF surface, one cairo_show_page() each: the
 * assembly map, then the sheets row by row. Sheets overlap by the glue
 * strip: the one underneath shows it hatched with "glue here", the one on
 * top a dashed cut line; round marks match across neighbours. Fails with
 * DIAG_FORMAT for a missing text, DIAG_FIT when one cannot fit.
 */
int tile_draw(cairo_t *cr, const struct tiling *t, const struct banner *b,
	const struct tile_words *w, struct diag *d);

#endif
