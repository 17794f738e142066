/* fit.c - pango layout, wrapping and shrink-to-fit of one text slot. */
#include "layout/fit.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "base/xalloc.h"
#include "input/lang.h"

/* The size layouts are measured at; see fits_at(). */
#define FIT_REF_SIZE 100.0
/* Sizes closer than this count as equal: far below what print shows. */
#define FIT_PRECISION 0.01
/* How much size even lines may cost. */
#define BALANCE_LOSS 0.04
/* How much size fewer lines may cost, or lines of more than one word. */
#define FEWER_LINES_LOSS 0.12
/* How much size a break after a comma (or a full stop, a colon) may cost. */
#define CLAUSE_GAIN 0.06
/* How much size a middle line of one word is worth avoiding ("IST"). */
#define LONE_MIDDLE_LOSS 0.30
/* How much a short first or last line of one word ("Künü"). */
#define LONE_EDGE_LOSS 0.12
/* A first or last line of one word narrower than this share of the widest. */
#define SHORT_LINE (2.0 / 3)
/*
 * A first line of one cased word this short is an article or a preposition
 * torn from its noun ("LA / CRIMÉE, C'EST", "DIE / KRIM IST").
 */
#define ARTICLE_LETTERS 3
/* Beyond this many ways to break a text, pango's own wrapping chooses. */
#define MAX_CHOICES 600

#define ZWSP 0x200B /* ZERO WIDTH SPACE: a translator's break hint */
#define LINE_SEPARATOR 0x2028 /* a line break chosen by fit_text */

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

/* Whether c, followed by next (0 at the end), closes a quotation. */
static int
closes_quote(gunichar c, gunichar next)
{
	int lb = u_getIntPropertyValue((UChar32)next, UCHAR_LINE_BREAK);

	if (u_getIntPropertyValue((UChar32)c, UCHAR_LINE_BREAK) !=
		U_LB_QUOTATION)
		return 0;
	return next == 0 || g_unichar_isspace(next) ||
	       lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_EXCLAMATION ||
	       lb == U_LB_INFIX_NUMERIC;
}

/*
 * Whether no line may start with c: a dash ("KRYMAS / – TAI"), closing
 * punctuation, "!" and "?", a full stop or comma, a nonstarter such as
 * "ー" or a small kana, or a closing quotation mark. UAX #14 forbids most
 * of these after a letter but allows them after a space ("L'UKRAINE / !").
 */
static int
never_starts_line(gunichar c, gunichar next)
{
	switch (u_getIntPropertyValue((UChar32)c, UCHAR_LINE_BREAK)) {
	case U_LB_CLOSE_PUNCTUATION:
	case U_LB_CLOSE_PARENTHESIS:
	case U_LB_EXCLAMATION:
	case U_LB_INFIX_NUMERIC:
	case U_LB_NONSTARTER:
		return 1;
	default:
		break;
	}
	if (u_charType((UChar32)c) == U_DASH_PUNCTUATION ||
		u_charType((UChar32)c) == U_END_PUNCTUATION)
		return 1;
	return closes_quote(c, next);
}

static int
has_digit(const char *p, const char *end)
{
	for (; p < end; p = g_utf8_next_char(p))
		if (u_isdigit((UChar32)g_utf8_get_char(p)))
			return 1;
	return 0;
}

/*
 * Whether the space-separated words [a, a_end) and [b, b_end) are a
 * number and its month or unit: "26 лютого", "26. Februar", "14:00 Uhr",
 * "Vasario 26-oji". A number that ends a clause ("14:00, Tor") does not
 * hold on to the next word.
 */
static int
number_and_word(const char *a, const char *a_end, const char *b,
	const char *b_end)
{
	gunichar last = g_utf8_get_char(g_utf8_prev_char(a_end));

	if (has_digit(a, a_end) && (!u_hasBinaryProperty((UChar32)last,
					    UCHAR_TERMINAL_PUNCTUATION) ||
					   last == '.'))
		return 1;
	return u_isdigit((UChar32)g_utf8_get_char(b)) && b_end > b &&
	       u_isalpha((UChar32)last);
}

/* The space-separated word that ends before p's spaces, or that starts at p. */
static const char *
word_before(const char *text, const char *p, const char **end)
{
	while (p > text &&
		g_unichar_isspace(g_utf8_get_char(g_utf8_prev_char(p))))
		p = g_utf8_prev_char(p);
	*end = p;
	while (p > text &&
		!g_unichar_isspace(g_utf8_get_char(g_utf8_prev_char(p))))
		p = g_utf8_prev_char(p);
	return p;
}

static const char *
word_end(const char *p)
{
	while (*p != '\0' && !g_unichar_isspace(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return p;
}

/*
 * The breaks that pango's rules (UAX #14) allow and a slogan must not
 * take: before a character that never starts a line, and after a space
 * between a number and its month. Each is a phrase of the character
 * before the break and the one after it.
 */
static void
phrases_of_rules(GArray *phrases, const char *text)
{
	const char *p, *prev = text;

	for (p = g_utf8_next_char(text); *p != '\0';
		prev = p, p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *next = g_utf8_next_char(p), *a, *a_end;
		int keep;

		if (g_unichar_isspace(c))
			continue;
		keep = never_starts_line(c, g_utf8_get_char(next));
		if (!keep && g_unichar_isspace(g_utf8_get_char(prev))) {
			a = word_before(text, prev, &a_end);
			keep = a_end > a &&
			       number_and_word(a, a_end, p, word_end(p));
		}
		if (keep)
			add_phrase(phrases, (guint)(prev - text),
				(guint)(next - text));
	}
}

/*
 * The stretches of text that no line break may cut, beyond pango's rules.
 * A translator's zero-width spaces win: then lines break only at them or
 * at spaces, the way Japanese designers set headlines (phrase by phrase,
 * as BudouX marks them). Else the language decides (lang.h).
 */
static GArray *
phrases_new(const char *text, const char *tag, int strict)
{
	GArray *phrases = g_array_new(FALSE, FALSE, sizeof(struct phrase));
	struct lang l;

	lang_init(&l, tag);
	if (strict)
		phrases_of_rules(phrases, text);
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

/* Full-width punctuation: "！", "。", "、", "：", "「". */
static int
is_wide_punctuation(gunichar c)
{
	int ea = u_getIntPropertyValue((UChar32)c, UCHAR_EAST_ASIAN_WIDTH);

	return u_ispunct((UChar32)c) &&
	       (ea == U_EA_FULLWIDTH || ea == U_EA_WIDE);
}

static void
add_half_width(PangoAttrList *attrs, const char *text, const char *from,
	const char *to)
{
	PangoAttribute *a = pango_attr_font_features_new("halt");

	a->start_index = (guint)(from - text);
	a->end_index = (guint)(to - text);
	pango_attr_list_insert(attrs, a);
}

/*
 * Full-width punctuation takes half its width at the end of a line, and
 * an opening bracket at its start (the OpenType feature halt, as JIS X
 * 4051 sets them): else the blank half of "！" pushes a centred line off
 * its centre. Lines are the text's, split at line separators.
 */
static void
trim_punctuation(PangoAttrList *attrs, const char *text)
{
	const char *start = text, *end;

	for (;; start = g_utf8_next_char(end)) {
		const char *p = start;

		for (end = start;
			*end != '\0' && g_utf8_get_char(end) != LINE_SEPARATOR;)
			end = g_utf8_next_char(end);
		while (*p != '\0' && p < end &&
			u_getIntPropertyValue((UChar32)g_utf8_get_char(p),
				UCHAR_LINE_BREAK) == U_LB_OPEN_PUNCTUATION &&
			is_wide_punctuation(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (p > start)
			add_half_width(attrs, text, start, p);
		for (p = end; p > start && is_wide_punctuation(g_utf8_get_char(
						   g_utf8_prev_char(p)));)
			p = g_utf8_prev_char(p);
		if (p < end)
			add_half_width(attrs, text, p, end);
		if (*end == '\0')
			break;
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
	trim_punctuation(attrs, pango_layout_get_text(layout));
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

/*
 * An empty layout for text in the style's direction and alignment; with
 * strict, the break rules of phrases_of_rules() on top of pango's.
 */
static PangoLayout *
layout_new(const struct fonts *fonts, const char *text,
	const struct fit_style *st, int strict)
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
		phrases_new(text, st->lang, strict),
		(GDestroyNotify)g_array_unref);
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

/*
 * Byte offsets where a line may start: where pango's rules and the
 * phrases allow a break; with zero-width spaces, only after one or a
 * space. Never where only spaces follow.
 */
static GArray *
line_starts(PangoLayout *layout, const char *text)
{
	GArray *at = g_array_new(FALSE, FALSE, sizeof(guint));
	int hinted = g_utf8_strchr(text, -1, ZWSP) != NULL, n_attrs, i;
	const PangoLogAttr *la;
	const char *p, *q;

	la = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
	for (p = text, i = 0; *p != '\0' && i < n_attrs;
		p = g_utf8_next_char(p), i++) {
		gunichar before;

		if (i == 0 || !la[i].is_line_break)
			continue;
		for (q = p;
			*q != '\0' && g_unichar_isspace(g_utf8_get_char(q));)
			q = g_utf8_next_char(q);
		before = g_utf8_get_char(g_utf8_prev_char(p));
		if (*q == '\0' || g_unichar_isspace(g_utf8_get_char(p)) ||
			(hinted && before != ZWSP &&
				!g_unichar_isspace(before)))
			continue;
		g_array_append_val(at, (guint){ (guint)(p - text) });
	}
	return at;
}

static int
is_blank(gunichar c)
{
	return c == ZWSP || g_unichar_isspace(c);
}

/*
 * text with a line separator at each of the n breaks at[], in place of
 * the spaces and break hints before it: a line ends on its last letter.
 * The caller frees.
 */
static char *
text_with_breaks(const char *text, const guint *at, size_t n)
{
	GString *out = g_string_new(NULL);
	guint from = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *end = text + at[i];

		while (end > text + from &&
			is_blank(g_utf8_get_char(g_utf8_prev_char(end))))
			end = g_utf8_prev_char(end);
		g_string_append_len(out, text + from, end - (text + from));
		g_string_append_unichar(out, LINE_SEPARATOR);
		from = at[i];
	}
	g_string_append(out, text + from);
	return g_string_free(out, FALSE);
}

/* The space-separated words of [p, end) that hold a letter or a digit. */
static size_t
count_words(const char *p, const char *end)
{
	size_t n = 0;
	int in_word = 0, counted = 0;

	for (; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isspace(c)) {
			in_word = counted = 0;
			continue;
		}
		in_word = 1;
		if (in_word && !counted && g_unichar_isalnum(c)) {
			n++;
			counted = 1;
		}
	}
	return n;
}

/*
 * Whether [p, end) is one word of at most ARTICLE_LETTERS letters in a
 * script with capitals: one that reads as torn from the next. Scripts
 * without case (Han, Arabic) have short words that stand alone.
 */
static int
is_article(const char *p, const char *end)
{
	size_t letters = 0;

	for (; p < end; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (!g_unichar_isalpha(c))
			continue;
		if (!u_hasBinaryProperty((UChar32)c, UCHAR_CASED))
			return 0;
		letters++;
	}
	return letters > 0 && letters <= ARTICLE_LETTERS;
}

/* One way to break a text into lines, and what it is worth. */
struct choice {
	guint at[32]; /* byte offsets where lines 2, 3, ... start */
	size_t lines;
	double size; /* the largest size at which it fits the box */
	double score; /* its size, less what its breaks cost */
	/*
	 * 3: a first line of one short word; 2: a middle line of one word;
	 * 1: a short first or last one; 0: none
	 */
	int lone;
};

/* Whether the line before a break at p ends a clause: "LA CRIMÉE, /". */
static int
ends_clause(const char *text, const char *p)
{
	const char *a_end, *a = word_before(text, p, &a_end);

	return a_end > a &&
	       u_hasBinaryProperty((UChar32)g_utf8_get_char(
					   g_utf8_prev_char(a_end)),
		       UCHAR_TERMINAL_PUNCTUATION);
}

/*
 * Measures a choice on scratch (a layout without phrases) at the
 * reference size: the size at which its ink fills the box, capped at hi,
 * its score, and whether a line holds one word alone ("KRIM / IST /
 * UKRAINE!", "... Qarşılığı / Künü") where the text has more words than
 * lines. A dash is no word: "КРИМ — / ЦЕ / УКРАЇНА!" stacks its three
 * words, one a line (two lines would cost it 18-27% of its size on
 * narrow banners). Even lines are worth up to BALANCE_LOSS of the size, a break
 * after a clause CLAUSE_GAIN.
 */
static void
measure(struct choice *c, PangoLayout *scratch, const char *text,
	const struct fit_style *st, double w, double h, double hi)
{
	char *forced = text_with_breaks(text, c->at, c->lines - 1);
	size_t words = count_words(text, text + strlen(text)), i;
	double widest = 0, narrowest = HUGE_VAL, lone_edge = HUGE_VAL;
	int article = 0;
	PangoLayoutIter *it;
	PangoRectangle ink;
	const char *line = forced;

	pango_layout_set_text(scratch, forced, -1);
	layout_set_size(scratch, st, FIT_REF_SIZE);
	pango_layout_set_width(scratch, -1);
	pango_layout_get_extents(scratch, &ink, NULL);
	c->size = 0;
	c->score = 0;
	c->lone = 0;
	if ((size_t)pango_layout_get_line_count(scratch) != c->lines ||
		ink.width <= 0 || ink.height <= 0)
		goto done;
	c->size =
		fmin(hi, FIT_REF_SIZE * fmin(w * PANGO_SCALE / ink.width,
						h * PANGO_SCALE / ink.height));
	it = pango_layout_get_iter(scratch);
	i = 0;
	do {
		PangoRectangle li;
		const char *end = g_utf8_strchr(line, -1, LINE_SEPARATOR);
		size_t n;

		if (end == NULL)
			end = line + strlen(line);
		n = count_words(line, end);
		pango_layout_iter_get_line_extents(it, &li, NULL);
		widest = fmax(widest, li.width);
		narrowest = fmin(narrowest, li.width);
		if (words > c->lines && n == 1 && i > 0 && i + 1 < c->lines)
			c->lone = 2;
		if (words > c->lines && n == 1 && (i == 0 || i + 1 == c->lines))
			lone_edge = fmin(lone_edge, li.width);
		if (n == 1 && i == 0 && c->lines > 1)
			article = is_article(line, end);
		line = *end != '\0' ? g_utf8_next_char(end) : end;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	c->score = c->size * (1 - BALANCE_LOSS * (1 - narrowest / widest));
	if (c->lone == 0 && lone_edge < widest * SHORT_LINE)
		c->lone = 1;
	if (article)
		c->lone = 3;
	for (i = 0; i + 1 < c->lines; i++)
		if (ends_clause(text, text + c->at[i])) {
			c->score *= 1 + CLAUSE_GAIN;
			break;
		}
done:
	g_free(forced);
}

/*
 * size rounded down to a hundredth, so golden tests read well. A size
 * already a hundredth stays: 32.19 * 100 is 3218.999... in binary, and
 * a text capped at another's 32.19 came out at 32.18.
 */
static double
hundredths(double size)
{
	return floor(size * 100 + 1e-6) / 100;
}

/* C(n, k), or more than limit. */
static size_t
binomial(size_t n, size_t k, size_t limit)
{
	size_t r = 1, i;

	if (k > n)
		return 0;
	for (i = 1; i <= k && r <= limit; i++)
		r = r * (n - k + i) / i;
	return r;
}

/* The largest size of the choices with at most lone, and at least min. */
static double
largest_of(const struct choice *c, size_t n, int lone, double min)
{
	double largest = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].lone <= lone && c[i].size >= min)
			largest = fmax(largest, c[i].size);
	return largest;
}

/*
 * Of the choices, the best: none with a first line of one short word
 * ("LA / CRIMÉE, C'EST") if that costs at most LONE_MIDDLE_LOSS of the
 * largest size, then none with a middle line of one word if that costs at
 * most LONE_MIDDLE_LOSS ("DIE KRIM IST / UKRAINE!" rather than "DIE KRIM
 * / IST / UKRAINE!"), none with a short first or last one if that costs
 * at most LONE_EDGE_LOSS more; of those,
 * the fewest lines that lose at most FEWER_LINES_LOSS more (they read
 * better from a distance), all together at most LONE_MIDDLE_LOSS; then
 * the highest score. NULL if none fits at min.
 */
static const struct choice *
best_choice(const struct choice *c, size_t n, double min)
{
	const struct choice *best = NULL;
	double largest = largest_of(c, n, 3, min), floor_size;
	int lone = 1;
	size_t i;

	if (largest <= 0)
		return NULL;
	if (largest_of(c, n, 2, min) < largest * (1 - LONE_MIDDLE_LOSS))
		lone = 3;
	else if (largest_of(c, n, 1, min) < largest * (1 - LONE_MIDDLE_LOSS))
		lone = 2;
	else if (largest_of(c, n, 0, min) >=
		 largest_of(c, n, 1, min) * (1 - LONE_EDGE_LOSS))
		lone = 0;
	floor_size = fmax(largest_of(c, n, lone, min) * (1 - FEWER_LINES_LOSS),
		largest * (1 - LONE_MIDDLE_LOSS));
	for (i = 0; i < n; i++) {
		if (c[i].size < min || c[i].lone > lone ||
			c[i].size < floor_size)
			continue;
		if (best == NULL || c[i].lines < best->lines ||
			(c[i].lines == best->lines && c[i].score > best->score))
			best = &c[i];
	}
	return best;
}

/*
 * Tries every way to break text at the line starts into at most max_lines
 * lines, and puts the best in *out. -1 if none fits at the minimum size.
 */
static int
choose_breaks(struct choice *out, const GArray *starts,
	const struct fonts *fonts, const char *text, const struct fit_style *st,
	double w, double h, double hi)
{
	PangoLayout *scratch = layout_new(fonts, text, st, 0);
	GArray *all = g_array_new(FALSE, TRUE, sizeof(struct choice));
	const struct choice *best;
	size_t lines, k, idx[32];

	/* Its lines are forced: no phrases to keep. */
	g_object_set_data(G_OBJECT(scratch), PHRASES_KEY, NULL);
	for (lines = 1; lines <= st->max_lines && lines <= starts->len + 1;
		lines++) {
		k = lines - 1;
		for (size_t j = 0; j < k; j++)
			idx[j] = j;
		for (;;) {
			struct choice c = { .lines = lines };
			ssize_t j;

			for (size_t m = 0; m < k; m++)
				c.at[m] = g_array_index(starts, guint, idx[m]);
			measure(&c, scratch, text, st, w, h, hi);
			g_array_append_val(all, c);
			/* The next k of the starts, in order. */
			for (j = (ssize_t)k - 1;
				j >= 0 &&
				idx[j] == starts->len - k + (size_t)j;)
				j--;
			if (j < 0)
				break;
			idx[j]++;
			for (size_t m = (size_t)j + 1; m < k; m++)
				idx[m] = idx[m - 1] + 1;
		}
	}
	best = best_choice((const struct choice *)(void *)all->data, all->len,
		st->min_size);
	if (best != NULL)
		*out = *best;
	g_array_unref(all);
	g_object_unref(scratch);
	return best != NULL ? 0 : -1;
}

/*
 * For a text with too many ways to break it: pango's greedy wrapping at
 * the largest size, fewer lines if they cost at most FEWER_LINES_LOSS,
 * balanced; its line starts in *out. -1 if it does not fit at min.
 */
static int
wrap_greedy(struct choice *out, PangoLayout *layout, const char *text,
	const struct fit_style *st, double w, double h, double hi)
{
	double lo = st->min_size, best, wrap, size;
	PangoLayoutIter *it;
	size_t n;

	if (!fits(layout, text, st, lo, w, h))
		return -1;
	best = largest_size(layout, text, st, st->max_lines, lo, hi, w, h);
	for (n = 1; n < st->max_lines; n++) {
		size = largest_size(layout, text, st, n, lo, best, w, h);
		if (size >= best * (1 - FEWER_LINES_LOSS)) {
			best = size;
			break;
		}
	}
	size = hundredths(best);
	if (size < st->min_size)
		size = st->min_size;
	size = balance(layout, text, st, size, w, h, &wrap);
	set_final(layout, text, st, size, wrap, w, h);
	memset(out, 0, sizeof *out);
	out->size = size;
	it = pango_layout_get_iter(layout);
	while (pango_layout_iter_next_line(it) &&
		out->lines + 1 < sizeof out->at / sizeof out->at[0])
		out->at[out->lines++] =
			(guint)pango_layout_iter_get_line_readonly(it)
				->start_index;
	pango_layout_iter_free(it);
	out->lines++;
	return 0;
}

/* The best breaks of text in the layout (made for text) at the largest size. */
static int
choose_lines(struct choice *out, PangoLayout *layout, const struct fonts *fonts,
	const char *text, const struct fit_style *st, double w, double h)
{
	/* Ink can be taller than the size (accents, Arabic); cap the search. */
	double hi = st->max_size > 0 ? st->max_size : h * 4;
	GArray *starts;
	size_t count = 0, lines;
	int rc;

	layout_set_size(layout, st, FIT_REF_SIZE);
	starts = line_starts(layout, text);
	for (lines = 1; lines <= st->max_lines && count <= MAX_CHOICES; lines++)
		count += binomial(starts->len, lines - 1, MAX_CHOICES);
	if (count <= MAX_CHOICES &&
		st->max_lines < sizeof out->at / sizeof out->at[0]) {
		rc = choose_breaks(out, starts, fonts, text, st, w, h, hi);
		out->size = fmax(hundredths(out->size), st->min_size);
	} else {
		rc = wrap_greedy(out, layout, text, st, w, h, hi);
	}
	g_array_unref(starts);
	return rc;
}

int
fit_text(struct fit *out, const struct fonts *fonts, const char *text,
	const struct fit_style *st, double w, double h, struct diag *d)
{
	struct choice c;
	char *forced;

	memset(out, 0, sizeof *out);
	out->layout = layout_new(fonts, text, st, 1);
	layout_set_size(out->layout, st, FIT_REF_SIZE);
	if (pango_layout_get_unknown_glyphs_count(out->layout) > 0) {
		fit_error("no font has a glyph for a character in", text, d);
		goto fail;
	}
	if (choose_lines(&c, out->layout, fonts, text, st, w, h) < 0) {
		/* The break rules cost too much: pango's own alone, then. */
		g_object_unref(out->layout);
		out->layout = layout_new(fonts, text, st, 0);
		if (choose_lines(&c, out->layout, fonts, text, st, w, h) < 0) {
			fit_error("does not fit even at the minimum size", text,
				d);
			goto fail;
		}
	}
	/*
	 * The chosen breaks become line separators: the layout no longer
	 * wraps, so every thread and every size breaks it the same way.
	 */
	forced = text_with_breaks(text, c.at, c.lines - 1);
	g_object_unref(out->layout);
	out->layout = layout_new(fonts, forced, st, 0);
	g_free(forced);
	out->size = c.size;
	layout_set_size(out->layout, st, out->size);
	pango_layout_set_width(out->layout, -1);
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
fit_share_baseline(struct fit *const *fits, size_t n, double h)
{
	double top = 0, bottom = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		PangoRectangle ink;
		double base, up, down;

		pango_layout_get_extents(fits[i]->layout, &ink, NULL);
		base = (double)pango_layout_get_baseline(fits[i]->layout) /
		       PANGO_SCALE;
		up = (double)ink.y / PANGO_SCALE - base;
		down = (double)(ink.y + ink.height) / PANGO_SCALE - base;
		top = i == 0 ? up : fmin(top, up);
		bottom = i == 0 ? down : fmax(bottom, down);
	}
	for (i = 0; i < n; i++)
		fits[i]->y =
			(h - (bottom - top)) / 2 - top -
			(double)pango_layout_get_baseline(fits[i]->layout) /
				PANGO_SCALE;
}

void
fit_clone(struct fit *out, const struct fit *src, const struct fonts *fonts)
{
	*out = *src;
	out->style.families = xstrdup(src->style.families);
	out->style.lang = xstrdup(src->style.lang);
	out->text = xstrdup(src->text);
	out->layout = layout_new(fonts, src->text, &src->style, 0);
	layout_set_size(out->layout, &src->style, src->size);
	pango_layout_set_width(out->layout, src->wrap);
}

size_t
fit_line_length(const struct fit *f, size_t i)
{
	PangoLayoutLine *line =
		pango_layout_get_line_readonly(f->layout, (int)i);
	const char *text = pango_layout_get_text(f->layout), *start, *end;

	if (line == NULL)
		return 0;
	start = text + line->start_index;
	end = start + line->length;
	while (end > start) {
		const char *prev = g_utf8_prev_char(end);
		gunichar c = g_utf8_get_char(prev);

		if (c != LINE_SEPARATOR && c != ZWSP && !g_unichar_isspace(c))
			break;
		end = prev;
	}
	return (size_t)(end - start);
}

char *
fit_line_text(const struct fit *f, size_t i)
{
	PangoLayoutLine *line =
		pango_layout_get_line_readonly(f->layout, (int)i);
	const char *text = pango_layout_get_text(f->layout);

	if (line == NULL)
		return NULL;
	return xstrndup(text + line->start_index, fit_line_length(f, i));
}
