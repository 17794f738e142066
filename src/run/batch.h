/* batch.h - campaign runs: many banners from one CSV, in parallel. */
#ifndef BAYRAQ_BATCH_H
#define BAYRAQ_BATCH_H

#include <signal.h>
#include <stddef.h>

#include "base/diag.h"
#include "run/job.h"
#include "input/library.h"

enum row_state { ROW_PENDING, ROW_DONE, ROW_SKIPPED, ROW_FAILED };

struct batch_row {
	size_t line; /* where the row starts in the CSV */
	char **fields; /* by column, NULL where absent; owned */
	struct job job; /* strings borrowed from fields */
	int tile; /* also the home-printer sheets */
	char **outputs; /* the files it writes; owned */
	enum row_state state;
	char error[256];
};

struct batch {
	char *csv;
	const char *outdir;
	struct batch_row *rows;
	size_t row_count;
	int force; /* render even what is up to date */
};

/*
 * Reads a CSV (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks) whose header names the columns: design, lang, city, country,
 * size, format, and optionally dpi, print, tile-sheet and orientation. A
 * bad header or a malformed file fails with DIAG_USAGE naming the line;
 * bad values fail only their row, later.
 */
int batch_load(struct batch *b, const char *csv_path, const char *outdir,
	struct diag *d);

void batch_release(struct batch *b);

/*
 * Checks every row before anything renders: bad options, and rows that
 * would write the same file (both fail), and marks as skipped the rows
 * whose files are all there and newer than their design and language.
 */
void batch_check(struct batch *b, const struct job_paths *paths);

/* Called after each row, from the worker that did it, one at a time. */
typedef void (*batch_row_fn)(const struct batch *b, const struct batch_row *r,
	size_t done, size_t total, void *arg);

/*
 * Renders the pending rows on jobs threads, each with its own library
 * (pango and librsvg objects belong to one thread), so fonts, designs,
 * flags and catalogs load once per thread, not per row. Stops taking rows
 * when *stop is set; a row in progress finishes, and its files are whole.
 * Returns the number of failed rows.
 */
size_t batch_run(struct batch *b, const struct job_paths *paths, size_t jobs,
	batch_row_fn each, void *arg, volatile sig_atomic_t *stop);

/*
 * A proof of the whole batch: every row's banner as a labelled thumbnail,
 * failed rows as a box with the reason, on A3 landscape pages.
 */
int batch_contact_sheet(const struct batch *b, struct library *lib,
	const char *path, struct diag *d);

#endif
