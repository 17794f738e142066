/* options.c - option groups: one table of every option, its group and help. */
#include "cli/options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/paper.h"
#include "layout/tile.h"
#include "run/job.h"
#include "write/output.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif

struct opt {
	const char *name;
	int letter; /* 0: long only */
	const char *arg; /* the value's name in help; NULL: takes none */
	unsigned group;
	enum option_id id;
	const char *help; /* NULL: not in help (for tests) */
};

/* Every option of every command. A name may be in two groups. */
static const struct opt opts[] = {
	{ "design", 'd', "NAME", OPTS_COMMON, OPT_DESIGN,
		"a design under designs/ (default " JOB_DEFAULT_DESIGN
		"; see\n'bayraq list designs')" },
	{ "lang", 'l', "TAG", OPTS_COMMON, OPT_LANG,
		"language of the slogans: a locales/TAG.po "
		"(default " JOB_DEFAULT_LANG
		";\nsee 'bayraq list languages')" },
	{ "city", 'c', "TEXT", OPTS_COMMON, OPT_CITY,
		"the host city, exactly as it should be printed" },
	{ "country", 'C', "CC", OPTS_COMMON, OPT_COUNTRY,
		"host country: a code such as DE, DEU, UK or GB-SCT, or a\n"
		"name in any language (Poland, Polska, Sakartvelo); its flag\n"
		"goes beside Ukraine's and the Crimean Tatar one" },
	/* The proof takes them too, to show the organizer's text fit. */
	{ "slogan", 0, "NAME", OPTS_COMMON | OPTS_PROOF, OPT_SLOGAN,
		"the message of the design's slogan slot: day (default),\n"
		"prisoners, indigenous, persecution or flags" },
	{ "event", 0, "TEXT", OPTS_COMMON | OPTS_PROOF, OPT_EVENT,
		"date, time and place, as they should be printed (\"Sat 22\n"
		"Feb, 14:00, Brandenburger Tor\"), where the design has room" },
	{ "logo", 0, "FILE", OPTS_COMMON, OPT_LOGO,
		"a local group's logo, SVG or PNG (150 ppi at least where it\n"
		"prints), where the design has room" },
	{ "size", 's', "SIZE", OPTS_COMMON, OPT_SIZE,
		"A5..A0, letter, tabloid, 18x24in, 24x36in, banner-2x1m,\n"
		"banner-3x1m, square-1080, feed-1080x1350, story-1080x1920,\n"
		"or WxH in mm, cm, in, pt or px (default " JOB_DEFAULT_SIZE
		"; see 'bayraq list sizes')" },
	{ "orientation", 'r', "O", OPTS_COMMON, OPT_ORIENTATION,
		"portrait or landscape (default: the size's own)" },
	{ "output", 'o', "PATH", OPTS_OUTPUT, OPT_OUTPUT,
		"a folder (default " JOB_DEFAULT_OUTPUT
		"), or a file name whose\nextension is the format "
		"(out/berlin.pdf)" },
	{ "format", 'f', "LIST", OPTS_FORMAT, OPT_FORMAT,
		"pdf, png, svg or tiff; several with commas "
		"(default\n" JOB_DEFAULT_FORMATS ", or the extension of -o)" },
	{ "dpi", 'D', "N", OPTS_RASTER, OPT_DPI,
		"PNG and TIFF resolution for physical sizes (default "
		"150); sizes in px are exact and carry 96 dpi" },
	{ "jobs", 'j', "N", OPTS_RASTER, OPT_JOBS,
		"threads drawing large PNG and TIFF (default: the cores)" },
	{ "png-compression", 0, "C", OPTS_RASTER, OPT_PNG_COMPRESSION,
		"fast, default or small" },
	{ "force", 0, NULL, OPTS_RASTER, OPT_FORCE,
		"past the image size cap (2^31 pixels or 1 GB)" },
	{ "progress", 0, NULL, OPTS_RASTER, OPT_PROGRESS,
		"progress lines on stderr when it is not a terminal" },
	/* For tests: any band height must give the same pixels. */
	{ "band-rows", 0, "N", OPTS_RASTER, OPT_BAND_ROWS, NULL },
	{ "print", 0, NULL, OPTS_PRINT, OPT_PRINT,
		"PDF/X-4: bleed, trim and bleed boxes, a CMYK output intent,\n"
		"XMP; 3 mm bleed on paper, 5-10 mm on banners" },
	{ "bleed", 0, "LEN", OPTS_PRINT, OPT_BLEED,
		"artwork beyond the cut on every side (3mm, 0.125in)" },
	{ "marks", 0, NULL, OPTS_PRINT, OPT_MARKS,
		"crop marks outside the bleed" },
	{ "safe", 0, "LEN", OPTS_PRINT, OPT_SAFE,
		"text keeps this far from the cut (default 5mm, 10mm from\n"
		"A2 up, plus the hem)" },
	{ "intent", 0, "NAME", OPTS_PRINT, OPT_INTENT,
		"fogra39 (default for ISO sizes) or gracol (US sizes)" },
	{ "finishing", 0, "NAME", OPTS_PRINT, OPT_FINISHING,
		"none, hem-grommets (40 mm hem, grommet marks) or\n"
		"pole-pocket (75 mm pockets top and bottom)" },
	{ "outline-text", 0, NULL, OPTS_PRINT, OPT_OUTLINE_TEXT,
		"text as outlines, for shops that ask for it" },
	{ "cmyk", 0, NULL, OPTS_PRINT, OPT_CMYK,
		"CMYK for the intent's profile (lcms2), then PDF/X-4" },
	{ "sheet", 0, "SIZE", OPTS_TILE, OPT_SHEET,
		"the printer's paper: A4 (default), A3, letter, legal,\n"
		"tabloid or WxH" },
	{ "overlap", 0, "LEN", OPTS_TILE, OPT_OVERLAP,
		"the glue strip (default 10mm)" },
	{ "margin", 0, "LEN", OPTS_TILE, OPT_MARGIN,
		"what the printer cannot print at the edge (default 0.25in\n"
		"on letter, legal and tabloid, else 5mm)" },
	{ "sheets", 0, "N", OPTS_TILE, OPT_SHEETS,
		"the largest banner N sheets make, in --size's proportions\n"
		"(instead of --size's own size)" },
	{ "jobs", 'j', "N", OPTS_BATCH, OPT_BATCH_JOBS,
		"rows rendered at once (default: the cores)" },
	{ "output", 'o', "DIR", OPTS_BATCH, OPT_BATCH_OUTPUT,
		"the folder the files go into (default " JOB_DEFAULT_OUTPUT
		")" },
	{ "contact-sheet", 0, "FILE", OPTS_BATCH, OPT_CONTACT_SHEET,
		"also a PDF with every banner as a thumbnail" },
	{ "force", 0, NULL, OPTS_BATCH, OPT_BATCH_FORCE,
		"render again what is already up to date" },
	{ "progress", 0, NULL, OPTS_BATCH, OPT_BATCH_PROGRESS,
		"a line per row on stderr even when it is not a terminal" },
	{ "separator", 0, "SEP", OPTS_BATCH, OPT_BATCH_SEPARATOR,
		"the CSV's separator: comma, semicolon or tab (default: as\n"
		"the header row shows)" },
	{ "report", 0, "FILE", OPTS_BATCH, OPT_BATCH_REPORT,
		"also a CSV with each row's line, city, status, files and\n"
		"the reason of a failure, to send back to the cities" },
	{ "safe", 0, "LEN", OPTS_PREFLIGHT, OPT_PREFLIGHT_SAFE,
		"the safe margin to check text against (default 5mm, 10mm\n"
		"from A2 up)" },
	{ "ink-limit", 0, "PERCENT", OPTS_PREFLIGHT, OPT_PREFLIGHT_INK_LIMIT,
		"the most ink (C+M+Y+K) the press takes (default 300, 320\n"
		"for GRACoL), as the shop tells" },
	{ "json", 0, NULL, OPTS_PREFLIGHT, OPT_PREFLIGHT_JSON,
		"the report as JSON on stdout, problems included, for\n"
		"shops that automate (the exit status is the same)" },
	{ "port", 'p', "N", OPTS_SERVE, OPT_SERVE_PORT,
		"the port to listen on (default 8080; 0: any free one)" },
	{ "bind", 'b', "ADDR", OPTS_SERVE, OPT_SERVE_BIND,
		"the address to listen on (default 127.0.0.1: this computer\n"
		"only; 0.0.0.0 serves the network, with a warning)" },
	{ "workers", 'w', "N", OPTS_SERVE, OPT_SERVE_WORKERS,
		"renders at once, each its own thread (default: the cores)" },
	{ "queue", 0, "N", OPTS_SERVE, OPT_SERVE_QUEUE,
		"renders that may wait for a worker; beyond, 503 (default\n"
		"4 per worker)" },
	{ "render-timeout", 0, "SECONDS", OPTS_SERVE, OPT_SERVE_RENDER_TIMEOUT,
		"a render's time limit, and a wait's in the queue; beyond,\n"
		"503 with Retry-After (default 30; 0.001 to 3600)" },
	{ "strict", 0, NULL, OPTS_LINT, OPT_LINT_STRICT,
		"warnings fail too (exit 1)" },
	{ "design", 'd', "NAME", OPTS_PROOF, OPT_PROOF_DESIGN,
		"the design to proof (default " JOB_DEFAULT_DESIGN ")" },
	{ "lang", 'l', "TAGS", OPTS_PROOF, OPT_PROOF_LANGS,
		"languages, with commas: de,uk,ar (default: every one)" },
	{ "country", 'C', "CC", OPTS_PROOF, OPT_PROOF_COUNTRY,
		"the host flag shown (default DE)" },
	{ "output", 'o', "FILE", OPTS_PROOF, OPT_PROOF_OUTPUT,
		"the PDF (default out/DESIGN-proof.pdf)" },
	{ "lang", 'l', "TAG", OPTS_LIST, OPT_LIST_LANG,
		"with 'list countries': the names in this language too,\n"
		"such as de or uk" },
	{ "all", 0, NULL, OPTS_LIST, OPT_LIST_ALL,
		"languages: also the unfinished ones, with what is missing" },
	{ "version", 0, NULL, ~0u, OPT_VERSION, "the version of bayraq" },
	{ "help", 'h', NULL, ~0u, OPT_HELP, "this help" },
};

#define OPT_COUNT (sizeof opts / sizeof opts[0])

static const struct {
	unsigned group;
	const char *title;
} group_titles[] = {
	{ OPTS_COMMON, "What to make" },
	{ OPTS_OUTPUT | OPTS_FORMAT, "Files" },
	{ OPTS_RASTER, "Pixels (PNG, TIFF)" },
	{ OPTS_PRINT, "For the print shop (PDF)" },
	{ OPTS_TILE, "Sheets for a home printer" },
	{ OPTS_BATCH | OPTS_PREFLIGHT | OPTS_SERVE | OPTS_LINT | OPTS_PROOF |
			OPTS_LIST,
		"Options" },
};

static int
takes(const struct command *cmd, const struct opt *o)
{
	return (o->group & cmd->groups) != 0 || o->id == OPT_HELP ||
	       o->id == OPT_VERSION;
}

/* "the command that takes it": 'bayraq tile' or 'bayraq render'. */
static void
commands_taking(const char *name, char *buf, size_t size)
{
	size_t i, k;

	buf[0] = '\0';
	for (i = 0; cli_commands[i] != NULL; i++)
		for (k = 0; k < OPT_COUNT; k++)
			if (strcmp(opts[k].name, name) == 0 &&
				(opts[k].group & cli_commands[i]->groups)) {
				if (buf[0] != '\0')
					g_strlcat(buf, " or ", size);
				g_strlcat(buf, "'bayraq ", size);
				g_strlcat(buf, cli_commands[i]->name, size);
				g_strlcat(buf, "'", size);
				break;
			}
}

/* The long name of an option known by its letter elsewhere, or NULL. */
static const char *
name_of_letter(int letter)
{
	size_t i;

	for (i = 0; i < OPT_COUNT; i++)
		if (opts[i].letter == letter)
			return opts[i].name;
	return NULL;
}

/* word is "--sheet", "--sheet=A3" or "-o". */
static int
unknown_option(const struct command *cmd, const char *word)
{
	const char *names[OPT_COUNT];
	const char *start = word + strspn(word, "-"), *near = NULL;
	char taken[128], *name;
	size_t i, n = 0;
	int rc;

	if (word[1] != '-' && name_of_letter(word[1]) != NULL)
		name = xstrdup(name_of_letter(word[1]));
	else
		name = xstrndup(start, strcspn(start, "="));
	for (i = 0; i < OPT_COUNT; i++)
		if (takes(cmd, &opts[i]) && opts[i].help != NULL)
			names[n++] = opts[i].name;
	commands_taking(name, taken, sizeof taken);
	if (word[1] == '-')
		near = cli_nearest(name, names, n);
	if (taken[0] != '\0')
		rc = cli_usage_error(cmd,
			"'--%s' is an option of %s, not of 'bayraq %s'", name,
			taken, cmd->name);
	else if (near != NULL)
		rc = cli_usage_error(cmd,
			"unknown option '%.40s' (did you mean '--%s'?)", word,
			near);
	else
		rc = cli_usage_error(cmd, "unknown option '%.40s'", word);
	free(name);
	return rc;
}

int
options_parse(const struct command *cmd, int argc, char **argv,
	option_fn handle, void *arg, int *first)
{
	struct option longs[OPT_COUNT + 1];
	const struct opt *by_index[OPT_COUNT];
	char shorts[2 * OPT_COUNT + 2] = ":";
	size_t i, n = 0, s = 1;
	int c, index;

	for (i = 0; i < OPT_COUNT; i++) {
		if (!takes(cmd, &opts[i]))
			continue;
		longs[n] = (struct option){ opts[i].name,
			opts[i].arg ? required_argument : no_argument, NULL,
			(int)(256 + n) };
		by_index[n++] = &opts[i];
		if (opts[i].letter != 0) {
			shorts[s++] = (char)opts[i].letter;
			if (opts[i].arg != NULL)
				shorts[s++] = ':';
		}
	}
	shorts[s] = '\0';
	memset(&longs[n], 0, sizeof longs[n]);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, &index)) != -1) {
		const struct opt *o = NULL;
		struct diag d = { 0 };

		if (c == ':')
			return cli_usage_error(cmd,
				"option '%.40s' needs a value",
				argv[optind - 1]);
		if (c == '?') {
			char word[3] = { '-', (char)optopt, '\0' };

			return unknown_option(cmd,
				optopt != 0 ? word : argv[optind - 1]);
		}
		if (c >= 256)
			o = by_index[c - 256];
		for (i = 0; o == NULL && i < n; i++)
			if (by_index[i]->letter == c)
				o = by_index[i];
		if (o->id == OPT_HELP) {
			options_help(cmd, stdout);
			return 0;
		}
		if (o->id == OPT_VERSION) {
			printf("bayraq %s\n", BAYRAQ_VERSION);
			return 0;
		}
		if (handle(o->id, optarg, arg, &d) < 0)
			return cli_fail(&d);
	}
	*first = optind;
	return -1;
}

#define HELP_COLUMN 28
#define HELP_WIDTH 80

/* One option's help: "  -o, --output PATH   text", wrapped at 80. */
static void
help_line(const struct opt *o, FILE *fp)
{
	char head[48];
	const char *p = o->help;
	int col;

	snprintf(head, sizeof head, "%c%c%c --%s%s%s", o->letter ? '-' : ' ',
		o->letter ? o->letter : ' ', o->letter ? ',' : ' ', o->name,
		o->arg ? " " : "", o->arg ? o->arg : "");
	col = fprintf(fp, "  %-*s", HELP_COLUMN - 2, head);
	if (col > HELP_COLUMN)
		col = fprintf(fp, "\n%*s", HELP_COLUMN, "") - 1;
	while (*p != '\0') {
		int len = (int)strcspn(p, " \n");

		if (col > HELP_COLUMN && col + 1 + len > HELP_WIDTH)
			col = fprintf(fp, "\n%*s", HELP_COLUMN, "") - 1;
		else if (col > HELP_COLUMN)
			col += fprintf(fp, " ");
		col += fprintf(fp, "%.*s", len, p);
		p += len;
		p += strspn(p, " \n");
	}
	fputc('\n', fp);
}

void
options_help(const struct command *cmd, FILE *fp)
{
	size_t g, i;

	fprintf(fp, "usage: bayraq %s %s\n\n%s\n", cmd->name, cmd->args,
		cmd->help);
	for (g = 0; g < sizeof group_titles / sizeof group_titles[0]; g++) {
		int shown = 0;

		for (i = 0; i < OPT_COUNT; i++) {
			if (!(opts[i].group & group_titles[g].group &
				    cmd->groups) ||
				opts[i].help == NULL || opts[i].group == ~0u)
				continue;
			if (!shown++)
				fprintf(fp, "\n%s:\n", group_titles[g].title);
			help_line(&opts[i], fp);
		}
	}
	fprintf(fp, "\n");
	help_line(&opts[OPT_COUNT - 2], fp);
	help_line(&opts[OPT_COUNT - 1], fp);
}

int
options_count(const char *value, const char *option, long min, long max,
	size_t *out, struct diag *d)
{
	char *end;
	long v = strtol(value, &end, 10);

	if (end == value || *end != '\0' || v < min || v > max)
		return diag_set(d, DIAG_USAGE,
			"%s takes a whole number from %ld to %ld, not '%.20s'",
			option, min, max, value);
	*out = (size_t)v;
	return 0;
}

static int
parse_dpi(const char *value, double *out, struct diag *d)
{
	char *end;

	*out = strtod(value, &end);
	if (end == value || *end != '\0')
		return diag_set(d, DIAG_USAGE,
			"--dpi must be a number from 10 to 2400, not '%.20s'",
			value);
	return 0;
}

static int
print_option(enum option_id id, const char *value, struct print_opts *p,
	struct diag *d)
{
	switch (id) {
	case OPT_PRINT:
		p->pdfx = 1;
		return 0;
	case OPT_BLEED:
		return paper_length(value, "--bleed", &p->bleed, d);
	case OPT_MARKS:
		p->marks = 1;
		return 0;
	case OPT_SAFE:
		return paper_length(value, "--safe", &p->safe, d);
	case OPT_INTENT:
		return print_intent_parse(value, &p->intent, d);
	case OPT_FINISHING:
		return print_finishing_parse(value, &p->finishing, d);
	case OPT_OUTLINE_TEXT:
		p->outline_text = 1;
		return 0;
	case OPT_CMYK:
		p->cmyk = 1;
		return 0;
	default:
		return diag_set(d, DIAG_USAGE, "option %d is not a job's", id);
	}
}

int
options_job(enum option_id id, const char *value, void *arg, struct diag *d)
{
	struct job_opts *o = arg;

	switch (id) {
	case OPT_DESIGN:
		o->design = value;
		return 0;
	case OPT_LANG:
		o->lang = value;
		return 0;
	case OPT_CITY:
		o->city = value;
		return 0;
	case OPT_COUNTRY:
		o->country = value;
		return 0;
	case OPT_SLOGAN:
		o->slogan = value;
		return 0;
	case OPT_EVENT:
		o->event = value;
		return 0;
	case OPT_LOGO:
		o->logo = value;
		return 0;
	case OPT_SIZE:
		o->size = value;
		return 0;
	case OPT_ORIENTATION:
		o->orientation = value;
		return 0;
	case OPT_OUTPUT:
		o->output = value;
		return 0;
	case OPT_FORMAT:
		o->formats = value;
		return 0;
	case OPT_DPI:
		o->dpi_given = 1;
		return parse_dpi(value, &o->dpi, d);
	case OPT_JOBS:
		return options_count(value, "-j", 1, 64, &o->jobs, d);
	case OPT_PNG_COMPRESSION:
		return pngenc_level_parse(value, &o->png_level, d);
	case OPT_FORCE:
		o->force = 1;
		return 0;
	case OPT_BAND_ROWS:
		return options_count(value, "--band-rows", 1, 1 << 20,
			&o->band_rows, d);
	case OPT_SHEET:
		o->sheet = value;
		return 0;
	case OPT_OVERLAP:
		return paper_length(value, "--overlap", &o->overlap, d);
	case OPT_MARGIN:
		return paper_length(value, "--margin", &o->margin, d);
	case OPT_SHEETS:
		return options_count(value, "--sheets", 1, TILE_MAX_SHEETS,
			&o->sheets, d);
	default:
		return print_option(id, value, &o->print, d);
	}
}
