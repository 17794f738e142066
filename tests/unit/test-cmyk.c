/* test-cmyk.c - the content scanner, and RGB turned into the press's CMYK. */
#include <cairo-pdf.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/cmyk.h"
#include "write/pdfscan.h"

#include "check.h"

#define SRGB "/usr/share/color/icc/sRGB.icc"
#define FOGRA39 "build/icc/FOGRA39.icc"

/* A one-page PDF around content, in buf; returns its length. */
static size_t
one_page(char *buf, size_t size, const char *content)
{
	size_t off[4], n = 0, xref;
	int i;

	n += (size_t)snprintf(buf + n, size - n, "%%PDF-1.4\n");
	off[0] = n;
	n += (size_t)snprintf(buf + n, size - n,
		"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[1] = n;
	n += (size_t)snprintf(buf + n, size - n,
		"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
	off[2] = n;
	n += (size_t)snprintf(buf + n, size - n,
		"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] "
		"/Contents 4 0 R /Group << /S /Transparency /CS /DeviceRGB >> "
		">>\nendobj\n");
	off[3] = n;
	n += (size_t)snprintf(buf + n, size - n,
		"4 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
		strlen(content), content);
	xref = n;
	n += (size_t)snprintf(buf + n, size - n,
		"xref\n0 5\n0000000000 65535 f \n");
	for (i = 0; i < 4; i++)
		n += (size_t)snprintf(buf + n, size - n, "%010zu 00000 n \n",
			off[i]);
	n += (size_t)snprintf(buf + n, size - n,
		"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
		xref);
	return n;
}

struct ops {
	GString *names;
	double last[8];
	size_t nums;
	int only_nums;
};

static int
collect(const struct pdfscan_op *op, void *arg)
{
	struct ops *o = arg;

	g_string_append_printf(o->names, "%s%s", o->names->len ? " " : "",
		op->op);
	if (strcmp(op->op, "rg") == 0) {
		memcpy(o->last, op->num, sizeof o->last);
		o->nums = op->nums;
		o->only_nums = op->only_nums;
	}
	return 0;
}

static void
test_scanner(void)
{
	const char *s = "q % a comment Tj\n(a string (with) Tj \\) inside) Tj "
			"<414243> Tj [(x) 120 (y)] TJ /F1 12 Tf "
			"BI /W 1 /H 1 /CS /G /BPC 8 ID \x01 EI "
			"0.1 0.2 0.3 rg Q";
	struct ops o = { g_string_new(""), { 0 }, 0, 0 };

	CHECK(pdfscan_run((const unsigned char *)s, strlen(s), collect, &o) ==
		0);
	CHECK_STR(o.names->str, "q Tj Tj TJ Tf BI rg Q");
	CHECK(o.nums == 3 && o.only_nums);
	CHECK_NEAR(o.last[2], 0.3, 1e-9);
	g_string_free(o.names, TRUE);
}

static char *
converted(const char *content, struct diag *d, int *rc)
{
	static char pdf[4096];
	unsigned char *out = NULL;
	size_t out_len = 0, len = one_page(pdf, sizeof pdf, content);
	char *text;

	*rc = cmyk_convert((const unsigned char *)pdf, len, SRGB, FOGRA39, &out,
		&out_len, d);
	if (*rc < 0)
		return NULL;
	/* The page's content, decompressed, and the whole file's objects. */
	{
		qpdf_data q = qpdf_init();
		unsigned char *data = NULL;
		size_t len2 = 0;

		qpdf_read_memory(q, "out", (const char *)out, out_len, NULL);
		qpdf_oh_get_page_content_data(q, qpdf_get_page_n(q, 0), &data,
			&len2);
		text = g_strdup_printf("%.*s %s", (int)len2, (const char *)data,
			qpdf_oh_unparse(q,
				qpdf_oh_get_key(q, qpdf_get_page_n(q, 0),
					"/Group")));
		free(data);
		qpdf_cleanup(&q);
	}
	free(out);
	return text;
}

static cairo_status_t
collect_pdf(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * What cairo writes for an RGB image and a gradient: the image's pixels
 * and the gradient's stops come out in DeviceCMYK, nothing in RGB.
 */
static void
test_image_and_gradient(void)
{
	GByteArray *buf = g_byte_array_new();
	cairo_surface_t *pdf =
		cairo_pdf_surface_create_for_stream(collect_pdf, buf, 200, 200);
	cairo_surface_t *img =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, 7, 5);
	cairo_pattern_t *grad = cairo_pattern_create_linear(0, 0, 200, 0);
	cairo_t *cr = cairo_create(img);
	struct diag d = { 0 };
	unsigned char *out = NULL;
	size_t out_len = 0;
	qpdf_data q;
	int images = 0, shadings = 0;

	cairo_set_source_rgb(cr, 0, 0.341, 0.718);
	cairo_paint(cr);
	cairo_destroy(cr);
	cr = cairo_create(pdf);
	cairo_set_source_surface(cr, img, 10, 10);
	cairo_paint(cr);
	cairo_pattern_add_color_stop_rgb(grad, 0, 0, 0.639, 0.867);
	cairo_pattern_add_color_stop_rgb(grad, 0.5, 1, 0.843, 0);
	cairo_pattern_add_color_stop_rgb(grad, 1, 0.043, 0.114, 0.227);
	cairo_set_source(cr, grad);
	cairo_rectangle(cr, 0, 100, 200, 100);
	cairo_fill(cr);
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	cairo_surface_destroy(pdf);
	cairo_surface_destroy(img);
	cairo_pattern_destroy(grad);
	CHECK(cmyk_convert(buf->data, buf->len, SRGB, FOGRA39, &out, &out_len,
		      &d) == 0);
	q = qpdf_init();
	qpdf_read_memory(q, "out", (const char *)out, out_len, NULL);
	for (int id = 1; id < 64; id++) {
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		qpdf_oh dict =
			qpdf_oh_is_stream(q, o) ? qpdf_oh_get_dict(q, o) : o;
		const char *cs;

		if (!qpdf_oh_is_dictionary(q, dict))
			continue;
		cs = qpdf_oh_unparse(q,
			qpdf_oh_get_key(q, dict, "/ColorSpace"));
		CHECK(strstr(cs, "RGB") == NULL);
		if (qpdf_oh_is_name_and_equals(q,
			    qpdf_oh_get_key(q, dict, "/Subtype"), "/Image") &&
			strcmp(cs, "/DeviceCMYK") == 0) {
			unsigned char *px = NULL;
			size_t n = 0;

			qpdf_oh_get_stream_data(q, o, qpdf_dl_all, NULL, &px,
				&n);
			CHECK(n == 7 * 5 * 4);
			/* The Ukrainian blue: much cyan, no yellow. */
			CHECK(n >= 4 && px[0] > 150 && px[2] < 20);
			free(px);
			images++;
		}
		if (qpdf_oh_has_key(q, dict, "/ShadingType") &&
			strcmp(cs, "/DeviceCMYK") == 0)
			shadings++;
	}
	CHECK(images == 1);
	CHECK(shadings >= 1);
	qpdf_cleanup(&q);
	free(out);
	g_byte_array_free(buf, TRUE);
}

int
main(void)
{
	struct diag d = { 0 };
	char *pdf;
	int rc;

	test_scanner();
	if (!g_file_test(FOGRA39, G_FILE_TEST_EXISTS)) {
		fprintf(stderr, "test-cmyk: no %s (make builds it)\n", FOGRA39);
		return check_done("test-cmyk");
	}
	test_image_and_gradient();
	/* Fill, stroke, grey, a named RGB space; CMYK stays as it is. */
	pdf = converted("0 0.341 0.718 rg 1 0.843 0 RG 0.5 g "
			"/DeviceRGB cs 0 0.639 0.867 sc 0 0 0 1 k 0 0 9 9 re f",
		&d, &rc);
	CHECK(rc == 0 && pdf != NULL);
	if (pdf != NULL) {
		CHECK(strstr(pdf, " rg") == NULL && strstr(pdf, " RG") == NULL);
		CHECK(strstr(pdf, "/DeviceRGB") == NULL);
		CHECK(strstr(pdf, " K") != NULL && strstr(pdf, " k") != NULL);
		CHECK(strstr(pdf, "/DeviceCMYK cs") != NULL);
		CHECK(strstr(pdf, "0 0 0 1 k") != NULL);
	}
	g_free(pdf);
	/* An inline RGB image cannot be converted: said, nothing written. */
	pdf = converted("BI /W 1 /H 1 /CS /RGB /BPC 8 ID abc EI", &d, &rc);
	CHECK(rc < 0 && pdf == NULL && d.kind == DIAG_FORMAT);
	CHECK(strstr(d.msg, "an inline image in RGB") != NULL);
	/* A profile that is not there. */
	memset(&d, 0, sizeof d);
	CHECK(cmyk_convert((const unsigned char *)"%PDF", 4, SRGB,
		      "/nonexistent.icc", (unsigned char **)&pdf,
		      &(size_t){ 0 }, &d) < 0);
	CHECK(d.kind == DIAG_IO && strstr(d.msg, "/nonexistent.icc") != NULL);
	return check_done("test-cmyk");
}
