/* pdfpost.c - finishing cairo's PDF with qpdf's C API. */
#include "write/pdfpost.h"

#include <glib.h>
#include <pthread.h>
#include <libxml/entities.h>
#include <math.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "write/hairline.h"
#include "write/pdfscan.h"

static int
qpdf_failed(qpdf_data q, const char *what, struct diag *d)
{
	qpdf_error e = qpdf_get_error(q);

	return diag_set(d, DIAG_LIB, "cannot %s the PDF: %s", what,
		e != NULL ? qpdf_get_error_full_text(q, e) : "qpdf failed");
}

/* Four decimals, rounded inwards: a box written never grows. */
static qpdf_oh
box_array(qpdf_data q, const struct pdf_box *b)
{
	qpdf_oh a = qpdf_oh_new_array(q);
	double v[4] = { ceil(b->x0 * 1e4 - 1e-6) / 1e4,
		ceil(b->y0 * 1e4 - 1e-6) / 1e4, floor(b->x1 * 1e4 + 1e-6) / 1e4,
		floor(b->y1 * 1e4 + 1e-6) / 1e4 };
	int i;

	for (i = 0; i < 4; i++)
		qpdf_oh_append_item(q, a,
			qpdf_oh_new_real_from_double(q, v[i], 4));
	return a;
}

/* b in units of /UserUnit, cut to fit inside outer. */
static struct pdf_box
box_inside(const struct pdf_box *b, double unit, const struct pdf_box *outer)
{
	struct pdf_box r = { fmax(b->x0 / unit, outer->x0),
		fmax(b->y0 / unit, outer->y0), fmin(b->x1 / unit, outer->x1),
		fmin(b->y1 / unit, outer->y1) };

	return r;
}

/*
 * The page's MediaBox as written (cairo rounds it): PDF/X wants the
 * BleedBox inside it and the TrimBox inside that, to the last digit.
 */
static struct pdf_box
media_box(qpdf_data q, qpdf_oh page)
{
	qpdf_oh a = qpdf_oh_get_key(q, page, "/MediaBox");
	double v[4] = { -INFINITY, -INFINITY, INFINITY, INFINITY };
	int i;

	if (qpdf_oh_is_array(q, a) && qpdf_oh_get_array_n_items(q, a) == 4)
		for (i = 0; i < 4; i++)
			v[i] = qpdf_oh_get_numeric_value(q,
				qpdf_oh_get_array_item(q, a, i));
	return (struct pdf_box){ fmin(v[0], v[2]), fmin(v[1], v[3]),
		fmax(v[0], v[2]), fmax(v[1], v[3]) };
}

static void
set_page_boxes(qpdf_data q, const struct pdfpost_opts *o)
{
	int i, n = qpdf_get_num_pages(q);

	for (i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);

		if (o->has_boxes) {
			struct pdf_box media = media_box(q, page);
			struct pdf_box bleed =
				box_inside(&o->bleed, o->user_unit, &media);
			struct pdf_box trim =
				box_inside(&o->trim, o->user_unit, &bleed);

			qpdf_oh_replace_key(q, page, "/TrimBox",
				box_array(q, &trim));
			qpdf_oh_replace_key(q, page, "/BleedBox",
				box_array(q, &bleed));
		}
		if (o->user_unit > 1)
			qpdf_oh_replace_key(q, page, "/UserUnit",
				qpdf_oh_new_real_from_double(q, o->user_unit,
					4));
	}
}

/* An indirect stream holding an ICC profile with n components. */
static qpdf_oh
icc_stream(qpdf_data q, const char *path, int n, struct diag *d)
{
	gchar *data;
	gsize len;
	qpdf_oh s, dict;

	if (!g_file_get_contents(path, &data, &len, NULL)) {
		diag_set(d, DIAG_IO,
			"cannot read the colour profile '%s' (run 'make')",
			path);
		return 0;
	}
	s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, (unsigned char *)data, len,
		qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	dict = qpdf_oh_get_dict(q, s);
	qpdf_oh_replace_key(q, dict, "/N", qpdf_oh_new_integer(q, n));
	g_free(data);
	return s;
}

static void
add_output_intent(qpdf_data q, qpdf_oh profile, const struct pdfpost_opts *o)
{
	qpdf_oh intent = qpdf_oh_new_dictionary(q), list = qpdf_oh_new_array(q);

	qpdf_oh_replace_key(q, intent, "/Type",
		qpdf_oh_new_name(q, "/OutputIntent"));
	qpdf_oh_replace_key(q, intent, "/S", qpdf_oh_new_name(q, "/GTS_PDFX"));
	qpdf_oh_replace_key(q, intent, "/OutputConditionIdentifier",
		qpdf_oh_new_string(q, o->intent_id));
	qpdf_oh_replace_key(q, intent, "/OutputCondition",
		qpdf_oh_new_string(q, o->intent_info));
	qpdf_oh_replace_key(q, intent, "/Info",
		qpdf_oh_new_string(q, o->intent_info));
	qpdf_oh_replace_key(q, intent, "/RegistryName",
		qpdf_oh_new_string(q, "http://www.color.org"));
	qpdf_oh_replace_key(q, intent, "/DestOutputProfile", profile);
	qpdf_oh_append_item(q, list, intent);
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/OutputIntents", list);
}

/*
 * Under a CMYK intent, DeviceRGB is legal only with a /DefaultRGB; cairo
 * also names DeviceRGB as the blending space of its transparency groups,
 * where no default applies, so those get sRGB itself.
 */
static void
srgb_everywhere(qpdf_data q, qpdf_oh dict, qpdf_oh srgb, int depth)
{
	qpdf_oh res, cs, group, xobjs, *kids;
	size_t n, i;

	if (depth > 8 || !qpdf_oh_is_dictionary(q, dict))
		return;
	group = qpdf_oh_get_key(q, dict, "/Group");
	if (qpdf_oh_is_dictionary(q, group) &&
		qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, group, "/CS"),
			"/DeviceRGB"))
		qpdf_oh_replace_key(q, group, "/CS", srgb);
	res = qpdf_oh_get_key(q, dict, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res))
		return;
	cs = qpdf_oh_get_key(q, res, "/ColorSpace");
	if (!qpdf_oh_is_dictionary(q, cs)) {
		cs = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, res, "/ColorSpace", cs);
	}
	qpdf_oh_replace_key(q, cs, "/DefaultRGB", srgb);
	xobjs = qpdf_oh_get_key(q, res, "/XObject");
	if (!qpdf_oh_is_dictionary(q, xobjs))
		return;
	kids = pdfpost_dict_values(q, xobjs, &n);
	for (i = 0; i < n; i++)
		if (qpdf_oh_is_stream(q, kids[i]))
			srgb_everywhere(q, qpdf_oh_get_dict(q, kids[i]), srgb,
				depth + 1);
	free(kids);
}

qpdf_oh *
pdfpost_dict_values(qpdf_data q, qpdf_oh dict, size_t *n)
{
	qpdf_oh *values = NULL;
	size_t cap = 0;

	*n = 0;
	if (!qpdf_oh_is_dictionary(q, dict))
		return NULL;
	qpdf_oh_begin_dict_key_iter(q, dict);
	while (qpdf_oh_dict_more_keys(q)) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			values = xreallocarray(values, cap, sizeof *values);
		}
		values[(*n)++] =
			qpdf_oh_get_key(q, dict, qpdf_oh_dict_next_key(q));
	}
	return values;
}

int
pdfpost_form_find(qpdf_data q, qpdf_oh res, const char *name,
	const double ctm[6], struct pdfpost_form *form)
{
	qpdf_oh dict, m;
	double fm[6] = { 1, 0, 0, 1, 0, 0 };
	int i;

	form->stream =
		qpdf_oh_get_key(q, qpdf_oh_get_key(q, res, "/XObject"), name);
	if (!qpdf_oh_is_stream(q, form->stream))
		return 0;
	dict = qpdf_oh_get_dict(q, form->stream);
	if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Subtype"),
		    "/Form"))
		return 0;
	m = qpdf_oh_get_key(q, dict, "/Matrix");
	if (qpdf_oh_is_array(q, m) && qpdf_oh_get_array_n_items(q, m) == 6)
		for (i = 0; i < 6; i++)
			fm[i] = qpdf_oh_get_numeric_value(q,
				qpdf_oh_get_array_item(q, m, i));
	pdfscan_matrix_multiply(fm, ctm, form->ctm);
	form->res = qpdf_oh_get_key(q, dict, "/Resources");
	if (!qpdf_oh_is_dictionary(q, form->res))
		form->res = res;
	return 1;
}

static char *
xml_text(const char *s)
{
	xmlChar *e = xmlEncodeSpecialChars(NULL, (const xmlChar *)s);
	char *r = xstrdup((const char *)e);

	xmlFree(e);
	return r;
}

/* text escaped for XML; "" for NULL. */
static char *
xml_or_empty(const char *s)
{
	return xml_text(s != NULL ? s : "");
}

/* PDF/X-4 asks for XMP metadata that agrees with the Info dictionary. */
static char *
xmp_packet(const struct pdfpost_opts *o, const char *doc_id,
	const char *instance_id)
{
	char *title = xml_text(o->title), *producer = xml_text(o->producer);
	char *creator = xml_text(o->creator != NULL ? o->creator : o->producer);
	char *subject = xml_or_empty(o->subject);
	char *keywords = xml_or_empty(o->keywords);
	char *description =
		o->subject == NULL
			? xstrdup("")
			: xasprintf("<dc:description><rdf:Alt><rdf:li "
				    "xml:lang=\"x-default\">%s</rdf:li>"
				    "</rdf:Alt></dc:description>\n",
				  subject);
	char *kw = o->keywords == NULL
			   ? xstrdup("")
			   : xasprintf("<pdf:Keywords>%s</pdf:Keywords>\n",
				     keywords);
	char *xmp = xasprintf(
		"<?xpacket begin=\"\xef\xbb\xbf\" "
		"id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		"<rdf:RDF "
		"xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		"<rdf:Description rdf:about=\"\"\n"
		" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
		" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
		"<dc:format>application/pdf</dc:format>\n"
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li>"
		"</rdf:Alt></dc:title>\n"
		"%s"
		"<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></"
		"dc:language>\n"
		"<xmp:CreateDate>%s</xmp:CreateDate>\n"
		"<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
		"<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
		"<xmp:CreatorTool>%s</xmp:CreatorTool>\n"
		"<pdf:Producer>%s</pdf:Producer>\n"
		"%s"
		"<pdf:Trapped>False</pdf:Trapped>\n"
		"<xmpMM:DocumentID>uuid:%s</xmpMM:DocumentID>\n"
		"<xmpMM:InstanceID>uuid:%s</xmpMM:InstanceID>\n"
		"<xmpMM:VersionID>1</xmpMM:VersionID>\n"
		"<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
		"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n"
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
		"<?xpacket end=\"w\"?>\n",
		title, description, o->lang, o->date, o->date, o->date, creator,
		producer, kw, doc_id, instance_id);

	free(title);
	free(producer);
	free(creator);
	free(subject);
	free(keywords);
	free(description);
	free(kw);
	return xmp;
}

/* A UUID made from a SHA-256 checksum, so the same input keeps its ID. */
static char *
checksum_uuid(GChecksum *c)
{
	const char *h = g_checksum_get_string(c);

	return xasprintf("%.8s-%.4s-%.4s-%.4s-%.12s", h, h + 8, h + 12, h + 16,
		h + 20);
}

/* The document: the drawing, whatever rendition is made of it. */
static char *
document_uuid(const struct pdfpost_opts *o, const unsigned char *data,
	size_t len)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *id;

	if (o->source != NULL)
		g_checksum_update(c, o->source, (gssize)o->source_len);
	else
		g_checksum_update(c, data, (gssize)len);
	id = checksum_uuid(c);
	g_checksum_free(c);
	return id;
}

/*
 * This rendition of it: everything pdfpost adds that changes what the
 * press prints (intent, RGB or CMYK, marks, boxes, unit) and the date.
 * Not a converter's bytes: Ghostscript's differ from run to run.
 */
static char *
instance_uuid(const struct pdfpost_opts *o, const char *doc_id)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *key = xasprintf("instance\n%s\n%s\n%s\n%d %d %g\n"
			      "%.4f %.4f %.4f %.4f\n%.4f %.4f %.4f %.4f\n%s\n",
		doc_id, o->intent_id != NULL ? o->intent_id : "", o->date,
		o->srgb_defaults, o->has_boxes, o->user_unit, o->trim.x0,
		o->trim.y0, o->trim.x1, o->trim.y1, o->bleed.x0, o->bleed.y0,
		o->bleed.x1, o->bleed.y1,
		o->extra_content != NULL ? o->extra_content : "");
	char *id;

	g_checksum_update(c, (const unsigned char *)key, (gssize)strlen(key));
	id = checksum_uuid(c);
	g_checksum_free(c);
	free(key);
	return id;
}

static void
add_metadata(qpdf_data q, const struct pdfpost_opts *o,
	const unsigned char *data, size_t len)
{
	char *doc_id = document_uuid(o, data, len);
	char *instance_id = instance_uuid(o, doc_id);
	char *xmp = xmp_packet(o, doc_id, instance_id);
	qpdf_oh s = qpdf_oh_new_stream(q), dict;

	qpdf_oh_replace_stream_data(q, s, (unsigned char *)xmp, strlen(xmp),
		qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	dict = qpdf_oh_get_dict(q, s);
	qpdf_oh_replace_key(q, dict, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", s);
	qpdf_set_info_key(q, "/GTS_PDFXVersion", "PDF/X-4");
	free(doc_id);
	free(instance_id);
	free(xmp);
}

/* A text string in Info: PDFDocEncoding if it fits, else UTF-16BE. */
static void
set_info_text(qpdf_data q, qpdf_oh info, const char *key, const char *utf8)
{
	if (utf8 != NULL)
		qpdf_oh_replace_key(q, info, key,
			qpdf_oh_new_unicode_string(q, utf8));
}

/*
 * The Info dictionary, as viewers show it (DisplayDocTitle is on) and as
 * the XMP says it. A string qpdf_set_info_key writes is its bytes as
 * given, which a viewer reads as PDFDocEncoding: UTF-8 Cyrillic became
 * mojibake. Strings that came with the file (a converter's) are encoded
 * again the same way.
 */
static void
set_info(qpdf_data q, const struct pdfpost_opts *o)
{
	qpdf_oh info;
	char pdfdate[32];
	char **keys = NULL;
	size_t n = 0, cap = 0, i;

	/* Makes the Info dictionary when the file has none. */
	qpdf_set_info_key(q, "/Producer", "");
	info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
	qpdf_oh_begin_dict_key_iter(q, info);
	while (qpdf_oh_dict_more_keys(q)) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			keys = xreallocarray(keys, cap, sizeof *keys);
		}
		keys[n++] = xstrdup(qpdf_oh_dict_next_key(q));
	}
	for (i = 0; i < n; i++) {
		qpdf_oh v = qpdf_oh_get_key(q, info, keys[i]);

		if (qpdf_oh_is_string(q, v))
			set_info_text(q, info, keys[i],
				qpdf_oh_get_utf8_value(q, v));
		free(keys[i]);
	}
	free(keys);
	set_info_text(q, info, "/Title", o->title);
	set_info_text(q, info, "/Subject", o->subject);
	set_info_text(q, info, "/Keywords", o->keywords);
	set_info_text(q, info, "/Creator",
		o->creator != NULL ? o->creator : o->producer);
	set_info_text(q, info, "/Producer", o->producer);
	/* D:YYYYMMDDHHmmSSZ from YYYY-MM-DDTHH:mm:SSZ */
	snprintf(pdfdate, sizeof pdfdate, "D:%.4s%.2s%.2s%.2s%.2s%.2sZ",
		o->date, o->date + 5, o->date + 8, o->date + 11, o->date + 14,
		o->date + 17);
	qpdf_oh_replace_key(q, info, "/CreationDate",
		qpdf_oh_new_string(q, pdfdate));
	qpdf_oh_replace_key(q, info, "/ModDate",
		qpdf_oh_new_string(q, pdfdate));
}

/* Trapped is a name, which qpdf_set_info_key cannot write. */
static void
set_trapped(qpdf_data q)
{
	qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");

	if (qpdf_oh_is_dictionary(q, info))
		qpdf_oh_replace_key(q, info, "/Trapped",
			qpdf_oh_new_name(q, "/False"));
}

static int
make_pdfx(qpdf_data q, const struct pdfpost_opts *o, const unsigned char *data,
	size_t len, struct diag *d)
{
	qpdf_oh intent = icc_stream(q, o->intent_icc, 4, d);
	qpdf_oh srgb_profile, srgb;
	int i, n;

	if (intent == 0)
		return -1;
	srgb_profile = o->srgb_defaults ? icc_stream(q, o->srgb_icc, 3, d)
					: qpdf_oh_new_null(q);
	if (srgb_profile == 0)
		return -1;
	srgb = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, srgb, qpdf_oh_new_name(q, "/ICCBased"));
	qpdf_oh_append_item(q, srgb, srgb_profile);
	add_output_intent(q, intent, o);
	n = qpdf_get_num_pages(q);
	for (i = 0; o->srgb_defaults && i < n; i++)
		srgb_everywhere(q, qpdf_get_page_n(q, (size_t)i), srgb, 0);
	add_metadata(q, o, data, len);
	set_trapped(q);
	return 0;
}

static qpdf_oh
content_stream(qpdf_data q, const char *ops)
{
	qpdf_oh s = qpdf_oh_new_stream(q);

	qpdf_oh_replace_stream_data(q, s, (const unsigned char *)ops,
		strlen(ops), qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	return s;
}

/*
 * Draws ops over each page. cairo's content leaves its transform in
 * place, so it is wrapped in q ... Q first.
 */
static void
add_content(qpdf_data q, const char *ops)
{
	int i, n = qpdf_get_num_pages(q);

	for (i = 0; i < n; i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh old = qpdf_oh_get_key(q, page, "/Contents");
		qpdf_oh list = qpdf_oh_new_array(q);
		int k, m;

		qpdf_oh_append_item(q, list, content_stream(q, "q\n"));
		if (qpdf_oh_is_array(q, old)) {
			m = qpdf_oh_get_array_n_items(q, old);
			for (k = 0; k < m; k++)
				qpdf_oh_append_item(q, list,
					qpdf_oh_get_array_item(q, old, k));
		} else {
			qpdf_oh_append_item(q, list, old);
		}
		qpdf_oh_append_item(q, list, content_stream(q, "\nQ\n"));
		qpdf_oh_append_item(q, list, content_stream(q, ops));
		qpdf_oh_replace_key(q, page, "/Contents", list);
	}
}

static void
set_catalog_keys(qpdf_data q, const struct pdfpost_opts *o)
{
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh prefs = qpdf_oh_new_dictionary(q);

	qpdf_oh_replace_key(q, root, "/Lang",
		qpdf_oh_new_unicode_string(q, o->lang));
	qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle",
		qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
}

static int
finish(FILE *fp, const unsigned char *data, size_t len,
	const struct pdfpost_opts *o, struct diag *d)
{
	qpdf_data q = qpdf_init();
	size_t n;
	int rc = -1;

	/* qpdf would print its errors and warnings; we return them. */
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "banner.pdf", (const char *)data,
		    (unsigned long long)len, NULL) &
		QPDF_ERRORS) {
		qpdf_failed(q, "read", d);
		goto out;
	}
	/* Before the marks: a 0.25 pt crop mark is no hairline. */
	hairline_raise(q, HAIRLINE_MIN_PT);
	set_catalog_keys(q, o);
	set_info(q, o);
	set_page_boxes(q, o);
	if (o->extra_content != NULL)
		add_content(q, o->extra_content);
	if (o->pdfx && make_pdfx(q, o, data, len, d) < 0)
		goto out;
	if (qpdf_has_error(q)) {
		qpdf_failed(q, "edit", d);
		goto out;
	}
	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		qpdf_failed(q, "write", d);
		goto out;
	}
	if (o->pdfx)
		qpdf_set_minimum_pdf_version(q, "1.6");
	/*
	 * qpdf keeps the first half of an /ID it reads; Ghostscript's is
	 * new on every run. Without it, both halves come from the content.
	 */
	qpdf_oh_remove_key(q, qpdf_get_trailer(q), "/ID");
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS) {
		qpdf_failed(q, "write", d);
		goto out;
	}
	n = qpdf_get_buffer_length(q);
	if (fwrite(qpdf_get_buffer(q), 1, n, fp) != n) {
		diag_set(d, DIAG_IO, "cannot write the PDF");
		goto out;
	}
	rc = 0;
out:
	qpdf_cleanup(&q);
	return rc;
}

/*
 * qpdf 11 is documented as safe for separate objects in separate threads,
 * but its objects share process-wide state (the default logger, lazily made
 * singletons) through std::shared_ptr; batch -j 2 showed ThreadSanitizer a
 * race there. Finishing takes milliseconds, so batch and serve workers take
 * turns rather than trust it.
 */
static pthread_mutex_t qpdf_lock = PTHREAD_MUTEX_INITIALIZER;

int
pdfpost_write(FILE *fp, const unsigned char *data, size_t len,
	const struct pdfpost_opts *o, struct diag *d)
{
	int rc;

	pthread_mutex_lock(&qpdf_lock);
	rc = finish(fp, data, len, o, d);
	pthread_mutex_unlock(&qpdf_lock);
	return rc;
}
