/* main.c - the bayraq command line: the command table, and one dispatch. */
#include <errno.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "write/output.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif

/* A new command: its cmd-<name>.c, and a row here. */
const struct command *const cli_commands[] = {
	&command_render,
	&command_tile,
	&command_batch,
	&command_preflight,
	&command_layout,
	&command_lint,
	&command_proof,
	&command_list,
	&command_pot,
	&command_serve,
	NULL,
};

static void
usage(FILE *fp)
{
	size_t i;

	fputs("usage: bayraq COMMAND [options]\n\n", fp);
	for (i = 0; cli_commands[i] != NULL; i++)
		fprintf(fp, "  %-10s %s\n", cli_commands[i]->name,
			cli_commands[i]->summary);
	fputs("\n"
	      "Try: bayraq render --lang de --city Berlin --country DE "
	      "--size A1\n"
	      "     bayraq help COMMAND, or bayraq COMMAND --help\n"
	      "     bayraq --version\n",
		fp);
}

static int
unknown_command(const char *name)
{
	const char *names[16], *near;
	size_t n;

	for (n = 0; cli_commands[n] != NULL && n < 16; n++)
		names[n] = cli_commands[n]->name;
	near = cli_nearest(name, names, n);
	if (near != NULL)
		return cli_usage_error(NULL,
			"unknown command '%.30s' (did you mean '%s'?)", name,
			near);
	return cli_usage_error(NULL, "unknown command '%.30s'", name);
}

static int
missing_command(void)
{
	const char *names[16] = { NULL };
	char *list;
	size_t n;
	int rc;

	for (n = 0; cli_commands[n] != NULL && n < 15; n++)
		names[n] = cli_commands[n]->name;
	list = g_strjoinv(", ", (char **)names);
	rc = cli_usage_error(NULL, "missing command (%s)", list);
	g_free(list);
	return rc;
}

/* bayraq help [COMMAND] */
static int
help(int argc, char **argv)
{
	const struct command *cmd;

	if (argc < 3) {
		usage(stdout);
		return 0;
	}
	cmd = cli_command(argv[2]);
	if (cmd == NULL)
		return unknown_command(argv[2]);
	options_help(cmd, stdout);
	return 0;
}

/* Interrupted: no temporary file stays behind, then the usual death. */
static void
on_fatal_signal(int sig)
{
	output_remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A full disk or a closed pipe is an error too (git: maybe_flush_or_die). */
static int
flush_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "bayraq: cannot write the output: %s\n",
			g_strerror(errno ? errno : EIO));
		return rc != 0 ? rc : 1;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	const struct command *cmd;
	struct paths paths;
	struct cli cli = { &paths };
	int rc;

	if (argc < 2)
		return missing_command();
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
		strcmp(argv[1], "help") == 0)
		return flush_stdout(help(argc, argv));
	if (strcmp(argv[1], "--version") == 0) {
		printf("bayraq %s\n", BAYRAQ_VERSION);
		return flush_stdout(0);
	}
	cmd = cli_command(argv[1]);
	if (cmd == NULL)
		return unknown_command(argv[1]);
	/*
	 * libgettextpo finds where each character of a PO file ends by
	 * calling iconv once a character (gettext 0.21), two thirds of its
	 * time. Its old-format input reads a byte at a time instead, which
	 * for UTF-8 is the same: no byte of a multibyte UTF-8 character is
	 * an ASCII quote or backslash, and bayraq refuses texts that are
	 * not UTF-8. Set here, before any thread reads the environment.
	 */
	setenv("OLD_PO_FILE_INPUT", "1", 0);
	signal(SIGINT, on_fatal_signal);
	signal(SIGTERM, on_fatal_signal);
	signal(SIGHUP, on_fatal_signal);
	paths_init(&paths);
	rc = cmd->run(argc - 1, argv + 1, cmd, &cli);
	paths_release(&paths);
	return flush_stdout(rc);
}
