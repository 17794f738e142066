/* job.h - what to render, resolved once: sizes, formats, names; then doing it.
 */
#ifndef BAYRAQ_JOB_H
#define BAYRAQ_JOB_H

#include <glib.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/limits.h"
#include "input/library.h"
#include "layout/print.h"
#include "write/pngenc.h"
#include "write/raster.h"

#define JOB_DEFAULT_DESIGN "liberate-crimea"
#define JOB_DEFAULT_LANG "en"
#define JOB_DEFAULT_SIZE "A2"
#define JOB_DEFAULT_FORMATS "pdf,png"
#define JOB_DEFAULT_DPI 150.0
#define JOB_DEFAULT_OUTPUT "out/"
#define JOB_DEFAULT_SHEET "A4"

/*
 * Checks typed text once, where it enters (argv, a CSV, a form): valid
 * UTF-8, at most JOB_MAX_TEXT bytes, no control characters and no bidi
 * embeddings or overrides. DIAG_USAGE names what ("--city").
 */
int job_check_text(const char *s, const char *what, struct diag *d);

/*
 * What was asked for, as typed: from argv, a CSV row or a web form. The
 * strings are borrowed, and only until job_resolve() returns.
 */
struct job_opts {
	const char *design;
	const char *lang;
	const char *city;
	const char *country;
	const char *size;
	const char *orientation; /* NULL: the size's own */
	const char *formats; /* "pdf,png"; NULL: from output's extension */
	double dpi;
	const char *output; /* a folder, or a file path */
	const char *name; /* in a folder, the files' base name; NULL:
			     DESIGN-LANG-CITY-SIZE */
	int output_folder; /* output is a folder, whatever its name */
	struct print_opts print;
	enum png_level png_level; /* --png-compression */
	size_t jobs; /* threads for large PNGs, at most */
	int force; /* past the size caps */
	size_t band_rows; /* 0: raster_band_rows(); tests set it */
	int tiles; /* also the banner in sheets for a home printer */
	int tiles_only; /* only those: no banner files */
	const char *sheet; /* tiles: the home printer's paper */
	double overlap; /* tiles: the glue strip, points */
	double margin; /* tiles: the printer's unprintable edge; < 0: the
			  sheet's default */
	size_t sheets; /* tiles: 0, or the banner as large as this many
			  sheets make, in the size's proportions */
	raster_progress_fn progress; /* PNG bands, for a progress bar */
	void *progress_arg;
};

/* Sets every default; the caller then fills what the user gave. */
void job_opts_init(struct job_opts *o);

struct job;

/*
 * Checks everything that can be checked before drawing, in one place:
 * city, country, language, design, size, orientation, print and tile
 * options, resolution, formats against the output's extension, the size
 * caps and the free disk space; and works out every output's name. Loads
 * what it needs to check into lib. A bad option fails with DIAG_USAGE
 * naming it and the valid choices. Free with job_free().
 */
struct job *job_resolve(const struct job_opts *o, struct library *lib,
	struct diag *d);
void job_free(struct job *job);

/* The files the job writes, in order: one per format, then the tiles. */
size_t job_output_count(const struct job *job);
const char *job_output_path(const struct job *job, size_t i);

/* What the job is for, in short: "uk · Київ · PL · A2". Borrowed. */
const char *job_label(const struct job *job);

/* The design's and the language's names. Borrowed. */
const char *job_design(const struct job *job);
const char *job_lang(const struct job *job);

/*
 * A hash (sha256, in hex; free() it) of everything that decides the
 * job's bytes: every resolved option, the output names, the version and
 * the executable, and the contents of the files read: the design's SVGs,
 * the catalog, the flags, fonts.conf, the ICC profiles; the font folders
 * by names, sizes and times. Equal fingerprints mean equal files. memo,
 * if not NULL, keeps file hashes (path -> hex) between calls; the caller
 * makes it with g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
 * g_free). A new option that changes a byte must be added here.
 */
char *job_fingerprint(const struct job *job, const struct library *lib,
	GHashTable *memo);

/* The home-printer grid, or NULL when the job has no tiles. Borrowed. */
const struct tiling *job_tiling(const struct job *job);

/* A callback per file written, for the front end to report. */
typedef void (*job_written_fn)(const char *path, void *arg);

/*
 * Plans the banner (fits every text) and writes every output to
 * temporary files, renamed into place only when all succeeded: on failure
 * nothing is left, and files that were there before are as they were.
 */
int job_run(const struct job *job, struct library *lib, job_written_fn written,
	void *arg, struct diag *d);

struct banner;
struct banner_item;

/* The banner planned, without writing; free with banner_free(). */
struct banner *job_plan(const struct job *job, struct library *lib,
	struct diag *d);

/* A callback per placed slot, for `bayraq layout`. */
typedef void (*job_item_fn)(const struct banner_item *item, void *arg);

/* Plans, then reports where every slot, flag and text went. Writes nothing. */
int job_layout(const struct job *job, struct library *lib, job_item_fn each,
	void *arg, struct diag *d);

#endif
