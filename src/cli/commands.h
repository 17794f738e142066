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
extern const struct command command_serve; /* cmd-serve.c */
extern const struct command command_lint; /* cmd-lint.c */
extern const struct command command_proof; /* cmd-proof.c */
extern const struct command command_pot; /* cmd-pot.c */

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

/* What a command does with its resolved job. */
typedef int (*job_action_fn)(const struct job *job, struct library *lib,
	struct diag *d);

/*
 * The whole of render, layout and tile: parses the options, lets adjust
 * change them (or NULL), resolves the job and runs act on it. Returns the
 * exit status, the error printed.
 */
int job_args_main(const struct command *cmd, int argc, char **argv,
	const struct cli *cli, void (*adjust)(struct job_opts *o),
	job_action_fn act);

#endif
