/* fonts.h - a PangoFontMap that sees only the fonts bayraq chooses. */
#ifndef BAYRAQ_FONTS_H
#define BAYRAQ_FONTS_H

#include <pango/pango.h>

#include "base/diag.h"

struct fonts;

/*
 * Builds a private fontconfig configuration from fonts_dir/fonts.conf and a
 * pangocairo font map on it. Never touches pango's per-thread default map.
 * Fails with DIAG_IO when the configuration or the Noto fonts are missing.
 * The caller frees the result with fonts_free().
 */
struct fonts *fonts_load(const char *fonts_dir, struct diag *d);

void fonts_free(struct fonts *f);

/*
 * The same fonts for another thread: a fontconfig configuration and a font
 * map of its own, from the same fonts.conf (fontconfig's cache makes it
 * quick). Safe to call while another thread uses f. NULL with d set on
 * failure. Free with fonts_free().
 */
struct fonts *fonts_clone(const struct fonts *f, struct diag *d);

/*
 * A new context on the font map with linear metrics: no hinting and
 * unrounded glyph positions, at 72 dpi so a size in points is a size in
 * user units. The caller releases it with g_object_unref().
 */
PangoContext *fonts_context_new(const struct fonts *f);

/*
 * The first character of text (UTF-8) that no font of f has, so that pango
 * would draw it as a box; 0 when every one is there. Characters that draw
 * nothing (joiners, variation selectors, direction isolates) need none.
 */
gunichar fonts_missing_char(const struct fonts *f, const char *text);

/*
 * Whether ft_face (an FT_Face) is one of the faces bayraq opens and keeps,
 * which cairo never closes: every font pango makes on any thread draws
 * with one (see fonts.c). For the tests.
 */
int fonts_face_kept(const void *ft_face);

#endif
