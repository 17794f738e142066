/* pnginfo.c - test tool: "W H DPI" of a PNG, or the colours at x,y points. */
#include "pngread.h"

#include <string.h>

int
main(int argc, char **argv)
{
	struct image im;
	int i;

	if (argc < 2 || image_read(&im, argv[1]) < 0) {
		fprintf(stderr, "usage: pnginfo FILE.png [X Y ...]\n");
		return 2;
	}
	if (argc == 2)
		printf("%zu %zu %.0f\n", im.width, im.height, im.dpi);
	for (i = 2; i + 1 < argc; i += 2) {
		double fx = atof(argv[i]), fy = atof(argv[i + 1]);
		size_t x = (size_t)fx, y = (size_t)fy;
		const unsigned char *p;

		if (fx < 0 || fy < 0 || x >= im.width || y >= im.height) {
			fprintf(stderr, "pnginfo: %s,%s is outside the image\n",
				argv[i], argv[i + 1]);
			free(im.rgb);
			return 1;
		}
		p = im.rgb + (y * im.width + x) * 3;
		printf("%02X%02X%02X\n", p[0], p[1], p[2]);
	}
	free(im.rgb);
	return 0;
}
