/* marks.c - printer's marks on the sheet: crop marks, grommets, pocket folds.
 */
#include "marks.h"

#include <math.h>

static void
line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
}

/* Two short lines per corner, pointing along the trim's edges. */
static void
crop_marks(cairo_t *cr, const struct sheet *s)
{
	double x[2] = { s->trim_x, s->trim_x + s->trim_w };
	double y[2] = { s->trim_y, s->trim_y + s->trim_h };
	double off = s->mark_offset, len = s->mark_length;
	int i, j;

	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;

			line(cr, x[i] + dx * off, y[j], x[i] + dx * (off + len),
				y[j]);
			line(cr, x[i], y[j] + dy * off, x[i],
				y[j] + dy * (off + len));
		}
}

/* Dashed marks in the slug where the pockets fold over. */
static void
fold_marks(cairo_t *cr, const struct sheet *s)
{
	double ys[2] = { s->trim_y + s->pocket,
		s->trim_y + s->trim_h - s->pocket };
	double off = s->mark_offset, len = s->mark_length;
	double dash[2] = { 2, 2 };
	int i;

	cairo_save(cr);
	cairo_set_dash(cr, dash, 2, 0);
	for (i = 0; i < 2; i++) {
		line(cr, s->trim_x - off - len, ys[i], s->trim_x - off, ys[i]);
		line(cr, s->trim_x + s->trim_w + off, ys[i],
			s->trim_x + s->trim_w + off + len, ys[i]);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* A target: white ring for dark banners, black ring and cross inside. */
static void
grommet(cairo_t *cr, double x, double y)
{
	double r = 12 * 72 / 25.4 / 2;

	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, r, 0, 2 * M_PI);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 1.5);
	cairo_stroke(cr);
	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, r - 1.5, 0, 2 * M_PI);
	line(cr, x - r / 2, y, x + r / 2, y);
	line(cr, x, y - r / 2, x, y + r / 2);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.5);
	cairo_stroke(cr);
}

void
marks_draw(cairo_t *cr, const struct sheet *s)
{
	size_t i;

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, MARKS_LINE_PT);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	if (s->marks) {
		crop_marks(cr, s);
		cairo_stroke(cr);
		if (s->pocket > 0)
			fold_marks(cr, s);
	}
	for (i = 0; i < s->grommet_count; i++)
		grommet(cr, s->trim_x + s->grommets[i].x,
			s->trim_y + s->pocket + s->grommets[i].y);
	cairo_restore(cr);
}
