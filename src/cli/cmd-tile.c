/* cmd-tile.c - bayraq tile: the banner in sheets for a home printer. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "layout/tile.h"

static void
print_written(const char *path, void *arg)
{
	(void)arg;
	printf("%s\n", path);
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
	a.opts.tiles_only = 1;
	lib = library_new(cli->paths);
	job = job_resolve(&a.opts, lib, &d);
	rc = job != NULL ? job_run(job, lib, print_written, NULL, &d) : -1;
	if (rc == 0) {
		const struct tiling *t = job_tiling(job);

		fprintf(stderr,
			"bayraq: %zu sheets of %s, %s: %zu across, %zu down\n",
			t->cols * t->rows, t->sheet_name,
			t->landscape ? "landscape" : "portrait", t->cols,
			t->rows);
	}
	job_free(job);
	library_free(lib);
	return rc < 0 ? cli_fail(&d) : 0;
}

const struct command command_tile = { "tile", run,
	OPTS_COMMON | OPTS_OUTPUT | OPTS_TILE, "[options]",
	"the banner in A4 or letter sheets to glue",
	"Cuts a banner into sheets for the printer at home, as one vector "
	"PDF: a page\n"
	"that shows how to put it together, then one page per sheet, "
	"labelled A1, A2...\n"
	"Neighbouring sheets overlap: glue each sheet over the shaded strip "
	"of the one\n"
	"before it, after cutting along its dashed line. All texts are in "
	"the banner's\n"
	"language. The sheet orientation that takes the fewest sheets is "
	"chosen.\n"
	"\n"
	"Example:\n"
	"  bayraq tile --lang uk --city Київ --country PL --size A1 --sheet A4 "
	"-o out/" };
