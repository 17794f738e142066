/* hairline.h - lines too thin to print, thickened in a PDF's content. */
#ifndef BAYRAQ_HAIRLINE_H
#define BAYRAQ_HAIRLINE_H

#include <qpdf/qpdf-c.h>

/* Thinner lines may not print: a shop's preflight bounces them. */
#define HAIRLINE_MIN_PT 0.25

/*
 * Raises every line the document's pages stroke thinner than min_pt at
 * the size it is drawn (a width of 0 too: the device's thinnest) to
 * min_pt, as a prepress "fix hairlines" does: the "w" operator that set
 * the width is rewritten, in the page's content and in the forms it draws,
 * for the largest need where a form is drawn at several sizes. The flags'
 * coats of arms (Mexico, Spain, Ecuador) hold lines of 0.01 pt. A width
 * nobody set (the default 1) and lines inside tiling patterns stay as they
 * are. Returns how many operators were raised.
 */
int hairline_raise(qpdf_data q, double min_pt);

#endif
