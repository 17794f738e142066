/* test-raster.c - bands: a design with filters is drawn once, not per band. */
#include "run/job.h"
#include "write/raster.h"
#include "layout/render.h"

#include "check.h"

static int
keep_nothing(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	size_t *bands = arg;

	(void)rows;
	(void)stride;
	(void)y0;
	(void)n;
	(void)last;
	(void)d;
	(*bands)++;
	*result = NULL;
	return 0;
}

static int
take_nothing(void *arg, size_t band, void *result, struct diag *d)
{
	(void)arg;
	(void)band;
	(void)result;
	(void)d;
	return 0;
}

/* Draws the design of job at 600 x 600 pixels in 16-row bands. */
static size_t
art_draws(const char *design, size_t *bands)
{
	struct job_paths paths = { "tests/data/designs", "locales", "fonts",
		"designs/_flags", "build/flags/package", NULL, NULL };
	struct library *lib;
	struct raster_job rj;
	struct diag d = { 0 };
	struct banner *b;
	struct job job;
	size_t draws = 0;

	if (design[0] != 'b')
		paths.designs = "designs";
	lib = library_new(&paths);
	job_init(&job);
	job.design = design;
	job.city = "Oslo";
	job.country = "NO";
	job.size = "600x600px";
	b = job_plan(&job, lib, &d);
	CHECK(b != NULL);
	if (b != NULL) {
		memset(&rj, 0, sizeof rj);
		rj.banner = b;
		rj.width = rj.height = 600;
		rj.jobs = 1;
		rj.band_rows = 16;
		rj.band = keep_nothing;
		rj.take = take_nothing;
		rj.arg = bands;
		CHECK(raster_run(&rj, &d) == 0);
		draws = banner_art_draws(b);
		banner_free(b);
	} else {
		fprintf(stderr, "%s\n", d.msg);
	}
	library_free(lib);
	return draws;
}

int
main(void)
{
	size_t bands = 0;

	/* 600 rows in bands of 16: 38 bands, the design drawn once. */
	CHECK(art_draws("blur", &bands) == 1);
	CHECK(bands == 38);
	/* Without filters each band draws its own part of the design. */
	bands = 0;
	CHECK(art_draws("liberate-crimea", &bands) == 38);
	CHECK(bands == 38);
	return check_done("test-raster");
}
