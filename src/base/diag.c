/* diag.c - first-error-wins diagnostics. */
#include "base/diag.h"

#include <glib.h>

#include <stdarg.h>
#include <stdio.h>

int
diag_set(struct diag *d, enum diag_kind kind, const char *fmt, ...)
{
	va_list ap;

	if (d == NULL || d->kind != DIAG_NONE)
		return -1;
	d->kind = kind;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
diag_clear(struct diag *d)
{
	d->kind = DIAG_NONE;
	d->msg[0] = '\0';
}

int
diag_exit_status(const struct diag *d)
{
	switch (d->kind) {
	case DIAG_NONE:
		return 0;
	case DIAG_USAGE:
		return 2;
	default:
		return 1;
	}
}

int
diag_unknown(struct diag *d, const char *what, const char *name,
	char *const *choices)
{
	char *list = g_strjoinv(", ", (char **)choices);

	diag_set(d, DIAG_USAGE, "unknown %s '%.40s' (available: %s)", what,
		name, list);
	g_free(list);
	return -1;
}
