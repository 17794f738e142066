/* pngenc.c - a PNG encoder for bands: chunks, filters, isa-l and zlib deflate.
 */
#include "write/pngenc.h"

#include <isa-l/igzip_lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/xalloc.h"

/* Image data is cut into IDAT chunks of at most this size. */
#define IDAT_SIZE (1024 * 1024)

struct pngenc {
	FILE *fp;
	size_t width, height, rows_done;
	uint32_t adler;
	int header_done;
	int write_failed;
};

int
pngenc_level_parse(const char *s, enum png_level *out, struct diag *d)
{
	if (strcmp(s, "fast") == 0)
		*out = PNG_FAST;
	else if (strcmp(s, "default") == 0)
		*out = PNG_DEFAULT;
	else if (strcmp(s, "small") == 0)
		*out = PNG_SMALL;
	else
		return diag_set(d, DIAG_USAGE,
			"unknown PNG compression '%.20s' (expected fast, "
			"default, small)",
			s);
	return 0;
}

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
	pe->adler = 1;
	write_header(pe, info);
	return pe;
}

/* cairo RGB24 is a native-endian 0xXXRRGGBB word per pixel. */
void
pngenc_to_rgb(unsigned char *out, const unsigned char *row, size_t width)
{
	const uint32_t *px = (const uint32_t *)(const void *)row;
	size_t x;

	for (x = 0; x < width; x++) {
		out[3 * x] = (unsigned char)(px[x] >> 16);
		out[3 * x + 1] = (unsigned char)(px[x] >> 8);
		out[3 * x + 2] = (unsigned char)px[x];
	}
}

/* Filter byte and filtered row i into out; prev is row i - 1 as RGB. */
static void
filter(unsigned char *out, const unsigned char *cur, const unsigned char *prev,
	size_t bytes)
{
	size_t i;

	if (prev == NULL) {
		out[0] = 1; /* sub: needs nothing from the band before */
		for (i = 0; i < bytes; i++)
			out[1 + i] = (unsigned char)(cur[i] -
						     (i >= 3 ? cur[i - 3] : 0));
		return;
	}
	out[0] = 2; /* up: flat colours become runs of zeros */
	for (i = 0; i < bytes; i++)
		out[1 + i] = (unsigned char)(cur[i] - prev[i]);
}

static void
band_grow(struct png_band *b, size_t more)
{
	if (b->len + more > b->cap) {
		b->cap = (b->len + more) * 2;
		b->data = xreallocarray(b->data, b->cap, 1);
	}
}

/* zlib's raw deflate, ending on a full flush, or the stream's end. */
static int
deflate_zlib(struct png_band *b, unsigned char *in, size_t len, int level,
	int last, struct diag *d)
{
	z_stream z;
	int rc;

	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) !=
		Z_OK)
		return diag_set(d, DIAG_LIB, "cannot start zlib's deflate");
	z.next_in = in;
	z.avail_in = (uInt)len;
	do {
		band_grow(b, 65536);
		z.next_out = b->data + b->len;
		z.avail_out = (uInt)(b->cap - b->len);
		rc = deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
		b->len = b->cap - z.avail_out;
	} while (rc == Z_OK && (z.avail_out == 0 || z.avail_in > 0 ||
				       (last && rc != Z_STREAM_END)));
	deflateEnd(&z);
	if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
		return diag_set(d, DIAG_LIB, "zlib's deflate failed (%d)", rc);
	return 0;
}

/* isa-l's deflate: several times zlib's speed, at level 0 or 1. */
static int
deflate_isal(struct png_band *b, unsigned char *in, size_t len, int level,
	int last, struct diag *d)
{
	struct isal_zstream s;
	size_t buf_size = level == 0 ? 0 : ISAL_DEF_LVL1_DEFAULT;
	unsigned char *level_buf = buf_size ? xmalloc(buf_size) : NULL;
	int rc = COMP_OK;

	isal_deflate_init(&s);
	s.level = (uint32_t)level;
	s.level_buf = level_buf;
	s.level_buf_size = (uint32_t)buf_size;
	s.gzip_flag = IGZIP_DEFLATE;
	s.flush = FULL_FLUSH;
	s.end_of_stream = (uint16_t)last;
	s.next_in = in;
	s.avail_in = (uint32_t)len;
	do {
		band_grow(b, len / 4 + 65536);
		s.next_out = b->data + b->len;
		s.avail_out = (uint32_t)(b->cap - b->len);
		rc = isal_deflate(&s);
		b->len = b->cap - s.avail_out;
	} while (rc == COMP_OK &&
		 (s.avail_in > 0 || s.avail_out == 0 ||
			 (last && s.internal_state.state != ZSTATE_END)));
	free(level_buf);
	if (rc != COMP_OK)
		return diag_set(d, DIAG_LIB, "isa-l's deflate failed (%d)", rc);
	return 0;
}

int
pngenc_band(struct png_band *out, const unsigned char *rows, size_t stride,
	size_t width, size_t n, enum png_level level, int last, struct diag *d)
{
	size_t bytes = width * 3, line = bytes + 1, i;
	unsigned char *raw = xmalloc(line * n), *rgb = xmalloc(bytes * 2);
	int rc;

	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++) {
		unsigned char *cur = rgb + (i % 2) * bytes;

		pngenc_to_rgb(cur, rows + i * stride, width);
		filter(raw + i * line, cur,
			i == 0 ? NULL : rgb + ((i + 1) % 2) * bytes, bytes);
	}
	out->raw_len = line * n;
	out->adler = (uint32_t)adler32(1L, raw, (uInt)out->raw_len);
	if (level == PNG_SMALL)
		rc = deflate_zlib(out, raw, out->raw_len, 9, last, d);
	else
		rc = deflate_isal(out, raw, out->raw_len,
			level == PNG_DEFAULT ? 1 : 0, last, d);
	free(raw);
	free(rgb);
	return rc;
}

void
png_band_release(struct png_band *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

int
pngenc_append(struct pngenc *pe, const struct png_band *b, struct diag *d)
{
	size_t off;

	if (!pe->header_done) {
		/* zlib header: deflate, 32K window; (0x78 << 8 | 0x01) % 31 ==
		 * 0 */
		static const unsigned char zhead[2] = { 0x78, 0x01 };

		chunk(pe, "IDAT", zhead, 2);
		pe->header_done = 1;
	}
	for (off = 0; off < b->len; off += IDAT_SIZE)
		chunk(pe, "IDAT", b->data + off,
			b->len - off < IDAT_SIZE ? b->len - off : IDAT_SIZE);
	pe->adler = (uint32_t)adler32_combine(pe->adler, b->adler,
		(z_off_t)b->raw_len);
	pe->rows_done += b->raw_len / (pe->width * 3 + 1);
	if (pe->write_failed)
		return diag_set(d, DIAG_IO, "cannot write the PNG");
	return 0;
}

int
pngenc_rows(struct pngenc *pe, const unsigned char *data, size_t stride,
	size_t n, enum png_level level, struct diag *d)
{
	struct png_band b;
	int rc;

	if (n > pe->height - pe->rows_done)
		n = pe->height - pe->rows_done;
	rc = pngenc_band(&b, data, stride, pe->width, n, level,
		pe->rows_done + n == pe->height, d);
	if (rc == 0)
		rc = pngenc_append(pe, &b, d);
	png_band_release(&b);
	return rc;
}

int
pngenc_finish(struct pngenc *pe, struct diag *d)
{
	unsigned char tail[4];

	if (pe->rows_done != pe->height)
		return diag_set(d, DIAG_LIB, "PNG has %zu of %zu rows",
			pe->rows_done, pe->height);
	put32(tail, pe->adler);
	chunk(pe, "IDAT", tail, 4);
	chunk(pe, "IEND", NULL, 0);
	if (pe->write_failed)
		return diag_set(d, DIAG_IO, "cannot write the PNG");
	return 0;
}

void
pngenc_free(struct pngenc *pe)
{
	free(pe);
}
