/* progress.h - the one progress display: a bar on a terminal, else lines. */
#ifndef BAYRAQ_PROGRESS_H
#define BAYRAQ_PROGRESS_H

#include <stddef.h>

struct progress {
	int tty; /* stderr is a terminal: one bar, redrawn in place */
	int lines; /* otherwise, a line now and then */
	double start; /* seconds */
	const char *what; /* "rows", or NULL for a percentage */
	int shown; /* a bar is on the screen */
};

/* Starts the clock; what names the units counted ("rows"), or NULL. */
void progress_init(struct progress *p, const char *what, int lines);

/*
 * Shows done of total, with note after it ("2 failed"), as a bar that
 * fits the terminal's width, or as a line when lines is set. Thread-safe
 * only under the caller's own lock.
 */
void progress_show(struct progress *p, size_t done, size_t total,
	const char *note);

/* Clears the bar, so that the next line starts clean. */
void progress_clear(struct progress *p);

/* A raster_progress_fn: arg is a struct progress. */
void progress_bands(void *arg, size_t done, size_t total);

#endif
