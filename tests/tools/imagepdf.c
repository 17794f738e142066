/*
 * imagepdf.c - test tool: a one-page PDF (A4) with a raster image of
 * W x H pixels placed MM millimetres wide, to test preflight's resolution
 * check. imagepdf OUT.pdf W H MM
 */
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	cairo_surface_t *pdf, *img;
	cairo_t *cr;
	int w, h;
	double mm, k;

	if (argc != 5) {
		fprintf(stderr, "usage: imagepdf OUT.pdf W H MM\n");
		return 2;
	}
	w = atoi(argv[2]);
	h = atoi(argv[3]);
	mm = atof(argv[4]);
	pdf = cairo_pdf_surface_create(argv[1], 595.28, 841.89);
	img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(img);
	cairo_set_source_rgb(cr, 0, 0.34, 0.72);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 1, 0.84, 0);
	cairo_rectangle(cr, 0, h / 2.0, w, h / 2.0);
	cairo_fill(cr);
	cairo_destroy(cr);
	cr = cairo_create(pdf);
	k = mm * 72 / 25.4 / w;
	cairo_translate(cr, 50, 50);
	cairo_scale(cr, k, k);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(img);
	cairo_surface_finish(pdf);
	if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS)
		return 1;
	cairo_surface_destroy(pdf);
	return 0;
}
