/* ghostscript.c - a PDF's ink, rendered by Ghostscript run as a program. */
#include "write/ghostscript.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <tiffio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"

#define INSTALL_HINT "install it with: apt-get install ghostscript"

int
ghostscript_found(void)
{
	gchar *path = g_find_program_in_path("gs");
	int found = path != NULL;

	g_free(path);
	return found;
}

/* The first line gs wrote to stderr, for the message. */
static void
first_line(const char *s, char *buf, size_t size)
{
	size_t n;

	while (s != NULL && (*s == '\n' || *s == ' '))
		s++;
	n = s != NULL ? strcspn(s, "\n") : 0;
	if (n >= size)
		n = size - 1;
	memcpy(buf, s != NULL ? s : "", n);
	buf[n] = '\0';
}

/* The largest C + M + Y + K of a 32-bit CMYK TIFF's pixels, in percent. */
static double
tiff_max_ink(const char *file)
{
	TIFF *tif = TIFFOpen(file, "r");
	uint32_t w = 0, h = 0, y, x;
	uint16_t spp = 0, bps = 0;
	unsigned char *row;
	double max = -1;

	if (tif == NULL)
		return -1;
	TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
	TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
	TIFFGetField(tif, TIFFTAG_SAMPLESPERPIXEL, &spp);
	TIFFGetField(tif, TIFFTAG_BITSPERSAMPLE, &bps);
	if (spp != 4 || bps != 8 || TIFFScanlineSize(tif) < (tmsize_t)w * 4) {
		TIFFClose(tif);
		return -1;
	}
	row = xmalloc((size_t)TIFFScanlineSize(tif));
	max = 0;
	for (y = 0; y < h; y++) {
		if (TIFFReadScanline(tif, row, y, 0) < 0) {
			max = -1;
			break;
		}
		for (x = 0; x < w; x++) {
			const unsigned char *p = row + 4 * x;
			double sum = (p[0] + p[1] + p[2] + p[3]) * 100.0 / 255;

			if (sum > max)
				max = sum;
		}
	}
	free(row);
	TIFFClose(tif);
	return max;
}

int
ghostscript_ink(const char *path, const char *profile, double dpi, double *max,
	size_t pages, struct diag *d)
{
	gchar *dir, *errors = NULL, *pattern, *file;
	GError *err = NULL;
	char *output_profile, *default_cmyk, *output_file, *res, line[160];
	char tmpl[] = "bayraq-ink-XXXXXX";
	int status = 0, rc = -1;
	size_t i;

	if (!ghostscript_found())
		return diag_set(d, DIAG_IO,
			"Ghostscript (gs) is not installed; " INSTALL_HINT);
	dir = g_dir_make_tmp(tmpl, NULL);
	if (dir == NULL)
		return diag_set(d, DIAG_IO,
			"cannot make a temporary folder for gs");
	pattern = g_build_filename(dir, "page-%d.tif", NULL);
	output_profile = xasprintf("-sOutputICCProfile=%s", profile);
	default_cmyk = xasprintf("-sDefaultCMYKProfile=%s", profile);
	output_file = xasprintf("-sOutputFile=%s", pattern);
	res = xasprintf("-r%.2f", dpi);
	{
		const char *argv[] = { "gs", "-q", "-dBATCH", "-dNOPAUSE",
			"-dSAFER", "-sDEVICE=tiff32nc", res, output_profile,
			default_cmyk, output_file, path, NULL };

		/* g_spawn_sync does not write to argv. */
		if (!g_spawn_sync(NULL, (gchar **)argv, NULL,
			    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
			    NULL, NULL, NULL, &errors, &status, &err)) {
			diag_set(d, DIAG_IO, "cannot run gs: %s", err->message);
			g_clear_error(&err);
		} else if (!g_spawn_check_wait_status(status, NULL)) {
			first_line(errors, line, sizeof line);
			diag_set(d, DIAG_LIB, "gs could not render the ink: %s",
				line[0] ? line : "no message");
		} else {
			rc = 0;
		}
	}
	for (i = 0; i < pages; i++) {
		char name[32];

		snprintf(name, sizeof name, "page-%zu.tif", i + 1);
		file = g_build_filename(dir, name, NULL);
		max[i] = rc == 0 ? tiff_max_ink(file) : -1;
		if (rc == 0 && max[i] < 0)
			rc = diag_set(d, DIAG_LIB,
				"gs rendered no ink for page %zu", i + 1);
		unlink(file);
		g_free(file);
	}
	rmdir(dir);
	free(output_profile);
	free(default_cmyk);
	free(output_file);
	free(res);
	g_free(pattern);
	g_free(dir);
	g_free(errors);
	return rc;
}
