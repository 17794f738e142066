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
	int cursive;
	size_t max_lines; /* at least 1 */
	double min_size; /* font size bounds, in user units */
	double max_size; /* 0: as large as the box allows */
	enum fit_align align;
};

/* A fitted text, in user units with the box's top left at the origin. */
struct fit {
	PangoLayout *layout; /* owned; draw it at (x, y) */
	double size; /* the chosen font size */
	double x, y; /* where the layout's origin goes */
	size_t line_count;
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

/* The text of line i of a fitted layout, for golden tests; free(). */
char *fit_line_text(const struct fit *f, size_t i);

#endif
