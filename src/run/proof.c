/* proof.c - a design's proof: every variant in every language, for designers.
 */
#include "run/proof.h"

#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/lang.h"
#include "input/paper.h"
#include "layout/render.h"
#include "run/job.h"
#include "write/output.h"
#include "write/pdf.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif

#define PAGE_W PAPER_PT(420)
#define PAGE_H PAPER_PT(297)
#define MARGIN PAPER_PT(8)
#define HEADER 34.0
#define LINE 8.5 /* a caption line, points */
#define CITY "Berlin"

/* The long city names of the stress row, each in a language of its own. */
static const struct {
	const char *lang, *city;
} stress[] = {
	{ "en", "Llanfairpwllgwyngyll" },
	{ "de", "Castrop-Rauxel" },
	{ "uk", "Дніпропетровськ" },
	{ "crh", "Qaraçorum" },
	{ "pl", "Konstantynów Łódzki" },
	{ "lt", "Šeduvos Radviliškis" },
	{ "fr", "Saint-Rémy-de-Provence" },
	{ "tr", "Kahramanmaraş" },
	{ "ka", "ოზურგეთი-ლანჩხუთი" },
	{ "ar", "الإسكندرية" },
	{ "he", "קריית שמונה" },
	{ "ja", "南アルプス市" },
};
#define STRESS_COUNT (sizeof stress / sizeof stress[0])

/* One thumbnail: a banner, or why it could not be made. */
struct cell {
	char *tag, *city, *label;
	struct banner *b;
	char error[256];
};

struct proof {
	struct library *lib;
	const struct proof_opts *o;
	const struct design *dz;
	const struct fonts *fonts;
	const struct flags *flags;
	char **langs;
	char country[FLAGS_CODE_SIZE]; /* the host flag's code, checked */
};

static void
cell_plan(struct proof *p, const struct variant *v, struct cell *c)
{
	struct diag d = { 0 };
	const struct catalog *cat = library_catalog(p->lib, c->tag, &d);
	struct render_input in;
	struct lang lang;

	if (cat == NULL) {
		snprintf(c->error, sizeof c->error, "%s", d.msg);
		return;
	}
	lang_init(&lang, catalog_language(cat));
	memset(&in, 0, sizeof in);
	in.design = p->dz;
	in.catalog = cat;
	in.lang = &lang;
	in.fonts = p->fonts;
	in.flags = p->flags;
	in.city = c->city;
	in.country = p->country;
	in.slogan = p->o->slogan;
	in.event = p->o->event;
	/* One point per user unit: the fitted sizes read in the design's. */
	in.page_w = v->width;
	in.page_h = v->height;
	c->b = render_plan(&in, &d);
	if (c->b == NULL)
		snprintf(c->error, sizeof c->error, "%s", d.msg);
}

static PangoLayout *
caption_layout(const struct proof *p, PangoContext *ctx, const char *text,
	double w, int bold)
{
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string(
		"Noto Sans,Noto Sans Arabic,Noto Sans Hebrew,Noto Sans "
		"Georgian,Noto Sans CJK JP");

	/* Absolute, in points: the contexts keep the font map's 96 dpi. */
	pango_font_description_set_absolute_size(fd, 6.5 * PANGO_SCALE);
	(void)p;
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(layout, fd);
	pango_layout_set_width(layout, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(layout, text, -1);
	pango_font_description_free(fd);
	return layout;
}

/* Draws text at x, y; returns its height. */
static double
caption(cairo_t *cr, const struct proof *p, const char *text, double x,
	double y, double w, int bold, int lines)
{
	PangoContext *ctx = fonts_context_new(p->fonts);
	PangoLayout *layout = caption_layout(p, ctx, text, w, bold);
	int height;

	if (lines > 0) {
		pango_layout_set_height(layout, -lines);
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	}
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
	pango_layout_get_size(layout, NULL, &height);
	g_object_unref(layout);
	g_object_unref(ctx);
	return (double)height / PANGO_SCALE;
}

static size_t
slot_index(const struct variant *v, const char *id)
{
	size_t i;

	for (i = 0; i < v->slot_count; i++)
		if (strcmp(v->slots[i].id, id) == 0)
			return i;
	return 0;
}

/* "text-headline" is "headline": the cells are narrow. */
static const char *
slot_name(const char *id)
{
	return strncmp(id, "text-", 5) == 0 ? id + 5 : id;
}

static size_t
text_slots(const struct variant *v)
{
	size_t i, n = 0;

	for (i = 0; i < v->slot_count; i++)
		n += v->slots[i].kind == SLOT_TEXT;
	return n;
}

/* The thumbnail, its label, and a line per text slot with its size. */
static void
draw_cell(cairo_t *cr, const struct proof *p, const struct variant *v,
	const struct cell *c, const double *largest, double x, double y,
	double tw, double th)
{
	double k = fmin(tw / v->width, th / v->height);
	double ty = y + th + 3;
	struct banner_item it;
	struct diag d = { 0 };
	size_t i;

	cairo_set_source_rgb(cr, 0, 0, 0);
	ty += caption(cr, p, c->label, x, ty, tw, 1, 1);
	if (c->b == NULL) {
		cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
		cairo_set_line_width(cr, 2);
		cairo_rectangle(cr, x, y, v->width * k, v->height * k);
		cairo_stroke(cr);
		caption(cr, p, "FAILED", x + 4, y + 4, tw - 8, 1, 1);
		caption(cr, p, c->error, x, ty, tw, 0, 4);
		return;
	}
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, k, k);
	render_draw(c->b, cr, NULL, &d);
	cairo_restore(cr);
	for (i = 0; banner_item(c->b, i, &it) == 0; i++) {
		double max = largest[slot_index(v, it.slot)];
		int small = strcmp(it.kind, "text") == 0 &&
			    it.size < PROOF_COMFORT * max;
		char line[160];

		if (strcmp(it.kind, "text") != 0)
			continue;
		snprintf(line, sizeof line, "%s%s %.0f ×%zu %.0f%%",
			small ? "▲ " : "", slot_name(it.slot), it.size,
			it.line_count, max > 0 ? 100 * it.size / max : 100);
		if (small) {
			cairo_set_source_rgb(cr, 0.9, 0, 0);
			cairo_set_line_width(cr, 1.5);
			cairo_rectangle(cr, x + it.x * k, y + it.y * k,
				it.w * k, it.h * k);
			cairo_stroke(cr);
		} else {
			cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
		}
		ty += caption(cr, p, line, x, ty, tw, small, 1);
	}
}

/* The grid with the most room per thumbnail for n + m cells. */
static void
grid(const struct variant *v, size_t n, size_t m, double caption_h,
	size_t *cols_out, double *tw, double *th)
{
	double aw = PAGE_W - 2 * MARGIN, ah = PAGE_H - 2 * MARGIN - HEADER;
	double best = 0;
	size_t cols;

	*cols_out = 1;
	for (cols = 1; cols <= n + m; cols++) {
		size_t rows = (n + cols - 1) / cols + (m + cols - 1) / cols;
		double cw = aw / (double)cols - 8;
		double ch = ah / (double)rows - caption_h - 8;
		double k = fmin(cw / v->width, ch / v->height);

		if (ch > 0 && k > best) {
			best = k;
			*cols_out = cols;
			*tw = cw;
			*th = v->height * k;
		}
	}
}

static void
free_cells(struct cell *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		banner_free(cells[i].b);
		free(cells[i].tag);
		free(cells[i].city);
		free(cells[i].label);
	}
	free(cells);
}

static int
has_lang(char **langs, const char *tag)
{
	size_t i;

	for (i = 0; langs[i] != NULL; i++)
		if (strcmp(langs[i], tag) == 0)
			return 1;
	return 0;
}

/* The languages' cells, then the stress row's; returns how many. */
static struct cell *
make_cells(struct proof *p, const struct variant *v, size_t *n, size_t *m)
{
	size_t nl = g_strv_length(p->langs), i, k = 0;
	struct cell *cells = xcalloc(nl + STRESS_COUNT + 1, sizeof *cells);

	for (i = 0; i < nl; i++, k++) {
		struct diag d = { 0 };
		const struct catalog *cat =
			library_catalog(p->lib, p->langs[i], &d);

		cells[k].tag = xstrdup(p->langs[i]);
		cells[k].city = xstrdup(CITY);
		cells[k].label = xasprintf("%s · %s", p->langs[i],
			cat != NULL ? catalog_name(cat) : "?");
		cell_plan(p, v, &cells[k]);
	}
	*n = k;
	for (i = 0; i < STRESS_COUNT; i++)
		if (has_lang(p->langs, stress[i].lang)) {
			cells[k].tag = xstrdup(stress[i].lang);
			cells[k].city = xstrdup(stress[i].city);
			cells[k].label = xasprintf("stress · %s · %s",
				stress[i].lang, stress[i].city);
			cell_plan(p, v, &cells[k++]);
		}
	if (k == *n && nl > 0) {
		cells[k].tag = xstrdup(p->langs[0]);
		cells[k].city = xstrdup(stress[0].city);
		cells[k].label = xasprintf("stress · %s · %s", p->langs[0],
			stress[0].city);
		cell_plan(p, v, &cells[k++]);
	}
	*m = k - *n;
	return cells;
}

static void
draw_variant(cairo_t *cr, struct proof *p, const struct variant *v)
{
	size_t n, m, i, cols, failed = 0, stress_failed = 0, small = 0;
	struct cell *cells = make_cells(p, v, &n, &m);
	double *largest = xcalloc(v->slot_count + 1, sizeof *largest);
	double caption_h = LINE * (double)(text_slots(v) + 1) + 4, tw = 0,
	       th = 0;
	char ratio[32], *title, *base = g_path_get_basename(v->path);
	struct banner_item it;

	for (i = 0; i < n + m; i++) {
		size_t j;

		for (j = 0; cells[i].b != NULL &&
			    banner_item(cells[i].b, j, &it) == 0;
			j++) {
			size_t s = slot_index(v, it.slot);

			if (strcmp(it.kind, "text") == 0 &&
				it.size > largest[s])
				largest[s] = it.size;
		}
	}
	for (i = 0; i < n + m; i++) {
		size_t j;

		if (cells[i].b == NULL && i < n)
			failed++;
		else if (cells[i].b == NULL)
			stress_failed++;
		for (j = 0; cells[i].b != NULL &&
			    banner_item(cells[i].b, j, &it) == 0;
			j++)
			small +=
				strcmp(it.kind, "text") == 0 &&
				it.size <
					PROOF_COMFORT *
						largest[slot_index(v, it.slot)];
	}
	design_ratio_text(v->width / v->height, ratio, sizeof ratio);
	title = xasprintf("%s · %s · %s · %zu languages: %zu failed; "
			  "stress row: %zu failed; %zu text%s below %.0f%% "
			  "of the slot's largest (▲)",
		p->dz->name, base, ratio, n, failed, stress_failed, small,
		small == 1 ? "" : "s", 100 * PROOF_COMFORT);
	cairo_set_source_rgb(cr, failed + stress_failed + small > 0 ? 0.8 : 0,
		0, 0);
	caption(cr, p, title, MARGIN, MARGIN, PAGE_W - 2 * MARGIN, 1, 1);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	caption(cr, p,
		"Under each banner, per text slot: its font size in the "
		"design's user units, x lines, and the share of the largest "
		"size the slot has on this page. Last rows: long city names.",
		MARGIN, MARGIN + 12, PAGE_W - 2 * MARGIN, 0, 1);
	grid(v, n, m, caption_h, &cols, &tw, &th);
	for (i = 0; i < n + m; i++) {
		size_t k = i < n ? i : (n + cols - 1) / cols * cols + (i - n);
		double x = MARGIN + (double)(k % cols) * (tw + 8);
		double y = MARGIN + HEADER +
			   (double)(k / cols) * (th + caption_h + 8);

		draw_cell(cr, p, v, &cells[i], largest, x, y, tw, th);
	}
	cairo_show_page(cr);
	g_free(base);
	free(title);
	free(largest);
	free_cells(cells, n + m);
}

static int
proof_pages(cairo_t *cr, void *arg, struct diag *d)
{
	struct proof *p = arg;
	size_t i;

	for (i = 0; i < p->dz->variant_count; i++) {
		const struct variant *v = design_variant(p->dz, i, d);

		if (v == NULL)
			return -1;
		draw_variant(cr, p, v);
	}
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		return diag_set(d, DIAG_LIB, "cannot draw the proof: %s",
			cairo_status_to_string(cairo_status(cr)));
	return 0;
}

static int
write_pages(FILE *fp, void *arg, struct diag *d)
{
	struct proof *p = arg;
	char *title = xasprintf("Proof of the design %s", p->dz->name);
	struct pdf_doc doc = { PAGE_W, PAGE_H, title,
		"#LIBERATECRIMEA design proof: every variant in every language",
		"en", "bayraq " BAYRAQ_VERSION, proof_pages, arg };
	int rc = pdf_write_pages(fp, &doc, d);

	free(title);
	return rc;
}

int
proof_write(struct library *lib, const struct proof_opts *o, const char *path,
	struct diag *d)
{
	struct proof p = { lib, o, NULL, NULL, NULL, NULL, "" };
	struct output out = { 0 };
	char *dir;
	size_t i;
	int rc;

	if ((o->slogan != NULL &&
		    job_check_slogan(o->slogan, "--slogan", d) < 0) ||
		(o->event != NULL &&
			job_check_text(o->event, "--event", d) < 0))
		return -1;
	p.dz = library_design(lib, o->design, d);
	if (p.dz == NULL)
		return -1;
	if (o->langs != NULL) {
		p.langs = g_strdupv(o->langs);
	} else {
		char **all = library_finished_languages(lib);

		p.langs = g_strdupv(all);
		library_languages_free(all);
	}
	for (i = 0; p.langs[i] != NULL; i++)
		if (library_catalog(lib, p.langs[i], d) == NULL) {
			g_strfreev(p.langs);
			return -1;
		}
	p.fonts = library_fonts(lib, d);
	p.flags = library_flags(lib, d);
	if (p.fonts == NULL || p.flags == NULL ||
		flags_host(p.flags, o->country, p.country, d) < 0) {
		g_strfreev(p.langs);
		return -1;
	}
	dir = g_path_get_dirname(path);
	if (g_mkdir_with_parents(dir, 0777) != 0) {
		diag_set(d, DIAG_IO, "cannot create folder '%s': %s", dir,
			g_strerror(errno));
		g_free(dir);
		g_strfreev(p.langs);
		return -1;
	}
	g_free(dir);
	rc = output_file(&out, path, write_pages, &p, d);
	if (rc == 0)
		rc = output_commit(&out, d);
	output_release(&out);
	g_strfreev(p.langs);
	return rc;
}
