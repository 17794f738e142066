/* png.c - PNG: bands drawn and deflated in parallel, with DPI and sRGB. */
#include <pthread.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "layout/render.h"
#include "write/formats.h"
#include "write/pngenc.h"

/*
 * A band's result, and the memory it was encoded with: taken from the
 * job's spares and given back once written, so that bands reuse buffers
 * (a few in flight: raster_run() bounds them) instead of allocating and
 * faulting in megabytes every band.
 */
struct png_work {
	struct png_band band;
	struct png_scratch scratch;
	struct png_work *next;
};

struct png_job {
	struct pngenc *pe;
	enum png_level level;
	size_t width;
	pthread_mutex_t lock;
	struct png_work *spare;
};

static struct png_work *
work_get(struct png_job *j)
{
	struct png_work *w;

	pthread_mutex_lock(&j->lock);
	w = j->spare;
	if (w != NULL)
		j->spare = w->next;
	pthread_mutex_unlock(&j->lock);
	return w != NULL ? w : xcalloc(1, sizeof *w);
}

static void
work_put(struct png_job *j, struct png_work *w)
{
	pthread_mutex_lock(&j->lock);
	w->next = j->spare;
	j->spare = w;
	pthread_mutex_unlock(&j->lock);
}

/* On the drawing thread: filter and deflate the band. */
static int
png_band_work(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	struct png_job *j = arg;
	struct png_work *w = work_get(j);

	(void)y0;
	*result = w;
	return pngenc_band_reuse(&w->band, &w->scratch, rows, stride, j->width,
		n, j->level, last, d);
}

static void
png_band_drop(void *arg, void *result)
{
	work_put(arg, result);
}

/* On the caller's thread, in order: write the band's IDAT. */
static int
png_band_take(void *arg, size_t band, void *result, struct diag *d)
{
	struct png_job *j = arg;
	struct png_work *w = result;
	int rc = pngenc_append(j->pe, &w->band, d);

	(void)band;
	work_put(j, w);
	return rc;
}

static int
write_png(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct pngenc_info info = { opts->dpi, banner_title(b), banner_lang(b),
		opts->software };
	struct png_job pj = { NULL, opts->png_level, opts->px_w,
		PTHREAD_MUTEX_INITIALIZER, NULL };
	struct raster_job rj;
	int rc;

	pj.pe = pngenc_new(fp, opts->px_w, opts->px_h, &info, d);
	if (pj.pe == NULL)
		return -1;
	formats_raster_job(&rj, b, opts, png_band_work, png_band_take,
		png_band_drop, &pj);
	rc = raster_run(&rj, d);
	if (rc == 0)
		rc = pngenc_finish(pj.pe, d);
	pngenc_free(pj.pe);
	while (pj.spare != NULL) {
		struct png_work *w = pj.spare;

		pj.spare = w->next;
		png_band_release(&w->band);
		png_scratch_release(&w->scratch);
		free(w);
	}
	pthread_mutex_destroy(&pj.lock);
	return rc;
}

const struct writer writer_png = { "png",
	"pixels at --dpi: home printers, "
	"screens",
	1, write_png };
