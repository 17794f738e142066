/* pngread.h - the test tools' PNG reader: libpng to 8-bit RGB in memory. */
#ifndef BAYRAQ_PNGREAD_H
#define BAYRAQ_PNGREAD_H

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

struct image {
	size_t width, height;
	double dpi; /* 0 without pHYs */
	unsigned char *rgb;
};

/* libpng reports errors by longjmp; test tools follow its manual. */
static inline int
image_read(struct image *im, const char *path)
{
	FILE *fp = fopen(path, "rb");
	png_structp png;
	png_infop info;
	png_uint_32 rx, ry;
	int unit;
	size_t y;

	im->rgb = NULL;
	if (fp == NULL)
		return -1;
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png_create_info_struct(png);
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_read_struct(&png, &info, NULL);
		fclose(fp);
		free(im->rgb);
		im->rgb = NULL;
		return -1;
	}
	png_init_io(png, fp);
	png_read_info(png, info);
	png_set_expand(png);
	png_set_strip_16(png);
	png_set_strip_alpha(png);
	png_set_gray_to_rgb(png);
	png_read_update_info(png, info);
	im->width = png_get_image_width(png, info);
	im->height = png_get_image_height(png, info);
	im->dpi = 0;
	if (png_get_pHYs(png, info, &rx, &ry, &unit) &&
		unit == PNG_RESOLUTION_METER)
		im->dpi = rx * 0.0254;
	im->rgb = malloc(im->width * im->height * 3);
	for (y = 0; y < im->height; y++)
		png_read_row(png, im->rgb + y * im->width * 3, NULL);
	png_read_end(png, NULL);
	png_destroy_read_struct(&png, &info, NULL);
	fclose(fp);
	return 0;
}

#endif
