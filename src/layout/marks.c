/* marks.c - printer's marks on the sheet: crop marks, grommets, pocket folds.
 */
#include "layout/marks.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>

#include "base/xalloc.h"

/* One line of a mark, from the media's top left, in points. */
static void
line(GString *ops, const struct sheet *s, double unit, double x0, double y0,
	double x1, double y1)
{
	char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
	char c[G_ASCII_DTOSTR_BUF_SIZE], e[G_ASCII_DTOSTR_BUF_SIZE];

	/* PDF wants a dot for decimals whatever the process locale. */
	g_ascii_formatd(a, sizeof a, "%.3f", x0 / unit);
	g_ascii_formatd(b, sizeof b, "%.3f", (s->media_h - y0) / unit);
	g_ascii_formatd(c, sizeof c, "%.3f", x1 / unit);
	g_ascii_formatd(e, sizeof e, "%.3f", (s->media_h - y1) / unit);
	g_string_append_printf(ops, "%s %s m %s %s l\n", a, b, c, e);
}

/* Two short lines per corner, pointing along the trim's edges. */
static void
crop_marks(GString *ops, const struct sheet *s, double unit)
{
	double x[2] = { s->trim_x, s->trim_x + s->trim_w };
	double y[2] = { s->trim_y, s->trim_y + s->trim_h };
	double off = s->mark_offset, len = s->mark_length;
	int i, j;

	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;

			line(ops, s, unit, x[i] + dx * off, y[j],
				x[i] + dx * (off + len), y[j]);
			line(ops, s, unit, x[i], y[j] + dy * off, x[i],
				y[j] + dy * (off + len));
		}
	g_string_append(ops, "S\n");
}

/* Dashed marks in the slug where the pockets fold over. */
static void
fold_marks(GString *ops, const struct sheet *s, double unit)
{
	double ys[2] = { s->trim_y + s->pocket,
		s->trim_y + s->trim_h - s->pocket };
	double off = s->mark_offset, len = s->mark_length;
	int i;

	g_string_append(ops, "[2 2] 0 d\n");
	for (i = 0; i < 2; i++) {
		line(ops, s, unit, s->trim_x - off - len, ys[i],
			s->trim_x - off, ys[i]);
		line(ops, s, unit, s->trim_x + s->trim_w + off, ys[i],
			s->trim_x + s->trim_w + off + len, ys[i]);
	}
	g_string_append(ops, "S\n");
}

char *
marks_pdf_content(const struct sheet *s, double unit)
{
	GString *ops;
	char w[G_ASCII_DTOSTR_BUF_SIZE], *res;

	if (!s->marks)
		return NULL;
	ops = g_string_new("q\n0 0 0 1 K\n0 J\n");
	g_ascii_formatd(w, sizeof w, "%.4f", MARKS_LINE_PT / unit);
	g_string_append_printf(ops, "%s w\n", w);
	crop_marks(ops, s, unit);
	if (s->pocket > 0)
		fold_marks(ops, s, unit);
	g_string_append(ops, "Q\n");
	res = xstrdup(ops->str);
	g_string_free(ops, TRUE);
	return res;
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
	cairo_move_to(cr, x - r / 2, y);
	cairo_line_to(cr, x + r / 2, y);
	cairo_move_to(cr, x, y - r / 2);
	cairo_line_to(cr, x, y + r / 2);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.5);
	cairo_stroke(cr);
}

void
marks_draw_grommets(cairo_t *cr, const struct sheet *s)
{
	size_t i;

	cairo_save(cr);
	for (i = 0; i < s->grommet_count; i++)
		grommet(cr, s->trim_x + s->grommets[i].x,
			s->trim_y + s->pocket + s->grommets[i].y);
	cairo_restore(cr);
}
