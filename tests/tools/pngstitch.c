/*
 * pngstitch.c - test tool: pastes rectangles of PNGs into a new one.
 * pngstitch OUT.png W H [IN.png SX SY W H DX DY]... Uncovered pixels are
 * magenta, so a gap shows up in the comparison.
 */
#include "pngread.h"

#include <string.h>

static int
write_png(const char *path, const unsigned char *rgb, size_t w, size_t h)
{
	FILE *fp = fopen(path, "wb");
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
		NULL, NULL);
	png_infop info = png_create_info_struct(png);
	size_t y;

	if (fp == NULL || setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		if (fp != NULL)
			fclose(fp);
		return -1;
	}
	png_init_io(png, fp);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
		PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (y = 0; y < h; y++)
		png_write_row(png, rgb + y * w * 3);
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return fclose(fp) == 0 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	size_t w, h, i, x, y;
	unsigned char *out;
	int a;

	if (argc < 4 || (argc - 4) % 7 != 0) {
		fprintf(stderr, "usage: pngstitch OUT.png W H "
				"[IN.png SX SY W H DX DY]...\n");
		return 2;
	}
	w = (size_t)atol(argv[2]);
	h = (size_t)atol(argv[3]);
	out = malloc(w * h * 3);
	for (i = 0; i < w * h; i++) {
		out[i * 3] = 255;
		out[i * 3 + 1] = 0;
		out[i * 3 + 2] = 255;
	}
	for (a = 4; a < argc; a += 7) {
		struct image im;
		long sx = atol(argv[a + 1]), sy = atol(argv[a + 2]);
		long rw = atol(argv[a + 3]), rh = atol(argv[a + 4]);
		long dx = atol(argv[a + 5]), dy = atol(argv[a + 6]);

		if (image_read(&im, argv[a]) < 0) {
			fprintf(stderr, "pngstitch: cannot read %s\n", argv[a]);
			return 1;
		}
		for (y = 0; y < (size_t)rh; y++)
			for (x = 0; x < (size_t)rw; x++) {
				size_t ix = (size_t)sx + x, iy = (size_t)sy + y;
				size_t ox = (size_t)dx + x, oy = (size_t)dy + y;

				if (ix >= im.width || iy >= im.height ||
					ox >= w || oy >= h)
					continue;
				memcpy(out + (oy * w + ox) * 3,
					im.rgb + (iy * im.width + ix) * 3, 3);
			}
		free(im.rgb);
	}
	if (write_png(argv[1], out, w, h) < 0) {
		fprintf(stderr, "pngstitch: cannot write %s\n", argv[1]);
		return 1;
	}
	free(out);
	return 0;
}
