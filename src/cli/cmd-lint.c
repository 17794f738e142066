/* cmd-lint.c - bayraq lint: a design's mistakes, before organizers see them. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "input/design.h"
#include "input/fonts.h"
#include "input/library.h"
#include "input/lint.h"

static int
lint_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	(void)id;
	(void)value;
	(void)d;
	*(int *)arg = 1;
	return 0;
}

static int
unknown_design(const struct paths *paths, const char *name, struct diag *d)
{
	char **names = design_names(paths->designs);

	diag_unknown(d, "design", name, names);
	design_names_free(names);
	return -1;
}

/* A design's name under designs/, else a folder or one SVG file. */
static int
lint_one(struct lint *l, const struct paths *paths, const char *what,
	char *const *keys, struct diag *d)
{
	char *dir = strchr(what, '/') == NULL
			    ? design_folder(paths->designs, what)
			    : NULL;

	if (dir != NULL) {
		lint_folder(l, dir, keys);
		free(dir);
		return 0;
	}
	if (g_file_test(what, G_FILE_TEST_IS_DIR)) {
		dir = xstrdup(what);
		while (strlen(dir) > 1 && dir[strlen(dir) - 1] == '/')
			dir[strlen(dir) - 1] = '\0';
		lint_folder(l, dir, keys);
		free(dir);
		return 0;
	}
	if (g_file_test(what, G_FILE_TEST_IS_REGULAR)) {
		lint_variant(l, what, keys);
		return 0;
	}
	return unknown_design(paths, what, d);
}

/* Findings on stdout, one a line, then the count; 1 on an error. */
static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct diag d = { 0 };
	struct lint l = { 0 };
	char **keys, **names = NULL;
	struct fonts *fonts;
	int strict = 0, first, i,
	    rc = options_parse(cmd, argc, argv, lint_option, &strict, &first);
	size_t k;

	if (rc >= 0)
		return rc;
	keys = library_banner_keys(cli->paths, &d);
	if (keys == NULL)
		return cli_fail(&d);
	fonts = fonts_load(cli->paths->fonts, &d);
	if (fonts == NULL) {
		g_strfreev(keys);
		return cli_fail(&d);
	}
	l.fonts = fonts;
	if (first == argc) {
		names = design_names(cli->paths->designs);
		for (k = 0; names[k] != NULL && rc < 0; k++)
			if (lint_one(&l, cli->paths, names[k], keys, &d) < 0)
				rc = cli_fail(&d);
	}
	for (i = first; i < argc && rc < 0; i++)
		if (lint_one(&l, cli->paths, argv[i], keys, &d) < 0)
			rc = cli_fail(&d);
	if (rc < 0) {
		for (k = 0; k < l.count; k++)
			printf("%s\n", l.findings[k].text);
		printf("%zu file%s: %zu error%s, %zu warning%s", l.files,
			l.files == 1 ? "" : "s", l.errors,
			l.errors == 1 ? "" : "s", l.warnings,
			l.warnings == 1 ? "" : "s");
		if (l.notes > 0)
			printf(", %zu note%s", l.notes,
				l.notes == 1 ? "" : "s");
		printf("\n");
		rc = l.errors > 0 || (strict && l.warnings > 0) ? 1 : 0;
	}
	lint_release(&l);
	design_names_free(names);
	g_strfreev(keys);
	fonts_free(fonts);
	return rc;
}

const struct command command_lint = { "lint", run, OPTS_LINT,
	"[DESIGN|FOLDER|FILE.svg ...] [--strict]",
	"check a design for mistakes, for designers",
	"Checks every variant of a design (every design without an argument) "
	"for the\n"
	"mistakes that would print a wrong banner: slot markup, keys, ids, "
	"flowed\n"
	"text, text that is the same in every language, missing or outside "
	"images,\n"
	"slots without area; and at every named size of each variant's "
	"ratio: text\n"
	"slots in the safe margin, contrast, legibility from a distance, "
	"images'\n"
	"resolution, filters' cost, a story's slots under the apps' bars. "
	"Each finding\n"
	"is one line, FILE:LINE: slot 'ID': what is wrong; what to do. Exit "
	"status 1\n"
	"if there is an error (with --strict, a warning too; a note never); "
	"'bayraq\n"
	"render' refuses a design with errors.\n"
	"\n"
	"Examples:\n"
	"  bayraq lint liberate-crimea\n"
	"  bayraq lint ~/my-design/poster.svg --strict" };
