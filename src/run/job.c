/* job.c - struct job: validating it and turning it into files. */
#include "run/job.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "input/catalog.h"
#include "input/design.h"
#include "input/flags.h"
#include "input/fonts.h"
#include "input/lang.h"
#include "write/output.h"
#include "input/paper.h"
#include "layout/render.h"
#include "run/slug.h"
#include "layout/tile.h"
#include "base/xalloc.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif

void
job_init(struct job *job)
{
	memset(job, 0, sizeof *job);
	job->design = JOB_DEFAULT_DESIGN;
	job->lang = JOB_DEFAULT_LANG;
	job->size = JOB_DEFAULT_SIZE;
	job->formats = JOB_DEFAULT_FORMATS;
	job->dpi = JOB_DEFAULT_DPI;
	job->output = JOB_DEFAULT_OUTPUT;
	print_opts_init(&job->print);
	job->png_level = PNG_DEFAULT;
	job->jobs = 1;
	job->sheet = "A4";
	job->overlap = PAPER_PT(10);
	job->margin = PAPER_PT(5);
}

/* Splits "pdf,png" into known writer names; at most max of them. */
static int
split_formats(const char *list, char names[][8], size_t max, size_t *count,
	struct diag *d)
{
	const char *p = list;

	*count = 0;
	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		size_t i;

		if (n == 0 || n >= 8 || *count == max)
			return diag_set(d, DIAG_USAGE,
				"bad format list '%s' (expected %s, "
				"comma-separated)",
				list, output_format_names());
		memcpy(names[*count], p, n);
		names[*count][n] = '\0';
		if (!output_format_known(names[*count]))
			return diag_set(d, DIAG_USAGE,
				"unknown format '%s' (expected %s)",
				names[*count], output_format_names());
		for (i = 0; i < *count; i++)
			if (strcmp(names[i], names[*count]) == 0)
				return diag_set(d, DIAG_USAGE,
					"format '%s' given twice", names[i]);
		(*count)++;
		p += n;
		if (*p == ',')
			p++;
	}
	if (*count == 0)
		return diag_set(d, DIAG_USAGE, "no format given (expected %s)",
			output_format_names());
	return 0;
}

/* The page and the sheet around it, from the options. */
static int
job_sheet(const struct job *job, struct paper *p, struct sheet *s,
	struct diag *d)
{
	if (paper_parse(p, job->size, d) < 0)
		return -1;
	if (job->orientation != NULL &&
		paper_orient(p, job->orientation, d) < 0)
		return -1;
	return print_sheet(s, p, &job->print, d);
}

int
job_check(const struct job *job, struct diag *d)
{
	char names[4][8];
	size_t n;
	struct paper p;
	struct sheet s;

	if (job->city == NULL || job->city[0] == '\0')
		return diag_set(d, DIAG_USAGE,
			"missing --city (the host city as it should appear, "
			"e.g. --city Berlin)");
	if (job->country == NULL)
		return diag_set(d, DIAG_USAGE,
			"missing --country (ISO code of the host country, e.g. "
			"--country DE; see 'bayraq list countries')");
	if (strlen(job->city) > 200)
		return diag_set(d, DIAG_USAGE,
			"--city is longer than 200 bytes");
	if (!(job->dpi >= 10 && job->dpi <= 2400))
		return diag_set(d, DIAG_USAGE,
			"--dpi must be a number from 10 to 2400");
	if (job_sheet(job, &p, &s, d) < 0)
		return -1;
	return split_formats(job->formats, names, 4, &n, d);
}

static int
is_folder(const char *path)
{
	size_t n = strlen(path);

	return n == 0 || path[n - 1] == '/' ||
	       g_file_test(path, G_FILE_TEST_IS_DIR);
}

/* mkdir -p for the output folder; only once the render has succeeded. */
static int
make_folder(const char *dir, struct diag *d)
{
	if (dir[0] == '\0' || g_mkdir_with_parents(dir, 0777) == 0)
		return 0;
	return diag_set(d, DIAG_IO, "cannot create folder '%s': %s", dir,
		strerror(errno));
}

/* The file path for one format: a folder gets the predictable name. */
static char *
output_path(const struct job *job, const struct paper *p, const char *code,
	const char *format, size_t format_count)
{
	const char *out = job->output;
	size_t n = strlen(out);

	if (is_folder(out)) {
		char *city = slug_new(job->city),
		     *lc = g_ascii_strdown(code, -1);
		char *path = xasprintf("%.*s%s%s-%s-%s-%s.%s", (int)n, out,
			n > 0 && out[n - 1] != '/' ? "/" : "", job->design,
			job->lang, city[0] != '\0' ? city : lc, p->label,
			format);

		free(city);
		g_free(lc);
		return path;
	}
	/* A file path: with several formats, each gets its own extension. */
	if (format_count > 1) {
		const char *dot = strrchr(out, '.');
		const char *slash = strrchr(out, '/');

		if (dot != NULL && (slash == NULL || dot > slash))
			n = (size_t)(dot - out);
		return xasprintf("%.*s.%s", (int)n, out, format);
	}
	return xstrdup(out);
}

static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup("");
	return xstrndup(path, (size_t)(slash - path));
}

/* What one render takes from the library: borrowed. */
struct loaded {
	const struct fonts *fonts;
	const struct design *design;
	const struct catalog *catalog;
	const struct flags *flags;
	struct lang lang;
	char code[3];
};

static int
load_all(const struct job *job, struct library *lib, struct loaded *l,
	struct diag *d)
{
	memset(l, 0, sizeof *l);
	l->catalog = library_catalog(lib, job->lang, d);
	if (l->catalog == NULL)
		return -1;
	l->flags = library_flags(lib, d);
	if (l->flags == NULL ||
		flags_country(l->flags, job->country, l->code, d) < 0)
		return -1;
	l->design = library_design(lib, job->design, d);
	if (l->design == NULL)
		return -1;
	lang_init(&l->lang, catalog_language(l->catalog));
	l->fonts = library_fonts(lib, d);
	return l->fonts == NULL ? -1 : 0;
}

/* A thread's own banner: its own library, fonts and layouts. */
struct clone_arg {
	const struct job *job;
	const struct job_paths *paths;
};

static struct banner *
clone_banner(void *arg, void **state, struct diag *d)
{
	struct clone_arg *c = arg;
	struct library *lib = library_new(c->paths);

	*state = lib;
	return job_plan(c->job, lib, d);
}

static void
release_banner(void *arg, void *state, struct banner *b)
{
	(void)arg;
	banner_free(b);
	library_free(state);
}

/* The nearest folder of path that exists, for the free space. */
static char *
existing_parent(const char *path)
{
	char *dir = xstrdup(path[0] != '\0' ? path : ".");

	while (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		char *up = g_path_get_dirname(dir);

		free(dir);
		dir = xstrdup(up);
		g_free(up);
	}
	return dir;
}

/*
 * Before anything is written: a PNG past 2^31 pixels or about 1 GB is
 * refused unless --force, and so is one the disk has no room for. The
 * estimate takes a quarter of the raw pixels: flat banners compress far
 * better, photos rarely worse.
 */
static int
check_raster(const struct job *job, size_t w, size_t h, struct diag *d)
{
	double pixels = (double)w * (double)h, estimate = pixels * 3 / 4;
	char *parent = g_path_get_dirname(job->output);
	char *dir =
		existing_parent(is_folder(job->output) ? job->output : parent);
	struct statvfs fs;
	int rc = 0;

	g_free(parent);
	if (!job->force &&
		(pixels > JOB_MAX_PIXELS || estimate > JOB_MAX_ESTIMATE))
		rc = diag_set(d, DIAG_USAGE,
			"PNG of %zu x %zu pixels (about %.1f GB) is past the "
			"cap of 2^31 pixels or 1 GB; lower --dpi, or --force",
			w, h, estimate / 1e9);
	else if (statvfs(dir, &fs) == 0 &&
		 (double)fs.f_bavail * (double)fs.f_frsize < estimate)
		rc = diag_set(d, DIAG_IO,
			"not enough disk space in '%s' for a PNG of about %.0f "
			"MB (%.0f MB free)",
			dir, estimate / 1e6,
			(double)fs.f_bavail * (double)fs.f_frsize / 1e6);
	free(dir);
	return rc;
}

static int
write_all(const struct job *job, const struct job_paths *paths,
	const struct paper *p, const struct sheet *s, const struct banner *b,
	const struct loaded *l, struct output *o, struct diag *d)
{
	char names[4][8], *subject, *dir, *icc;
	struct clone_arg clone = { job, paths };
	struct output_opts opts;
	size_t n, i;
	int rc = 0;

	if (split_formats(job->formats, names, 4, &n, d) < 0)
		return -1;
	memset(&opts, 0, sizeof opts);
	opts.dpi = paper_dpi(p, job->dpi);
	paper_pixels(p, job->dpi, &opts.px_w, &opts.px_h);
	opts.software = "bayraq " BAYRAQ_VERSION;
	subject = xasprintf("#LIBERATECRIMEA banner: %s, %s", job->city,
		flags_country_name(l->flags, l->code));
	opts.subject = subject;
	opts.sheet = s;
	opts.png_level = job->png_level;
	opts.jobs = job->jobs;
	opts.band_rows = job->band_rows;
	opts.painter.clone = clone_banner;
	opts.painter.release = release_banner;
	opts.painter.arg = &clone;
	opts.progress = job->progress;
	opts.progress_arg = job->progress_arg;
	for (i = 0; i < n && rc == 0; i++)
		if (strcmp(names[i], "png") == 0 ||
			strcmp(names[i], "tiff") == 0)
			rc = check_raster(job, opts.px_w, opts.px_h, d);
	if (rc < 0) {
		free(subject);
		return -1;
	}
	icc = xasprintf("%s/%s.icc", paths->icc, print_intent_name(s->intent));
	opts.intent_icc = icc;
	opts.srgb_icc = paths->srgb;
	for (i = 0; i < n && rc == 0; i++) {
		char *path = output_path(job, p, l->code, names[i], n);

		dir = folder_of(path);
		rc = make_folder(dir, d);
		free(dir);
		if (rc == 0)
			rc = output_write(o, b, names[i], path, &opts, d);
		free(path);
	}
	free(icc);
	free(subject);
	return rc;
}

/* Every text's ink stays inside the safe area: away from the cut and hem. */
static int
check_safe(const struct banner *b, const struct sheet *s, const char *lang,
	struct diag *d)
{
	struct banner_item it;
	size_t i;

	for (i = 0; s->safe > 0 && banner_item(b, i, &it) == 0; i++) {
		double margin;

		if (strcmp(it.kind, "text") != 0)
			continue;
		margin = fmin(fmin(it.ix, it.iy),
			fmin(s->art_w - it.ix - it.iw,
				s->art_h - it.iy - it.ih));
		if (margin < s->safe - 0.01)
			return diag_set(d, DIAG_FIT,
				"slot '%s' (%s): text comes within %.1f mm of "
				"the edge; the safe margin is %.1f mm",
				it.slot, lang, PAPER_MM(fmax(margin, 0)),
				PAPER_MM(s->safe));
	}
	return 0;
}

/* Checks, loads and plans: everything that can fail before any file. */
static struct banner *
plan(const struct job *job, struct library *lib, struct paper *p,
	struct sheet *s, struct loaded *l, struct diag *d)
{
	struct render_input in;
	struct banner *b;

	memset(l, 0, sizeof *l);
	if (job_check(job, d) < 0 || job_sheet(job, p, s, d) < 0)
		return NULL;
	if (load_all(job, lib, l, d) < 0)
		return NULL;
	memset(&in, 0, sizeof in);
	in.design = l->design;
	in.catalog = l->catalog;
	in.lang = &l->lang;
	in.fonts = l->fonts;
	in.flags = l->flags;
	in.city = job->city;
	in.country = l->code;
	in.page_w = p->width_pt;
	in.page_h = p->height_pt;
	b = render_plan(&in, d);
	if (b != NULL && check_safe(b, s, l->lang.tag, d) < 0) {
		banner_free(b);
		return NULL;
	}
	return b;
}

struct banner *
job_plan(const struct job *job, struct library *lib, struct diag *d)
{
	struct loaded l;
	struct paper p;
	struct sheet s;

	return plan(job, lib, &p, &s, &l, d);
}

int
job_layout(const struct job *job, struct library *lib, job_item_fn each,
	void *arg, struct diag *d)
{
	struct banner_item item;
	struct loaded l;
	struct paper p;
	struct sheet s;
	struct banner *b = plan(job, lib, &p, &s, &l, d);
	int rc = b == NULL ? -1 : 0;
	size_t i;

	for (i = 0; b != NULL && banner_item(b, i, &item) == 0; i++)
		each(&item, arg);
	banner_free(b);
	return rc;
}

int
job_run(const struct job *job, struct library *lib, job_written_fn written,
	void *arg, struct diag *d)
{
	struct output o = { 0 };
	struct loaded l;
	struct banner *b;
	struct paper p;
	struct sheet s;
	size_t i;
	int rc = -1;

	b = plan(job, lib, &p, &s, &l, d);
	if (b == NULL)
		goto out;
	if (write_all(job, library_paths(lib), &p, &s, b, &l, &o, d) < 0 ||
		output_commit(&o, d) < 0)
		goto out;
	for (i = 0; i < o.count && written != NULL; i++)
		written(o.final[i], arg);
	rc = 0;
out:
	output_release(&o);
	banner_free(b);
	return rc;
}

static int
tile_opts_for(const struct job *job, struct tile_opts *o, struct diag *d)
{
	struct paper sheet;

	if (paper_parse(&sheet, job->sheet, d) < 0)
		return -1;
	if (sheet.width_px != 0)
		return diag_set(d, DIAG_USAGE,
			"--sheet must be paper, not '%s' in pixels",
			job->sheet);
	o->sheet_w = sheet.width_pt;
	o->sheet_h = sheet.height_pt;
	o->sheet_name = job->sheet;
	o->margin = job->margin;
	o->overlap = job->overlap;
	return 0;
}

/* The tiles' file: DESIGN-LANG-CITY-SIZE-tiles-SHEET.pdf in a folder. */
static char *
tile_path(const struct job *job, const struct paper *p, const char *code)
{
	char *base, *path;
	size_t n;

	if (!is_folder(job->output))
		return xstrdup(job->output);
	base = output_path(job, p, code, "pdf", 1);
	n = strlen(base) - 4;
	path = xasprintf("%.*s-tiles-%s.pdf", (int)n, base, job->sheet);
	free(base);
	return path;
}

char **
job_output_paths(const struct job *job, int tile, struct diag *d)
{
	char names[4][8], lc[3] = { 0 }, **paths;
	struct paper p;
	size_t n, i;

	if (job_check(job, d) < 0 || paper_parse(&p, job->size, d) < 0 ||
		(job->orientation != NULL &&
			paper_orient(&p, job->orientation, d) < 0) ||
		split_formats(job->formats, names, 4, &n, d) < 0)
		return NULL;
	/* Names use the code as given; a bad one fails at render time. */
	lc[0] = job->country[0];
	lc[1] = job->country[0] != '\0' ? job->country[1] : '\0';
	paths = xcalloc(n + 2, sizeof *paths);
	for (i = 0; i < n; i++)
		paths[i] = output_path(job, &p, lc, names[i], n);
	if (tile)
		paths[n] = tile_path(job, &p, lc);
	return paths;
}

void
job_paths_free(char **paths)
{
	size_t i;

	for (i = 0; paths != NULL && paths[i] != NULL; i++)
		free(paths[i]);
	free(paths);
}

int
job_tile(const struct job *job, struct library *lib, struct tiling *grid,
	job_written_fn written, void *arg, struct diag *d)
{
	struct output o = { 0 };
	struct output_opts opts;
	struct tile_words words;
	struct tile_opts to;
	struct loaded l;
	struct banner *b;
	struct paper p;
	struct sheet s;
	char *path = NULL, *dir, size[48];
	int rc = -1;

	b = plan(job, lib, &p, &s, &l, d);
	if (b == NULL || tile_opts_for(job, &to, d) < 0 ||
		tile_plan(grid, p.width_pt, p.height_pt, &to, d) < 0)
		goto out;
	snprintf(size, sizeof size, "%.0f x %.0f mm", PAPER_MM(p.width_pt),
		PAPER_MM(p.height_pt));
	words.catalog = l.catalog;
	words.lang = &l.lang;
	words.fonts = l.fonts;
	words.size_text = size;
	memset(&opts, 0, sizeof opts);
	opts.software = "bayraq " BAYRAQ_VERSION;
	opts.subject = "#LIBERATECRIMEA banner in sheets for a home printer";
	opts.tiling = grid;
	opts.tile_words = &words;
	path = tile_path(job, &p, l.code);
	dir = folder_of(path);
	rc = make_folder(dir, d);
	free(dir);
	if (rc == 0)
		rc = output_write_tiles(&o, b, path, &opts, d);
	if (rc == 0)
		rc = output_commit(&o, d);
	if (rc == 0 && written != NULL)
		written(path, arg);
out:
	free(path);
	output_release(&o);
	banner_free(b);
	return rc;
}
