/* cmd-preflight.c - bayraq preflight: is a PDF ready for the print shop? */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "input/paper.h"
#include "run/preflight.h"

static int
preflight_option(enum option_id id, const char *value, void *arg,
	struct diag *d)
{
	(void)id;
	return paper_length(value, "--safe", arg, d);
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
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct diag d = { 0 };
	struct preflight pf;
	double safe = -1;
	int first, rc = options_parse(cmd, argc, argv, preflight_option, &safe,
			   &first);
	size_t k;

	(void)cli;
	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd, "preflight takes one PDF file");
	if (preflight_check(&pf, argv[first], safe, &d) < 0)
		return cli_fail(&d);
	print_report(argv[first], &pf);
	for (k = 0; k < pf.problem_count; k++)
		cli_error("%s: %s", argv[first], pf.problems[k]);
	return pf.problem_count == 0 ? 0 : 1;
}

const struct command command_preflight = { "preflight", run, OPTS_PREFLIGHT,
	"FILE.pdf [--safe LEN]", "check a PDF as a print shop would",
	"Checks trim, bleed, PDF/X, the output intent, fonts, colour, images "
	"and\n"
	"where the text is, as a print shop's prepress would. Prints a "
	"report; each\n"
	"problem is one line on stderr. Exit status 0: ready to print.\n"
	"\n"
	"Example:\n"
	"  bayraq preflight out/liberate-crimea-de-berlin-A1.pdf" };
