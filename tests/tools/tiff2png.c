/* tiff2png.c - test tool: a TIFF's pixels as a PNG, read by libtiff. */
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <tiffio.h>

int
main(int argc, char **argv)
{
	TIFF *tif;
	uint32_t w, h, *px, x, y;
	unsigned char *row;
	FILE *fp;
	png_structp png;
	png_infop info;

	if (argc != 3) {
		fprintf(stderr, "usage: tiff2png IN.tiff OUT.png\n");
		return 2;
	}
	tif = TIFFOpen(argv[1], "r");
	if (tif == NULL)
		return 1;
	TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &w);
	TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &h);
	px = malloc((size_t)w * h * 4);
	if (!TIFFReadRGBAImageOriented(tif, w, h, px, ORIENTATION_TOPLEFT, 0))
		return 1;
	TIFFClose(tif);
	fp = fopen(argv[2], "wb");
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png_create_info_struct(png);
	/* libpng reports errors by longjmp; test tools follow its manual. */
	if (fp == NULL || setjmp(png_jmpbuf(png)))
		return 1;
	png_init_io(png, fp);
	png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	row = malloc((size_t)w * 3);
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++) {
			uint32_t p = px[(size_t)y * w + x];

			row[3 * x] = (unsigned char)TIFFGetR(p);
			row[3 * x + 1] = (unsigned char)TIFFGetG(p);
			row[3 * x + 2] = (unsigned char)TIFFGetB(p);
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(row);
	free(px);
	return fclose(fp) == 0 ? 0 : 1;
}
