/*
 * pngcmp.c - test tool: compares two PNGs with an explicit tolerance.
 * pngcmp A B DIFF TOL FRACTION: pixels whose largest channel difference is
 * above TOL may be at most FRACTION of the image. Writes a diff image
 * (differing pixels red over a faded A). Exit 0 when alike.
 */
#include "pngread.h"

static int
write_diff(const char *path, const struct image *a, const struct image *b,
	int tol)
{
	FILE *fp = fopen(path, "wb");
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
		NULL, NULL);
	png_infop info = png_create_info_struct(png);
	unsigned char *row = malloc(a->width * 3);
	size_t x, y, c;

	if (fp == NULL || setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(row);
		if (fp != NULL)
			fclose(fp);
		return -1;
	}
	png_init_io(png, fp);
	png_set_IHDR(png, info, (png_uint_32)a->width, (png_uint_32)a->height,
		8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (y = 0; y < a->height; y++) {
		for (x = 0; x < a->width; x++) {
			const unsigned char *pa =
				a->rgb + (y * a->width + x) * 3;
			const unsigned char *pb =
				b->rgb + (y * a->width + x) * 3;
			int worst = 0;

			for (c = 0; c < 3; c++) {
				int dd = abs(pa[c] - pb[c]);

				worst = dd > worst ? dd : worst;
			}
			for (c = 0; c < 3; c++)
				row[x * 3 + c] =
					(unsigned char)(worst > tol
								? (c == 0 ? 255
									  : 0)
								: 192 + pa[c] / 4);
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(row);
	return fclose(fp) == 0 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct image a, b;
	size_t i, n, over = 0;
	int tol, worst = 0, rc;
	double frac;

	if (argc != 6 || image_read(&a, argv[1]) < 0 ||
		image_read(&b, argv[2]) < 0) {
		fprintf(stderr,
			"usage: pngcmp A.png B.png DIFF.png TOL FRACTION\n");
		return 2;
	}
	tol = atoi(argv[4]);
	frac = atof(argv[5]);
	if (a.width != b.width || a.height != b.height) {
		fprintf(stderr, "pngcmp: sizes differ: %zux%zu and %zux%zu\n",
			a.width, a.height, b.width, b.height);
		return 1;
	}
	n = a.width * a.height;
	for (i = 0; i < n; i++) {
		int d = 0, c;

		for (c = 0; c < 3; c++) {
			int dd = abs(a.rgb[i * 3 + c] - b.rgb[i * 3 + c]);

			d = dd > d ? dd : d;
		}
		worst = d > worst ? d : worst;
		over += d > tol;
	}
	rc = (double)over / (double)n > frac;
	if (rc)
		write_diff(argv[3], &a, &b, tol);
	printf("%zu of %zu pixels differ by more than %d (largest %d)\n", over,
		n, tol, worst);
	free(a.rgb);
	free(b.rgb);
	return rc;
}
