/* cmd-list.c - bayraq list: the designs, languages, sizes and countries. */
#include <glib.h>
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

/*
 * Each language with how much of it is translated (the printed texts of
 * bayraq.pot) and its names from ICU (a PO's Language-Team is what
 * Weblate or Poedit wrote); an unfinished one only with --all, and then
 * with what a translator has to do first (file:line).
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
		char *own, *english;
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
		own = lang_name(catalog_language(cat), NULL);
		english = lang_name(catalog_language(cat), "en");
		if (strcmp(own, english) == 0)
			printf("%-8s %-10s %-7s %s%s\n", tags[i],
				catalog_language(cat), count, english,
				catalog_reviewed(cat) ? "" : NOT_REVIEWED);
		else
			printf("%-8s %-10s %-7s %s — %s%s\n", tags[i],
				catalog_language(cat), count, english, own,
				catalog_reviewed(cat) ? "" : NOT_REVIEWED);
		if (done < total)
			printf("         unfinished: %s\n", first.msg);
		free(own);
		free(english);
	}
	g_strfreev(keys);
	library_free(lib);
	library_languages_free(tags);
	return status;
}

static int
list_languages(const struct paths *paths, const char *lang)
{
	(void)lang;
	return languages(paths, 0);
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

struct list_opts {
	const char *lang; /* --lang: the names of countries in a language */
	int all; /* --all: also the unfinished languages */
};

static int
take_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	struct list_opts *o = arg;

	if (id == OPT_LIST_ALL)
		o->all = 1;
	else if (id == OPT_LIST_LANG)
		o->lang = value;
	else
		return diag_set(d, DIAG_USAGE,
			"list takes only --lang or --all");
	return 0;
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	const char *names[LIST_COUNT], *near, *lang;
	struct list_opts o = { NULL, 0 };
	int first, rc = options_parse(cmd, argc, argv, take_option, &o, &first);
	size_t i;

	if (rc >= 0)
		return rc;
	if (first + 1 != argc)
		return cli_usage_error(cmd,
			"list takes one word: designs, languages, sizes or "
			"countries");
	lang = o.lang;
	if (o.all && strcmp(argv[first], "languages") != 0)
		return cli_usage_error(cmd,
			"--all goes with 'list languages' only");
	if (o.all)
		return languages(cli->paths, 1);
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
	"designs|languages|sizes|countries [--lang TAG] [--all]",
	"what there is to choose from",
	"Lists the designs with their aspect ratios, the languages with how "
	"much of\n"
	"them is translated and whether it is reviewed (an unfinished one "
	"only with\n"
	"--all, with the first thing a translator has to do), the named "
	"sizes, or\n"
	"the flags bayraq has for the host country: code and current name "
	"(from\n"
	"iso-codes), and with --lang the name in that language (from ICU). "
	"--country\n"
	"takes any of these codes or names.\n"
	"\n"
	"Examples:\n"
	"  bayraq list languages\n"
	"  bayraq list languages --all\n"
	"  bayraq list countries --lang de" };
