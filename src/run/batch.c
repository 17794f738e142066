/* batch.c - campaign runs: many banners from one CSV, in parallel. */
#include "run/batch.h"

#include <csv.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <errno.h>

#include "base/nearest.h"
#include "base/xalloc.h"
#include "input/paper.h"
#include "run/job.h"
#include "run/slug.h"

enum column {
	COL_DESIGN,
	COL_LANG,
	COL_CITY,
	COL_COUNTRY,
	COL_SIZE,
	COL_FORMAT,
	COL_NAME,
	COL_DPI,
	COL_PRINT,
	COL_TILE_SHEET,
	COL_ORIENTATION,
	COL_SLOGAN,
	COL_EVENT,
	COL_LOGO,
	COL_COUNT
};

static const char *const column_names[COL_COUNT + 1] = { "design", "lang",
	"city", "country", "size", "format", "name", "dpi", "print",
	"tile-sheet", "orientation", "slogan", "event", "logo", NULL };

/* Every row must have these; the others may be left out. */
static const int column_required[COL_COUNT] = { 0, 1, 1, 1, 1, 1 };

/* Headers that people write for a column, normalized as in header_key(). */
static const struct {
	const char *alias;
	enum column col;
} column_aliases[] = {
	{ "language", COL_LANG },
	{ "formats", COL_FORMAT },
	{ "orient", COL_ORIENTATION },
	{ "sheet", COL_TILE_SHEET },
	{ "filename", COL_NAME },
};

struct row {
	size_t line; /* where the row starts in the CSV */
	char *fields[COL_COUNT]; /* by column, NULL where absent; owned */
	char *extra; /* the values of unknown trailing fields, for the hash */
	struct job *job; /* once resolved */
	char *fingerprint; /* of the job and the row, once resolved */
	enum row_state state; /* written under the batch's lock */
	char error[320];
};

struct batch {
	char *csv;
	char *outdir;
	char separator; /* as read: ',', ';' or '\t' */
	int bom; /* the file started with a byte order mark */
	struct row *rows;
	size_t row_count;
	size_t row_cap; /* rows allocated: grown by doubling */
	JsonObject *manifest; /* file name -> what made it; NULL: none */
};

/* What the CSV parser callbacks fill in, record by record. */
struct reader {
	struct batch *b;
	int *map; /* file column -> enum column, or -1 */
	size_t ncols;
	char **record; /* fields of the record being read, by file column */
	size_t nfields;
	size_t line, record_line, header_seen;
	int forced; /* the separator was given, not sniffed */
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

/* A header as compared: lower case, without spaces, hyphens, underscores. */
static char *
header_key(const char *s)
{
	GString *k = g_string_new(NULL);

	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	for (; *s != '\0'; s++)
		if (!strchr(" \t\r\n-_.", *s))
			g_string_append_c(k, g_ascii_tolower(*s));
	return g_string_free(k, FALSE);
}

static int
column_of(const char *header)
{
	char *key = header_key(header);
	int c, found = -1;
	size_t i;

	for (c = 0; found < 0 && c < COL_COUNT; c++) {
		char *name = header_key(column_names[c]);

		if (strcmp(key, name) == 0)
			found = c;
		g_free(name);
	}
	for (i = 0; found < 0 && i < G_N_ELEMENTS(column_aliases); i++)
		if (strcmp(key, column_aliases[i].alias) == 0)
			found = (int)column_aliases[i].col;
	g_free(key);
	return found;
}

/* The column name nearest to an unknown header, or NULL if none is near. */
static const char *
nearest_column(const char *header)
{
	char *key = header_key(header), *keys[COL_COUNT];
	const char *best, *found = NULL;
	size_t c, dist, limit = strlen(key) / 3 + 1;

	for (c = 0; c < COL_COUNT; c++)
		keys[c] = header_key(column_names[c]);
	best = nearest_word(key, (const char *const *)keys, COL_COUNT, &dist);
	for (c = 0; c < COL_COUNT; c++) {
		if (keys[c] == best && dist <= MIN(limit, 3))
			found = column_names[c];
		g_free(keys[c]);
	}
	g_free(key);
	return found;
}

static void
unknown_column(struct reader *r, const char *header)
{
	char *expected = g_strjoinv(", ", (char **)column_names);
	const char *near = nearest_column(header);
	char *shown = g_strescape(header, "\xc2\xa0");
	const char *seps = ",;\t";
	size_t i;

	for (i = 0; r->forced && r->ncols == 1 && i < 3; i++)
		if (seps[i] != r->b->separator && strchr(header, seps[i])) {
			diag_set(r->d, DIAG_USAGE,
				"%s:%zu: the header is one column '%.30s...': "
				"the file is separated by '%s'; leave out "
				"--separator",
				r->b->csv, r->record_line, shown,
				seps[i] == '\t' ? "tab"
						: (char[]){ seps[i], 0 });
			goto out;
		}
	if (near != NULL)
		diag_set(r->d, DIAG_USAGE,
			"%s:%zu: unknown column '%.30s' (did you mean '%s'? "
			"the columns are %s)",
			r->b->csv, r->record_line, shown, near, expected);
	else
		diag_set(r->d, DIAG_USAGE,
			"%s:%zu: unknown column '%.30s' (the columns are %s)",
			r->b->csv, r->record_line, shown, expected);
out:
	g_free(shown);
	g_free(expected);
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
		char *key = header_key(r->record[i]);
		int empty = key[0] == '\0';

		g_free(key);
		/* A spreadsheet may save empty columns beyond the last. */
		r->map[i] = empty ? -1 : column_of(r->record[i]);
		if (empty)
			continue;
		if (r->map[i] < 0) {
			unknown_column(r, r->record[i]);
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
	for (c = 0; c < COL_COUNT; c++)
		if (column_required[c] && !seen[c]) {
			diag_set(r->d, DIAG_USAGE, "%s:%zu: no column '%s'",
				r->b->csv, r->record_line, column_names[c]);
			return;
		}
}

/* Turns a record into a row; its fields are resolved later. */
static void
add_row(struct reader *r)
{
	struct batch *b = r->b;
	struct row *row;
	GString *extra = g_string_new(NULL);
	size_t i, filled = 0;

	/*
	 * Doubling, not one more each time: ASan's realloc always moves, and
	 * 10 000 rows of one more each copied gigabytes.
	 */
	if (b->row_count == b->row_cap) {
		b->row_cap = b->row_cap ? 2 * b->row_cap : 64;
		b->rows = xreallocarray(b->rows, b->row_cap, sizeof *b->rows);
	}
	row = &b->rows[b->row_count++];
	memset(row, 0, sizeof *row);
	row->line = r->record_line;
	for (i = 0; i < r->nfields; i++) {
		if (r->record[i][0] == '\0')
			continue;
		filled = i + 1;
		if (i < r->ncols && r->map[i] >= 0) {
			row->fields[r->map[i]] = r->record[i];
			r->record[i] = NULL;
		} else {
			g_string_append_printf(extra, "%zu=%s\n", i,
				r->record[i]);
		}
	}
	row->extra = g_string_free(extra, FALSE);
	/* Fewer fields are empty ones; more must be empty too. */
	if (filled > r->ncols)
		snprintf(row->error, sizeof row->error,
			"has %zu fields, the header %zu", r->nfields, r->ncols);
}

static void
on_record(int c, void *arg)
{
	struct reader *r = arg;
	size_t i, blank = 1;

	(void)c;
	if (r->d->kind != DIAG_NONE) {
		free_record(r);
		return;
	}
	for (i = 0; i < r->nfields; i++)
		blank = blank && r->record[i][0] == '\0';
	if (!r->header_seen) {
		read_header(r);
		r->header_seen = 1;
	} else if (!blank && r->b->row_count == BATCH_MAX_ROWS) {
		diag_set(r->d, DIAG_USAGE,
			"%s:%zu: more than %d rows; split the campaign into "
			"several CSV files",
			r->b->csv, r->record_line, BATCH_MAX_ROWS);
	} else if (!blank) {
		/* Rows left empty, or only separators (";;;;"), are skipped. */
		add_row(r);
	}
	free_record(r);
}

/* Only spaces are trimmed around a field: a tab may be the separator. */
static int
is_space(unsigned char c)
{
	return c == ' ';
}

/* The separator the header uses most, outside quotes: ',', ';' or tab. */
static char
sniff_separator(const char *data, size_t len)
{
	size_t counts[3] = { 0 }, i, best = 0;
	const char *seps = ",;\t";
	int quoted = 0;

	for (i = 0; i < len; i++) {
		if (data[i] == '"')
			quoted = !quoted;
		else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
			break;
		else if (!quoted && strchr(seps, data[i]) && data[i] != '\0')
			counts[strchr(seps, data[i]) - seps]++;
	}
	for (i = 1; i < 3; i++)
		if (counts[i] > counts[best])
			best = i;
	return seps[best];
}

/* The line of byte offset in data, from 1. */
static size_t
line_at(const char *data, size_t offset)
{
	size_t i, line = 1;

	for (i = 0; i < offset; i++)
		line += data[i] == '\n';
	return line;
}

/*
 * Makes data UTF-8 without a byte order mark: UTF-16 with its mark (Excel's
 * "Unicode text") is converted; anything else must be UTF-8 already.
 */
static int
to_utf8(struct batch *b, gchar **data, gsize *len, struct diag *d)
{
	const unsigned char *u = (const unsigned char *)*data;
	const gchar *bad;

	if (*len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
				 (u[0] == 0xfe && u[1] == 0xff))) {
		gsize written = 0;
		gchar *conv = g_convert(*data, (gssize)*len, "UTF-8", "UTF-16",
			NULL, &written, NULL);

		if (conv == NULL)
			return diag_set(d, DIAG_USAGE,
				"'%s' is not valid UTF-16 text; save it as "
				"\"CSV UTF-8\"",
				b->csv);
		g_free(*data);
		*data = conv;
		*len = written;
		b->bom = 1;
	}
	if (*len >= 3 && memcmp(*data, "\xef\xbb\xbf", 3) == 0) {
		memmove(*data, *data + 3, *len - 3);
		*len -= 3;
		b->bom = 1;
	}
	/* NUL bytes are valid UTF-8, but no spreadsheet writes them. */
	bad = memchr(*data, '\0', *len);
	if (bad != NULL)
		return diag_set(d, DIAG_USAGE,
			"%s:%zu: not UTF-8 text (UTF-16 without a byte order "
			"mark?); save it again as \"CSV UTF-8\"",
			b->csv, line_at(*data, (size_t)(bad - *data)));
	if (!g_utf8_validate(*data, (gssize)*len, &bad))
		return diag_set(d, DIAG_USAGE,
			"%s:%zu: not UTF-8 text; save it again as \"CSV "
			"UTF-8\" (Excel) or with character set \"Unicode "
			"(UTF-8)\" (LibreOffice)",
			b->csv, line_at(*data, (size_t)(bad - *data)));
	return 0;
}

static void
parse(struct batch *b, const gchar *data, gsize len, int forced, struct diag *d)
{
	struct csv_parser p;
	struct reader r;
	gsize i;

	memset(&r, 0, sizeof r);
	r.b = b;
	r.d = d;
	r.line = 1;
	r.forced = forced;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_delim(&p, (unsigned char)b->separator);
	csv_set_space_func(&p, is_space);
	/* Byte by byte, so that every record knows the line it starts on. */
	for (i = 0; i < len && d->kind == DIAG_NONE; i++) {
		if (csv_parse(&p, data + i, 1, on_field, on_record, &r) != 1) {
			diag_set(d, DIAG_USAGE, "%s:%zu: %s", b->csv, r.line,
				csv_strerror(csv_error(&p)));
			break;
		}
		if (data[i] == '\n')
			r.line++;
	}
	if (d->kind == DIAG_NONE && csv_fini(&p, on_field, on_record, &r) != 0)
		diag_set(d, DIAG_USAGE, "%s:%zu: %s (a quote is not closed?)",
			b->csv, r.line, csv_strerror(csv_error(&p)));
	csv_free(&p);
	free_record(&r);
	free(r.record);
	free(r.map);
	if (d->kind == DIAG_NONE && !r.header_seen)
		diag_set(d, DIAG_USAGE, "%s: empty, no header row", b->csv);
}

struct batch *
batch_load(const char *csv_path, const char *outdir, char separator,
	struct diag *d)
{
	struct batch *b = xcalloc(1, sizeof *b);
	struct stat st;
	gchar *data;
	gsize len;

	b->csv = xstrdup(csv_path);
	b->outdir = xstrdup(outdir);
	/* Checked before reading: a FIFO or a device would never end. */
	if (stat(csv_path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_set(d, DIAG_USAGE,
			"'%s' is not a regular file; give the CSV file saved "
			"from the spreadsheet",
			csv_path);
		batch_free(b);
		return NULL;
	}
	if (stat(csv_path, &st) == 0 && st.st_size > BATCH_MAX_FILE) {
		diag_set(d, DIAG_USAGE,
			"'%s' is larger than %d MB; split the campaign into "
			"several CSV files",
			csv_path, BATCH_MAX_FILE >> 20);
		batch_free(b);
		return NULL;
	}
	if (!g_file_get_contents(csv_path, &data, &len, NULL)) {
		diag_set(d, DIAG_USAGE, "cannot read '%s'", csv_path);
		batch_free(b);
		return NULL;
	}
	if (to_utf8(b, &data, &len, d) == 0) {
		b->separator =
			separator != 0 ? separator : sniff_separator(data, len);
		parse(b, data, len, separator != 0, d);
	}
	g_free(data);
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
		g_free(b->rows[i].extra);
		g_free(b->rows[i].fingerprint);
		job_free(b->rows[i].job);
	}
	free(b->rows);
	free(b->csv);
	free(b->outdir);
	if (b->manifest != NULL)
		json_object_unref(b->manifest);
	free(b);
}

static void
fail_row(struct row *row, const char *msg)
{
	row->state = ROW_FAILED;
	if (row->error[0] == '\0')
		snprintf(row->error, sizeof row->error, "%s", msg);
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

/*
 * Two rows that would write the same file both fail, before any render.
 * One pass with a table of who writes what: comparing every pair of rows
 * took 135 s for 100,000 rows before the first render (issue 15).
 */
static void
check_duplicates(struct batch *b)
{
	GHashTable *writer = g_hash_table_new(g_str_hash, g_str_equal);
	size_t i, k;

	for (i = 0; i < b->row_count; i++) {
		struct row *x = &b->rows[i];

		if (x->job == NULL)
			continue;
		for (k = 0; k < job_output_count(x->job); k++) {
			const char *path = job_output_path(x->job, k);
			struct row *first = g_hash_table_lookup(writer, path);

			if (first == NULL)
				g_hash_table_insert(writer, (gpointer)path, x);
			else if (first != x)
				fail_both(first, x, path);
		}
	}
	g_hash_table_destroy(writer);
}

/* "yes"/"no" and their spreadsheet spellings; -1 for anything else. */
static int
yes_no(const char *s)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "x", "ja",
		"oui", "tak", "так", "evet", NULL };
	static const char *const no[] = { "no", "n", "false", "0", "nein",
		"non", "nie", "ні", "hayır", NULL };
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; yes[i] != NULL; i++)
		if (g_ascii_strcasecmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; no[i] != NULL; i++)
		if (g_ascii_strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

static int
fail_column(struct row *row, enum column c, const char *msg)
{
	if (row->error[0] == '\0')
		snprintf(row->error, sizeof row->error, "column '%s': %s",
			column_names[c], msg);
	row->state = ROW_FAILED;
	return -1;
}

/* A value is one of the things it names, else the column is named. */
static int
check_named(struct row *row, enum column c, struct library *lib)
{
	const char *v = row->fields[c];
	struct paper paper;
	struct diag d = { 0 };
	char code[FLAGS_CODE_SIZE];
	const struct flags *fl;

	if (v == NULL)
		return 0;
	switch (c) {
	case COL_DESIGN:
		if (library_design(lib, v, &d) == NULL)
			return fail_column(row, c, d.msg);
		return 0;
	case COL_LANG:
		if (library_catalog(lib, v, &d) == NULL)
			return fail_column(row, c, d.msg);
		return 0;
	case COL_COUNTRY:
		fl = library_flags(lib, &d);
		if (fl == NULL || flags_host(fl, v, code, &d) < 0)
			return fail_column(row, c, d.msg);
		return 0;
	case COL_SIZE:
	case COL_TILE_SHEET:
		if ((c == COL_SIZE ? paper_parse(&paper, v, &d)
				   : paper_parse_sheet(&paper, v, &d)) < 0)
			return fail_column(row, c, d.msg);
		return 0;
	case COL_ORIENTATION:
		if (paper_parse(&paper, JOB_DEFAULT_SIZE, &d) < 0 ||
			paper_orient(&paper, v, &d) < 0)
			return fail_column(row, c, d.msg);
		return 0;
	default:
		return 0;
	}
}

/*
 * Each value on its own, so that a bad one is reported with its column;
 * what only a whole job can tell comes later, from job_resolve().
 */
static int
check_fields(struct row *row, struct library *lib, char **slug)
{
	struct diag d = { 0 };
	char msg[160];
	char *end;
	int c;

	for (c = 0; c < COL_COUNT; c++)
		if (column_required[c] && row->fields[c] == NULL)
			return fail_column(row, c,
				"empty; every row needs one");
	if (job_check_text(row->fields[COL_CITY], "the city", &d) < 0)
		return fail_column(row, COL_CITY, d.msg);
	if (row->fields[COL_EVENT] != NULL &&
		job_check_text(row->fields[COL_EVENT], "the event", &d) < 0)
		return fail_column(row, COL_EVENT, d.msg);
	if (row->fields[COL_SLOGAN] != NULL &&
		job_check_slogan(row->fields[COL_SLOGAN], "slogan", &d) < 0)
		return fail_column(row, COL_SLOGAN, d.msg);
	for (c = 0; c < COL_COUNT; c++)
		if (check_named(row, c, lib) < 0)
			return -1;
	if (row->fields[COL_DPI] != NULL) {
		double dpi = g_ascii_strtod(row->fields[COL_DPI], &end);

		if (*end != '\0' || !(dpi >= 10 && dpi <= 2400)) {
			snprintf(msg, sizeof msg,
				"'%.40s' is not a number from 10 to 2400",
				row->fields[COL_DPI]);
			return fail_column(row, COL_DPI, msg);
		}
	}
	if (yes_no(row->fields[COL_PRINT]) < 0) {
		snprintf(msg, sizeof msg,
			"'%.40s' is neither yes nor no (empty is no)",
			row->fields[COL_PRINT]);
		return fail_column(row, COL_PRINT, msg);
	}
	if (row->fields[COL_NAME] != NULL) {
		*slug = slug_new(row->fields[COL_NAME]);
		if ((*slug)[0] == '\0') {
			snprintf(msg, sizeof msg,
				"'%.60s' has no letter or digit a file name "
				"can use (write it in Latin letters)",
				row->fields[COL_NAME]);
			return fail_column(row, COL_NAME, msg);
		}
	}
	return 0;
}

/* A row's job, resolved as `bayraq render` resolves its options. */
static struct job *
resolve_row(const struct batch *b, const struct row *row, const char *name,
	struct library *lib, struct diag *d)
{
	const char *const *f = (const char *const *)row->fields;
	struct job_opts o;
	char *logo = NULL;
	struct job *job;

	job_opts_init(&o);
	o.output = b->outdir;
	o.output_folder = 1;
	o.name = name;
	if (f[COL_DESIGN] != NULL)
		o.design = f[COL_DESIGN];
	o.lang = f[COL_LANG];
	o.city = f[COL_CITY];
	o.country = f[COL_COUNTRY];
	o.size = f[COL_SIZE];
	o.formats = f[COL_FORMAT];
	o.orientation = f[COL_ORIENTATION];
	if (f[COL_DPI] != NULL)
		o.dpi = g_ascii_strtod(f[COL_DPI], NULL);
	o.print.pdfx = yes_no(f[COL_PRINT]) == 1;
	if (f[COL_TILE_SHEET] != NULL) {
		o.tiles = 1;
		o.sheet = f[COL_TILE_SHEET];
	}
	o.slogan = f[COL_SLOGAN];
	o.event = f[COL_EVENT];
	if (f[COL_LOGO] != NULL) {
		/* Beside the CSV, as the spreadsheet's folder holds it. */
		char *dir = g_path_get_dirname(b->csv);
		char *abs = g_canonicalize_filename(dir, NULL);

		logo = g_canonicalize_filename(f[COL_LOGO], abs);
		g_free(abs);
		g_free(dir);
		o.logo = logo;
		o.logo_what = "the logo";
	}
	job = job_resolve(&o, lib, d);
	g_free(logo);
	return job;
}

/* The job's fingerprint and the row's own values, whatever column. */
static char *
row_fingerprint(const struct row *row, struct library *lib, GHashTable *memo)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *job = job_fingerprint(row->job, lib, memo), *hex;
	int c;

	g_checksum_update(sum, (const guchar *)job, -1);
	for (c = 0; c < COL_COUNT; c++) {
		char head[32];

		snprintf(head, sizeof head, "\n%s=", column_names[c]);
		g_checksum_update(sum, (const guchar *)head, -1);
		if (row->fields[c] != NULL)
			g_checksum_update(sum, (const guchar *)row->fields[c],
				-1);
	}
	g_checksum_update(sum, (const guchar *)row->extra, -1);
	hex = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	free(job);
	return hex;
}

static char *
manifest_path(const struct batch *b)
{
	return g_build_filename(b->outdir, BATCH_MANIFEST, NULL);
}

/* The manifest beside the outputs; none, or one unreadable, is empty. */
static void
read_manifest(struct batch *b)
{
	char *path = manifest_path(b);
	JsonParser *parser = json_parser_new();
	JsonNode *root, *files;

	if (json_parser_load_from_file(parser, path, NULL) &&
		(root = json_parser_get_root(parser)) != NULL &&
		JSON_NODE_HOLDS_OBJECT(root) &&
		(files = json_object_get_member(json_node_get_object(root),
			 "files")) != NULL &&
		JSON_NODE_HOLDS_OBJECT(files))
		b->manifest = json_object_ref(json_node_get_object(files));
	g_object_unref(parser);
	g_free(path);
}

/* What the manifest says of an output: NULL when it says nothing. */
static JsonObject *
manifest_entry(const struct batch *b, const char *path)
{
	char *name = g_path_get_basename(path);
	JsonNode *n = b->manifest != NULL
			      ? json_object_get_member(b->manifest, name)
			      : NULL;

	g_free(name);
	return n != NULL && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n)
						      : NULL;
}

/* Made from the same job, and not changed since: size and time agree. */
static int
up_to_date(const struct batch *b, const struct row *row)
{
	size_t i;

	for (i = 0; i < job_output_count(row->job); i++) {
		const char *path = job_output_path(row->job, i);
		JsonObject *e = manifest_entry(b, path);
		struct stat st;

		if (e == NULL || stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
			g_strcmp0(json_object_get_string_member_with_default(e,
					  "fingerprint", ""),
				row->fingerprint) != 0 ||
			json_object_get_int_member_with_default(e, "size",
				-1) != (gint64)st.st_size ||
			json_object_get_int_member_with_default(e, "mtime_ns",
				-1) != (gint64)st.st_mtim.tv_sec * 1000000000 +
					       st.st_mtim.tv_nsec)
			return 0;
	}
	return 1;
}

void
batch_check(struct batch *b, struct library *lib, int force)
{
	GHashTable *memo =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	size_t i;

	read_manifest(b);
	for (i = 0; i < b->row_count; i++) {
		struct row *row = &b->rows[i];
		struct diag d = { 0 };
		char *name = NULL;

		if (row->error[0] != '\0') {
			row->state = ROW_FAILED;
			continue;
		}
		if (check_fields(row, lib, &name) == 0) {
			row->job = resolve_row(b, row, name, lib, &d);
			if (row->job == NULL)
				fail_row(row, d.msg);
			else
				row->fingerprint =
					row_fingerprint(row, lib, memo);
		}
		free(name);
	}
	check_duplicates(b);
	for (i = 0; i < b->row_count; i++) {
		struct row *row = &b->rows[i];

		if (row->state == ROW_PENDING && !force && up_to_date(b, row))
			row->state = ROW_SKIPPED;
	}
	g_hash_table_destroy(memo);
}

/* The entry of one output just written or kept. */
static JsonObject *
new_entry(const struct row *row, const char *path)
{
	JsonObject *e = json_object_new();
	struct stat st;

	json_object_set_string_member(e, "fingerprint", row->fingerprint);
	if (stat(path, &st) == 0) {
		json_object_set_int_member(e, "size", (gint64)st.st_size);
		json_object_set_int_member(e, "mtime_ns",
			(gint64)st.st_mtim.tv_sec * 1000000000 +
				st.st_mtim.tv_nsec);
	}
	json_object_set_int_member(e, "line", (gint64)row->line);
	return e;
}

int
batch_manifest_write(const struct batch *b, struct diag *d)
{
	JsonObject *files = json_object_new(), *top = json_object_new();
	JsonNode *root = json_node_new(JSON_NODE_OBJECT);
	char *path = manifest_path(b), *text;
	GList *names, *l;
	GError *err = NULL;
	size_t i, k, done = 0;
	int rc = 0;

	/* What was made before and is still there stays recorded. */
	names = b->manifest != NULL ? json_object_get_members(b->manifest)
				    : NULL;
	for (l = names; l != NULL; l = l->next) {
		char *file = g_build_filename(b->outdir, l->data, NULL);
		JsonNode *n = json_object_get_member(b->manifest, l->data);

		if (g_file_test(file, G_FILE_TEST_IS_REGULAR))
			json_object_set_member(files, l->data,
				json_node_copy(n));
		g_free(file);
	}
	g_list_free(names);
	for (i = 0; i < b->row_count; i++) {
		const struct row *row = &b->rows[i];

		if (row->state != ROW_DONE)
			continue;
		done++;
		for (k = 0; k < job_output_count(row->job); k++) {
			const char *out = job_output_path(row->job, k);
			char *name = g_path_get_basename(out);

			json_object_set_object_member(files, name,
				new_entry(row, out));
			g_free(name);
		}
	}
	json_object_set_int_member(top, "version", 1);
	json_object_set_object_member(top, "files", files);
	json_node_take_object(root, top);
	text = json_to_string(root, TRUE);
	/* Nothing made and nothing recorded before: no folder to litter. */
	if ((done > 0 || b->manifest != NULL) &&
		!g_file_set_contents_full(path, text, -1,
			G_FILE_SET_CONTENTS_CONSISTENT, 0666, &err)) {
		rc = diag_set(d, DIAG_IO,
			"cannot record what was made in '%s': %s", path,
			err->message);
		g_error_free(err);
	}
	g_free(text);
	json_node_unref(root);
	g_free(path);
	return rc;
}

static const char *
state_word(enum row_state st)
{
	switch (st) {
	case ROW_DONE:
		return "done";
	case ROW_SKIPPED:
		return "up to date";
	case ROW_FAILED:
		return "failed";
	default:
		return "not started";
	}
}

/* One CSV field, quoted: csv_write() doubles the quotes inside. */
static void
report_field(GString *out, const char *s, char sep, int first)
{
	size_t n = strlen(s), size = 2 * n + 3;
	char *buf = xcalloc(1, size);

	if (!first)
		g_string_append_c(out, sep);
	g_string_append_len(out, buf, (gssize)csv_write(buf, size, s, n));
	free(buf);
}

int
batch_report_write(const struct batch *b, const char *path, struct diag *d)
{
	GString *out = g_string_new(b->bom ? "\xef\xbb\xbf" : "");
	const char *const head[] = { "line", "city", "status", "files",
		"reason" };
	GError *err = NULL;
	char *dir = g_path_get_dirname(path);
	size_t i, k;
	int rc = 0;

	for (k = 0; k < G_N_ELEMENTS(head); k++)
		report_field(out, head[k], b->separator, k == 0);
	g_string_append(out, "\r\n");
	for (i = 0; i < b->row_count; i++) {
		const struct row *row = &b->rows[i];
		GString *files = g_string_new(NULL);
		char line[32];

		snprintf(line, sizeof line, "%zu", row->line);
		for (k = 0; row->state != ROW_FAILED && row->job != NULL &&
			    k < job_output_count(row->job);
			k++)
			g_string_append_printf(files, "%s%s", k ? " " : "",
				job_output_path(row->job, k));
		report_field(out, line, b->separator, 1);
		report_field(out,
			row->fields[COL_CITY] ? row->fields[COL_CITY] : "",
			b->separator, 0);
		report_field(out, state_word(row->state), b->separator, 0);
		report_field(out, files->str, b->separator, 0);
		report_field(out, row->state == ROW_FAILED ? row->error : "",
			b->separator, 0);
		g_string_append(out, "\r\n");
		g_string_free(files, TRUE);
	}
	if (g_mkdir_with_parents(dir, 0777) != 0)
		rc = diag_set(d, DIAG_IO, "cannot write the report '%s': %s",
			path, g_strerror(errno));
	else if (!g_file_set_contents_full(path, out->str, (gssize)out->len,
			 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &err)) {
		rc = diag_set(d, DIAG_IO, "cannot write the report: %s",
			err->message);
		g_error_free(err);
	}
	g_free(dir);
	g_string_free(out, TRUE);
	return rc;
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

/*
 * libxml2 sets up its globals once, before any thread uses it. As the
 * process's first libxml2 call, libxml2 2.9's xmlInitParser() unlocks its
 * init lock without having taken it: harmless, as one thread is running,
 * but TSan reports it, so tests/tsan.supp names this function.
 */
__attribute__((noinline)) static void
libxml2_init(void)
{
	xmlInitParser();
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
	libxml2_init();
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
