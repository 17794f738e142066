/*
 * pngcount.c - test tool: the share of a PNG's pixels near a colour.
 * pngcount FILE RRGGBB TOL prints the fraction (0 to 1) of pixels whose
 * largest channel difference from RRGGBB is at most TOL.
 */
#include "pngread.h"

int
main(int argc, char **argv)
{
	struct image im;
	unsigned long rgb;
	int want[3], tol, c, far;
	size_t i, n = 0, total;

	if (argc != 4 || image_read(&im, argv[1]) < 0) {
		fprintf(stderr, "usage: pngcount FILE.png RRGGBB TOL\n");
		return 2;
	}
	rgb = strtoul(argv[2], NULL, 16);
	want[0] = (int)(rgb >> 16 & 0xff);
	want[1] = (int)(rgb >> 8 & 0xff);
	want[2] = (int)(rgb & 0xff);
	tol = atoi(argv[3]);
	for (i = 0; i < im.width * im.height; i++) {
		for (far = 0, c = 0; c < 3; c++)
			if (abs(im.rgb[i * 3 + c] - want[c]) > tol)
				far = 1;
		n += !far;
	}
	total = im.width * im.height;
	printf("%.4f\n", total > 0 ? (double)n / (double)total : 0.0);
	free(im.rgb);
	return 0;
}
