/* tiffenc.c - TIFF for large-format shops: deflate, resolution, sRGB profile.
 */
#include "write/tiffenc.h"

#include <glib.h>
#include <stdlib.h>
#include <tiffio.h>
#include <unistd.h>

#include "base/xalloc.h"

struct tiffenc {
	TIFF *tif;
};

static void
fields(TIFF *tif, const struct tiffenc_opts *o)
{
	gchar *icc = NULL;
	gsize icc_len = 0;

	TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, (uint32_t)o->width);
	TIFFSetField(tif, TIFFTAG_IMAGELENGTH, (uint32_t)o->height);
	TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
	TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
	TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
	TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
	TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
	TIFFSetField(tif, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
	TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, (uint32_t)o->strip_rows);
	TIFFSetField(tif, TIFFTAG_XRESOLUTION, (float)o->dpi);
	TIFFSetField(tif, TIFFTAG_YRESOLUTION, (float)o->dpi);
	TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
	TIFFSetField(tif, TIFFTAG_SOFTWARE, o->software);
	TIFFSetField(tif, TIFFTAG_DOCUMENTNAME, o->title);
	/* The pixels are sRGB: say so, for the shop's RIP. */
	if (o->srgb_icc != NULL &&
		g_file_get_contents(o->srgb_icc, &icc, &icc_len, NULL))
		TIFFSetField(tif, TIFFTAG_ICCPROFILE, (uint32_t)icc_len, icc);
	g_free(icc);
}

struct tiffenc *
tiffenc_new(FILE *fp, const struct tiffenc_opts *o, struct diag *d)
{
	double raw = (double)o->width * (double)o->height * 3;
	struct tiffenc *t;
	TIFF *tif;
	int fd;

	/* libtiff would print its complaints; its return values say enough. */
	TIFFSetErrorHandler(NULL);
	TIFFSetWarningHandler(NULL);
	fflush(fp);
	/* TIFFClose() closes the duplicate, not fp's descriptor. */
	fd = dup(fileno(fp));
	tif = fd < 0 ? NULL
		     : TIFFFdOpen(fd, "banner.tiff", raw > 2e9 ? "w8" : "w");
	if (tif == NULL) {
		if (fd >= 0)
			close(fd);
		diag_set(d, DIAG_IO, "cannot start the TIFF");
		return NULL;
	}
	fields(tif, o);
	t = xcalloc(1, sizeof *t);
	t->tif = tif;
	return t;
}

int
tiffenc_strip(struct tiffenc *t, size_t i, unsigned char *rgb, size_t len,
	struct diag *d)
{
	tmsize_t rc =
		TIFFWriteEncodedStrip(t->tif, (uint32_t)i, rgb, (tmsize_t)len);

	return rc < 0 ? diag_set(d, DIAG_IO, "cannot write the TIFF") : 0;
}

int
tiffenc_finish(struct tiffenc *t, struct diag *d)
{
	return TIFFFlush(t->tif)
		       ? 0
		       : diag_set(d, DIAG_IO, "cannot write the TIFF");
}

void
tiffenc_free(struct tiffenc *t)
{
	if (t == NULL)
		return;
	TIFFClose(t->tif);
	free(t);
}
