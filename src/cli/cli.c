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

/*
 * An error stays one line on any terminal: invalid UTF-8 becomes U+FFFD,
 * and line breaks, escapes and other controls are shown as '?'.
 */
static void
print_one_line(const char *msg)
{
	char *valid = g_utf8_make_valid(msg, -1), *p;

	for (p = valid; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "bayraq: %s\n", valid);
	g_free(valid);
}

int
cli_fail(const struct diag *d)
{
	print_one_line(d->msg);
	return diag_exit_status(d);
}

int
cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	char msg[512], *line;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	line = g_strdup_printf("%s; see 'bayraq %s%s--help'", msg,
		cmd != NULL ? cmd->name : "", cmd != NULL ? " " : "");
	print_one_line(line);
	g_free(line);
	return 2;
}

void
cli_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	print_one_line(msg);
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
