/* output.h - the writer table and the all-or-nothing file transaction. */
#ifndef BAYRAQ_OUTPUT_H
#define BAYRAQ_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "layout/print.h"
#include "write/pngenc.h"
#include "write/raster.h"

struct banner;

/* How to write a banner; filled by the run layer, read by the writers. */
struct output_opts {
	double dpi; /* PNG, TIFF: pixels per inch */
	double vector_ppi; /* PDF, SVG: a filtered design's art as an image */
	size_t px_w, px_h; /* PNG, TIFF: the exact pixel size */
	const char *software; /* "bayraq 0.1.0" */
	const char *subject; /* PDF: "#LIBERATECRIMEA banner for Berlin" */
	const struct sheet *sheet; /* PDF: bleed, marks, PDF/X; borrowed */
	const char *intent_icc; /* PDF/X: the CMYK output profile */
	const char *srgb_icc; /* PDF/X, TIFF: sRGB for RGB content */
	enum png_level png_level; /* PNG: fast, default or small */
	size_t jobs; /* PNG, TIFF: threads drawing bands, at most */
	size_t band_rows; /* PNG, TIFF: 0 for raster_band_rows() */
	raster_progress_fn progress; /* PNG, TIFF: after each band, or NULL */
	void *progress_arg;
};

/*
 * One output format: one file in src/write/ and one row of the table in
 * output.c. write() gets the open temporary file and never names paths.
 */
struct writer {
	const char *name; /* "pdf": the -f value and the file extension */
	const char *summary; /* for --help: "vector, for print" */
	int raster; /* made of pixels: --dpi applies, size caps apply */
	int (*write)(FILE *fp, const struct banner *b,
		const struct output_opts *opts, struct diag *d);
};

/* The writer called name, or NULL. Borrowed, static. */
const struct writer *writer_lookup(const char *name);

/* Writer i of the table, or NULL past the end. */
const struct writer *writer_at(size_t i);

/* The writers' names, "pdf, png, svg, tiff", into buf, for messages. */
void writer_names(char *buf, size_t size);

/* Writes one file of a transaction into the open stream fp. */
typedef int (*output_fn)(FILE *fp, void *arg, struct diag *d);

#define OUTPUT_MAX 8

/*
 * Files written to temporary names beside their final paths, renamed
 * into place together by output_commit(). Zero-initialize it.
 */
struct output {
	char *tmp[OUTPUT_MAX];
	char *final[OUTPUT_MAX];
	int slot[OUTPUT_MAX]; /* in the table output_remove_temps() reads */
	size_t count;
};

/*
 * Runs fn into a new temporary file beside path (mode 0666 less the
 * umask, as any new file). On failure the temporary file goes at
 * output_release(), and nothing is at path.
 */
int output_file(struct output *o, const char *path, output_fn fn, void *arg,
	struct diag *d);

/* output_file() for a banner in writer w's format. */
int output_banner(struct output *o, const struct writer *w,
	const struct banner *b, const char *path,
	const struct output_opts *opts, struct diag *d);

/*
 * Renames every written file into place. If one rename fails, those
 * already renamed are removed again: all of them, or none.
 */
int output_commit(struct output *o, struct diag *d);

/* Removes every temporary file not yet committed, and frees o's names. */
void output_release(struct output *o);

/*
 * Removes every temporary file being written, in any transaction of the
 * process. Async-signal-safe: for a SIGINT or SIGTERM handler, which then
 * ends the process.
 */
void output_remove_temps(void);

#endif
