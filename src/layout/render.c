/* render.c - compose design, flags and fitted text on any cairo_t. */
#include "layout/render.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "layout/flagrow.h"
#include "layout/text.h"
#include "base/xalloc.h"

/* Never translated: it is the campaign's name everywhere. */
#define HASHTAG "#LIBERATECRIMEA"

struct placed_text {
	const struct slot *slot;
	char *text;
	struct fit fit;
};

struct placed_flag {
	const struct slot *slot;
	char role[FLAGS_CODE_SIZE];
	RsvgHandle *svg;
	double x, y, w, h; /* in design units */
};

/*
 * The plan (variant, placements, fitted sizes) is plain data; the pango
 * layouts and librsvg handles belong to the thread that made the banner,
 * and banner_clone() makes another thread its own.
 */
struct banner {
	const struct variant *v;
	const struct flags *flag_set; /* borrowed, only read */
	const struct fonts *fonts; /* the layouts' fonts: borrowed or own */
	struct fonts *own_fonts; /* a clone's, freed with it */
	RsvgHandle *art, *background; /* this thread's handles on v */
	double page_w, page_h;
	double scale, off_x, off_y; /* design units to page points */
	struct placed_text *texts;
	size_t text_count;
	struct placed_flag *flags;
	size_t flag_count;
	char *title;
	char *lang;
	size_t art_draws; /* how often the design was drawn, for tests */
};

static char *
slot_families(const struct slot *s, const struct lang *l)
{
	if (strcmp(s->font, "sans") == 0)
		return xstrdup(l->families);
	return xasprintf("%s,%s", s->font, l->families);
}

/*
 * Display capitals have no descenders and few accents: set close, they
 * read as one block. Running text and scripts without capitals need air.
 */
#define CAPS_LINE_HEIGHT 1.05
#define TEXT_LINE_HEIGHT 1.2

/*
 * The headline leads: no other text comes out larger than this share of
 * its fitted size (designs/README.md, "Hierarchy").
 */
#define HIERARCHY_RATIO 0.6

/* The slot's line height: the designer's, else by what the text is. */
static double
line_height(const struct slot *s, int capitals)
{
	if (s->line_height > 0)
		return s->line_height;
	return capitals ? CAPS_LINE_HEIGHT : TEXT_LINE_HEIGHT;
}

/* Fits slot s into t, no larger than cap when cap > 0. */
static int
plan_text(struct placed_text *t, const struct slot *s,
	const struct render_input *in, double cap, struct diag *d)
{
	struct text_values values = { in->city, HASHTAG, NULL };
	struct fit_style st;
	struct diag fd = { 0 };
	const char *tmpl;
	char *text, *families;
	int rc, capitals = 0;

	tmpl = catalog_text(in->catalog, s->name, d);
	if (tmpl == NULL)
		return -1;
	text = text_expand(tmpl, &values, in->lang->rtl, &fd);
	if (text == NULL)
		return diag_set(d, DIAG_FORMAT, "%s: key '%s': %s",
			catalog_path(in->catalog), s->name, fd.msg);
	if (s->caps) {
		char *upper = text_upper(text, in->lang);

		/* Georgian, Arabic, Japanese: no capitals, so no caps leading.
		 */
		capitals = strcmp(upper, text) != 0;
		free(text);
		text = upper;
	}
	families = slot_families(s, in->lang);
	memset(&st, 0, sizeof st);
	st.families = families;
	st.weight = s->weight;
	st.lang = in->lang->tag;
	st.rtl = in->lang->rtl;
	st.cursive = in->lang->cursive;
	st.letter_spacing = s->letter_spacing;
	st.line_height = line_height(s, capitals);
	st.max_lines = s->max_lines;
	st.min_size = s->min_size;
	st.max_size = s->max_size;
	if (cap > 0) {
		cap = fmax(cap, s->min_size);
		st.max_size = st.max_size > 0 ? fmin(st.max_size, cap) : cap;
	}
	st.align = s->align;
	rc = fit_text(&t->fit, in->fonts, text, &st, s->w, s->h, &fd);
	free(families);
	if (rc < 0) {
		diag_set(d, DIAG_FIT, "slot '%s' (%s): %s", s->id,
			in->lang->tag, fd.msg);
		free(text);
		return -1;
	}
	t->slot = s;
	t->text = text;
	return 0;
}

/*
 * Fits every text slot, then fits again, smaller, any text that came out
 * larger than HIERARCHY_RATIO of the headline: a short city name or the
 * hashtag would otherwise outshout the slogan.
 */
static int
plan_texts(struct banner *b, const struct render_input *in, struct diag *d)
{
	const struct variant *v = b->v;
	double lead = 0;
	size_t i;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *s = &v->slots[i];

		if (s->kind != SLOT_TEXT)
			continue;
		if (plan_text(&b->texts[b->text_count], s, in, 0, d) < 0)
			return -1;
		if (strcmp(s->name, "headline") == 0)
			lead = fmax(lead, b->texts[b->text_count].fit.size);
		b->text_count++;
	}
	for (i = 0; i < b->text_count && lead > 0; i++) {
		struct placed_text *t = &b->texts[i];
		const struct slot *s = t->slot;

		if (strcmp(s->name, "headline") == 0 ||
			t->fit.size <= lead * HIERARCHY_RATIO)
			continue;
		fit_release(&t->fit);
		free(t->text);
		t->text = NULL;
		/* On failure t is released, and banner_free() copes. */
		if (plan_text(t, s, in, lead * HIERARCHY_RATIO, d) < 0)
			return -1;
	}
	return 0;
}

/* Ukraine's flag is always there: a Ukrainian host adds no second one. */
static int
host_is_ua(const struct slot *s, const struct render_input *in)
{
	return strcmp(s->name, "host") == 0 &&
	       g_ascii_strcasecmp(in->country, "ua") == 0;
}

/* Loads a slot's flag; where it goes is place_flags()'s. */
static int
plan_flag(struct banner *b, const struct slot *s, const struct render_input *in,
	struct diag *d)
{
	struct placed_flag *f = &b->flags[b->flag_count];
	const char *role = strcmp(s->name, "host") == 0 ? in->country : s->name;

	if (host_is_ua(s, in))
		return 0;
	f->svg = flags_open(in->flags, role, d);
	if (f->svg == NULL)
		return -1;
	b->flag_count++;
	f->slot = s;
	snprintf(f->role, sizeof f->role, "%s", role);
	return 0;
}

/*
 * The flags of a row, as one group (flagrow.h): every flag slot counts,
 * an empty one too, so the others re-centre on the row.
 */
static void
place_flags(struct banner *b)
{
	const struct variant *v = b->v;
	struct flagrow_item *items = xcalloc(v->slot_count, sizeof *items);
	size_t i, j, n = 0;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *s = &v->slots[i];

		if (s->kind != SLOT_FLAG)
			continue;
		items[n] = (struct flagrow_item){ .sx = s->x,
			.sy = s->y,
			.sw = s->w,
			.sh = s->h,
			.align = s->align };
		for (j = 0; j < b->flag_count; j++)
			if (b->flags[j].slot == s)
				items[n].ratio = flags_ratio(b->flags[j].svg);
		n++;
	}
	flagrow_place(items, n);
	for (i = 0, n = 0; i < v->slot_count; i++) {
		const struct slot *s = &v->slots[i];

		if (s->kind != SLOT_FLAG)
			continue;
		for (j = 0; j < b->flag_count; j++)
			if (b->flags[j].slot == s) {
				b->flags[j].x = items[n].x;
				b->flags[j].y = items[n].y;
				b->flags[j].w = items[n].w;
				b->flags[j].h = items[n].h;
			}
		n++;
	}
	free(items);
}

struct banner *
render_plan(const struct render_input *in, struct diag *d)
{
	struct banner *b = xcalloc(1, sizeof *b);
	const struct variant *v;
	size_t i;

	v = design_pick(in->design, in->page_w / in->page_h, d);
	if (v == NULL)
		goto fail;
	b->v = v;
	b->flag_set = in->flags;
	b->fonts = in->fonts;
	b->art = variant_open_art(v, d);
	if (b->art == NULL)
		goto fail;
	if (v->has_background) {
		b->background = variant_open_background(v, d);
		if (b->background == NULL)
			goto fail;
	}
	b->page_w = in->page_w;
	b->page_h = in->page_h;
	b->scale = fmin(in->page_w / v->width, in->page_h / v->height);
	b->off_x = (in->page_w - v->width * b->scale) / 2;
	b->off_y = (in->page_h - v->height * b->scale) / 2;
	b->lang = xstrdup(in->lang->tag);
	b->texts = xcalloc(v->slot_count, sizeof *b->texts);
	b->flags = xcalloc(v->slot_count, sizeof *b->flags);
	if (plan_texts(b, in, d) < 0)
		goto fail;
	for (i = 0; i < v->slot_count; i++)
		if (v->slots[i].kind == SLOT_FLAG &&
			plan_flag(b, &v->slots[i], in, d) < 0)
			goto fail;
	for (i = 0; i < b->text_count && b->title == NULL; i++)
		if (strcmp(b->texts[i].slot->name, "headline") == 0)
			b->title = xstrdup(b->texts[i].text);
	place_flags(b);
	if (b->title == NULL)
		b->title = xstrdup(HASHTAG);
	return b;
fail:
	banner_free(b);
	return NULL;
}

void
banner_free(struct banner *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->text_count; i++) {
		fit_release(&b->texts[i].fit);
		free(b->texts[i].text);
	}
	for (i = 0; i < b->flag_count; i++)
		g_object_unref(b->flags[i].svg);
	if (b->art != NULL)
		g_object_unref(b->art);
	if (b->background != NULL)
		g_object_unref(b->background);
	free(b->texts);
	free(b->flags);
	free(b->title);
	free(b->lang);
	fonts_free(b->own_fonts);
	free(b);
}

struct banner *
banner_clone(const struct banner *src, struct diag *d)
{
	struct banner *b = xcalloc(1, sizeof *b);
	size_t i;

	/* Field by field: src's draw count changes while it is drawn. */
	b->v = src->v;
	b->flag_set = src->flag_set;
	b->page_w = src->page_w;
	b->page_h = src->page_h;
	b->scale = src->scale;
	b->off_x = src->off_x;
	b->off_y = src->off_y;
	b->texts = xcalloc(src->text_count, sizeof *b->texts);
	b->flags = xcalloc(src->flag_count, sizeof *b->flags);
	b->title = xstrdup(src->title);
	b->lang = xstrdup(src->lang);
	b->own_fonts = fonts_clone(src->fonts, d);
	b->fonts = b->own_fonts;
	if (b->fonts == NULL)
		goto fail;
	for (i = 0; i < src->text_count; i++) {
		b->texts[i] = src->texts[i];
		b->texts[i].text = xstrdup(src->texts[i].text);
		fit_clone(&b->texts[i].fit, &src->texts[i].fit, b->fonts);
		b->text_count++;
	}
	for (i = 0; i < src->flag_count; i++) {
		b->flags[i] = src->flags[i];
		b->flags[i].svg =
			flags_open(b->flag_set, src->flags[i].role, d);
		if (b->flags[i].svg == NULL)
			goto fail;
		b->flag_count++;
	}
	b->art = variant_open_art(b->v, d);
	if (b->art == NULL)
		goto fail;
	if (b->v->has_background) {
		b->background = variant_open_background(b->v, d);
		if (b->background == NULL)
			goto fail;
	}
	return b;
fail:
	banner_free(b);
	return NULL;
}

static int
rsvg_failed(GError *err, const char *what, struct diag *d)
{
	diag_set(d, DIAG_LIB, "cannot draw %s: %s", what,
		err != NULL ? err->message : "unknown error");
	g_clear_error(&err);
	return -1;
}

/*
 * One axis of the background's mapping into a region: the part of the
 * design from d0 to d1 lands on the page from p0 to p1.
 */
struct span {
	double d0, d1, p0, p1;
};

/*
 * Draws the design's background from the spans' design area into theirs,
 * reaching in[i] points further towards the page's middle on each side
 * (left, top, right, bottom).
 */
static int
background_region(const struct banner *b, cairo_t *cr, const struct span *x,
	const struct span *y, const double in[4], struct diag *d)
{
	RsvgRectangle vp = { 0, 0, b->v->width, b->v->height };
	double sx = (x->p1 - x->p0) / (x->d1 - x->d0);
	double sy = (y->p1 - y->p0) / (y->d1 - y->d0);
	GError *err = NULL;
	gboolean ok;

	if (x->p1 <= x->p0 || y->p1 <= y->p0)
		return 0;
	cairo_save(cr);
	cairo_rectangle(cr, x->p0 - in[0], y->p0 - in[1],
		x->p1 - x->p0 + in[0] + in[2], y->p1 - y->p0 + in[1] + in[3]);
	cairo_clip(cr);
	/*
	 * A group flattens the background's shapes before the clip's soft
	 * edge applies: clipping each shape alone lets the field under a
	 * stripe bleed through the edge pixels as a dark seam.
	 */
	cairo_push_group(cr);
	cairo_translate(cr, x->p0 - x->d0 * sx, y->p0 - y->d0 * sy);
	cairo_scale(cr, sx, sy);
	ok = rsvg_handle_render_layer(b->background, cr, "#background", &vp,
		&err);
	cairo_pop_group_to_source(cr);
	cairo_paint(cr);
	cairo_restore(cr);
	return ok ? 0 : rsvg_failed(err, "the background", d);
}

/* Before, on and after a page axis: edge slices of the design run out. */
static void
axis_spans(double design, double page, double before, double after,
	struct span out[3])
{
	double edge = design / 1000;

	out[0] = (struct span){ 0, edge, -before, 0 };
	out[1] = (struct span){ 0, design, 0, page };
	out[2] = (struct span){ design - edge, design, page, page + after };
}

/*
 * A page a little off the variant's ratio gets the design's background
 * stretched over all of it, so no white bars show around the artwork.
 * In the bleed, the background's outermost sliver is drawn out to the
 * bleed's edge, so that whatever touches the cut continues past it.
 */
static int
draw_background(const struct banner *b, cairo_t *cr,
	const struct render_frame *f, struct diag *d)
{
	struct render_frame none = { 0, 0, 0, 0, 0 };
	const double flat[4] = { 0, 0, 0, 0 };
	struct span xs[3], ys[3];
	int i, j;

	if (!b->v->has_background)
		return 0;
	if (f == NULL)
		f = &none;
	axis_spans(b->v->width, b->page_w, f->bleed_left, f->bleed_right, xs);
	axis_spans(b->v->height, b->page_h, f->bleed_top, f->bleed_bottom, ys);
	/*
	 * The page first; then the bleed, reaching a point into the page
	 * over the page's anti-aliased edge, so no seam shows at the trim.
	 */
	if (background_region(b, cr, &xs[1], &ys[1], flat, d) < 0)
		return -1;
	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++) {
			double in[4] = { i == 2, j == 2, i == 0, j == 0 };

			if ((i != 1 || j != 1) &&
				background_region(b, cr, &xs[i], &ys[j], in,
					d) < 0)
				return -1;
		}
	return 0;
}

static void
draw_text(const struct placed_text *t, cairo_t *cr, int outline)
{
	const struct slot *s = t->slot;

	cairo_set_source_rgb(cr, s->rgb[0], s->rgb[1], s->rgb[2]);
	cairo_move_to(cr, s->x + t->fit.x, s->y + t->fit.y);
	if (outline) {
		pango_cairo_layout_path(cr, t->fit.layout);
		cairo_fill(cr);
	} else {
		pango_cairo_show_layout(cr, t->fit.layout);
	}
}

static int
draw_status(cairo_t *cr, struct diag *d)
{
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return diag_set(d, DIAG_LIB, "cannot draw the banner: %s",
			cairo_status_to_string(cairo_status(cr)));
	return 0;
}

int
render_draw_art(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d)
{
	RsvgRectangle vp = { 0, 0, b->v->width, b->v->height };
	GError *err = NULL;
	int rc = 0;

	/* A count for tests; drawing changes nothing else in the banner. */
	((struct banner *)b)->art_draws++;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, 0, 0, b->page_w, b->page_h);
	cairo_fill(cr);
	rc = draw_background(b, cr, frame, d);
	cairo_translate(cr, b->off_x, b->off_y);
	cairo_scale(cr, b->scale, b->scale);
	if (rc == 0 && !rsvg_handle_render_document(b->art, cr, &vp, &err))
		rc = rsvg_failed(err, b->v->path, d);
	cairo_restore(cr);
	return rc < 0 ? -1 : draw_status(cr, d);
}

int
render_draw_overlay(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d)
{
	GError *err = NULL;
	size_t i;
	int rc = 0;

	cairo_save(cr);
	cairo_translate(cr, b->off_x, b->off_y);
	cairo_scale(cr, b->scale, b->scale);
	for (i = 0; i < b->flag_count && rc == 0; i++) {
		const struct placed_flag *f = &b->flags[i];
		RsvgRectangle r = { f->x, f->y, f->w, f->h };

		if (!rsvg_handle_render_document(f->svg, cr, &r, &err))
			rc = rsvg_failed(err, "a flag", d);
	}
	for (i = 0; i < b->text_count && rc == 0; i++)
		draw_text(&b->texts[i], cr,
			frame != NULL && frame->outline_text);
	cairo_restore(cr);
	return rc < 0 ? -1 : draw_status(cr, d);
}

int
render_draw(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d)
{
	if (render_draw_art(b, cr, frame, d) < 0)
		return -1;
	return render_draw_overlay(b, cr, frame, d);
}

int
banner_has_filters(const struct banner *b)
{
	return b->v->has_filters;
}

size_t
banner_art_draws(const struct banner *b)
{
	return b->art_draws;
}

double
banner_width(const struct banner *b)
{
	return b->page_w;
}

double
banner_height(const struct banner *b)
{
	return b->page_h;
}

int
render_draw_note(const struct banner *b, cairo_t *cr, const char *text,
	double x, double y, double size, struct diag *d)
{
	PangoContext *ctx = fonts_context_new(b->fonts);
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *fd =
		pango_font_description_from_string("Noto Sans");
	cairo_status_t st;

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(layout, fd);
	pango_layout_set_text(layout, text, -1);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_move_to(cr, x,
		y - (double)pango_layout_get_baseline(layout) / PANGO_SCALE);
	pango_cairo_show_layout(cr, layout);
	cairo_restore(cr);
	pango_font_description_free(fd);
	g_object_unref(layout);
	g_object_unref(ctx);
	st = cairo_status(cr);
	if (st != CAIRO_STATUS_SUCCESS)
		return diag_set(d, DIAG_LIB, "cannot draw the slug's note: %s",
			cairo_status_to_string(st));
	return 0;
}

const char *
banner_title(const struct banner *b)
{
	return b->title;
}

const char *
banner_lang(const struct banner *b)
{
	return b->lang;
}

static void
to_page(const struct banner *b, double x, double y, double w, double h,
	double *out)
{
	out[0] = b->off_x + x * b->scale;
	out[1] = b->off_y + y * b->scale;
	out[2] = w * b->scale;
	out[3] = h * b->scale;
}

/* Each line's ink, in page points, for tests of the leading. */
static void
line_inks(const struct banner *b, const struct placed_text *t,
	struct banner_item *out)
{
	PangoLayoutIter *it = pango_layout_get_iter(t->fit.layout);
	const size_t max = sizeof out->line_ink / sizeof out->line_ink[0];
	size_t n = 0;

	do {
		PangoRectangle ink;

		pango_layout_iter_get_line_extents(it, &ink, NULL);
		to_page(b, t->slot->x + t->fit.x + (double)ink.x / PANGO_SCALE,
			t->slot->y + t->fit.y + (double)ink.y / PANGO_SCALE,
			(double)ink.width / PANGO_SCALE,
			(double)ink.height / PANGO_SCALE, out->line_ink[n]);
		n++;
	} while (n < max && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

int
banner_item(const struct banner *b, size_t i, struct banner_item *out)
{
	const struct slot *s;
	double r[4];

	memset(out, 0, sizeof *out);
	if (i < b->text_count) {
		const struct placed_text *t = &b->texts[i];
		PangoRectangle ink;

		s = t->slot;
		pango_layout_get_extents(t->fit.layout, &ink, NULL);
		out->kind = "text";
		out->what = t->text;
		out->size = t->fit.size * b->scale;
		out->line_count = t->fit.line_count;
		line_inks(b, t, out);
		to_page(b, s->x + t->fit.x + (double)ink.x / PANGO_SCALE,
			s->y + t->fit.y + (double)ink.y / PANGO_SCALE,
			(double)ink.width / PANGO_SCALE,
			(double)ink.height / PANGO_SCALE, r);
	} else if (i < b->text_count + b->flag_count) {
		const struct placed_flag *f = &b->flags[i - b->text_count];

		s = f->slot;
		out->kind = "flag";
		out->what = f->role;
		to_page(b, f->x, f->y, f->w, f->h, r);
	} else {
		return -1;
	}
	out->slot = s->id;
	out->ix = r[0];
	out->iy = r[1];
	out->iw = r[2];
	out->ih = r[3];
	to_page(b, s->x, s->y, s->w, s->h, r);
	out->x = r[0];
	out->y = r[1];
	out->w = r[2];
	out->h = r[3];
	return 0;
}
