/* pngenc.h - a streaming PNG encoder: our chunk stream over zlib's deflate. */
#ifndef BAYRAQ_PNGENC_H
#define BAYRAQ_PNGENC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

struct pngenc;

/* Text chunks written before the image data; NULL fields are skipped. */
struct pngenc_info {
	double dpi; /* written as pHYs, in pixels per metre */
	const char *title;
	const char *language;
	const char *software;
};

/*
 * Starts an 8-bit RGB PNG of w x h pixels on fp (which the caller keeps and
 * closes): signature, IHDR, pHYs, sRGB and tEXt. Rows then arrive in order
 * through pngenc_rows(). Free with pngenc_free().
 */
struct pngenc *pngenc_new(FILE *fp, size_t w, size_t h,
	const struct pngenc_info *info, struct diag *d);

/*
 * Encodes n rows of cairo CAIRO_FORMAT_RGB24 pixels, stride bytes apart.
 * Fails with DIAG_IO when a write fails.
 */
int pngenc_rows(struct pngenc *pe, const unsigned char *data, size_t stride,
	size_t n, struct diag *d);

/* Writes the last image data and IEND. All rows must have been given. */
int pngenc_finish(struct pngenc *pe, struct diag *d);

void pngenc_free(struct pngenc *pe);

#endif
