/* progress.c - the one progress display: a bar on a terminal, else lines. */
#include "cli/progress.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static double
now(void)
{
	return (double)g_get_monotonic_time() / 1e6;
}

void
progress_init(struct progress *p, const char *what, int lines)
{
	memset(p, 0, sizeof *p);
	p->tty = isatty(2);
	p->lines = lines;
	p->start = now();
	p->what = what;
}

/* The terminal's width, so that the bar never wraps and scrolls. */
static int
columns(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");

	if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env != NULL && atoi(env) > 0)
		return atoi(env);
	return 80;
}

void
progress_show(struct progress *p, size_t done, size_t total, const char *note)
{
	double t = now() - p->start;
	double eta = done > 0 ? t / (double)done * (double)(total - done) : 0;
	char count[96], text[160];
	int bar, fill, len;

	if (total == 0)
		total = 1;
	if (p->what != NULL)
		snprintf(count, sizeof count, "%zu%% (%zu/%zu %s)%s%s",
			done * 100 / total, done, total, p->what,
			note ? ", " : "", note ? note : "");
	else
		snprintf(count, sizeof count, "%zu%%", done * 100 / total);
	if (!p->tty) {
		if (p->lines &&
			(done == total || p->what != NULL || done % 8 == 0))
			fprintf(stderr, "bayraq: %s, %.1f s\n", count, t);
		return;
	}
	len = snprintf(text, sizeof text, "%s, ETA %d:%02d", count,
		(int)eta / 60, (int)eta % 60);
	bar = columns() - len - 4;
	if (bar > 30)
		bar = 30;
	fill = bar > 0 ? (int)((size_t)bar * done / total) : 0;
	if (bar > 0)
		fprintf(stderr, "\r[%.*s%*s] %s", fill,
			"##############################", bar - fill, "", text);
	else
		fprintf(stderr, "\r%.*s", columns() - 1, text);
	fputs("\033[K", stderr);
	p->shown = 1;
}

void
progress_clear(struct progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	p->shown = 0;
}

void
progress_bands(void *arg, size_t done, size_t total)
{
	struct progress *p = arg;

	progress_show(p, done, total, NULL);
	if (done == total)
		progress_clear(p);
}
