/* cmd-tile.c - bayraq tile: the banner in sheets for a home printer. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "layout/tile.h"

static int
tile(const struct job *job, struct library *lib, struct diag *d)
{
	const struct tiling *t = job_tiling(job);

	if (job_run(job, lib, cli_print_path, NULL, d) < 0)
		return -1;
	fprintf(stderr, "bayraq: %zu sheets of %s, %s: %zu across, %zu down\n",
		t->cols * t->rows, t->sheet_name,
		t->landscape ? "landscape" : "portrait", t->cols, t->rows);
	return 0;
}

static void
tiles_only(struct job_opts *o)
{
	o->tiles_only = 1;
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	return job_args_main(cmd, argc, argv, cli, tiles_only, tile);
}

const struct command command_tile = { "tile", run,
	OPTS_COMMON | OPTS_OUTPUT | OPTS_TILE, "[options]",
	"the banner in A4 or letter sheets to glue",
	"Cuts a banner into sheets for the printer at home, as one vector "
	"PDF: a page\n"
	"that shows how to put it together, with a 100 mm bar to check the "
	"print scale,\n"
	"then one page per sheet, numbered 1, 2, 3... Neighbouring sheets "
	"overlap: glue\n"
	"each sheet over the hatched strip of the one before it, after "
	"cutting along its\n"
	"dashed line; the art runs 3 mm past the line. All texts are in the "
	"banner's\n"
	"language. The sheet orientation that takes the fewest sheets is "
	"chosen;\n"
	"--sheets N makes the banner as large as N sheets allow.\n"
	"\n"
	"Example:\n"
	"  bayraq tile --lang uk --city Київ --country PL --size A1 --sheet A4 "
	"-o out/" };
