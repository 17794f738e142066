/* test-pngenc.c - our PNG stream read back by libpng: pixels, size, pHYs. */
#include "write/pngenc.h"

#include <cairo.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"

/*
 * Fills a cairo RGB24 buffer with a pattern that exercises the filter:
 * rows in threes, the second and third the same as the first, as a
 * banner's flat fields are (the encoder takes a shortcut for those).
 */
static void
fill(unsigned char *data, size_t stride, size_t w, size_t h)
{
	size_t x, y;

	for (y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *)(void *)(data + y * stride);
		size_t r = y / 3;

		for (x = 0; x < w; x++)
			row[x] = (uint32_t)(((x * 7 + r) & 0xff) << 16 |
					    ((r * 13) & 0xff) << 8 |
					    ((x ^ r) & 0xff));
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

/*
 * The image data inflates whole with zlib, which checks the stream's
 * adler32: libpng stops reading once it has its rows and does not.
 */
static void
check_zlib(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char head[8], *idat = NULL, out[65536];
	size_t n = 0;
	z_stream z;
	int rc;

	CHECK(fp != NULL && fread(head, 1, 8, fp) == 8);
	while (fp != NULL && fread(head, 1, 8, fp) == 8) {
		size_t len = (size_t)head[0] << 24 | (size_t)head[1] << 16 |
			     (size_t)head[2] << 8 | head[3];

		if (memcmp(head + 4, "IDAT", 4) == 0) {
			idat = realloc(idat, n + len);
			CHECK(fread(idat + n, 1, len, fp) == len);
			n += len;
			fseek(fp, 4, SEEK_CUR);
		} else {
			fseek(fp, (long)len + 4, SEEK_CUR);
		}
	}
	memset(&z, 0, sizeof z);
	CHECK(inflateInit(&z) == Z_OK);
	z.next_in = idat;
	z.avail_in = (uInt)n;
	do {
		z.next_out = out;
		z.avail_out = sizeof out;
		rc = inflate(&z, Z_NO_FLUSH);
	} while (rc == Z_OK);
	CHECK(rc == Z_STREAM_END);
	inflateEnd(&z);
	free(idat);
	if (fp != NULL)
		fclose(fp);
}

/* A small xorshift: the same noise on every run and machine. */
static uint32_t
noise(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

/*
 * Blue and yellow blocks crossed by diagonal stripes of noise: flat
 * colour that deflates to long matches, with edges and noise between.
 */
static unsigned char *
blocks_and_noise(size_t w, size_t h)
{
	unsigned char *data = malloc(w * 4 * h);
	uint32_t state = 2014;
	size_t x, y;

	for (y = 0; y < h; y++) {
		uint32_t *row = (uint32_t *)(void *)(data + y * w * 4);

		for (x = 0; x < w; x++) {
			row[x] =
				((x / 64) ^ (y / 64)) & 1 ? 0xffd500 : 0x0057b7;
			if (((x - y) & 255) < 3)
				row[x] = noise(&state) & 0xffffff;
		}
	}
	return data;
}

/* What encode_deep() encodes, and its bands. */
struct deep {
	const unsigned char *data;
	size_t w, h, band;
	struct png_band *out;
	int rc;
};

/*
 * Encodes d's image in bands, depth times 64 KiB further down the stack:
 * each frame holds 64 KiB, and is used after the call so that it stays.
 */
static void
encode_deep(struct deep *d, size_t depth)
{
	volatile unsigned char pad[64 * 1024];
	struct png_scratch sc = { 0 };
	struct diag dg = { 0 };
	size_t y, i;

	pad[0] = (unsigned char)depth;
	if (depth > 0) {
		encode_deep(d, depth - 1);
		d->rc |= pad[0] != (unsigned char)depth;
		return;
	}
	/* As png.c does: one scratch for the bands, each band its own. */
	for (y = 0, i = 0; y < d->h; y += d->band, i++) {
		size_t n = d->h - y < d->band ? d->h - y : d->band;

		memset(&d->out[i], 0, sizeof d->out[i]);
		d->rc |= pngenc_band_reuse(&d->out[i], &sc,
			d->data + y * d->w * 4, d->w * 4, d->w, n, PNG_DEFAULT,
			y + n == d->h, &dg);
	}
	png_scratch_release(&sc);
}

/*
 * The same pixels give the same bytes wherever the encoder's memory
 * lies. isa-l 2.30's level 1 (its SSE4.2 and AVX2 code) hashes the address
 * of its stream state in place of a stream's third byte, and bayraq's
 * state was on the stack, where ASLR puts it: one large PNG in five came
 * out with other (valid) bytes from the same pixels.
 */
static void
check_same_bytes_anywhere(void)
{
	const size_t w = 2000, h = 2000, band = 64;
	const size_t bands = (h + band - 1) / band;
	struct png_band *first = calloc(bands, sizeof *first);
	struct png_band *again = calloc(bands, sizeof *again);
	struct deep d = { blocks_and_noise(w, h), w, h, band, first, 0 };
	size_t depth, i, differ = 0;

	encode_deep(&d, 0);
	CHECK(d.rc == 0);
	d.out = again;
	for (depth = 1; depth <= 24; depth++) {
		int same = 1;

		encode_deep(&d, depth);
		CHECK(d.rc == 0);
		for (i = 0; i < bands; i++) {
			same &= again[i].len == first[i].len &&
				memcmp(again[i].data, first[i].data,
					first[i].len) == 0;
			png_band_release(&again[i]);
		}
		differ += !same;
	}
	CHECK(differ == 0);
	for (i = 0; i < bands; i++)
		png_band_release(&first[i]);
	free(first);
	free(again);
	free((void *)d.data);
}

/*
 * A scratch kept from band to band gives each band the bytes a fresh one
 * gives: the encoder leaves a repeated row's zeros in place for the next
 * band, and must notice where a filtered row wrote into them. Bands of
 * 16 over rows in threes move the repeats by one row each band; at 20000
 * pixels a chunk of rows is 2 rows, so they also move from chunk to chunk.
 */
static void
check_reuse_same_bytes(size_t w)
{
	const size_t h = 200, band = 16;
	unsigned char *data = malloc(w * 4 * h);
	struct png_scratch sc = { 0 };
	struct diag d = { 0 };
	size_t y, differ = 0;

	fill(data, w * 4, w, h);
	for (y = 0; y < h; y += band) {
		size_t n = h - y < band ? h - y : band;
		struct png_band kept = { 0 }, fresh;

		CHECK(pngenc_band_reuse(&kept, &sc, data + y * w * 4, w * 4, w,
			      n, PNG_DEFAULT, y + n == h, &d) == 0);
		CHECK(pngenc_band(&fresh, data + y * w * 4, w * 4, w, n,
			      PNG_DEFAULT, y + n == h, &d) == 0);
		differ += kept.len != fresh.len || kept.adler != fresh.adler ||
			  memcmp(kept.data, fresh.data, kept.len) != 0;
		png_band_release(&kept);
		png_band_release(&fresh);
	}
	CHECK(differ == 0);
	png_scratch_release(&sc);
	free(data);
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
		check_zlib("build/test/pngenc-a.png");
		/* Bands that do not divide the height; one pixel. */
		CHECK(encode("build/test/pngenc-b.png", 1000, 700, 256, 300,
			      levels[i]) == 0);
		check_decoded("build/test/pngenc-b.png", 1000, 700, 300);
		check_zlib("build/test/pngenc-b.png");
		/*
		 * Rows wider than a chunk's share (2 to a chunk): repeats
		 * that a chunk leaves as zeros for the next.
		 */
		CHECK(encode("build/test/pngenc-d.png", 20000, 50, 16, 300,
			      levels[i]) == 0);
		check_decoded("build/test/pngenc-d.png", 20000, 50, 300);
		check_zlib("build/test/pngenc-d.png");
		CHECK(encode("build/test/pngenc-c.png", 1, 1, 1, 72,
			      levels[i]) == 0);
		check_decoded("build/test/pngenc-c.png", 1, 1, 72);
	}
	check_same_bytes_anywhere();
	check_reuse_same_bytes(301);
	check_reuse_same_bytes(20000);
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
