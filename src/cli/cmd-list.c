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
list_languages(const struct paths *paths, const char *lang)
{
	char **tags = library_languages(paths);
	struct library *lib = library_new(paths);
	size_t i;
	int status = 0;

	(void)lang;
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
			printf("%-8s %-10s %s%s\n", tags[i],
				catalog_language(cat), english,
				catalog_reviewed(cat) ? "" : NOT_REVIEWED);
		else
			printf("%-8s %-10s %s — %s%s\n", tags[i],
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
list_designs(const struct paths *paths, const char *lang)
{
	char **names = design_names(paths->designs);
	size_t i, j;
	int status = 0;

	(void)lang;
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

/* Code and current name; with --lang, the name in that language too. */
static int
list_countries(const struct paths *paths, const char *lang)
{
	struct diag d = { 0 };
	struct library *lib = library_new(paths);
	const struct flags *fl = library_flags(lib, &d);
	const char *const *codes;
	char local[128];
	size_t i;
	int status = 0;

	if (fl == NULL) {
		status = cli_fail(&d);
		goto out;
	}
	if (lang != NULL && flags_country_local_name(fl, "UA", lang, local,
				    sizeof local) < 0) {
		diag_set(&d, DIAG_USAGE,
			"no names of countries in language '%.30s' (ICU has "
			"none; "
			"try a tag "
			"such as de, uk or ka)",
			lang);
		status = cli_fail(&d);
		goto out;
	}
	codes = flags_country_codes(fl);
	for (i = 0; codes[i] != NULL; i++) {
		/* Never a host flag: job_resolve() says why, if typed. */
		if (strcmp(codes[i], "RU") == 0)
			continue;
		printf("%s  %s", codes[i], flags_country_name(fl, codes[i]));
		if (lang != NULL) {
			flags_country_local_name(fl, codes[i], lang, local,
				sizeof local);
			printf("  %s", local);
		}
		printf("\n");
	}
out:
	library_free(lib);
	return status;
}

static int
list_sizes(const struct paths *paths, const char *lang)
{
	char desc[96];
	const char *name;
	size_t i;

	(void)paths;
	(void)lang;
	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++)
		printf("%-16s %s\n", name, desc);
	printf("%-16s %s\n", "WxH",
		"custom: 594x841mm, 24x36in, 1200x628px (units mm cm in pt "
		"px)");
	return 0;
}

static const struct {
	const char *name;
	int (*list)(const struct paths *paths, const char *lang);
} lists[] = {
	{ "designs", list_designs },
	{ "languages", list_languages },
	{ "sizes", list_sizes },
	{ "countries", list_countries },
};

#define LIST_COUNT (sizeof lists / sizeof lists[0])

/* --lang, the one option: the names of countries in a language. */
static int
take_lang(enum option_id id, const char *value, void *arg, struct diag *d)
{
	if (id != OPT_LIST_LANG)
		return diag_set(d, DIAG_USAGE, "list takes only --lang");
	*(const char **)arg = value;
	return 0;
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	const char *names[LIST_COUNT], *near, *lang = NULL;
	int first,
		rc = options_parse(cmd, argc, argv, take_lang, &lang, &first);
	size_t i;

	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd,
			"list takes one word: designs, languages, sizes or "
			"countries");
	for (i = 0; i < LIST_COUNT; i++) {
		if (strcmp(argv[first], lists[i].name) == 0 && lang != NULL &&
			strcmp(argv[first], "countries") != 0)
			return cli_usage_error(cmd,
				"--lang goes with 'list countries' only");
		if (strcmp(argv[first], lists[i].name) == 0)
			return lists[i].list(cli->paths, lang);
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
	"designs|languages|sizes|countries [--lang TAG]",
	"what there is to choose from",
	"Lists the designs with their aspect ratios, the languages with how "
	"far their\n"
	"translation is reviewed, the named sizes, or the flags bayraq has "
	"for the host\n"
	"country: code and current name (from iso-codes), and with --lang "
	"the name in\n"
	"that language (from ICU). --country takes any of these codes or "
	"names.\n"
	"\n"
	"Examples:\n"
	"  bayraq list languages\n"
	"  bayraq list countries --lang de" };
