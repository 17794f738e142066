/* fit.c - pango layout, wrapping and shrink-to-fit of one text slot. */
#include "fit.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Sizes closer than this count as equal: far below what print shows. */
#define FIT_PRECISION 0.01

static void
layout_set_size(PangoLayout *layout, const struct fit_style *st, double size)
{
	PangoFontDescription *fd = pango_font_description_new();
	PangoAttrList *attrs = pango_attr_list_new();

	pango_font_description_set_family(fd, st->families);
	pango_font_description_set_weight(fd, (PangoWeight)st->weight);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);

	pango_attr_list_insert(attrs,
		pango_attr_language_new(pango_language_from_string(st->lang)));
	if (st->letter_spacing != 0 && !st->cursive)
		pango_attr_list_insert(attrs,
			pango_attr_letter_spacing_new(
				(int)lround(st->letter_spacing * size *
					PANGO_SCALE)));
	pango_layout_set_attributes(layout, attrs);
	pango_attr_list_unref(attrs);
}

/* Every line after the first must start where a line break is allowed. */
static int
breaks_allowed(PangoLayout *layout, const char *text)
{
	const PangoLogAttr *la;
	PangoLayoutIter *it;
	int n_attrs, ok = 1;

	la = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
	it = pango_layout_get_iter(layout);
	while (ok && pango_layout_iter_next_line(it)) {
		int idx = pango_layout_iter_get_index(it);
		long chars = g_utf8_pointer_to_offset(text, text + idx);

		if (chars > 0 && chars < n_attrs && !la[chars].is_line_break)
			ok = 0;
	}
	pango_layout_iter_free(it);
	return ok;
}

static int
fits(PangoLayout *layout, const char *text, const struct fit_style *st,
	double size, double w, double h)
{
	PangoRectangle ink;

	layout_set_size(layout, st, size);
	if ((size_t)pango_layout_get_line_count(layout) > st->max_lines)
		return 0;
	if (!breaks_allowed(layout, text))
		return 0;
	pango_layout_get_extents(layout, &ink, NULL);
	return ink.width <= w * PANGO_SCALE && ink.height <= h * PANGO_SCALE;
}

static PangoAlignment
pango_align(const struct fit_style *st)
{
	if (st->align == FIT_CENTER)
		return PANGO_ALIGN_CENTER;
	/* With auto-dir off pango does not mirror LEFT and RIGHT for us. */
	if ((st->align == FIT_START) != (st->rtl != 0))
		return PANGO_ALIGN_LEFT;
	return PANGO_ALIGN_RIGHT;
}

static void
place(struct fit *f, const struct fit_style *st, double w, double h)
{
	PangoRectangle ink;
	double ix, iy, iw, ih;
	int left;

	pango_layout_get_extents(f->layout, &ink, NULL);
	ix = (double)ink.x / PANGO_SCALE;
	iy = (double)ink.y / PANGO_SCALE;
	iw = (double)ink.width / PANGO_SCALE;
	ih = (double)ink.height / PANGO_SCALE;
	/* Display type is centred on its ink, not on its font metrics. */
	f->y = (h - ih) / 2 - iy;
	left = (st->align == FIT_START) != (st->rtl != 0);
	if (st->align == FIT_CENTER)
		f->x = (w - iw) / 2 - ix;
	else if (left)
		f->x = -ix;
	else
		f->x = w - iw - ix;
	f->line_count = (size_t)pango_layout_get_line_count(f->layout);
}

static int
fit_error(const char *what, const char *text, struct diag *d)
{
	return diag_set(d, DIAG_FIT, "%s: '%.100s'", what, text);
}

int
fit_text(struct fit *out, const struct fonts *fonts, const char *text,
	const struct fit_style *st, double w, double h, struct diag *d)
{
	PangoContext *ctx = fonts_context_new(fonts);
	double lo = st->min_size, hi;

	memset(out, 0, sizeof *out);
	pango_context_set_base_dir(ctx,
		st->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
	out->layout = pango_layout_new(ctx);
	g_object_unref(ctx);
	pango_layout_set_auto_dir(out->layout, FALSE);
	pango_layout_set_text(out->layout, text, -1);
	pango_layout_set_width(out->layout, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(out->layout, PANGO_WRAP_WORD);
	pango_layout_set_alignment(out->layout, pango_align(st));

	layout_set_size(out->layout, st, lo);
	if (pango_layout_get_unknown_glyphs_count(out->layout) > 0) {
		fit_error("no font has a glyph for a character in", text, d);
		goto fail;
	}
	if (!fits(out->layout, text, st, lo, w, h)) {
		fit_error("does not fit even at the minimum size", text, d);
		goto fail;
	}
	/* Ink can be taller than the size (accents, Arabic); cap the search. */
	hi = st->max_size > 0 ? st->max_size : h * 4;
	if (fits(out->layout, text, st, hi, w, h))
		lo = hi;
	while (hi - lo > FIT_PRECISION) {
		double mid = (lo + hi) / 2;

		if (fits(out->layout, text, st, mid, w, h))
			lo = mid;
		else
			hi = mid;
	}
	/* Round down to a hundredth so golden tests read well. */
	out->size = floor(lo * 100) / 100;
	if (out->size < st->min_size)
		out->size = st->min_size;
	layout_set_size(out->layout, st, out->size);
	place(out, st, w, h);
	return 0;
fail:
	fit_release(out);
	return -1;
}

void
fit_release(struct fit *f)
{
	if (f->layout != NULL)
		g_object_unref(f->layout);
	f->layout = NULL;
}

char *
fit_line_text(const struct fit *f, size_t i)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(f->layout, (int)i);
	const char *text = pango_layout_get_text(f->layout);

	if (line == NULL)
		return NULL;
	return xstrndup(text + line->start_index, (size_t)line->length);
}
