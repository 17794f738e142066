/* main.c - the bayraq command line: argv -> struct job -> files, exit status.
 */
#include <getopt.h>
#include <glib.h>
#include <signal.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/batch.h"
#include "input/catalog.h"
#include "input/design.h"
#include "base/diag.h"
#include "input/flags.h"
#include "run/job.h"
#include "input/paper.h"
#include "run/preflight.h"
#include "layout/render.h"
#include "layout/tile.h"
#include "base/xalloc.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif
#ifndef BAYRAQ_DATADIR
#define BAYRAQ_DATADIR "."
#endif
#ifndef BAYRAQ_FLAGSET
#define BAYRAQ_FLAGSET "build/flags/package"
#endif
#ifndef BAYRAQ_ICCDIR
#define BAYRAQ_ICCDIR "build/icc"
#endif
#define SRGB_ICC "/usr/share/color/icc/sRGB.icc"

/* Long options without a short letter. */
enum {
	OPT_BLEED = 256,
	OPT_MARKS,
	OPT_PRINT,
	OPT_SAFE,
	OPT_INTENT,
	OPT_FINISHING,
	OPT_OUTLINE_TEXT,
	OPT_CMYK,
	OPT_SHEET,
	OPT_OVERLAP,
	OPT_MARGIN,
	OPT_PNG_COMPRESSION,
	OPT_FORCE,
	OPT_PROGRESS,
	OPT_BAND_ROWS
};

static const char usage_text[] =
	"usage: bayraq render [options]      make a banner (PDF, PNG, TIFF)\n"
	"       bayraq batch FILE.csv        a banner for every row, in "
	"parallel\n"
	"       bayraq preflight FILE.pdf    check a PDF as a print shop "
	"would\n"
	"       bayraq layout [options]      show where each slot's text and "
	"flag go\n"
	"       bayraq tile [options]        the banner in A4 or letter sheets "
	"to glue\n"
	"       bayraq list designs|languages|sizes|countries\n"
	"       bayraq --help | --version\n"
	"\n"
	"Try: bayraq render --lang de --city Berlin --country DE --size A1\n"
	"     bayraq render --help\n";

static const char render_help[] =
	"usage: bayraq render [options]\n"
	"\n"
	"Makes a print-ready banner for one city, language and size.\n"
	"\n"
	"  -d, --design NAME        design under designs/ "
	"(default " JOB_DEFAULT_DESIGN ")\n"
	"  -l, --lang TAG           language of the slogans: a "
	"locales/TAG.po (default " JOB_DEFAULT_LANG ")\n"
	"  -c, --city TEXT          the host city, exactly as it should be "
	"printed\n"
	"  -C, --country CC         host country, ISO 3166-1 code such as DE "
	"or PL;\n"
	"                           its flag goes beside Ukraine's and the "
	"Crimean Tatar one\n"
	"  -s, --size SIZE          A5..A0, letter, tabloid, 18x24in, 24x36in,"
	"\n"
	"                           banner-2x1m, banner-3x1m, square-1080,\n"
	"                           story-1080x1920, or WxH in mm, cm, in, pt "
	"or px\n"
	"                           (default " JOB_DEFAULT_SIZE ")\n"
	"  -r, --orientation O      portrait or landscape (default: the "
	"size's own)\n"
	"  -f, --format LIST        pdf, png, svg or tiff; several with commas "
	"(default\n"
	"                           " JOB_DEFAULT_FORMATS ")\n"
	"  -D, --dpi N              PNG and TIFF resolution for physical sizes "
	"(150);\n"
	"                           px sizes are exact and carry 96 dpi\n"
	"  -o, --output PATH        a folder (default " JOB_DEFAULT_OUTPUT
	") or a file name\n"
	"  -j, --jobs N             threads drawing PNG and TIFF (default: the "
	"cores)\n"
	"      --png-compression C  fast, default or small\n"
	"      --force              past the PNG size cap (2^31 pixels or "
	"1 GB)\n"
	"      --progress           progress lines on stderr when it is not a "
	"terminal\n"
	"\n"
	"For the print shop (PDF):\n"
	"      --print              PDF/X-4: bleed, trim and bleed boxes, a "
	"CMYK output\n"
	"                           intent, XMP; 3 mm bleed on paper, 5-10 mm "
	"on banners\n"
	"      --bleed LEN          artwork beyond the cut on every side "
	"(3mm, 0.125in)\n"
	"      --marks              crop marks outside the bleed\n"
	"      --safe LEN           text keeps this far from the cut (default "
	"5mm, 10mm\n"
	"                           from A2 up, plus the hem)\n"
	"      --intent NAME        fogra39 (default for ISO sizes) or gracol "
	"(US sizes)\n"
	"      --finishing NAME     none, hem-grommets (40 mm hem, grommet "
	"marks) or\n"
	"                           pole-pocket (75 mm pockets top and "
	"bottom)\n"
	"      --outline-text       text as outlines, for shops that ask for "
	"it\n"
	"      --cmyk               real CMYK through Ghostscript (gs), then "
	"PDF/X-4\n"
	"\n"
	"Files in a folder are named DESIGN-LANG-CITY-SIZE.EXT, for example\n"
	"out/liberate-crimea-uk-kyiv-A2.pdf. Every file is written in full "
	"or not\n"
	"at all. Exit status: 0 done, 1 the banner cannot be made (text does "
	"not\n"
	"fit, a glyph is missing, a file cannot be written), 2 a bad "
	"option.\n"
	"\n"
	"Examples:\n"
	"  bayraq render --lang uk --city Київ --country PL --size A2\n"
	"  bayraq render --lang ar --city \"عمان\" --country JO --size "
	"banner-3x1m \\\n"
	"                --format pdf -o out/amman.pdf\n"
	"  bayraq render --lang ka --city თბილისი --country GE --size A3 "
	"--orientation landscape\n";

static const char tile_help[] =
	"usage: bayraq tile [render options] [--sheet SIZE] [--overlap LEN] "
	"[--margin LEN]\n"
	"\n"
	"Cuts a banner into sheets for the printer at home, as one vector "
	"PDF: a page\n"
	"that shows how to put it together, then one page per sheet, "
	"labelled A1, A2...\n"
	"Neighbouring sheets overlap: glue each sheet over the shaded strip "
	"of the one\n"
	"before it, after cutting along its dashed line. All texts are in "
	"the banner's\n"
	"language.\n"
	"\n"
	"      --sheet SIZE     A4 (default), A3, letter, legal, tabloid or "
	"WxH\n"
	"      --overlap LEN    the glue strip (default 10mm)\n"
	"      --margin LEN     what the printer cannot print at the edge "
	"(default 5mm)\n"
	"\n"
	"The render options (--design, --lang, --city, --country, --size, "
	"--orientation,\n"
	"-o) are as for 'bayraq render --help'. The sheet orientation that "
	"takes the\n"
	"fewest sheets is chosen.\n"
	"\n"
	"Example:\n"
	"  bayraq tile --lang uk --city Київ --country PL --size A1 --sheet A4 "
	"-o out/\n";

static const char batch_help[] =
	"usage: bayraq batch FILE.csv [-j N] [-o DIR] [--contact-sheet "
	"FILE.pdf] [--force]\n"
	"\n"
	"Renders a banner for every row of a CSV file whose first row names "
	"the\n"
	"columns: design, lang, city, country, size, format, and if you like "
	"dpi,\n"
	"print (yes/no), tile-sheet (A4, letter: also sheets for a home "
	"printer) and\n"
	"orientation. Quote a field that holds a comma or a quote "
	"(\"Washington, D.C.\").\n"
	"\n"
	"  -j, --jobs N              rows rendered at once (default: the "
	"cores)\n"
	"  -o, --output DIR          where the files go (default out/)\n"
	"      --contact-sheet FILE  also a PDF with every banner as a "
	"thumbnail\n"
	"      --force               render again what is already up to "
	"date\n"
	"\n"
	"A bad row is reported with its line and does not stop the others; "
	"two rows\n"
	"that would write the same file both fail before anything renders. "
	"Files\n"
	"newer than their design and language are kept. Ctrl-C stops after "
	"the rows\n"
	"in progress; no file is ever left half written. Exit status: 0 all "
	"done,\n"
	"1 some rows failed, 2 a bad CSV or option, 130 interrupted.\n";

static const struct option render_options[] = {
	{ "design", required_argument, NULL, 'd' },
	{ "lang", required_argument, NULL, 'l' },
	{ "city", required_argument, NULL, 'c' },
	{ "country", required_argument, NULL, 'C' },
	{ "size", required_argument, NULL, 's' },
	{ "orientation", required_argument, NULL, 'r' },
	{ "format", required_argument, NULL, 'f' },
	{ "dpi", required_argument, NULL, 'D' },
	{ "output", required_argument, NULL, 'o' },
	{ "bleed", required_argument, NULL, OPT_BLEED },
	{ "marks", no_argument, NULL, OPT_MARKS },
	{ "print", no_argument, NULL, OPT_PRINT },
	{ "safe", required_argument, NULL, OPT_SAFE },
	{ "intent", required_argument, NULL, OPT_INTENT },
	{ "finishing", required_argument, NULL, OPT_FINISHING },
	{ "outline-text", no_argument, NULL, OPT_OUTLINE_TEXT },
	{ "cmyk", no_argument, NULL, OPT_CMYK },
	{ "jobs", required_argument, NULL, 'j' },
	{ "png-compression", required_argument, NULL, OPT_PNG_COMPRESSION },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	/* For tests: any band height must give the same pixels. */
	{ "band-rows", required_argument, NULL, OPT_BAND_ROWS },
	{ "sheet", required_argument, NULL, OPT_SHEET },
	{ "overlap", required_argument, NULL, OPT_OVERLAP },
	{ "margin", required_argument, NULL, OPT_MARGIN },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int
fail(const struct diag *d)
{
	fprintf(stderr, "bayraq: %s\n", d->msg);
	return diag_exit_status(d);
}

static int usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* One line on stderr, then exit status 2. */
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("bayraq: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("; see 'bayraq --help'\n", stderr);
	return 2;
}

static void
paths_init(struct job_paths *p, char **owned)
{
	const char *data = getenv("BAYRAQ_DATADIR");
	const char *flagset = getenv("BAYRAQ_FLAGSET");

	if (data == NULL || data[0] == '\0')
		data = BAYRAQ_DATADIR;
	if (flagset == NULL || flagset[0] == '\0')
		flagset = BAYRAQ_FLAGSET;
	owned[0] = xasprintf("%s/designs", data);
	owned[1] = xasprintf("%s/locales", data);
	owned[2] = xasprintf("%s/fonts", data);
	owned[3] = xasprintf("%s/designs/_flags", data);
	p->icc = getenv("BAYRAQ_ICCDIR") != NULL ? getenv("BAYRAQ_ICCDIR")
						 : BAYRAQ_ICCDIR;
	p->srgb = SRGB_ICC;
	p->designs = owned[0];
	p->locales = owned[1];
	p->fonts = owned[2];
	p->flags = owned[3];
	p->flagset = flagset;
}

/* Large PNGs: a bar on a terminal, plain lines with --progress. */
struct band_state {
	int tty;
	double start;
};

static void
band_progress(void *arg, size_t done, size_t total)
{
	struct band_state *p = arg;
	double t = g_get_monotonic_time() / 1e6 - p->start;
	double eta = t / (double)done * (double)(total - done);

	if (p->tty) {
		int width = 30, fill = (int)(width * done / total);

		fprintf(stderr, "\r[%.*s%*s] %zu/%zu bands, ETA %d:%02d ", fill,
			"##############################", width - fill, "",
			done, total, (int)eta / 60, (int)eta % 60);
		if (done == total)
			fputs("\r\033[K", stderr);
	} else if (done == total || done % 8 == 0) {
		fprintf(stderr, "bayraq: %zu of %zu bands, %.1f s\n", done,
			total, t);
	}
}

/* The print options; returns -1 to go on, or an exit status. */
static int
parse_print(int c, struct job *job)
{
	struct diag d = { 0 };
	struct print_opts *o = &job->print;
	int rc = 0;

	switch (c) {
	case OPT_BLEED:
		rc = paper_length(optarg, "--bleed", &o->bleed, &d);
		break;
	case OPT_SAFE:
		rc = paper_length(optarg, "--safe", &o->safe, &d);
		break;
	case OPT_MARKS:
		o->marks = 1;
		break;
	case OPT_PRINT:
		o->pdfx = 1;
		break;
	case OPT_INTENT:
		rc = print_intent_parse(optarg, &o->intent, &d);
		break;
	case OPT_FINISHING:
		rc = print_finishing_parse(optarg, &o->finishing, &d);
		break;
	case OPT_OUTLINE_TEXT:
		o->outline_text = 1;
		break;
	case OPT_CMYK:
		o->cmyk = 1;
		break;
	}
	return rc < 0 ? fail(&d) : -1;
}

/* Parses render's options into job; returns -1 to go on, or an exit status. */
static int
parse_render(int argc, char **argv, struct job *job, int tile)
{
	char *end;
	int c, rc;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:l:c:C:s:r:f:D:o:j:h",
			render_options, NULL)) != -1) {
		switch (c) {
		case 'd':
			job->design = optarg;
			break;
		case 'l':
			job->lang = optarg;
			break;
		case 'c':
			job->city = optarg;
			break;
		case 'C':
			job->country = optarg;
			break;
		case 's':
			job->size = optarg;
			break;
		case 'r':
			job->orientation = optarg;
			break;
		case 'f':
			job->formats = optarg;
			break;
		case 'o':
			job->output = optarg;
			break;
		case 'D':
			job->dpi = strtod(optarg, &end);
			if (end == optarg || *end != '\0')
				job->dpi = -1;
			break;
		case 'h':
			fputs(tile ? tile_help : render_help, stdout);
			return 0;
		case OPT_SHEET:
			job->sheet = optarg;
			break;
		case 'j':
			job->jobs = (size_t)strtol(optarg, &end, 10);
			if (*end != '\0' || job->jobs < 1 || job->jobs > 64)
				return usage_error("-j takes 1 to 64, not "
						   "'%.10s'",
					optarg);
			break;
		case OPT_PNG_COMPRESSION: {
			struct diag d = { 0 };

			if (pngenc_level_parse(optarg, &job->png_level, &d) < 0)
				return fail(&d);
			break;
		}
		case OPT_FORCE:
			job->force = 1;
			break;
		case OPT_BAND_ROWS:
			job->band_rows = (size_t)strtol(optarg, &end, 10);
			if (*end != '\0' || job->band_rows < 1)
				return usage_error("bad --band-rows '%.10s'",
					optarg);
			break;
		case OPT_PROGRESS:
			job->progress = band_progress;
			break;
		case OPT_OVERLAP:
		case OPT_MARGIN: {
			struct diag d = { 0 };

			if (paper_length(optarg,
				    c == OPT_OVERLAP ? "--overlap" : "--margin",
				    c == OPT_OVERLAP ? &job->overlap
						     : &job->margin,
				    &d) < 0)
				return fail(&d);
			break;
		}
		case OPT_BLEED:
		case OPT_MARKS:
		case OPT_PRINT:
		case OPT_SAFE:
		case OPT_INTENT:
		case OPT_FINISHING:
		case OPT_OUTLINE_TEXT:
		case OPT_CMYK:
			rc = parse_print(c, job);
			if (rc >= 0)
				return rc;
			break;
		case ':':
			return usage_error("option '%.40s' needs a value",
				argv[optind - 1]);
		default:
			return usage_error("unknown option '%.40s'",
				argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%.40s'", argv[optind]);
	return -1;
}

static void
print_written(const char *path, void *arg)
{
	(void)arg;
	printf("%s\n", path);
}

static void
print_item(const struct banner_item *it, void *arg)
{
	(void)arg;
	if (strcmp(it->kind, "flag") == 0)
		printf("flag %s %s slot %.2f %.2f %.2f %.2f flag %.2f %.2f "
		       "%.2f %.2f\n",
			it->slot, it->what, it->x, it->y, it->w, it->h, it->ix,
			it->iy, it->iw, it->ih);
	else
		printf("text %s size %.2f lines %zu slot %.2f %.2f %.2f %.2f "
		       "ink %.2f %.2f %.2f %.2f %s\n",
			it->slot, it->size, it->line_count, it->x, it->y, it->w,
			it->h, it->ix, it->iy, it->iw, it->ih, it->what);
}

enum mode { MODE_RENDER, MODE_LAYOUT, MODE_TILE };

static int
cmd_render(int argc, char **argv, const struct job_paths *paths, enum mode mode)
{
	struct diag d = { 0 };
	struct library *lib;
	struct tiling grid;
	struct job job;
	struct band_state progress = { isatty(2),
		g_get_monotonic_time() / 1e6 };
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int rc;

	job_init(&job);
	job.jobs = cores > 0 ? (size_t)cores : 1;
	if (mode == MODE_TILE)
		job.formats = "pdf";
	rc = parse_render(argc, argv, &job, mode == MODE_TILE);
	if (rc >= 0)
		return rc;
	/* A bar on a terminal even without --progress. */
	if (progress.tty && job.progress == NULL)
		job.progress = band_progress;
	job.progress_arg = &progress;
	lib = library_new(paths);
	if (mode == MODE_LAYOUT) {
		rc = job_layout(&job, lib, print_item, NULL, &d);
	} else if (mode == MODE_TILE) {
		rc = job_tile(&job, lib, &grid, print_written, NULL, &d);
		if (rc == 0)
			fprintf(stderr,
				"bayraq: %zu sheets of %s, %s: %zu across, "
				"%zu down\n",
				grid.cols * grid.rows, job.sheet,
				grid.landscape ? "landscape" : "portrait",
				grid.cols, grid.rows);
	} else {
		rc = job_run(&job, lib, print_written, NULL, &d);
	}
	library_free(lib);
	return rc < 0 ? fail(&d) : 0;
}

static int
list_languages(const struct job_paths *paths)
{
	char **tags = library_languages(paths);
	size_t i;
	int status = 0;

	for (i = 0; tags[i] != NULL; i++) {
		struct diag d = { 0 };
		char *po = xasprintf("%s/%s.po", paths->locales, tags[i]);
		struct catalog *cat = catalog_load(po, &d);

		if (cat == NULL) {
			fprintf(stderr, "bayraq: %s\n", d.msg);
			status = 1;
		} else {
			printf("%-6s %-10s %s%s\n", tags[i],
				catalog_language(cat), catalog_name(cat),
				catalog_reviewed(cat) ? ""
						      : " (not yet reviewed "
							"by a native speaker)");
		}
		catalog_free(cat);
		free(po);
	}
	library_languages_free(tags);
	return status;
}

static int
list_designs(const struct job_paths *paths)
{
	char **names = design_names(paths->designs);
	size_t i, j;

	for (i = 0; names[i] != NULL; i++) {
		struct diag d = { 0 };
		struct design *dz = design_load(paths->designs, names[i], &d);

		if (dz == NULL) {
			fprintf(stderr, "bayraq: %s\n", d.msg);
			continue;
		}
		printf("%s:", names[i]);
		for (j = 0; j < dz->variant_count; j++) {
			char r[32];

			design_ratio_text(dz->variants[j].width /
						  dz->variants[j].height,
				r, sizeof r);
			printf(" %s", r);
		}
		printf("\n");
		design_free(dz);
	}
	design_names_free(names);
	return 0;
}

static int
list_countries(const struct job_paths *paths)
{
	struct diag d = { 0 };
	struct flags *fl = flags_new(paths->flags, paths->flagset, &d);
	const char *const *codes;
	size_t i;

	if (fl == NULL)
		return fail(&d);
	codes = flags_country_codes(fl);
	for (i = 0; codes[i] != NULL; i++)
		printf("%s  %s\n", codes[i], flags_country_name(fl, codes[i]));
	flags_free(fl);
	return 0;
}

static void
print_size(const char *name, const double box[4])
{
	double w = box[2] - box[0], h = box[3] - box[1];

	printf("%-12s %.1f x %.1f mm (%.2f x %.2f in)\n", name, PAPER_MM(w),
		PAPER_MM(h), w / 72, h / 72);
}

static void
print_report(const char *path, const struct preflight *pf)
{
	const double *b = pf->bleed_side;

	printf("%s\n", path);
	printf("%-12s %zu\n", "pages", pf->pages);
	printf("%-12s %s\n", "PDF", pf->version);
	print_size("trim", pf->trim);
	print_size("bleed box", pf->bleed);
	print_size("media", pf->media);
	printf("%-12s left %.1f, top %.1f, right %.1f, bottom %.1f mm\n",
		"bleed", PAPER_MM(b[0]), PAPER_MM(b[1]), PAPER_MM(b[2]),
		PAPER_MM(b[3]));
	if (pf->user_unit != 1)
		printf("%-12s %g\n", "UserUnit", pf->user_unit);
	printf("%-12s %s\n", "PDF/X", pf->pdfx[0] ? pf->pdfx : "no");
	if (pf->intent[0])
		printf("%-12s %s (%s profile, %s)\n", "intent", pf->intent,
			pf->intent_space, pf->intent_class);
	else
		printf("%-12s none\n", "intent");
	printf("%-12s %zu, %zu embedded\n", "fonts", pf->fonts,
		pf->fonts_embedded);
	printf("%-12s %s\n", "colour", pf->colour_spaces);
	if (pf->images > 0)
		printf("%-12s %zu, lowest %.0f ppi at printed size\n", "images",
			pf->images, pf->min_ppi);
	else
		printf("%-12s none (all vector)\n", "images");
	if (pf->has_text)
		printf("%-12s nearest %.1f mm from the trim (safe margin "
		       "%.1f mm)\n",
			"text", PAPER_MM(pf->text_margin), PAPER_MM(pf->safe));
	if (pf->problem_count == 0)
		printf("ready to print\n");
	else
		printf("NOT ready to print: %zu problem%s\n", pf->problem_count,
			pf->problem_count == 1 ? "" : "s");
}

/* Report on stdout; each problem one line on stderr; 0 only when ready. */
static int
cmd_preflight(int argc, char **argv)
{
	struct diag d = { 0 };
	struct preflight pf;
	const char *path = NULL;
	double safe = -1;
	int i;
	size_t k;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--safe") == 0 && i + 1 < argc) {
			if (paper_length(argv[++i], "--safe", &safe, &d) < 0)
				return fail(&d);
		} else if (strcmp(argv[i], "--help") == 0) {
			printf("usage: bayraq preflight [--safe LEN] FILE.pdf\n"
			       "Checks trim, bleed, PDF/X, output intent, "
			       "fonts, colour, images and text\n"
			       "position. Exit status 0: ready to print.\n");
			return 0;
		} else if (argv[i][0] == '-' || path != NULL) {
			return usage_error("unexpected argument '%.40s'",
				argv[i]);
		} else {
			path = argv[i];
		}
	}
	if (path == NULL)
		return usage_error("preflight needs a PDF file");
	if (preflight_check(&pf, path, safe, &d) < 0)
		return fail(&d);
	print_report(path, &pf);
	for (k = 0; k < pf.problem_count; k++)
		fprintf(stderr, "bayraq: %s: %s\n", path, pf.problems[k]);
	return pf.problem_count == 0 ? 0 : 1;
}

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct progress {
	int tty;
	double start;
	const char *csv;
};

/* One line per row; on a terminal a bar on stderr, failures above it. */
static void
print_row(const struct batch *b, const struct batch_row *r, size_t done,
	size_t total, void *arg)
{
	struct progress *p = arg;
	size_t i, failed = 0;

	(void)b;
	if (r->state == ROW_FAILED)
		fprintf(stderr, "%sbayraq: %s:%zu: %s\n",
			p->tty ? "\r\033[K" : "", p->csv, r->line, r->error);
	if (!p->tty) {
		printf("%s:%zu: %s", p->csv, r->line,
			r->state == ROW_DONE	  ? "done"
			: r->state == ROW_SKIPPED ? "up to date"
						  : "failed");
		for (i = 0; r->state != ROW_FAILED && r->outputs[i] != NULL;
			i++)
			printf(" %s", r->outputs[i]);
		printf("\n");
		fflush(stdout);
		return;
	}
	for (i = 0; i < b->row_count; i++)
		failed += b->rows[i].state == ROW_FAILED;
	{
		double t = g_get_monotonic_time() / 1e6 - p->start;
		double eta = done > 0
				     ? t / (double)done * (double)(total - done)
				     : 0;
		int width = 30,
		    fill = (int)(width * done / (total ? total : 1));

		fprintf(stderr,
			"\r[%.*s%*s] %zu/%zu rows, %zu failed, ETA %d:%02d ",
			fill, "##############################", width - fill,
			"", done, total, failed, (int)eta / 60, (int)eta % 60);
	}
}

static int
cmd_batch(int argc, char **argv, const struct job_paths *paths)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "output", required_argument, NULL, 'o' },
		{ "contact-sheet", required_argument, NULL, 'S' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct diag d = { 0 };
	struct batch b;
	struct progress prog = { 0, 0, NULL };
	const char *outdir = JOB_DEFAULT_OUTPUT, *contact = NULL;
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	int c, force = 0, rc;
	size_t failed, i, done = 0, skipped = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			jobs = strtol(optarg, NULL, 10);
			if (jobs < 1 || jobs > 64)
				return usage_error("-j takes 1 to 64, not "
						   "'%.10s'",
					optarg);
			break;
		case 'o':
			outdir = optarg;
			break;
		case 'S':
			contact = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'h':
			fputs(batch_help, stdout);
			return 0;
		case ':':
			return usage_error("option '%.40s' needs a value",
				argv[optind - 1]);
		default:
			return usage_error("unknown option '%.40s'",
				argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return usage_error("batch takes one CSV file");
	if (batch_load(&b, argv[optind], outdir, &d) < 0) {
		batch_release(&b);
		return fail(&d);
	}
	b.force = force;
	batch_check(&b, paths);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	prog.tty = isatty(2);
	prog.start = g_get_monotonic_time() / 1e6;
	prog.csv = argv[optind];
	failed = batch_run(&b, paths, (size_t)jobs, print_row, &prog,
		&interrupted);
	if (prog.tty)
		fputs("\n", stderr);
	for (i = 0; i < b.row_count; i++) {
		done += b.rows[i].state == ROW_DONE;
		skipped += b.rows[i].state == ROW_SKIPPED;
	}
	fprintf(stderr,
		"bayraq: %zu rows: %zu done, %zu up to date, %zu failed",
		b.row_count, done, skipped, failed);
	if (done + skipped + failed < b.row_count)
		fprintf(stderr, ", %zu not started",
			b.row_count - done - skipped - failed);
	for (i = 0, c = 0; i < b.row_count; i++)
		if (b.rows[i].state == ROW_FAILED)
			fprintf(stderr, "%s%zu", c++ ? ", " : " (lines ",
				b.rows[i].line);
	fprintf(stderr, "%s\n", c ? ")" : "");
	rc = failed > 0 ? 1 : 0;
	if (interrupted) {
		fprintf(stderr, "bayraq: interrupted: finished files are "
				"complete; run again to do the rest\n");
		rc = 130;
	} else if (contact != NULL) {
		struct library *lib = library_new(paths);

		if (batch_contact_sheet(&b, lib, contact, &d) < 0)
			rc = fail(&d);
		library_free(lib);
	}
	batch_release(&b);
	return rc;
}

static int
cmd_list(int argc, char **argv, const struct job_paths *paths)
{
	const char *what = argc > 1 ? argv[1] : "";
	char desc[96];
	const char *name;
	size_t i;

	if (strcmp(what, "designs") == 0)
		return list_designs(paths);
	if (strcmp(what, "languages") == 0)
		return list_languages(paths);
	if (strcmp(what, "countries") == 0)
		return list_countries(paths);
	if (strcmp(what, "sizes") == 0) {
		for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL;
			i++)
			printf("%-16s %s\n", name, desc);
		printf("%-16s %s\n", "WxH",
			"custom: 594x841mm, 24x36in, "
			"1200x628px (units mm cm in pt px)");
		return 0;
	}
	fprintf(stderr,
		"bayraq: unknown list '%s' (expected designs, languages, "
		"sizes, countries)\n",
		what);
	return 2;
}

int
main(int argc, char **argv)
{
	struct job_paths paths;
	char *owned[4];
	int rc, i;

	if (argc < 2)
		return usage_error("missing command (render, layout, list)");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
		strcmp(argv[1], "help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("bayraq %s\n", BAYRAQ_VERSION);
		return 0;
	}
	paths_init(&paths, owned);
	if (strcmp(argv[1], "render") == 0)
		rc = cmd_render(argc - 1, argv + 1, &paths, MODE_RENDER);
	else if (strcmp(argv[1], "layout") == 0)
		rc = cmd_render(argc - 1, argv + 1, &paths, MODE_LAYOUT);
	else if (strcmp(argv[1], "tile") == 0)
		rc = cmd_render(argc - 1, argv + 1, &paths, MODE_TILE);
	else if (strcmp(argv[1], "list") == 0)
		rc = cmd_list(argc - 1, argv + 1, &paths);
	else if (strcmp(argv[1], "preflight") == 0)
		rc = cmd_preflight(argc - 1, argv + 1);
	else if (strcmp(argv[1], "batch") == 0)
		rc = cmd_batch(argc - 1, argv + 1, &paths);
	else
		rc = usage_error("unknown command '%.30s' (expected render, "
				 "layout, tile, batch, list, preflight)",
			argv[1]);
	for (i = 0; i < 4; i++)
		free(owned[i]);
	return rc;
}
