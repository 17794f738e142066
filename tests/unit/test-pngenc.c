/* test-pngenc.c - our PNG stream read back by libpng: pixels, size, pHYs. */
#include "write/pngenc.h"

#include <cairo.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>

#include "check.h"

/* Fills a cairo RGB24 buffer with a pattern that exercises the filter. */
static void
fill(unsigned char *data, size_t stride, size_t w, size_t h)
{
	size_t x, y;

	for (y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *)(void *)(data + y * stride);

		for (x = 0; x < w; x++)
			row[x] = (uint32_t)(((x * 7 + y) & 0xff) << 16 |
					    ((y * 13) & 0xff) << 8 |
					    ((x ^ y) & 0xff));
	}
}

static int
encode(const char *path, size_t w, size_t h, size_t band, double dpi,
	enum png_level level)
{
	struct pngenc_info info = { dpi, "Крим — це Україна!", "uk", "test" };
	size_t stride = w * 4, y;
	unsigned char *data = malloc(stride * h);
	struct diag d = { 0 };
	FILE *fp = fopen(path, "wb");
	struct pngenc *pe = pngenc_new(fp, w, h, &info, &d);
	int rc = pe != NULL ? 0 : -1;

	fill(data, stride, w, h);
	for (y = 0; rc == 0 && y < h; y += band)
		rc = pngenc_rows(pe, data + y * stride, stride,
			h - y < band ? h - y : band, level, &d);
	if (rc == 0)
		rc = pngenc_finish(pe, &d);
	pngenc_free(pe);
	fclose(fp);
	free(data);
	return rc;
}

/* libpng reports errors by longjmp; this test tool follows its manual. */
static void
check_decoded(const char *path, size_t w, size_t h, double dpi)
{
	FILE *fp = fopen(path, "rb");
	png_structp png =
		png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	unsigned char *expect = malloc(w * 4 * h), *row = malloc(w * 3);
	png_uint_32 rx, ry;
	int unit, bad = 0;
	size_t x, y;

	if (setjmp(png_jmpbuf(png))) {
		CHECK(!"libpng could not read our PNG");
		goto out;
	}
	png_init_io(png, fp);
	png_read_info(png, info);
	CHECK(png_get_image_width(png, info) == w);
	CHECK(png_get_image_height(png, info) == h);
	CHECK(png_get_color_type(png, info) == PNG_COLOR_TYPE_RGB);
	CHECK(png_get_bit_depth(png, info) == 8);
	CHECK(png_get_pHYs(png, info, &rx, &ry, &unit) != 0);
	CHECK(unit == PNG_RESOLUTION_METER);
	CHECK_NEAR(rx * 0.0254, dpi, 0.02);
	CHECK(rx == ry);
	fill(expect, w * 4, w, h);
	for (y = 0; y < h; y++) {
		const uint32_t *e =
			(const uint32_t *)(void *)(expect + y * w * 4);

		png_read_row(png, row, NULL);
		for (x = 0; x < w; x++)
			bad |= row[3 * x] != ((e[x] >> 16) & 0xff) ||
			       row[3 * x + 1] != ((e[x] >> 8) & 0xff) ||
			       row[3 * x + 2] != (e[x] & 0xff);
	}
	CHECK(!bad);
	png_read_end(png, NULL);
out:
	png_destroy_read_struct(&png, &info, NULL);
	free(expect);
	free(row);
	fclose(fp);
}

int
main(void)
{
	struct diag d = { 0 };
	FILE *full;

	static const enum png_level levels[] = { PNG_FAST, PNG_DEFAULT,
		PNG_SMALL };
	size_t i;

	/* Every level round-trips through libpng's reader. */
	for (i = 0; i < 3; i++) {
		CHECK(encode("build/test/pngenc-a.png", 333, 257, 64, 150,
			      levels[i]) == 0);
		check_decoded("build/test/pngenc-a.png", 333, 257, 150);
		/* Bands that do not divide the height; one pixel. */
		CHECK(encode("build/test/pngenc-b.png", 1000, 700, 256, 300,
			      levels[i]) == 0);
		check_decoded("build/test/pngenc-b.png", 1000, 700, 300);
		CHECK(encode("build/test/pngenc-c.png", 1, 1, 1, 72,
			      levels[i]) == 0);
		check_decoded("build/test/pngenc-c.png", 1, 1, 72);
	}
	CHECK(pngenc_level_parse("small", &(enum png_level){ PNG_FAST }, &d) ==
		0);
	CHECK(pngenc_level_parse("tiny", &(enum png_level){ PNG_FAST }, &d) <
		0);
	CHECK(d.kind == DIAG_USAGE);
	diag_clear(&d);
	CHECK(pngenc_new(stdout, 0, 10,
		      &(struct pngenc_info){ 72, NULL, NULL, NULL },
		      &d) == NULL);
	CHECK(d.kind == DIAG_USAGE);
	/* A full disk is an I/O error, not a truncated success. */
	full = fopen("/dev/full", "wb");
	if (full != NULL) {
		struct pngenc_info info = { 72, NULL, NULL, NULL };
		unsigned char px[4 * 64 * 64] = { 0 };
		struct pngenc *pe;
		int rc;

		diag_clear(&d);
		setvbuf(full, NULL, _IONBF, 0);
		pe = pngenc_new(full, 64, 64, &info, &d);
		rc = pngenc_rows(pe, px, 64 * 4, 64, PNG_FAST, &d);
		if (rc == 0)
			rc = pngenc_finish(pe, &d);
		CHECK(rc < 0 && d.kind == DIAG_IO);
		pngenc_free(pe);
		fclose(full);
	}
	return check_done("test-pngenc");
}
