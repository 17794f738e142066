/*
 * floor.c - bench tool (make bench): the physical floor of writing a PNG.
 * Reads a PNG, inflates its image data back to the filtered stream the
 * encoder deflated, then deflates that same stream again with isa-l at
 * level 1 on THREADS threads (each its half, as bayraq's bands are
 * independent), and prints the median wall time of RUNS such passes in
 * seconds, and their median CPU time (all threads), for a loaded machine. Nothing is drawn, converted or filtered: no encoder of this
 * stream can be faster than this on this machine.
 *
 * usage: floor FILE.png [THREADS [RUNS]]; prints "WALL CPU".
 */
#include <isa-l/igzip_lib.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

struct part {
	const unsigned char *in;
	size_t len;
	size_t out_len;
	int last;
};

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* The concatenated IDAT data of the PNG at path; NULL on error. */
static unsigned char *
read_idat(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char head[8], *data = NULL;
	size_t n = 0;

	if (fp == NULL || fread(head, 1, 8, fp) != 8)
		goto fail;
	while (fread(head, 1, 8, fp) == 8) {
		uint32_t clen = get32(head);

		if (memcmp(head + 4, "IDAT", 4) == 0) {
			data = realloc(data, n + clen);
			if (data == NULL || fread(data + n, 1, clen, fp) != clen)
				goto fail;
			n += clen;
			fseek(fp, 4, SEEK_CUR);
		} else {
			fseek(fp, (long)clen + 4, SEEK_CUR);
		}
	}
	fclose(fp);
	*len = n;
	return data;
fail:
	if (fp != NULL)
		fclose(fp);
	free(data);
	return NULL;
}

static void *
deflate_part(void *arg)
{
	struct part *p = arg;
	struct isal_zstream s;
	unsigned char *level_buf = malloc(ISAL_DEF_LVL1_DEFAULT);
	size_t cap = p->len / 2 + 65536;
	unsigned char *out = malloc(cap);

	isal_deflate_init(&s);
	s.level = 1;
	s.level_buf = level_buf;
	s.level_buf_size = ISAL_DEF_LVL1_DEFAULT;
	s.gzip_flag = IGZIP_DEFLATE;
	s.flush = FULL_FLUSH;
	s.end_of_stream = (uint16_t)p->last;
	s.next_in = (unsigned char *)p->in;
	s.avail_in = (uint32_t)p->len;
	p->out_len = 0;
	do {
		s.next_out = out;
		s.avail_out = (uint32_t)cap;
		if (isal_deflate(&s) != COMP_OK)
			break;
		p->out_len += cap - s.avail_out;
	} while (s.avail_in > 0 || s.avail_out == 0);
	free(out);
	free(level_buf);
	return NULL;
}

static double
now(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	size_t zlen, raw_len, i, threads, runs, r;
	unsigned char *z, *raw;
	uLongf got;
	double *times, *cpu;
	pthread_t *tid;
	struct part *parts;

	if (argc < 2) {
		fprintf(stderr, "usage: floor FILE.png [THREADS [RUNS]]\n");
		return 2;
	}
	threads = argc > 2 ? strtoul(argv[2], NULL, 10) : 2;
	runs = argc > 3 ? strtoul(argv[3], NULL, 10) : 5;
	if (threads < 1)
		threads = 1;
	if (runs < 1)
		runs = 1;
	z = read_idat(argv[1], &zlen);
	if (z == NULL) {
		fprintf(stderr, "floor: cannot read '%s'\n", argv[1]);
		return 1;
	}
	/* The filtered stream: at most a few times the compressed size. */
	raw_len = zlen * 4 + (1 << 20);
	for (;;) {
		int rc;

		raw = malloc(raw_len);
		got = raw_len;
		rc = uncompress(raw, &got, z, zlen);
		if (rc == Z_OK)
			break;
		free(raw);
		if (rc != Z_BUF_ERROR) {
			fprintf(stderr, "floor: '%s': bad image data\n", argv[1]);
			return 1;
		}
		raw_len *= 2;
	}
	free(z);
	times = calloc(runs, sizeof *times);
	cpu = calloc(runs, sizeof *cpu);
	tid = calloc(threads, sizeof *tid);
	parts = calloc(threads, sizeof *parts);
	for (r = 0; r < runs; r++) {
		double t0 = now(CLOCK_MONOTONIC);
		double c0 = now(CLOCK_PROCESS_CPUTIME_ID);

		for (i = 0; i < threads; i++) {
			size_t a = got * i / threads, b = got * (i + 1) / threads;

			parts[i].in = raw + a;
			parts[i].len = b - a;
			parts[i].last = i + 1 == threads;
			pthread_create(&tid[i], NULL, deflate_part, &parts[i]);
		}
		for (i = 0; i < threads; i++)
			pthread_join(tid[i], NULL);
		times[r] = now(CLOCK_MONOTONIC) - t0;
		cpu[r] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
	}
	qsort(times, runs, sizeof *times, cmp_double);
	qsort(cpu, runs, sizeof *cpu, cmp_double);
	printf("%.3f %.3f\n", times[(runs - 1) / 2], cpu[(runs - 1) / 2]);
	free(times);
	free(cpu);
	free(tid);
	free(parts);
	free(raw);
	return 0;
}
