/* png.c - PNG: bands drawn and deflated in parallel, with DPI and sRGB. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "layout/render.h"
#include "write/formats.h"
#include "write/pngenc.h"

struct png_job {
	struct pngenc *pe;
	enum png_level level;
	size_t width;
};

/* On the drawing thread: filter and deflate the band. */
static int
png_band_work(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	struct png_job *j = arg;
	struct png_band *b = xcalloc(1, sizeof *b);

	(void)y0;
	*result = b;
	return pngenc_band(b, rows, stride, j->width, n, j->level, last, d);
}

static void
png_band_drop(void *arg, void *result)
{
	(void)arg;
	png_band_release(result);
	free(result);
}

/* On the caller's thread, in order: write the band's IDAT. */
static int
png_band_take(void *arg, size_t band, void *result, struct diag *d)
{
	struct png_job *j = arg;
	int rc = pngenc_append(j->pe, result, d);

	(void)band;
	png_band_drop(arg, result);
	return rc;
}

static int
write_png(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct pngenc_info info = { opts->dpi, banner_title(b), banner_lang(b),
		opts->software };
	struct png_job pj = { NULL, opts->png_level, opts->px_w };
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
	return rc;
}

const struct writer writer_png = { "png",
	"pixels at --dpi: home printers, "
	"screens",
	1, write_png };
