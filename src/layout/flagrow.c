/* flagrow.c - flags placed as rows: equal heights, equal gaps, centred. */
#include "layout/flagrow.h"

#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"

/*
 * Centres this close, in parts of the smaller slot's size across, are on
 * one line: what a designer's eye and Inkscape's snapping give.
 */
#define ROW_TOLERANCE 0.25

/* The slot's start and length on an axis: 0 for x, 1 for y. */
static double
start(const struct flagrow_item *it, int axis)
{
	return axis == 0 ? it->sx : it->sy;
}

static double
length(const struct flagrow_item *it, int axis)
{
	return axis == 0 ? it->sw : it->sh;
}

static double
centre(const struct flagrow_item *it, int axis)
{
	return start(it, axis) + length(it, axis) / 2;
}

/* Whether a and b sit on one line along axis (centres level across it). */
static int
on_line(const struct flagrow_item *a, const struct flagrow_item *b, int axis)
{
	int across = !axis;

	return fabs(centre(a, across) - centre(b, across)) <=
	       ROW_TOLERANCE * fmin(length(a, across), length(b, across));
}

/*
 * Labels the connected groups of ungrouped items on a line along axis,
 * from next_label on; groups of one are left ungrouped. Returns the next
 * free label.
 */
static size_t
label_lines(const struct flagrow_item *items, size_t n, size_t *group,
	int *group_axis, int axis, size_t next_label)
{
	size_t i, j, k;

	for (i = 0; i < n; i++) {
		size_t members = 1;
		int grew = 1;

		if (group[i] != 0)
			continue;
		group[i] = next_label;
		while (grew) {
			grew = 0;
			for (j = 0; j < n; j++) {
				if (group[j] != 0)
					continue;
				for (k = 0; k < n; k++)
					if (group[k] == next_label &&
						on_line(&items[j], &items[k],
							axis))
						break;
				if (k < n) {
					group[j] = next_label;
					members++;
					grew = 1;
				}
			}
		}
		if (members == 1) {
			group[i] = 0;
			continue;
		}
		group_axis[next_label] = axis;
		next_label++;
	}
	return next_label;
}

/* Members of a group, in order along the axis. */
static void
sort_members(const struct flagrow_item *items, size_t *m, size_t count,
	int axis)
{
	size_t i, j;

	for (i = 1; i < count; i++)
		for (j = i; j > 0 && start(&items[m[j - 1]], axis) >
					     start(&items[m[j]], axis);
			j--) {
			size_t t = m[j];

			m[j] = m[j - 1];
			m[j - 1] = t;
		}
}

/* A flag's length along the group's axis at height h. */
static double
along(const struct flagrow_item *it, int axis, double h)
{
	return axis == 0 ? h * it->ratio : h;
}

static void
place_group(struct flagrow_item *items, const size_t *m, size_t count, int axis)
{
	int across = !axis;
	double a0 = start(&items[m[0]], axis), a1 = a0, reach, gap = 0;
	double across_min = INFINITY, along_min = INFINITY, line = 0;
	double ratio_sum = 0, ratio_max = 0;
	double h, total = 0, pos;
	size_t i, present = 0;
	enum fit_align align = items[m[0]].align;

	for (i = 0; i < count; i++) {
		const struct flagrow_item *it = &items[m[i]];

		a0 = fmin(a0, start(it, axis));
		a1 = fmax(a1, start(it, axis) + length(it, axis));
		across_min = fmin(across_min, length(it, across));
		along_min = fmin(along_min, length(it, axis));
		line += centre(it, across) / (double)count;
		if (i > 0)
			gap += fmax(0, start(it, axis) -
					       start(&items[m[i - 1]], axis) -
					       length(&items[m[i - 1]], axis)) /
			       (double)(count - 1);
		if (it->align != align)
			align = FIT_CENTER;
		if (it->ratio > 0) {
			present++;
			ratio_sum += it->ratio;
			ratio_max = fmax(ratio_max, it->ratio);
		}
	}
	if (present == 0)
		return;
	reach = fmax(0, a1 - a0 - (double)(present - 1) * gap);
	/*
	 * Each flag no larger than the smallest slot, and all of them within
	 * the slots' reach: a row's flags may borrow width from each other,
	 * a column's are as high as the lowest slot.
	 */
	if (axis == 0)
		h = fmin(across_min, reach / ratio_sum);
	else
		h = fmin(fmin(across_min / ratio_max, along_min),
			reach / (double)present);
	for (i = 0; i < count; i++)
		if (items[m[i]].ratio > 0)
			total += along(&items[m[i]], axis, h) + gap;
	total -= gap;
	if (align == FIT_START)
		pos = a0;
	else if (align == FIT_END)
		pos = a1 - total;
	else
		pos = a0 + (a1 - a0 - total) / 2;
	for (i = 0; i < count; i++) {
		struct flagrow_item *it = &items[m[i]];
		double len, wide;

		if (it->ratio <= 0)
			continue;
		len = along(it, axis, h);
		wide = axis == 0 ? h : h * it->ratio;
		if (axis == 0) {
			it->x = pos;
			it->y = line - wide / 2;
			it->w = len;
			it->h = wide;
		} else {
			it->x = line - wide / 2;
			it->y = pos;
			it->w = wide;
			it->h = len;
		}
		pos += len + gap;
	}
}

/* The extent of group g's slots on axis, and whether any flag is in it. */
static int
group_extent(const struct flagrow_item *items, size_t n, const size_t *group,
	size_t g, int axis, double *lo, double *hi)
{
	int present = 0;
	size_t i;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (i = 0; i < n; i++)
		if (group[i] == g) {
			*lo = fmin(*lo, start(&items[i], axis));
			*hi = fmax(*hi, start(&items[i], axis) +
						length(&items[i], axis));
			present |= items[i].ratio > 0;
		}
	return present;
}

/*
 * Whether group h, with a flag in it, is stacked with group g: next to it
 * across g's axis a, over the same stretch along it, and no further off
 * than g is deep.
 */
static int
stacked_with(const struct flagrow_item *items, size_t n, const size_t *group,
	size_t g, size_t h, int a)
{
	double ga0, ga1, gs0, gs1, ha0, ha1, hs0, hs1;

	if (h == g || !group_extent(items, n, group, h, a, &ha0, &ha1))
		return 0;
	group_extent(items, n, group, g, a, &ga0, &ga1);
	group_extent(items, n, group, g, !a, &gs0, &gs1);
	group_extent(items, n, group, h, !a, &hs0, &hs1);
	return ha1 > ga0 && ha0 < ga1 &&
	       fmax(hs0 - gs1, gs0 - hs1) <= gs1 - gs0;
}

/*
 * A group left empty (a host row of its own, when the host is Ukraine)
 * would leave a hole: the groups stacked with it move as one, so that
 * their flags are centred on the stack's slots, as the flags of a row
 * close up.
 */
static void
close_up_stack(struct flagrow_item *items, size_t n, const size_t *group,
	const int *group_axis, size_t labels)
{
	int *moves = xcalloc(labels, sizeof *moves);
	size_t g, h, i;

	for (g = 1; g < labels; g++) {
		int s = !group_axis[g], stacked = 0;
		double lo, hi, clo = INFINITY, chi = -INFINITY, d;

		if (group_extent(items, n, group, g, group_axis[g], &lo, &hi))
			continue;
		group_extent(items, n, group, g, s, &lo, &hi);
		for (h = 1; h < labels; h++) {
			double hs0, hs1;

			moves[h] = stacked_with(items, n, group, g, h,
				group_axis[g]);
			if (!moves[h])
				continue;
			stacked = 1;
			group_extent(items, n, group, h, s, &hs0, &hs1);
			lo = fmin(lo, hs0);
			hi = fmax(hi, hs1);
		}
		if (!stacked)
			continue;
		for (i = 0; i < n; i++)
			if (moves[group[i]] && items[i].ratio > 0) {
				double p = s == 0 ? items[i].x : items[i].y;

				clo = fmin(clo, p);
				chi = fmax(chi,
					p + (s == 0 ? items[i].w : items[i].h));
			}
		d = (lo + hi) / 2 - (clo + chi) / 2;
		for (i = 0; i < n; i++)
			if (moves[group[i]] && items[i].ratio > 0) {
				if (s == 0)
					items[i].x += d;
				else
					items[i].y += d;
			}
	}
	free(moves);
}

void
flagrow_place(struct flagrow_item *items, size_t n)
{
	size_t *group = xcalloc(n + 1, sizeof *group);
	int *group_axis = xcalloc(n + 1, sizeof *group_axis);
	size_t *m = xcalloc(n + 1, sizeof *m);
	size_t i, g, labels, count;

	for (i = 0; i < n; i++)
		items[i].x = items[i].y = items[i].w = items[i].h = 0;
	labels = label_lines(items, n, group, group_axis, 0, 1);
	labels = label_lines(items, n, group, group_axis, 1, labels);
	/* What is left stands alone, a row of one. */
	for (i = 0; i < n; i++)
		if (group[i] == 0) {
			group_axis[labels] = 0;
			group[i] = labels++;
		}
	for (g = 1; g < labels; g++) {
		count = 0;
		for (i = 0; i < n; i++)
			if (group[i] == g)
				m[count++] = i;
		sort_members(items, m, count, group_axis[g]);
		place_group(items, m, count, group_axis[g]);
	}
	close_up_stack(items, n, group, group_axis, labels);
	free(m);
	free(group_axis);
	free(group);
}
