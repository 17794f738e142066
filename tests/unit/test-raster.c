/* test-raster.c - bands: a design with filters is drawn once, not per band. */
#include "run/job.h"
#include "write/raster.h"
#include "layout/render.h"

#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/bigpages.h"

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

static struct paths
test_paths(const char *designs)
{
	struct paths paths = { .designs = designs,
		.locales = "locales",
		.fonts = "fonts",
		.flags = "designs/_flags",
		.flagset = "build/flags/package",
		.icc = "build/icc",
		.isocodes = "/usr/share/iso-codes/json" };

	return paths;
}

/* The banner of a design for Oslo at size, or NULL (reported). */
static struct banner *
plan(struct library *lib, const char *design, const char *size)
{
	struct diag d = { 0 };
	struct job_opts o;
	struct job *job;
	struct banner *b = NULL;

	job_opts_init(&o);
	o.design = design;
	o.city = "Oslo";
	o.country = "NO";
	o.size = size;
	o.formats = "pdf";
	job = job_resolve(&o, lib, &d);
	if (job != NULL)
		b = job_plan(job, lib, &d);
	if (b == NULL)
		fprintf(stderr, "%s\n", d.msg);
	job_free(job);
	return b;
}

static void
raster_init(struct raster_job *rj, const struct banner *b, size_t w, size_t h,
	raster_band_fn band, raster_take_fn take, void *arg)
{
	memset(rj, 0, sizeof *rj);
	rj->banner = b;
	rj->width = w;
	rj->height = h;
	rj->jobs = 1;
	rj->band_rows = 16;
	rj->band = band;
	rj->take = take;
	rj->arg = arg;
}

/* Draws the design at 600 x 600 pixels in 16-row bands. */
static size_t
art_draws(const char *design, size_t *bands)
{
	struct paths paths =
		test_paths(design[0] == 'b' ? "tests/data/designs" : "designs");
	struct library *lib = library_new(&paths);
	struct raster_job rj;
	struct diag d = { 0 };
	struct banner *b = plan(lib, design, "600x600px");
	size_t draws = 0;

	CHECK(b != NULL);
	if (b != NULL) {
		raster_init(&rj, b, 600, 600, keep_nothing, take_nothing,
			bands);
		CHECK(raster_run(&rj, &d) == 0);
		draws = banner_art_draws(b);
		banner_free(b);
	}
	library_free(lib);
	return draws;
}

/* Every band's rows, in order, in one buffer. */
struct image {
	unsigned char *data;
	size_t width, filled;
};

static int
keep_rows(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	struct image *img = arg;
	unsigned char *copy = malloc(img->width * 4 * n + sizeof(size_t));
	size_t y;

	(void)y0;
	(void)last;
	(void)d;
	memcpy(copy, &n, sizeof n);
	for (y = 0; y < n; y++)
		memcpy(copy + sizeof n + y * img->width * 4, rows + y * stride,
			img->width * 4);
	*result = copy;
	return 0;
}

static int
take_rows(void *arg, size_t band, void *result, struct diag *d)
{
	struct image *img = arg;
	size_t n;

	(void)band;
	(void)d;
	memcpy(&n, result, sizeof n);
	memcpy(img->data + img->filled, (unsigned char *)result + sizeof n,
		img->width * 4 * n);
	img->filled += img->width * 4 * n;
	free(result);
	return 0;
}

/* The image, in tiles at most max wide (0: the default) and windows. */
static unsigned char *
draw_tiled(const struct banner *b, size_t w, size_t h, size_t jobs, size_t max,
	double window, size_t *threads)
{
	struct image img = { calloc(w * h, 4), w, 0 };
	struct raster_job rj;
	struct diag d = { 0 };

	raster_init(&rj, b, w, h, keep_rows, take_rows, &img);
	rj.jobs = jobs;
	rj.band_rows = 64;
	rj.max_surface = max;
	rj.window_pixels = window;
	rj.thread_pixels = 1024 * 1024; /* threads for small images too */
	*threads = raster_threads(&rj);
	CHECK(raster_run(&rj, &d) == 0);
	CHECK(img.filled == w * h * 4);
	return img.data;
}

static unsigned char *
draw(const struct banner *b, size_t w, size_t h, size_t jobs, size_t *threads)
{
	return draw_tiled(b, w, h, jobs, 0, 0, threads);
}

/* The largest difference of a channel between two images. */
static int
max_difference(const unsigned char *p, const unsigned char *q, size_t bytes)
{
	size_t i;
	int max = 0;

	for (i = 0; i < bytes; i++)
		if (abs(p[i] - q[i]) > max)
			max = abs(p[i] - q[i]);
	return max;
}

/*
 * A blurred design drawn in tiles across (past RASTER_MAX_SURFACE, made
 * max here) and in strips of rows (of window pixels with their pad) has
 * the pixels of the design drawn in one window, within tolerance. The
 * sizes of blur-crimea are ones where librsvg's filter surface for the
 * window at the page's far edge came out a pixel wider than the window
 * (render.c, fit_viewport()): the blur's fade there was up to 11/255
 * darker; its shapes are rectangles on whole pixels, so now to the bit.
 * A curve that crosses a tile's left or right edge is anti-aliased
 * otherwise on that one row of pixels, anywhere along it: cairo's scan
 * converter cuts the curve's edges at the surface's side, mid-row, and a
 * row where an edge starts or stops mid-row is sampled in sub-rows
 * instead of covered exactly (up to 15/255 on the edge's pixels, seen on
 * blur's circle with an identity filter). The blur spreads that over its
 * reach: 1/255 at most, here and at A0 sizes.
 */
static void
test_blur_tiles(const char *design, size_t w, size_t h, size_t max,
	double window, int tolerance)
{
	struct paths paths = test_paths("tests/data/designs");
	struct library *lib = library_new(&paths);
	struct banner *b;
	unsigned char *whole, *tiled;
	char size[64];
	size_t t, draws;
	int diff;

	snprintf(size, sizeof size, "%zux%zupx", w, h);
	b = plan(lib, design, size);
	CHECK(b != NULL);
	if (b == NULL) {
		library_free(lib);
		return;
	}
	whole = draw(b, w, h, 1, &t);
	CHECK(banner_art_draws(b) == 1);
	tiled = draw_tiled(b, w, h, 1, max, window, &t);
	draws = banner_art_draws(b) - 1;
	/* Cut across, and for a window, into strips of rows too. */
	CHECK(draws >= 3);
	CHECK(window == 0 || draws >= 6);
	diff = max_difference(whole, tiled, w * h * 4);
	if (diff > tolerance)
		fprintf(stderr, "%s at %s in tiles of %zu: off by %d\n", design,
			size, max, diff);
	CHECK(diff <= tolerance);
	free(whole);
	free(tiled);
	banner_free(b);
	library_free(lib);
}

/*
 * Threads draw clones of the banner, made without fitting again: the
 * same pixels as the banner itself, and as a clone drawn alone.
 */
static void
test_clones_draw_the_same(void)
{
	struct paths paths = test_paths("designs");
	struct library *lib = library_new(&paths);
	struct banner *b = plan(lib, "liberate-crimea", "1600x1600px"), *c;
	struct diag d = { 0 };
	unsigned char *one, *two, *cloned;
	size_t t1, t2, tc;

	CHECK(b != NULL);
	if (b == NULL)
		return;
	c = banner_clone(b, &d);
	CHECK(c != NULL);
	one = draw(b, 1600, 1600, 1, &t1);
	two = draw(b, 1600, 1600, 2, &t2);
	cloned = draw(c, 1600, 1600, 1, &tc);
	CHECK(t1 == 1);
	CHECK(t2 == 2);
	CHECK(memcmp(one, two, 1600 * 1600 * 4) == 0);
	CHECK(memcmp(one, cloned, 1600 * 1600 * 4) == 0);
	free(one);
	free(two);
	free(cloned);
	banner_free(c);
	banner_free(b);
	library_free(lib);
}

/* A small image takes one thread whatever -j: a clone would cost more. */
static void
test_small_images_one_thread(void)
{
	struct raster_job rj;

	raster_init(&rj, NULL, 1080, 1080, keep_nothing, take_nothing, NULL);
	rj.jobs = 8;
	CHECK(raster_threads(&rj) == 1);
	raster_init(&rj, NULL, 2480, 3508, keep_nothing, take_nothing, NULL);
	rj.jobs = 2;
	CHECK(raster_threads(&rj) == 1); /* 8.7 Mpx: a clone costs more */
	raster_init(&rj, NULL, 9933, 14043, keep_nothing, take_nothing, NULL);
	rj.jobs = 2;
	CHECK(raster_threads(&rj) == 2); /* A0 at 300 dpi, 139 Mpx */
	rj.jobs = 64;
	CHECK(raster_threads(&rj) == 3); /* one per 64 Mi pixels */
	raster_init(&rj, NULL, 2480, 3508, keep_nothing, take_nothing, NULL);
	rj.jobs = 64;
	rj.thread_pixels = 2.0 * 1024 * 1024;
	CHECK(raster_threads(&rj) == 5); /* 8.7 Mpx: one per 2 Mi pixels */
	rj.width = 200000;
	rj.height = 32;
	CHECK(raster_threads(&rj) == 2); /* two bands of 16 rows */
}

/* A library's clone shares what was loaded: one design for both. */
static void
test_library_clone_shares(void)
{
	struct paths paths = test_paths("designs");
	struct library *lib = library_new(&paths), *c = library_clone(lib);
	struct diag d = { 0 };
	const struct design *a = library_design(lib, "liberate-crimea", &d);
	const struct design *b = library_design(c, "liberate-crimea", &d);
	const struct fonts *fa = library_fonts(lib, &d);
	const struct fonts *fb = library_fonts(c, &d);

	CHECK(a != NULL && a == b);
	CHECK(library_catalog(c, "uk", &d) == library_catalog(lib, "uk", &d));
	/* The font map is each thread's own. */
	CHECK(fa != NULL && fb != NULL && fa != fb);
	library_free(lib);
	/* The clone keeps the shared data alive. */
	CHECK(library_design(c, "liberate-crimea", &d) == b);
	library_free(c);
}

/* The VmFlags of the mapping that holds addr, from /proc/self/smaps. */
static int
vm_flags_of(const void *addr, char *flags, size_t size)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	int inside = 0, found = 0;

	while (f != NULL && !found && fgets(line, sizeof line, f) != NULL) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 &&
			strchr(line, '-') < strchr(line, ' '))
			inside = (uintptr_t)addr >= lo && (uintptr_t)addr < hi;
		else if (inside && strncmp(line, "VmFlags:", 8) == 0) {
			snprintf(flags, size, "%s", line + 8);
			found = 1;
		}
	}
	if (f != NULL)
		fclose(f);
	return found ? 0 : -1;
}

/*
 * A large cairo image surface, as librsvg makes for a blur, is marked for
 * huge pages (VmFlags "hg"). (Whether a small one is left alone cannot be
 * seen: it may come from heap a freed large strip marked before.)
 */
static void
test_big_surfaces_on_huge_pages(void)
{
	cairo_surface_t *big = cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
		2048, BIGPAGES_MIN_BYTES / 2048 / 4 + 1024);
	char flags[512];

	CHECK(vm_flags_of(cairo_image_surface_get_data(big) +
				  BIGPAGES_MIN_BYTES / 2,
		      flags, sizeof flags) == 0);
	CHECK(strstr(flags, " hg") != NULL);
	cairo_surface_destroy(big);
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
	test_clones_draw_the_same();
	test_big_surfaces_on_huge_pages();
	test_blur_tiles("blur-crimea", 2917, 972, 1024, 0, 0);
	test_blur_tiles("blur-crimea", 2851, 950, 1000, 0, 0);
	test_blur_tiles("blur-crimea", 3077, 1026, 1000, 1, 0);
	test_blur_tiles("blur", 1000, 1000, 600, 0, 1);
	test_blur_tiles("blur", 1187, 1187, 700, 1, 1);
	test_small_images_one_thread();
	test_library_clone_shares();
	return check_done("test-raster");
}
