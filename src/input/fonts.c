/* fonts.c - a private fontconfig world: Debian's Noto and fonts/. */
#include "input/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct fonts {
	char *dir; /* fonts/, for a clone's own configuration */
	FcConfig *config; /* this thread's: see fonts_clone() */
	PangoFontMap *map; /* this thread's */
};

static int
has_family(FcConfig *cfg, const char *family)
{
	FcPattern *pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString,
		(const FcChar8 *)family, (char *)NULL);
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, (char *)NULL);
	FcFontSet *set = FcFontList(cfg, pat, os);
	int found = set != NULL && set->nfont > 0;

	if (set != NULL)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return found;
}

/*
 * pango's first font map starts fontconfig's default configuration (the
 * system's fonts.conf and every font folder it names) on a thread, unless
 * a configuration is current already; bayraq never uses that one. So the
 * first of ours becomes current, once for the process: fontconfig's
 * current configuration is its own global, and replacing it while another
 * thread reads it would be a race.
 */
static void
make_current(FcConfig *cfg)
{
	static gsize done;

	if (g_once_init_enter(&done)) {
		FcConfigSetCurrent(cfg);
		g_once_init_leave(&done, 1);
	}
}

/* A font map of our own on cfg, which it references. */
static struct fonts *
fonts_on(FcConfig *cfg)
{
	struct fonts *f = xcalloc(1, sizeof *f);

	make_current(cfg);
	FcConfigReference(cfg);
	f->config = cfg;
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), cfg);
	return f;
}

struct fonts *
fonts_load(const char *fonts_dir, struct diag *d)
{
	struct fonts *f = NULL;
	FcConfig *cfg = FcConfigCreate();
	char *conf = xasprintf("%s/fonts.conf", fonts_dir);
	/* fontconfig looks for a relative name in its own folders. */
	char *abs = realpath(conf, NULL);

	if (abs == NULL) {
		diag_set(d, DIAG_IO, "cannot open font configuration '%s': %s",
			conf, g_strerror(errno));
		goto out;
	}
	if (!FcConfigParseAndLoad(cfg, (const FcChar8 *)abs, FcTrue)) {
		diag_set(d, DIAG_IO, "cannot load font configuration '%s'",
			conf);
		goto out;
	}
	if (!FcConfigBuildFonts(cfg)) {
		diag_set(d, DIAG_LIB, "cannot build the font list from '%s'",
			conf);
		goto out;
	}
	if (!has_family(cfg, "Noto Sans")) {
		diag_set(d, DIAG_IO,
			"font 'Noto Sans' not found (install fonts-noto-core "
			"and fonts-noto-cjk: apt-get install fonts-noto-core "
			"fonts-noto-cjk)");
		goto out;
	}
	f = fonts_on(cfg);
	f->dir = xstrdup(fonts_dir);
out:
	FcConfigDestroy(cfg);
	free(abs);
	free(conf);
	return f;
}

void
fonts_free(struct fonts *f)
{
	if (f == NULL)
		return;
	g_object_unref(f->map);
	FcConfigDestroy(f->config);
	free(f->dir);
	free(f);
}

/*
 * A configuration of its own too, built from fontconfig's cache: one
 * FcConfig shared by font maps on two threads made a Japanese batch row
 * come out now and then in the wrong font, as boxes.
 */
struct fonts *
fonts_clone(const struct fonts *f, struct diag *d)
{
	return fonts_load(f->dir, d);
}

PangoContext *
fonts_context_new(const struct fonts *f)
{
	PangoContext *ctx = pango_font_map_create_context(f->map);
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72.0);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	return ctx;
}
