/* batch.c - campaign runs: many banners from one CSV, in parallel. */
#include "run/batch.h"

#include <csv.h>
#include <glib.h>
#include <libxml/parser.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "run/job.h"

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

static const char *const column_names[COL_COUNT + 1] = { "design", "lang",
	"city", "country", "size", "format", "dpi", "print", "tile-sheet",
	"orientation", NULL };

/* The first six are required. */
#define COL_REQUIRED 6

struct row {
	size_t line; /* where the row starts in the CSV */
	char *fields[COL_COUNT]; /* by column, NULL where absent; owned */
	struct job *job; /* once resolved */
	enum row_state state; /* written under the batch's lock */
	char error[256];
};

struct batch {
	char *csv;
	char *outdir;
	struct row *rows;
	size_t row_count;
};

/* What the CSV parser callbacks fill in, record by record. */
struct reader {
	struct batch *b;
	int *map; /* file column -> enum column, or -1 */
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
	r->map = xcalloc(r->nfields, sizeof *r->map);
	for (i = 0; i < r->nfields; i++) {
		r->map[i] = -1;
		for (c = 0; c < COL_COUNT; c++)
			if (g_ascii_strcasecmp(g_strstrip(r->record[i]),
				    column_names[c]) == 0)
				r->map[i] = c;
		if (r->map[i] < 0) {
			char *expected =
				g_strjoinv(", ", (char **)column_names);

			diag_set(r->d, DIAG_USAGE,
				"%s:%zu: unknown column '%.30s' (expected %s)",
				r->b->csv, r->record_line, r->record[i],
				expected);
			g_free(expected);
			return;
		}
		if (seen[r->map[i]]) {
			diag_set(r->d, DIAG_USAGE,
				"%s:%zu: column '%s' is there twice; keep one",
				r->b->csv, r->record_line,
				column_names[r->map[i]]);
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

/* Turns a record into a row; its fields are resolved later. */
static void
add_row(struct reader *r)
{
	struct batch *b = r->b;
	struct row *row;
	size_t i;

	b->rows = xreallocarray(b->rows, b->row_count + 1, sizeof *b->rows);
	row = &b->rows[b->row_count++];
	memset(row, 0, sizeof *row);
	row->line = r->record_line;
	for (i = 0; i < r->nfields && i < r->ncols; i++)
		if (r->map[i] >= 0 && r->record[i][0] != '\0') {
			row->fields[r->map[i]] = r->record[i];
			r->record[i] = NULL;
		}
	if (r->nfields != r->ncols)
		snprintf(row->error, sizeof row->error,
			"has %zu fields, the header %zu", r->nfields, r->ncols);
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

struct batch *
batch_load(const char *csv_path, const char *outdir, struct diag *d)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct csv_parser p;
	struct reader r;
	gchar *data;
	gsize len, i;

	b->csv = xstrdup(csv_path);
	b->outdir = xstrdup(outdir);
	if (!g_file_get_contents(csv_path, &data, &len, NULL)) {
		diag_set(d, DIAG_USAGE, "cannot read '%s'", csv_path);
		batch_free(b);
		return NULL;
	}
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
	free(r.map);
	g_free(data);
	if (d->kind == DIAG_NONE && !r.header_seen)
		diag_set(d, DIAG_USAGE, "%s: empty, no header row", csv_path);
	if (d->kind != DIAG_NONE) {
		batch_free(b);
		return NULL;
	}
	return b;
}

void
batch_free(struct batch *b)
{
	size_t i, c;

	if (b == NULL)
		return;
	for (i = 0; i < b->row_count; i++) {
		for (c = 0; c < COL_COUNT; c++)
			free(b->rows[i].fields[c]);
		job_free(b->rows[i].job);
	}
	free(b->rows);
	free(b->csv);
	free(b->outdir);
	free(b);
}

static double
mtime(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (double)st.st_mtime : -1;
}

/* The newest of the row's inputs: the design's SVGs and the PO file. */
static double
inputs_mtime(const struct job *job, const struct paths *paths)
{
	char *dir = xasprintf("%s/%s", paths->designs, job_design(job));
	char *po = xasprintf("%s/%s.po", paths->locales, job_lang(job));
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
up_to_date(const struct job *job, const struct paths *paths)
{
	double newest = inputs_mtime(job, paths);
	size_t i;

	for (i = 0; i < job_output_count(job); i++) {
		double t = mtime(job_output_path(job, i));

		if (t < 0 || t < newest)
			return 0;
	}
	return 1;
}

static void
fail_row(struct row *row, const char *msg)
{
	row->state = ROW_FAILED;
	if (row->error[0] == '\0')
		snprintf(row->error, sizeof row->error, "%s", msg);
}

/* The first file both rows would write, or NULL. */
static const char *
shared_output(const struct job *x, const struct job *y)
{
	size_t k, l;

	for (k = 0; k < job_output_count(x); k++)
		for (l = 0; l < job_output_count(y); l++)
			if (strcmp(job_output_path(x, k),
				    job_output_path(y, l)) == 0)
				return job_output_path(x, k);
	return NULL;
}

static void
fail_both(struct row *x, struct row *y, const char *path)
{
	char msg[256];

	snprintf(msg, sizeof msg, "would write '%.150s', as line %zu does",
		path, y->line);
	fail_row(x, msg);
	snprintf(msg, sizeof msg, "would write '%.150s', as line %zu does",
		path, x->line);
	fail_row(y, msg);
}

/* Two rows that would write the same file both fail, before any render. */
static void
check_duplicates(struct batch *b)
{
	size_t i, j;

	for (i = 0; i < b->row_count; i++)
		for (j = i + 1; j < b->row_count; j++) {
			struct row *x = &b->rows[i], *y = &b->rows[j];
			const char *path;

			if (x->job == NULL || y->job == NULL)
				continue;
			path = shared_output(x->job, y->job);
			if (path != NULL)
				fail_both(x, y, path);
		}
}

static int
is_yes(const char *s)
{
	return s != NULL && (g_ascii_strcasecmp(s, "yes") == 0 ||
				    g_ascii_strcasecmp(s, "true") == 0 ||
				    strcmp(s, "1") == 0);
}

/* A row's job, resolved as `bayraq render` resolves its options. */
static struct job *
resolve_row(const struct batch *b, const struct row *row, struct library *lib,
	struct diag *d)
{
	const char *const *f = (const char *const *)row->fields;
	struct job_opts o;

	job_opts_init(&o);
	o.output = b->outdir;
	o.output_folder = 1;
	if (f[COL_DESIGN] != NULL)
		o.design = f[COL_DESIGN];
	if (f[COL_LANG] != NULL)
		o.lang = f[COL_LANG];
	o.city = f[COL_CITY];
	o.country = f[COL_COUNTRY];
	if (f[COL_SIZE] != NULL)
		o.size = f[COL_SIZE];
	o.formats = f[COL_FORMAT];
	o.orientation = f[COL_ORIENTATION];
	if (f[COL_DPI] != NULL) {
		char *end;

		o.dpi = strtod(f[COL_DPI], &end);
		if (*end != '\0')
			o.dpi = -1;
	}
	o.print.pdfx = is_yes(f[COL_PRINT]);
	if (f[COL_TILE_SHEET] != NULL) {
		o.tiles = 1;
		o.sheet = f[COL_TILE_SHEET];
	}
	return job_resolve(&o, lib, d);
}

void
batch_check(struct batch *b, struct library *lib, int force)
{
	size_t i;

	for (i = 0; i < b->row_count; i++) {
		struct row *row = &b->rows[i];
		struct diag d = { 0 };

		if (row->error[0] != '\0') {
			row->state = ROW_FAILED;
			continue;
		}
		row->job = resolve_row(b, row, lib, &d);
		if (row->job == NULL)
			fail_row(row, d.msg);
	}
	check_duplicates(b);
	for (i = 0; i < b->row_count; i++) {
		struct row *row = &b->rows[i];

		if (row->state == ROW_PENDING && !force &&
			up_to_date(row->job, library_paths(lib)))
			row->state = ROW_SKIPPED;
	}
}

struct shared {
	struct batch *b;
	struct library *lib;
	batch_row_fn each;
	void *arg;
	const atomic_int *stop;
	pthread_mutex_t lock;
	size_t next;
};

/* The next pending row, or the count when there is none. Under the lock. */
static size_t
take_row(struct shared *sh)
{
	while (sh->next < sh->b->row_count &&
		sh->b->rows[sh->next].state != ROW_PENDING)
		sh->next++;
	return sh->next < sh->b->row_count ? sh->next++ : sh->b->row_count;
}

static void *
worker(void *arg)
{
	struct shared *sh = arg;
	struct library *lib = library_clone(sh->lib);

	for (;;) {
		struct row *row;
		struct diag d = { 0 };
		size_t i;
		int rc;

		pthread_mutex_lock(&sh->lock);
		i = atomic_load(sh->stop) ? sh->b->row_count : take_row(sh);
		pthread_mutex_unlock(&sh->lock);
		if (i >= sh->b->row_count)
			break;
		row = &sh->b->rows[i];
		rc = job_run(row->job, lib, NULL, NULL, &d);
		pthread_mutex_lock(&sh->lock);
		if (rc < 0)
			fail_row(row, d.msg);
		else
			row->state = ROW_DONE;
		if (sh->each != NULL)
			sh->each(sh->b, i, sh->arg);
		pthread_mutex_unlock(&sh->lock);
	}
	library_free(lib);
	return NULL;
}

size_t
batch_run(struct batch *b, struct library *lib, size_t jobs, batch_row_fn each,
	void *arg, const atomic_int *stop)
{
	struct shared sh;
	pthread_t *threads;
	size_t i, started;

	memset(&sh, 0, sizeof sh);
	sh.b = b;
	sh.lib = lib;
	sh.each = each;
	sh.arg = arg;
	sh.stop = stop;
	pthread_mutex_init(&sh.lock, NULL);
	/* Rows settled before rendering are reported first. */
	for (i = 0; i < b->row_count; i++)
		if (b->rows[i].state != ROW_PENDING && each != NULL)
			each(b, i, arg);
	if (jobs < 1)
		jobs = 1;
	/* libxml2 sets up its globals once, before any thread uses it. */
	xmlInitParser();
	threads = xcalloc(jobs, sizeof *threads);
	for (started = 0; started < jobs; started++)
		if (pthread_create(&threads[started], NULL, worker, &sh) != 0)
			break;
	/* No thread at all: the rows are done here, one by one. */
	if (started == 0)
		worker(&sh);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_destroy(&sh.lock);
	return batch_count(b, ROW_FAILED);
}

size_t
batch_row_count(const struct batch *b)
{
	return b->row_count;
}

size_t
batch_row_line(const struct batch *b, size_t row)
{
	return b->rows[row].line;
}

enum row_state
batch_row_state(const struct batch *b, size_t row)
{
	return b->rows[row].state;
}

const char *
batch_row_error(const struct batch *b, size_t row)
{
	return b->rows[row].error;
}

const struct job *
batch_row_job(const struct batch *b, size_t row)
{
	return b->rows[row].job;
}

size_t
batch_count(const struct batch *b, enum row_state state)
{
	size_t i, n = 0;

	for (i = 0; i < b->row_count; i++)
		n += b->rows[i].state == state;
	return n;
}
