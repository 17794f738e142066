/* commands.h - the commands, one cmd-<name>.c each, for main.c's table. */
#ifndef BAYRAQ_COMMANDS_H
#define BAYRAQ_COMMANDS_H

#include "cli/cli.h"
#include "cli/progress.h"
#include "run/job.h"

extern const struct command command_render; /* cmd-render.c */
extern const struct command command_layout; /* cmd-layout.c */
extern const struct command command_tile; /* cmd-tile.c */
extern const struct command command_batch; /* cmd-batch.c */
extern const struct command command_list; /* cmd-list.c */
extern const struct command command_preflight; /* cmd-preflight.c */

/* The options of render, layout and tile, parsed. */
struct job_args {
	struct job_opts opts;
	int progress_lines; /* --progress */
	struct progress progress;
};

/*
 * Parses the command's job options into a, with render's defaults (the
 * cores as -j). Returns -1 to go on, or an exit status (help shown, or a
 * usage error printed).
 */
int job_args_parse(struct job_args *a, const struct command *cmd, int argc,
	char **argv);

#endif
