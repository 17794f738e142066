/* cmd-pot.c - bayraq pot: the translators' template, from en.po and designs. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "input/template.h"

static int
no_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	(void)id;
	(void)value;
	(void)arg;
	return diag_set(d, DIAG_USAGE, "pot takes no options");
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct diag d = { 0 };
	int first, rc = options_parse(cmd, argc, argv, no_option, NULL, &first);

	if (rc >= 0)
		return rc;
	if (argc - first > 1)
		return cli_usage_error(cmd, "pot takes one file name at most");
	if (template_write(cli->paths, first < argc ? argv[first] : "-", &d) <
		0)
		return cli_fail(&d);
	return 0;
}

const struct command command_pot = { "pot", run, 0, "[FILE]",
	"the translators' template (make pot)",
	"Writes the template translators start from (locales/bayraq.pot) to "
	"FILE, or to\n"
	"the standard output: every text of locales/en.po, with where each "
	"design\n"
	"shows it (#: designs/NAME/FILE.svg:LINE) and about how many "
	"characters fit a\n"
	"line of that slot at its smallest size. 'make pot' runs it; 'make "
	"po' then\n"
	"merges the template into every language.\n"
	"\n"
	"Example:\n"
	"  bayraq pot locales/bayraq.pot" };
