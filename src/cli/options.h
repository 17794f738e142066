/* options.h - option groups: one table of every option, its group and help. */
#ifndef BAYRAQ_OPTIONS_H
#define BAYRAQ_OPTIONS_H

#include <stdio.h>

#include "base/diag.h"
#include "cli/cli.h"

struct job_opts;

/* Groups of options; a command takes some of them. */
enum {
	OPTS_COMMON = 1 << 0, /* design, lang, city, country, size, ... */
	OPTS_OUTPUT = 1 << 1, /* -o */
	OPTS_FORMAT = 1 << 2, /* -f */
	OPTS_RASTER = 1 << 3, /* --dpi, -j, --png-compression, ... */
	OPTS_PRINT = 1 << 4, /* --print, --bleed, --marks, ... */
	OPTS_TILE = 1 << 5, /* --sheet, --overlap, --margin, --sheets */
	OPTS_BATCH = 1 << 6, /* batch's own */
	OPTS_PREFLIGHT = 1 << 7, /* preflight's own */
	OPTS_SERVE = 1 << 8, /* serve's own */
	OPTS_LINT = 1 << 9, /* lint's own */
	OPTS_PROOF = 1 << 10, /* proof's own */
	OPTS_LIST = 1 << 11 /* list's own */
};

/* Every option has an id; the handler of its group gets it. */
enum option_id {
	OPT_HELP = 1,
	OPT_VERSION,
	OPT_DESIGN,
	OPT_LANG,
	OPT_CITY,
	OPT_COUNTRY,
	OPT_SLOGAN,
	OPT_EVENT,
	OPT_LOGO,
	OPT_SIZE,
	OPT_ORIENTATION,
	OPT_OUTPUT,
	OPT_FORMAT,
	OPT_DPI,
	OPT_JOBS,
	OPT_PNG_COMPRESSION,
	OPT_FORCE,
	OPT_PROGRESS,
	OPT_BAND_ROWS,
	OPT_PRINT,
	OPT_BLEED,
	OPT_MARKS,
	OPT_SAFE,
	OPT_INTENT,
	OPT_FINISHING,
	OPT_OUTLINE_TEXT,
	OPT_CMYK,
	OPT_SHEET,
	OPT_OVERLAP,
	OPT_MARGIN,
	OPT_SHEETS,
	OPT_BATCH_JOBS,
	OPT_BATCH_OUTPUT,
	OPT_CONTACT_SHEET,
	OPT_BATCH_FORCE,
	OPT_BATCH_PROGRESS,
	OPT_BATCH_SEPARATOR,
	OPT_BATCH_REPORT,
	OPT_PREFLIGHT_SAFE,
	OPT_PREFLIGHT_JSON,
	OPT_PREFLIGHT_INK_LIMIT,
	OPT_SERVE_PORT,
	OPT_SERVE_BIND,
	OPT_SERVE_WORKERS,
	OPT_SERVE_QUEUE,
	OPT_SERVE_RENDER_TIMEOUT,
	OPT_LINT_STRICT,
	OPT_PROOF_DESIGN,
	OPT_PROOF_LANGS,
	OPT_PROOF_COUNTRY,
	OPT_PROOF_OUTPUT,
	OPT_LIST_LANG,
	OPT_LIST_ALL
};

/* Takes one option's value; returns 0, or -1 with d set. */
typedef int (*option_fn)(enum option_id id, const char *value, void *arg,
	struct diag *d);

/*
 * Parses argv[1..] with the options of cmd's groups, calling handle for
 * each. Returns -1 to go on, with *first set to the first argument that
 * is not an option; or an exit status: 0 after --help (printed), 2 after
 * a usage error (printed: an unknown option gets the nearest one, an
 * option of another command names that command).
 */
int options_parse(const struct command *cmd, int argc, char **argv,
	option_fn handle, void *arg, int *first);

/* Prints cmd's usage, its help text and its options, by group. */
void options_help(const struct command *cmd, FILE *fp);

/* The handler for the job groups: fills a struct job_opts. */
int options_job(enum option_id id, const char *value, void *arg,
	struct diag *d);

/* A whole number from min to max, or DIAG_USAGE naming the option. */
int options_count(const char *value, const char *option, long min, long max,
	size_t *out, struct diag *d);

#endif
