/* cmd-render.c - bayraq render: one banner, in every format asked for. */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"

static int
render(const struct job *job, struct library *lib, struct diag *d)
{
	return job_run(job, lib, cli_print_path, NULL, d);
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	return job_args_main(cmd, argc, argv, cli, NULL, render);
}

const struct command command_render = { "render", run,
	OPTS_COMMON | OPTS_OUTPUT | OPTS_FORMAT | OPTS_RASTER | OPTS_PRINT,
	"[options]", "make a banner (PDF, PNG, SVG, TIFF)",
	"Makes a print-ready banner for one city, language and size, and "
	"prints the\n"
	"name of every file it wrote.\n"
	"\n"
	"Files in a folder are named DESIGN-LANG-CITY-SIZE.EXT, for example\n"
	"out/liberate-crimea-uk-kyiv-A2.pdf. Every file is written in full "
	"or not\n"
	"at all. Exit status: 0 done, 1 the banner cannot be made (text does "
	"not\n"
	"fit, a glyph is missing, a file cannot be written), 2 a bad option.\n"
	"\n"
	"Examples:\n"
	"  bayraq render --lang uk --city Київ --country PL --size A2\n"
	"  bayraq render --lang ar --city \"عمان\" --country JO --size "
	"banner-3x1m \\\n"
	"                -o out/amman.pdf\n"
	"  bayraq render --lang ka --city თბილისი --country GE --size A3 "
	"--orientation landscape\n"
	"  bayraq render --lang de --city Berlin --country DE --size A1 "
	"--print --marks" };
