/* tiff.c - TIFF for large-format shops: bands of RGB strips (write/tiffenc.h).
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "layout/render.h"
#include "write/formats.h"
#include "write/pngenc.h"
#include "write/tiffenc.h"

/* Bands become RGB strips on their threads; libtiff deflates them. */
struct tiff_job {
	struct tiffenc *enc;
	size_t width;
};

struct strip {
	unsigned char *data;
	size_t len;
};

static int
tiff_band_work(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	struct tiff_job *j = arg;
	struct strip *st = xcalloc(1, sizeof *st);
	size_t y;

	(void)y0;
	(void)last;
	(void)d;
	st->len = j->width * 3 * n;
	st->data = xmalloc(st->len);
	for (y = 0; y < n; y++)
		pngenc_to_rgb(st->data + y * j->width * 3, rows + y * stride,
			j->width);
	*result = st;
	return 0;
}

static void
tiff_band_drop(void *arg, void *result)
{
	struct strip *st = result;

	(void)arg;
	free(st->data);
	free(st);
}

static int
tiff_band_take(void *arg, size_t band, void *result, struct diag *d)
{
	struct tiff_job *j = arg;
	struct strip *st = result;
	int rc = tiffenc_strip(j->enc, band, st->data, st->len, d);

	tiff_band_drop(arg, result);
	return rc;
}

static int
write_tiff(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct tiff_job tj = { NULL, opts->px_w };
	struct tiffenc_opts to = { opts->px_w, opts->px_h, 0, opts->dpi,
		opts->software, banner_title(b), opts->srgb_icc };
	struct raster_job rj;
	int rc;

	formats_raster_job(&rj, b, opts, tiff_band_work, tiff_band_take,
		tiff_band_drop, &tj);
	to.strip_rows = rj.band_rows;
	tj.enc = tiffenc_new(fp, &to, d);
	if (tj.enc == NULL)
		return -1;
	rc = raster_run(&rj, d);
	if (rc == 0)
		rc = tiffenc_finish(tj.enc, d);
	tiffenc_free(tj.enc);
	return rc;
}

const struct writer writer_tiff = { "tiff",
	"pixels at --dpi, deflated: for "
	"large-format shops",
	1, write_tiff };
