/* cli.c - what every command shares: errors, suggestions, the cores. */
#include "cli/cli.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

const struct command *
cli_command(const char *name)
{
	size_t i;

	for (i = 0; cli_commands[i] != NULL; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

int
cli_fail(const struct diag *d)
{
	fprintf(stderr, "bayraq: %s\n", d->msg);
	return diag_exit_status(d);
}

int
cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("bayraq: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, "; see 'bayraq %s --help'\n", cmd->name);
	else
		fputs("; see 'bayraq --help'\n", stderr);
	return 2;
}

/* Levenshtein distance, for "did you mean". */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t *row = g_new(size_t, lb + 1), result;

	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	result = row[lb];
	g_free(row);
	return result;
}

const char *
cli_nearest(const char *word, const char *const *words, size_t count)
{
	const char *best = NULL;
	size_t i, best_d = (size_t)-1, limit = strlen(word) / 3 + 1;

	for (i = 0; i < count; i++) {
		size_t dist = distance(word, words[i]);

		/* A prefix counts as near: "--col" for "--color". */
		if (strncmp(word, words[i], strlen(word)) == 0 && word[0])
			dist = 1;
		if (dist < best_d) {
			best_d = dist;
			best = words[i];
		}
	}
	return best_d <= (limit < 3 ? limit : 3) ? best : NULL;
}

size_t
cli_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (size_t)n : 1;
}

void
cli_print_path(const char *path, void *arg)
{
	(void)arg;
	printf("%s\n", path);
}
