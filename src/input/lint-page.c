/* lint-page.c - lint at the named sizes a variant prints at: the safe
 * area, contrast, legibility, images' resolution, filters' cost. */
#include "input/lint-check.h"

#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "input/fonts.h"
#include "input/lang.h"
#include "input/paper.h"
#include "layout/print.h"

/* WCAG 2's relative luminance of an sRGB colour, and a contrast ratio. */
static double
luminance(const double rgb[3])
{
	double sum = 0;
	static const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	int i;

	for (i = 0; i < 3; i++) {
		double c = rgb[i];

		c = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
		sum += weight[i] * c;
	}
	return sum;
}

static double
contrast(const double a[3], const double b[3])
{
	double la = luminance(a), lb = luminance(b);

	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* The design drawn as a banner would be, without slots, at k per unit. */
static cairo_surface_t *
draw_art(const struct variant *v, double k)
{
	struct diag d = { 0 };
	int w = (int)ceil(v->width * k), h = (int)ceil(v->height * k);
	cairo_surface_t *s =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	RsvgRectangle vp = { 0, 0, v->width, v->height };
	RsvgHandle *bg = variant_open_background(v, &d);
	RsvgHandle *art = variant_open_art(v, &d);

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	if (bg != NULL)
		rsvg_handle_render_layer(bg, cr, "#background", &vp, NULL);
	if (art != NULL)
		rsvg_handle_render_document(art, cr, &vp, NULL);
	cairo_destroy(cr);
	if (bg != NULL)
		g_object_unref(bg);
	if (art != NULL)
		g_object_unref(art);
	cairo_surface_flush(s);
	return s;
}

/* The mean colour of the art under a slot. */
static void
mean_under(cairo_surface_t *img, const struct slot *sl, double k, double rgb[3])
{
	const unsigned char *px = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	int w = cairo_image_surface_get_width(img);
	int h = cairo_image_surface_get_height(img);
	int x0 = (int)(sl->x * k), y0 = (int)(sl->y * k);
	int x1 = (int)ceil((sl->x + sl->w) * k);
	int y1 = (int)ceil((sl->y + sl->h) * k), x, y;
	double sum[3] = { 0, 0, 0 }, n = 0;

	for (y = y0 < 0 ? 0 : y0; y < y1 && y < h; y++)
		for (x = x0 < 0 ? 0 : x0; x < x1 && x < w; x++) {
			uint32_t p;

			memcpy(&p,
				px + (size_t)y * (size_t)stride + (size_t)x * 4,
				4);
			sum[0] += (double)((p >> 16) & 0xFF) / 255;
			sum[1] += (double)((p >> 8) & 0xFF) / 255;
			sum[2] += (double)(p & 0xFF) / 255;
			n++;
		}
	for (x = 0; x < 3; x++)
		rgb[x] = n > 0 ? sum[x] / n : 1;
}

/* Each text slot's colour against the art under it: WCAG 4.5:1. */
static void
check_contrast(struct check *c, const struct variant *v)
{
	double k = 300 / fmax(v->width, v->height);
	cairo_surface_t *img = NULL;
	size_t i;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		double under[3], ratio;

		if (sl->kind != SLOT_TEXT)
			continue;
		if (img == NULL)
			img = draw_art(v, k);
		mean_under(img, sl, k, under);
		ratio = contrast(sl->rgb, under);
		if (ratio < LINT_CONTRAST)
			lint_add(c->l, LINT_WARNING,
				xasprintf("%s:%zu: warning: slot '%s': its "
					  "colour #%02X%02X%02X on the art "
					  "under it (about #%02X%02X%02X) has "
					  "a contrast of %.1f:1, below the "
					  "%.1f:1 WCAG asks; choose a lighter "
					  "or darker bayraq:color",
					c->path, sl->line, sl->id,
					(unsigned)lround(sl->rgb[0] * 255),
					(unsigned)lround(sl->rgb[1] * 255),
					(unsigned)lround(sl->rgb[2] * 255),
					(unsigned)lround(under[0] * 255),
					(unsigned)lround(under[1] * 255),
					(unsigned)lround(under[2] * 255), ratio,
					LINT_CONTRAST));
	}
	if (img != NULL)
		cairo_surface_destroy(img);
}

/* The named sizes, either way up, at which a render picks this variant. */
struct sizes {
	struct paper *pages;
	size_t count;
	size_t largest; /* the largest physical one; count if none */
};

/* Whether a page is in pixels: no print margin, no reading distance. */
static int
is_screen(const struct paper *p)
{
	return p->width_px != 0;
}

/*
 * Every named size, turned both ways, whose ratio makes design_pick()
 * choose the variant at path among dz's, as a render would.
 */
static void
sizes_init(struct sizes *sz, const struct design *dz, const char *path)
{
	static const char *const turns[] = { "portrait", "landscape" };
	double best_area = 0;
	char desc[96];
	const char *name;
	size_t i, t;

	memset(sz, 0, sizeof *sz);
	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++)
		for (t = 0; t < 2; t++) {
			struct diag d = { 0 };
			struct paper p;
			long v;

			if (paper_parse(&p, name, &d) < 0 ||
				paper_orient(&p, turns[t], &d) < 0 ||
				(t == 1 && p.width_pt == p.height_pt))
				continue;
			/* The ratios alone: no other variant is loaded. */
			v = design_pick_index(dz, p.width_pt / p.height_pt);
			if (v < 0 || strcmp(dz->variants[v].path, path) != 0)
				continue;
			sz->pages = xreallocarray(sz->pages, sz->count + 1,
				sizeof *sz->pages);
			sz->pages[sz->count++] = p;
		}
	sz->largest = sz->count;
	for (i = 0; i < sz->count; i++) {
		const struct paper *p = &sz->pages[i];

		if (!is_screen(p) && p->width_pt * p->height_pt > best_area) {
			best_area = p->width_pt * p->height_pt;
			sz->largest = i;
		}
	}
}

/* Points per user unit of v on a page: scaled uniformly, as render does. */
static double
page_scale(const struct variant *v, const struct paper *p)
{
	return fmin(p->width_pt / v->width, p->height_pt / v->height);
}

/* Raster images below LINT_MIN_PPI at the largest size of the ratio. */
static void
check_images(struct check *c, const struct variant *v, const struct sizes *sz)
{
	const char *size;
	RsvgHandle *art = NULL;
	double k;
	size_t i;

	if (c->image_count == 0 || sz->largest == sz->count)
		return;
	size = sz->pages[sz->largest].label;
	k = page_scale(v, &sz->pages[sz->largest]);
	for (i = 0; i < c->image_count; i++) {
		const struct image *im = &c->images[i];
		double w = im->w, h = im->h, ppi;

		if (im->id[0] != '\0') {
			struct diag d = { 0 };
			RsvgRectangle vp = { 0, 0, v->width, v->height }, ink,
				      logical;
			char *ref = xasprintf("#%s", im->id);

			if (art == NULL)
				art = variant_open_art(v, &d);
			if (art != NULL &&
				rsvg_handle_get_geometry_for_layer(art, ref,
					&vp, &ink, &logical, NULL)) {
				w = logical.width;
				h = logical.height;
			}
			free(ref);
		}
		if (!(w > 0 && h > 0))
			continue;
		ppi = fmin(im->px_w / (w * k / 72), im->px_h / (h * k / 72));
		if (ppi < LINT_MIN_PPI)
			lint_add(c->l, LINT_WARNING,
				xasprintf("%s:%ld: warning: <image>%s%s%s: "
					  "%d x %d pixels make %.0f ppi on %s "
					  "(%.0f x %.0f mm), below %.0f; use "
					  "one of at least %.0f pixels wide, "
					  "or a vector drawing",
					c->path, im->line,
					im->id[0] ? " '" : "", im->id,
					im->id[0] ? "'" : "", im->px_w,
					im->px_h, ppi, size, PAPER_MM(w * k),
					PAPER_MM(h * k), LINT_MIN_PPI,
					ceil(w * k / 72 * LINT_MIN_PPI)));
	}
	if (art != NULL)
		g_object_unref(art);
}

/* A slot's edges on a page, in points: left, top, right, bottom. */
static void
slot_on_page(const struct variant *v, const struct slot *sl,
	const struct paper *p, double box[4])
{
	double k = page_scale(v, p);
	double ox = (p->width_pt - v->width * k) / 2;
	double oy = (p->height_pt - v->height * k) / 2;

	box[0] = ox + sl->x * k;
	box[1] = oy + sl->y * k;
	box[2] = ox + (sl->x + sl->w) * k;
	box[3] = oy + (sl->y + sl->h) * k;
}

/* The safe margin a render keeps on page p: print_sheet()'s own. */
static double
page_safe(const struct paper *p)
{
	struct print_opts o;
	struct sheet sheet;
	struct diag d = { 0 };

	print_opts_init(&o);
	return print_sheet(&sheet, p, &o, &d) < 0 ? 0 : sheet.safe;
}

/* Where a text slot stands against one page's safe margin. */
struct edge {
	double short_by; /* how far inside the margin it reaches; 0: not */
	double margin; /* its distance to the nearest edge, points */
	double safe; /* the margin */
	int side; /* the nearest edge: left, top, right, bottom */
	int within; /* wholly inside the margin: no text in it escapes */
};

static void
edge_on_page(const struct variant *v, const struct slot *sl,
	const struct paper *p, struct edge *e)
{
	double box[4], gap[4], far[4];
	struct diag d = { 0 };
	int i;

	slot_on_page(v, sl, p, box);
	gap[0] = box[0];
	gap[1] = box[1];
	gap[2] = p->width_pt - box[2];
	gap[3] = p->height_pt - box[3];
	far[0] = box[2];
	far[1] = box[3];
	far[2] = p->width_pt - box[0];
	far[3] = p->height_pt - box[1];
	memset(e, 0, sizeof *e);
	e->safe = page_safe(p);
	for (i = 1; i < 4; i++)
		if (gap[i] < gap[e->side])
			e->side = i;
	e->margin = gap[e->side];
	/* Render checks no margin on a page in pixels. */
	if (e->safe <= 0 || print_safe_check(e->margin, e->safe, "", &d) == 0)
		return;
	e->short_by = e->safe - e->margin;
	for (i = 0; i < 4; i++)
		if (far[i] < e->safe) {
			e->within = 1;
			e->side = i;
			e->margin = gap[i];
		}
}

/*
 * Each text slot inside the safe area at every size its variant serves.
 * Render refuses a text whose ink comes nearer the edge than the safe
 * margin (print_safe_check()). A text fills its slot, so a slot that
 * reaches into the margin is refused in the languages whose text reaches
 * its edge (a warning, at the size where it reaches deepest), and a slot
 * wholly inside it is refused always (an error).
 */
static void
check_safe_area(struct check *c, const struct variant *v,
	const struct sizes *sz)
{
	static const char *const sides[] = { "left", "top", "right", "bottom" };
	size_t i, j;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		struct edge worst = { 0 }, e;
		size_t at = 0, count = 0;
		double units = 0; /* the move that clears every size */
		char more[64] = "";

		for (j = 0; sl->kind == SLOT_TEXT && j < sz->count; j++) {
			edge_on_page(v, sl, &sz->pages[j], &e);
			if (e.short_by == 0)
				continue;
			count++;
			units = fmax(units,
				(e.safe - e.margin) /
					page_scale(v, &sz->pages[j]));
			if (e.within > worst.within ||
				(e.within == worst.within &&
					e.short_by > worst.short_by)) {
				worst = e;
				at = j;
			}
		}
		if (count == 0)
			continue;
		if (count > 1)
			snprintf(more, sizeof more,
				" and at %zu more size%s of this ratio",
				count - 1, count == 2 ? "" : "s");
		lint_at_slot(c, worst.within ? LINT_ERROR : LINT_WARNING, sl,
			"on %s it %s %.1f mm %s the %s edge, %s the %.1f mm "
			"safe margin, so render refuses %s there%s; keep it "
			"%.0f user units further from the %s edge",
			sz->pages[at].label,
			worst.margin < 0 ? "reaches" : "comes within",
			PAPER_MM(fabs(worst.margin)),
			worst.margin < 0 ? "past" : "of", sides[worst.side],
			worst.margin < 0 ? "off the page and" : "inside",
			PAPER_MM(worst.safe),
			worst.within ? "every text in it"
				     : "a text that fills it",
			more, ceil(units), sides[worst.side]);
	}
}

/*
 * On a story, the apps' bars cover the top LINT_STORY_TOP_PX and the
 * bottom LINT_STORY_BOTTOM_PX pixels: no slot of a variant that serves
 * the story size may reach into them (a warning, as the banner renders).
 */
static void
check_story_zones(struct check *c, const struct variant *v,
	const struct sizes *sz)
{
	const struct paper *p = NULL;
	double px, box[4], top, bottom;
	size_t i;

	for (i = 0; i < sz->count; i++)
		if (strcmp(sz->pages[i].label, LINT_STORY_SIZE) == 0)
			p = &sz->pages[i];
	if (p == NULL)
		return;
	px = p->height_px / p->height_pt;
	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];

		slot_on_page(v, sl, p, box);
		top = box[1] * px;
		bottom = (p->height_pt - box[3]) * px;
		if (top < LINT_STORY_TOP_PX)
			lint_at_slot(c, LINT_WARNING, sl,
				"on %s it comes within %.0f px of the top, "
				"inside the top %.0f px that Instagram's and "
				"TikTok's bars cover; move it %.0f user units "
				"down",
				p->label, top, LINT_STORY_TOP_PX,
				ceil((LINT_STORY_TOP_PX - top) / px /
					page_scale(v, p)));
		else if (bottom < LINT_STORY_BOTTOM_PX)
			lint_at_slot(c, LINT_WARNING, sl,
				"on %s it comes within %.0f px of the bottom, "
				"inside the bottom %.0f px that Instagram's "
				"and TikTok's bars cover; move it %.0f user "
				"units up",
				p->label, bottom, LINT_STORY_BOTTOM_PX,
				ceil((LINT_STORY_BOTTOM_PX - bottom) / px /
					page_scale(v, p)));
	}
}

/*
 * How far a page is read from: a vinyl banner over a march, a placard
 * carried on a stick (the US sign sizes, from 18 x 24 in), a poster on a
 * wall (every A size, US paper); 0 for a screen.
 */
static double
reading_metres(const struct paper *p)
{
	if (is_screen(p))
		return 0;
	if (p->family == PAPER_BANNER)
		return LINT_BANNER_M;
	if (p->family == PAPER_US &&
		fmin(p->width_pt, p->height_pt) >= 18 * 72 - 1)
		return LINT_SIGN_M;
	return LINT_POSTER_M;
}

/*
 * The cap height of a slot's font per unit of font size, measured with
 * pango: the ink of "H" in the slot's family and weight (Latin's
 * families after it, as a render of a Latin language tries them).
 */
static double
cap_height(const struct fonts *fonts, const struct slot *sl)
{
	PangoContext *ctx = fonts_context_new(fonts);
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *desc = pango_font_description_new();
	PangoRectangle ink;
	struct lang lang;
	char *families;

	lang_init(&lang, "en");
	families = strcmp(sl->font, "sans") == 0
			   ? xstrdup(lang.families)
			   : xasprintf("%s,%s", sl->font, lang.families);
	pango_font_description_set_family(desc, families);
	pango_font_description_set_weight(desc, (PangoWeight)sl->weight);
	pango_font_description_set_absolute_size(desc, 1000.0 * PANGO_SCALE);
	pango_layout_set_font_description(layout, desc);
	pango_layout_set_text(layout, "H", -1);
	pango_layout_get_extents(layout, &ink, NULL);
	pango_font_description_free(desc);
	g_object_unref(layout);
	g_object_unref(ctx);
	free(families);
	return (double)ink.height / PANGO_SCALE / 1000.0;
}

/*
 * Whether a march reads sl on p from LINT_BANNER_M, which a warning
 * tells (check_far_lines()): the headline or the city, on a vinyl banner
 * hung as it is named, wide.
 */
static int
far_line(const struct slot *sl, const struct paper *p)
{
	return sl->kind == SLOT_TEXT && p->family == PAPER_BANNER &&
	       p->width_pt >= p->height_pt &&
	       (strcmp(sl->name, "headline") == 0 ||
		       strcmp(sl->name, "city") == 0);
}

/* The smallest text of a variant: the text slot of least cap height. */
static const struct slot *
smallest_text(const struct fonts *fonts, const struct variant *v, double *cap)
{
	const struct slot *best = NULL;
	size_t i;

	*cap = 0;
	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		double c;

		if (sl->kind != SLOT_TEXT)
			continue;
		c = sl->min_size * cap_height(fonts, sl);
		if (best == NULL || c < *cap) {
			best = sl;
			*cap = c;
		}
	}
	return best;
}

/*
 * The variant's smallest text, at its bayraq:min-size, is legible from
 * the distance each of its sizes is read from: LINT_DISTANCE_PER_CAP mm
 * of distance per mm of cap height. Told at the worst size, as a note.
 */
static void
check_legibility(struct check *c, const struct variant *v,
	const struct sizes *sz)
{
	double cap, worst = 1, worst_mm = 0, need_mm = 0, metres = 0;
	const struct slot *sl;
	size_t j, worst_size = 0;

	if (c->l->fonts == NULL)
		return;
	sl = smallest_text(c->l->fonts, v, &cap);
	for (j = 0; sl != NULL && cap > 0 && j < sz->count; j++) {
		const struct paper *p = &sz->pages[j];
		double m = reading_metres(p), mm, need;

		if (m == 0 || far_line(sl, p))
			continue;
		mm = PAPER_MM(cap * page_scale(v, p));
		need = m * 1000 / LINT_DISTANCE_PER_CAP;
		if (mm / need >= worst)
			continue;
		worst = mm / need;
		worst_mm = mm;
		need_mm = need;
		metres = m;
		worst_size = j;
	}
	if (worst >= 1)
		return;
	lint_at_slot(c, LINT_NOTE, sl,
		"the smallest text: at its bayraq:min-size (%g) its capitals "
		"are %.*f mm high on %s, legible from about %.1f m, but a %s "
		"is read from %.0f m, which needs %.0f mm; raise "
		"bayraq:min-size to %.0f, with a slot where every language "
		"fits at that size (bayraq proof)",
		sl->min_size, worst_mm < 10 ? 1 : 0, worst_mm,
		sz->pages[worst_size].label,
		worst_mm * LINT_DISTANCE_PER_CAP / 1000,
		metres == LINT_BANNER_M ? "banner"
		: metres == LINT_SIGN_M ? "placard"
					: "poster",
		metres, need_mm, ceil(sl->min_size / worst));
}

/*
 * The lines a march is read by, the headline and the city, at their
 * bayraq:min-size, are legible from LINT_BANNER_M on a vinyl banner hung
 * as it is named, wide (far_line()): a warning, so a new design is told.
 * A vertical banner, 1 m wide, cannot carry 80 mm capitals for the city
 * under a headline 1/0.6 as large in every language (a Japanese headline
 * of six full-width characters a line is at most 150 mm there): the note
 * of check_legibility() tells it.
 */
static void
check_far_lines(struct check *c, const struct variant *v,
	const struct sizes *sz)
{
	double need = LINT_BANNER_M * 1000 / LINT_DISTANCE_PER_CAP;
	size_t i, j;

	if (c->l->fonts == NULL)
		return;
	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		double cap, worst = 1, worst_mm = 0;
		size_t at = 0;

		if (sl->kind != SLOT_TEXT)
			continue;
		cap = sl->min_size * cap_height(c->l->fonts, sl);
		for (j = 0; cap > 0 && j < sz->count; j++) {
			const struct paper *p = &sz->pages[j];
			double mm = PAPER_MM(cap * page_scale(v, p));

			if (!far_line(sl, p) || mm / need >= worst)
				continue;
			worst = mm / need;
			worst_mm = mm;
			at = j;
		}
		if (worst >= 1)
			continue;
		lint_at_slot(c, LINT_WARNING, sl,
			"the %s is read from %.0f m on a banner: at its "
			"bayraq:min-size (%g) its capitals are %.0f mm high on "
			"%s, legible from about %.1f m, and %.0f m needs %.0f "
			"mm; raise bayraq:min-size to %.0f, with a slot where "
			"every language fits at that size (bayraq proof)",
			sl->name, LINT_BANNER_M, sl->min_size, worst_mm,
			sz->pages[at].label,
			worst_mm * LINT_DISTANCE_PER_CAP / 1000, LINT_BANNER_M,
			need, ceil(sl->min_size / worst));
	}
}

/*
 * Removes the references to filter id (every filter for NULL) from node
 * and below; how many.
 */
static size_t
strip_filter(xmlNode *node, const char *id)
{
	char *url = id != NULL ? xasprintf("url(#%s)", id) : xstrdup("url(#");
	size_t n = 0;
	xmlNode *child;

	for (child = node->children; child != NULL; child = child->next) {
		xmlChar *f, *style;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		f = xmlGetProp(child, (const xmlChar *)"filter");
		if (f != NULL && strstr((const char *)f, url) != NULL) {
			xmlUnsetProp(child, (const xmlChar *)"filter");
			n++;
		}
		xmlFree(f);
		style = xmlGetProp(child, (const xmlChar *)"style");
		if (style != NULL && strstr((const char *)style, url) != NULL) {
			char **parts = g_strsplit((const char *)style, ";", -1);
			GString *kept = g_string_new(NULL);
			size_t i;

			for (i = 0; parts[i] != NULL; i++)
				if (strstr(parts[i], url) == NULL)
					g_string_append_printf(kept, "%s%s",
						kept->len > 0 ? ";" : "",
						parts[i]);
			xmlSetProp(child, (const xmlChar *)"style",
				(const xmlChar *)kept->str);
			g_string_free(kept, TRUE);
			g_strfreev(parts);
			n++;
		}
		xmlFree(style);
		n += strip_filter(child, id);
	}
	free(url);
	return n;
}

/* The processor time of the process, in seconds: librsvg blurs on threads of
 * its own. */
static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The lesser of two times librsvg takes to draw doc on a w x h surface,
 * in seconds; negative if it cannot. Nothing outside the file is read:
 * the handle has no base to resolve references against.
 */
static double
draw_seconds(xmlDoc *doc, int w, int h)
{
	RsvgRectangle vp = { 0, 0, w, h };
	cairo_surface_t *s;
	RsvgHandle *svg;
	xmlChar *bytes;
	double best = -1;
	int len, i;

	xmlDocDumpMemory(doc, &bytes, &len);
	svg = rsvg_handle_new_from_data(bytes, (gsize)len, NULL);
	xmlFree(bytes);
	if (svg == NULL)
		return -1;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	for (i = 0; i < 2; i++) {
		cairo_t *cr = cairo_create(s);
		double t = cpu_seconds();

		if (rsvg_handle_render_document(svg, cr, &vp, NULL)) {
			t = cpu_seconds() - t;
			if (best < 0 || t < best)
				best = t;
		}
		cairo_destroy(cr);
	}
	cairo_surface_destroy(s);
	g_object_unref(svg);
	return best;
}

/* The primitives of a <filter>: each one is a surface of its own. */
static size_t
primitive_count(xmlNode *filter)
{
	xmlNode *child;
	size_t n = 0;

	for (child = filter->children; child != NULL; child = child->next)
		n += child->type == XML_ELEMENT_NODE;
	return n;
}

/*
 * Each <filter> that is used, with its cost measured: the variant drawn
 * at LINT_FILTER_PX on its long side with and without it, the difference
 * scaled to the pixels of the largest size at LINT_FILTER_DPI. Its
 * memory: librsvg's surfaces of the window the page is drawn in (the
 * whole page up to LINT_FILTER_WINDOW_PIXELS, raster.c's windows past
 * it): the source, a blur's two passes, the result and one a primitive.
 * Checked on
 * tests/data/designs/lint-filter at A3 300 dpi: render took 2.1 s more
 * processor time and 388 MB more memory with the blur than without;
 * lint says 16 s and 2790 MB for A0, 8 times the pixels.
 */
#define LINT_FILTER_PX 640.0

/* RASTER_ART_WINDOW_PIXELS (write/raster.h): the largest window drawn. */
#define LINT_FILTER_WINDOW_PIXELS (64.0 * 1024 * 1024)

/* More filters than this are measured together, to keep lint quick. */
#define LINT_FILTERS_EACH 3

/*
 * The time to draw doc without filter id (without any for NULL), or 0
 * without draw; -1 if nothing uses it.
 */
static double
draw_without(xmlDoc *doc, const char *id, int w, int h, int draw)
{
	xmlDoc *copy = xmlCopyDoc(doc, 1);
	double t = -1;

	if (strip_filter(xmlDocGetRootElement(copy), id) > 0)
		t = draw ? draw_seconds(copy, w, h) : 0;
	xmlFreeDoc(copy);
	return t;
}

static void
check_filters(struct check *c, const struct variant *v, const struct sizes *sz)
{
	double k = LINT_FILTER_PX / fmax(v->width, v->height), with, all = 0;
	int w = (int)ceil(v->width * k), h = (int)ceil(v->height * k);
	size_t i, pw, ph, used = 0, primitives = 0;
	const struct paper *big;
	char **ids;

	if (c->filter_count == 0 || c->doc == NULL || sz->largest == sz->count)
		return;
	big = &sz->pages[sz->largest];
	paper_pixels(big, LINT_FILTER_DPI, &pw, &ph);
	ids = xcalloc(c->filter_count, sizeof *ids);
	for (i = 0; i < c->filter_count; i++) {
		ids[i] = lint_element_id(c->filters[i]);
		if (ids[i][0] != '\0' &&
			draw_without(c->doc, ids[i], w, h, 0) == 0) {
			used++;
			/* They take turns: the most surfaces at once. */
			if (primitive_count(c->filters[i]) > primitives)
				primitives = primitive_count(c->filters[i]);
		} else {
			ids[i][0] = '\0';
		}
	}
	with = used > 0 ? draw_seconds(c->doc, w, h) : -1;
	/* Many filters are measured together, to keep lint quick. */
	if (with >= 0 && used > LINT_FILTERS_EACH)
		all = with - draw_without(c->doc, NULL, w, h, 1);
	for (i = 0; with >= 0 && i < c->filter_count; i++) {
		double seconds = all, mb;

		if (ids[i][0] == '\0')
			continue;
		if (used <= LINT_FILTERS_EACH)
			seconds = with - draw_without(c->doc, ids[i], w, h, 1);
		seconds = fmax(seconds, 0) * (double)pw * (double)ph /
			  ((double)w * (double)h);
		mb = fmin((double)pw * (double)ph, LINT_FILTER_WINDOW_PIXELS) *
		     4 *
		     (double)(4 + (used > LINT_FILTERS_EACH
						  ? primitives
						  : primitive_count(
							    c->filters[i]))) /
		     1e6;
		lint_at_node(c, LINT_WARNING, c->filters[i], 0,
			"%s about %.*f s and %.0f MB at %s %.0f dpi (measured "
			"at %d x %d px); draw the effect without a filter (a "
			"gradient), or embed it as an image",
			used > LINT_FILTERS_EACH
				? "the filters of this file together cost"
				: "this filter costs",
			seconds < 10 ? 1 : 0, seconds, mb, big->label,
			LINT_FILTER_DPI, w, h);
	}
	for (i = 0; i < c->filter_count; i++)
		free(ids[i]);
	free(ids);
}

void
lint_page_check(struct check *c)
{
	struct diag d = { 0 };
	const struct variant *v = NULL;
	struct variant own;
	struct design one = { .name = (char *)"",
		.variants = &own,
		.variant_count = 1 };
	struct sizes sz;
	size_t i;

	/* The folder's variants are loaded already; a broken one is not. */
	for (i = 0; c->dz != NULL && i < c->dz->variant_count; i++)
		if (strcmp(c->dz->variants[i].path, c->path) == 0)
			v = &c->dz->variants[i];
	if (v != NULL && !v->loaded) {
		/* In a lazy design: its sizes among the others', its own load.
		 */
		if (variant_load(&own, c->path, &d) < 0) {
			lint_add(c->l, LINT_ERROR, xstrdup(d.msg));
			variant_release(&own);
			return;
		}
		sizes_init(&sz, c->dz, c->path);
		v = &own;
	} else if (v == NULL && variant_load(&own, c->path, &d) < 0) {
		lint_add(c->l, LINT_ERROR, xstrdup(d.msg));
		variant_release(&own);
		return;
	} else
		sizes_init(&sz, v != NULL ? c->dz : &one, c->path);
	if (v == NULL)
		v = &own;
	check_safe_area(c, v, &sz);
	if (!c->l->errors_only) {
		check_contrast(c, v);
		check_images(c, v, &sz);
		check_story_zones(c, v, &sz);
		check_legibility(c, v, &sz);
		check_far_lines(c, v, &sz);
		check_filters(c, v, &sz);
	}
	free(sz.pages);
	if (v == &own)
		variant_release(&own);
}
