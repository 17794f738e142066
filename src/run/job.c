/* job.c - what to render, resolved once: sizes, formats, names; then doing it.
 */
#include "run/job.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include "base/xalloc.h"
#include "input/lang.h"
#include "input/logo.h"
#include "input/paper.h"
#include "layout/render.h"
#include "layout/tile.h"
#include "run/slug.h"
#include "write/output.h"
#include "write/pdf.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif
#define SOFTWARE "bayraq " BAYRAQ_VERSION

/* One file the job writes: a banner format, or the tiles (w NULL). */
struct job_file {
	const struct writer *w;
	char *path;
};

struct job {
	char *design, *lang, *city, *sheet_name, *label, *subject;
	char *slogan, *event; /* event: NULL when none */
	struct logo *logo; /* NULL when none */
	char code[FLAGS_CODE_SIZE]; /* the host flag, "PL" or "GB-SCT" */
	struct paper paper;
	struct sheet sheet;
	struct output_opts out; /* strings point into the job */
	struct tile_opts tile_opts;
	struct tiling tiling;
	int has_tiles;
	struct job_file files[OUTPUT_MAX];
	size_t file_count;
	char *intent_icc;
};

void
job_opts_init(struct job_opts *o)
{
	memset(o, 0, sizeof *o);
	o->design = JOB_DEFAULT_DESIGN;
	o->lang = JOB_DEFAULT_LANG;
	o->size = JOB_DEFAULT_SIZE;
	o->dpi = JOB_DEFAULT_DPI;
	o->output = JOB_DEFAULT_OUTPUT;
	print_opts_init(&o->print);
	o->png_level = PNG_DEFAULT;
	o->jobs = 1;
	o->sheet = JOB_DEFAULT_SHEET;
	o->overlap = PAPER_PT(10);
	o->margin = -1;
}

void
job_free(struct job *job)
{
	size_t i;

	if (job == NULL)
		return;
	for (i = 0; i < job->file_count; i++)
		free(job->files[i].path);
	free(job->design);
	free(job->lang);
	free(job->city);
	free(job->slogan);
	free(job->event);
	logo_free(job->logo);
	free(job->sheet_name);
	free(job->label);
	free(job->subject);
	free(job->intent_icc);
	free(job);
}

/* Bidirectional embeddings, overrides and isolates: typed text has none. */
static int
is_bidi_control(gunichar c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int
job_check_text(const char *s, const char *what, struct diag *d)
{
	const char *p;

	if (strlen(s) > JOB_MAX_TEXT)
		return diag_set(d, DIAG_USAGE,
			"%s is longer than %d bytes; shorten it", what,
			JOB_MAX_TEXT);
	if (!g_utf8_validate(s, -1, NULL))
		return diag_set(d, DIAG_USAGE,
			"%s is not UTF-8 text; type it again, or save the file "
			"it comes from as UTF-8",
			what);
	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_iscntrl(c))
			return diag_set(d, DIAG_USAGE,
				"%s holds a control character (a line break, "
				"a tab or an escape); take it out",
				what);
		if (is_bidi_control(c))
			return diag_set(d, DIAG_USAGE,
				"%s holds an invisible direction mark "
				"(U+%04X), "
				"which would turn the slogan around; take it "
				"out",
				what, (unsigned)c);
	}
	return 0;
}

int
job_check_slogan(const char *s, const char *what, struct diag *d)
{
	char list[96];

	if (design_is_slogan(s))
		return 0;
	design_slogan_list(list, sizeof list);
	return diag_set(d, DIAG_USAGE, "unknown %s '%.40s' (expected %s)", what,
		s, list);
}

static int
check_words(const struct job_opts *o, struct diag *d)
{
	if (o->city == NULL || o->city[0] == '\0')
		return diag_set(d, DIAG_USAGE,
			"missing --city (the host city as it should appear, "
			"e.g. --city Berlin)");
	if (o->country == NULL || o->country[0] == '\0')
		return diag_set(d, DIAG_USAGE,
			"missing --country (ISO code of the host country, e.g. "
			"--country DE; see 'bayraq list countries')");
	if (job_check_text(o->city, "--city", d) < 0)
		return -1;
	if (o->event != NULL && job_check_text(o->event, "--event", d) < 0)
		return -1;
	if (o->slogan != NULL && job_check_slogan(o->slogan, "--slogan", d) < 0)
		return -1;
	if (!(o->dpi >= 10 && o->dpi <= 2400))
		return diag_set(d, DIAG_USAGE,
			"--dpi must be a number from 10 to 2400");
	return 0;
}

/*
 * A character of what the organizer typed that no font has, named with
 * its option and what to do, rather than as a slot's text that cannot be
 * drawn. The fit finds that a glyph is missing with pango; this names it.
 */
static int
check_glyphs(struct library *lib, const char *text, const char *what,
	struct diag *d)
{
	const struct fonts *f;
	char utf8[8];
	gunichar c;

	if (text == NULL)
		return 0;
	f = library_fonts(lib, d);
	if (f == NULL)
		return -1;
	c = fonts_missing_char(f, text);
	if (c == 0)
		return 0;
	utf8[g_unichar_to_utf8(c, utf8)] = '\0';
	return diag_set(d, DIAG_FIT,
		"no font has the character '%s' (U+%04X) in %s: leave it out "
		"or replace it",
		utf8, (unsigned)c, what);
}

/* The design, language and country exist: loaded now, kept in lib. */
static int
check_inputs(struct job *job, const struct job_opts *o, struct library *lib,
	struct diag *d)
{
	const struct flags *fl;
	const struct catalog *cat = library_catalog(lib, o->lang, d);

	/* Unfinished fails at every size, not only where a slot shows it. */
	if (cat == NULL || library_language_finished(lib, cat, d) < 0 ||
		library_design(lib, o->design, d) == NULL)
		return -1;
	fl = library_flags(lib, d);
	if (fl == NULL || flags_host(fl, o->country, job->code, d) < 0)
		return -1;
	return 0;
}

/*
 * A PDF's subject names the country in English, from iso-codes, which
 * are read for it alone: a job of PNGs has none.
 */
static void
name_subject(struct job *job, struct library *lib)
{
	struct diag ignored = { 0 };
	const struct flags *fl = library_flags(lib, &ignored);
	int vector = job->has_tiles;
	size_t i;

	for (i = 0; i < job->file_count; i++)
		vector |= job->files[i].w != NULL && !job->files[i].w->raster;
	if (!vector || fl == NULL)
		return;
	job->subject = xasprintf("#LIBERATECRIMEA banner: %s, %s", job->city,
		flags_country_name(fl, job->code));
	job->out.subject = job->subject;
}

static int
check_page(struct job *job, const struct job_opts *o, struct diag *d)
{
	if (paper_parse(&job->paper, o->size, d) < 0)
		return -1;
	if (o->orientation != NULL &&
		paper_orient(&job->paper, o->orientation, d) < 0)
		return -1;
	return print_sheet(&job->sheet, &job->paper, &o->print, d);
}

/*
 * --orientation the design has no variant for: a choice to change, not a
 * render that failed. Another size that no variant is near fails later,
 * when the variant is picked.
 */
static int
check_orientation(const struct job *job, const struct job_opts *o,
	struct library *lib, struct diag *d)
{
	double ratio = job->paper.width_pt / job->paper.height_pt, r;
	const struct design *dz;
	char *list;
	size_t i;

	if (o->orientation == NULL || ratio == 1)
		return 0;
	dz = library_design(lib, o->design, d);
	if (dz == NULL)
		return -1;
	if (design_pick_index(dz, ratio) >= 0)
		return 0;
	for (i = 0; i < design_variant_count(dz); i++) {
		r = design_variant_ratio(dz, i);
		if (r != 1 && (r > 1) == (ratio > 1))
			return 0;
	}
	list = design_ratio_list(dz);
	diag_set(d, DIAG_USAGE,
		"design '%s' has no %s variant (it has %s); leave out "
		"--orientation %s, or choose a design with a %s variant "
		"(bayraq list designs)",
		o->design, o->orientation, list, o->orientation,
		o->orientation);
	g_free(list);
	return -1;
}

/* --sheets: the page grows or shrinks to what the sheets make, in whole mm. */
static int
fit_sheets(struct job *job, const struct job_opts *o, struct diag *d)
{
	struct paper *p = &job->paper;
	double k, w, h;

	if (tile_fit_sheets(p->width_pt, p->height_pt, o->sheets,
		    &job->tile_opts, &k, d) < 0)
		return -1;
	w = floor(PAPER_MM(p->width_pt * k));
	h = floor(PAPER_MM(p->height_pt * k));
	p->width_pt = PAPER_PT(w);
	p->height_pt = PAPER_PT(h);
	snprintf(p->label, sizeof p->label, "%.0fx%.0fmm", w, h);
	return print_sheet(&job->sheet, p, &o->print, d);
}

static int
check_tiles(struct job *job, const struct job_opts *o, struct diag *d)
{
	struct paper sheet;

	if (paper_parse_sheet(&sheet, o->sheet, d) < 0)
		return -1;
	if (sheet.width_px != 0)
		return diag_set(d, DIAG_USAGE,
			"--sheet must be paper, not '%s' in pixels", o->sheet);
	job->sheet_name = xstrdup(o->sheet);
	job->tile_opts.sheet_w = sheet.width_pt;
	job->tile_opts.sheet_h = sheet.height_pt;
	job->tile_opts.sheet_name = job->sheet_name;
	job->tile_opts.margin =
		o->margin >= 0 ? o->margin
			       : tile_default_margin(sheet.family == PAPER_US);
	job->tile_opts.overlap = o->overlap;
	job->has_tiles = 1;
	if (o->sheets > 0 && fit_sheets(job, o, d) < 0)
		return -1;
	return tile_plan(&job->tiling, job->paper.width_pt,
		job->paper.height_pt, &job->tile_opts, d);
}

static int
add_format(struct job *job, const char *name, size_t len, struct diag *d)
{
	char names[64], *fmt = xstrndup(name, len);
	const struct writer *w = writer_lookup(fmt);
	size_t i;
	int rc = 0;

	writer_names(names, sizeof names);
	if (w == NULL)
		rc = diag_set(d, DIAG_USAGE,
			"unknown format '%.20s' (expected %s, "
			"comma-separated)",
			fmt, names);
	for (i = 0; rc == 0 && i < job->file_count; i++)
		if (job->files[i].w == w)
			rc = diag_set(d, DIAG_USAGE, "format '%s' given twice",
				fmt);
	if (rc == 0 && job->file_count == OUTPUT_MAX - 1)
		rc = diag_set(d, DIAG_USAGE, "too many formats");
	if (rc == 0)
		job->files[job->file_count++].w = w;
	free(fmt);
	return rc;
}

static int
add_formats(struct job *job, const char *list, struct diag *d)
{
	const char *p = list;
	char names[64];

	while (*p != '\0') {
		size_t n = strcspn(p, ",");

		if (add_format(job, p, n, d) < 0)
			return -1;
		p += n;
		if (*p == ',')
			p++;
	}
	writer_names(names, sizeof names);
	if (job->file_count == 0)
		return diag_set(d, DIAG_USAGE, "no format given (expected %s)",
			names);
	return 0;
}

/* The extension of path's last part ("pdf"), or NULL. Borrowed. */
static const char *
extension(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	const char *dot = strrchr(base, '.');

	return dot != NULL && dot > base && dot[1] != '\0' ? dot + 1 : NULL;
}

/*
 * A folder unless it names a file: "out/", ".", an existing folder, and a
 * last part without an extension are folders; "berlin.pdf" is a file.
 */
static int
is_folder(const struct job_opts *o)
{
	size_t n = strlen(o->output);

	return o->output_folder || n == 0 || o->output[n - 1] == '/' ||
	       g_file_test(o->output, G_FILE_TEST_IS_DIR) ||
	       extension(o->output) == NULL;
}

static int
format_listed(const struct job *job, const char *name)
{
	size_t i;

	for (i = 0; i < job->file_count; i++)
		if (strcmp(job->files[i].w->name, name) == 0)
			return 1;
	return 0;
}

/* -o FILE: its extension is the format, or one of --format's. */
static int
file_formats(struct job *job, const struct job_opts *o, const char *ext,
	struct diag *d)
{
	char names[64];

	writer_names(names, sizeof names);
	if (o->tiles_only && strcmp(ext, "pdf") != 0)
		return diag_set(d, DIAG_USAGE,
			"the sheets for a home printer are one PDF: name the "
			"file .pdf, not '%.60s'",
			o->output);
	if (o->tiles_only)
		return 0;
	if (o->tiles)
		return diag_set(d, DIAG_USAGE,
			"the output '%.60s' is one file, but there are "
			"several to write: give a folder",
			o->output);
	if (writer_lookup(ext) == NULL)
		return diag_set(d, DIAG_USAGE,
			"cannot tell the format of '%.60s': end the name in "
			"one of %s, or give a folder",
			o->output, names);
	if (o->formats == NULL)
		return add_formats(job, ext, d);
	if (add_formats(job, o->formats, d) < 0)
		return -1;
	if (!format_listed(job, ext))
		return diag_set(d, DIAG_USAGE,
			"'%.60s' names a .%s file, but --format is '%.20s': "
			"make them agree, or give a folder",
			o->output, ext, o->formats);
	return 0;
}

/* DESIGN-LANG-CITY-SIZE: the city in Latin letters, else the country. */
static char *
base_name(const struct job *job, const char *folder)
{
	char *city = slug_new(job->city), *lc = g_ascii_strdown(job->code, -1);
	size_t n = strlen(folder);
	char *base = xasprintf("%s%s%s-%s-%s-%s", folder,
		n > 0 && folder[n - 1] != '/' ? "/" : "", job->design,
		job->lang, city[0] != '\0' ? city : lc, job->paper.label);

	free(city);
	g_free(lc);
	return base;
}

static int
name_outputs(struct job *job, const struct job_opts *o, struct diag *d)
{
	int folder = is_folder(o);
	const char *ext = extension(o->output);
	char *base;
	size_t i;

	struct stat st;

	if (folder && stat(o->output, &st) == 0 && !S_ISDIR(st.st_mode))
		return diag_set(d, DIAG_USAGE,
			"'%.80s' is there and is not a folder; give a folder, "
			"or "
			"a file name ending in .pdf, .png, .svg or .tiff",
			o->output);
	if (!folder && file_formats(job, o, ext, d) < 0)
		return -1;
	if (folder && !o->tiles_only &&
		add_formats(job,
			o->formats != NULL ? o->formats : JOB_DEFAULT_FORMATS,
			d) < 0)
		return -1;
	if (folder && o->name != NULL)
		base = xasprintf("%s%s%s", o->output,
			o->output[0] != '\0' &&
					o->output[strlen(o->output) - 1] != '/'
				? "/"
				: "",
			o->name);
	else if (folder)
		base = base_name(job, o->output);
	else
		base = xstrndup(o->output, strlen(o->output) - strlen(ext) - 1);
	for (i = 0; i < job->file_count; i++)
		job->files[i].path =
			xasprintf("%s.%s", base, job->files[i].w->name);
	if (job->has_tiles) {
		struct job_file *f = &job->files[job->file_count++];

		f->w = NULL;
		f->path = folder ? xasprintf("%s-tiles-%s.pdf", base,
					   job->sheet_name)
				 : xstrdup(o->output);
	}
	free(base);
	return 0;
}

/* The nearest folder of path that exists, for the free space. */
static char *
existing_parent(const char *path)
{
	char *dir = g_path_get_dirname(path);

	while (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		char *up = g_path_get_dirname(dir);

		g_free(dir);
		dir = up;
	}
	return dir;
}

/*
 * Before anything is written: a raster past 2^31 pixels or about 1 GB is
 * refused unless --force, and so is one the disk has no room for. The
 * estimate takes a quarter of the raw pixels: flat banners compress far
 * better, photos rarely worse.
 */
static int
check_raster(const struct job *job, const char *path, int force, struct diag *d)
{
	size_t w = job->out.px_w, h = job->out.px_h;
	double pixels = (double)w * (double)h, estimate = pixels * 3 / 4;
	char *dir = existing_parent(path);
	struct statvfs fs;
	int rc = 0;

	if (!force && (pixels > JOB_MAX_PIXELS || estimate > JOB_MAX_ESTIMATE))
		rc = diag_set(d, DIAG_USAGE,
			"an image of %zu x %zu pixels (about %.1f GB) is past "
			"the cap of 2^31 pixels or 1 GB; lower --dpi, or "
			"--force",
			w, h, estimate / 1e9);
	else if (statvfs(dir, &fs) == 0 &&
		 (double)fs.f_bavail * (double)fs.f_frsize < estimate)
		rc = diag_set(d, DIAG_IO,
			"not enough disk space in '%s' for an image of about "
			"%.0f MB (%.0f MB free)",
			dir, estimate / 1e6,
			(double)fs.f_bavail * (double)fs.f_frsize / 1e6);
	g_free(dir);
	return rc;
}

static void
fill_output_opts(struct job *job, const struct job_opts *o,
	const struct library *lib)
{
	const struct paths *paths = library_paths(lib);
	struct output_opts *out = &job->out;

	out->dpi = paper_dpi(&job->paper, o->dpi);
	paper_pixels(&job->paper, o->dpi, &out->px_w, &out->px_h);
	out->vector_ppi = o->dpi_given ? o->dpi : JOB_VECTOR_ART_PPI;
	out->software = SOFTWARE;
	out->sheet = &job->sheet;
	job->intent_icc = xasprintf("%s/%s.icc", paths->icc,
		print_intent_name(job->sheet.intent));
	out->intent_icc = job->intent_icc;
	out->srgb_icc = paths->srgb;
	out->png_level = o->png_level;
	out->jobs = o->jobs;
	out->band_rows = o->band_rows;
	out->progress = o->progress;
	out->progress_arg = o->progress_arg;
}

static int
same_file(const struct stat *a, const char *path)
{
	struct stat b;

	return stat(path, &b) == 0 && a->st_dev == b.st_dev &&
	       a->st_ino == b.st_ino;
}

/* An input of the job: its language's .po or a file of its design. */
static int
is_input(const struct stat *st, const struct job *job,
	const struct paths *paths)
{
	char *po = xasprintf("%s/%s.po", paths->locales, job->lang);
	char *dir = xasprintf("%s/%s", paths->designs, job->design);
	GDir *gd = g_dir_open(dir, 0, NULL);
	const char *name;
	int found = same_file(st, po);

	while (!found && gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
		char *f = g_build_filename(dir, name, NULL);

		found = same_file(st, f);
		g_free(f);
	}
	if (gd != NULL)
		g_dir_close(gd);
	free(po);
	free(dir);
	return found;
}

/*
 * Only regular files, or names not taken yet, are outputs: renaming over
 * /dev/null would replace the device. And never one of the inputs.
 */
static int
check_output(const struct job *job, const char *path, const struct paths *paths,
	struct diag *d)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return 0;
	if (!S_ISREG(st.st_mode))
		return diag_set(d, DIAG_USAGE,
			"'%.80s' is there and is not an ordinary file; choose "
			"another name or folder for the output",
			path);
	if (is_input(&st, job, paths))
		return diag_set(d, DIAG_USAGE,
			"'%.80s' is one of the files the banner is made from; "
			"choose another name for the output",
			path);
	return 0;
}

struct job *
job_resolve(const struct job_opts *o, struct library *lib, struct diag *d)
{
	struct job *job = xcalloc(1, sizeof *job);
	size_t i;

	if (check_words(o, d) < 0 || check_inputs(job, o, lib, d) < 0 ||
		check_page(job, o, d) < 0 ||
		check_orientation(job, o, lib, d) < 0)
		goto fail;
	job->design = xstrdup(o->design);
	/* The file's own name: uk-UA and UK are uk, in names and paths. */
	job->lang = library_language_name(lib, o->lang);
	job->city = xstrdup(o->city);
	job->slogan =
		xstrdup(o->slogan != NULL ? o->slogan : DESIGN_DEFAULT_SLOGAN);
	if (o->event != NULL && o->event[0] != '\0')
		job->event = xstrdup(o->event);
	if (o->logo != NULL) {
		job->logo = logo_load(o->logo,
			o->logo_what != NULL ? o->logo_what : "--logo", d);
		if (job->logo == NULL)
			goto fail;
	}
	if ((o->tiles || o->tiles_only) && check_tiles(job, o, d) < 0)
		goto fail;
	fill_output_opts(job, o, lib);
	if (name_outputs(job, o, d) < 0)
		goto fail;
	name_subject(job, lib);
	for (i = 0; i < job->file_count; i++)
		if (check_output(job, job->files[i].path, library_paths(lib),
			    d) < 0 ||
			(job->files[i].w != NULL && job->files[i].w->raster &&
				check_raster(job, job->files[i].path, o->force,
					d) < 0))
			goto fail;
	job->label = xasprintf("%s · %s · %s · %s", job->lang, job->city,
		job->code, job->paper.label);
	return job;
fail:
	job_free(job);
	return NULL;
}

size_t
job_output_count(const struct job *job)
{
	return job->file_count;
}

const char *
job_output_path(const struct job *job, size_t i)
{
	return job->files[i].path;
}

const char *
job_label(const struct job *job)
{
	return job->label;
}

const char *
job_design(const struct job *job)
{
	return job->design;
}

const char *
job_lang(const struct job *job)
{
	return job->lang;
}

/* A file's contents hashed, "-" when it cannot be read; memo keeps them. */
static void
add_file(GChecksum *sum, const char *path, GHashTable *memo)
{
	const char *hex = memo != NULL ? g_hash_table_lookup(memo, path) : NULL;
	char *own = NULL;

	if (hex == NULL) {
		gchar *data;
		gsize len;

		if (g_file_get_contents(path, &data, &len, NULL)) {
			own = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
				(const guchar *)data, len);
			g_free(data);
		} else {
			own = g_strdup("-");
		}
		hex = own;
		if (memo != NULL)
			g_hash_table_insert(memo, g_strdup(path), own);
	}
	g_checksum_update(sum, (const guchar *)path, -1);
	g_checksum_update(sum, (const guchar *)"=", 1);
	g_checksum_update(sum, (const guchar *)hex, -1);
	g_checksum_update(sum, (const guchar *)"\n", 1);
	if (memo == NULL)
		g_free(own);
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A folder's files, sorted: by contents, or (stat_only) by size and time. */
static void
add_folder(GChecksum *sum, const char *dir, int stat_only, int depth,
	GHashTable *memo)
{
	GDir *gd = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	guint i;

	while (gd != NULL && (name = g_dir_read_name(gd)) != NULL)
		g_ptr_array_add(names, g_strdup(name));
	if (gd != NULL)
		g_dir_close(gd);
	g_ptr_array_sort(names, compare_names);
	for (i = 0; i < names->len; i++) {
		char *path = g_build_filename(dir, names->pdata[i], NULL);
		struct stat st, lst;
		char line[96];

		if (stat(path, &st) != 0 || lstat(path, &lst) != 0) {
			g_checksum_update(sum, (const guchar *)path, -1);
		} else if (S_ISDIR(st.st_mode)) {
			/* Symbolic links to folders are not followed: loops. */
			if (!S_ISLNK(lst.st_mode) && depth < 3)
				add_folder(sum, path, stat_only, depth + 1,
					memo);
		} else if (stat_only) {
			snprintf(line, sizeof line, "=%lld:%lld.%09ld\n",
				(long long)st.st_size,
				(long long)st.st_mtim.tv_sec,
				(long)st.st_mtim.tv_nsec);
			g_checksum_update(sum, (const guchar *)path, -1);
			g_checksum_update(sum, (const guchar *)line, -1);
		} else {
			add_file(sum, path, memo);
		}
		g_free(path);
	}
	g_ptr_array_free(names, TRUE);
}

/* The folders fonts.conf names, by their files' sizes and times. */
static void
add_font_folders(GChecksum *sum, const char *fonts_dir)
{
	char *conf = g_build_filename(fonts_dir, "fonts.conf", NULL);
	GRegex *re = g_regex_new("<dir[^>]*>([^<]*)</dir>", 0, 0, NULL);
	GMatchInfo *m = NULL;
	gchar *text = NULL;

	add_file(sum, conf, NULL);
	add_folder(sum, fonts_dir, 1, 0, NULL);
	if (re != NULL && g_file_get_contents(conf, &text, NULL, NULL) &&
		g_regex_match(re, text, 0, &m)) {
		for (; g_match_info_matches(m); g_match_info_next(m, NULL)) {
			gchar *dir = g_match_info_fetch(m, 1);

			if (g_path_is_absolute(dir))
				add_folder(sum, dir, 1, 0, NULL);
			g_free(dir);
		}
	}
	if (m != NULL)
		g_match_info_free(m);
	if (re != NULL)
		g_regex_unref(re);
	g_free(text);
	g_free(conf);
}

/* The fonts, hashed once per memo: hundreds of files. */
static void
add_fonts(GChecksum *sum, const char *fonts_dir, GHashTable *memo)
{
	char *key = g_strdup_printf("fonts:%s", fonts_dir);
	const char *hex = memo != NULL ? g_hash_table_lookup(memo, key) : NULL;
	GChecksum *fonts = NULL;

	if (hex == NULL) {
		fonts = g_checksum_new(G_CHECKSUM_SHA256);
		add_font_folders(fonts, fonts_dir);
		hex = g_checksum_get_string(fonts);
		if (memo != NULL)
			g_hash_table_insert(memo, g_strdup(key), g_strdup(hex));
	}
	g_checksum_update(sum, (const guchar *)key, -1);
	g_checksum_update(sum, (const guchar *)hex, -1);
	if (fonts != NULL)
		g_checksum_free(fonts);
	g_free(key);
}

/* What bayraq itself is: a rebuilt binary may draw differently. */
static void
add_program(GChecksum *sum)
{
	struct stat st;
	char line[128];

	snprintf(line, sizeof line, "%s\n", SOFTWARE);
	g_checksum_update(sum, (const guchar *)line, -1);
	if (stat("/proc/self/exe", &st) == 0) {
		snprintf(line, sizeof line, "exe=%lld:%lld.%09ld:%llu\n",
			(long long)st.st_size, (long long)st.st_mtim.tv_sec,
			(long)st.st_mtim.tv_nsec,
			(unsigned long long)st.st_ino);
		g_checksum_update(sum, (const guchar *)line, -1);
	}
}

/* Every resolved option, one per line, numbers exact. */
static char *
job_options_text(const struct job *job)
{
	const struct sheet *s = &job->sheet;
	const struct output_opts *out = &job->out;
	GString *t = g_string_new(NULL);
	size_t i;

	g_string_append_printf(t,
		"design=%s\nlang=%s\ncity=%s\ncountry=%s\nsubject=%s\n",
		job->design, job->lang, job->city, job->code,
		job->subject != NULL ? job->subject : "");
	g_string_append_printf(t, "slogan=%s\nevent=%s%s\nlogo=%s\n",
		job->slogan, job->event != NULL ? "+" : "-",
		job->event != NULL ? job->event : "",
		job->logo != NULL ? logo_hash(job->logo) : "-");
	g_string_append_printf(t, "paper=%s %a %a %zu %zu %d\n",
		job->paper.label, job->paper.width_pt, job->paper.height_pt,
		job->paper.width_px, job->paper.height_px,
		(int)job->paper.family);
	g_string_append_printf(t,
		"sheet=%a %a %a %a %a %a %a %a %a %a %a %a %a %a\n", s->art_w,
		s->art_h, s->trim_w, s->trim_h, s->pocket, s->bleed, s->slug,
		s->media_w, s->media_h, s->trim_x, s->trim_y, s->safe, s->hem,
		s->mark_offset);
	g_string_append_printf(t, "sheet2=%a %d %d %d %d %d %d %zu\n",
		s->mark_length, s->marks, s->pdfx, s->outline_text, s->cmyk,
		(int)s->intent, (int)s->finishing, s->grommet_count);
	for (i = 0; i < s->grommet_count; i++)
		g_string_append_printf(t, "grommet=%a %a\n", s->grommets[i].x,
			s->grommets[i].y);
	g_string_append_printf(t, "raster=%a %zu %zu %d\n", out->dpi, out->px_w,
		out->px_h, (int)out->png_level);
	if (job->has_tiles)
		g_string_append_printf(t, "tiles=%s %a %a %a %a\n",
			job->sheet_name, job->tile_opts.sheet_w,
			job->tile_opts.sheet_h, job->tile_opts.margin,
			job->tile_opts.overlap);
	/* The names, not the folders: "-o out" and "-o ./out" are alike. */
	for (i = 0; i < job->file_count; i++) {
		char *name = g_path_get_basename(job->files[i].path);

		g_string_append_printf(t, "file=%s %s\n",
			job->files[i].w != NULL ? job->files[i].w->name
						: "tiles",
			name);
		g_free(name);
	}
	return g_string_free(t, FALSE);
}

char *
job_fingerprint(const struct job *job, const struct library *lib,
	GHashTable *memo)
{
	const struct paths *paths = library_paths(lib);
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *text = job_options_text(job), *path, *lower, *hex;

	g_checksum_update(sum, (const guchar *)text, -1);
	g_free(text);
	add_program(sum);
	path = g_build_filename(paths->designs, job->design, NULL);
	add_folder(sum, path, 0, 0, memo);
	g_free(path);
	path = g_strdup_printf("%s/%s.po", paths->locales, job->lang);
	add_file(sum, path, memo);
	g_free(path);
	add_folder(sum, paths->flags, 0, 0, memo);
	lower = g_ascii_strdown(job->code, -1);
	path = g_strdup_printf("%s/svg/%s.svg", paths->flagset, lower);
	add_file(sum, path, memo);
	g_free(path);
	g_free(lower);
	path = g_build_filename(paths->flagset, "countries.json", NULL);
	add_file(sum, path, memo);
	g_free(path);
	add_fonts(sum, paths->fonts, memo);
	if (job->sheet.pdfx)
		add_file(sum, job->intent_icc, memo);
	add_file(sum, paths->srgb, memo);
	hex = xstrdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return hex;
}

const struct tiling *
job_tiling(const struct job *job)
{
	return job->has_tiles ? &job->tiling : NULL;
}

/* Every text's ink stays inside the safe area: away from the cut and hem. */
static int
check_safe(const struct banner *b, const struct sheet *s, const char *lang,
	struct diag *d)
{
	struct banner_item it;
	size_t i;

	for (i = 0; s->safe > 0 && banner_item(b, i, &it) == 0; i++) {
		char what[96];

		if (strcmp(it.kind, "text") != 0)
			continue;
		snprintf(what, sizeof what, "slot '%.40s' (%s): ", it.slot,
			lang);
		if (print_safe_check(fmin(fmin(it.ix, it.iy),
					     fmin(s->art_w - it.ix - it.iw,
						     s->art_h - it.iy - it.ih)),
			    s->safe, what, d) < 0)
			return -1;
	}
	return 0;
}

/*
 * A PNG logo prints at LOGO_MIN_PPI at least; on a page in pixels, at
 * one of its pixels per pixel of the page at least.
 */
static int
check_logo_ppi(const struct job *job, const struct banner *b, struct diag *d)
{
	double need = job->paper.width_px != 0
			      ? fmin(LOGO_MIN_PPI, job->out.dpi)
			      : LOGO_MIN_PPI;
	struct banner_item it;
	size_t i, px;

	if (job->logo == NULL || (px = logo_pixel_width(job->logo)) == 0)
		return 0;
	for (i = 0; banner_item(b, i, &it) == 0; i++) {
		double ppi = (double)px / (it.iw / 72.0);

		if (strcmp(it.kind, "logo") != 0 || ppi >= need)
			continue;
		return diag_set(d, DIAG_USAGE,
			"the logo's %zu pixels across make %.0f ppi on %s "
			"(%.0f "
			"mm wide), below %.0f; give one at least %.0f pixels "
			"wide, or an SVG",
			px, ppi, job->paper.label, PAPER_MM(it.iw), need,
			ceil(need * it.iw / 72.0));
	}
	return 0;
}

/*
 * After a plan failed: when the city or the event has a character no font
 * has, that is the error, named. Looked up only here, so that a render
 * that succeeds never pays for it.
 */
static void
name_missing_char(const struct job *job, struct library *lib, struct diag *d)
{
	struct diag named = { 0 };

	if ((check_glyphs(lib, job->city, "--city", &named) < 0 ||
		    check_glyphs(lib, job->event, "--event", &named) < 0) &&
		named.kind == DIAG_FIT)
		*d = named;
}

struct banner *
job_plan(const struct job *job, struct library *lib, struct diag *d)
{
	struct render_input in;
	struct lang lang;
	struct banner *b;
	const struct catalog *cat = library_catalog(lib, job->lang, d);

	memset(&in, 0, sizeof in);
	in.catalog = cat;
	in.design = library_design(lib, job->design, d);
	in.fonts = library_fonts(lib, d);
	in.flags = library_flags(lib, d);
	if (cat == NULL || in.design == NULL || in.fonts == NULL ||
		in.flags == NULL)
		return NULL;
	lang_init(&lang, catalog_language(cat));
	in.lang = &lang;
	in.city = job->city;
	in.country = job->code;
	in.slogan = job->slogan;
	in.event = job->event;
	in.logo = job->logo;
	in.page_w = job->paper.width_pt;
	in.page_h = job->paper.height_pt;
	b = render_plan(&in, d);
	if (b == NULL)
		name_missing_char(job, lib, d);
	if (b != NULL && (check_safe(b, &job->sheet, lang.tag, d) < 0 ||
				 check_logo_ppi(job, b, d) < 0)) {
		banner_free(b);
		return NULL;
	}
	return b;
}

int
job_layout(const struct job *job, struct library *lib, job_item_fn each,
	void *arg, struct diag *d)
{
	struct banner_item item;
	struct banner *b = job_plan(job, lib, d);
	size_t i;

	if (b == NULL)
		return -1;
	for (i = 0; banner_item(b, i, &item) == 0; i++)
		each(&item, arg);
	banner_free(b);
	return 0;
}

/* mkdir -p for an output's folder. */
static int
make_folder(const char *path, struct diag *d)
{
	char *dir = g_path_get_dirname(path);
	int rc = 0;

	if (g_mkdir_with_parents(dir, 0777) != 0)
		rc = diag_set(d, DIAG_IO, "cannot create folder '%s': %s", dir,
			g_strerror(errno));
	g_free(dir);
	return rc;
}

/* The tiles' PDF: the assembly map, then the sheets, in the language. */
struct tiles_draw {
	const struct job *job;
	const struct banner *b;
	struct tile_words words;
};

static int
draw_tiles(cairo_t *cr, void *arg, struct diag *d)
{
	struct tiles_draw *t = arg;

	return tile_draw(cr, &t->job->tiling, t->b, &t->words, d);
}

static int
write_tiles(FILE *fp, void *arg, struct diag *d)
{
	struct tiles_draw *t = arg;
	struct pdf_doc doc = { t->job->tiling.sheet_w, t->job->tiling.sheet_h,
		banner_title(t->b),
		"#LIBERATECRIMEA banner in sheets for a home printer",
		banner_lang(t->b), SOFTWARE, draw_tiles, t };

	return pdf_write_pages(fp, &doc, d);
}

static int
write_file(struct output *o, const struct job *job, const struct job_file *f,
	const struct banner *b, struct library *lib, struct diag *d)
{
	struct tiles_draw t;
	struct lang lang;
	char size[48];

	if (make_folder(f->path, d) < 0)
		return -1;
	if (f->w != NULL)
		return output_banner(o, f->w, b, f->path, &job->out, d);
	t.job = job;
	t.b = b;
	t.words.catalog = library_catalog(lib, job->lang, d);
	t.words.fonts = library_fonts(lib, d);
	if (t.words.catalog == NULL || t.words.fonts == NULL)
		return -1;
	lang_init(&lang, catalog_language(t.words.catalog));
	t.words.lang = &lang;
	snprintf(size, sizeof size, "%.0f x %.0f mm",
		PAPER_MM(job->paper.width_pt), PAPER_MM(job->paper.height_pt));
	t.words.size_text = size;
	return output_file(o, f->path, write_tiles, &t, d);
}

int
job_run(const struct job *job, struct library *lib, job_written_fn written,
	void *arg, struct diag *d)
{
	struct output o = { 0 };
	struct banner *b = job_plan(job, lib, d);
	size_t i;
	int rc = b == NULL ? -1 : 0;

	for (i = 0; rc == 0 && i < job->file_count; i++)
		rc = write_file(&o, job, &job->files[i], b, lib, d);
	if (rc == 0)
		rc = output_commit(&o, d);
	for (i = 0; rc == 0 && written != NULL && i < job->file_count; i++)
		written(job->files[i].path, arg);
	output_release(&o);
	banner_free(b);
	return rc;
}
