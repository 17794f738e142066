/* test-fit.c - shrink-to-fit against golden sizes and line breaks (tests/fit).
 */
#include <dirent.h>
#include <dlfcn.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fit.h"
#include "input/fonts.h"
#include "input/lang.h"
#include "base/xalloc.h"

#include "check.h"

/* Sizes may move this much with a rebuilt font cache; far below print. */
#define SIZE_TOLERANCE 0.02

struct golden {
	double w, h, min_size, size;
	char lang[32], families[128], text[512];
	int weight;
	size_t max_lines, line_count;
	char lines[8][256];
};

static void
set_field(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Drops the newline and trailing spaces, which editors strip anyway. */
static void
chomp(char *s)
{
	size_t n = strcspn(s, "\n");

	while (n > 0 && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
}

static int
read_golden(const char *path, struct golden *g)
{
	FILE *fp = fopen(path, "r");
	char buf[600];
	int expect = 0;

	if (fp == NULL)
		return -1;
	memset(g, 0, sizeof *g);
	g->weight = 700;
	g->max_lines = 1;
	set_field(g->lang, sizeof g->lang, "en");
	while (fgets(buf, sizeof buf, fp) != NULL) {
		chomp(buf);
		if (buf[0] == '#' || buf[0] == '\0')
			continue;
		if (strcmp(buf, "---") == 0)
			expect = 1;
		else if (sscanf(buf, "box: %lf %lf", &g->w, &g->h) == 2)
			continue;
		else if (strncmp(buf, "lang: ", 6) == 0)
			set_field(g->lang, sizeof g->lang, buf + 6);
		else if (strncmp(buf, "families: ", 10) == 0)
			set_field(g->families, sizeof g->families, buf + 10);
		else if (strncmp(buf, "text: ", 6) == 0)
			set_field(g->text, sizeof g->text, buf + 6);
		else if (sscanf(buf, "weight: %d", &g->weight) == 1 ||
			 sscanf(buf, "max-lines: %zu", &g->max_lines) == 1 ||
			 sscanf(buf, "min-size: %lf", &g->min_size) == 1)
			continue;
		else if (expect && sscanf(buf, "size: %lf", &g->size) == 1)
			continue;
		else if (expect && strncmp(buf, "line: ", 6) == 0 &&
			 g->line_count < 8)
			set_field(g->lines[g->line_count++], sizeof g->lines[0],
				buf + 6);
	}
	fclose(fp);
	return 0;
}

static void
style_for(const struct golden *g, struct lang *l, struct fit_style *st)
{
	lang_init(l, g->lang);
	memset(st, 0, sizeof *st);
	st->families = g->families[0] ? g->families : l->families;
	st->weight = g->weight;
	st->lang = l->tag;
	st->rtl = l->rtl;
	st->cursive = l->cursive;
	st->max_lines = g->max_lines;
	st->min_size = g->min_size;
	st->align = FIT_CENTER;
}

/* A bold, centred style for lang, for the tests outside golden files. */
static void
plain_style(struct golden *g, const char *lang, size_t max_lines,
	double min_size, struct lang *l, struct fit_style *st)
{
	memset(g, 0, sizeof *g);
	set_field(g->lang, sizeof g->lang, lang);
	g->weight = 700;
	g->max_lines = max_lines;
	g->min_size = min_size;
	style_for(g, l, st);
}

/* With BAYRAQ_UPDATE_FIT set, rewrites the expectations (make refs). */
static void
write_golden(const char *path, const struct fit *f)
{
	FILE *in = fopen(path, "r"), *out;
	char *tmp = xasprintf("%s.new", path), buf[600];
	size_t i;

	out = fopen(tmp, "w");
	while (in != NULL && out != NULL &&
		fgets(buf, sizeof buf, in) != NULL && strcmp(buf, "---\n") != 0)
		fputs(buf, out);
	if (out != NULL) {
		fprintf(out, "---\nsize: %.2f\n", f->size);
		for (i = 0; i < f->line_count; i++) {
			char *line = fit_line_text(f, i);

			chomp(line);
			fprintf(out, "line: %s\n", line);
			free(line);
		}
		fclose(out);
		rename(tmp, path);
	}
	if (in != NULL)
		fclose(in);
	free(tmp);
}

/*
 * Every font of the fit draws with a FreeType face bayraq keeps: cairo
 * 1.16 closed its own under other threads' feet (fonts.c). The goldens
 * span the scripts, so more than cairo's ten faces are opened in all.
 */
static void
check_faces_kept(const struct fit *f, const char *path)
{
	PangoLayoutIter *it = pango_layout_get_iter(f->layout);
	int runs = 0;

	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
		cairo_scaled_font_t *sf;
		FT_Face face;

		if (run == NULL)
			continue;
		sf = pango_cairo_font_get_scaled_font(
			PANGO_CAIRO_FONT(run->item->analysis.font));
		face = sf != NULL ? cairo_ft_scaled_font_lock_face(sf) : NULL;
		if (!fonts_face_kept(face))
			fprintf(stderr, "%s: a font's face is cairo's own\n",
				path);
		CHECK(fonts_face_kept(face));
		if (face != NULL)
			cairo_ft_scaled_font_unlock_face(sf);
		runs++;
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	CHECK(runs > 0);
}

/* The pattern pango makes for st at a pixel size, near enough. */
static FcPattern *
pattern_for(const struct fit_style *st, double size)
{
	FcPattern *p = FcPatternCreate();
	char **families = g_strsplit(st->families, ",", -1), **f;

	for (f = families; *f != NULL; f++)
		FcPatternAddString(p, FC_FAMILY,
			(const FcChar8 *)g_strstrip(*f));
	g_strfreev(families);
	FcPatternAddDouble(p, FC_WEIGHT,
		FcWeightFromOpenTypeDouble(st->weight));
	FcPatternAddString(p, FC_LANG, (const FcChar8 *)st->lang);
	FcPatternAddDouble(p, FC_PIXEL_SIZE, size);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	return p;
}

typedef FcPattern *(*match_fn)(FcConfig *config, FcFontSet **sets, int nsets,
	FcPattern *p, FcResult *result);

/*
 * fonts.c answers fontconfig's matches from a cache without the sizes: at
 * each size it must give what fontconfig itself gives, the same font
 * prepared for that size. The goldens span the scripts and weights.
 */
static void
check_match_cached(const struct fit_style *st, const char *path)
{
	match_fn real = (match_fn)(uintptr_t)dlsym(RTLD_NEXT, "FcFontSetMatch");
	/* Current: fonts.c makes the first configuration so. */
	FcConfig *cfg = FcConfigGetCurrent();
	FcFontSet *sets[1] = { FcConfigGetFonts(cfg, FcSetSystem) };
	FcPattern *small = pattern_for(st, 13.5), *big = pattern_for(st, 77);
	FcPattern *first, *cached, *own;
	FcResult r;

	CHECK(real != NULL && real != FcFontSetMatch);
	if (real == NULL || sets[0] == NULL)
		return;
	first = FcFontSetMatch(cfg, sets, 1, small, &r);
	cached = FcFontSetMatch(cfg, sets, 1, big, &r);
	own = real(cfg, sets, 1, big, &r);
	CHECK(first != NULL && cached != NULL && own != NULL);
	if (cached != NULL && own != NULL && !FcPatternEqual(cached, own))
		fprintf(stderr, "%s: the cached match is not fontconfig's\n",
			path);
	CHECK(cached != NULL && own != NULL && FcPatternEqual(cached, own));
	FcPatternDestroy(first);
	FcPatternDestroy(cached);
	FcPatternDestroy(own);
	FcPatternDestroy(small);
	FcPatternDestroy(big);
}

static void
check_golden(const struct fonts *fonts, const char *path)
{
	struct golden g;
	struct fit_style st;
	struct lang l;
	struct diag d = { 0 };
	struct fit f;
	PangoRectangle ink;
	size_t i;

	CHECK(read_golden(path, &g) == 0);
	style_for(&g, &l, &st);
	CHECK(fit_text(&f, fonts, g.text, &st, g.w, g.h, &d) == 0);
	if (d.kind != DIAG_NONE) {
		fprintf(stderr, "%s: %s\n", path, d.msg);
		return;
	}
	check_faces_kept(&f, path);
	check_match_cached(&st, path);
	if (getenv("BAYRAQ_UPDATE_FIT") != NULL)
		write_golden(path, &f);
	CHECK_NEAR(f.size, g.size, SIZE_TOLERANCE);
	CHECK(f.line_count == g.line_count);
	for (i = 0; i < f.line_count && i < g.line_count; i++) {
		char *line = fit_line_text(&f, i);

		chomp(line);
		CHECK_STR(line, g.lines[i]);
		free(line);
	}
	/* Whatever the text, its ink lies inside the box. */
	pango_layout_get_extents(f.layout, &ink, NULL);
	CHECK(f.x + (double)ink.x / PANGO_SCALE >= -0.01);
	CHECK(f.y + (double)ink.y / PANGO_SCALE >= -0.01);
	CHECK(f.x + (double)(ink.x + ink.width) / PANGO_SCALE <= g.w + 0.01);
	CHECK(f.y + (double)(ink.y + ink.height) / PANGO_SCALE <= g.h + 0.01);
	CHECK(f.line_count <= g.max_lines);
	fit_release(&f);
}

static void
test_goldens(const struct fonts *fonts)
{
	DIR *dir = opendir("tests/fit");
	struct dirent *e;
	int n = 0;

	CHECK(dir != NULL);
	while (dir != NULL && (e = readdir(dir)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path;

		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0 ||
			strncmp(e->d_name, "ignore-", 7) == 0)
			continue;
		path = xasprintf("tests/fit/%s", e->d_name);
		check_golden(fonts, path);
		free(path);
		n++;
	}
	if (dir != NULL)
		closedir(dir);
	CHECK(n >= 8);
}

static void
test_refusals(const struct fonts *fonts)
{
	struct fit_style st;
	struct lang l;
	struct golden g;
	struct diag d = { 0 };
	struct fit f;

	plain_style(&g, "en", 1, 20, &l, &st);
	CHECK(fit_text(&f, fonts,
		      "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogo"
		      "ch",
		      &st, 300, 40, &d) < 0);
	CHECK(d.kind == DIAG_FIT);
	CHECK_HAS(d.msg, "does not fit even at the minimum size");
	CHECK(f.layout == NULL);

	diag_clear(&d);
	CHECK(fit_text(&f, fonts, "Crimea \xee\x80\x80", &st, 600, 100, &d) <
		0);
	CHECK(d.kind == DIAG_FIT);
	CHECK_HAS(d.msg, "no font has a glyph");

	/* One long word is never broken to fit. */
	diag_clear(&d);
	plain_style(&g, "en", 3, 40, &l, &st);
	CHECK(fit_text(&f, fonts, "#LIBERATECRIMEA", &st, 200, 300, &d) < 0);
	CHECK(d.kind == DIAG_FIT);
}

static void
test_bigger_box_bigger_text(const struct fonts *fonts)
{
	struct fit_style st;
	struct lang l;
	struct golden g;
	struct diag d = { 0 };
	struct fit small, big;

	plain_style(&g, "uk", 2, 5, &l, &st);
	CHECK(fit_text(&small, fonts, "Крим — це Україна!", &st, 400, 150,
		      &d) == 0);
	CHECK(fit_text(&big, fonts, "Крим — це Україна!", &st, 800, 300, &d) ==
		0);
	/* Linear metrics: twice the box is exactly twice the size. */
	CHECK_NEAR(big.size, 2 * small.size, 0.05);
	fit_release(&small);
	fit_release(&big);
}

/* Letter-spacing breaks Arabic joins: it is never applied there. */
static void
test_no_spacing_for_cursive(const struct fonts *fonts)
{
	struct fit_style st;
	struct lang l;
	struct golden g;
	struct diag d = { 0 };
	struct fit plain, spaced;

	plain_style(&g, "ar", 1, 5, &l, &st);
	CHECK(fit_text(&plain, fonts, "القرم أوكرانية!", &st, 800, 200, &d) ==
		0);
	st.letter_spacing = 0.2;
	CHECK(fit_text(&spaced, fonts, "القرم أوكرانية!", &st, 800, 200, &d) ==
		0);
	CHECK_NEAR(spaced.size, plain.size, 1e-9);
	fit_release(&plain);
	fit_release(&spaced);
	/* The same spacing does shrink Latin text. */
	plain_style(&g, "en", 1, 5, &l, &st);
	CHECK(fit_text(&plain, fonts, "CRIMEA IS UKRAINE!", &st, 800, 200,
		      &d) == 0);
	st.letter_spacing = 0.2;
	CHECK(fit_text(&spaced, fonts, "CRIMEA IS UKRAINE!", &st, 800, 200,
		      &d) == 0);
	CHECK(spaced.size < plain.size * 0.9);
	fit_release(&plain);
	fit_release(&spaced);
}

/* What a width sweep checks in each fit: fit, the box's width, arg. */
typedef void (*fit_check_fn)(const struct fit *f, const char *lang, double w,
	void *arg);

/*
 * Fits text in boxes 500 high and from 120 to 1000 wide, by step, in a
 * bold style of at most max_lines lines, and hands each fit to check. Some
 * fits must take more than one line, or the sweep tests nothing.
 */
static void
sweep_widths(const struct fonts *fonts, const char *lang, const char *text,
	size_t max_lines, double step, fit_check_fn check, void *arg)
{
	struct fit_style st;
	struct lang l;
	struct golden g;
	struct diag d = { 0 };
	struct fit f;
	size_t broken = 0;
	double w;

	for (w = 120; w <= 1000; w += step) {
		plain_style(&g, lang, max_lines, 2, &l, &st);
		if (fit_text(&f, fonts, text, &st, w, 500, &d) < 0) {
			fprintf(stderr, "%s at %.0f: %s\n", lang, w, d.msg);
			CHECK(0);
			return;
		}
		broken += f.line_count > 1;
		check(&f, lang, w, arg);
		fit_release(&f);
	}
	CHECK(broken > 0);
}

/* No line of f starts inside one of the words (NULL-terminated) arg. */
static void
not_split(const struct fit *f, const char *lang, double w, void *arg)
{
	const char *const *words = arg;
	/* The layout's text: its breaks are line separators. */
	const char *laid = pango_layout_get_text(f->layout);
	size_t i, j;

	for (i = 1; i < f->line_count; i++) {
		int at = pango_layout_get_line_readonly(f->layout, (int)i)
				 ->start_index;

		for (j = 0; words[j] != NULL; j++) {
			const char *p = strstr(laid, words[j]);
			int from = (int)(p - laid);

			CHECK(p != NULL);
			if (p != NULL && at > from &&
				at < from + (int)strlen(words[j]))
				fprintf(stderr, "%s: '%s' split at %.0f\n",
					lang, words[j], w);
			CHECK(p == NULL || at <= from ||
				at >= from + (int)strlen(words[j]));
		}
	}
}

static void
check_never_split(const struct fonts *fonts, const char *lang, const char *text,
	const char *const *words)
{
	sweep_widths(fonts, lang, text, 4, 40, not_split, (void *)words);
}

/* zh, ja and th break between words, ko at spaces; U+200B overrides. */
static void
test_word_breaks(const struct fonts *fonts)
{
	static const char *const zh[] = { "克里米亚", "乌克兰", NULL };
	static const char *const zh_day[] = { "2月", "26日", "克里米亚", "抵抗",
		NULL };
	static const char *const ja[] = { "クリミアは", "ウクライナだ！",
		NULL };
	static const char *const ja_long[] = { "クリミア", "タタール", "先住民",
		NULL };
	static const char *const ko[] = { "크림은", "우크라이나다!", NULL };
	static const char *const ko_long[] = { "크림", "타타르인은", "크림의",
		"원주민이다", NULL };
	static const char *const th[] = { "คือ", "ยูเครน", NULL };
	static const char *const hint[] = { "クリミアの政治犯に", NULL };

	check_never_split(fonts, "zh", "克里米亚是乌克兰！", zh);
	check_never_split(fonts, "zh-Hant", "克里米亞是烏克蘭！",
		(const char *const[]){ "克里米亞", "烏克蘭", NULL });
	check_never_split(fonts, "zh", "2月26日：克里米亚抵抗日", zh_day);
	check_never_split(fonts, "ja", "クリミアはウクライナだ！", ja);
	check_never_split(fonts, "ja",
		"クリミア・タタール人はクリミアの先住民族だ", ja_long);
	check_never_split(fonts, "ko", "크림은 우크라이나다!", ko);
	check_never_split(fonts, "ko", "크림 타타르인은 크림의 원주민이다",
		ko_long);
	check_never_split(fonts, "th", "ไครเมียคือยูเครน!", th);
	/* A translator's hints: only there, even where ICU sees words. */
	check_never_split(fonts, "ja", "クリミアの政治犯に\u200b自由を", hint);
}

/* The distance between two baselines, in user units. */
static double
baseline_step(const struct fit *f)
{
	PangoLayoutIter *it = pango_layout_get_iter(f->layout);
	double first = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
	double second = first;

	if (pango_layout_iter_next_line(it))
		second = (double)pango_layout_iter_get_baseline(it) /
			 PANGO_SCALE;
	pango_layout_iter_free(it);
	return second - first;
}

/* line_height sets baseline to baseline, in em; tighter lets text grow. */
static void
test_line_height(const struct fonts *fonts)
{
	struct fit_style st;
	struct lang l;
	struct golden g;
	struct diag d = { 0 };
	struct fit natural, tight, clone;

	plain_style(&g, "en", 2, 5, &l, &st);
	/* A tall, narrow box: two lines, limited by their height. */
	CHECK(fit_text(&natural, fonts, "CRIMEA IS UKRAINE!", &st, 600, 180,
		      &d) == 0);
	st.line_height = 1.0;
	CHECK(fit_text(&tight, fonts, "CRIMEA IS UKRAINE!", &st, 600, 180,
		      &d) == 0);
	CHECK(natural.line_count == 2 && tight.line_count == 2);
	CHECK_NEAR(baseline_step(&tight), tight.size, 0.01);
	CHECK(baseline_step(&natural) > 1.25 * natural.size);
	CHECK(tight.size > natural.size);
	/* Another thread's copy keeps the leading. */
	fit_clone(&clone, &tight, fonts);
	CHECK_NEAR(baseline_step(&clone), baseline_step(&tight), 0.01);
	fit_release(&clone);
	fit_release(&natural);
	fit_release(&tight);
}

/* No line of f after the first starts with any of arg (NULL-terminated). */
static void
no_line_starts(const struct fit *f, const char *lang, double w, void *arg)
{
	const char *const *starts = arg;
	size_t i, j;

	for (i = 1; i < f->line_count; i++) {
		char *line = fit_line_text(f, i);

		for (j = 0; starts[j] != NULL; j++) {
			int bad = strncmp(line, starts[j], strlen(starts[j])) ==
				  0;

			if (bad)
				fprintf(stderr, "%s at %.0f: line '%s'\n", lang,
					w, line);
			CHECK(!bad);
		}
		free(line);
	}
}

static void
check_no_line_starts(const struct fonts *fonts, const char *lang,
	const char *text, const char *const *starts)
{
	sweep_widths(fonts, lang, text, 3, 40, no_line_starts, (void *)starts);
}

/*
 * No line starts with a dash or closing punctuation, even after a space
 * where UAX #14 allows a break; a number keeps its month.
 */
static void
test_break_rules(const struct fonts *fonts)
{
	static const char *const dash[] = { "–", "-", "—", NULL };
	static const char *const bang[] = { "!", "»", NULL };
	static const char *const month[] = { "лютого", "—", NULL };
	static const char *const lt_day[] = { "26-oji", "–", NULL };

	check_no_line_starts(fonts, "lt", "KRYMAS – TAI UKRAINA!", dash);
	check_no_line_starts(fonts, "fr", "« LA CRIMÉE, C’EST L’UKRAINE ! »",
		bang);
	check_no_line_starts(fonts, "uk",
		"26 лютого — День кримського спротиву", month);
	check_no_line_starts(fonts, "lt",
		"Vasario 26-oji – Krymo pasipriešinimo diena", lt_day);
}

/* The first line of f is not the word arg alone, when f has more. */
static void
no_lone_article(const struct fit *f, const char *lang, double w, void *arg)
{
	char *line = fit_line_text(f, 0);
	int bad = f->line_count > 1 && strcmp(line, arg) == 0;

	if (bad)
		fprintf(stderr, "%s at %.0f: '%s' alone\n", lang, w, line);
	CHECK(!bad);
	free(line);
}

/*
 * Fitted in boxes from narrow to wide, the first line is never an article
 * alone ("LA / CRIMÉE, C'EST / L'UKRAINE !"), though it would be larger.
 */
static void
check_no_lone_article(const struct fonts *fonts, const char *lang,
	const char *text, const char *article)
{
	sweep_widths(fonts, lang, text, 4, 20, no_lone_article,
		(void *)article);
}

static void
test_no_lone_article(const struct fonts *fonts)
{
	check_no_lone_article(fonts, "fr", "LA CRIMÉE, C’EST L’UKRAINE !",
		"LA");
	check_no_lone_article(fonts, "de", "DIE KRIM IST UKRAINE!", "DIE");
	check_no_lone_article(fonts, "it", "LA CRIMEA È UCRAINA!", "LA");
}

/*
 * A centred Chinese headline in two lines: each line's ink is centred in
 * the box within 2% of its width, the full-width "！" at the end of the
 * second set half-width (without, it is 5% off).
 */
static void
test_cjk_centred_on_ink(const struct fonts *fonts)
{
	struct fit_style st;
	struct lang l;
	struct golden g;
	struct diag d = { 0 };
	struct fit f;
	PangoLayoutIter *it;

	plain_style(&g, "zh-Hans", 2, 2, &l, &st);
	CHECK(fit_text(&f, fonts, "克里米亚是乌克兰！", &st, 400, 400, &d) ==
		0);
	CHECK(f.line_count == 2);
	it = pango_layout_get_iter(f.layout);
	do {
		PangoRectangle ink;
		double centre;

		pango_layout_iter_get_line_extents(it, &ink, NULL);
		centre = f.x + (ink.x + ink.width / 2.0) / PANGO_SCALE;
		CHECK_NEAR(centre, 200, 400 * 0.02);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	fit_release(&f);
}

/*
 * Labels side by side: one with descenders, one without, each fitted
 * and placed on its own ink, then put on one baseline with the union of
 * their inks centred in the box.
 */
static void
test_shared_baseline(const struct fonts *fonts)
{
	static const char *const texts[] = { "UKRAINE", "gypsy jig" };
	struct golden g;
	struct fit_style st;
	struct lang l;
	struct diag d = { 0 };
	struct fit f[2], *both[2] = { &f[0], &f[1] };
	double base[2], top = 1e9, bottom = -1e9;
	size_t i;

	plain_style(&g, "en", 1, 4, &l, &st);
	st.max_size = 20;
	for (i = 0; i < 2; i++)
		CHECK(fit_text(&f[i], fonts, texts[i], &st, 300, 40, &d) == 0);
	if (d.kind != DIAG_NONE)
		return;
	for (i = 0; i < 2; i++)
		base[i] = f[i].y +
			  (double)pango_layout_get_baseline(f[i].layout) /
				  PANGO_SCALE;
	/* Each on its own ink: the descenders lift the second. */
	CHECK(fabs(base[0] - base[1]) > 1);
	fit_share_baseline(both, 2, 40);
	for (i = 0; i < 2; i++) {
		PangoRectangle ink;

		base[i] = f[i].y +
			  (double)pango_layout_get_baseline(f[i].layout) /
				  PANGO_SCALE;
		pango_layout_get_extents(f[i].layout, &ink, NULL);
		top = fmin(top, f[i].y + (double)ink.y / PANGO_SCALE);
		bottom = fmax(bottom,
			f[i].y + (double)(ink.y + ink.height) / PANGO_SCALE);
	}
	CHECK_NEAR(base[0], base[1], 1e-9);
	CHECK_NEAR(top, 40 - bottom, 1e-9);
	for (i = 0; i < 2; i++)
		fit_release(&f[i]);
}

int
main(void)
{
	struct diag d = { 0 };
	struct fonts *fonts = fonts_load("fonts", &d);

	CHECK(fonts != NULL);
	if (fonts == NULL) {
		fprintf(stderr, "%s\n", d.msg);
		return check_done("test-fit");
	}
	test_goldens(fonts);
	test_refusals(fonts);
	test_bigger_box_bigger_text(fonts);
	test_no_spacing_for_cursive(fonts);
	test_word_breaks(fonts);
	test_break_rules(fonts);
	test_no_lone_article(fonts);
	test_cjk_centred_on_ink(fonts);
	test_line_height(fonts);
	test_shared_baseline(fonts);
	fonts_free(fonts);
	return check_done("test-fit");
}
