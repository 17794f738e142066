/* cmd-layout.c - bayraq layout: where each slot's text and flag go. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "layout/render.h"

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

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct diag d = { 0 };
	struct job_args a;
	struct library *lib;
	struct job *job;
	int rc = job_args_parse(&a, cmd, argc, argv);

	if (rc >= 0)
		return rc;
	/* Nothing is written: no file names to check. */
	a.opts.formats = "pdf";
	lib = library_new(cli->paths);
	job = job_resolve(&a.opts, lib, &d);
	rc = job != NULL ? job_layout(job, lib, print_item, NULL, &d) : -1;
	job_free(job);
	library_free(lib);
	return rc < 0 ? cli_fail(&d) : 0;
}

const struct command command_layout = { "layout", run, OPTS_COMMON, "[options]",
	"show where each slot's text and flag go",
	"Fits every text as 'bayraq render' would and prints, one line per "
	"slot, where\n"
	"it goes in points from the page's top left: the slot, the ink of "
	"the text or\n"
	"the flag, the font size and the number of lines. Writes no file.\n"
	"\n"
	"Example:\n"
	"  bayraq layout --lang de --city Berlin --country DE --size A1" };
