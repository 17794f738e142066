/* check.h - the unit tests' one assertion macro; a failed check fails the
 * binary. */
#ifndef BAYRAQ_CHECK_H
#define BAYRAQ_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                            \
	do {                                                                   \
		check_count++;                                                 \
		if (!(cond)) {                                                 \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, \
				__LINE__, #cond);                              \
		}                                                              \
	} while (0)

#define CHECK_STR(a, b)                                                        \
	do {                                                                   \
		const char *check_a = (a), *check_b = (b);                     \
		check_count++;                                                 \
		if (check_a == NULL || check_b == NULL ||                      \
			strcmp(check_a, check_b) != 0) {                       \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: '%s' != '%s'\n", __FILE__,     \
				__LINE__, check_a ? check_a : "(null)",        \
				check_b ? check_b : "(null)");                 \
		}                                                              \
	} while (0)

#define CHECK_NEAR(a, b, tol)                                                  \
	do {                                                                   \
		double check_x = (a), check_y = (b);                           \
		check_count++;                                                 \
		if (!(fabs(check_x - check_y) <= (tol))) {                     \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: %g != %g (tolerance %g)\n",    \
				__FILE__, __LINE__, check_x, check_y,          \
				(double)(tol));                                \
		}                                                              \
	} while (0)

/* Whether s contains part: for error messages. */
#define CHECK_HAS(s, part)                                                     \
	do {                                                                   \
		const char *check_s = (s);                                     \
		check_count++;                                                 \
		if (check_s == NULL || strstr(check_s, (part)) == NULL) {      \
			check_failures++;                                      \
			fprintf(stderr, "%s:%d: '%s' lacks '%s'\n", __FILE__,  \
				__LINE__, check_s ? check_s : "(null)",        \
				(part));                                       \
		}                                                              \
	} while (0)

static inline int
check_done(const char *name)
{
	if (check_count == 0) {
		fprintf(stderr, "%s: no checks ran\n", name);
		return 1;
	}
	if (check_failures > 0)
		fprintf(stderr, "%s: %d of %d checks failed\n", name,
			check_failures, check_count);
	return check_failures > 0;
}

#endif
