/* pdf.c - PDF: the banner's print sheet, and documents of plain pages. */
#include "write/pdf.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "layout/marks.h"
#include "layout/render.h"
#include "write/formats.h"
#include "write/cmyk.h"
#include "write/pdfpost.h"

/* The slug's note: at least preflight's smallest legible text. */
#define SLUG_TEXT_PT 7.0

/* cairo's PDF is collected in memory, then finished by pdfpost. */
struct buffer {
	unsigned char *data;
	size_t len, cap;
};

static cairo_status_t
buffer_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct buffer *b = closure;

	if (b->len + len > b->cap) {
		b->cap = (b->len + len) * 2;
		b->data = xreallocarray(b->data, b->cap, 1);
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

/* SOURCE_DATE_EPOCH makes PDFs reproducible (reproducible-builds.org). */
void
pdf_date(char *buf, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t =
		epoch != NULL ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * The largest page side PDF viewers accept; beyond it, /UserUnit 10 (a
 * unit of 10 pt reaches 508 m, past any banner bayraq makes): one round
 * unit for every long page, not 2 for one length and 3 for the next.
 */
#define PDF_MAX_SIDE 14400.0
#define PDF_LONG_UNIT 10.0

static double
user_unit(double w, double h)
{
	double side = fmax(w, h);

	if (side <= PDF_MAX_SIDE)
		return 1;
	return fmax(PDF_LONG_UNIT, ceil(side / PDF_MAX_SIDE));
}

/* What cairo draws and pdfpost finishes: every PDF bayraq writes. */
struct pdf_job {
	double w, h, unit; /* pages in points; /UserUnit */
	const char *title, *subject, *lang, *software;
	pdf_pages_fn draw;
	void *arg;
	struct pdfpost_opts post; /* lang, title, producer, date: filled */
	const char *cmyk_icc; /* convert to this CMYK first, or NULL */
};

static void
set_metadata(cairo_surface_t *surf, const struct pdf_job *j)
{
	char date[32];

	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
		j->title);
	if (j->subject != NULL)
		cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
			j->subject);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS,
		j->post.keywords);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
		j->software);
	pdf_date(date, sizeof date);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
		date);
}

/* cairo's drawing into buf; an error in drawing wins over cairo's. */
static int
pdf_draw(struct buffer *buf, const struct pdf_job *j, struct diag *d)
{
	cairo_surface_t *surf;
	cairo_t *cr;

	surf = cairo_pdf_surface_create_for_stream(buffer_write, buf,
		j->w / j->unit, j->h / j->unit);
	set_metadata(surf, j);
	cr = cairo_create(surf);
	cairo_scale(cr, 1 / j->unit, 1 / j->unit);
	return formats_surface_close(cr, surf, j->draw(cr, j->arg, d), "PDF",
		d);
}

static int
pdf_run(FILE *fp, struct pdf_job *j, struct diag *d)
{
	struct buffer buf = { NULL, 0, 0 };
	unsigned char *cmyk = NULL;
	size_t cmyk_len = 0;
	char date[32], *keywords;
	int rc;

	pdf_date(date, sizeof date);
	keywords = xasprintf("#LIBERATECRIMEA, language=%s", j->lang);
	j->post.lang = j->lang;
	j->post.title = j->title;
	j->post.subject = j->subject;
	j->post.keywords = keywords;
	j->post.creator = j->software;
	j->post.producer = j->software;
	j->post.date = date;
	j->post.user_unit = j->unit;
	rc = pdf_draw(&buf, j, d);
	if (rc == 0 && j->cmyk_icc != NULL) {
		rc = cmyk_convert(buf.data, buf.len, j->post.srgb_icc,
			j->cmyk_icc, &cmyk, &cmyk_len, d);
		/* The document is the drawing; this file, its conversion. */
		j->post.source = buf.data;
		j->post.source_len = buf.len;
	}
	if (rc == 0)
		rc = cmyk != NULL
			     ? pdfpost_write(fp, cmyk, cmyk_len, &j->post, d)
			     : pdfpost_write(fp, buf.data, buf.len, &j->post,
				       d);
	free(buf.data);
	free(cmyk);
	free(keywords);
	return rc;
}

int
pdf_write_pages(FILE *fp, const struct pdf_doc *doc, struct diag *d)
{
	struct pdf_job j;

	memset(&j, 0, sizeof j);
	j.w = doc->w;
	j.h = doc->h;
	j.unit = 1;
	j.title = doc->title;
	j.subject = doc->subject;
	j.lang = doc->lang;
	j.software = doc->software;
	j.draw = doc->draw;
	j.arg = doc->arg;
	return pdf_run(fp, &j, d);
}

struct sheet_draw {
	const struct banner *b;
	const struct sheet *s;
};

/*
 * With marks, the slug above the bleed says what the shop delivers when a
 * finishing changes it: the finished size, and the pockets' allowance or
 * the hem that the trim includes.
 */
static int
slug_note(cairo_t *cr, const struct banner *b, const struct sheet *s,
	struct diag *d)
{
	char text[200];
	double x = s->trim_x + s->mark_length, y;

	if (!s->marks || s->finishing == FINISH_NONE)
		return 0;
	if (s->pocket > 0)
		snprintf(text, sizeof text,
			"Finished size %.0f x %.0f mm. Trim %.0f x %.0f mm: "
			"a %.0f mm pole pocket at the top and at the bottom, "
			"folded at the dashed marks.",
			PAPER_MM(s->art_w), PAPER_MM(s->art_h),
			PAPER_MM(s->trim_w), PAPER_MM(s->trim_h),
			PAPER_MM(s->pocket));
	else
		snprintf(text, sizeof text,
			"Finished size %.0f x %.0f mm (the trim), with a %.0f "
			"mm hem and grommets at the targets.",
			PAPER_MM(s->trim_w), PAPER_MM(s->trim_h),
			PAPER_MM(s->hem));
	/* The baseline 2 mm above the bleed, clear of the corner marks. */
	y = s->trim_y - s->bleed - PAPER_PT(2);
	return render_draw_note(b, cr, text, x, y, SLUG_TEXT_PT, d);
}

/* The sheet: the art at the trim, its background into the bleed. */
static int
draw_sheet(cairo_t *cr, void *arg, struct diag *d)
{
	const struct sheet_draw *sd = arg;
	const struct sheet *s = sd->s;
	struct render_frame f = { s->bleed, s->bleed + s->pocket, s->bleed,
		s->bleed + s->pocket, s->outline_text };
	int rc;

	cairo_save(cr);
	cairo_translate(cr, s->trim_x, s->trim_y + s->pocket);
	rc = render_draw(sd->b, cr, &f, d);
	cairo_restore(cr);
	if (rc == 0)
		rc = slug_note(cr, sd->b, s, d);
	return rc;
}

static void
pdf_boxes(struct pdfpost_opts *po, const struct sheet *s)
{
	double h = s->media_h;

	po->has_boxes = s->bleed > 0 || s->slug > 0 || s->pocket > 0 || s->pdfx;
	po->trim = (struct pdf_box){ s->trim_x, h - s->trim_y - s->trim_h,
		s->trim_x + s->trim_w, h - s->trim_y };
	po->bleed = (struct pdf_box){ po->trim.x0 - s->bleed,
		po->trim.y0 - s->bleed, po->trim.x1 + s->bleed,
		po->trim.y1 + s->bleed };
}

/* The banner's print sheet: boxes, marks, PDF/X and CMYK as asked. */
static int
write_pdf(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	const struct sheet *s = opts->sheet;
	struct sheet_draw sd = { b, s };
	struct pdf_job j;
	char *marks;
	int rc;

	memset(&j, 0, sizeof j);
	j.w = s->media_w;
	j.h = s->media_h;
	j.unit = user_unit(s->media_w, s->media_h);
	j.title = banner_title(b);
	j.subject = opts->subject;
	j.lang = banner_lang(b);
	j.software = opts->software;
	j.draw = draw_sheet;
	j.arg = &sd;
	pdf_boxes(&j.post, s);
	j.post.pdfx = s->pdfx;
	j.post.intent_icc = opts->intent_icc;
	j.post.intent_id =
		s->intent == INTENT_GRACOL ? "CGATS TR 006" : "FOGRA39";
	j.post.intent_info = s->intent == INTENT_GRACOL
				     ? "GRACoL 2006 Coated #1 (CGATS TR 006)"
				     : "Coated FOGRA39 (ISO 12647-2:2004)";
	j.post.srgb_icc = opts->srgb_icc;
	j.post.srgb_defaults = !s->cmyk;
	j.cmyk_icc = s->cmyk ? opts->intent_icc : NULL;
	marks = marks_pdf_content(s, j.unit);
	j.post.extra_content = marks;
	rc = pdf_run(fp, &j, d);
	free(marks);
	return rc;
}

const struct writer writer_pdf = { "pdf", "vector, fonts embedded: for print",
	0, write_pdf };
