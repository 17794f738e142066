/* cmd-layout.c - bayraq layout: where each slot's text and flag go. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "layout/render.h"

static void
print_item(const struct banner_item *it, void *arg)
{
	size_t i;

	(void)arg;
	if (strcmp(it->kind, "logo") == 0)
		printf("logo %s slot %.2f %.2f %.2f %.2f logo %.2f %.2f %.2f "
		       "%.2f\n",
			it->slot, it->x, it->y, it->w, it->h, it->ix, it->iy,
			it->iw, it->ih);
	else if (strcmp(it->kind, "flag") == 0)
		printf("flag %s %s slot %.2f %.2f %.2f %.2f flag %.2f %.2f "
		       "%.2f %.2f\n",
			it->slot, it->what, it->x, it->y, it->w, it->h, it->ix,
			it->iy, it->iw, it->ih);
	else
		printf("text %s size %.2f lines %zu slot %.2f %.2f %.2f %.2f "
		       "ink %.2f %.2f %.2f %.2f %s\n",
			it->slot, it->size, it->line_count, it->x, it->y, it->w,
			it->h, it->ix, it->iy, it->iw, it->ih, it->what);
	for (i = 0; strcmp(it->kind, "text") == 0 && i < it->line_count &&
		    i < sizeof it->line_ink / sizeof it->line_ink[0];
		i++)
		printf("line %s %zu ink %.2f %.2f %.2f %.2f %.*s\n", it->slot,
			i + 1, it->line_ink[i][0], it->line_ink[i][1],
			it->line_ink[i][2], it->line_ink[i][3],
			(int)it->line_length[i], it->line_text[i]);
}

static int
layout(const struct job *job, struct library *lib, struct diag *d)
{
	return job_layout(job, lib, print_item, NULL, d);
}

/* Nothing is written: a PDF's name only, never a raster's size caps. */
static void
no_files(struct job_opts *o)
{
	o->formats = "pdf";
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	return job_args_main(cmd, argc, argv, cli, no_files, layout);
}

const struct command command_layout = { "layout", run, OPTS_COMMON, "[options]",
	"show where each slot's text and flag go",
	"Fits every text as 'bayraq render' would and prints, one line per "
	"slot, where\n"
	"it goes in points from the page's top left: the slot, the ink of "
	"the text or\n"
	"the flag, the font size and the number of lines, then the ink and "
	"the text of\n"
	"each line ('line SLOT N ink X Y W H TEXT'). Writes no file.\n"
	"\n"
	"Example:\n"
	"  bayraq layout --lang de --city Berlin --country DE --size A1" };
