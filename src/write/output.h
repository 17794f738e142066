/* output.h - the writers (pdf, png): temporary file, then rename into place. */
#ifndef BAYRAQ_OUTPUT_H
#define BAYRAQ_OUTPUT_H

#include <cairo.h>
#include <stddef.h>

#include "base/diag.h"
#include "write/pngenc.h"
#include "layout/print.h"
#include "write/raster.h"
#include "layout/render.h"

struct tiling;
struct tile_words;

#define OUTPUT_MAX 8

/* Files written but not yet in place. */
struct output {
	char *tmp[OUTPUT_MAX];
	char *final[OUTPUT_MAX];
	size_t count;
};

struct output_opts {
	double dpi; /* PNG: pixels per inch */
	size_t px_w, px_h; /* PNG: the exact pixel size */
	const char *software; /* "bayraq 0.1.0" */
	const char *subject; /* PDF: "#LIBERATECRIMEA banner for Berlin" */
	const struct sheet *sheet; /* PDF: bleed, marks, PDF/X; borrowed */
	const char *intent_icc; /* PDF/X: the CMYK output profile */
	const char *srgb_icc; /* PDF/X: sRGB for DeviceRGB content */
	enum png_level png_level; /* PNG: fast, default or small */
	size_t jobs; /* PNG: threads drawing bands */
	size_t band_rows; /* PNG: 0 for RASTER_BAND_ROWS */
	struct raster_painter painter; /* PNG: a banner per extra thread */
	raster_progress_fn progress; /* PNG: after each band, or NULL */
	void *progress_arg;
	const struct tiling *tiling; /* tiles: the grid; borrowed */
	const struct tile_words *tile_words; /* tiles: their texts */
};

/* Whether a writer of that name exists. */
int output_format_known(const char *format);

/* The writers' names, "pdf, png", for messages. */
const char *output_format_names(void);

/*
 * Writes the banner as format to a temporary file beside path; it is
 * renamed to path only by output_commit(). Fails with DIAG_IO or DIAG_LIB,
 * leaving no file behind.
 */
int output_write(struct output *o, const struct banner *b, const char *format,
	const char *path, const struct output_opts *opts, struct diag *d);

/*
 * Writes the banner cut into sheets for a home printer (opts->tiling and
 * opts->tile_words) as one PDF: the assembly map, then the sheets.
 */
int output_write_tiles(struct output *o, const struct banner *b,
	const char *path, const struct output_opts *opts, struct diag *d);

/* Draws every page of a document, calling cairo_show_page() after each. */
typedef int (*output_pages_fn)(cairo_t *cr, void *arg, struct diag *d);

/*
 * Writes a PDF of w x h point pages drawn by draw, with title and
 * language, to a temporary file beside path, kept in o.
 */
int output_write_pages(struct output *o, const char *path, double w, double h,
	const char *title, const char *lang, output_pages_fn draw, void *arg,
	struct diag *d);

/* Renames every written file into place. */
int output_commit(struct output *o, struct diag *d);

/* Removes every temporary file not yet committed, and frees o's names. */
void output_release(struct output *o);

#endif
