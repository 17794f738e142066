/* pngenc.h - a PNG encoder for bands: our chunk stream over isa-l or zlib. */
#ifndef BAYRAQ_PNGENC_H
#define BAYRAQ_PNGENC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/diag.h"

/* How hard to compress: --png-compression fast|default|small. */
enum png_level { PNG_FAST, PNG_DEFAULT, PNG_SMALL };

/* Parses "fast", "default" or "small"; DIAG_USAGE lists them. */
int pngenc_level_parse(const char *s, enum png_level *out, struct diag *d);

/* Text chunks written before the image data; NULL fields are skipped. */
struct pngenc_info {
	double dpi; /* written as pHYs, in pixels per metre */
	const char *title;
	const char *language;
	const char *software;
};

/*
 * One band of rows, filtered and deflated on its own: a band's bytes
 * never refer to another band's, so bands compress on any thread, in any
 * order, and the file is the same whatever the number of threads.
 */
struct png_band {
	unsigned char *data; /* raw deflate, byte-aligned at its end */
	size_t len, cap;
	uint32_t adler; /* of the filtered bytes */
	size_t raw_len; /* how many filtered bytes */
};

/*
 * Filters n rows of cairo CAIRO_FORMAT_RGB24 pixels, stride bytes apart,
 * width wide (the first row with PNG's "sub" filter, the others with
 * "up"), and deflates them into out; last ends the deflate stream.
 * Release out with png_band_release().
 */
int pngenc_band(struct png_band *out, const unsigned char *rows, size_t stride,
	size_t width, size_t n, enum png_level level, int last, struct diag *d);

void png_band_release(struct png_band *b);

struct isal_zstream;

/* Memory pngenc_band_reuse() keeps between bands: one per thread. */
struct png_scratch {
	unsigned char *raw; /* a chunk of filtered rows */
	size_t cap;
	/*
	 * Per row of raw: 1 while it holds an "up" row of zeros from an
	 * earlier chunk, which a repeated row then need not write again.
	 */
	unsigned char *zero;
	size_t zero_rows, zero_line;
	unsigned char *level_buf; /* isa-l's */
	struct isal_zstream *stream; /* isa-l's state, mapped where it must */
};

/*
 * pngenc_band() on memory kept from earlier bands: out's data (its
 * length starts again at 0) and sc, which grow as needed, so that a large
 * image allocates (and faults in) its buffers once, not once a band.
 * Release sc with png_scratch_release(), out with png_band_release().
 */
int pngenc_band_reuse(struct png_band *out, struct png_scratch *sc,
	const unsigned char *rows, size_t stride, size_t width, size_t n,
	enum png_level level, int last, struct diag *d);
void png_scratch_release(struct png_scratch *sc);

/* One row of cairo CAIRO_FORMAT_RGB24 pixels as 8-bit RGB bytes. */
void pngenc_to_rgb(unsigned char *out, const unsigned char *row, size_t width);

struct pngenc;

/*
 * Starts an 8-bit RGB PNG of w x h pixels on fp (which the caller keeps and
 * closes): signature, IHDR, pHYs, sRGB and iTXt. Bands then arrive in
 * order through pngenc_append(). Free with pngenc_free().
 */
struct pngenc *pngenc_new(FILE *fp, size_t w, size_t h,
	const struct pngenc_info *info, struct diag *d);

/* Writes one band's data as IDAT. Fails with DIAG_IO on a failed write. */
int pngenc_append(struct pngenc *pe, const struct png_band *b, struct diag *d);

/*
 * Encodes and writes n rows at once, for callers without threads: the
 * band is the last when the rows reach the image's height.
 */
int pngenc_rows(struct pngenc *pe, const unsigned char *data, size_t stride,
	size_t n, enum png_level level, struct diag *d);

/* Writes the checksum and IEND. Every row must have been given. */
int pngenc_finish(struct pngenc *pe, struct diag *d);

void pngenc_free(struct pngenc *pe);

#endif
