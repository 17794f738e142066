/* flagrow.h - flags placed as rows: equal heights, equal gaps, centred. */
#ifndef BAYRAQ_FLAGROW_H
#define BAYRAQ_FLAGROW_H

#include <stddef.h>

#include "layout/fit.h"

/* One flag slot of a variant, and where its flag goes. */
struct flagrow_item {
	double sx, sy, sw, sh; /* the slot, in user units */
	enum fit_align align; /* the slot's bayraq:align */
	double ratio; /* the flag's width / height; 0: the slot stays empty */
	double x, y, w, h; /* out: the flag (0 for an empty slot) */
};

/*
 * Places every flag of a variant. Flag slots whose centres lie on one
 * horizontal line form a row, and those on one vertical line (not already
 * in a row) a column; any other slot is a group of its own. The flags of
 * a group share one height, keep their own ratios, are spaced by the
 * slots' mean gap and are centred as a whole on the group's slots (at its
 * start or end when every slot of the group says so with bayraq:align),
 * each centred across the group's line. They are as large as the group's
 * smallest slot allows across, and as the group's slots reach along.
 * An empty slot (a host flag the same as ua) counts for the group's extent
 * and gap, and the other flags close up. A group left all empty (a host
 * row of its own) leaves no hole: the groups stacked with it, next to it
 * over the same stretch, move as one to centre their flags on the stack.
 */
void flagrow_place(struct flagrow_item *items, size_t n);

#endif
