/* batch.c - campaign runs: many banners from one CSV, in parallel. */
#include "run/batch.h"

#include <csv.h>
#include <glib.h>
#include <libxml/parser.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "write/output.h"
#include "input/paper.h"
#include "layout/render.h"
#include "layout/tile.h"
#include "base/xalloc.h"

enum column {
	COL_DESIGN,
	COL_LANG,
	COL_CITY,
	COL_COUNTRY,
	COL_SIZE,
	COL_FORMAT,
	COL_DPI,
	COL_PRINT,
	COL_TILE_SHEET,
	COL_ORIENTATION,
	COL_COUNT
};

static const char *const column_names[COL_COUNT] = { "design", "lang", "city",
	"country", "size", "format", "dpi", "print", "tile-sheet",
	"orientation" };

/* The first six are required. */
#define COL_REQUIRED 6

/* What the CSV parser callbacks fill in, record by record. */
struct reader {
	struct batch *b;
	int map[32]; /* file column -> enum column, or -1 */
	size_t ncols;
	char **record; /* fields of the record being read, by file column */
	size_t nfields;
	size_t line, record_line, header_seen;
	struct diag *d;
};

static void
on_field(void *data, size_t len, void *arg)
{
	struct reader *r = arg;

	if (r->nfields == 0)
		r->record_line = r->line;
	r->record = xreallocarray(r->record, r->nfields + 1, sizeof *r->record);
	r->record[r->nfields++] = xstrndup(data != NULL ? data : "", len);
}

static void
free_record(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		free(r->record[i]);
	r->nfields = 0;
}

static void
read_header(struct reader *r)
{
	int seen[COL_COUNT] = { 0 };
	size_t i;
	int c;

	r->ncols = r->nfields;
	for (i = 0; i < r->nfields && i < 32; i++) {
		r->map[i] = -1;
		for (c = 0; c < COL_COUNT; c++)
			if (g_ascii_strcasecmp(g_strstrip(r->record[i]),
				    column_names[c]) == 0)
				r->map[i] = c;
		if (r->map[i] < 0) {
			diag_set(r->d, DIAG_USAGE,
				"%s:%zu: unknown column '%.30s' (expected "
				"design, "
				"lang, city, country, size, format, dpi, "
				"print, "
				"tile-sheet, orientation)",
				r->b->csv, r->record_line, r->record[i]);
			return;
		}
		seen[r->map[i]] = 1;
	}
	for (c = 0; c < COL_REQUIRED; c++)
		if (!seen[c]) {
			diag_set(r->d, DIAG_USAGE, "%s:1: no column '%s'",
				r->b->csv, column_names[c]);
			return;
		}
}

static int
is_yes(const char *s)
{
	return s != NULL && (g_ascii_strcasecmp(s, "yes") == 0 ||
				    g_ascii_strcasecmp(s, "true") == 0 ||
				    strcmp(s, "1") == 0);
}

/* Turns a record into a row; the job borrows the row's fields. */
static void
add_row(struct reader *r)
{
	struct batch *b = r->b;
	struct batch_row *row;
	const char **f;
	size_t i;

	b->rows = xreallocarray(b->rows, b->row_count + 1, sizeof *b->rows);
	row = &b->rows[b->row_count++];
	memset(row, 0, sizeof *row);
	row->line = r->record_line;
	row->fields = xcalloc(COL_COUNT, sizeof *row->fields);
	for (i = 0; i < r->nfields && i < r->ncols; i++)
		if (r->map[i] >= 0 && r->record[i][0] != '\0') {
			row->fields[r->map[i]] = r->record[i];
			r->record[i] = NULL;
		}
	if (r->nfields != r->ncols)
		snprintf(row->error, sizeof row->error,
			"has %zu fields, the header %zu", r->nfields, r->ncols);
	f = (const char **)row->fields;
	job_init(&row->job);
	row->job.output = b->outdir;
	if (f[COL_DESIGN] != NULL)
		row->job.design = f[COL_DESIGN];
	if (f[COL_LANG] != NULL)
		row->job.lang = f[COL_LANG];
	row->job.city = f[COL_CITY];
	row->job.country = f[COL_COUNTRY];
	if (f[COL_SIZE] != NULL)
		row->job.size = f[COL_SIZE];
	if (f[COL_FORMAT] != NULL)
		row->job.formats = f[COL_FORMAT];
	row->job.orientation = f[COL_ORIENTATION];
	if (f[COL_DPI] != NULL) {
		char *end;

		row->job.dpi = strtod(f[COL_DPI], &end);
		if (*end != '\0')
			row->job.dpi = -1;
	}
	row->job.print.pdfx = is_yes(f[COL_PRINT]);
	if (f[COL_TILE_SHEET] != NULL) {
		row->tile = 1;
		row->job.sheet = f[COL_TILE_SHEET];
	}
}

static void
on_record(int c, void *arg)
{
	struct reader *r = arg;

	(void)c;
	if (r->d->kind != DIAG_NONE) {
		free_record(r);
		return;
	}
	if (!r->header_seen) {
		read_header(r);
		r->header_seen = 1;
	} else if (!(r->nfields == 1 && r->record[0][0] == '\0')) {
		add_row(r);
	}
	free_record(r);
}

int
batch_load(struct batch *b, const char *csv_path, const char *outdir,
	struct diag *d)
{
	struct csv_parser p;
	struct reader r;
	gchar *data;
	gsize len, i;

	memset(b, 0, sizeof *b);
	b->csv = xstrdup(csv_path);
	b->outdir = outdir;
	if (!g_file_get_contents(csv_path, &data, &len, NULL))
		return diag_set(d, DIAG_USAGE, "cannot read '%s'", csv_path);
	memset(&r, 0, sizeof r);
	r.b = b;
	r.d = d;
	r.line = 1;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	/* Byte by byte, so that every record knows the line it starts on. */
	for (i = 0; i < len && d->kind == DIAG_NONE; i++) {
		if (csv_parse(&p, data + i, 1, on_field, on_record, &r) != 1) {
			diag_set(d, DIAG_USAGE, "%s:%zu: %s", csv_path, r.line,
				csv_strerror(csv_error(&p)));
			break;
		}
		if (data[i] == '\n')
			r.line++;
	}
	if (d->kind == DIAG_NONE && csv_fini(&p, on_field, on_record, &r) != 0)
		diag_set(d, DIAG_USAGE, "%s:%zu: %s", csv_path, r.line,
			csv_strerror(csv_error(&p)));
	csv_free(&p);
	free_record(&r);
	free(r.record);
	g_free(data);
	if (d->kind == DIAG_NONE && !r.header_seen)
		diag_set(d, DIAG_USAGE, "%s: empty, no header row", csv_path);
	return d->kind == DIAG_NONE ? 0 : -1;
}

void
batch_release(struct batch *b)
{
	size_t i, c;

	for (i = 0; i < b->row_count; i++) {
		for (c = 0; c < COL_COUNT; c++)
			free(b->rows[i].fields[c]);
		free(b->rows[i].fields);
		job_paths_free(b->rows[i].outputs);
	}
	free(b->rows);
	free(b->csv);
	memset(b, 0, sizeof *b);
}

static double
mtime(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (double)st.st_mtime : -1;
}

/* The newest of the row's inputs: the design's SVGs and the PO file. */
static double
inputs_mtime(const struct batch_row *row, const struct job_paths *paths)
{
	char *dir = xasprintf("%s/%s", paths->designs, row->job.design);
	char *po = xasprintf("%s/%s.po", paths->locales, row->job.lang);
	GDir *gd = g_dir_open(dir, 0, NULL);
	const char *name;
	double newest = mtime(po);

	while (gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
		char *f = xasprintf("%s/%s", dir, name);

		newest = fmax(newest, mtime(f));
		free(f);
	}
	if (gd != NULL)
		g_dir_close(gd);
	free(dir);
	free(po);
	return newest;
}

static int
up_to_date(const struct batch_row *row, const struct job_paths *paths)
{
	double newest = inputs_mtime(row, paths);
	size_t i;

	for (i = 0; row->outputs[i] != NULL; i++)
		if (mtime(row->outputs[i]) < newest ||
			mtime(row->outputs[i]) < 0)
			return 0;
	return 1;
}

static void
fail_row(struct batch_row *row, const char *msg)
{
	row->state = ROW_FAILED;
	if (row->error[0] == '\0')
		snprintf(row->error, sizeof row->error, "%s", msg);
}

/* Two rows that would write the same file both fail, before any render. */
static void
check_duplicates(struct batch *b)
{
	size_t i, j, k, l;

	for (i = 0; i < b->row_count; i++)
		for (j = i + 1; j < b->row_count; j++) {
			struct batch_row *x = &b->rows[i], *y = &b->rows[j];

			for (k = 0; x->outputs != NULL && x->outputs[k]; k++)
				for (l = 0; y->outputs != NULL && y->outputs[l];
					l++) {
					char msg[256];

					if (strcmp(x->outputs[k],
						    y->outputs[l]) != 0)
						continue;
					snprintf(msg, sizeof msg,
						"would write '%.150s', as line "
						"%zu does",
						x->outputs[k], y->line);
					fail_row(x, msg);
					snprintf(msg, sizeof msg,
						"would write '%.150s', as line "
						"%zu does",
						x->outputs[k], x->line);
					fail_row(y, msg);
				}
		}
}

void
batch_check(struct batch *b, const struct job_paths *paths)
{
	size_t i;

	for (i = 0; i < b->row_count; i++) {
		struct batch_row *row = &b->rows[i];
		struct diag d = { 0 };

		if (row->error[0] != '\0') {
			row->state = ROW_FAILED;
			continue;
		}
		row->outputs = job_output_paths(&row->job, row->tile, &d);
		if (row->outputs == NULL)
			fail_row(row, d.msg);
	}
	check_duplicates(b);
	for (i = 0; i < b->row_count; i++) {
		struct batch_row *row = &b->rows[i];

		if (row->state == ROW_PENDING && !b->force &&
			up_to_date(row, paths))
			row->state = ROW_SKIPPED;
	}
}

struct shared {
	struct batch *b;
	const struct job_paths *paths;
	batch_row_fn each;
	void *arg;
	volatile sig_atomic_t *stop;
	pthread_mutex_t lock;
	size_t next, done, failed;
};

static void
render_row(struct batch_row *row, struct library *lib)
{
	struct diag d = { 0 };
	struct tiling grid;
	int rc;

	rc = job_run(&row->job, lib, NULL, NULL, &d);
	if (rc == 0 && row->tile)
		rc = job_tile(&row->job, lib, &grid, NULL, NULL, &d);
	if (rc < 0)
		fail_row(row, d.msg);
	else
		row->state = ROW_DONE;
}

static void *
worker(void *arg)
{
	struct shared *sh = arg;
	struct library *lib = library_new(sh->paths);

	for (;;) {
		struct batch_row *row;
		size_t i;

		pthread_mutex_lock(&sh->lock);
		while (sh->next < sh->b->row_count &&
			sh->b->rows[sh->next].state != ROW_PENDING)
			sh->next++;
		i = sh->next++;
		pthread_mutex_unlock(&sh->lock);
		if (i >= sh->b->row_count || *sh->stop)
			break;
		row = &sh->b->rows[i];
		render_row(row, lib);
		pthread_mutex_lock(&sh->lock);
		sh->done++;
		if (row->state == ROW_FAILED)
			sh->failed++;
		if (sh->each != NULL)
			sh->each(sh->b, row, sh->done, sh->b->row_count,
				sh->arg);
		pthread_mutex_unlock(&sh->lock);
	}
	library_free(lib);
	return NULL;
}

size_t
batch_run(struct batch *b, const struct job_paths *paths, size_t jobs,
	batch_row_fn each, void *arg, volatile sig_atomic_t *stop)
{
	struct shared sh;
	pthread_t *threads;
	size_t i, failed = 0;

	memset(&sh, 0, sizeof sh);
	sh.b = b;
	sh.paths = paths;
	sh.each = each;
	sh.arg = arg;
	sh.stop = stop;
	pthread_mutex_init(&sh.lock, NULL);
	/* Rows settled before rendering are reported first. */
	for (i = 0; i < b->row_count; i++)
		if (b->rows[i].state != ROW_PENDING) {
			sh.done++;
			if (each != NULL)
				each(b, &b->rows[i], sh.done, b->row_count,
					arg);
		}
	if (jobs < 1)
		jobs = 1;
	/* libxml2 sets up its globals once, before any thread uses it. */
	xmlInitParser();
	threads = xcalloc(jobs, sizeof *threads);
	for (i = 0; i < jobs; i++)
		pthread_create(&threads[i], NULL, worker, &sh);
	for (i = 0; i < jobs; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_destroy(&sh.lock);
	for (i = 0; i < b->row_count; i++)
		failed += b->rows[i].state == ROW_FAILED;
	return failed;
}

/* The contact sheet: A3 landscape, 4 x 3 thumbnails a page. */
#define CS_COLS 4
#define CS_ROWS 3

struct contact {
	const struct batch *b;
	struct library *lib;
	const struct fonts *fonts;
};

static void
caption(cairo_t *cr, const struct contact *c, const char *text, double x,
	double y, double w)
{
	PangoContext *ctx = fonts_context_new(c->fonts);
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string(
		"Noto Sans,Noto Sans Arabic,Noto Sans Hebrew,Noto Sans "
		"Georgian,Noto Sans CJK JP 8");

	pango_layout_set_font_description(layout, fd);
	pango_layout_set_width(layout, (int)(w * PANGO_SCALE));
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_text(layout, text, -1);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
	pango_font_description_free(fd);
	g_object_unref(layout);
	g_object_unref(ctx);
}

static void
thumbnail(cairo_t *cr, struct contact *c, const struct batch_row *row, double x,
	double y, double w, double h)
{
	struct diag d = { 0 };
	struct banner *ban = NULL;
	char text[300];

	if (row->state != ROW_FAILED)
		ban = job_plan(&row->job, c->lib, &d);
	if (ban != NULL) {
		double k = fmin(w / banner_width(ban), h / banner_height(ban));

		cairo_save(cr);
		cairo_translate(cr, x + (w - banner_width(ban) * k) / 2,
			y + (h - banner_height(ban) * k) / 2);
		cairo_scale(cr, k, k);
		render_draw(ban, cr, NULL, &d);
		cairo_restore(cr);
		banner_free(ban);
		snprintf(text, sizeof text, "%zu: %s · %s · %s · %s", row->line,
			row->job.lang, row->job.city, row->job.country,
			row->job.size);
	} else {
		cairo_rectangle(cr, x, y, w, h);
		cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
		cairo_set_line_width(cr, 2);
		cairo_stroke(cr);
		snprintf(text, sizeof text, "%zu: FAILED: %s", row->line,
			row->error[0] ? row->error : d.msg);
	}
	caption(cr, c, text, x, y + h + 4, w);
}

static int
contact_pages(cairo_t *cr, void *arg, struct diag *d)
{
	struct contact *c = arg;
	double pw = PAPER_PT(420), ph = PAPER_PT(297), m = PAPER_PT(10);
	double cw = (pw - 2 * m) / CS_COLS, ch = (ph - 2 * m) / CS_ROWS;
	size_t i, per = CS_COLS * CS_ROWS;

	for (i = 0; i < c->b->row_count; i++) {
		size_t k = i % per;

		thumbnail(cr, c, &c->b->rows[i],
			m + (double)(k % CS_COLS) * cw + 6,
			m + (double)(k / CS_COLS) * ch + 6, cw - 12, ch - 30);
		if (k == per - 1 || i + 1 == c->b->row_count)
			cairo_show_page(cr);
	}
	if (c->b->row_count == 0)
		cairo_show_page(cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return diag_set(d, DIAG_LIB, "cannot draw the contact sheet");
	return 0;
}

int
batch_contact_sheet(const struct batch *b, struct library *lib,
	const char *path, struct diag *d)
{
	struct output o = { 0 };
	struct contact c = { b, lib, NULL };
	int rc;

	c.fonts = library_fonts(lib, d);
	if (c.fonts == NULL)
		return -1;
	rc = output_write_pages(&o, path, PAPER_PT(420), PAPER_PT(297),
		"#LIBERATECRIMEA batch proof", "en", contact_pages, &c, d);
	if (rc == 0)
		rc = output_commit(&o, d);
	output_release(&o);
	return rc;
}
