/* tile.c - a banner cut into sheets for the printer at home, with a map. */
#include "layout/tile.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fit.h"
#include "input/paper.h"
#include "layout/text.h"
#include "base/xalloc.h"

/* The check on the first page: a bar and a square, to measure. */
#define SCALE_BAR_MM 100.0
#define SCALE_SQUARE_MM 20.0
#define SCALE_BLOCK_MM 24.0

double
tile_default_margin(int us_paper)
{
	return us_paper ? 72.0 / 4 : PAPER_PT(5);
}

static size_t
count(double length, double art, double overlap)
{
	if (length <= art)
		return 1;
	return (size_t)ceil((length - overlap) / (art - overlap) - 1e-9);
}

static int
plan_orientation(struct tiling *t, double bw, double bh, double sw, double sh,
	const struct tile_opts *o)
{
	t->banner_w = bw;
	t->banner_h = bh;
	t->sheet_w = sw;
	t->sheet_h = sh;
	t->landscape = sw > sh;
	t->margin = o->margin;
	t->overlap = o->overlap;
	t->tolerance = fmin(PAPER_PT(TILE_TOLERANCE_MM), o->overlap / 3);
	t->art_w = sw - 2 * o->margin;
	t->art_h = sh - 2 * o->margin;
	t->sheet_name = o->sheet_name;
	if (t->art_w <= 2 * o->overlap || t->art_h <= 2 * o->overlap)
		return -1;
	t->cols = count(bw, t->art_w, o->overlap);
	t->rows = count(bh, t->art_h, o->overlap);
	return 0;
}

int
tile_plan(struct tiling *t, double banner_w, double banner_h,
	const struct tile_opts *o, struct diag *d)
{
	double sw = fmin(o->sheet_w, o->sheet_h),
	       sh = fmax(o->sheet_w, o->sheet_h);
	struct tiling land;
	int p_ok, l_ok;

	p_ok = plan_orientation(t, banner_w, banner_h, sw, sh, o) == 0;
	l_ok = plan_orientation(&land, banner_w, banner_h, sh, sw, o) == 0;
	if (!p_ok && !l_ok)
		return diag_set(d, DIAG_USAGE,
			"margin %.0f mm and overlap %.0f mm leave no room on "
			"%s",
			PAPER_MM(o->margin), PAPER_MM(o->overlap),
			o->sheet_name);
	if (!p_ok || (l_ok && land.cols * land.rows < t->cols * t->rows))
		*t = land;
	if (t->rows > TILE_MAX_ROWS || t->cols > TILE_MAX_COLS ||
		t->rows * t->cols > TILE_MAX_SHEETS)
		return diag_set(d, DIAG_USAGE,
			"that would take %zu x %zu sheets of %s; use a larger "
			"--sheet or a smaller --size",
			t->cols, t->rows, o->sheet_name);
	return 0;
}

/* The longest side n sheets of art a make, overlapping by o. */
static double
reach(size_t n, double art, double overlap)
{
	return (double)n * (art - overlap) + overlap;
}

int
tile_fit_sheets(double w, double h, size_t n, const struct tile_opts *o,
	double *scale, struct diag *d)
{
	double side[2] = { fmin(o->sheet_w, o->sheet_h),
		fmax(o->sheet_w, o->sheet_h) };
	double best = 0;
	size_t turn, cols;

	for (turn = 0; turn < 2; turn++) {
		double aw = side[turn] - 2 * o->margin,
		       ah = side[1 - turn] - 2 * o->margin;

		if (aw <= 2 * o->overlap || ah <= 2 * o->overlap)
			continue;
		for (cols = 1; cols <= n && cols <= TILE_MAX_COLS; cols++) {
			size_t rows = n / cols;

			if (rows > TILE_MAX_ROWS)
				rows = TILE_MAX_ROWS;
			best = fmax(best,
				fmin(reach(cols, aw, o->overlap) / w,
					reach(rows, ah, o->overlap) / h));
		}
	}
	if (best <= 0)
		return diag_set(d, DIAG_USAGE,
			"margin %.0f mm and overlap %.0f mm leave no room on "
			"%s",
			PAPER_MM(o->margin), PAPER_MM(o->overlap),
			o->sheet_name);
	*scale = best;
	return 0;
}

/* Sheets share the banner evenly: no last column of a few centimetres. */
static double
part(double length, size_t n, double overlap)
{
	return (length + (double)(n - 1) * overlap) / (double)n;
}

void
tile_region(const struct tiling *t, size_t row, size_t col, double r[4])
{
	r[2] = part(t->banner_w, t->cols, t->overlap);
	r[3] = part(t->banner_h, t->rows, t->overlap);
	r[0] = (double)col * (r[2] - t->overlap);
	r[1] = (double)row * (r[3] - t->overlap);
}

void
tile_label(const struct tiling *t, size_t row, size_t col, char *buf,
	size_t size)
{
	snprintf(buf, size, "%zu", row * t->cols + col + 1);
}

/* A text from the catalog with the tiling's values, or NULL. */
static char *
words(const struct tile_words *w, const char *key, const struct tiling *t,
	const char *label, struct diag *d)
{
	char sheets[16], cols[16], rows[16];
	const char *const more[] = { "size", w->size_text, "sheets", sheets,
		"sheet", t->sheet_name, "cols", cols, "rows", rows, "label",
		label != NULL ? label : "", NULL };
	struct text_values v = { NULL, NULL, more };
	const char *tmpl = catalog_text(w->catalog, key, d);

	snprintf(sheets, sizeof sheets, "%zu", t->cols * t->rows);
	snprintf(cols, sizeof cols, "%zu", t->cols);
	snprintf(rows, sizeof rows, "%zu", t->rows);
	if (tmpl == NULL)
		return NULL;
	return text_expand(tmpl, &v, w->lang->rtl, d);
}

/* Sets a text in the box x, y, w, h at the largest size up to max_size. */
static int
text_box(cairo_t *cr, const struct tile_words *w, const char *text, double x,
	double y, double bw, double bh, int weight, size_t lines,
	double max_size, enum fit_align align, struct diag *d)
{
	struct fit_style st;
	struct fit f;

	memset(&st, 0, sizeof st);
	st.families = w->lang->families;
	st.weight = weight;
	st.lang = w->lang->tag;
	st.rtl = w->lang->rtl;
	st.cursive = w->lang->cursive;
	st.max_lines = lines;
	st.min_size = 4;
	st.max_size = max_size;
	st.align = align;
	if (fit_text(&f, w->fonts, text, &st, bw, bh, d) < 0)
		return -1;
	cairo_move_to(cr, x + f.x, y + f.y);
	pango_cairo_show_layout(cr, f.layout);
	fit_release(&f);
	return 0;
}

static int
key_box(cairo_t *cr, const struct tile_words *w, const struct tiling *t,
	const char *key, const char *label, double x, double y, double bw,
	double bh, int weight, size_t lines, double max_size,
	enum fit_align align, struct diag *d)
{
	char *text = words(w, key, t, label, d);
	int rc;

	if (text == NULL)
		return -1;
	rc = text_box(cr, w, text, x, y, bw, bh, weight, lines, max_size, align,
		d);
	free(text);
	return rc;
}

/* Black on white, so a line shows on any artwork. */
static void
stroke_outlined(cairo_t *cr, double outer, double inner)
{
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, outer);
	cairo_stroke_preserve(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, inner);
	cairo_stroke(cr);
}

/* A round mark on the glue strip: hidden under the next sheet once glued. */
static void
align_mark(cairo_t *cr, double x, double y)
{
	double r = PAPER_PT(2);

	cairo_new_sub_path(cr);
	cairo_arc(cr, x, y, r, 0, 2 * M_PI);
	cairo_move_to(cr, x - 1.6 * r, y);
	cairo_line_to(cr, x + 1.6 * r, y);
	cairo_move_to(cr, x, y - 1.6 * r);
	cairo_line_to(cr, x, y + 1.6 * r);
	stroke_outlined(cr, 1.6, 0.6);
}

/*
 * Magenta lines edged in white: they show on white art and on dark art
 * alike, and the next sheet hides them.
 */
static void
hatch(cairo_t *cr, double x, double y, double sw, double sh)
{
	double step = PAPER_PT(3), k;

	cairo_save(cr);
	cairo_rectangle(cr, x, y, sw, sh);
	cairo_clip(cr);
	for (k = -sh; k < sw + sh; k += step) {
		cairo_move_to(cr, x + k, y);
		cairo_line_to(cr, x + k + sh, y + sh);
	}
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 2.4);
	cairo_stroke_preserve(cr);
	cairo_set_source_rgb(cr, 0.85, 0, 0.55);
	cairo_set_line_width(cr, 1.2);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* "sheet 7 · glue here" on a white tag, centred at cx, cy. */
static int
strip_tag(cairo_t *cr, const struct tile_words *w, const struct tiling *t,
	const char *label, double cx, double cy, double tw, double th,
	struct diag *d)
{
	char *sheet = words(w, "tile-sheet", t, label, d), *glue, *text;
	int rc;

	if (sheet == NULL)
		return -1;
	glue = words(w, "tile-glue", t, label, d);
	if (glue == NULL) {
		free(sheet);
		return -1;
	}
	text = xasprintf("%s · %s", sheet, glue);
	cairo_rectangle(cr, cx - tw / 2, cy - th / 2, tw, th);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	rc = text_box(cr, w, text, cx - tw / 2 + 2, cy - th / 2 + 1, tw - 4,
		th - 2, 700, 1, th, FIT_CENTER, d);
	free(text);
	free(glue);
	free(sheet);
	return rc;
}

/*
 * The glue strip x, y, sw, sh of a sheet, under the next one. Its first
 * tolerance (next to the art that stays visible) is left clean, so a sheet
 * cut a little too narrow uncovers art, not hatching. Marks and the sheet's
 * name sit on the rest.
 */
static int
glue_strip(cairo_t *cr, const struct tile_words *w, const struct tiling *t,
	const char *label, double x, double y, double sw, double sh,
	struct diag *d)
{
	int vertical = sh > sw;
	double tol = t->tolerance, len = vertical ? sh : sw;
	double depth = (vertical ? sw : sh) - tol, c, th, tw;
	int rc;

	if (vertical)
		x += tol, sw -= tol;
	else
		y += tol, sh -= tol;
	hatch(cr, x, y, sw, sh);
	cairo_save(cr);
	if (vertical) {
		cairo_translate(cr, x + sw, y);
		cairo_rotate(cr, M_PI / 2);
	} else {
		cairo_translate(cr, x, y);
	}
	/* Along the strip now: length len, depth across. */
	c = depth / 2;
	align_mark(cr, len / 6, c);
	align_mark(cr, len * 5 / 6, c);
	th = fmin(depth - PAPER_PT(1), PAPER_PT(5));
	tw = fmin(len * 0.5, PAPER_PT(70));
	/* A strip too thin for a name: the margin under the art has it. */
	rc = th < PAPER_PT(2.5)
		     ? 0
		     : strip_tag(cr, w, t, label, len / 2, c, tw, th, d);
	cairo_restore(cr);
	return rc;
}

static void
cut_line(cairo_t *cr, double x0, double y0, double x1, double y1)
{
	double dash[2] = { 4, 3 };

	cairo_save(cr);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	stroke_outlined(cr, 1.4, 0.7);
	cairo_restore(cr);
}

/*
 * The sheet's name and what to do, small, under the art, in the margin
 * when the art fills the sheet: it costs no sheet. The name is on the glue
 * strip too, larger.
 */
static int
margin_label(cairo_t *cr, const struct tile_words *w, const struct tiling *t,
	const char *label, const double reg[4], int cut, struct diag *d)
{
	double m = t->margin, y = m + reg[3] + PAPER_PT(0.5);
	double h = fmin(fmax(m * 0.5, t->sheet_h - m - y), PAPER_PT(3.5));
	double half = reg[2] / 2, start, end;
	int rc;

	if (h < PAPER_PT(1.5))
		return 0;
	/* The name on the side where lines start: the right in Arabic. */
	start = w->lang->rtl ? m + half : m;
	end = w->lang->rtl ? m : m + half;
	cairo_set_source_rgb(cr, 0, 0, 0);
	rc = key_box(cr, w, t, "tile-sheet", label, start, y, half, h, 700, 1,
		h, FIT_START, d);
	if (rc == 0 && cut)
		rc = key_box(cr, w, t, "tile-cut", NULL, end, y, half, h, 400,
			1, h, FIT_END, d);
	return rc;
}

static int
draw_sheet(cairo_t *cr, const struct tiling *t, const struct banner *b,
	const struct tile_words *w, size_t row, size_t col, struct diag *d)
{
	double reg[4], m = t->margin, o = t->overlap;
	double bleed = fmin(t->tolerance, m);
	double bl = col > 0 ? bleed : 0, bt = row > 0 ? bleed : 0;
	char label[24];
	int rc = 0;

	tile_region(t, row, col, reg);
	tile_label(t, row, col, label, sizeof label);
	/* The art runs past the cut lines, into the margin. */
	cairo_save(cr);
	cairo_rectangle(cr, m - bl, m - bt, reg[2] + bl, reg[3] + bt);
	cairo_clip(cr);
	cairo_translate(cr, m - reg[0], m - reg[1]);
	rc = render_draw(b, cr, NULL, d);
	cairo_restore(cr);
	if (rc == 0 && col + 1 < t->cols)
		rc = glue_strip(cr, w, t, label, m + reg[2] - o, m, o, reg[3],
			d);
	if (rc == 0 && row + 1 < t->rows)
		rc = glue_strip(cr, w, t, label, m, m + reg[3] - o, reg[2], o,
			d);
	if (col > 0)
		cut_line(cr, m, m, m, m + reg[3]);
	if (row > 0)
		cut_line(cr, m, m, m + reg[2], m);
	if (rc == 0)
		rc = margin_label(cr, w, t, label, reg, row > 0 || col > 0, d);
	cairo_show_page(cr);
	return rc;
}

/* The area that rectangles a and b (x, y, w, h) share. */
static double
overlap(const double a[4], const double b[4])
{
	double w = fmin(a[0] + a[2], b[0] + b[2]) - fmax(a[0], b[0]);
	double h = fmin(a[1] + a[3], b[1] + b[3]) - fmax(a[1], b[1]);

	return w > 0 && h > 0 ? w * h : 0;
}

/* How much of r the banner's lines of text and its flags cover. */
static double
covered(const struct banner *b, const double r[4])
{
	struct banner_item it;
	double sum = 0;
	size_t i, l;

	for (i = 0; banner_item(b, i, &it) == 0; i++) {
		double box[4] = { it.ix, it.iy, it.iw, it.ih };
		size_t lines = sizeof it.line_ink / sizeof it.line_ink[0];

		if (strcmp(it.kind, "text") != 0) {
			sum += overlap(r, box);
			continue;
		}
		for (l = 0; l < it.line_count && l < lines; l++)
			sum += overlap(r, it.line_ink[l]);
	}
	return sum;
}

/* The places a sheet's number may take: in fifths of its part's room. */
#define LABEL_STEPS 5

/*
 * Where a sheet's number goes in its part of the thumbnail (w x h, at a
 * scale k): the first place that hides no text and no flag, else the one
 * that hides least. The four corners come first, then the places between
 * them row by row. Drawn in one corner always, a number would cover
 * letters of the headline.
 */
static void
label_place(const struct banner *b, const double reg[4], double w, double h,
	double k, double out[4])
{
	double best = INFINITY, room_x = reg[2] - w - 6 / k,
	       room_y = reg[3] - h - 6 / k;
	int i, n = LABEL_STEPS - 1;

	for (i = -4; i < LABEL_STEPS * LABEL_STEPS && best > 0; i++) {
		/* -4..-1: the corners; then every place, corners again. */
		int ax = i < 0 ? (i + 4) % 2 * n : i % LABEL_STEPS;
		int ay = i < 0 ? (i + 4) / 2 * n : i / LABEL_STEPS;
		double r[4] = { reg[0] + 3 / k + room_x * ax / n,
			reg[1] + 3 / k + room_y * ay / n, w, h };
		double c = covered(b, r);

		if (c < best) {
			best = c;
			memcpy(out, r, sizeof r);
		}
	}
}

/* The banner small, with the grid and the sheets' labels over it. */
static int
draw_thumbnail(cairo_t *cr, const struct tiling *t, const struct banner *b,
	const struct tile_words *w, double x, double y, double bw, double bh,
	struct diag *d)
{
	double k = fmin(bw / t->banner_w, bh / t->banner_h), reg[4], u;
	size_t r, c;
	int rc;

	cairo_save(cr);
	cairo_translate(cr, x + (bw - t->banner_w * k) / 2, y);
	cairo_scale(cr, k, k);
	rc = render_draw(b, cr, NULL, d);
	/*
	 * A number's box is 24 x 14 pt, smaller on small parts (down to
	 * half), so that it has room to stay off the texts.
	 */
	tile_region(t, 0, 0, reg);
	u = fmax(0.5, fmin(1, fmin(reg[2] * k / 40, reg[3] * k / 28))) / k;
	for (r = 0; rc == 0 && r < t->rows; r++)
		for (c = 0; rc == 0 && c < t->cols; c++) {
			char label[24];
			double at[4] = { 0 };

			tile_region(t, r, c, reg);
			cairo_rectangle(cr, reg[0], reg[1], reg[2], reg[3]);
			cairo_set_source_rgb(cr, 1, 0.2, 0.6);
			cairo_set_line_width(cr, 1.2 / k);
			cairo_stroke(cr);
			tile_label(t, r, c, label, sizeof label);
			label_place(b, reg, 24 * u, 14 * u, k, at);
			cairo_rectangle(cr, at[0], at[1], at[2], at[3]);
			cairo_set_source_rgb(cr, 1, 1, 1);
			cairo_fill(cr);
			cairo_set_source_rgb(cr, 0, 0, 0);
			rc = text_box(cr, w, label, at[0], at[1] + u, at[2],
				12 * u, 700, 1, 10 * u, FIT_CENTER, d);
		}
	cairo_restore(cr);
	return rc;
}

/*
 * A 100 mm bar in 10 mm steps and a square, at x, y: measured with a
 * ruler, they show the printer did not scale the pages.
 */
static int
scale_check(cairo_t *cr, const struct tile_words *w, const struct tiling *t,
	double x, double y, double aw, struct diag *d)
{
	double bar = PAPER_PT(SCALE_BAR_MM), seg = bar / 10,
	       sq = PAPER_PT(SCALE_SQUARE_MM), bh = PAPER_PT(4);
	double tx = x + bar + sq + PAPER_PT(16), tw = x + aw - tx;
	int i;

	/* Paper narrower than the bar (a custom --sheet) gets no check. */
	if (aw < bar + sq + PAPER_PT(8))
		return 0;
	for (i = 0; i < 10; i++) {
		cairo_rectangle(cr, x + i * seg, y, seg, bh);
		if (i % 2 == 0)
			cairo_set_source_rgb(cr, 0, 0, 0);
		else
			cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, x, y, bar, bh);
	cairo_rectangle(cr, x + bar + PAPER_PT(8), y, sq, sq);
	cairo_stroke(cr);
	if (tw < PAPER_PT(40))
		return key_box(cr, w, t, "tile-check", NULL, x,
			y + bh + PAPER_PT(2), bar, sq - bh - PAPER_PT(2), 400,
			3, 10, FIT_START, d);
	return key_box(cr, w, t, "tile-check", NULL, tx, y, tw, sq, 400, 4, 11,
		FIT_START, d);
}

static int
draw_map(cairo_t *cr, const struct tiling *t, const struct banner *b,
	const struct tile_words *w, struct diag *d)
{
	static const char *const steps[] = { "tile-step1", "tile-step2",
		"tile-step3", "tile-step4" };
	double m = t->margin + PAPER_PT(5), aw = t->sheet_w - 2 * m;
	double ah = t->sheet_h - 2 * m - PAPER_PT(SCALE_BLOCK_MM + 4);
	double y = m, line = fmin(ah / 26, 22), thumb = ah - line * 12.8;
	size_t i;
	int rc;

	cairo_set_source_rgb(cr, 0, 0, 0);
	rc = key_box(cr, w, t, "tile-title", NULL, m, y, aw, line * 1.3, 700, 1,
		24, FIT_START, d);
	y += line * 1.8;
	if (rc == 0)
		rc = draw_thumbnail(cr, t, b, w, m, y, aw, thumb, d);
	y += thumb + line * 0.6;
	cairo_set_source_rgb(cr, 0, 0, 0);
	if (rc == 0)
		rc = key_box(cr, w, t, "tile-size", NULL, m, y, aw, line, 700,
			1, 14, FIT_START, d);
	y += line * 1.2;
	if (rc == 0)
		rc = key_box(cr, w, t, "tile-sheets", NULL, m, y, aw, line, 400,
			1, 14, FIT_START, d);
	y += line * 1.6;
	for (i = 0; rc == 0 && i < 4; i++) {
		rc = key_box(cr, w, t, steps[i], NULL, m, y, aw, line * 1.6,
			400, 2, 13, FIT_START, d);
		y += line * 1.9;
	}
	if (rc == 0)
		rc = scale_check(cr, w, t, m,
			t->sheet_h - m - PAPER_PT(SCALE_BLOCK_MM), aw, d);
	cairo_show_page(cr);
	return rc;
}

int
tile_draw(cairo_t *cr, const struct tiling *t, const struct banner *b,
	const struct tile_words *w, struct diag *d)
{
	size_t r, c;

	if (draw_map(cr, t, b, w, d) < 0)
		return -1;
	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++)
			if (draw_sheet(cr, t, b, w, r, c, d) < 0)
				return -1;
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return diag_set(d, DIAG_LIB, "cannot draw the sheets: %s",
			cairo_status_to_string(cairo_status(cr)));
	return 0;
}
