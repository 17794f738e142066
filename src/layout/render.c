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

struct placed_logo {
	const struct slot *slot;
	double x, y, w, h; /* in design units */
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
	const struct logo *logo; /* borrowed; read-only, shared */
	struct placed_logo *logos;
	size_t logo_count;
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

/* The message a text slot prints: "slogan" is the one chosen. */
static const char *
slot_key(const struct slot *s, const struct render_input *in)
{
	if (strcmp(s->name, DESIGN_KEY_SLOGAN) != 0)
		return s->name;
	return in->slogan != NULL ? in->slogan : DESIGN_DEFAULT_SLOGAN;
}

/*
 * Fits slot s into t, no larger than cap when cap > 0. Returns 1, with t
 * untouched, for a slot left empty: the event when none was given.
 */
static int
plan_text(struct placed_text *t, const struct slot *s,
	const struct render_input *in, double cap, struct diag *d)
{
	struct text_values values = { in->city, HASHTAG, NULL };
	const char *event_value[3] = { "event", NULL, NULL };
	struct lang english = { 0 };
	char name[128];
	struct fit_style st;
	struct diag fd = { 0 };
	const char *tmpl;
	char *text, *families;
	int rc, capitals = 0;

	if (strcmp(s->name, DESIGN_KEY_EVENT) == 0) {
		if (in->event == NULL || in->event[0] == '\0')
			return 1;
		/* Typed text, isolated in a right-to-left language. */
		tmpl = "{event}";
		values.more = event_value;
		event_value[1] = in->event;
	} else if (design_special_key(s->name) &&
		   strncmp(s->name, DESIGN_KEY_NAME, strlen(DESIGN_KEY_NAME)) ==
			   0) {
		const char *role = s->name + strlen(DESIGN_KEY_NAME);

		if (strcmp(role, "host") == 0 &&
			g_ascii_strcasecmp(in->country, "ua") == 0)
			return 1;
		/*
		 * Roles "ua" and "host" (design.h), named by ICU; its English
		 * name, when it has none here, cased as English.
		 */
		if (flags_country_local_name(in->flags,
			    strcmp(role, "host") == 0 ? in->country : "UA",
			    in->lang->tag, name, sizeof name) < 0)
			lang_init(&english, "en");
		tmpl = "{event}";
		values.more = event_value;
		event_value[1] = name;
	} else {
		tmpl = catalog_text(in->catalog, slot_key(s, in), d);
	}
	if (tmpl == NULL)
		return -1;
	text = text_expand(tmpl, &values, in->lang->rtl, &fd);
	if (text == NULL)
		return diag_set(d, DIAG_FORMAT, "%s: key '%s': %s",
			catalog_path(in->catalog), s->name, fd.msg);
	if (s->caps) {
		char *upper = text_upper(text,
			english.tag[0] != '\0' ? &english : in->lang);

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

/* Fits t's slot again, no larger than cap. */
static int
refit(struct placed_text *t, const struct render_input *in, double cap,
	struct diag *d)
{
	fit_release(&t->fit);
	free(t->text);
	t->text = NULL;
	/* On failure t is released, and banner_free() copes. */
	return plan_text(t, t->slot, in, cap, d);
}

static int
is_name(const struct slot *s)
{
	return strncmp(s->name, DESIGN_KEY_NAME, strlen(DESIGN_KEY_NAME)) == 0;
}

/*
 * Whether the city's line outranks t: every text but the headline, the
 * hashtag (the campaign's mark, which designs draw large) and the flags'
 * names, which are labels.
 */
static int
below_city(const struct placed_text *t)
{
	const char *name = t->slot->name;

	return strcmp(name, "headline") != 0 && strcmp(name, "city") != 0 &&
	       strcmp(name, "hashtag") != 0 && !is_name(t->slot);
}

/*
 * Fits every text slot, then fits again, smaller, any text that came out
 * larger than HIERARCHY_RATIO of the headline: a short city name or the
 * hashtag would otherwise outshout the headline. Then the city's line
 * comes second: the day's message or the event under it, fitted larger
 * than a long city's two lines, made "Frankfurt am Main steht an der
 * Seite der Krim" read as a footnote to them.
 */
static int
plan_texts(struct banner *b, const struct render_input *in, struct diag *d)
{
	const struct variant *v = b->v;
	double lead = 0, city = 0;
	size_t i;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *s = &v->slots[i];

		int rc;

		if (s->kind != SLOT_TEXT)
			continue;
		rc = plan_text(&b->texts[b->text_count], s, in, 0, d);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
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
		if (refit(t, in, lead * HIERARCHY_RATIO, d) < 0)
			return -1;
	}
	for (i = 0; i < b->text_count; i++)
		if (strcmp(b->texts[i].slot->name, "city") == 0)
			city = b->texts[i].fit.size;
	for (i = 0; i < b->text_count && city > 0; i++) {
		struct placed_text *t = &b->texts[i];

		if (!below_city(t) || t->fit.size <= city)
			continue;
		if (refit(t, in, city, d) < 0)
			return -1;
	}
	return 0;
}

/*
 * The flags' names are one set of labels: each at the size the longest
 * of them allows, and those of one line in boxes of one height on one
 * baseline. Fitted one by one, "UKRAINE" came out larger than "UNITED
 * KINGDOM" beside it, and their baselines apart.
 */
static int
plan_names(struct banner *b, const struct render_input *in, struct diag *d)
{
	struct fit **row;
	double least = 0, h = 0;
	size_t i, n = 0;

	for (i = 0; i < b->text_count; i++)
		if (is_name(b->texts[i].slot))
			least = least == 0 ? b->texts[i].fit.size
					   : fmin(least, b->texts[i].fit.size);
	for (i = 0; i < b->text_count && least > 0; i++) {
		struct placed_text *t = &b->texts[i];
		const struct slot *s = t->slot;

		if (!is_name(s) || t->fit.size <= least)
			continue;
		if (refit(t, in, least, d) < 0)
			return -1;
	}
	row = xcalloc(b->text_count + 1, sizeof *row);
	for (i = 0; i < b->text_count; i++) {
		struct placed_text *t = &b->texts[i];

		if (!is_name(t->slot) || t->fit.line_count != 1 ||
			(n > 0 && t->slot->h != h))
			continue;
		h = t->slot->h;
		row[n++] = &t->fit;
	}
	if (n > 1)
		fit_share_baseline(row, n, h);
	free(row);
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

/*
 * A flag's name (a text slot "name-ua" under the "ua" flag) moves with
 * its flag: by as much as the flag's bottom centre moved from its slot's,
 * so it stays under a flag that closed up or came out less tall.
 */
static void
follow_flags(struct banner *b)
{
	size_t i, j, k = strlen(DESIGN_KEY_NAME);

	for (i = 0; i < b->text_count; i++) {
		struct placed_text *t = &b->texts[i];

		if (strncmp(t->slot->name, DESIGN_KEY_NAME, k) != 0)
			continue;
		for (j = 0; j < b->flag_count; j++) {
			const struct placed_flag *f = &b->flags[j];
			const struct slot *s = f->slot;

			if (strcmp(s->name, t->slot->name + k) != 0)
				continue;
			t->fit.x += f->x + f->w / 2 - (s->x + s->w / 2);
			t->fit.y += f->y + f->h - (s->y + s->h);
		}
	}
}

/* The logo in each logo slot, as large as fits, centred; none: empty. */
static void
place_logos(struct banner *b, const struct logo *logo)
{
	const struct variant *v = b->v;
	size_t i;

	b->logo = logo;
	b->logos = xcalloc(v->slot_count, sizeof *b->logos);
	for (i = 0; logo != NULL && i < v->slot_count; i++) {
		const struct slot *s = &v->slots[i];
		double box[4] = { s->x, s->y, s->w, s->h }, r[4];
		struct placed_logo *p = &b->logos[b->logo_count];

		if (s->kind != SLOT_LOGO)
			continue;
		logo_place(logo, box, r);
		*p = (struct placed_logo){ s, r[0], r[1], r[2], r[3] };
		b->logo_count++;
	}
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
	if (plan_texts(b, in, d) < 0 || plan_names(b, in, d) < 0)
		goto fail;
	for (i = 0; i < v->slot_count; i++)
		if (v->slots[i].kind == SLOT_FLAG &&
			plan_flag(b, &v->slots[i], in, d) < 0)
			goto fail;
	for (i = 0; i < b->text_count && b->title == NULL; i++)
		if (strcmp(b->texts[i].slot->name, "headline") == 0)
			b->title = xstrdup(b->texts[i].text);
	place_flags(b);
	follow_flags(b);
	place_logos(b, in->logo);
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
	free(b->logos);
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
	b->logo = src->logo;
	b->logo_count = src->logo_count;
	b->logos = xcalloc(src->logo_count + 1, sizeof *b->logos);
	memcpy(b->logos, src->logos, src->logo_count * sizeof *b->logos);
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
/*
 * Whether the current path, a rectangle, lies on whole pixels of an image
 * surface drawn directly (no group, no device offset, no rotation), as
 * cairo rounds it to its fixed point: 1/256 of a pixel.
 */
static int
clip_on_pixels(cairo_t *cr)
{
	cairo_surface_t *s = cairo_get_target(cr);
	double ox, oy, sx, sy, x0, y0, x1, y1;
	cairo_matrix_t m;
	double v[4];
	size_t i;

	if (cairo_surface_get_type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
		cairo_get_group_target(cr) != s)
		return 0;
	cairo_surface_get_device_offset(s, &ox, &oy);
	cairo_get_matrix(cr, &m);
	cairo_surface_get_device_scale(s, &sx, &sy);
	if (ox != 0 || oy != 0 || sx != 1 || sy != 1 || m.xy != 0 || m.yx != 0)
		return 0;
	cairo_path_extents(cr, &x0, &y0, &x1, &y1);
	cairo_user_to_device(cr, &x0, &y0);
	cairo_user_to_device(cr, &x1, &y1);
	v[0] = x0;
	v[1] = y0;
	v[2] = x1;
	v[3] = y1;
	for (i = 0; i < 4; i++)
		if (!isfinite(v[i]) || fabs(v[i]) > 1e9 ||
			llround(v[i] * 256) % 256 != 0)
			return 0;
	return 1;
}

static int
background_region(const struct banner *b, cairo_t *cr, const struct span *x,
	const struct span *y, const double in[4], struct diag *d)
{
	RsvgRectangle vp = { 0, 0, b->v->width, b->v->height };
	double sx = (x->p1 - x->p0) / (x->d1 - x->d0);
	double sy = (y->p1 - y->p0) / (y->d1 - y->d0);
	RsvgHandle *h = b->background;
	GError *err = NULL;
	gboolean ok;
	int group;

	if (x->p1 <= x->p0 || y->p1 <= y->p0)
		return 0;
	/*
	 * A filter's surfaces are the size of the whole design at the
	 * region's scale: a bleed's sliver, stretched a thousandfold, would
	 * make them too large for cairo. Only the sliver is drawn then.
	 */
	if (b->v->has_filters &&
		(x->d1 - x->d0 < b->v->width || y->d1 - y->d0 < b->v->height)) {
		vp = (RsvgRectangle){ x->d0 - in[0] / sx, y->d0 - in[1] / sy,
			x->d1 - x->d0 + (in[0] + in[2]) / sx,
			y->d1 - y->d0 + (in[1] + in[3]) / sy };
		h = variant_open_window(b->v, 1, vp.x, vp.y, vp.width,
			vp.height, d);
		if (h == NULL)
			return -1;
	}
	cairo_save(cr);
	cairo_rectangle(cr, x->p0 - in[0], y->p0 - in[1],
		x->p1 - x->p0 + in[0] + in[2], y->p1 - y->p0 + in[1] + in[3]);
	/*
	 * A group flattens the background's shapes before the clip's soft
	 * edge applies: clipping each shape alone lets the field under a
	 * stripe bleed through the edge pixels as a dark seam. A clip on
	 * whole pixels has no soft edge, and the group would only write
	 * every pixel twice more (cleared, then copied): a raster band is
	 * drawn straight.
	 */
	group = !clip_on_pixels(cr);
	cairo_clip(cr);
	if (group)
		cairo_push_group(cr);
	cairo_translate(cr, x->p0 - x->d0 * sx, y->p0 - y->d0 * sy);
	cairo_scale(cr, sx, sy);
	ok = rsvg_handle_render_layer(h, cr, "#background", &vp, &err);
	if (group) {
		cairo_pop_group_to_source(cr);
		cairo_paint(cr);
	}
	cairo_restore(cr);
	if (h != b->background)
		g_object_unref(h);
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
	struct render_frame none = { 0, 0, 0, 0, 0, 0 };
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

static int draw_art_image(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d);

int
render_draw_art(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d)
{
	RsvgRectangle vp = { 0, 0, b->v->width, b->v->height };
	GError *err = NULL;
	int rc = 0;

	if (frame != NULL && frame->art_ppi > 0 && b->v->has_filters)
		return draw_art_image(b, cr, frame, d);
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

/* Tile x, y (w x h pixels) of an image k pixels a point from x0, y0. */
static int
art_tile(const struct banner *b, cairo_t *cr, const struct render_frame *frame,
	const double at[3], const int tile[4], struct diag *d)
{
	struct render_frame plain = *frame;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
		tile[2], tile[3]);
	cairo_t *tc = cairo_create(s);
	int rc;

	plain.art_ppi = 0;
	cairo_translate(tc, -tile[0], -tile[1]);
	cairo_scale(tc, at[2], at[2]);
	cairo_translate(tc, -at[0], -at[1]);
	rc = render_draw_art(b, tc, &plain, d);
	cairo_destroy(tc);
	cairo_surface_flush(s);
	if (rc == 0) {
		cairo_save(cr);
		cairo_translate(cr, at[0], at[1]);
		cairo_scale(cr, 1 / at[2], 1 / at[2]);
		cairo_set_source_surface(cr, s, tile[0], tile[1]);
		cairo_rectangle(cr, tile[0], tile[1], tile[2], tile[3]);
		cairo_fill(cr);
		cairo_restore(cr);
		rc = draw_status(cr, d);
	}
	cairo_surface_destroy(s);
	return rc;
}

/*
 * The art as an image of frame->art_ppi over the page and its bleed, in
 * tiles that overlap by a pixel, so that no seam shows between them.
 */
static int
draw_art_image(const struct banner *b, cairo_t *cr,
	const struct render_frame *frame, struct diag *d)
{
	double w = b->page_w + frame->bleed_left + frame->bleed_right;
	double h = b->page_h + frame->bleed_top + frame->bleed_bottom;
	double k = frame->art_ppi / 72;
	double at[3];
	int pw, ph, x, y, rc = 0;

	if (w * k * h * k > RENDER_ART_IMAGE_PIXELS)
		k = sqrt(RENDER_ART_IMAGE_PIXELS / (w * h));
	pw = (int)ceil(w * k);
	ph = (int)ceil(h * k);
	if (banner_filter_budget(b, (double)pw * ph, d) < 0)
		return -1;
	at[0] = -frame->bleed_left;
	at[1] = -frame->bleed_top;
	at[2] = k;
	for (y = 0; y < ph && rc == 0; y += RENDER_ART_IMAGE_TILE - 1)
		for (x = 0; x < pw && rc == 0; x += RENDER_ART_IMAGE_TILE - 1) {
			int tile[4] = { x, y,
				pw - x < RENDER_ART_IMAGE_TILE
					? pw - x
					: RENDER_ART_IMAGE_TILE,
				ph - y < RENDER_ART_IMAGE_TILE
					? ph - y
					: RENDER_ART_IMAGE_TILE };

			rc = art_tile(b, cr, frame, at, tile, d);
		}
	return rc;
}

/* A flag's edge, as a share of its height. */
#define FLAG_EDGE 0.02

/*
 * A flag with an edge where its shape meets its box: bayraq:edge, or
 * bayraq:tone="grey". On white, Poland's flag without one is a red bar
 * and Japan's a red dot; a grey flag on a photocopy shows where it ends.
 * Grey is the flag's own lightness without its colours (a saturation
 * blend with grey, vector in PDF). The edge lies inside the flag's
 * shape: no box round Nepal's pennant.
 */
static int
draw_edged_flag(const struct placed_flag *f, cairo_t *cr, struct diag *d)
{
	const struct slot *s = f->slot;
	RsvgRectangle r = { f->x, f->y, f->w, f->h };
	cairo_pattern_t *shape = NULL, *face, *edge;
	GError *err = NULL;
	double lw = f->h * FLAG_EDGE;
	int i;

	/* Its shape (and its colours); for grey, again, greyed. */
	for (i = 0; i < 1 + s->grey; i++) {
		cairo_push_group(cr);
		if (!rsvg_handle_render_document(f->svg, cr, &r, &err)) {
			cairo_pattern_destroy(cairo_pop_group(cr));
			if (i == 1)
				cairo_pattern_destroy(shape);
			return rsvg_failed(err, "a flag", d);
		}
		if (i == 0) {
			shape = cairo_pop_group(cr);
			continue;
		}
		cairo_set_operator(cr, CAIRO_OPERATOR_HSL_SATURATION);
		cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
		cairo_paint(cr);
		cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
	}
	face = s->grey ? cairo_pop_group(cr) : cairo_pattern_reference(shape);
	cairo_save(cr);
	cairo_set_source(cr, face);
	cairo_mask(cr, shape);
	cairo_push_group(cr);
	cairo_set_source_rgb(cr, s->edge_rgb[0], s->edge_rgb[1],
		s->edge_rgb[2]);
	cairo_set_line_width(cr, lw);
	cairo_rectangle(cr, f->x + lw / 2, f->y + lw / 2, f->w - lw, f->h - lw);
	cairo_stroke(cr);
	edge = cairo_pop_group(cr);
	cairo_set_source(cr, edge);
	cairo_mask(cr, shape);
	cairo_restore(cr);
	cairo_pattern_destroy(edge);
	cairo_pattern_destroy(face);
	cairo_pattern_destroy(shape);
	return 0;
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

		if (f->slot->edge)
			rc = draw_edged_flag(f, cr, d);
		else if (!rsvg_handle_render_document(f->svg, cr, &r, &err))
			rc = rsvg_failed(err, "a flag", d);
	}
	for (i = 0; i < b->logo_count && rc == 0; i++) {
		const struct placed_logo *l = &b->logos[i];

		rc = logo_draw(b->logo, cr, l->x, l->y, l->w, l->h, d);
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

/*
 * librsvg 2.54 makes a filter's surfaces ceil(the viewport's size in
 * pixels) wide and high from the device origin, and a blur's three box
 * passes each stop at that edge: what spreads past it in one pass is lost
 * to the next. It takes the size as ((x + width) - x) times the matrix
 * (draw_tree(), size_for_temporary_surface()), which for a window of
 * 4907 pixels may come out 4907.0000000000009: its surfaces are then a
 * pixel wider than the window, and at the page's far edge the blur keeps
 * one more column of its fade than the page drawn in other windows (up to
 * 10/255 darker, 240 pixels in, at 20079 pixels across). So the viewport
 * is narrowed by ulps until librsvg's own sum is at most the window's
 * pixels.
 */
static void
fit_viewport(cairo_t *cr, const size_t px[2], RsvgRectangle *vp)
{
	cairo_matrix_t m;

	cairo_get_matrix(cr, &m);
	for (;;) {
		double w = (vp->x + vp->width) - vp->x;
		double h = (vp->y + vp->height) - vp->y;
		int wide = w * m.xx + h * m.xy > (double)px[0];
		int high = w * m.yx + h * m.yy > (double)px[1];

		if (!wide && !high)
			break;
		if (wide)
			vp->width = nextafter(vp->width, 0);
		if (high)
			vp->height = nextafter(vp->height, 0);
	}
}

/* The window's size in whole device pixels, before any transform of ours. */
static void
window_pixels(cairo_t *cr, const double win[4], size_t px[2])
{
	double w = win[2] - win[0], h = win[3] - win[1];

	cairo_user_to_device_distance(cr, &w, &h);
	px[0] = (size_t)lround(fabs(w));
	px[1] = (size_t)lround(fabs(h));
}

/*
 * The window x0, y0, x1, y1 of the page (px[0] x px[1] pixels) in the
 * background's units: the background is stretched over the page
 * (draw_background()).
 */
static int
window_background(const struct banner *b, cairo_t *cr, const double win[4],
	const size_t px[2], struct diag *d)
{
	double sx = b->page_w / b->v->width, sy = b->page_h / b->v->height;
	RsvgRectangle vp = { win[0] / sx, win[1] / sy, (win[2] - win[0]) / sx,
		(win[3] - win[1]) / sy };
	RsvgHandle *h;
	GError *err = NULL;
	gboolean ok;

	cairo_save(cr);
	cairo_rectangle(cr, 0, 0, b->page_w, b->page_h);
	cairo_clip(cr);
	cairo_push_group(cr);
	cairo_scale(cr, sx, sy);
	fit_viewport(cr, px, &vp);
	h = variant_open_window(b->v, 1, vp.x, vp.y, vp.width, vp.height, d);
	if (h == NULL) {
		cairo_pattern_destroy(cairo_pop_group(cr));
		cairo_restore(cr);
		return -1;
	}
	ok = rsvg_handle_render_layer(h, cr, "#background", &vp, &err);
	cairo_pop_group_to_source(cr);
	cairo_paint(cr);
	cairo_restore(cr);
	g_object_unref(h);
	return ok ? 0 : rsvg_failed(err, "the background", d);
}

int
render_draw_art_window(const struct banner *b, cairo_t *cr, const double win[4],
	struct diag *d)
{
	RsvgRectangle vp = { (win[0] - b->off_x) / b->scale,
		(win[1] - b->off_y) / b->scale, (win[2] - win[0]) / b->scale,
		(win[3] - win[1]) / b->scale };
	RsvgHandle *h;
	GError *err = NULL;
	size_t px[2];
	int rc = 0;

	((struct banner *)b)->art_draws++;
	window_pixels(cr, win, px);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, 0, 0, b->page_w, b->page_h);
	cairo_fill(cr);
	if (b->v->has_background)
		rc = window_background(b, cr, win, px, d);
	cairo_translate(cr, b->off_x, b->off_y);
	cairo_scale(cr, b->scale, b->scale);
	fit_viewport(cr, px, &vp);
	h = rc == 0 ? variant_open_window(b->v, 0, vp.x, vp.y, vp.width,
			      vp.height, d)
		    : NULL;
	if (h == NULL)
		rc = -1;
	else if (!rsvg_handle_render_document(h, cr, &vp, &err))
		rc = rsvg_failed(err, b->v->path, d);
	if (h != NULL)
		g_object_unref(h);
	cairo_restore(cr);
	return rc < 0 ? -1 : draw_status(cr, d);
}

double
banner_filter_reach(const struct banner *b)
{
	double stretch =
		fmax(b->page_w / b->v->width, b->page_h / b->v->height);

	if (!b->v->has_filters)
		return 0;
	if (b->v->filter_reach < 0)
		return -1;
	return b->v->filter_reach * fmax(stretch, b->scale);
}

int
banner_filter_budget(const struct banner *b, double pixels, struct diag *d)
{
	double s = b->v->has_filters ? b->v->filter_cost * pixels : 0;
	const char *base = strrchr(b->v->path, '/');

	if (s <= RENDER_FILTER_SECONDS)
		return 0;
	base = base != NULL ? base + 1 : b->v->path;
	return diag_set(d, DIAG_FORMAT,
		"the filters of '%s' would take about %.0f minutes to draw at "
		"this size (%s costs most; the limit is %.0f): draw the effect "
		"without a filter, or render smaller",
		base, ceil(s / 60), b->v->filter_costliest,
		RENDER_FILTER_SECONDS / 60);
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
	const char *text = pango_layout_get_text(t->fit.layout);
	size_t n = 0;

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle ink;

		out->line_text[n] = text + line->start_index;
		out->line_length[n] = fit_line_length(&t->fit, (size_t)n);
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
	} else if (i < b->text_count + b->flag_count + b->logo_count) {
		const struct placed_logo *l =
			&b->logos[i - b->text_count - b->flag_count];

		s = l->slot;
		out->kind = "logo";
		out->what = "logo";
		to_page(b, l->x, l->y, l->w, l->h, r);
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
