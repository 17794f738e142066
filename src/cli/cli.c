/* cli.c - what every command shares: errors, suggestions, the cores. */
#include "cli/cli.h"

#include "base/nearest.h"

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

const char *
cli_nearest(const char *word, const char *const *words, size_t count)
{
	size_t dist, limit = strlen(word) / 3 + 1;
	const char *best = nearest_word(word, words, count, &dist);

	return dist <= (limit < 3 ? limit : 3) ? best : NULL;
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
