/* contact.c - a batch's proof: every banner as a labelled thumbnail. */
#include "run/contact.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "input/paper.h"
#include "layout/render.h"
#include "run/batch.h"
#include "run/job.h"
#include "write/output.h"
#include "write/pdf.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif

/* A3 landscape, 4 x 3 thumbnails a page. */
#define CS_COLS 4
#define CS_ROWS 3

struct contact {
	const struct batch *b;
	struct library *lib;
	const struct fonts *fonts;
};

static void
caption(cairo_t *cr, const struct contact *c, const char *text, double x,
	double y, double w)
{
	PangoContext *ctx = fonts_context_new(c->fonts);
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string(
		"Noto Sans,Noto Sans Arabic,Noto Sans Hebrew,Noto Sans "
		"Georgian,Noto Sans CJK JP");

	/* Absolute, in points: the contexts keep the font map's 96 dpi. */
	pango_font_description_set_absolute_size(fd, 8 * PANGO_SCALE);
	pango_layout_set_font_description(layout, fd);
	pango_layout_set_width(layout, (int)(w * PANGO_SCALE));
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_text(layout, text, -1);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
	pango_font_description_free(fd);
	g_object_unref(layout);
	g_object_unref(ctx);
}

static void
thumbnail(cairo_t *cr, struct contact *c, size_t row, double x, double y,
	double w, double h)
{
	const struct job *job = batch_row_job(c->b, row);
	struct diag d = { 0 };
	struct banner *ban = NULL;
	char text[300];

	if (batch_row_state(c->b, row) != ROW_FAILED && job != NULL)
		ban = job_plan(job, c->lib, &d);
	if (ban != NULL) {
		double k = fmin(w / banner_width(ban), h / banner_height(ban));

		cairo_save(cr);
		cairo_translate(cr, x + (w - banner_width(ban) * k) / 2,
			y + (h - banner_height(ban) * k) / 2);
		cairo_scale(cr, k, k);
		render_draw(ban, cr, NULL, &d);
		cairo_restore(cr);
		banner_free(ban);
		snprintf(text, sizeof text, "%zu: %s",
			batch_row_line(c->b, row), job_label(job));
	} else {
		const char *why = batch_row_error(c->b, row);

		cairo_rectangle(cr, x, y, w, h);
		cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
		cairo_set_line_width(cr, 2);
		cairo_stroke(cr);
		snprintf(text, sizeof text, "%zu: FAILED: %s",
			batch_row_line(c->b, row), why[0] ? why : d.msg);
	}
	caption(cr, c, text, x, y + h + 4, w);
}

static int
contact_pages(cairo_t *cr, void *arg, struct diag *d)
{
	struct contact *c = arg;
	double pw = PAPER_PT(420), ph = PAPER_PT(297), m = PAPER_PT(10);
	double cw = (pw - 2 * m) / CS_COLS, ch = (ph - 2 * m) / CS_ROWS;
	size_t i, per = CS_COLS * CS_ROWS, n = batch_row_count(c->b);

	for (i = 0; i < n; i++) {
		size_t k = i % per;

		thumbnail(cr, c, i, m + (double)(k % CS_COLS) * cw + 6,
			m + (double)(k / CS_COLS) * ch + 6, cw - 12, ch - 30);
		if (k == per - 1 || i + 1 == n)
			cairo_show_page(cr);
	}
	if (n == 0)
		cairo_show_page(cr);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return diag_set(d, DIAG_LIB, "cannot draw the contact sheet");
	return 0;
}

static int
write_pages(FILE *fp, void *arg, struct diag *d)
{
	struct pdf_doc doc = { PAPER_PT(420), PAPER_PT(297),
		"#LIBERATECRIMEA batch proof", NULL, "en",
		"bayraq " BAYRAQ_VERSION, contact_pages, arg };

	return pdf_write_pages(fp, &doc, d);
}

int
contact_sheet_write(const struct batch *b, struct library *lib,
	const char *path, struct diag *d)
{
	struct output o = { 0 };
	struct contact c = { b, lib, NULL };
	int rc;

	c.fonts = library_fonts(lib, d);
	if (c.fonts == NULL)
		return -1;
	rc = output_file(&o, path, write_pages, &c, d);
	if (rc == 0)
		rc = output_commit(&o, d);
	output_release(&o);
	return rc;
}
