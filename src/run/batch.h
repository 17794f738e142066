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

/* The record of what was made, in the output folder. */
#define BATCH_MANIFEST ".bayraq-manifest.json"

/*
 * Reads a CSV as spreadsheets save it: UTF-8 with or without a byte
 * order mark (UTF-16 with one is converted), separated by ',', ';' or
 * tab as the header shows (or by separator, when not 0), LF or CRLF;
 * quoted fields may hold separators, quotes and line breaks (RFC 4180).
 * The header names the columns lang, city, country, size, format, and if
 * wanted design, name, dpi, print, tile-sheet and orientation, in any
 * case and with any spaces. Every file goes into the folder outdir. A
 * bad header, a malformed file or one not in UTF-8 fails with DIAG_USAGE
 * naming the line; bad values fail only their row, later. Free with
 * batch_free().
 */
struct batch *batch_load(const char *csv_path, const char *outdir,
	char separator, struct diag *d);
void batch_free(struct batch *b);

/*
 * Resolves every row before anything renders, as `bayraq render` would
 * (a bad value fails the row, naming its column); rows that would write
 * the same file both fail; and unless force, rows are marked up to date
 * whose files are all there, unchanged, and made from the same resolved
 * job (job_fingerprint()), as the manifest in the output folder says.
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

/*
 * Records every file made or kept in outdir/BATCH_MANIFEST, written whole
 * or not at all (a temporary file renamed). Fails with DIAG_IO.
 */
int batch_manifest_write(const struct batch *b, struct diag *d);

/*
 * Writes path, a CSV in the input's separator (and byte order mark, for
 * Excel): line, city, status, files, reason, a row each. Whole or not at
 * all; fails with DIAG_IO.
 */
int batch_report_write(const struct batch *b, const char *path, struct diag *d);

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
