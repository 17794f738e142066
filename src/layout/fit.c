/* fit.c - pango layout, wrapping and shrink-to-fit of one text slot. */
#include "layout/fit.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "base/xalloc.h"
#include "input/lang.h"

/* The size layouts are measured at; see fits_at(). */
#define FIT_REF_SIZE 100.0
/* Sizes closer than this count as equal: far below what print shows. */
#define FIT_PRECISION 0.01
/* How much size even lines may cost. */
#define BALANCE_LOSS 0.04
/* How much size fewer lines may cost. */
#define FEWER_LINES_LOSS 0.12

#define ZWSP 0x200B /* ZERO WIDTH SPACE: a translator's break hint */

/* Where the layout keeps the stretches that no line break may cut. */
#define PHRASES_KEY "bayraq-phrases"

/* Bytes [start, end) of a layout's text, where no line may break. */
struct phrase {
	guint start, end;
};

static void
add_phrase(GArray *phrases, guint start, guint end)
{
	struct phrase ph = { start, end };

	if (end > start)
		g_array_append_val(phrases, ph);
}

/* The stretches between spaces, and between zero-width spaces if zwsp. */
static void
phrases_between_spaces(GArray *phrases, const char *text, int zwsp)
{
	const char *p, *start = text;

	for (p = text;; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c == 0 || (zwsp && c == ZWSP) || g_unichar_isspace(c)) {
			add_phrase(phrases, (guint)(start - text),
				(guint)(p - text));
			if (c == 0)
				break;
			start = g_utf8_next_char(p);
		}
	}
}

static int
is_hiragana(const char *p, const char *end)
{
	for (; p < end; p = g_utf8_next_char(p))
		if (g_unichar_get_script(g_utf8_get_char(p)) !=
			G_UNICODE_SCRIPT_HIRAGANA)
			return 0;
	return 1;
}

/*
 * Whether the word [start, end), of ICU's rule status, joins the phrase
 * [from, start) whose last word had status prev.
 */
static int
joins_phrase(const char *text, int32_t from, int32_t start, int32_t end,
	int32_t prev, int32_t status, int ja)
{
	if (status < UBRK_WORD_LETTER || prev < UBRK_WORD_NUMBER)
		return 0;
	/* A number and its counter: "26日". */
	if (prev < UBRK_WORD_LETTER)
		return 1;
	/* A particle or an ending, after a word that is not one. */
	return ja && !is_hiragana(text + from, text + start) &&
	       is_hiragana(text + start, text + end);
}

/*
 * The words ICU finds (dictionaries for Chinese, Japanese and Thai), so a
 * line never cuts "克里米亚" or "ウクライナ". A number keeps the word after
 * it ("26日"), and in Japanese a word all in hiragana (a particle, an
 * ending) keeps to the word before it ("クリミアは"), as phrases are set.
 */
static void
phrases_of_words(GArray *phrases, const char *text, const char *lang)
{
	UErrorCode err = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, text, -1, &err);
	UBreakIterator *bi = ubrk_open(UBRK_WORD, lang, NULL, 0, &err);
	int ja = g_ascii_strncasecmp(lang, "ja", 2) == 0 &&
		 (lang[2] == '\0' || lang[2] == '-');
	int32_t start = 0, end, from = 0, prev = UBRK_WORD_NONE;

	ubrk_setUText(bi, ut, &err);
	/* Without ICU's data, pango's own rules still break lines. */
	if (U_FAILURE(err))
		goto done;
	for (end = ubrk_next(bi); end != UBRK_DONE; end = ubrk_next(bi)) {
		int32_t status = ubrk_getRuleStatus(bi);
		int glue =
			joins_phrase(text, from, start, end, prev, status, ja);

		if (!glue) {
			add_phrase(phrases, (guint)from, (guint)start);
			from = start;
		}
		if (status == UBRK_WORD_NONE) {
			/* Spaces and punctuation: pango's rules decide. */
			from = end;
		}
		prev = status;
		start = end;
	}
	add_phrase(phrases, (guint)from, (guint)start);
done:
	ubrk_close(bi);
	utext_close(ut);
}

/*
 * The stretches of text that no line break may cut, beyond pango's rules.
 * A translator's zero-width spaces win: then lines break only at them or
 * at spaces, the way Japanese designers set headlines (phrase by phrase,
 * as BudouX marks them). Else the language decides (lang.h).
 */
static GArray *
phrases_new(const char *text, const char *tag)
{
	GArray *phrases = g_array_new(FALSE, FALSE, sizeof(struct phrase));
	struct lang l;

	lang_init(&l, tag);
	if (g_utf8_strchr(text, -1, ZWSP) != NULL)
		phrases_between_spaces(phrases, text, 1);
	else if (l.breaks == LANG_BREAKS_SPACES)
		phrases_between_spaces(phrases, text, 0);
	else if (l.breaks == LANG_BREAKS_WORDS)
		phrases_of_words(phrases, text, l.tag);
	return phrases;
}

static void
keep_phrases(PangoAttrList *attrs, PangoLayout *layout)
{
	GArray *phrases = g_object_get_data(G_OBJECT(layout), PHRASES_KEY);
	guint i;

	for (i = 0; phrases != NULL && i < phrases->len; i++) {
		const struct phrase *ph =
			&g_array_index(phrases, struct phrase, i);
		PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);

		a->start_index = ph->start;
		a->end_index = ph->end;
		pango_attr_list_insert(attrs, a);
	}
}

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
			pango_attr_letter_spacing_new((int)lround(
				st->letter_spacing * size * PANGO_SCALE)));
	if (st->line_height > 0)
		pango_attr_list_insert(attrs,
			pango_attr_line_height_new_absolute((int)lround(
				st->line_height * size * PANGO_SCALE)));
	keep_phrases(attrs, layout);
	pango_layout_set_attributes(layout, attrs);
	pango_attr_list_unref(attrs);
}

/*
 * Every line after the first must start where a line break is allowed
 * (pango breaks a word that is too long anywhere); with zero-width spaces,
 * right after one or after a space.
 */
static int
breaks_allowed(PangoLayout *layout, const char *text)
{
	const PangoLogAttr *la;
	GSList *l;
	int n_attrs, hinted = g_utf8_strchr(text, -1, ZWSP) != NULL;

	la = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
	/* Line starts are logical; a layout iterator walks visual order. */
	for (l = pango_layout_get_lines_readonly(layout); l != NULL;
		l = l->next) {
		const PangoLayoutLine *line = l->data;
		const char *start = text + line->start_index;
		long chars = g_utf8_pointer_to_offset(text, start);
		gunichar before;

		if (chars == 0 || chars >= n_attrs)
			continue;
		if (!la[chars].is_line_break)
			return 0;
		before = g_utf8_get_char(g_utf8_prev_char(start));
		if (hinted && before != ZWSP && !g_unichar_isspace(before))
			return 0;
	}
	return 1;
}

/*
 * Whether text at size, wrapped at wrap_w, fits w x h. The layout is made
 * at FIT_REF_SIZE with every length scaled instead: linear metrics make
 * that the same layout, and pango then needs the fonts at one size only
 * (each new size costs a fontconfig sort of every font).
 */
static int
fits_at(PangoLayout *layout, const char *text, const struct fit_style *st,
	size_t max_lines, double size, double wrap_w, double w, double h)
{
	double k = FIT_REF_SIZE / size;
	PangoRectangle ink;

	layout_set_size(layout, st, FIT_REF_SIZE);
	pango_layout_set_width(layout, (int)(wrap_w * k * PANGO_SCALE));
	if ((size_t)pango_layout_get_line_count(layout) > max_lines)
		return 0;
	if (!breaks_allowed(layout, text))
		return 0;
	pango_layout_get_extents(layout, &ink, NULL);
	return ink.width <= w * k * PANGO_SCALE &&
	       ink.height <= h * k * PANGO_SCALE;
}

static int
fits_lines(PangoLayout *layout, const char *text, const struct fit_style *st,
	size_t max_lines, double size, double w, double h)
{
	return fits_at(layout, text, st, max_lines, size, w, w, h);
}

static int
fits(PangoLayout *layout, const char *text, const struct fit_style *st,
	double size, double w, double h)
{
	return fits_lines(layout, text, st, st->max_lines, size, w, h);
}

/* The largest size in [lo, hi] at which text fits in max_lines lines. */
static double
largest_size(PangoLayout *layout, const char *text, const struct fit_style *st,
	size_t max_lines, double lo, double hi, double w, double h)
{
	if (!fits_lines(layout, text, st, max_lines, lo, w, h))
		return 0;
	if (fits_lines(layout, text, st, max_lines, hi, w, h))
		return hi;
	while (hi - lo > FIT_PRECISION) {
		double mid = (lo + hi) / 2;

		if (fits_lines(layout, text, st, max_lines, mid, w, h))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Narrows the layout to the least width that keeps its line count at this
 * size, so lines come out even ("CRIMEA IS / UKRAINE!" rather than a lone
 * last word), as CSS text-wrap: balance does. Even lines may be a little
 * taller (round letters overshoot the baseline where a lone "Krim" does
 * not): the size then gives up at most BALANCE_LOSS to keep them even.
 * Returns the size to use.
 */
static double
balance(PangoLayout *layout, const char *text, const struct fit_style *st,
	double size, double w, double h, double *wrap)
{
	double lo = 0, hi = w, smaller;
	PangoRectangle ink;
	int lines;

	*wrap = w;
	fits_at(layout, text, st, st->max_lines, size, w, w, h);
	lines = pango_layout_get_line_count(layout);
	/* With three lines or more, evening them out strands short words. */
	if (lines != 2)
		return size;
	while (hi - lo > w / 200) {
		double mid = (lo + hi) / 2;

		if (fits_at(layout, text, st, 2, size, mid, w, h * 2) &&
			pango_layout_get_line_count(layout) == lines)
			hi = mid;
		else
			lo = mid;
	}
	fits_at(layout, text, st, 2, size, hi, w, h * 2);
	pango_layout_get_extents(layout, &ink, NULL);
	if (ink.height <= h * FIT_REF_SIZE / size * PANGO_SCALE) {
		*wrap = hi;
		return size;
	}
	smaller = floor(size * h * FIT_REF_SIZE / size * PANGO_SCALE /
			  ink.height * 100) /
		  100;
	if (smaller >= size * (1 - BALANCE_LOSS) &&
		fits_at(layout, text, st, 2, smaller, hi, w, h) &&
		pango_layout_get_line_count(layout) == lines) {
		*wrap = hi;
		return smaller;
	}
	return size;
}

/*
 * The layout at its real size and wrap width. Should the rounding of
 * pango units break a line differently than at FIT_REF_SIZE, the wrap
 * width grows by a hair until it does not.
 */
static void
set_final(PangoLayout *layout, const char *text, const struct fit_style *st,
	double size, double wrap, double w, double h)
{
	int lines, i;

	fits_at(layout, text, st, st->max_lines, size, wrap, w, h);
	lines = pango_layout_get_line_count(layout);
	layout_set_size(layout, st, size);
	for (i = 0; i < 4; i++) {
		pango_layout_set_width(layout,
			(int)(wrap * (1 + 0.0005 * i) * PANGO_SCALE));
		if (pango_layout_get_line_count(layout) == lines)
			break;
	}
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

/* An empty layout for text in the style's direction and alignment. */
static PangoLayout *
layout_new(const struct fonts *fonts, const char *text,
	const struct fit_style *st)
{
	PangoContext *ctx = fonts_context_new(fonts);
	PangoLayout *layout;

	pango_context_set_base_dir(ctx,
		st->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
	layout = pango_layout_new(ctx);
	g_object_unref(ctx);
	pango_layout_set_auto_dir(layout, FALSE);
	pango_layout_set_text(layout, text, -1);
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
	pango_layout_set_alignment(layout, pango_align(st));
	g_object_set_data_full(G_OBJECT(layout), PHRASES_KEY,
		phrases_new(text, st->lang), (GDestroyNotify)g_array_unref);
	return layout;
}

static void
keep_style(struct fit *f, const struct fit_style *st)
{
	f->style = *st;
	f->style.families = xstrdup(st->families);
	f->style.lang = xstrdup(st->lang);
	f->wrap = pango_layout_get_width(f->layout);
	f->text = xstrdup(pango_layout_get_text(f->layout));
}

int
fit_text(struct fit *out, const struct fonts *fonts, const char *text,
	const struct fit_style *st, double w, double h, struct diag *d)
{
	double lo = st->min_size, hi, best, wrap;
	size_t n;

	memset(out, 0, sizeof *out);
	out->layout = layout_new(fonts, text, st);
	pango_layout_set_width(out->layout, (int)(w * PANGO_SCALE));

	layout_set_size(out->layout, st, FIT_REF_SIZE);
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
	best = largest_size(out->layout, text, st, st->max_lines, lo, hi, w, h);
	/*
	 * Fewer lines read better from a distance: take the fewest lines that
	 * lose at most FEWER_LINES_LOSS of the size.
	 */
	for (n = 1; n < st->max_lines; n++) {
		double size =
			largest_size(out->layout, text, st, n, lo, best, w, h);

		if (size >= best * (1 - FEWER_LINES_LOSS)) {
			best = size;
			break;
		}
	}
	lo = best;
	/* Round down to a hundredth so golden tests read well. */
	out->size = floor(lo * 100) / 100;
	if (out->size < st->min_size)
		out->size = st->min_size;
	out->size = balance(out->layout, text, st, out->size, w, h, &wrap);
	set_final(out->layout, text, st, out->size, wrap, w, h);
	place(out, st, w, h);
	keep_style(out, st);
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
	free((char *)f->style.families);
	free((char *)f->style.lang);
	free(f->text);
	f->style.families = f->style.lang = NULL;
	f->text = NULL;
}

void
fit_clone(struct fit *out, const struct fit *src, const struct fonts *fonts)
{
	*out = *src;
	out->style.families = xstrdup(src->style.families);
	out->style.lang = xstrdup(src->style.lang);
	out->text = xstrdup(src->text);
	out->layout = layout_new(fonts, src->text, &src->style);
	layout_set_size(out->layout, &src->style, src->size);
	pango_layout_set_width(out->layout, src->wrap);
}

char *
fit_line_text(const struct fit *f, size_t i)
{
	PangoLayoutLine *line =
		pango_layout_get_line_readonly(f->layout, (int)i);
	const char *text = pango_layout_get_text(f->layout);

	if (line == NULL)
		return NULL;
	return xstrndup(text + line->start_index, (size_t)line->length);
}
