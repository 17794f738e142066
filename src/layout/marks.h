/* marks.h - printer's marks on the sheet: crop marks, grommets, pocket folds.
 */
#ifndef BAYRAQ_MARKS_H
#define BAYRAQ_MARKS_H

#include <cairo.h>

#include "layout/print.h"

/* The width of crop and fold marks, as print shops expect them. */
#define MARKS_LINE_PT 0.25

/*
 * Draws the grommet targets in the hem, on cr with one unit per point and
 * the media's top left at the origin. They are part of the artwork.
 */
void marks_draw_grommets(cairo_t *cr, const struct sheet *s);

/*
 * The crop marks at the trim corners, offset by the bleed, outside the
 * bleed box, and the fold marks of pole pockets, as a PDF content stream
 * in 100% K of DeviceCMYK: cairo can only draw RGB, which a print shop
 * would turn into four-colour black. Coordinates are PDF's (origin at the
 * bottom left) divided by unit (/UserUnit). NULL when the sheet has no
 * marks; otherwise the caller frees it.
 */
char *marks_pdf_content(const struct sheet *s, double unit);

#endif
