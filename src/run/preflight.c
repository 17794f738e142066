/* preflight.c - what a print shop checks in a PDF, read with qpdf and poppler.
 */
#include "run/preflight.h"

#include <gio/gio.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/paper.h"
#include "base/xalloc.h"
#include "layout/print.h"
#include "write/pdfpost.h"

/* Resources are nested through form XObjects; stop at this depth. */
#define MAX_DEPTH 8

struct walk {
	qpdf_data q;
	struct preflight *pf;
	int *seen_fonts; /* object ids, so a font counts once */
	GHashTable *forms_seen; /* form XObjects walked: each once */
	size_t seen_count, seen_cap;
	int rgb, rgb_unmanaged, cmyk, gray, icc, other;
};

static void problem(struct preflight *pf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
problem(struct preflight *pf, const char *fmt, ...)
{
	va_list ap;

	if (pf->problem_count == PREFLIGHT_MAX_PROBLEMS)
		return;
	va_start(ap, fmt);
	vsnprintf(pf->problems[pf->problem_count++], sizeof pf->problems[0],
		fmt, ap);
	va_end(ap);
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

static int
read_box(qpdf_data q, qpdf_oh box, double unit, double out[4])
{
	int i;

	if (!qpdf_oh_is_array(q, box) || qpdf_oh_get_array_n_items(q, box) != 4)
		return 0;
	for (i = 0; i < 4; i++)
		out[i] = qpdf_oh_get_numeric_value(q,
				 qpdf_oh_get_array_item(q, box, i)) *
			 unit;
	return 1;
}

static void
read_boxes(qpdf_data q, struct preflight *pf)
{
	qpdf_oh page = qpdf_get_page_n(q, 0), uu;

	uu = qpdf_oh_get_key(q, page, "/UserUnit");
	pf->user_unit =
		qpdf_oh_is_number(q, uu) ? qpdf_oh_get_numeric_value(q, uu) : 1;
	read_box(q, inherited(q, page, "/MediaBox"), pf->user_unit, pf->media);
	pf->has_trim = read_box(q, qpdf_oh_get_key(q, page, "/TrimBox"),
		pf->user_unit, pf->trim);
	pf->has_bleed = read_box(q, qpdf_oh_get_key(q, page, "/BleedBox"),
		pf->user_unit, pf->bleed);
	if (!pf->has_trim)
		memcpy(pf->trim, pf->media, sizeof pf->trim);
	if (!pf->has_bleed)
		memcpy(pf->bleed, pf->trim, sizeof pf->bleed);
	pf->bleed_side[0] = pf->trim[0] - pf->bleed[0];
	pf->bleed_side[1] = pf->bleed[3] - pf->trim[3];
	pf->bleed_side[2] = pf->bleed[2] - pf->trim[2];
	pf->bleed_side[3] = pf->trim[1] - pf->bleed[1];
}

static void
read_intent(qpdf_data q, struct preflight *pf)
{
	qpdf_oh list = qpdf_oh_get_key(q, qpdf_get_root(q), "/OutputIntents");
	qpdf_oh intent, profile;
	unsigned char *data = NULL;
	size_t len = 0;

	if (!qpdf_oh_is_array(q, list) ||
		qpdf_oh_get_array_n_items(q, list) < 1)
		return;
	intent = qpdf_oh_get_array_item(q, list, 0);
	snprintf(pf->intent, sizeof pf->intent, "%s",
		qpdf_oh_get_utf8_value(q,
			qpdf_oh_get_key(q, intent,
				"/OutputConditionIdentifier")));
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
	free(data);
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

	if (depth > MAX_DEPTH)
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

static int
read_structure(struct preflight *pf, const char *path, struct diag *d)
{
	qpdf_data q = qpdf_init();
	struct walk w;
	const char *x;
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
	read_boxes(q, pf);
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
		problem(pf, "DeviceRGB is used without a DefaultRGB profile "
			    "under a CMYK output intent");
	free(w.seen_fonts);
	g_hash_table_destroy(w.forms_seen);
out:
	qpdf_cleanup(&q);
	return rc;
}

/* Text and images, as poppler lays them out on the first page. */
static int
read_layout(struct preflight *pf, const char *path, struct diag *d)
{
	GError *err = NULL;
	GFile *file = g_file_new_for_path(path);
	char *uri = g_file_get_uri(file);
	PopplerDocument *doc = NULL;
	PopplerPage *page;
	PopplerRectangle *rects = NULL;
	guint n = 0, i;
	GList *images, *l;
	double u = pf->user_unit;
	double left = (pf->trim[0] - pf->media[0]) / u;
	double top = (pf->media[3] - pf->trim[3]) / u;
	double right = (pf->trim[2] - pf->media[0]) / u;
	double bottom = (pf->media[3] - pf->trim[1]) / u;

	doc = poppler_document_new_from_file(uri, NULL, &err);
	g_free(uri);
	g_object_unref(file);
	if (doc == NULL) {
		diag_set(d, DIAG_FORMAT, "cannot read '%s': %s", path,
			err != NULL ? err->message : "not a PDF");
		g_clear_error(&err);
		return -1;
	}
	page = poppler_document_get_page(doc, 0);
	pf->text_margin = INFINITY;
	if (page != NULL && poppler_page_get_text_layout(page, &rects, &n)) {
		for (i = 0; i < n; i++) {
			double m = fmin(fmin(rects[i].x1 - left,
						rects[i].y1 - top),
				fmin(right - rects[i].x2,
					bottom - rects[i].y2));

			/* Spaces and line ends have empty boxes. */
			if (rects[i].x2 - rects[i].x1 <= 0.01)
				continue;
			pf->has_text = 1;
			pf->text_margin = fmin(pf->text_margin, m * u);
		}
		g_free(rects);
	}
	pf->min_ppi = INFINITY;
	images = page != NULL ? poppler_page_get_image_mapping(page) : NULL;
	for (l = images; l != NULL; l = l->next) {
		PopplerImageMapping *m = l->data;
		cairo_surface_t *img =
			poppler_page_get_image(page, m->image_id);
		double w_in = (m->area.x2 - m->area.x1) * u / 72;

		if (img != NULL && w_in > 0)
			pf->min_ppi = fmin(pf->min_ppi,
				cairo_image_surface_get_width(img) / w_in);
		if (img != NULL)
			cairo_surface_destroy(img);
		pf->images++;
	}
	poppler_page_free_image_mapping(images);
	if (page != NULL)
		g_object_unref(page);
	g_object_unref(doc);
	return 0;
}

static void
judge(struct preflight *pf)
{
	double tw = pf->trim[2] - pf->trim[0], th = pf->trim[3] - pf->trim[1];
	double least = fmin(fmin(pf->bleed_side[0], pf->bleed_side[1]),
		fmin(pf->bleed_side[2], pf->bleed_side[3]));
	int banner = fmax(tw, th) > PAPER_PT(1000);
	struct diag sd = { 0 };

	if (pf->safe < 0)
		pf->safe = print_default_safe(tw, th);
	if (!pf->has_trim)
		problem(pf, "no TrimBox: the shop cannot tell the finished "
			    "size");
	if (least < PAPER_PT(2.9))
		problem(pf,
			"bleed is %.1f mm on the narrowest side; the shop "
			"needs 3 mm (render with --print or --bleed 3mm)",
			PAPER_MM(fmax(least, 0)));
	if (pf->pdfx[0] == '\0')
		problem(pf, "not PDF/X: no GTS_PDFXVersion (render with "
			    "--print)");
	if (pf->intent[0] == '\0')
		problem(pf, "no output intent: the shop cannot tell which "
			    "press condition the colours are for");
	else if (strcmp(pf->intent_class, "prtr") != 0 ||
		 strcmp(pf->intent_space, "CMYK") != 0)
		problem(pf,
			"the output intent's profile is '%s' '%s', not a "
			"CMYK printer profile",
			pf->intent_class, pf->intent_space);
	if (pf->fonts_embedded < pf->fonts)
		problem(pf, "%zu of %zu fonts are not embedded",
			pf->fonts - pf->fonts_embedded, pf->fonts);
	if (pf->images > 0 && pf->min_ppi < (banner ? 72 : 150))
		problem(pf,
			"an image prints at %.0f ppi; %d is the least for "
			"this size",
			pf->min_ppi, banner ? 72 : 150);
	if (pf->has_text &&
		print_safe_check(pf->text_margin, pf->safe, "", &sd) < 0)
		problem(pf, "%s", sd.msg);
}

int
preflight_check(struct preflight *pf, const char *path, double safe,
	struct diag *d)
{
	memset(pf, 0, sizeof *pf);
	pf->safe = safe;
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return diag_set(d, DIAG_IO, "cannot open '%s'", path);
	if (read_structure(pf, path, d) < 0 || read_layout(pf, path, d) < 0)
		return -1;
	judge(pf);
	return 0;
}
