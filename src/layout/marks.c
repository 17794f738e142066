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

/* A circle of radius r around (x, y), from the media's top left. */
static void
circle(GString *ops, const struct sheet *s, double unit, double x, double y,
	double r)
{
	/* Four Bézier quarters; 0.5523 r puts their middles on the circle. */
	double k = 0.5523 * r;
	double pts[13][2] = { { x + r, y }, { x + r, y + k }, { x + k, y + r },
		{ x, y + r }, { x - k, y + r }, { x - r, y + k }, { x - r, y },
		{ x - r, y - k }, { x - k, y - r }, { x, y - r },
		{ x + k, y - r }, { x + r, y - k }, { x + r, y } };
	char v[2][G_ASCII_DTOSTR_BUF_SIZE];
	int i;

	for (i = 0; i < 13; i++) {
		g_ascii_formatd(v[0], sizeof v[0], "%.3f", pts[i][0] / unit);
		g_ascii_formatd(v[1], sizeof v[1], "%.3f",
			(s->media_h - pts[i][1]) / unit);
		g_string_append_printf(ops, "%s %s%s", v[0], v[1],
			i == 0	     ? " m\n"
			: i % 3 == 0 ? " c\n"
				     : " ");
	}
	g_string_append(ops, "h\n");
}

static void
width(GString *ops, double w, double unit)
{
	char v[G_ASCII_DTOSTR_BUF_SIZE];

	g_ascii_formatd(v, sizeof v, "%.4f", w / unit);
	g_string_append_printf(ops, "%s w\n", v);
}

/*
 * A target for each grommet: a white ring for dark banners, a black ring
 * and cross inside, in DeviceCMYK (white is no ink, black 100% K).
 */
static void
grommets(GString *ops, const struct sheet *s, double unit)
{
	double r = 12 * 72 / 25.4 / 2;
	size_t i;

	for (i = 0; i < s->grommet_count; i++) {
		double x = s->trim_x + s->grommets[i].x;
		double y = s->trim_y + s->pocket + s->grommets[i].y;

		g_string_append(ops, "0 0 0 0 K\n");
		width(ops, 1.5, unit);
		circle(ops, s, unit, x, y, r);
		g_string_append(ops, "S\n0 0 0 1 K\n");
		width(ops, 0.5, unit);
		circle(ops, s, unit, x, y, r - 1.5);
		line(ops, s, unit, x - r / 2, y, x + r / 2, y);
		line(ops, s, unit, x, y - r / 2, x, y + r / 2);
		g_string_append(ops, "S\n");
	}
}

char *
marks_pdf_content(const struct sheet *s, double unit)
{
	GString *ops;
	char *res;

	if (!s->marks && s->grommet_count == 0)
		return NULL;
	ops = g_string_new("q\n0 J\n");
	grommets(ops, s, unit);
	if (s->marks) {
		g_string_append(ops, "0 0 0 1 K\n");
		width(ops, MARKS_LINE_PT, unit);
		crop_marks(ops, s, unit);
		if (s->pocket > 0)
			fold_marks(ops, s, unit);
	}
	g_string_append(ops, "Q\n");
	res = xstrdup(ops->str);
	g_string_free(ops, TRUE);
	return res;
}
