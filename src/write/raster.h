/* raster.h - banded, parallel rasterizing: bounded memory at any size. */
#ifndef BAYRAQ_RASTER_H
#define BAYRAQ_RASTER_H

#include <stddef.h>

#include "base/diag.h"
#include "layout/render.h"

/*
 * The widest tile drawn at once. cairo's image surfaces stop at 32767
 * pixels, and drawing into one that wide comes out blank (pixman's 16-bit
 * regions, seen with cairo 1.16): half of that is safe.
 */
#ifndef RASTER_MAX_SURFACE /* smaller in tests, to make many tiles */
#define RASTER_MAX_SURFACE 16384
#endif

/* Rows drawn at a time, at most; wide images take fewer. */
#define RASTER_BAND_ROWS 256

/*
 * A design with filters that cannot be drawn in windows (banner_filter_reach()
 * is -1) is drawn once, whole, within this many bytes; past it, per band.
 */
#define RASTER_ART_BYTES (512.0 * 1024 * 1024)

/*
 * A design with filters is drawn in windows of at most this many pixels
 * with their pad, one at a time: librsvg keeps about five surfaces of 4
 * bytes a pixel for a blur, so drawing it takes about 1.3 GB at most
 * (64 Mi pixels x 20 bytes), plus two strips of rows (under 64 Mi pixels x
 * 4 bytes each), whatever the image's size.
 */
#ifndef RASTER_ART_WINDOW_PIXELS /* smaller in tests, to make many windows */
#define RASTER_ART_WINDOW_PIXELS (64.0 * 1024 * 1024)
#endif

/* Past this many pixels, text is drawn as paths. */
#define RASTER_PATH_TEXT_PIXELS (16.0 * 1024 * 1024)

/* A band holds about this many bytes of pixels, whatever the width. */
#define RASTER_BAND_BYTES (4 * 1024 * 1024)

/*
 * The rows of a band for an image width pixels wide: memory stays near
 * RASTER_BAND_BYTES a thread, never growing with the image's height.
 */
size_t raster_band_rows(size_t width);

/*
 * A thread beyond the first is worth its banner_clone() (a font
 * configuration, layouts shaped again, the design parsed again) and the
 * memory traffic of two threads only with this many pixels for it to
 * draw. Measured on 2 cores (make bench): -j 2 took 1.08x the time of
 * -j 1 at 8.7 Mpx, 1.09x at 35 Mpx, 1.0x at 62 Mpx, 0.97x at 70 Mpx and
 * 0.84x at 139 Mpx. BAYRAQ_THREAD_PIXELS sets another figure (the tests
 * use less, to draw small images on several threads).
 */
#define RASTER_PIXELS_PER_THREAD (64.0 * 1024 * 1024)

/*
 * Work done on a band by the thread that drew it (compressing it), with
 * rows as cairo RGB24. It fills *result for the consumer.
 */
typedef int (*raster_band_fn)(void *arg, const unsigned char *rows,
	size_t stride, size_t y0, size_t n, int last, void **result,
	struct diag *d);

/* Takes the bands' results in order, on the calling thread. */
typedef int (
	*raster_take_fn)(void *arg, size_t band, void *result, struct diag *d);

/* Told after each band is taken. */
typedef void (*raster_progress_fn)(void *arg, size_t done, size_t total);

struct raster_job {
	const struct banner *banner; /* the others draw a banner_clone() */
	size_t width, height; /* in pixels */
	size_t jobs; /* threads at most; small images take fewer */
	size_t band_rows; /* RASTER_BAND_ROWS unless testing */
	size_t max_surface; /* 0: RASTER_MAX_SURFACE; smaller in tests */
	double window_pixels; /* 0: RASTER_ART_WINDOW_PIXELS; ditto */
	double thread_pixels; /* 0: RASTER_PIXELS_PER_THREAD */
	raster_band_fn band;
	raster_take_fn take;
	void (*drop)(void *arg, void *result); /* results never taken */
	void *arg;
	raster_progress_fn progress;
	void *progress_arg;
};

/*
 * The threads raster_run() starts: job->jobs at most, one per band at
 * most, and one per job->thread_pixels (RASTER_PIXELS_PER_THREAD) at most,
 * so that an image is never slower for the threads it was given.
 */
size_t raster_threads(const struct raster_job *job);

/*
 * Draws the banner at width x height pixels in bands of at most
 * RASTER_BAND_ROWS rows, cut into tiles across beyond RASTER_MAX_SURFACE, on
 * job->jobs threads: a thread draws a band and runs band() on it while
 * the caller's thread takes finished bands in order. At most two bands a
 * thread are in memory. The result is the same whatever the threads.
 */
int raster_run(const struct raster_job *job, struct diag *d);

#endif
