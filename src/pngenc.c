/* pngenc.c - a streaming PNG encoder: chunks, the "up" filter, zlib deflate. */
#include "pngenc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "xalloc.h"

/* Deflate output is cut into IDAT chunks of this size. */
#define IDAT_SIZE (256 * 1024)

struct pngenc {
	FILE *fp;
	size_t width, height, rows_done;
	z_stream z;
	int z_ready;
	unsigned char *prev, *cur; /* filter byte + RGB, one row each */
	unsigned char *idat;
	int write_failed;
};

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void
chunk(struct pngenc *pe, const char *type, const void *data, size_t len)
{
	unsigned char head[8], tail[4];
	uLong crc = crc32(0L, (const Bytef *)type, 4);

	if (len > 0)
		crc = crc32(crc, data, (uInt)len);
	put32(head, (uint32_t)len);
	memcpy(head + 4, type, 4);
	put32(tail, (uint32_t)crc);
	if (fwrite(head, 1, 8, pe->fp) != 8 ||
		(len > 0 && fwrite(data, 1, len, pe->fp) != len) ||
		fwrite(tail, 1, 4, pe->fp) != 4)
		pe->write_failed = 1;
}

static void
text_chunk(struct pngenc *pe, const char *key, const char *value)
{
	/* tEXt is Latin-1; iTXt carries UTF-8 titles in any script. */
	size_t kl = strlen(key), vl = strlen(value);
	unsigned char *buf = xmalloc(kl + 5 + vl);

	memcpy(buf, key, kl);
	memset(buf + kl, 0, 5); /* NUL, no compression, method, lang, key */
	memcpy(buf + kl + 5, value, vl);
	chunk(pe, "iTXt", buf, kl + 5 + vl);
	free(buf);
}

static void
write_header(struct pngenc *pe, const struct pngenc_info *info)
{
	static const unsigned char sig[8] = { 137, 'P', 'N', 'G', '\r', '\n',
		26, '\n' };
	unsigned char ihdr[13], phys[9], srgb = 0; /* perceptual intent */
	uint32_t ppm = (uint32_t)lround(info->dpi / 0.0254);

	if (fwrite(sig, 1, 8, pe->fp) != 8)
		pe->write_failed = 1;
	put32(ihdr, (uint32_t)pe->width);
	put32(ihdr + 4, (uint32_t)pe->height);
	ihdr[8] = 8; /* bits per channel */
	ihdr[9] = 2; /* truecolour, no alpha */
	ihdr[10] = 0; /* deflate */
	ihdr[11] = 0; /* adaptive filtering, per-row filter byte */
	ihdr[12] = 0; /* not interlaced */
	chunk(pe, "IHDR", ihdr, sizeof ihdr);
	put32(phys, ppm);
	put32(phys + 4, ppm);
	phys[8] = 1; /* unit: metre */
	chunk(pe, "pHYs", phys, sizeof phys);
	chunk(pe, "sRGB", &srgb, 1);
	if (info->title != NULL)
		text_chunk(pe, "Title", info->title);
	if (info->language != NULL)
		text_chunk(pe, "Language", info->language);
	if (info->software != NULL)
		text_chunk(pe, "Software", info->software);
}

struct pngenc *
pngenc_new(FILE *fp, size_t w, size_t h, const struct pngenc_info *info,
	struct diag *d)
{
	struct pngenc *pe;

	if (w == 0 || h == 0 || w > 0x7fffffff / 3 || h > 0x7fffffff) {
		diag_set(d, DIAG_USAGE,
			"cannot write a PNG of %zu x %zu pixels", w, h);
		return NULL;
	}
	pe = xcalloc(1, sizeof *pe);
	pe->fp = fp;
	pe->width = w;
	pe->height = h;
	pe->prev = xcalloc(1, w * 3 + 1);
	pe->cur = xcalloc(1, w * 3 + 1);
	pe->idat = xmalloc(IDAT_SIZE);
	/* Level 6 with the up filter: flat flag colours compress very well. */
	if (deflateInit(&pe->z, 6) != Z_OK) {
		diag_set(d, DIAG_LIB, "cannot start zlib's deflate");
		pngenc_free(pe);
		return NULL;
	}
	pe->z_ready = 1;
	pe->z.next_out = pe->idat;
	pe->z.avail_out = IDAT_SIZE;
	write_header(pe, info);
	return pe;
}

static void
flush_idat(struct pngenc *pe)
{
	size_t n = IDAT_SIZE - pe->z.avail_out;

	if (n > 0)
		chunk(pe, "IDAT", pe->idat, n);
	pe->z.next_out = pe->idat;
	pe->z.avail_out = IDAT_SIZE;
}

static int
deflate_some(struct pngenc *pe, unsigned char *in, size_t len, int flush,
	struct diag *d)
{
	int rc;

	pe->z.next_in = in;
	pe->z.avail_in = (uInt)len;
	do {
		rc = deflate(&pe->z, flush);
		if (rc == Z_STREAM_ERROR)
			return diag_set(d, DIAG_LIB, "zlib's deflate failed");
		if (pe->z.avail_out == 0)
			flush_idat(pe);
	} while (pe->z.avail_in > 0 ||
		 (flush == Z_FINISH && rc != Z_STREAM_END));
	return 0;
}

/* cairo RGB24 is a native-endian 0xXXRRGGBB word per pixel. */
static void
filter_row(struct pngenc *pe, const uint32_t *px)
{
	unsigned char *cur = pe->cur + 1, *prev = pe->prev + 1;
	size_t x;

	for (x = 0; x < pe->width; x++) {
		uint32_t p = px[x];

		cur[3 * x] = (unsigned char)(p >> 16);
		cur[3 * x + 1] = (unsigned char)(p >> 8);
		cur[3 * x + 2] = (unsigned char)p;
	}
	pe->cur[0] = 2; /* up */
	/* The filtered bytes go into prev, which then becomes the raw row. */
	for (x = 0; x < pe->width * 3; x++)
		prev[x] = (unsigned char)(cur[x] - prev[x]);
	pe->prev[0] = 2;
}

int
pngenc_rows(struct pngenc *pe, const unsigned char *data, size_t stride,
	size_t n, struct diag *d)
{
	size_t i;

	for (i = 0; i < n && pe->rows_done < pe->height; i++) {
		unsigned char *t;

		filter_row(pe,
			(const uint32_t *)(const void *)(data + i * stride));
		if (deflate_some(pe, pe->prev, pe->width * 3 + 1, Z_NO_FLUSH,
			    d) < 0)
			return -1;
		t = pe->prev;
		pe->prev = pe->cur;
		pe->cur = t;
		pe->rows_done++;
	}
	if (pe->write_failed)
		return diag_set(d, DIAG_IO, "cannot write the PNG");
	return 0;
}

int
pngenc_finish(struct pngenc *pe, struct diag *d)
{
	if (pe->rows_done != pe->height)
		return diag_set(d, DIAG_LIB, "PNG has %zu of %zu rows",
			pe->rows_done, pe->height);
	if (deflate_some(pe, NULL, 0, Z_FINISH, d) < 0)
		return -1;
	flush_idat(pe);
	chunk(pe, "IEND", NULL, 0);
	if (pe->write_failed)
		return diag_set(d, DIAG_IO, "cannot write the PNG");
	return 0;
}

void
pngenc_free(struct pngenc *pe)
{
	if (pe == NULL)
		return;
	if (pe->z_ready)
		deflateEnd(&pe->z);
	free(pe->prev);
	free(pe->cur);
	free(pe->idat);
	free(pe);
}
