/* pdfscan.c - the operators of a PDF content stream, one at a time. */
#include "write/pdfscan.h"

#include <glib.h>
#include <math.h>
#include <string.h>

static int
is_delim(int c)
{
	return g_ascii_isspace(c) || strchr("()<>[]{}/%", c) != NULL;
}

/* Past a (string), nested and escaped, from its opening parenthesis. */
static size_t
skip_string(const unsigned char *p, size_t i, size_t len)
{
	int depth = 0;

	for (; i < len; i++) {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '(')
			depth++;
		else if (p[i] == ')' && --depth == 0)
			return i + 1;
	}
	return len;
}

/* Past an inline image's data: up to and over " EI". */
static size_t
skip_inline_image(const unsigned char *p, size_t i, size_t len)
{
	while (i + 2 < len &&
		!(g_ascii_isspace(p[i]) && p[i + 1] == 'E' && p[i + 2] == 'I'))
		i++;
	return i + 3 < len ? i + 3 : len;
}

static void
add_number(struct pdfscan_op *op, double v)
{
	if (op->nums == PDFSCAN_MAX_NUMS) {
		memmove(op->num, op->num + 1,
			(PDFSCAN_MAX_NUMS - 1) * sizeof *op->num);
		op->nums--;
	}
	op->num[op->nums++] = v;
}

static void
clear(struct pdfscan_op *op, size_t start)
{
	op->start = start;
	op->nums = 0;
	op->only_nums = 1;
	op->name[0] = '\0';
}

int
pdfscan_run(const unsigned char *p, size_t len, pdfscan_fn fn, void *arg)
{
	struct pdfscan_op op;
	char tok[64];
	size_t i = 0, n;
	int rc;

	clear(&op, 0);
	while (i < len) {
		int c = p[i];

		if (g_ascii_isspace(c)) {
			i++;
		} else if (c == '%') {
			while (i < len && p[i] != '\n' && p[i] != '\r')
				i++;
		} else if (c == '(') {
			i = skip_string(p, i, len);
			op.only_nums = 0;
		} else if (c == '<' && i + 1 < len && p[i + 1] != '<') {
			while (i < len && p[i] != '>')
				i++;
			i = i < len ? i + 1 : len;
			op.only_nums = 0;
		} else if (c == '/') {
			op.name[0] = '/';
			for (n = 1, i++; i < len && !is_delim(p[i]); i++)
				if (n + 1 < sizeof op.name)
					op.name[n++] = (char)p[i];
			op.name[n] = '\0';
			op.only_nums = 0;
		} else if (strchr("<>[]{})", c) != NULL) {
			i++;
			op.only_nums = 0;
		} else {
			for (n = 0; i < len && !is_delim(p[i]); i++)
				if (n + 1 < sizeof tok)
					tok[n++] = (char)p[i];
			tok[n] = '\0';
			if (n == 0) {
				i++;
				continue;
			}
			if (g_ascii_isdigit(tok[0]) || tok[0] == '-' ||
				tok[0] == '+' || tok[0] == '.') {
				add_number(&op, g_ascii_strtod(tok, NULL));
				continue;
			}
			if (strcmp(tok, "true") == 0 ||
				strcmp(tok, "false") == 0 ||
				strcmp(tok, "null") == 0) {
				op.only_nums = 0;
				continue;
			}
			if (strcmp(tok, "BI") == 0)
				i = skip_inline_image(p, i, len);
			g_strlcpy(op.op, tok, sizeof op.op);
			op.end = i;
			rc = fn(&op, arg);
			if (rc != 0)
				return rc;
			clear(&op, i);
		}
	}
	return 0;
}

int
pdfscan_is_op(const struct pdfscan_op *op, const char *name)
{
	return strcmp(op->op, name) == 0;
}

int
pdfscan_is_stroke(const struct pdfscan_op *op)
{
	return strchr("SsBb", op->op[0]) != NULL &&
	       (op->op[1] == '\0' || (op->op[1] == '*' && op->op[2] == '\0'));
}

void
pdfscan_matrix_multiply(const double a[6], const double b[6], double out[6])
{
	double r[6];

	r[0] = a[0] * b[0] + a[1] * b[2];
	r[1] = a[0] * b[1] + a[1] * b[3];
	r[2] = a[2] * b[0] + a[3] * b[2];
	r[3] = a[2] * b[1] + a[3] * b[3];
	r[4] = a[4] * b[0] + a[5] * b[2] + b[4];
	r[5] = a[4] * b[1] + a[5] * b[3] + b[5];
	memcpy(out, r, sizeof r);
}

double
pdfscan_matrix_scale(const double m[6])
{
	return sqrt(fabs(m[0] * m[3] - m[1] * m[2]));
}
