/* formats.h - the writers, one file each in src/write/, for output.c's table.
 */
#ifndef BAYRAQ_FORMATS_H
#define BAYRAQ_FORMATS_H

#include <cairo.h>

#include "write/output.h"

extern const struct writer writer_pdf; /* pdf.c */
extern const struct writer writer_png; /* png.c */
extern const struct writer writer_svg; /* svg.c */
extern const struct writer writer_tiff; /* tiff.c */

/*
 * A raster job for the banner at opts' pixel size, threads and bands,
 * for the writers made of pixels (png.c, tiff.c).
 */
void formats_raster_job(struct raster_job *rj, const struct banner *b,
	const struct output_opts *opts, raster_band_fn band,
	raster_take_fn take, void (*drop)(void *arg, void *result), void *arg);

/*
 * Ends a drawing on a vector surface: destroys cr, finishes and destroys
 * the surface. An earlier error (rc < 0) wins over cairo's status.
 */
int formats_surface_close(cairo_t *cr, cairo_surface_t *surf, int rc,
	const char *what, struct diag *d);

#endif
