/* marks.h - printer's marks on the sheet: crop marks, grommets, pocket folds.
 */
#ifndef BAYRAQ_MARKS_H
#define BAYRAQ_MARKS_H

#include <cairo.h>

#include "layout/print.h"

/* The width of crop and fold marks, as print shops expect them. */
#define MARKS_LINE_PT 0.25

/*
 * The crop marks at the trim corners, offset by the bleed, outside the
 * bleed box, the fold marks of pole pockets and the grommet targets in
 * the hem (a white ring, a black ring and cross), as a PDF content stream
 * in DeviceCMYK, black as 100% K: cairo can only draw RGB, which a print
 * shop would turn into four-colour black. Coordinates are PDF's (origin at the
 * bottom left) divided by unit (/UserUnit). NULL when the sheet has no
 * marks and no grommets; otherwise the caller frees it.
 */
char *marks_pdf_content(const struct sheet *s, double unit);

#endif
