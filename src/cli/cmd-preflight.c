/* cmd-preflight.c - bayraq preflight: is a PDF ready for the print shop? */
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "input/paper.h"
#include "run/preflight.h"

struct preflight_args {
	double safe;
	double ink_limit;
	int json;
};

static int
preflight_option(enum option_id id, const char *value, void *arg,
	struct diag *d)
{
	struct preflight_args *a = arg;

	if (id == OPT_PREFLIGHT_JSON) {
		a->json = 1;
		return 0;
	}
	if (id == OPT_PREFLIGHT_INK_LIMIT) {
		char *end = NULL;

		a->ink_limit = g_ascii_strtod(value, &end);
		if (end == value || *end != '\0' || !(a->ink_limit >= 100) ||
			a->ink_limit > 400)
			return diag_set(d, DIAG_USAGE,
				"bad --ink-limit '%s' (expected a percentage "
				"from 100 to 400, such as 300)",
				value);
		return 0;
	}
	return paper_length(value, "--safe", &a->safe, d);
}

static void
print_size(const char *name, const double box[4])
{
	double w = box[2] - box[0], h = box[3] - box[1];

	printf("%-12s %.1f x %.1f mm (%.2f x %.2f in)\n", name, PAPER_MM(w),
		PAPER_MM(h), w / 72, h / 72);
}

/* Each image's resolution as it prints, in words a non-printer reads. */
static void
print_images(const struct preflight *pf)
{
	const struct preflight_image *im = pf->image;
	size_t i;

	for (i = 0; i < pf->image_count; i++)
		printf("%-12s page %zu: %d x %d px printed %.0f x %.0f mm, "
		       "%.0f ppi%s\n",
			i == 0 ? "image ppi" : "", im[i].page, im[i].width,
			im[i].height, im[i].w_mm, im[i].h_mm, im[i].ppi,
			im[i].ppi < PREFLIGHT_MIN_PPI
				? " (too few pixels: it will print blurry)"
				: "");
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
	if (pf->page[0].rotate != 0)
		printf("%-12s %d degrees (sizes as seen)\n", "rotated",
			pf->page[0].rotate);
	if (pf->encrypted)
		printf("%-12s %s\n", "encrypted",
			pf->print_allowed ? "yes, printing allowed"
					  : "yes, printing forbidden");
	printf("%-12s %s\n", "PDF/X", pf->pdfx[0] ? pf->pdfx : "no");
	if (pf->intent[0])
		printf("%-12s %s (%s profile, %s)\n", "intent", pf->intent,
			pf->intent_space, pf->intent_class);
	else
		printf("%-12s none\n", "intent");
	/*
	 * The identifier is what a RIP matches ("CGATS TR 006"); the name
	 * is what a person knows, and what --intent is called ("GRACoL").
	 */
	if (pf->intent_info[0] && strcmp(pf->intent_info, pf->intent) != 0)
		printf("%-12s %s\n", "", pf->intent_info);
	printf("%-12s %zu, %zu embedded\n", "fonts", pf->fonts,
		pf->fonts_embedded);
	printf("%-12s %s\n", "colour", pf->colour_spaces);
	if (pf->images > 0)
		printf("%-12s %zu, lowest %.0f ppi at printed size\n", "images",
			pf->images, pf->min_ppi);
	else
		printf("%-12s none (all vector)\n", "images");
	print_images(pf);
	if (pf->has_text)
		printf("%-12s nearest %.1f mm from the trim (safe margin "
		       "%.1f mm), smallest %.1f pt\n",
			"text", PAPER_MM(pf->text_margin), PAPER_MM(pf->safe),
			pf->min_text_pt);
	if (isfinite(pf->min_line_pt))
		printf("%-12s thinnest %.2f pt\n", "lines", pf->min_line_pt);
	if (pf->max_ink >= 0)
		printf("%-12s at most %.0f%% (C+M+Y+K; %s allows %.0f%%)\n",
			"ink", pf->max_ink, pf->intent, pf->ink_limit);
	else
		printf("%-12s %s\n", "ink", pf->ink_note);
	if (pf->problem_count == 0)
		printf("ready to print\n");
	else
		printf("NOT ready to print: %zu problem%s\n", pf->problem_count,
			pf->problem_count == 1 ? "" : "s");
}

static void
json_mm(JsonBuilder *b, const char *name, double pt)
{
	json_builder_set_member_name(b, name);
	if (isfinite(pt))
		json_builder_add_double_value(b,
			round(PAPER_MM(pt) * 100) / 100);
	else
		json_builder_add_null_value(b);
}

static void
json_number(JsonBuilder *b, const char *name, double v)
{
	json_builder_set_member_name(b, name);
	if (isfinite(v))
		json_builder_add_double_value(b, round(v * 100) / 100);
	else
		json_builder_add_null_value(b);
}

static void
json_box(JsonBuilder *b, const char *name, const double box[4])
{
	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	json_mm(b, "width_mm", box[2] - box[0]);
	json_mm(b, "height_mm", box[3] - box[1]);
	json_builder_end_object(b);
}

static void
json_page(JsonBuilder *b, const struct preflight_page *pg)
{
	static const char *const sides[4] = { "left", "top", "right",
		"bottom" };
	int i;

	json_builder_begin_object(b);
	json_number(b, "user_unit", pg->user_unit);
	json_builder_set_member_name(b, "rotate");
	json_builder_add_int_value(b, pg->rotate);
	json_builder_set_member_name(b, "has_trim_box");
	json_builder_add_boolean_value(b, pg->has_trim);
	json_builder_set_member_name(b, "has_bleed_box");
	json_builder_add_boolean_value(b, pg->has_bleed);
	json_box(b, "trim", pg->trim);
	json_box(b, "bleed_box", pg->bleed);
	json_box(b, "media", pg->media);
	json_box(b, "crop", pg->crop);
	json_builder_set_member_name(b, "bleed_mm");
	json_builder_begin_object(b);
	for (i = 0; i < 4; i++)
		json_mm(b, sides[i], pg->bleed_side[i]);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "white_bleed");
	json_builder_begin_array(b);
	for (i = 0; i < 4; i++)
		if (pg->white_bleed[i])
			json_builder_add_string_value(b, sides[i]);
	json_builder_end_array(b);
	json_mm(b, "text_margin_mm", pg->has_text ? pg->text_margin : NAN);
	json_number(b, "smallest_text_pt", pg->min_text_pt);
	json_number(b, "thinnest_line_pt", pg->min_line_pt);
	json_builder_set_member_name(b, "images");
	json_builder_add_int_value(b, (gint64)pg->images);
	json_number(b, "lowest_image_ppi", pg->min_ppi);
	json_number(b, "max_ink_percent", pg->max_ink >= 0 ? pg->max_ink : NAN);
	json_builder_end_object(b);
}

static void
print_json(const char *path, const struct preflight *pf)
{
	JsonBuilder *b = json_builder_new();
	JsonGenerator *gen = json_generator_new();
	JsonNode *root;
	char *text, line[320];
	size_t i;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "file");
	json_builder_add_string_value(b, path);
	json_builder_set_member_name(b, "ready");
	json_builder_add_boolean_value(b, pf->problem_count == 0);
	json_builder_set_member_name(b, "problems");
	json_builder_begin_array(b);
	for (i = 0; i < pf->problem_count; i++) {
		preflight_problem_line(pf, i, line, sizeof line);
		json_builder_add_string_value(b, line);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, "pdf_version");
	json_builder_add_string_value(b, pf->version);
	json_builder_set_member_name(b, "pdfx");
	json_builder_add_string_value(b, pf->pdfx);
	json_builder_set_member_name(b, "output_intent");
	json_builder_add_string_value(b, pf->intent);
	json_builder_set_member_name(b, "output_intent_name");
	json_builder_add_string_value(b, pf->intent_info);
	json_builder_set_member_name(b, "intent_profile");
	json_builder_add_string_value(b, pf->intent_space);
	json_builder_set_member_name(b, "encrypted");
	json_builder_add_boolean_value(b, pf->encrypted);
	json_builder_set_member_name(b, "printing_allowed");
	json_builder_add_boolean_value(b, pf->print_allowed);
	json_builder_set_member_name(b, "fonts");
	json_builder_add_int_value(b, (gint64)pf->fonts);
	json_builder_set_member_name(b, "fonts_embedded");
	json_builder_add_int_value(b, (gint64)pf->fonts_embedded);
	json_builder_set_member_name(b, "colour_spaces");
	json_builder_add_string_value(b, pf->colour_spaces);
	json_mm(b, "safe_margin_mm", pf->safe);
	json_number(b, "ink_limit_percent", pf->ink_limit);
	json_number(b, "max_ink_percent", pf->max_ink >= 0 ? pf->max_ink : NAN);
	json_builder_set_member_name(b, "pages");
	json_builder_begin_array(b);
	for (i = 0; i < pf->pages; i++)
		json_page(b, &pf->page[i]);
	json_builder_end_array(b);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	json_generator_set_pretty(gen, TRUE);
	text = json_generator_to_data(gen, NULL);
	printf("%s\n", text);
	g_free(text);
	json_node_unref(root);
	g_object_unref(gen);
	g_object_unref(b);
}

/* Report on stdout; each problem one line on stderr; 0 only when ready. */
static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct diag d = { 0 };
	struct preflight pf;
	struct preflight_args a = { -1, -1, 0 };
	int first, rc = options_parse(cmd, argc, argv, preflight_option, &a,
			   &first);
	char line[320];
	size_t k;

	(void)cli;
	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd, "preflight takes one PDF file");
	if (preflight_check(&pf, argv[first], a.safe, a.ink_limit, &d) < 0) {
		preflight_free(&pf);
		return cli_fail(&d);
	}
	if (a.json) {
		print_json(argv[first], &pf);
	} else {
		print_report(argv[first], &pf);
	}
	for (k = 0; k < pf.problem_count; k++) {
		preflight_problem_line(&pf, k, line, sizeof line);
		cli_error("%s: %s", argv[first], line);
	}
	rc = pf.problem_count == 0 ? 0 : 1;
	preflight_free(&pf);
	return rc;
}

const struct command command_preflight = { "preflight", run, OPTS_PREFLIGHT,
	"FILE.pdf [--safe LEN] [--json]", "check a PDF as a print shop would",
	"Checks every page as a print shop's prepress would: trim, bleed and\n"
	"whether the artwork fills it, PDF/X, the output intent, encryption,\n"
	"fonts, colour, images, hairlines, small text and where the text is.\n"
	"Prints a report (--json: as JSON); each problem is one line on\n"
	"stderr. Exit status 0: ready to print.\n"
	"\n"
	"Example:\n"
	"  bayraq preflight out/liberate-crimea-de-berlin-A1.pdf" };
