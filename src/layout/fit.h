/* fit.h - pango layout, wrapping and shrink-to-fit of one text slot. */
#ifndef BAYRAQ_FIT_H
#define BAYRAQ_FIT_H

#include <stddef.h>
#include <pango/pango.h>

#include "base/diag.h"
#include "input/fonts.h"

enum fit_align { FIT_START, FIT_CENTER, FIT_END };

struct fit_style {
	const char *families; /* comma-separated, tried in order */
	int weight; /* CSS weight: 400, 700, ... */
	const char *lang; /* BCP 47 tag, for shaping and line breaking */
	int rtl; /* right-to-left paragraph */
	double letter_spacing; /* in em; ignored for cursive scripts */
	double line_height; /* baseline to baseline, in em; 0: the font's */
	int cursive;
	size_t max_lines; /* at least 1 */
	double min_size; /* font size bounds, in user units */
	double max_size; /* 0: as large as the box allows */
	enum fit_align align;
};

/* A fitted text, in user units with the box's top left at the origin. */
struct fit {
	PangoLayout *layout; /* owned, bound to one thread; draw at (x, y) */
	double size; /* the chosen font size */
	double x, y; /* where the layout's origin goes */
	size_t line_count;
	/* What the layout is made of, so another thread can make its own. */
	struct fit_style style; /* families and lang owned */
	char *text; /* owned */
	int wrap; /* the wrap width, pango units */
};

/*
 * Finds the largest font size at which text fits a w x h box: at most
 * max_lines lines, broken only where the language allows a line break,
 * with the ink of every line inside the box. Sizes use linear metrics, so
 * the result does not depend on the output resolution. The ink is centred
 * vertically and aligned horizontally per the style. Text is never
 * ellipsized: below min_size it fails with DIAG_FIT, and a glyph missing
 * from every font fails with DIAG_FIT too. Release with fit_release().
 */
int fit_text(struct fit *out, const struct fonts *fonts, const char *text,
	const struct fit_style *st, double w, double h, struct diag *d);

void fit_release(struct fit *f);

/*
 * Puts fits of one line each on one baseline, each in its own box of
 * height h: the union of their inks is centred as one fit's ink is, so
 * labels side by side line up whatever their letters reach.
 */
void fit_share_baseline(struct fit *const *fits, size_t n, double h);

/*
 * The fitted text laid out again on fonts (another thread's), at the size
 * and line breaks already found: no fitting, the same result. Reads only
 * the plain fields of src, never its layout, so it is safe while another
 * thread draws src. Release with fit_release().
 */
void fit_clone(struct fit *out, const struct fit *src,
	const struct fonts *fonts);

/* The text of line i of a fitted layout, for golden tests; free(). */
char *fit_line_text(const struct fit *f, size_t i);

/*
 * The length in bytes of line i's text, from its start_index in the
 * layout's text: without the spaces or the line separator it ends with.
 */
size_t fit_line_length(const struct fit *f, size_t i);

#endif
