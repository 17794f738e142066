/* fonts.c - a private fontconfig world: Debian's Noto and fonts/. */
#include "input/fonts.h"

#include <cairo-ft.h>
#include <dlfcn.h>
#include <fontconfig/fcfreetype.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unistd.h>

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
 * The font sort, cached. pango sorts every font of the configuration
 * (about 275) for each pattern it loads, and a pattern holds the size:
 * fitting a text tries a dozen sizes, and each paid a sort, the largest
 * part of a small render. The order does not depend on the size when no
 * font has one (all of them scalable), so pango's sorts are answered
 * from a cache keyed by the configuration, the fonts and the pattern
 * without its sizes (size, pixel size, scale, matrix, dpi: none of them
 * is compared when no font has a size): one sort per family, weight and
 * language for the life of a configuration, that is of a library (fonts_free()
 * empties it). pango calls fontconfig's FcFontSetSort(), which this defines
 * over fontconfig's own (found with RTLD_NEXT): the one way in, as pango keeps
 * its patterns to itself. fontconfig's configurations are per process,
 * so the cache is too, under a lock.
 */
struct sorted {
	FcConfig *config;
	FcFontSet *sets[2]; /* copies of the fonts sorted: pango filters */
	int nsets; /* the configuration's anew for each sort */
	FcBool trim;
	FcPattern *key; /* the pattern without sizes */
	/*
	 * A sort's fonts, or a match's one font. A set, even of one: only
	 * FcFontSetDestroy() lets go of a font of fontconfig's cache from
	 * within fontconfig. FcPatternDestroy() would unlock fontconfig's
	 * cache lock in a tail call from here, which ThreadSanitizer (told to
	 * ignore fontconfig's own locking, tests/tsan.supp) takes for an
	 * unlock of a lock never taken.
	 */
	FcFontSet *fonts;
	int match;
	struct sorted *next;
};

typedef FcFontSet *(*sort_fn)(FcConfig *config, FcFontSet **sets, int nsets,
	FcPattern *p, FcBool trim, FcCharSet **csp, FcResult *result);
typedef FcPattern *(*match_fn)(FcConfig *config, FcFontSet **sets, int nsets,
	FcPattern *p, FcResult *result);

static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sorted *sort_cache;

/* Whether the fonts of sets are all without a size: only scalable. */
static int
sizeless(FcFontSet **sets, int nsets)
{
	int i, j;

	for (i = 0; i < nsets; i++)
		for (j = 0; sets[i] != NULL && j < sets[i]->nfont; j++) {
			FcValue v;

			if (FcPatternGet(sets[i]->fonts[j], FC_SIZE, 0, &v) ==
					FcResultMatch ||
				FcPatternGet(sets[i]->fonts[j], FC_PIXEL_SIZE,
					0, &v) == FcResultMatch)
				return 0;
		}
	return 1;
}

/* Whether two sets hold the same fonts (fontconfig's, shared) in order. */
static int
same_fonts(const FcFontSet *a, const FcFontSet *b)
{
	return a->nfont == b->nfont &&
	       (a->nfont == 0 ||
		       memcmp(a->fonts, b->fonts,
			       (size_t)a->nfont * sizeof *a->fonts) == 0);
}

/* A copy of a cached sort, for its caller to destroy. */
static FcFontSet *
copy_set(const FcFontSet *set)
{
	FcFontSet *out = FcFontSetCreate();
	int i;

	for (i = 0; i < set->nfont; i++) {
		FcPatternReference(set->fonts[i]);
		FcFontSetAdd(out, set->fonts[i]);
	}
	return out;
}

/*
 * Whether the caches may answer for these fonts: one or two sets. They
 * must hold no font with a size too, which is checked on a miss only: an
 * entry is made for such fonts alone, and the check reads every font.
 */
static int
cacheable(FcFontSet **sets, int nsets)
{
	return nsets >= 1 && nsets <= 2 && sets[0] != NULL &&
	       (nsets < 2 || sets[1] != NULL);
}

/* p without its sizes, which no font without a size is compared on. */
static FcPattern *
sizeless_key(FcPattern *p)
{
	FcPattern *key = FcPatternDuplicate(p);

	FcPatternDel(key, FC_SIZE);
	FcPatternDel(key, FC_PIXEL_SIZE);
	FcPatternDel(key, FC_SCALE);
	FcPatternDel(key, FC_MATRIX);
	FcPatternDel(key, FC_DPI);
	return key;
}

/* The cached sort (match 0) or match (1) of these, under sort_lock. */
static const struct sorted *
cached(FcConfig *config, FcFontSet **sets, int nsets, FcBool trim,
	const FcPattern *key, int match)
{
	const struct sorted *e;

	for (e = sort_cache; e != NULL; e = e->next)
		if (e->match == match && e->config == config &&
			e->nsets == nsets && same_fonts(e->sets[0], sets[0]) &&
			(nsets < 2 || same_fonts(e->sets[1], sets[1])) &&
			e->trim == trim && FcPatternEqual(e->key, key))
			return e;
	return NULL;
}

/* A new entry of the cache, under sort_lock. Takes ownership of key. */
static struct sorted *
remember(FcConfig *config, FcFontSet **sets, int nsets, FcBool trim,
	FcPattern *key)
{
	struct sorted *e = xcalloc(1, sizeof *e);

	e->config = config;
	e->sets[0] = copy_set(sets[0]);
	e->sets[1] = nsets > 1 ? copy_set(sets[1]) : NULL;
	e->nsets = nsets;
	e->trim = trim;
	e->key = key;
	e->next = sort_cache;
	sort_cache = e;
	return e;
}

FcFontSet *
FcFontSetSort(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
	FcBool trim, FcCharSet **csp, FcResult *result)
{
	sort_fn real = (sort_fn)(uintptr_t)dlsym(RTLD_NEXT, "FcFontSetSort");
	FcFontSet *out = NULL;
	const struct sorted *hit;
	FcPattern *key;

	if (real == NULL) {
		*result = FcResultNoMatch;
		return NULL;
	}
	/* A character set asked for, or fonts with sizes: not cached. */
	if (csp != NULL || !cacheable(sets, nsets))
		return real(config, sets, nsets, p, trim, csp, result);
	key = sizeless_key(p);
	/*
	 * pango sorts on a pool of threads, a dozen sorts at once for one
	 * fitting: the lock is held over a sort, so the others wait for it
	 * and take it from the cache.
	 */
	pthread_mutex_lock(&sort_lock);
	hit = cached(config, sets, nsets, trim, key, 0);
	if (hit != NULL)
		out = copy_set(hit->fonts);
	if (out != NULL) {
		pthread_mutex_unlock(&sort_lock);
		FcPatternDestroy(key);
		*result = out->nfont > 0 ? FcResultMatch : FcResultNoMatch;
		return out;
	}
	if (!sizeless(sets, nsets)) {
		pthread_mutex_unlock(&sort_lock);
		FcPatternDestroy(key);
		return real(config, sets, nsets, p, trim, csp, result);
	}
	out = real(config, sets, nsets, p, trim, NULL, result);
	if (out == NULL) {
		pthread_mutex_unlock(&sort_lock);
		FcPatternDestroy(key);
		return NULL;
	}
	remember(config, sets, nsets, trim, key)->fonts = copy_set(out);
	pthread_mutex_unlock(&sort_lock);
	return out;
}

/* The font of sets that fontconfig's match m was prepared from, or NULL. */
static FcPattern *
matched_font(FcFontSet **sets, int nsets, FcPattern *m)
{
	FcChar8 *file, *f;
	int index, k, i, j;

	if (FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch ||
		FcPatternGetInteger(m, FC_INDEX, 0, &index) != FcResultMatch)
		return NULL;
	for (i = 0; i < nsets; i++)
		for (j = 0; j < sets[i]->nfont; j++) {
			FcPattern *font = sets[i]->fonts[j];

			if (FcPatternGetInteger(font, FC_INDEX, 0, &k) ==
					FcResultMatch &&
				k == index &&
				FcPatternGetString(font, FC_FILE, 0, &f) ==
					FcResultMatch &&
				strcmp((const char *)f, (const char *)file) ==
					0)
				return font;
		}
	return NULL;
}

/*
 * The best font, cached as the sort is: pango matches each pattern too,
 * on its pool of threads beside the sort, and a match scores every font
 * as a sort does (a dozen matches, a quarter of a small render). The
 * font chosen does not depend on the sizes either, for the same reason;
 * the answer is fontconfig's own preparation of that font for p, as
 * FcFontSetMatch() makes it once it has chosen.
 */
FcPattern *
FcFontSetMatch(FcConfig *config, FcFontSet **sets, int nsets, FcPattern *p,
	FcResult *result)
{
	match_fn real = (match_fn)(uintptr_t)dlsym(RTLD_NEXT, "FcFontSetMatch");
	const struct sorted *hit;
	struct sorted *e;
	FcPattern *key, *out, *best;

	if (real == NULL) {
		*result = FcResultNoMatch;
		return NULL;
	}
	if (config == NULL || !cacheable(sets, nsets))
		return real(config, sets, nsets, p, result);
	key = sizeless_key(p);
	pthread_mutex_lock(&sort_lock);
	hit = cached(config, sets, nsets, FcFalse, key, 1);
	if (hit != NULL) {
		out = FcFontRenderPrepare(config, p, hit->fonts->fonts[0]);
		pthread_mutex_unlock(&sort_lock);
		FcPatternDestroy(key);
		*result = out != NULL ? FcResultMatch : FcResultNoMatch;
		return out;
	}
	out = real(config, sets, nsets, p, result);
	best = out != NULL && sizeless(sets, nsets)
		       ? matched_font(sets, nsets, out)
		       : NULL;
	if (best == NULL) {
		pthread_mutex_unlock(&sort_lock);
		FcPatternDestroy(key);
		return out;
	}
	e = remember(config, sets, nsets, FcFalse, key);
	e->match = 1;
	e->fonts = FcFontSetCreate();
	FcPatternReference(best);
	FcFontSetAdd(e->fonts, best);
	pthread_mutex_unlock(&sort_lock);
	return out;
}

/* Forgets the sorts made on config, before it goes. */
static void
forget_sorts(FcConfig *config)
{
	struct sorted **pp, *e;

	pthread_mutex_lock(&sort_lock);
	for (pp = &sort_cache; (e = *pp) != NULL;)
		if (e->config == config) {
			*pp = e->next;
			FcPatternDestroy(e->key);
			FcFontSetDestroy(e->fonts);
			FcFontSetDestroy(e->sets[0]);
			if (e->sets[1] != NULL)
				FcFontSetDestroy(e->sets[1]);
			free(e);
		} else {
			pp = &e->next;
		}
	pthread_mutex_unlock(&sort_lock);
}

/*
 * FreeType faces that bayraq opens and keeps. cairo 1.16 keeps at most
 * ten faces of its own open, and opening an eleventh it closes one that
 * no thread has locked, reading that font's lock count without its lock:
 * a thread about to draw with the face it closes reads freed memory (two
 * batch workers over 42 languages crashed in FreeType, or drew nothing,
 * about one batch in fifteen). cairo never closes a face it is given in
 * a pattern's FC_FT_FACE, and locks each font's face while it uses it. So
 * every font pango asks cairo for (pango makes them all through
 * cairo_ft_font_face_create_for_pattern(), which this defines over
 * cairo's own, found with RTLD_NEXT) gets its face from here: opened
 * once per font file and index, for the life of the process, as cairo
 * keeps its fonts for that long too. A few dozen fonts at most are drawn,
 * so a list is enough.
 */
struct face {
	char *file;
	int index;
	FT_Face face;
	struct face *next;
};

static pthread_mutex_t face_lock = PTHREAD_MUTEX_INITIALIZER;
static FT_Library face_library;
static struct face *faces;

/* The face of file's font number index, opened at the first call. */
static FT_Face
face_lookup(const char *file, int index)
{
	FT_Face out = NULL;
	struct face *e;

	pthread_mutex_lock(&face_lock);
	for (e = faces; e != NULL && out == NULL; e = e->next)
		if (e->index == index && strcmp(e->file, file) == 0)
			out = e->face;
	if (out == NULL && (face_library != NULL ||
				   FT_Init_FreeType(&face_library) == 0)) {
		FT_Face opened;

		/* On failure cairo opens the file itself, as it would have. */
		if (FT_New_Face(face_library, file, index, &opened) == 0) {
			e = xcalloc(1, sizeof *e);
			e->file = xstrdup(file);
			e->index = index;
			e->face = opened;
			e->next = faces;
			faces = e;
			out = opened;
		}
	}
	pthread_mutex_unlock(&face_lock);
	return out;
}

int
fonts_face_kept(const void *ft_face)
{
	const struct face *e;
	int kept = 0;

	pthread_mutex_lock(&face_lock);
	for (e = faces; e != NULL && !kept; e = e->next)
		kept = (const void *)e->face == ft_face;
	pthread_mutex_unlock(&face_lock);
	return kept;
}

typedef cairo_font_face_t *(*face_fn)(FcPattern *pattern);

cairo_font_face_t *
cairo_ft_font_face_create_for_pattern(FcPattern *pattern)
{
	face_fn real = (face_fn)(uintptr_t)dlsym(RTLD_NEXT,
		"cairo_ft_font_face_create_for_pattern");
	cairo_font_face_t *out;
	FcChar8 *file;
	FcPattern *own;
	FT_Face face;
	int index = 0;

	if (real == NULL)
		return NULL;
	if (FcPatternGetFTFace(pattern, FC_FT_FACE, 0, &face) ==
			FcResultMatch ||
		FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch)
		return real(pattern);
	(void)FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
	face = face_lookup((const char *)file, index);
	if (face == NULL)
		return real(pattern);
	own = FcPatternDuplicate(pattern);
	FcPatternAddFTFace(own, FC_FT_FACE, face);
	out = real(own);
	FcPatternDestroy(own);
	return out;
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

/* Whether dir is a folder of ours that only we can write to. */
static int
own_folder(const char *dir)
{
	struct stat st;

	return g_mkdir_with_parents(dir, 0700) == 0 && lstat(dir, &st) == 0 &&
	       S_ISDIR(st.st_mode) && st.st_uid == getuid() &&
	       (st.st_mode & 022) == 0 && access(dir, W_OK) == 0;
}

/*
 * Whether dir is, or could be made, a folder this user writes to: the
 * nearest thing of its path that exists is a writable folder. Nothing is
 * created (fontconfig makes it when it writes), and no folder above that one is
 * looked at.
 */
static int
can_make(const char *dir)
{
	char *p = g_strdup(dir);
	int ok = 0;

	for (;;) {
		char *up;

		struct stat st;

		if (stat(p, &st) == 0) {
			ok = S_ISDIR(st.st_mode) && access(p, W_OK) == 0;
			break;
		}
		up = g_path_get_dirname(p);
		if (strcmp(up, p) == 0) {
			g_free(up);
			break;
		}
		g_free(p);
		p = up;
	}
	g_free(p);
	return ok;
}

/*
 * fonts.conf keeps fontconfig's cache in the user's cache folder. Where
 * that cannot be written (no home, a read-only one), fontconfig prints
 * "No writable cache directories" for each font folder it reads; a
 * folder of this user's in the temporary directory serves instead.
 */
static void
writable_cache(FcConfig *cfg)
{
	FcStrList *dirs = FcConfigGetCacheDirs(cfg);
	FcChar8 *dir;
	char *tmp, *xml;
	int ok = 0;

	while (!ok && dirs != NULL && (dir = FcStrListNext(dirs)) != NULL)
		ok = can_make((const char *)dir);
	if (dirs != NULL)
		FcStrListDone(dirs);
	if (ok)
		return;
	tmp = g_strdup_printf("%s/bayraq-fontconfig-%ju", g_get_tmp_dir(),
		(uintmax_t)getuid());
	if (own_folder(tmp)) {
		xml = g_markup_printf_escaped(
			"<fontconfig><cachedir>%s</cachedir></fontconfig>",
			tmp);
		FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)xml,
			FcFalse);
		g_free(xml);
	}
	g_free(tmp);
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
	writable_cache(cfg);
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
	forget_sorts(f->config);
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

/* Whether a font of cfg has c: fontconfig lists fonts whose coverage holds it.
 */
static int
has_char(FcConfig *cfg, gunichar c)
{
	FcCharSet *cs = FcCharSetCreate();
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, (char *)NULL);
	FcFontSet *set;
	int has;

	FcCharSetAddChar(cs, c);
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	set = FcFontList(cfg, pat, os);
	has = set != NULL && set->nfont > 0;
	if (set != NULL)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	FcCharSetDestroy(cs);
	return has;
}

/*
 * Noto Sans's fonts, listed with their coverage, or NULL: most typed text
 * stays within it, and one list of its fonts costs what listing every
 * font for one character does. The coverage is borrowed from the list:
 * destroyed by FcFontSetDestroy(), inside fontconfig, as the cache's
 * locking wants (see struct sorted above).
 */
static FcFontSet *
base_fonts(FcConfig *cfg, FcCharSet **coverage)
{
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_CHARSET, (char *)NULL);
	FcFontSet *set;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"Noto Sans");
	set = FcFontList(cfg, pat, os);
	*coverage = NULL;
	if (set != NULL && set->nfont > 0)
		FcPatternGetCharSet(set->fonts[0], FC_CHARSET, 0, coverage);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return set;
}

gunichar
fonts_missing_char(const struct fonts *f, const char *text)
{
	FcCharSet *base;
	FcFontSet *set = base_fonts(f->config, &base);
	gunichar missing = 0;
	const char *p;

	for (p = text; *p != '\0' && missing == 0; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if ((base == NULL || !FcCharSetHasChar(base, c)) &&
			!u_hasBinaryProperty((UChar32)c,
				UCHAR_DEFAULT_IGNORABLE_CODE_POINT) &&
			!has_char(f->config, c))
			missing = c;
	}
	if (set != NULL)
		FcFontSetDestroy(set);
	return missing;
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
	pango_context_set_round_glyph_positions(ctx, FALSE);
	return ctx;
}
