/* diag.h - errors returned by library code to the front ends. */
#ifndef BAYRAQ_DIAG_H
#define BAYRAQ_DIAG_H

enum diag_kind {
	DIAG_NONE = 0,
	DIAG_USAGE, /* bad option or value: exit 2 */
	DIAG_IO, /* cannot read or write a file */
	DIAG_FORMAT, /* malformed design, catalog or flag */
	DIAG_FIT, /* text cannot fit, missing glyph, no variant */
	DIAG_LIB /* cairo, pango, librsvg or fontconfig failed */
};

struct diag {
	enum diag_kind kind;
	char msg[256];
};

/*
 * Records the first error only: later calls keep the first message, so the
 * root cause survives the error path. Always returns -1.
 */
int diag_set(struct diag *d, enum diag_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * "unknown design 'x' (available: a, b)": DIAG_USAGE for a name that is
 * not among the NULL-terminated choices. Always returns -1.
 */
int diag_unknown(struct diag *d, const char *what, const char *name,
	char *const *choices);

/* Forgets any recorded error. */
void diag_clear(struct diag *d);

/* The process exit status for a kind: 0, 1 or 2. */
int diag_exit_status(const struct diag *d);

#endif
