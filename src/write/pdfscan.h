/* pdfscan.h - the operators of a PDF content stream, one at a time. */
#ifndef BAYRAQ_PDFSCAN_H
#define BAYRAQ_PDFSCAN_H

#include <stddef.h>

/* The numbers kept before an operator: cm and Tm take six, scn up to 32. */
#define PDFSCAN_MAX_NUMS 8

/*
 * One operator and its operands. Bytes [start, end) of the stream hold
 * the operands (and the white space before them) and the operator, so a
 * caller can copy the stream around it or replace it.
 */
struct pdfscan_op {
	char op[8]; /* "rg", "Tj", "'"; longer operators are cut */
	size_t start, end;
	double num[PDFSCAN_MAX_NUMS]; /* the last numeric operands, in order */
	size_t nums; /* how many of them */
	int only_nums; /* every operand was a number (no name, string, array) */
	char name[64]; /* the last name operand with its slash, or "" */
};

/*
 * Calls fn for each operator of the content stream p, in order: strings,
 * hex strings, arrays, dictionaries and comments are skipped as operands,
 * and an inline image (BI ... ID data EI) is one operator "BI" that runs
 * to its EI. fn returns 0 to go on, anything else to stop; pdfscan_run
 * returns that value, or 0 at the end of the stream.
 */
typedef int (*pdfscan_fn)(const struct pdfscan_op *op, void *arg);
int pdfscan_run(const unsigned char *p, size_t len, pdfscan_fn fn, void *arg);

/* Whether op is the operator name ("q", "Do", "'"). */
int pdfscan_is_op(const struct pdfscan_op *op, const char *name);

/* Whether op strokes a path: S, s, B, B*, b or b*. */
int pdfscan_is_stroke(const struct pdfscan_op *op);

/* out = a x b, PDF matrices [a b c d e f]: what "a cm" does to the CTM b. */
void pdfscan_matrix_multiply(const double a[6], const double b[6],
	double out[6]);

/* How much a matrix scales lengths: the root of its determinant. */
double pdfscan_matrix_scale(const double m[6]);

#endif
