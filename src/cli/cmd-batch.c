/* cmd-batch.c - bayraq batch: a banner for every row of a CSV file. */
#include <glib.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "run/batch.h"
#include "run/contact.h"

struct batch_args {
	size_t jobs;
	const char *outdir, *contact, *report;
	int force, progress_lines;
	char separator; /* 0: sniffed from the header */
};

/* --separator: a word, or the character itself. */
static int
parse_separator(const char *value, char *out, struct diag *d)
{
	static const struct {
		const char *name;
		char c;
	} seps[] = { { "comma", ',' }, { ",", ',' }, { "semicolon", ';' },
		{ ";", ';' }, { "tab", '\t' }, { "\t", '\t' },
		{ "\\t", '\t' } };
	size_t i;

	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (g_ascii_strcasecmp(value, seps[i].name) == 0) {
			*out = seps[i].c;
			return 0;
		}
	return diag_set(d, DIAG_USAGE,
		"unknown separator '%.20s' (expected comma, semicolon or tab)",
		value);
}

static int
batch_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	struct batch_args *a = arg;

	switch (id) {
	case OPT_BATCH_JOBS:
		return options_count(value, "-j", 1, 64, &a->jobs, d);
	case OPT_BATCH_OUTPUT:
		a->outdir = value;
		return 0;
	case OPT_CONTACT_SHEET:
		a->contact = value;
		return 0;
	case OPT_BATCH_FORCE:
		a->force = 1;
		return 0;
	case OPT_BATCH_PROGRESS:
		a->progress_lines = 1;
		return 0;
	case OPT_BATCH_SEPARATOR:
		return parse_separator(value, &a->separator, d);
	case OPT_BATCH_REPORT:
		a->report = value;
		return 0;
	default:
		return diag_set(d, DIAG_USAGE, "not a batch option");
	}
}

/*
 * Ctrl-C: finish the rows in progress, start no more. A lock-free atomic
 * is safe in a signal handler and between the workers that read it.
 */
static atomic_int interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	atomic_store(&interrupted, 1);
}

struct report {
	const char *csv;
	struct progress progress;
};

/* Every row on stdout; failures on stderr; a bar on a terminal. */
static void
print_row(const struct batch *b, size_t i, void *arg)
{
	struct report *r = arg;
	const struct job *job = batch_row_job(b, i);
	enum row_state st = batch_row_state(b, i);
	size_t k, n = batch_row_count(b);
	size_t settled = n - batch_count(b, ROW_PENDING);
	char note[48];

	progress_clear(&r->progress);
	/* Both on one terminal, the line on stdout says it all. */
	if (st == ROW_FAILED && !(isatty(1) && isatty(2)))
		fprintf(stderr, "bayraq: %s:%zu: %s\n", r->csv,
			batch_row_line(b, i), batch_row_error(b, i));
	printf("%s:%zu: %s", r->csv, batch_row_line(b, i),
		st == ROW_DONE	    ? "done"
		: st == ROW_SKIPPED ? "up to date"
				    : "failed: ");
	if (st == ROW_FAILED)
		printf("%s", batch_row_error(b, i));
	for (k = 0; st != ROW_FAILED && k < job_output_count(job); k++)
		printf(" %s", job_output_path(job, k));
	printf("\n");
	fflush(stdout);
	snprintf(note, sizeof note, "%zu failed", batch_count(b, ROW_FAILED));
	progress_show(&r->progress, settled, n, note);
}

/* Failed rows listed by line in the summary, at most. */
#define SUMMARY_LINES 20

static void
print_summary(const struct batch *b)
{
	size_t i, n = batch_row_count(b), failed = batch_count(b, ROW_FAILED);
	size_t pending = batch_count(b, ROW_PENDING);
	int listed = 0;

	fprintf(stderr,
		"bayraq: %zu rows: %zu done, %zu up to date, %zu failed", n,
		batch_count(b, ROW_DONE), batch_count(b, ROW_SKIPPED), failed);
	/* The first lines to look at; the per-row lines above have them all. */
	for (i = 0; i < n && listed < SUMMARY_LINES; i++)
		if (batch_row_state(b, i) == ROW_FAILED)
			fprintf(stderr, "%s%zu", listed++ ? ", " : " (lines ",
				batch_row_line(b, i));
	if (failed > (size_t)listed)
		fprintf(stderr, " and %zu more", failed - (size_t)listed);
	fprintf(stderr, "%s", listed ? ")" : "");
	if (pending > 0)
		fprintf(stderr, ", %zu not started", pending);
	fprintf(stderr, "\n");
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct batch_args a = { cli_cores(), JOB_DEFAULT_OUTPUT, NULL, NULL, 0,
		0, 0 };
	struct report r;
	struct diag d = { 0 };
	struct library *lib;
	struct batch *b;
	int first,
		rc = options_parse(cmd, argc, argv, batch_option, &a, &first);

	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd, "batch takes one CSV file");
	if (a.report != NULL && g_file_test(a.report, G_FILE_TEST_IS_DIR))
		return cli_usage_error(cmd,
			"--report '%s' is a folder: name a file, such as "
			"report.csv",
			a.report);
	b = batch_load(argv[first], a.outdir, a.separator, &d);
	if (b == NULL)
		return cli_fail(&d);
	lib = library_new(cli->paths);
	batch_check(b, lib, a.force);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	r.csv = argv[first];
	progress_init(&r.progress, "rows", a.progress_lines);
	batch_run(b, lib, a.jobs, print_row, &r, &interrupted);
	progress_clear(&r.progress);
	print_summary(b);
	rc = batch_count(b, ROW_FAILED) > 0 ? 1 : 0;
	/* What was made is recorded, interrupted or not. */
	if (batch_manifest_write(b, &d) < 0 ||
		(a.report != NULL && batch_report_write(b, a.report, &d) < 0)) {
		rc = cli_fail(&d);
		memset(&d, 0, sizeof d);
	}
	if (atomic_load(&interrupted)) {
		fprintf(stderr, "bayraq: interrupted: finished files are "
				"complete; run again to do the rest\n");
		rc = 130;
	} else if (a.contact != NULL &&
		   contact_sheet_write(b, lib, a.contact, &d) < 0) {
		rc = cli_fail(&d);
	}
	batch_free(b);
	library_free(lib);
	return rc;
}

const struct command command_batch = { "batch", run, OPTS_BATCH,
	"FILE.csv [options]", "a banner for every row of a CSV, in parallel",
	"Renders a banner for every row of a CSV file, as spreadsheets save "
	"it:\n"
	"UTF-8 (with or without BOM), separated by commas, semicolons or tabs "
	"as the\n"
	"header row shows, LF or CRLF. The header names the columns, in any "
	"case:\n"
	"lang, city, country, size, format, and if you like design, name (the "
	"files'\n"
	"base name), dpi, print (yes/no), tile-sheet (A4, letter: also sheets "
	"for a\n"
	"home printer) and orientation. Every file goes into the folder -o, "
	"named\n"
	"as 'bayraq render' names them.\n"
	"\n"
	"Each row prints a line on stdout; a bad row is reported with its "
	"line and\n"
	"column and does not stop the others; two rows that would write the "
	"same\n"
	"file both fail before anything renders. A row is kept only if its "
	"files\n"
	"were made from the same options, design, translation, flags and "
	"fonts, as\n"
	"the record in the folder (" BATCH_MANIFEST ") says. Ctrl-C stops\n"
	"after the rows in progress; no file is ever left half written. Exit "
	"status:\n"
	"0 all done, 1 some rows failed, 2 a bad CSV or option, 130 "
	"interrupted.\n"
	"\n"
	"Example:\n"
	"  bayraq batch campaign.csv -j 2 -o out/campaign/ --report "
	"report.csv" };
