/* preflight.h - what a print shop checks in a PDF, read with qpdf and poppler.
 */
#ifndef BAYRAQ_PREFLIGHT_H
#define BAYRAQ_PREFLIGHT_H

#include <stddef.h>

#include "base/diag.h"

#define PREFLIGHT_MAX_PROBLEMS 16

/* Boxes are x0, y0, x1, y1 in points, /UserUnit applied. */
struct preflight {
	size_t pages;
	char version[8];
	double user_unit;
	double media[4], trim[4], bleed[4];
	int has_trim, has_bleed;
	double bleed_side[4]; /* left, top, right, bottom */
	char pdfx[32]; /* GTS_PDFXVersion, or "" */
	char intent[80]; /* OutputConditionIdentifier, or "" */
	char intent_class[5]; /* the profile's device class: "prtr" */
	char intent_space[5]; /* the profile's colour space: "CMYK" */
	size_t fonts, fonts_embedded;
	char colour_spaces[160]; /* "DeviceRGB (with DefaultRGB), ICCBased" */
	size_t images;
	double min_ppi; /* of raster images at their printed size */
	int has_text;
	double text_margin; /* nearest text to the trim edge, in points */
	double safe; /* the margin text must keep */
	char problems[PREFLIGHT_MAX_PROBLEMS][200];
	size_t problem_count;
};

/*
 * Reads the PDF at path and checks it as a print shop would: a trim and a
 * bleed box with bleed on every side, PDF/X with a CMYK printer output
 * intent, every font embedded, no unmanaged RGB, raster images of at least
 * 150 ppi (72 on banners), and text at least safe points inside the trim
 * (safe < 0: 5 mm, or 10 mm from A2 up). Every failed check becomes one
 * line in problems. A file that cannot be read fails with DIAG_IO or
 * DIAG_FORMAT.
 */
int preflight_check(struct preflight *pf, const char *path, double safe,
	struct diag *d);

#endif
