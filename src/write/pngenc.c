/* pngenc.c - a PNG encoder for bands: chunks, filters, isa-l and zlib deflate.
 */
#include "write/pngenc.h"

#include <isa-l/igzip_lib.h>
#include <math.h>
#if defined(__x86_64__) || defined(__i386__)
#include <nmmintrin.h>
#include <tmmintrin.h>
#define PNGENC_SSSE3 1
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
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

/*
 * The filtered bytes of width pixels: each channel of a[x] minus the same
 * channel of b[x], modulo 256, as RGB. cairo's RGB24 words are B, G, R, X
 * in memory. "up" is row minus the row above; "sub" is row minus itself
 * one pixel to the left, which is the same sum on the pixels.
 */
static void
diff_rgb_scalar(unsigned char *out, const uint32_t *a, const uint32_t *b,
	size_t width)
{
	size_t x;

	for (x = 0; x < width; x++) {
		uint32_t p = a[x], q = b[x];

		out[3 * x] = (unsigned char)((p >> 16) - (q >> 16));
		out[3 * x + 1] = (unsigned char)((p >> 8) - (q >> 8));
		out[3 * x + 2] = (unsigned char)(p - q);
	}
}

#ifdef PNGENC_SSSE3
/*
 * Four pixels at a time: one byte subtraction and one shuffle to R, G, B;
 * each 16-byte store writes 4 bytes past its 12, which the next store or
 * the buffer's slack (PNGENC_SLACK) takes.
 */
__attribute__((target("ssse3"))) static void
diff_rgb_ssse3(unsigned char *out, const uint32_t *a, const uint32_t *b,
	size_t width)
{
	const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13,
		12, -1, -1, -1, -1);
	size_t x = 0;

	for (; x + 4 <= width; x += 4) {
		__m128i p =
			_mm_loadu_si128((const __m128i *)(const void *)(a + x));
		__m128i q =
			_mm_loadu_si128((const __m128i *)(const void *)(b + x));

		_mm_storeu_si128((__m128i *)(void *)(out + 3 * x),
			_mm_shuffle_epi8(_mm_sub_epi8(p, q), order));
	}
	diff_rgb_scalar(out + 3 * x, a + x, b + x, width - x);
}
#endif

/* Bytes a filtered row may be written past its end. */
#define PNGENC_SLACK 16

/*
 * A band's rows are filtered into this many bytes at a time and deflated
 * as they come, so a thread's filtered rows take the same few pages for
 * every chunk of every band: a first touch of a page costs more than
 * filtering it, and a band's worth of them (3 MB at A0's width) made a
 * thread's first band 20 times slower than the next.
 */
#define PNGENC_CHUNK (128 * 1024)

static void
diff_rgb(unsigned char *out, const uint32_t *a, const uint32_t *b, size_t width)
{
#ifdef PNGENC_SSSE3
	if (__builtin_cpu_supports("ssse3")) {
		diff_rgb_ssse3(out, a, b, width);
		return;
	}
#endif
	diff_rgb_scalar(out, a, b, width);
}

/*
 * Filter byte and filtered row into out, from cairo's rows: cur, and prev
 * (the row above, in the same band) or NULL for the band's first row.
 */
static void
filter(unsigned char *out, const unsigned char *cur, const unsigned char *prev,
	size_t width)
{
	const uint32_t *a = (const uint32_t *)(const void *)cur;

	if (prev == NULL) {
		uint32_t zero = 0;

		out[0] = 1; /* sub: needs nothing from the band before */
		diff_rgb(out + 1, a, &zero, 1);
		if (width > 1)
			diff_rgb(out + 4, a + 1, a, width - 1);
		return;
	}
	out[0] = 2; /* up: flat colours become runs of zeros */
	diff_rgb(out + 1, a, (const uint32_t *)(const void *)prev, width);
}

/*
 * Room for more output: as much as a band's fresh buffer would have had
 * (*room, from 0 each band), whatever larger buffer an earlier band left:
 * isa-l's blocks depend on the room it is given, and the bytes must not
 * depend on which band had the memory before.
 */
static size_t
band_grow(struct png_band *b, size_t *room, size_t more)
{
	if (b->len + more > *room) {
		*room = (b->len + more) * 2;
		if (*room > b->cap) {
			b->cap = *room;
			b->data = xreallocarray(b->data, b->cap, 1);
		}
	}
	return *room - b->len;
}

/*
 * A band's deflate, fed its filtered rows a chunk at a time: zlib's or
 * isa-l's, ending on a full flush, or at the stream's end for the last.
 */
struct squeeze {
	struct png_band *out;
	z_stream z; /* zlib's, when zlib */
	struct isal_zstream *s; /* isa-l's, when not */
	size_t room; /* see band_grow() */
	int last; /* the band ends the stream */
};

static int
zlib_start(struct squeeze *q, int level, struct diag *d)
{
	memset(&q->z, 0, sizeof q->z);
	if (deflateInit2(&q->z, level, Z_DEFLATED, -15, 9,
		    Z_DEFAULT_STRATEGY) != Z_OK)
		return diag_set(d, DIAG_LIB, "cannot start zlib's deflate");
	return 0;
}

static int
zlib_more(struct squeeze *q, unsigned char *in, size_t len, int end,
	struct diag *d)
{
	struct png_band *b = q->out;
	int flush = !end ? Z_NO_FLUSH : q->last ? Z_FINISH : Z_FULL_FLUSH;
	int rc;

	q->z.next_in = in;
	q->z.avail_in = (uInt)len;
	do {
		size_t avail = band_grow(b, &q->room, 65536);

		q->z.next_out = b->data + b->len;
		q->z.avail_out = (uInt)avail;
		rc = deflate(&q->z, flush);
		b->len += avail - q->z.avail_out;
	} while (rc == Z_OK &&
		 (q->z.avail_out == 0 || q->z.avail_in > 0 ||
			 (flush == Z_FINISH && rc != Z_STREAM_END)));
	if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
		return diag_set(d, DIAG_LIB, "zlib's deflate failed (%d)", rc);
	return 0;
}

/*
 * Where isa-l's stream state lies changes the bytes it writes. Its level 1
 * in SSE4.2 and AVX2 (isa-l 2.30, and still in 2.32:
 * igzip_icf_body_h1_gr_bt.asm, .write_first_byte) hashes a register that
 * still holds the state's address where it means a stream's third to sixth
 * bytes: the third byte's position is filed in the hash bucket of bits 16
 * to 47 of that address, and that bucket is looked up for a match there.
 * Every bucket gives valid deflate, but the bucket changes which matches
 * are found later. With the state on the stack, which ASLR moves, one
 * large PNG in five had other bytes from the same pixels. The state
 * therefore lies at an address whose bucket is always STATE_BUCKET.
 */
#define STATE_BUCKET 0

#if defined(__x86_64__) && defined(MAP_FIXED_NOREPLACE)
/* isa-l's hash of a word there: SSE4.2's crc32 (CRC-32C) from 0. */
__attribute__((target("sse4.2"))) static uint32_t
isal_hash(uint32_t v)
{
	return _mm_crc32_u32(0, v);
}

/*
 * A mapping for the state at an address 64 KiB aligned whose bucket is
 * STATE_BUCKET (one such address in 8192): from the address the kernel
 * would choose, where there is room, down to the first of them that is
 * free. NULL if a few tries found none. Without SSE4.2 isa-l runs its C
 * code, which has no such bug, and the state may lie anywhere.
 */
static void *
state_place(size_t size)
{
	void *probe;
	uintptr_t x;
	int tries = 0;

	if (!__builtin_cpu_supports("sse4.2"))
		return NULL;
	probe = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (probe == MAP_FAILED)
		return NULL;
	x = (uintptr_t)probe >> 16;
	munmap(probe, size);
	while (--x > 16 && tries < 64) {
		void *want = (void *)(x << 16), *got;

		if ((isal_hash((uint32_t)x) & (IGZIP_LVL1_HASH_SIZE - 1)) !=
			STATE_BUCKET)
			continue;
		got = mmap(want, size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1,
			0);
		if (got == want)
			return got;
		if (got != MAP_FAILED) /* a kernel before 4.17: elsewhere */
			munmap(got, size);
		tries++;
	}
	return NULL;
}
#else
static void *
state_place(size_t size)
{
	(void)size;
	return NULL;
}
#endif

static size_t
state_size(void)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t p = page > 0 ? (size_t)page : 4096;

	return (sizeof(struct isal_zstream) + p - 1) / p * p;
}

/*
 * The state's memory, placed; where no placed address is free (never seen),
 * anywhere, and the bytes may then differ as they did before.
 */
static struct isal_zstream *
state_new(struct diag *d)
{
	size_t size = state_size();
	void *p = state_place(size);

	if (p == NULL)
		p = mmap(NULL, size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		diag_set(d, DIAG_LIB, "cannot map memory for isa-l");
		return NULL;
	}
	return p;
}

/* isa-l's deflate: several times zlib's speed, at level 0 or 1. */
static int
isal_start(struct squeeze *q, struct png_scratch *sc, int level, struct diag *d)
{
	struct isal_zstream *s;
	size_t buf_size = level == 0 ? 0 : ISAL_DEF_LVL1_DEFAULT;
	unsigned char *level_buf = NULL;

	if (sc->stream == NULL && (sc->stream = state_new(d)) == NULL)
		return -1;
	s = q->s = sc->stream;

	if (buf_size > 0 && sc->level_buf == NULL)
		sc->level_buf = xmalloc(ISAL_DEF_LVL1_DEFAULT);
	if (buf_size > 0) {
		/*
		 * Cleared for every band: what an earlier band left there
		 * changes isa-l's choice among equal matches, and the bytes
		 * must not depend on which thread had the buffer before.
		 */
		level_buf = sc->level_buf;
		memset(level_buf, 0, buf_size);
	}

	/*
	 * Cleared, with the history buffer inside it: isa-l reads some of
	 * it before writing it, and the bytes must not depend on what an
	 * earlier band left.
	 */
	memset(s, 0, sizeof *s);
	isal_deflate_init(s);
	s->level = (uint32_t)level;
	s->level_buf = level_buf;
	s->level_buf_size = (uint32_t)buf_size;
	s->gzip_flag = IGZIP_DEFLATE;
	return 0;
}

static int
isal_more(struct squeeze *q, unsigned char *in, size_t len, int end,
	struct diag *d)
{
	struct isal_zstream *s = q->s;
	struct png_band *b = q->out;
	int rc = COMP_OK;

	s->flush = end ? FULL_FLUSH : NO_FLUSH;
	s->end_of_stream = (uint16_t)(end && q->last);
	s->next_in = in;
	s->avail_in = (uint32_t)len;
	do {
		size_t avail = band_grow(b, &q->room, len / 4 + 65536);

		s->next_out = b->data + b->len;
		s->avail_out = (uint32_t)avail;
		rc = isal_deflate(s);
		b->len += avail - s->avail_out;
	} while (rc == COMP_OK &&
		 (s->avail_in > 0 || s->avail_out == 0 ||
			 (s->end_of_stream &&
				 s->internal_state.state != ZSTATE_END)));
	if (rc != COMP_OK)
		return diag_set(d, DIAG_LIB, "isa-l's deflate failed (%d)", rc);
	return 0;
}

static int
squeeze_start(struct squeeze *q, struct png_band *out, struct png_scratch *sc,
	enum png_level level, int last, struct diag *d)
{
	memset(q, 0, sizeof *q);
	q->out = out;
	q->last = last;
	if (level == PNG_SMALL)
		return zlib_start(q, 9, d);
	return isal_start(q, sc, level == PNG_DEFAULT ? 1 : 0, d);
}

/* The next len filtered bytes; end: the band's last. */
static int
squeeze_more(struct squeeze *q, unsigned char *in, size_t len, int end,
	struct diag *d)
{
	return q->s != NULL ? isal_more(q, in, len, end, d)
			    : zlib_more(q, in, len, end, d);
}

static void
squeeze_end(struct squeeze *q)
{
	if (q->s == NULL)
		deflateEnd(&q->z);
}

/* adler32's modulus (RFC 1950). */
#define ADLER_BASE 65521u

/*
 * The adler32 of an "up" row of zeros, without reading it: its filter
 * byte adds 2 to the sum a, and every zero adds a to b once.
 */
static uint32_t
adler_zero_row(uint32_t adler, size_t zeros)
{
	uint32_t a = adler & 0xffff, b = adler >> 16;

	a = (a + 2) % ADLER_BASE;
	b = (b + a) % ADLER_BASE;
	b = (uint32_t)((b + (uint64_t)(zeros % ADLER_BASE) * a) % ADLER_BASE);
	return b << 16 | a;
}

int
pngenc_band_reuse(struct png_band *out, struct png_scratch *sc,
	const unsigned char *rows, size_t stride, size_t width, size_t n,
	enum png_level level, int last, struct diag *d)
{
	size_t line = width * 3 + 1, i;
	/* The rows of a chunk: PNGENC_CHUNK bytes, at least one row. */
	size_t k = line < PNGENC_CHUNK ? PNGENC_CHUNK / line : 1;
	struct squeeze q;
	int rc;

	if (k > n)
		k = n;
	if (sc->cap < line * k + PNGENC_SLACK) {
		free(sc->raw);
		sc->cap = line * k + PNGENC_SLACK;
		sc->raw = xmalloc(sc->cap);
		sc->zero_rows = 0;
	}
	if (sc->zero_rows < k || sc->zero_line != line) {
		free(sc->zero);
		sc->zero = xcalloc(k, 1);
		sc->zero_rows = k;
		sc->zero_line = line;
	}
	out->len = 0;
	out->adler = 1;
	out->raw_len = line * n;
	if (squeeze_start(&q, out, sc, level, last, d) < 0)
		return -1;
	/*
	 * Each row summed while it is still in the cache. A row the same as
	 * the one above (most of a banner's: its fields and stripes) filters
	 * to zeros: memcmp() finds it faster than filtering finds the zeros,
	 * its sum needs no reading at all, and where an earlier chunk left
	 * zeros in its place they stay.
	 */
	for (i = 0, rc = 0; i < n && rc == 0; i++) {
		size_t slot = i % k;
		unsigned char *f = sc->raw + slot * line;

		if (i > 0 && memcmp(rows + i * stride, rows + (i - 1) * stride,
				     width * 4) == 0) {
			if (!sc->zero[slot]) {
				f[0] = 2;
				memset(f + 1, 0, line - 1);
				sc->zero[slot] = 1;
			}
			out->adler = adler_zero_row(out->adler, line - 1);
		} else {
			filter(f, rows + i * stride,
				i == 0 ? NULL : rows + (i - 1) * stride, width);
			/* The filter writes a few bytes into the next row's
			 * start. */
			sc->zero[slot] = 0;
			if (slot + 1 < sc->zero_rows)
				sc->zero[slot + 1] = 0;
			out->adler = isal_adler32(out->adler, f, line);
		}
		if (slot + 1 == k || i + 1 == n)
			rc = squeeze_more(&q, sc->raw, (slot + 1) * line,
				i + 1 == n, d);
	}
	squeeze_end(&q);
	return rc;
}

void
png_scratch_release(struct png_scratch *sc)
{
	free(sc->raw);
	free(sc->zero);
	free(sc->level_buf);
	if (sc->stream != NULL)
		munmap(sc->stream, state_size());
	memset(sc, 0, sizeof *sc);
}

int
pngenc_band(struct png_band *out, const unsigned char *rows, size_t stride,
	size_t width, size_t n, enum png_level level, int last, struct diag *d)
{
	struct png_scratch sc = { 0 };
	int rc;

	memset(out, 0, sizeof *out);
	rc = pngenc_band_reuse(out, &sc, rows, stride, width, n, level, last,
		d);
	png_scratch_release(&sc);
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
