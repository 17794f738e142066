/* cmd-list.c - bayraq list: the designs, languages, sizes and countries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "input/catalog.h"
#include "input/design.h"
#include "input/flags.h"
#include "input/lang.h"
#include "input/library.h"
#include "input/paper.h"

#define NOT_REVIEWED " (not yet reviewed by a native speaker)"

/* Names from ICU: a PO's Language-Team is what Weblate or Poedit wrote. */
static int
list_languages(const struct paths *paths)
{
	char **tags = library_languages(paths);
	struct library *lib = library_new(paths);
	size_t i;
	int status = 0;

	for (i = 0; tags[i] != NULL; i++) {
		struct diag d = { 0 };
		const struct catalog *cat = library_catalog(lib, tags[i], &d);
		char *own, *english;

		if (cat == NULL) {
			status = cli_fail(&d);
			continue;
		}
		own = lang_name(catalog_language(cat), NULL);
		english = lang_name(catalog_language(cat), "en");
		if (strcmp(own, english) == 0)
			printf("%-6s %-10s %s%s\n", tags[i],
				catalog_language(cat), english,
				catalog_reviewed(cat) ? "" : NOT_REVIEWED);
		else
			printf("%-6s %-10s %s — %s%s\n", tags[i],
				catalog_language(cat), english, own,
				catalog_reviewed(cat) ? "" : NOT_REVIEWED);
		free(own);
		free(english);
	}
	library_free(lib);
	library_languages_free(tags);
	return status;
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
no_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	(void)id;
	(void)value;
	(void)arg;
	return diag_set(d, DIAG_USAGE, "list takes no options");
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	const char *names[LIST_COUNT], *near;
	int first, rc = options_parse(cmd, argc, argv, no_option, NULL, &first);
	size_t i;

	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd,
			"list takes one word: designs, languages, sizes or "
			"countries");
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

const struct command command_list = { "list", run, 0,
	"designs|languages|sizes|countries", "what there is to choose from",
	"Lists the designs with their aspect ratios, the languages with how "
	"far their\n"
	"translation is reviewed, the named sizes, or the countries whose "
	"flag bayraq\n"
	"has, one a line.\n"
	"\n"
	"Example:\n"
	"  bayraq list languages" };
