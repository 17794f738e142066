/* tiff.c - TIFF for large-format shops: deflate, resolution, sRGB profile. */
#include <glib.h>
#include <stdlib.h>
#include <tiffio.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "layout/render.h"
#include "write/formats.h"
#include "write/pngenc.h"

/* Bands become RGB strips on their threads; libtiff deflates them. */
struct tiff_job {
	TIFF *tif;
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
	tmsize_t rc = TIFFWriteEncodedStrip(j->tif, (uint32_t)band, st->data,
		(tmsize_t)st->len);

	tiff_band_drop(arg, result);
	return rc < 0 ? diag_set(d, DIAG_IO, "cannot write the TIFF") : 0;
}

static void
tiff_fields(TIFF *tif, const struct banner *b, const struct output_opts *opts,
	size_t rows)
{
	gchar *icc = NULL;
	gsize icc_len = 0;

	TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, (uint32_t)opts->px_w);
	TIFFSetField(tif, TIFFTAG_IMAGELENGTH, (uint32_t)opts->px_h);
	TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
	TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
	TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
	TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
	TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
	TIFFSetField(tif, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
	TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, (uint32_t)rows);
	TIFFSetField(tif, TIFFTAG_XRESOLUTION, (float)opts->dpi);
	TIFFSetField(tif, TIFFTAG_YRESOLUTION, (float)opts->dpi);
	TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
	TIFFSetField(tif, TIFFTAG_SOFTWARE, opts->software);
	TIFFSetField(tif, TIFFTAG_DOCUMENTNAME, banner_title(b));
	/* The pixels are sRGB: say so, for the shop's RIP. */
	if (opts->srgb_icc != NULL &&
		g_file_get_contents(opts->srgb_icc, &icc, &icc_len, NULL))
		TIFFSetField(tif, TIFFTAG_ICCPROFILE, (uint32_t)icc_len, icc);
	g_free(icc);
}

/* BigTIFF past 2 GB of pixels. */
static int
write_tiff(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct tiff_job tj = { NULL, opts->px_w };
	struct raster_job rj;
	double raw = (double)opts->px_w * (double)opts->px_h * 3;
	int fd, rc;

	/* libtiff would print its complaints; its return values say enough. */
	TIFFSetErrorHandler(NULL);
	TIFFSetWarningHandler(NULL);
	fflush(fp);
	fd = dup(fileno(fp));
	tj.tif = fd < 0 ? NULL
			: TIFFFdOpen(fd, "banner.tiff", raw > 2e9 ? "w8" : "w");
	if (tj.tif == NULL) {
		if (fd >= 0)
			close(fd);
		return diag_set(d, DIAG_IO, "cannot start the TIFF");
	}
	formats_raster_job(&rj, b, opts, tiff_band_work, tiff_band_take,
		tiff_band_drop, &tj);
	tiff_fields(tj.tif, b, opts, rj.band_rows);
	rc = raster_run(&rj, d);
	if (rc == 0 && !TIFFFlush(tj.tif))
		rc = diag_set(d, DIAG_IO, "cannot write the TIFF");
	/* TIFFClose closes the duplicate descriptor, not fp. */
	TIFFClose(tj.tif);
	return rc;
}

const struct writer writer_tiff = { "tiff",
	"pixels at --dpi, deflated: for "
	"large-format shops",
	1, write_tiff };
