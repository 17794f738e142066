/* cmd-list.c - bayraq list: the designs, languages, sizes and countries. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "input/catalog.h"
#include "input/design.h"
#include "input/flags.h"
#include "input/library.h"
#include "input/paper.h"

/*
 * Each language with how much of it is translated (the printed texts of
 * bayraq.pot); an unfinished one only with --all, and then with what a
 * translator has to do first (file:line).
 */
static int
languages(const struct paths *paths, int all)
{
	char **tags = library_languages(paths);
	struct library *lib = library_new(paths);
	struct diag kd = { 0 };
	char **keys = library_printed_keys(paths, &kd);
	size_t i, total = keys != NULL ? g_strv_length(keys) : 0;
	int status = 0;

	if (keys == NULL)
		status = cli_fail(&kd);
	for (i = 0; keys != NULL && tags[i] != NULL; i++) {
		struct diag d = { 0 }, first = { 0 };
		const struct catalog *cat = library_catalog(lib, tags[i], &d);
		size_t done;
		char count[32];

		if (cat == NULL) {
			status = cli_fail(&d);
			continue;
		}
		done = catalog_translated(cat, (const char *const *)keys,
			&first);
		if (done < total && !all)
			continue;
		snprintf(count, sizeof count, "%zu/%zu", done, total);
		printf("%-6s %-10s %-7s %s%s\n", tags[i], catalog_language(cat),
			count, catalog_name(cat),
			catalog_reviewed(cat) ? ""
					      : " (not yet reviewed by a "
						"native speaker)");
		if (done < total)
			printf("       unfinished: %s\n", first.msg);
	}
	g_strfreev(keys);
	library_free(lib);
	library_languages_free(tags);
	return status;
}

static int
list_languages(const struct paths *paths)
{
	return languages(paths, 0);
}

static int
list_designs(const struct paths *paths)
{
	char **names = design_names(paths->designs);
	size_t i, j;
	int status = 0;

	for (i = 0; names[i] != NULL; i++) {
		struct diag d = { 0 };
		struct design *dz = design_load(paths->designs, names[i], &d);

		if (dz == NULL) {
			status = cli_fail(&d);
			continue;
		}
		printf("%s:", names[i]);
		for (j = 0; j < design_variant_count(dz); j++) {
			char r[32];

			design_ratio_text(design_variant_ratio(dz, j), r,
				sizeof r);
			printf(" %s", r);
		}
		printf("\n");
		design_free(dz);
	}
	design_names_free(names);
	return status;
}

static int
list_countries(const struct paths *paths)
{
	struct diag d = { 0 };
	struct flags *fl = flags_new(paths->flags, paths->flagset, &d);
	const char *const *codes;
	size_t i;

	if (fl == NULL)
		return cli_fail(&d);
	codes = flags_country_codes(fl);
	for (i = 0; codes[i] != NULL; i++)
		printf("%s  %s\n", codes[i], flags_country_name(fl, codes[i]));
	flags_free(fl);
	return 0;
}

static int
list_sizes(const struct paths *paths)
{
	char desc[96];
	const char *name;
	size_t i;

	(void)paths;
	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++)
		printf("%-16s %s\n", name, desc);
	printf("%-16s %s\n", "WxH",
		"custom: 594x841mm, 24x36in, 1200x628px (units mm cm in pt "
		"px)");
	return 0;
}

static const struct {
	const char *name;
	int (*list)(const struct paths *paths);
} lists[] = {
	{ "designs", list_designs },
	{ "languages", list_languages },
	{ "sizes", list_sizes },
	{ "countries", list_countries },
};

#define LIST_COUNT (sizeof lists / sizeof lists[0])

static int
list_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	(void)value;
	if (id != OPT_LIST_ALL)
		return diag_set(d, DIAG_USAGE, "list takes only --all");
	*(int *)arg = 1;
	return 0;
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	const char *names[LIST_COUNT], *near;
	int all = 0, first,
	    rc = options_parse(cmd, argc, argv, list_option, &all, &first);
	size_t i;

	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd,
			"list takes one word: designs, languages, sizes or "
			"countries");
	if (all && strcmp(argv[first], "languages") != 0)
		return cli_usage_error(cmd, "--all is for list languages");
	if (all)
		return languages(cli->paths, 1);
	for (i = 0; i < LIST_COUNT; i++) {
		if (strcmp(argv[first], lists[i].name) == 0)
			return lists[i].list(cli->paths);
		names[i] = lists[i].name;
	}
	near = cli_nearest(argv[first], names, LIST_COUNT);
	return cli_usage_error(cmd,
		"unknown list '%.30s' (%s%s%sexpected designs, languages, "
		"sizes, countries)",
		argv[first], near ? "did you mean '" : "", near ? near : "",
		near ? "'? " : "");
}

const struct command command_list = { "list", run, OPTS_LIST,
	"designs|languages|sizes|countries [--all]",
	"what there is to choose from",
	"Lists the designs with their aspect ratios, the languages with how "
	"much of\n"
	"them is translated and whether it is reviewed, the named sizes, or "
	"the\n"
	"countries whose flag bayraq has, one a line. An unfinished language "
	"is\n"
	"listed only with --all, with the first thing a translator has to "
	"do.\n"
	"\n"
	"Example:\n"
	"  bayraq list languages\n"
	"  bayraq list languages --all" };
