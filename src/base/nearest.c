/* nearest.c - the valid word nearest a mistyped one, for "did you mean". */
#include "base/nearest.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

size_t
nearest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, result;
	size_t *row = xcalloc(lb + 1, sizeof *row);

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
	free(row);
	return result;
}

const char *
nearest_word(const char *word, const char *const *words, size_t count,
	size_t *dist)
{
	const char *best = NULL;
	size_t i, best_d = (size_t)-1;

	for (i = 0; i < count; i++) {
		size_t d = nearest_distance(word, words[i]);

		/* A prefix counts as near: "--col" for "--color". */
		if (word[0] != '\0' &&
			strncmp(word, words[i], strlen(word)) == 0)
			d = 1;
		if (d < best_d) {
			best_d = d;
			best = words[i];
		}
	}
	if (dist != NULL)
		*dist = best_d;
	return best;
}
