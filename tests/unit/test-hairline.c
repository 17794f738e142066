/* test-hairline.c - lines too thin to print come out at 0.25 pt, no thinner. */
#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>

#include "input/flags.h"
#include "run/preflight.h"
#include "write/hairline.h"

#include "check.h"

#define ISO_CODES "/usr/share/iso-codes/json"
/* A host flag's height on a small sign (A5), in points. */
#define SMALL_FLAG_PT 60.0

static cairo_status_t
to_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

static void
line(cairo_t *cr, double width, double y)
{
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, 20, y);
	cairo_line_to(cr, 180, y);
	cairo_stroke(cr);
}

/*
 * A page as cairo draws a flag's coat of arms: a thin line, a line of
 * width 1 under a small scale, a thin line in a group (a form XObject
 * drawn at half opacity), and a 2 pt line.
 */
static GByteArray *
thin_lines_pdf(void)
{
	GByteArray *pdf = g_byte_array_new();
	cairo_surface_t *s =
		cairo_pdf_surface_create_for_stream(to_bytes, pdf, 200, 200);
	cairo_t *cr = cairo_create(s);

	line(cr, 0.02, 20);
	cairo_save(cr);
	cairo_scale(cr, 0.05, 0.05);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, 400, 800);
	cairo_line_to(cr, 3600, 800);
	cairo_stroke(cr);
	cairo_restore(cr);
	cairo_push_group(cr);
	line(cr, 0.1, 60);
	cairo_pop_group_to_source(cr);
	cairo_paint_with_alpha(cr, 0.5);
	line(cr, 2, 100);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return pdf;
}

/* The thinnest line of the PDF in data, as preflight measures it. */
static double
thinnest(const unsigned char *data, size_t len)
{
	char *path =
		g_build_filename(g_get_tmp_dir(), "bayraq-hairline.pdf", NULL);
	struct preflight pf;
	struct diag d = { 0 };
	double min = -1;

	if (g_file_set_contents(path, (const char *)data, (gssize)len, NULL) &&
		preflight_check(&pf, path, -1, 1000, &d) == 0)
		min = pf.min_line_pt;
	else
		fprintf(stderr, "preflight: %s\n", d.msg);
	preflight_free(&pf);
	g_unlink(path);
	g_free(path);
	return min;
}

/* Raises the lines of the PDF in pdf, written into q's buffer; how many. */
static int
raise_in(qpdf_data q, const GByteArray *pdf)
{
	int n;

	qpdf_silence_errors(q);
	if (qpdf_read_memory(q, "in.pdf", (const char *)pdf->data, pdf->len,
		    NULL) &
		QPDF_ERRORS)
		return -1;
	n = hairline_raise(q, HAIRLINE_MIN_PT);
	if ((qpdf_init_write_memory(q) & QPDF_ERRORS) != 0 ||
		(qpdf_write(q) & QPDF_ERRORS) != 0)
		return -1;
	return n;
}

/*
 * Every flag of the set, a page each, as small as a sign prints a host
 * flag: some have lines far under 0.25 pt (coats of arms), and none is
 * left after raising.
 */
static void
test_every_flag(void)
{
	struct diag d = { 0 };
	struct flags *fl = flags_new("designs/_flags", "build/flags/package",
		ISO_CODES, NULL, &d);
	const char *const *codes;
	GByteArray *pdf = g_byte_array_new();
	cairo_surface_t *s;
	cairo_t *cr;
	qpdf_data q = qpdf_init();
	size_t i, pages = 0;
	double after;

	CHECK(fl != NULL);
	if (fl == NULL) {
		fprintf(stderr, "%s\n", d.msg);
		return;
	}
	codes = flags_country_codes(fl);
	s = cairo_pdf_surface_create_for_stream(to_bytes, pdf, 300, 100);
	cr = cairo_create(s);
	for (i = 0; codes[i] != NULL; i++) {
		RsvgHandle *h = flags_open(fl, codes[i], &d);
		RsvgRectangle r = { 10, 10, 0, SMALL_FLAG_PT };

		if (h == NULL)
			continue;
		r.width = SMALL_FLAG_PT * flags_ratio(h);
		CHECK(rsvg_handle_render_document(h, cr, &r, NULL));
		cairo_show_page(cr);
		g_object_unref(h);
		pages++;
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	CHECK(pages > 100);
	CHECK(thinnest(pdf->data, pdf->len) < 0.1);
	CHECK(raise_in(q, pdf) > 0);
	after = thinnest(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	if (after < HAIRLINE_MIN_PT)
		fprintf(stderr, "a flag's line is %.3f pt after raising\n",
			after);
	CHECK(after >= HAIRLINE_MIN_PT);
	qpdf_cleanup(&q);
	g_byte_array_free(pdf, TRUE);
	flags_free(fl);
}

int
main(void)
{
	GByteArray *pdf = thin_lines_pdf(), *raised = g_byte_array_new();
	qpdf_data q = qpdf_init(), again = qpdf_init();
	double before = thinnest(pdf->data, pdf->len), after;

	CHECK(before >= 0 && before < 0.05);
	/* The thin line, the scaled one and the one in the form. */
	CHECK(raise_in(q, pdf) == 3);
	after = thinnest(qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	CHECK(after >= HAIRLINE_MIN_PT && after < HAIRLINE_MIN_PT + 0.01);
	/* Raised once, nothing is left to raise. */
	g_byte_array_append(raised, qpdf_get_buffer(q),
		(guint)qpdf_get_buffer_length(q));
	CHECK(raise_in(again, raised) == 0);
	qpdf_cleanup(&again);
	qpdf_cleanup(&q);
	g_byte_array_free(raised, TRUE);
	g_byte_array_free(pdf, TRUE);
	test_every_flag();
	return check_done("test-hairline");
}
