/* job.h - struct job: all one render needs, and running it. */
#ifndef BAYRAQ_JOB_H
#define BAYRAQ_JOB_H

#include <stddef.h>

#include "base/diag.h"
#include "input/library.h"
#include "write/pngenc.h"
#include "layout/print.h"
#include "write/raster.h"

#define JOB_DEFAULT_DESIGN "liberate-crimea"
#define JOB_DEFAULT_LANG "en"
#define JOB_DEFAULT_SIZE "A2"
#define JOB_DEFAULT_FORMATS "pdf,png"
#define JOB_DEFAULT_DPI 150.0
#define JOB_DEFAULT_OUTPUT "out/"

/* What to render. Strings are borrowed from the caller (argv, a form). */
struct job {
	const char *design;
	const char *lang;
	const char *city;
	const char *country;
	const char *size;
	const char *orientation; /* NULL: the size's own */
	const char *formats; /* "pdf", "png" or "pdf,png" */
	double dpi;
	const char *output; /* a folder, or a file path */
	struct print_opts print;
	enum png_level png_level; /* --png-compression */
	size_t jobs; /* threads for large PNGs */
	int force; /* past the size caps */
	raster_progress_fn progress; /* PNG bands, for a progress bar */
	void *progress_arg;
	size_t band_rows; /* 0: RASTER_BAND_ROWS; tests set it */
	const char *sheet; /* tiles: the home printer's paper */
	double overlap; /* tiles: the glue strip, points */
	double margin; /* tiles: the printer's unprintable edge */
};

/* A PNG beyond either is refused unless job->force. */
#define JOB_MAX_PIXELS 2147483648.0
#define JOB_MAX_ESTIMATE 1e9

/* Sets every default; the caller then fills what the user gave. */
void job_init(struct job *job);

/* Validates the options that need no data: DIAG_USAGE on a bad one. */
int job_check(const struct job *job, struct diag *d);

/* A callback per file written, for the front end to report. */
typedef void (*job_written_fn)(const char *path, void *arg);

/*
 * Renders the job: takes the design, the catalog, the fonts and the flags
 * from lib (loading them there the first time), fits every text, writes every
 * format to temporary files and renames them into place only when all
 * succeeded. On failure nothing is left.
 */
int job_run(const struct job *job, struct library *lib, job_written_fn written,
	void *arg, struct diag *d);

struct banner_item;

/* A callback per placed slot, for `bayraq layout`. */
typedef void (*job_item_fn)(const struct banner_item *item, void *arg);

/*
 * Like job_run(), but instead of writing files reports where every slot,
 * flag and text went and at which size. Writes nothing.
 */
int job_layout(const struct job *job, struct library *lib, job_item_fn each,
	void *arg, struct diag *d);

struct tiling;
struct banner;

/*
 * Checks and lays out the job without writing: the banner, for drawing
 * elsewhere (a contact sheet). Free with banner_free().
 */
struct banner *job_plan(const struct job *job, struct library *lib,
	struct diag *d);

/*
 * The files a job will write, as job_run() and job_tile() name them (the
 * tiles' PDF last, when tile is set). NULL-terminated; free with
 * job_paths_free(). Fails with DIAG_USAGE on a bad size or format.
 */
char **job_output_paths(const struct job *job, int tile, struct diag *d);
void job_paths_free(char **paths);

/*
 * Cuts the banner into sheets of job->sheet for a home printer and writes
 * one PDF (map, then sheets). Fills *grid with the grid chosen, for the
 * front end to tell. Writes nothing on failure.
 */
int job_tile(const struct job *job, struct library *lib, struct tiling *grid,
	job_written_fn written, void *arg, struct diag *d);

#endif
