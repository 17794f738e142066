/* batch.h - campaign runs: many banners from one CSV, in parallel. */
#ifndef BAYRAQ_BATCH_H
#define BAYRAQ_BATCH_H

#include <stdatomic.h>
#include <stddef.h>

#include "base/diag.h"
#include "input/library.h"

enum row_state { ROW_PENDING, ROW_DONE, ROW_SKIPPED, ROW_FAILED };

struct batch;
struct job;

/*
 * Reads a CSV (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks) whose header names the columns: design, lang, city, country,
 * size, format, and optionally dpi, print, tile-sheet and orientation.
 * Every file goes into the folder outdir. A bad header or a malformed
 * file fails with DIAG_USAGE naming the line; bad values fail only their
 * row, later. Free with batch_free().
 */
struct batch *batch_load(const char *csv_path, const char *outdir,
	struct diag *d);
void batch_free(struct batch *b);

/*
 * Resolves every row before anything renders, as `bayraq render` would
 * (bad options fail the row); rows that would write the same file both
 * fail; and unless force, rows whose files are all there and newer than
 * their design and language are marked up to date.
 */
void batch_check(struct batch *b, struct library *lib, int force);

/* Called after each row, one call at a time, under the batch's lock. */
typedef void (*batch_row_fn)(const struct batch *b, size_t row, void *arg);

/*
 * Renders the pending rows on jobs threads, each with a library_clone()
 * of lib, so designs, catalogs and flags load once for all. Stops taking
 * rows when *stop is set; a row in progress finishes, and its files are
 * whole. Returns the number of failed rows.
 */
size_t batch_run(struct batch *b, struct library *lib, size_t jobs,
	batch_row_fn each, void *arg, const atomic_int *stop);

/* The rows, and what each is and became; strings borrowed. */
size_t batch_row_count(const struct batch *b);
size_t batch_row_line(const struct batch *b, size_t row);
enum row_state batch_row_state(const struct batch *b, size_t row);
const char *batch_row_error(const struct batch *b, size_t row);
/* The row's resolved job, or NULL when it failed before. */
const struct job *batch_row_job(const struct batch *b, size_t row);
/* How many rows are in the state. */
size_t batch_count(const struct batch *b, enum row_state state);

#endif
