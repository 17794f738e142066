/*
 * warm.c - bench tool (make bench): the live preview in a warm library,
 * as bayraq serve's workers have it. One library for the life of the
 * process; N previews (A2 at 20 dpi, 331x468 px PNG) rendered one after
 * another, each a new job (resolved, planned, fitted, drawn, written), for
 * one city again and again and for a new city each time (new text to
 * fit). Prints the median and the 90th percentile of each, in ms.
 *
 * usage: bench-warm [N] (data found as the program finds it: paths.c)
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "input/library.h"
#include "input/paths.h"
#include "run/job.h"

static double
now_ms(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One preview into dir; its time in ms, or -1; *cpu its CPU time. */
static double
preview(struct library *lib, const char *city, const char *dir, double *cpu)
{
	struct job_opts o;
	struct job *job;
	struct diag d = { 0 };
	double t0 = now_ms(CLOCK_MONOTONIC), t;
	double c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);

	job_opts_init(&o);
	o.lang = "de";
	o.city = city;
	o.country = "DE";
	o.size = "A2";
	o.dpi = 20;
	o.formats = "png";
	o.output = dir;
	o.output_folder = 1;
	job = job_resolve(&o, lib, &d);
	if (job == NULL || job_run(job, lib, NULL, NULL, &d) < 0) {
		fprintf(stderr, "bench-warm: %s\n", d.msg);
		job_free(job);
		return -1;
	}
	t = now_ms(CLOCK_MONOTONIC) - t0;
	*cpu = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
	job_free(job);
	return t;
}

static void
report(const char *what, double *ms, double *cpu, size_t n)
{
	qsort(ms, n, sizeof *ms, cmp_double);
	qsort(cpu, n, sizeof *cpu, cmp_double);
	printf("  %-24s median %6.1f ms, p90 %6.1f ms; CPU median %6.1f ms\n",
		what, ms[(n - 1) / 2], ms[n * 9 / 10 < n ? n * 9 / 10 : n - 1],
		cpu[(n - 1) / 2]);
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100, i;
	char *dir = g_dir_make_tmp("bayraq-warm-XXXXXX", NULL);
	double *same, *cities, *same_cpu, *cities_cpu, ignored;
	struct paths paths;
	struct library *lib;
	int rc = 0;

	if (n < 1)
		n = 1;
	if (dir == NULL) {
		fprintf(stderr, "bench-warm: cannot make a temporary folder\n");
		return 1;
	}
	paths_init(&paths);
	lib = library_new(&paths);
	same = calloc(n, sizeof *same);
	cities = calloc(n, sizeof *cities);
	same_cpu = calloc(n, sizeof *same_cpu);
	cities_cpu = calloc(n, sizeof *cities_cpu);
	/* Warm: the library loads what a preview needs, once. */
	if (preview(lib, "Berlin", dir, &ignored) < 0)
		rc = 1;
	for (i = 0; i < n && rc == 0; i++) {
		char city[32];

		same[i] = preview(lib, "Berlin", dir, &same_cpu[i]);
		snprintf(city, sizeof city, "Stadt %zu", i);
		cities[i] = preview(lib, city, dir, &cities_cpu[i]);
		if (same[i] < 0 || cities[i] < 0)
			rc = 1;
	}
	if (rc == 0) {
		printf("preview A2 at 20 dpi in a warm library (as serve's "
		       "workers), %zu each:\n",
			n);
		report("the same city", same, same_cpu, n);
		report("a new city each time", cities, cities_cpu, n);
	}
	library_free(lib);
	paths_release(&paths);
	free(same);
	free(cities);
	free(same_cpu);
	free(cities_cpu);
	/* The previews' files, then the folder. */
	{
		GDir *gd = g_dir_open(dir, 0, NULL);
		const char *name;

		while (gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
			char *p = g_build_filename(dir, name, NULL);

			remove(p);
			g_free(p);
		}
		if (gd != NULL)
			g_dir_close(gd);
	}
	remove(dir);
	g_free(dir);
	return rc;
}
