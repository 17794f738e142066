/* cli.h - the command line: the command table, and what every command shares.
 * Only src/cli/ prints, reads argv or knows exit statuses.
 */
#ifndef BAYRAQ_CLI_H
#define BAYRAQ_CLI_H

#include <stdio.h>

#include "base/diag.h"
#include "input/paths.h"

/* What every command gets from main. */
struct cli {
	const struct paths *paths;
};

/* One command: one cmd-<name>.c file and one row of main.c's table. */
struct command {
	const char *name;
	int (*run)(int argc, char **argv, const struct command *cmd,
		const struct cli *cli);
	unsigned groups; /* the option groups it takes: OPTS_* */
	const char *args; /* after the name in usage: "[options]" */
	const char *summary; /* one line for 'bayraq --help' */
	const char *help; /* what it does and examples, for CMD --help */
};

/* The table, in main.c: NULL-terminated. */
extern const struct command *const cli_commands[];

/* The command called name, or NULL. */
const struct command *cli_command(const char *name);

/* Prints "bayraq: MESSAGE" on stderr; returns the exit status for d. */
int cli_fail(const struct diag *d);

/*
 * Prints "bayraq: MESSAGE; see 'bayraq CMD --help'" on stderr (cmd may
 * be NULL for the top level) and returns 2.
 */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints "bayraq: MESSAGE" on stderr, kept to one line. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The valid word nearest to word among words, or NULL if none is near. */
const char *cli_nearest(const char *word, const char *const *words,
	size_t count);

/* A job_written_fn: the file's path on stdout, a line each. */
void cli_print_path(const char *path, void *arg);

/* The number of processors online, at least 1. */
size_t cli_cores(void);

#endif
