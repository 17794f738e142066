/*
 * tiffenc.h - a TIFF file of RGB strips, deflated by libtiff.
 *
 * libtiff (with the webp, jbig, zstd and Lerc it pulls in) is in
 * bayraq-tiff.so, loaded when a TIFF is first written: the program links
 * write/tiffmod.c in place of write/tiffenc.c, and calls these through
 * its table (write/tiffmod.h). Unit tests link tiffenc.c itself.
 */
#ifndef BAYRAQ_TIFFENC_H
#define BAYRAQ_TIFFENC_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"

struct tiffenc_opts {
	size_t width, height; /* pixels */
	size_t strip_rows; /* rows per strip; the last may have fewer */
	double dpi;
	const char *software; /* "bayraq 0.1.0" */
	const char *title; /* the document name */
	const char *srgb_icc; /* an sRGB profile to embed, or NULL */
};

struct tiffenc;

/*
 * Starts a TIFF at fp's position (fp is flushed, and stays the caller's):
 * BigTIFF past 2 GB of pixels. NULL with d set. Free with tiffenc_free().
 */
struct tiffenc *tiffenc_new(FILE *fp, const struct tiffenc_opts *o,
	struct diag *d);

/*
 * Writes strip i: its rows of width * 3 bytes (RGB), len in all. The
 * encoder (its predictor) may change rgb.
 */
int tiffenc_strip(struct tiffenc *t, size_t i, unsigned char *rgb, size_t len,
	struct diag *d);

/* Writes what is left once every strip is: 0, or -1 with d set. */
int tiffenc_finish(struct tiffenc *t, struct diag *d);

/* Closes the TIFF (not fp). Accepts NULL. */
void tiffenc_free(struct tiffenc *t);

#endif
