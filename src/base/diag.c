/* diag.c - first-error-wins diagnostics. */
#include "base/diag.h"

#include <glib.h>

#include <stdarg.h>
#include <stdio.h>

/* A message cut at its size ends on a whole UTF-8 character. */
static void
trim_partial(char *msg, size_t len)
{
	size_t lead = len, need;

	while (lead > 0 && ((unsigned char)msg[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0 || ((unsigned char)msg[lead - 1] & 0x80) == 0)
		return;
	need = ((unsigned char)msg[lead - 1] & 0xE0) == 0xC0   ? 2
	       : ((unsigned char)msg[lead - 1] & 0xF0) == 0xE0 ? 3
							       : 4;
	if (len - (lead - 1) < need)
		msg[lead - 1] = '\0';
}

int
diag_set(struct diag *d, enum diag_kind kind, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (d == NULL || d->kind != DIAG_NONE)
		return -1;
	d->kind = kind;
	va_start(ap, fmt);
	n = vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof d->msg)
		trim_partial(d->msg, sizeof d->msg - 1);
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
