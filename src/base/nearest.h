/* nearest.h - the valid word nearest a mistyped one, for "did you mean". */
#ifndef BAYRAQ_NEAREST_H
#define BAYRAQ_NEAREST_H

#include <stddef.h>

/* The edit (Levenshtein) distance between a and b. */
size_t nearest_distance(const char *a, const char *b);

/*
 * The word of words (count of them) nearest word, and its distance in
 * *dist if dist is not NULL; NULL when count is 0. Borrowed from words.
 */
const char *nearest_word(const char *word, const char *const *words,
	size_t count, size_t *dist);

#endif
