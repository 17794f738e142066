/* marks.h - printer's marks on the sheet: crop marks, grommets, pocket folds.
 */
#ifndef BAYRAQ_MARKS_H
#define BAYRAQ_MARKS_H

#include <cairo.h>

#include "print.h"

/* The width of crop and fold marks, as print shops expect them. */
#define MARKS_LINE_PT 0.25

/*
 * Draws, on cr with one unit per point and the media's top left at the
 * origin: crop marks at the trim corners, offset by the bleed, outside the
 * bleed box; fold marks of pole pockets in the slug; grommet targets in
 * the hem. Draws nothing the sheet does not ask for.
 */
void marks_draw(cairo_t *cr, const struct sheet *s);

#endif
