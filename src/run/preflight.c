/* preflight.c - what a print shop checks in a PDF, read with qpdf and poppler.
 */
#include "run/preflight.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/paper.h"
#include "base/xalloc.h"
#include "layout/print.h"
#include "write/pdfpost.h"
#include "write/ghostscript.h"
#include "write/pdfscan.h"

struct walk {
	qpdf_data q;
	struct preflight *pf;
	int *seen_fonts; /* object ids, so a font counts once */
	GHashTable *forms_seen; /* form XObjects walked: each once */
	size_t seen_count, seen_cap;
	int rgb, rgb_unmanaged, cmyk, gray, icc, other;
};

static void problem(struct preflight *pf, size_t page, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * A problem on page (1-based; 0 for the whole document). The same
 * message on several pages is one problem listing them.
 */
static void
problem(struct preflight *pf, size_t page, const char *fmt, ...)
{
	struct preflight_problem *p = NULL;
	char msg[sizeof pf->problems[0].msg];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (i = 0; i < pf->problem_count; i++)
		if (strcmp(pf->problems[i].msg, msg) == 0)
			p = &pf->problems[i];
	if (p == NULL) {
		if (pf->problem_count == PREFLIGHT_MAX_PROBLEMS)
			return;
		p = &pf->problems[pf->problem_count++];
		memcpy(p->msg, msg, sizeof msg);
	}
	if (page == 0)
		return;
	if (p->page_count < 8) {
		char n[24];

		snprintf(n, sizeof n, "%s%zu", p->page_count ? ", " : "", page);
		g_strlcat(p->pages, n, sizeof p->pages);
	} else if (p->page_count == 8) {
		g_strlcat(p->pages, "...", sizeof p->pages);
	}
	p->page_count++;
}

void
preflight_problem_line(const struct preflight *pf, size_t i, char *buf,
	size_t size)
{
	const struct preflight_problem *p = &pf->problems[i];

	if (pf->pages < 2 || p->page_count == 0 || p->page_count == pf->pages)
		snprintf(buf, size, "%s", p->msg);
	else
		snprintf(buf, size, "page%s %s: %s",
			p->page_count > 1 ? "s" : "", p->pages, p->msg);
}

/* A page key, looked up through the page tree as PDF inherits it. */
static qpdf_oh
inherited(qpdf_data q, qpdf_oh page, const char *key)
{
	int i;

	for (i = 0; i < 32 && qpdf_oh_is_dictionary(q, page); i++) {
		if (qpdf_oh_has_key(q, page, key))
			return qpdf_oh_get_key(q, page, key);
		page = qpdf_oh_get_key(q, page, "/Parent");
	}
	return qpdf_oh_new_null(q);
}

/* A box as PDF writes it, x0 < x1 and y0 < y1; 0 when there is none. */
static int
read_box(qpdf_data q, qpdf_oh box, double out[4])
{
	double v[4];
	int i;

	if (!qpdf_oh_is_array(q, box) || qpdf_oh_get_array_n_items(q, box) != 4)
		return 0;
	for (i = 0; i < 4; i++)
		v[i] = qpdf_oh_get_numeric_value(q,
			qpdf_oh_get_array_item(q, box, i));
	out[0] = fmin(v[0], v[2]);
	out[1] = fmin(v[1], v[3]);
	out[2] = fmax(v[0], v[2]);
	out[3] = fmax(v[1], v[3]);
	return 1;
}

/* a, cut to b (PDF says every box is cut to the crop box). */
static void
intersect(double a[4], const double b[4])
{
	a[0] = fmax(a[0], b[0]);
	a[1] = fmax(a[1], b[1]);
	a[2] = fmin(a[2], b[2]);
	a[3] = fmin(a[3], b[3]);
	if (a[2] < a[0])
		a[2] = a[0];
	if (a[3] < a[1])
		a[3] = a[1];
}

/*
 * A box in PDF space to the page as seen: from the crop box's top left, y
 * down, turned by rotate degrees clockwise, times the unit. poppler's text
 * and rendering use the same space (without the unit).
 */
static void
to_seen(const double box[4], const double crop[4], int rotate, double unit,
	double out[4])
{
	double w = crop[2] - crop[0], h = crop[3] - crop[1];
	double u0 = box[0] - crop[0], u1 = box[2] - crop[0];
	double v0 = crop[3] - box[3], v1 = crop[3] - box[1];
	double r[4];

	switch (rotate) {
	case 90:
		r[0] = h - v1, r[1] = u0, r[2] = h - v0, r[3] = u1;
		break;
	case 180:
		r[0] = w - u1, r[1] = h - v1, r[2] = w - u0, r[3] = h - v0;
		break;
	case 270:
		r[0] = v0, r[1] = w - u1, r[2] = v1, r[3] = w - u0;
		break;
	default:
		r[0] = u0, r[1] = v0, r[2] = u1, r[3] = v1;
	}
	out[0] = r[0] * unit;
	out[1] = r[1] * unit;
	out[2] = r[2] * unit;
	out[3] = r[3] * unit;
}

static void
read_page_boxes(qpdf_data q, qpdf_oh page, struct preflight_page *pg)
{
	qpdf_oh uu = qpdf_oh_get_key(q, page, "/UserUnit");
	qpdf_oh rot = inherited(q, page, "/Rotate");
	double media[4] = { 0, 0, 612, 792 }, crop[4], trim[4], bleed[4];
	double whole[4];

	pg->user_unit =
		qpdf_oh_is_number(q, uu) && qpdf_oh_get_numeric_value(q, uu) > 0
			? qpdf_oh_get_numeric_value(q, uu)
			: 1;
	pg->rotate =
		qpdf_oh_is_integer(q, rot)
			? (int)(((qpdf_oh_get_int_value(q, rot) % 360) + 360) %
				  360)
			: 0;
	if (pg->rotate % 90 != 0)
		pg->rotate = 0;
	read_box(q, inherited(q, page, "/MediaBox"), media);
	memcpy(crop, media, sizeof crop);
	pg->has_crop = read_box(q, inherited(q, page, "/CropBox"), crop);
	intersect(crop, media);
	pg->has_trim = read_box(q, qpdf_oh_get_key(q, page, "/TrimBox"), trim);
	if (!pg->has_trim)
		memcpy(trim, crop, sizeof trim);
	pg->has_bleed =
		read_box(q, qpdf_oh_get_key(q, page, "/BleedBox"), bleed);
	if (!pg->has_bleed)
		memcpy(bleed, crop, sizeof bleed);
	/* What of the finished page the crop box hides. */
	pg->crop_cuts = fmax(fmax(crop[0] - trim[0], crop[1] - trim[1]),
				fmax(trim[2] - crop[2], trim[3] - crop[3])) *
			pg->user_unit;
	intersect(trim, crop);
	intersect(bleed, crop);
	to_seen(media, crop, pg->rotate, pg->user_unit, pg->media);
	to_seen(crop, crop, pg->rotate, pg->user_unit, whole);
	memcpy(pg->crop, whole, sizeof whole);
	to_seen(trim, crop, pg->rotate, pg->user_unit, pg->trim);
	to_seen(bleed, crop, pg->rotate, pg->user_unit, pg->bleed);
	pg->bleed_side[SIDE_LEFT] = fmax(pg->trim[0] - pg->bleed[0], 0);
	pg->bleed_side[SIDE_TOP] = fmax(pg->trim[1] - pg->bleed[1], 0);
	pg->bleed_side[SIDE_RIGHT] = fmax(pg->bleed[2] - pg->trim[2], 0);
	pg->bleed_side[SIDE_BOTTOM] = fmax(pg->bleed[3] - pg->trim[3], 0);
}

static void
read_boxes(qpdf_data q, struct preflight *pf)
{
	size_t i;

	for (i = 0; i < pf->pages; i++)
		read_page_boxes(q, qpdf_get_page_n(q, i), &pf->page[i]);
	pf->user_unit = pf->page[0].user_unit;
	memcpy(pf->media, pf->page[0].media, sizeof pf->media);
	memcpy(pf->trim, pf->page[0].trim, sizeof pf->trim);
	memcpy(pf->bleed, pf->page[0].bleed, sizeof pf->bleed);
	memcpy(pf->bleed_side, pf->page[0].bleed_side, sizeof pf->bleed_side);
	pf->has_trim = pf->page[0].has_trim;
	pf->has_bleed = pf->page[0].has_bleed;
}

static void
read_intent(qpdf_data q, struct preflight *pf)
{
	qpdf_oh list = qpdf_oh_get_key(q, qpdf_get_root(q), "/OutputIntents");
	qpdf_oh intent, id, info, profile;
	unsigned char *data = NULL;
	size_t len = 0;

	if (!qpdf_oh_is_array(q, list) ||
		qpdf_oh_get_array_n_items(q, list) < 1)
		return;
	intent = qpdf_oh_get_array_item(q, list, 0);
	id = qpdf_oh_get_key(q, intent, "/OutputConditionIdentifier");
	info = qpdf_oh_get_key(q, intent, "/Info");
	/*
	 * Only strings are asked for their text: asked of a missing key,
	 * qpdf fails, and the profile's stream then failed to read too.
	 */
	if (qpdf_oh_is_string(q, id))
		snprintf(pf->intent, sizeof pf->intent, "%s",
			qpdf_oh_get_utf8_value(q, id));
	if (qpdf_oh_is_string(q, info))
		snprintf(pf->intent_info, sizeof pf->intent_info, "%s",
			qpdf_oh_get_utf8_value(q, info));
	profile = qpdf_oh_get_key(q, intent, "/DestOutputProfile");
	if (!qpdf_oh_is_stream(q, profile) ||
		qpdf_oh_get_stream_data(q, profile, qpdf_dl_generalized, NULL,
			&data, &len) != QPDF_SUCCESS ||
		len < 20) {
		free(data);
		return;
	}
	/* ICC header: device class at byte 12, colour space at 16. */
	memcpy(pf->intent_class, data + 12, 4);
	memcpy(pf->intent_space, data + 16, 4);
	pf->intent_space[strcspn(pf->intent_space, " ")] = '\0';
	pf->intent_icc = data;
	pf->intent_icc_len = len;
}

static int
font_embedded(qpdf_data q, qpdf_oh font)
{
	qpdf_oh desc;

	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, font, "/Subtype"),
		    "/Type3"))
		return 1;
	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, font, "/Subtype"),
		    "/Type0"))
		font = qpdf_oh_get_array_item(q,
			qpdf_oh_get_key(q, font, "/DescendantFonts"), 0);
	desc = qpdf_oh_get_key(q, font, "/FontDescriptor");
	return qpdf_oh_has_key(q, desc, "/FontFile") ||
	       qpdf_oh_has_key(q, desc, "/FontFile2") ||
	       qpdf_oh_has_key(q, desc, "/FontFile3");
}

static void
check_fonts(struct walk *w, qpdf_oh res)
{
	qpdf_data q = w->q;
	size_t n, i;
	qpdf_oh *list =
		pdfpost_dict_values(q, qpdf_oh_get_key(q, res, "/Font"), &n);

	for (i = 0; i < n; i++) {
		int id = qpdf_oh_get_object_id(q, list[i]);
		size_t k;

		for (k = 0; k < w->seen_count; k++)
			if (w->seen_fonts[k] == id)
				break;
		if (k < w->seen_count)
			continue;
		if (w->seen_count == w->seen_cap) {
			w->seen_cap = w->seen_cap ? w->seen_cap * 2 : 64;
			w->seen_fonts = xreallocarray(w->seen_fonts,
				w->seen_cap, sizeof *w->seen_fonts);
		}
		w->seen_fonts[w->seen_count++] = id;
		w->pf->fonts++;
		if (font_embedded(q, list[i]))
			w->pf->fonts_embedded++;
	}
	free(list);
}

/* Colour operators in a content stream, token by token. */
static void
scan_content(struct walk *w, const unsigned char *data, size_t len,
	int has_default_rgb)
{
	char tok[4];
	size_t i = 0, n;

	while (i < len) {
		while (i < len && g_ascii_isspace(data[i]))
			i++;
		n = 0;
		while (i < len && !g_ascii_isspace(data[i]) && n < 3)
			tok[n++] = (char)data[i++];
		while (i < len && !g_ascii_isspace(data[i]))
			i++, n = 4;
		if (n > 3)
			continue;
		tok[n] = '\0';
		if (strcmp(tok, "rg") == 0 || strcmp(tok, "RG") == 0) {
			w->rgb = 1;
			if (!has_default_rgb)
				w->rgb_unmanaged = 1;
		} else if (strcmp(tok, "k") == 0 || strcmp(tok, "K") == 0) {
			w->cmyk = 1;
		} else if (strcmp(tok, "g") == 0 || strcmp(tok, "G") == 0) {
			w->gray = 1;
		}
	}
}

static void
note_space(struct walk *w, qpdf_oh cs, int has_default_rgb)
{
	qpdf_data q = w->q;

	if (qpdf_oh_is_array(q, cs))
		cs = qpdf_oh_get_array_item(q, cs, 0);
	if (qpdf_oh_is_name_and_equals(q, cs, "/ICCBased"))
		w->icc = 1;
	else if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceRGB")) {
		w->rgb = 1;
		if (!has_default_rgb)
			w->rgb_unmanaged = 1;
	} else if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK"))
		w->cmyk = 1;
	else if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceGray"))
		w->gray = 1;
	else if (qpdf_oh_is_name(q, cs))
		w->other = 1;
}

static void walk_resources(struct walk *w, qpdf_oh owner, int depth);

/*
 * A form that lists itself, or forms shared by many, are walked once: the
 * walk stays linear in the file, never exponential.
 */
static int
form_first_time(struct walk *w, qpdf_oh form)
{
	int id = qpdf_oh_get_object_id(w->q, form);

	if (id == 0)
		return 1;
	if (g_hash_table_contains(w->forms_seen, GINT_TO_POINTER(id)))
		return 0;
	g_hash_table_add(w->forms_seen, GINT_TO_POINTER(id));
	return 1;
}

static void
walk_xobjects(struct walk *w, qpdf_oh res, int has_default_rgb, int depth)
{
	qpdf_data q = w->q;
	size_t n, i;
	qpdf_oh *list =
		pdfpost_dict_values(q, qpdf_oh_get_key(q, res, "/XObject"), &n);

	for (i = 0; i < n; i++) {
		qpdf_oh dict = qpdf_oh_get_dict(q, list[i]);
		qpdf_oh sub = qpdf_oh_get_key(q, dict, "/Subtype");

		if (qpdf_oh_is_name_and_equals(q, sub, "/Image")) {
			note_space(w, qpdf_oh_get_key(q, dict, "/ColorSpace"),
				has_default_rgb);
		} else if (qpdf_oh_is_name_and_equals(q, sub, "/Form") &&
			   form_first_time(w, list[i])) {
			unsigned char *data = NULL;
			size_t len = 0;
			qpdf_oh fres = qpdf_oh_get_key(q, dict, "/Resources");
			qpdf_oh fcs = qpdf_oh_get_key(q, fres, "/ColorSpace");
			int fdef = qpdf_oh_has_key(q, fcs, "/DefaultRGB") ||
				   (!qpdf_oh_is_dictionary(q, fres) &&
					   has_default_rgb);

			if (qpdf_oh_get_stream_data(q, list[i],
				    qpdf_dl_generalized, NULL, &data,
				    &len) == QPDF_SUCCESS)
				scan_content(w, data, len, fdef);
			free(data);
			walk_resources(w, dict, depth + 1);
		}
	}
	free(list);
}

static void
walk_resources(struct walk *w, qpdf_oh owner, int depth)
{
	qpdf_data q = w->q;
	qpdf_oh res = qpdf_oh_get_key(q, owner, "/Resources");
	qpdf_oh cs, group;
	int has_default_rgb;

	if (depth > PREFLIGHT_MAX_DEPTH)
		return;
	group = qpdf_oh_get_key(q, owner, "/Group");
	if (qpdf_oh_is_dictionary(q, group))
		note_space(w, qpdf_oh_get_key(q, group, "/CS"), 0);
	if (!qpdf_oh_is_dictionary(q, res))
		return;
	cs = qpdf_oh_get_key(q, res, "/ColorSpace");
	has_default_rgb = qpdf_oh_has_key(q, cs, "/DefaultRGB");
	if (has_default_rgb)
		note_space(w, qpdf_oh_get_key(q, cs, "/DefaultRGB"), 1);
	check_fonts(w, res);
	walk_xobjects(w, res, has_default_rgb, depth);
}

static void
walk_pages(struct walk *w)
{
	qpdf_data q = w->q;
	size_t i;

	for (i = 0; i < w->pf->pages; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);
		qpdf_oh cs = qpdf_oh_get_key(q,
			qpdf_oh_get_key(q, page, "/Resources"), "/ColorSpace");
		unsigned char *data = NULL;
		size_t len = 0;

		if (qpdf_oh_get_page_content_data(q, page, &data, &len) ==
			QPDF_SUCCESS)
			scan_content(w, data, len,
				qpdf_oh_has_key(q, cs, "/DefaultRGB"));
		free(data);
		walk_resources(w, page, 0);
	}
}

static void
describe_spaces(const struct walk *w, struct preflight *pf)
{
	char *s = pf->colour_spaces;
	size_t n = sizeof pf->colour_spaces;

	s[0] = '\0';
	if (w->rgb)
		g_strlcat(s,
			w->rgb_unmanaged
				? "DeviceRGB, "
				: "DeviceRGB (as sRGB by DefaultRGB), ",
			n);
	if (w->cmyk)
		g_strlcat(s, "DeviceCMYK, ", n);
	if (w->gray)
		g_strlcat(s, "DeviceGray, ", n);
	if (w->icc)
		g_strlcat(s, "ICCBased, ", n);
	if (w->other)
		g_strlcat(s, "other, ", n);
	if (strlen(s) >= 2)
		s[strlen(s) - 2] = '\0';
	else
		g_strlcpy(s, "none", n);
}

/*
 * Line widths and text sizes, from the content streams: a small
 * interpreter that follows q, Q, cm, w, the stroking operators, Tf, Tm,
 * Tr and the text-showing operators, into form XObjects. A width of 0 is
 * the thinnest line the device can draw. Sizes come from the matrices
 * alone, so they do not depend on a viewer's text extraction (poppler's
 * font sizes are wrong on turned pages).
 */
struct lines {
	qpdf_data q;
	double min; /* in user space units times the CTM's scale */
	double min_text; /* the same for the size text is shown at */
	int budget; /* forms entered, so shared forms cannot explode */
};

struct gstate {
	double ctm[6];
	double width;
	double font_size; /* Tf */
	int render_mode; /* Tr: 3 and 7 draw nothing */
};

static void scan_lines(struct lines *l, qpdf_oh res, const unsigned char *p,
	size_t len, const double ctm[6], int depth);

static void
lines_form(struct lines *l, qpdf_oh res, const char *name, const double ctm[6],
	int depth)
{
	struct pdfpost_form form;
	unsigned char *data = NULL;
	size_t len = 0;

	if (depth > PREFLIGHT_MAX_DEPTH || l->budget-- <= 0 ||
		!pdfpost_form_find(l->q, res, name, ctm, &form))
		return;
	if (qpdf_oh_get_stream_data(l->q, form.stream, qpdf_dl_generalized,
		    NULL, &data, &len) == QPDF_SUCCESS)
		scan_lines(l, form.res, data, len, form.ctm, depth + 1);
	free(data);
}

/* One content stream's graphics state, as pdfscan_run walks it. */
struct line_scan {
	struct lines *l;
	qpdf_oh res;
	int depth;
	struct gstate stack[32], gs;
	size_t sp;
	double tm[6];
};

static int
is_text_show(const struct pdfscan_op *op)
{
	return pdfscan_is_op(op, "Tj") || pdfscan_is_op(op, "TJ") ||
	       pdfscan_is_op(op, "'") || pdfscan_is_op(op, "\"");
}

static int
line_op(const struct pdfscan_op *op, void *arg)
{
	struct line_scan *s = arg;
	struct gstate *gs = &s->gs;
	const double *num = op->num;
	size_t nn = op->nums;

	if (pdfscan_is_op(op, "q") && s->sp < 32) {
		s->stack[s->sp++] = *gs;
	} else if (pdfscan_is_op(op, "Q") && s->sp > 0) {
		*gs = s->stack[--s->sp];
	} else if (pdfscan_is_op(op, "cm") && nn == 6) {
		pdfscan_matrix_multiply(num, gs->ctm, gs->ctm);
	} else if (pdfscan_is_op(op, "w") && nn >= 1) {
		gs->width = fabs(num[nn - 1]);
	} else if (pdfscan_is_stroke(op)) {
		s->l->min = fmin(s->l->min,
			gs->width * pdfscan_matrix_scale(gs->ctm));
	} else if (pdfscan_is_op(op, "BT")) {
		memcpy(s->tm, (double[6]){ 1, 0, 0, 1, 0, 0 }, sizeof s->tm);
	} else if (pdfscan_is_op(op, "Tm") && nn == 6) {
		memcpy(s->tm, num, sizeof s->tm);
	} else if (pdfscan_is_op(op, "Tf") && nn >= 1) {
		gs->font_size = fabs(num[nn - 1]);
	} else if (pdfscan_is_op(op, "Tr") && nn >= 1) {
		/* Modes are 0 to 7; anything else draws as 0 would. */
		gs->render_mode = num[nn - 1] >= 0 && num[nn - 1] <= 7
					  ? (int)num[nn - 1]
					  : 0;
	} else if (is_text_show(op) && gs->render_mode != 3 &&
		   gs->render_mode != 7) {
		double t[6];

		pdfscan_matrix_multiply(s->tm, gs->ctm, t);
		s->l->min_text = fmin(s->l->min_text,
			gs->font_size * pdfscan_matrix_scale(t));
	} else if (pdfscan_is_op(op, "Do") && op->name[0] != '\0') {
		lines_form(s->l, s->res, op->name, gs->ctm, s->depth);
	}
	return 0;
}

static void
scan_lines(struct lines *l, qpdf_oh res, const unsigned char *p, size_t len,
	const double ctm[6], int depth)
{
	struct line_scan *s = xcalloc(1, sizeof *s);

	s->l = l;
	s->res = res;
	s->depth = depth;
	memcpy(s->gs.ctm, ctm, sizeof s->gs.ctm);
	s->gs.width = 1;
	memcpy(s->tm, (double[6]){ 1, 0, 0, 1, 0, 0 }, sizeof s->tm);
	pdfscan_run(p, len, line_op, s);
	free(s);
}

static void
page_lines(qpdf_data q, qpdf_oh page, struct preflight_page *pg)
{
	struct lines l = { q, INFINITY, INFINITY, 2000 };
	double id[6] = { 1, 0, 0, 1, 0, 0 };
	unsigned char *data = NULL;
	size_t len = 0;

	if (qpdf_oh_get_page_content_data(q, page, &data, &len) == QPDF_SUCCESS)
		scan_lines(&l, inherited(q, page, "/Resources"), data, len, id,
			0);
	free(data);
	pg->min_line_pt = l.min * pg->user_unit;
	pg->min_text_pt = l.min_text * pg->user_unit;
}

/*
 * A content stream without its text: each text-showing operator (Tj, TJ,
 * ', ") is dropped with its operands, everything else kept byte for byte.
 * Rendered against the page as it is, it shows where the text's ink is,
 * whatever poppler's text extraction makes of it (it drops whole lines of
 * Arabic).
 */
struct strip {
	GString *out;
	const unsigned char *p;
	size_t end; /* of the last operator */
};

static int
strip_op(const struct pdfscan_op *op, void *arg)
{
	struct strip *st = arg;

	if (is_text_show(op))
		g_string_append_c(st->out, ' ');
	else
		g_string_append_len(st->out, (const char *)st->p + op->start,
			(gssize)(op->end - op->start));
	st->end = op->end;
	return 0;
}

static GString *
strip_text(const unsigned char *p, size_t len)
{
	struct strip st = { g_string_sized_new(len), p, 0 };

	pdfscan_run(p, len, strip_op, &st);
	/* What follows the last operator: white space, stray operands. */
	g_string_append_len(st.out, (const char *)p + st.end,
		(gssize)(len - st.end));
	return st.out;
}

static void
strip_stream(qpdf_data q, qpdf_oh stream)
{
	unsigned char *data = NULL;
	size_t len = 0;

	if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, NULL, &data,
		    &len) == QPDF_SUCCESS) {
		GString *t = strip_text(data, len);

		qpdf_oh_replace_stream_data(q, stream,
			(const unsigned char *)t->str, t->len,
			qpdf_oh_new_null(q), qpdf_oh_new_null(q));
		g_string_free(t, TRUE);
	}
	free(data);
}

static void
strip_forms(qpdf_data q, qpdf_oh owner, GHashTable *seen, int depth)
{
	qpdf_oh res = qpdf_oh_get_key(q, owner, "/Resources");
	size_t n, i;
	qpdf_oh *list;

	if (depth > PREFLIGHT_MAX_DEPTH)
		return;
	list = pdfpost_dict_values(q, qpdf_oh_get_key(q, res, "/XObject"), &n);
	for (i = 0; i < n; i++) {
		int id = qpdf_oh_get_object_id(q, list[i]);
		qpdf_oh dict = qpdf_oh_get_dict(q, list[i]);

		if (!qpdf_oh_is_stream(q, list[i]) ||
			!qpdf_oh_is_name_and_equals(q,
				qpdf_oh_get_key(q, dict, "/Subtype"),
				"/Form") ||
			(id != 0 &&
				!g_hash_table_add(seen, GINT_TO_POINTER(id))))
			continue;
		strip_stream(q, list[i]);
		strip_forms(q, dict, seen, depth + 1);
	}
	free(list);
}

/*
 * The file with no text drawn, in memory: every page's content and every
 * form it uses, decrypted. NULL when qpdf cannot write it.
 */
static GBytes *
text_free_copy(const char *path)
{
	qpdf_data q = qpdf_init();
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	GBytes *bytes = NULL;
	size_t i, n;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS || qpdf_get_num_pages(q) < 0)
		goto out;
	n = (size_t)qpdf_get_num_pages(q);
	for (i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);
		qpdf_oh c = qpdf_oh_get_key(q, page, "/Contents");
		int k, m;

		if (qpdf_oh_is_stream(q, c)) {
			strip_stream(q, c);
		} else if (qpdf_oh_is_array(q, c)) {
			m = qpdf_oh_get_array_n_items(q, c);
			for (k = 0; k < m; k++)
				if (qpdf_oh_is_stream(q,
					    qpdf_oh_get_array_item(q, c, k)))
					strip_stream(q,
						qpdf_oh_get_array_item(q, c,
							k));
		}
		strip_forms(q, page, seen, 0);
	}
	if (qpdf_has_error(q) || qpdf_init_write_memory(q) & QPDF_ERRORS)
		goto out;
	qpdf_set_preserve_encryption(q, QPDF_FALSE);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto out;
	bytes = g_bytes_new(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
out:
	/* Taken, or qpdf prints it at cleanup. */
	if (qpdf_has_error(q))
		qpdf_get_error(q);
	g_hash_table_destroy(seen);
	qpdf_cleanup(&q);
	return bytes;
}

static int
read_structure(struct preflight *pf, const char *path, struct diag *d)
{
	qpdf_data q = qpdf_init();
	struct walk w;
	const char *x;
	size_t i;
	int rc = 0;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read(q, path, NULL) & QPDF_ERRORS) {
		qpdf_error e = qpdf_get_error(q);

		rc = diag_set(d, DIAG_FORMAT, "cannot read '%s': %s", path,
			e != NULL ? qpdf_get_error_message_detail(q, e)
				  : "not a PDF");
		goto out;
	}
	snprintf(pf->version, sizeof pf->version, "%s",
		qpdf_get_pdf_version(q));
	/* A page tree that loops or is broken counts -1 pages. */
	if (qpdf_get_num_pages(q) < 0) {
		/* Taken, or qpdf prints it at cleanup. */
		qpdf_get_error(q);
		rc = diag_set(d, DIAG_FORMAT,
			"cannot read the pages of '%s': its page tree is "
			"broken; export the PDF again",
			path);
		goto out;
	}
	pf->pages = (size_t)qpdf_get_num_pages(q);
	if (pf->pages == 0) {
		rc = diag_set(d, DIAG_FORMAT, "'%s' has no pages", path);
		goto out;
	}
	if (pf->pages > PREFLIGHT_MAX_PAGES) {
		rc = diag_set(d, DIAG_FORMAT,
			"'%s' has %zu pages, more than the %d preflight reads; "
			"check it in parts (qpdf --pages)",
			path, pf->pages, PREFLIGHT_MAX_PAGES);
		pf->pages = 0;
		goto out;
	}
	pf->page = xcalloc(pf->pages, sizeof *pf->page);
	read_boxes(q, pf);
	pf->encrypted = qpdf_is_encrypted(q);
	pf->print_allowed = qpdf_allow_print_high_res(q);
	for (i = 0; i < pf->pages; i++)
		page_lines(q, qpdf_get_page_n(q, i), &pf->page[i]);
	x = qpdf_get_info_key(q, "/GTS_PDFXVersion");
	snprintf(pf->pdfx, sizeof pf->pdfx, "%s", x != NULL ? x : "");
	read_intent(q, pf);
	memset(&w, 0, sizeof w);
	w.q = q;
	w.pf = pf;
	w.forms_seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	walk_pages(&w);
	describe_spaces(&w, pf);
	if (w.rgb_unmanaged && pf->intent_space[0] != '\0' &&
		strcmp(pf->intent_space, "RGB") != 0)
		problem(pf, 0,
			"DeviceRGB is used without a DefaultRGB profile "
			"under a CMYK output intent");
	free(w.seen_fonts);
	g_hash_table_destroy(w.forms_seen);
out:
	qpdf_cleanup(&q);
	return rc;
}

/* Paper white: what a render over white shows where nothing is drawn. */
static int
is_white(const unsigned char *px)
{
	/* cairo's ARGB32 in memory: B, G, R, A on little-endian. */
	uint32_t v = *(const uint32_t *)px;

	return ((v >> 16) & 0xff) >= 250 && ((v >> 8) & 0xff) >= 250 &&
	       (v & 0xff) >= 250;
}

/* The PDF opened with poppler, or NULL and d set. */
static PopplerDocument *
open_poppler(const char *path, struct diag *d)
{
	GError *err = NULL;
	GFile *file = g_file_new_for_path(path);
	char *uri = g_file_get_uri(file);
	PopplerDocument *doc = poppler_document_new_from_file(uri, NULL, &err);

	g_free(uri);
	g_object_unref(file);
	if (doc == NULL) {
		diag_set(d, DIAG_FORMAT, "cannot read '%s': %s", path,
			err != NULL ? err->message : "not a PDF");
		g_clear_error(&err);
	}
	return doc;
}

/*
 * Renders the bleed strip of one side, plus a little of the trim, at a
 * low resolution: where the pixel just inside the cut is ink and the one
 * at the bleed's outer edge is paper, the background stops short of the
 * bleed. A white background is fine: white inside, white outside.
 */
static int
white_bleed_side(PopplerPage *page, const struct preflight_page *pg, int side)
{
	double u = pg->user_unit, b = pg->bleed_side[side] / u;
	double t[4] = { pg->trim[0] / u, pg->trim[1] / u, pg->trim[2] / u,
		pg->trim[3] / u };
	double bl[4] = { pg->bleed[0] / u, pg->bleed[1] / u, pg->bleed[2] / u,
		pg->bleed[3] / u };
	int vertical = side == SIDE_LEFT || side == SIDE_RIGHT;
	double along = vertical ? t[3] - t[1] : t[2] - t[0];
	double k, in, r[4], dw, dh;
	cairo_surface_t *img;
	cairo_t *cr;
	unsigned char *data;
	int w, h, stride, i, n, run = 0, longest = 0;

	/* A doctored file's boxes may have no width or no bleed. */
	if (!(b > 0 && along > 0))
		return 0;
	/* Four pixels across the bleed, no more than 8000 along it. */
	k = fmin(4 / b, 8000 / along);
	in = 2 / k; /* two pixels inside the trim */
	switch (side) {
	case SIDE_LEFT:
		r[0] = bl[0], r[1] = t[1], r[2] = t[0] + in, r[3] = t[3];
		break;
	case SIDE_RIGHT:
		r[0] = t[2] - in, r[1] = t[1], r[2] = bl[2], r[3] = t[3];
		break;
	case SIDE_TOP:
		r[0] = t[0], r[1] = bl[1], r[2] = t[2], r[3] = t[1] + in;
		break;
	default:
		r[0] = t[0], r[1] = t[3] - in, r[2] = t[2], r[3] = bl[3];
	}
	dw = floor((r[2] - r[0]) * k);
	dh = floor((r[3] - r[1]) * k);
	/* A bleed box far past the trim would be a huge strip: not a bleed. */
	if (!(dw >= 3 && dh >= 3 && dw <= 16000 && dh <= 16000))
		return 0;
	w = (int)dw;
	h = (int)dh;
	img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(img);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	cairo_translate(cr, -r[0], -r[1]);
	poppler_page_render_for_printing(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(img);
	data = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	n = vertical ? h : w;
	for (i = 0; i < n; i++) {
		int ox, oy, ix, iy;

		if (vertical) {
			ox = side == SIDE_LEFT ? 0 : w - 1;
			ix = side == SIDE_LEFT ? w - 1 : 0;
			oy = iy = i;
		} else {
			oy = side == SIDE_TOP ? 0 : h - 1;
			iy = side == SIDE_TOP ? h - 1 : 0;
			ox = ix = i;
		}
		if (is_white(data + oy * stride + ox * 4) &&
			!is_white(data + iy * stride + ix * 4))
			longest = run + 1 > longest ? run + 1 : longest, run++;
		else
			run = 0;
	}
	cairo_surface_destroy(img);
	return longest / k * u >= PAPER_PT(PREFLIGHT_WHITE_BLEED_MM);
}

/* The page as seen, over white, k pixels a unit. */
static cairo_surface_t *
render_page(PopplerPage *page, double k, int w, int h)
{
	cairo_surface_t *img =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(img);

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	poppler_page_render_for_printing(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(img);
	return img;
}

/* Two pixels that differ by more than a quarter in some channel. */
static int
differ(const unsigned char *a, const unsigned char *b)
{
	int i;

	for (i = 0; i < 3; i++)
		if (abs((int)a[i] - (int)b[i]) > 64)
			return 1;
	return 0;
}

/*
 * How close the ink of the text comes to the trim, in points: the page
 * is drawn as it is and without its text (bare), at 0.1 mm a pixel or
 * coarser, 4 million pixels at most, and where they differ is the text's
 * ink. A pixel with ink counts whole, so the distance errs on the near
 * side. INFINITY when the text leaves no mark.
 */
/*
 * Beyond the bleed box: the slug, cut away with the notes for the shop
 * (bayraq writes the finished size there). x, y in points as seen.
 */
static int
in_slug(const struct preflight_page *pg, double x, double y)
{
	return pg->has_bleed && (x < pg->bleed[0] || x > pg->bleed[2] ||
					y < pg->bleed[1] || y > pg->bleed[3]);
}

static double
ink_margin(PopplerPage *page, PopplerPage *bare,
	const struct preflight_page *pg)
{
	double u = pg->user_unit;
	double cw = (pg->crop[2] - pg->crop[0]) / u;
	double ch = (pg->crop[3] - pg->crop[1]) / u;
	double k;
	cairo_surface_t *a, *b;
	unsigned char *da, *db;
	int w, h, stride, x, y, x0, y0, x1 = -1, y1 = -1;
	double m;

	/* A CropBox with no area (a doctored file) has no ink to measure. */
	if (!(cw * ch > 0))
		return INFINITY;
	k = fmin(254 / 72.0 * u, sqrt(4e6 / (cw * ch)));
	/* A page a million times longer than wide still has 4e6 pixels. */
	if (!(ceil(cw * k) <= 4e6 && ceil(ch * k) <= 4e6))
		return INFINITY;
	w = (int)ceil(cw * k);
	h = (int)ceil(ch * k);
	x0 = w;
	y0 = h;
	/* Past cairo's largest image (a sliver of a page): not measured. */
	if (w < 1 || h < 1 || w > 32767 || h > 32767)
		return INFINITY;
	a = render_page(page, k, w, h);
	b = render_page(bare, k, w, h);
	da = cairo_image_surface_get_data(a);
	db = cairo_image_surface_get_data(b);
	if (da == NULL || db == NULL) {
		cairo_surface_destroy(a);
		cairo_surface_destroy(b);
		return INFINITY;
	}
	stride = cairo_image_surface_get_stride(a);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			if (!in_slug(pg, (x + 0.5) / k * u,
				    (y + 0.5) / k * u) &&
				differ(da + y * stride + x * 4,
					db + y * stride + x * 4)) {
				x0 = x < x0 ? x : x0;
				x1 = x > x1 ? x : x1;
				y0 = y < y0 ? y : y0;
				y1 = y > y1 ? y : y1;
			}
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	if (x1 < 0)
		return INFINITY;
	m = fmin(fmin(x0 / k - pg->trim[0] / u, y0 / k - pg->trim[1] / u),
		fmin(pg->trim[2] / u - (x1 + 1) / k,
			pg->trim[3] / u - (y1 + 1) / k));
	return m * u;
}

/* Text and the bleed of one page, as poppler lays them out. */
static void
read_page_layout(PopplerPage *page, PopplerPage *bare,
	struct preflight_page *pg)
{
	PopplerRectangle *rects = NULL;
	guint n = 0, i;
	double u = pg->user_unit;
	double left = pg->trim[0] / u, top = pg->trim[1] / u;
	double right = pg->trim[2] / u, bottom = pg->trim[3] / u;
	int side;

	pg->text_margin = INFINITY;
	if (poppler_page_get_text_layout(page, &rects, &n)) {
		for (i = 0; i < n; i++) {
			double m = fmin(fmin(rects[i].x1 - left,
						rects[i].y1 - top),
				fmin(right - rects[i].x2,
					bottom - rects[i].y2));

			/* Spaces and line ends have empty boxes. */
			if (rects[i].x2 - rects[i].x1 <= 0.01 ||
				in_slug(pg, (rects[i].x1 + rects[i].x2) / 2 * u,
					(rects[i].y1 + rects[i].y2) / 2 * u))
				continue;
			pg->has_text = 1;
			pg->text_margin = fmin(pg->text_margin, m * u);
		}
		g_free(rects);
	}
	/*
	 * Text that poppler's extraction misses (it drops lines of Arabic)
	 * is still text the content streams show.
	 */
	if (isfinite(pg->min_text_pt))
		pg->has_text = 1;
	/* The ink, when the file without its text could be made. */
	if (pg->has_text && bare != NULL) {
		double ink = ink_margin(page, bare, pg);

		if (isfinite(ink))
			pg->text_margin = ink;
	}
	/* Less than 1 mm of bleed is reported as missing, not as white. */
	for (side = 0; side < 4; side++)
		if (pg->bleed_side[side] >= PAPER_PT(1)) {
			pg->bleed_rendered = 1;
			pg->white_bleed[side] =
				white_bleed_side(page, pg, side);
		}
}

/*
 * The raster images of page n as they print: the page's count and least
 * ppi, and each one in pf's list while it has room.
 */
static void
read_page_images(PopplerPage *page, struct preflight *pf, size_t n)
{
	struct preflight_page *pg = &pf->page[n];
	GList *images = poppler_page_get_image_mapping(page), *l;

	pg->min_ppi = INFINITY;
	for (l = images; l != NULL; l = l->next) {
		PopplerImageMapping *m = l->data;
		cairo_surface_t *img =
			poppler_page_get_image(page, m->image_id);
		double w_pt = fabs(m->area.x2 - m->area.x1) * pg->user_unit;
		double h_pt = fabs(m->area.y2 - m->area.y1) * pg->user_unit;
		struct preflight_image im;

		pg->images++;
		if (img == NULL)
			continue;
		im.page = n + 1;
		im.width = cairo_image_surface_get_width(img);
		im.height = cairo_image_surface_get_height(img);
		im.w_mm = PAPER_MM(w_pt);
		im.h_mm = PAPER_MM(h_pt);
		im.ppi = w_pt > 0 ? im.width / (w_pt / 72) : INFINITY;
		cairo_surface_destroy(img);
		pg->min_ppi = fmin(pg->min_ppi, im.ppi);
		if (pf->image_count < PREFLIGHT_MAX_IMAGES) {
			pf->image = xreallocarray(pf->image,
				pf->image_count + 1, sizeof *pf->image);
			pf->image[pf->image_count++] = im;
		}
	}
	poppler_page_free_image_mapping(images);
}

static int
read_layout(struct preflight *pf, const char *path, struct diag *d)
{
	PopplerDocument *doc = open_poppler(path, d), *bare_doc = NULL;
	GBytes *bare_bytes;
	size_t i;

	if (doc == NULL)
		return -1;
	bare_bytes = text_free_copy(path);
	if (bare_bytes != NULL) {
		bare_doc =
			poppler_document_new_from_bytes(bare_bytes, NULL, NULL);
		g_bytes_unref(bare_bytes);
	}
	pf->text_margin = INFINITY;
	pf->min_ppi = INFINITY;
	pf->min_text_pt = INFINITY;
	pf->min_line_pt = INFINITY;
	for (i = 0; i < pf->pages; i++) {
		/* A damaged file may have fewer pages for poppler than qpdf. */
		PopplerPage *page =
			(int)i < poppler_document_get_n_pages(doc)
				? poppler_document_get_page(doc, (int)i)
				: NULL;
		PopplerPage *bare =
			bare_doc != NULL &&
					(int)i < poppler_document_get_n_pages(
							 bare_doc)
				? poppler_document_get_page(bare_doc, (int)i)
				: NULL;
		struct preflight_page *pg = &pf->page[i];

		if (page != NULL) {
			read_page_layout(page, bare, pg);
			read_page_images(page, pf, i);
			g_object_unref(page);
		} else {
			pg->text_margin = pg->min_ppi = INFINITY;
		}
		pf->has_text |= pg->has_text;
		if (pg->has_text)
			pf->text_margin =
				fmin(pf->text_margin, pg->text_margin);
		pf->min_ppi = fmin(pf->min_ppi, pg->min_ppi);
		pf->images += pg->images;
		pf->min_text_pt = fmin(pf->min_text_pt, pg->min_text_pt);
		pf->min_line_pt = fmin(pf->min_line_pt, pg->min_line_pt);
		if (bare != NULL)
			g_object_unref(bare);
	}
	if (bare_doc != NULL)
		g_object_unref(bare_doc);
	g_object_unref(doc);
	return 0;
}

/* GRACoL's conditions (CGATS TR 006 and its kin) allow 320%; others 300%. */
static double
ink_limit(const char *intent)
{
	if (strstr(intent, "TR 006") != NULL ||
		strstr(intent, "TR006") != NULL ||
		g_ascii_strncasecmp(intent, "GRACoL", 6) == 0)
		return PREFLIGHT_INK_GRACOL;
	return PREFLIGHT_INK_FOGRA39;
}

/*
 * Total ink: every page rendered to the intent's CMYK by Ghostscript, at
 * most PREFLIGHT_INK_PIXELS pixels a page. Without a CMYK intent or gs it
 * is noted as not measured, not a problem: the other checks still hold.
 */
static void
read_ink(struct preflight *pf, const char *path)
{
	struct diag d = { 0 };
	double *max = xcalloc(pf->pages, sizeof *max), area = 0, dpi;
	gchar *icc = NULL;
	int fd;
	size_t i;

	pf->max_ink = -1;
	if (pf->ink_limit < 0)
		pf->ink_limit = ink_limit(pf->intent);
	for (i = 0; i < pf->pages; i++) {
		const double *m = pf->page[i].media;

		pf->page[i].max_ink = -1;
		area = fmax(area, (m[2] - m[0]) * (m[3] - m[1]) / (72.0 * 72));
	}
	if (pf->intent_icc == NULL || strcmp(pf->intent_space, "CMYK") != 0) {
		snprintf(pf->ink_note, sizeof pf->ink_note,
			"not measured: no CMYK output intent");
		goto out;
	}
	fd = g_file_open_tmp("bayraq-XXXXXX.icc", &icc, NULL);
	if (fd < 0 || write(fd, pf->intent_icc, pf->intent_icc_len) !=
			      (ssize_t)pf->intent_icc_len) {
		snprintf(pf->ink_note, sizeof pf->ink_note,
			"not measured: cannot write a temporary file");
		if (fd >= 0)
			close(fd);
		goto out;
	}
	close(fd);
	dpi = fmin(72, sqrt(PREFLIGHT_INK_PIXELS / fmax(area, 1e-6)));
	if (ghostscript_ink(path, icc, dpi, max, pf->pages, &d) < 0) {
		snprintf(pf->ink_note, sizeof pf->ink_note, "not measured: %s",
			d.msg);
		goto out;
	}
	for (i = 0; i < pf->pages; i++) {
		pf->page[i].max_ink = max[i];
		pf->max_ink = fmax(pf->max_ink, max[i]);
	}
out:
	if (icc != NULL)
		unlink(icc);
	g_free(icc);
	free(max);
}

static const char *const side_names[4] = { "left", "top", "right", "bottom" };

/* One page's checks; n is its number from 1. */
static void
judge_page(struct preflight *pf, const struct preflight_page *pg, size_t n)
{
	double tw = pg->trim[2] - pg->trim[0], th = pg->trim[3] - pg->trim[1];
	double need = print_least_bleed(tw, th);
	int large = print_large_format(tw, th), side, least = 0;
	double safe = pf->safe >= 0 ? pf->safe : print_default_safe(tw, th);
	struct diag sd = { 0 };

	if (!pg->has_trim)
		problem(pf, n,
			"no TrimBox: the shop cannot tell the finished "
			"size");
	if (pg->crop_cuts > 0.05)
		problem(pf, n,
			"the CropBox cuts %.1f mm off the finished page: "
			"viewers and RIPs show only the CropBox",
			PAPER_MM(pg->crop_cuts));
	for (side = 1; side < 4; side++)
		if (pg->bleed_side[side] < pg->bleed_side[least])
			least = side;
	if (pg->bleed_side[least] < need - 0.3)
		problem(pf, n,
			"bleed is %.1f mm on the %s; the shop needs %.0f mm "
			"(render with --print or --bleed %.0fmm)",
			PAPER_MM(pg->bleed_side[least]), side_names[least],
			PAPER_MM(need), PAPER_MM(need));
	for (side = 0; side < 4; side++)
		if (pg->white_bleed[side])
			problem(pf, n,
				"the bleed on the %s is white: the "
				"background must run %.0f mm past the cut",
				side_names[side], PAPER_MM(need));
	if (pg->images > 0 && pg->min_ppi < (large ? 72 : 150))
		problem(pf, n,
			"an image prints at %.0f ppi, too few pixels for its "
			"size: it will look blurry; use a larger picture "
			"(%d ppi at least)",
			pg->min_ppi, large ? 72 : 150);
	/* One 8-bit step of rounding in each of four inks. */
	if (pg->max_ink > pf->ink_limit + 1.6)
		problem(pf, n,
			"the ink reaches %.0f%% (cyan, magenta, yellow and "
			"black together) where %s allows %.0f%%: it will not "
			"dry; convert the colours with the condition's "
			"profile (bayraq render --cmyk)",
			pg->max_ink, pf->intent, pf->ink_limit);
	if (pg->min_line_pt < PREFLIGHT_HAIRLINE_PT - 0.005)
		problem(pf, n,
			"a line is %.2f pt thin; lines under %.2f pt may not "
			"print",
			pg->min_line_pt, PREFLIGHT_HAIRLINE_PT);
	if (pg->min_text_pt < PREFLIGHT_SMALL_TEXT_PT - 0.05)
		problem(pf, n,
			"text is set at %.1f pt; under %.0f pt it may not be "
			"legible in print",
			pg->min_text_pt, PREFLIGHT_SMALL_TEXT_PT);
	if (pg->has_text &&
		print_safe_check(pg->text_margin, safe, "", &sd) < 0)
		problem(pf, n, "%s", sd.msg);
}

static void
judge(struct preflight *pf)
{
	size_t i;

	if (pf->encrypted && !pf->print_allowed)
		problem(pf, 0,
			"the file is locked against printing (its password "
			"settings forbid it): export it again without "
			"security");
	else if (pf->encrypted)
		problem(pf, 0,
			"the file is encrypted, which PDF/X forbids: export it "
			"again without security");
	if (pf->pdfx[0] == '\0')
		problem(pf, 0,
			"not PDF/X: no GTS_PDFXVersion (render with "
			"--print)");
	if (pf->intent[0] == '\0')
		problem(pf, 0,
			"no output intent: the shop cannot tell which "
			"press condition the colours are for");
	else if (strcmp(pf->intent_class, "prtr") != 0 ||
		 strcmp(pf->intent_space, "CMYK") != 0)
		problem(pf, 0,
			"the output intent's profile is '%s' '%s', not a "
			"CMYK printer profile",
			pf->intent_class, pf->intent_space);
	if (pf->fonts_embedded < pf->fonts)
		problem(pf, 0, "%zu of %zu fonts are not embedded",
			pf->fonts - pf->fonts_embedded, pf->fonts);
	for (i = 0; i < pf->pages; i++)
		judge_page(pf, &pf->page[i], i + 1);
	if (pf->safe < 0)
		pf->safe = print_default_safe(pf->trim[2] - pf->trim[0],
			pf->trim[3] - pf->trim[1]);
}

void
preflight_free(struct preflight *pf)
{
	free(pf->page);
	pf->page = NULL;
	free(pf->intent_icc);
	pf->intent_icc = NULL;
	free(pf->image);
	pf->image = NULL;
	pf->image_count = 0;
}

/*
 * 0 if path starts like a PDF: "%PDF-" in its first 1024 bytes, where
 * readers look for it. Else -1, and d names what it seems to be
 * (shared-mime-info's magic, through GIO) and what to give instead.
 */
static int
looks_like_pdf(const char *path, struct diag *d)
{
	static const char hint[] = "preflight checks PDF files: give it the "
				   ".pdf that bayraq render wrote";
	unsigned char head[1024];
	FILE *fp = fopen(path, "rb");
	size_t n, i;
	gboolean uncertain = TRUE;
	char *type, *kind = NULL;
	int rc;

	if (fp == NULL)
		return diag_set(d, DIAG_IO, "cannot open '%s': %s", path,
			g_strerror(errno));
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	for (i = 0; i + 5 <= n; i++)
		if (memcmp(head + i, "%PDF-", 5) == 0)
			return 0;
	if (n == 0)
		return diag_set(d, DIAG_FORMAT, "'%s' is empty; %s", path,
			hint);
	type = g_content_type_guess(NULL, head, n, &uncertain);
	if (!uncertain && !g_content_type_is_unknown(type))
		kind = g_content_type_get_description(type);
	rc = kind != NULL ? diag_set(d, DIAG_FORMAT,
				    "'%s' is not a PDF (file type: %s); %s",
				    path, kind, hint)
			  : diag_set(d, DIAG_FORMAT, "'%s' is not a PDF; %s",
				    path, hint);
	g_free(type);
	g_free(kind);
	return rc;
}

int
preflight_check(struct preflight *pf, const char *path, double safe,
	double ink_limit, struct diag *d)
{
	memset(pf, 0, sizeof *pf);
	pf->safe = safe;
	pf->ink_limit = ink_limit;
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return diag_set(d, DIAG_IO, "cannot open '%s'", path);
	if (looks_like_pdf(path, d) < 0 || read_structure(pf, path, d) < 0 ||
		read_layout(pf, path, d) < 0)
		return -1;
	read_ink(pf, path);
	judge(pf);
	return 0;
}
