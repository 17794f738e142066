/* pdfpost.h - finishing cairo's PDF with qpdf: what cairo 1.16 cannot write. */
#ifndef BAYRAQ_PDFPOST_H
#define BAYRAQ_PDFPOST_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"

#include <qpdf/qpdf-c.h>

/*
 * The values of a dictionary, all of them, collected first: qpdf's key
 * iterator is one per document, so a nested walk would break it. NULL
 * with *n = 0 when dict is not a dictionary; free() the result.
 */
qpdf_oh *pdfpost_dict_values(qpdf_data q, qpdf_oh dict, size_t *n);

/* A form XObject as "/Name Do" draws it. */
struct pdfpost_form {
	qpdf_oh stream; /* the form's content */
	qpdf_oh res; /* its /Resources, or the drawing stream's without them */
	double ctm[6]; /* its /Matrix times the CTM at the Do */
};

/*
 * The form XObject name (with its slash) of the resources res, drawn with
 * the CTM ctm, into *form. 1, or 0 when name is missing or not a form (an
 * image, say).
 */
int pdfpost_form_find(qpdf_data q, qpdf_oh res, const char *name,
	const double ctm[6], struct pdfpost_form *form);

/* A rectangle in PDF user space: origin at the bottom left, points. */
struct pdf_box {
	double x0, y0, x1, y1;
};

struct pdfpost_opts {
	const char *lang; /* BCP 47: the catalog's /Lang */
	const char *title; /* also the XMP dc:title */
	const char *subject; /* and dc:description; or NULL */
	const char *keywords; /* and pdf:Keywords; or NULL */
	const char *creator; /* and xmp:CreatorTool; or NULL */
	const char *producer; /* "bayraq 0.1.0" */
	const char *date; /* ISO 8601 UTC: "2026-02-26T00:00:00Z" */
	double user_unit; /* 1, or more for pages beyond 200 in */
	int has_boxes;
	struct pdf_box trim, bleed; /* in points, before /UserUnit */
	int pdfx; /* write PDF/X-4 */
	const char *intent_icc; /* CMYK output profile, a file */
	const char *intent_id; /* OutputConditionIdentifier */
	const char *intent_info; /* a human description of it */
	const char *srgb_icc; /* for /DefaultRGB and groups */
	int srgb_defaults; /* the content is RGB: declare it sRGB */
	const char *extra_content; /* drawn over each page; or NULL */
	/*
	 * The drawing this file renders (cairo's PDF before any conversion),
	 * which names the document in xmpMM:DocumentID; NULL: data itself.
	 */
	const unsigned char *source;
	size_t source_len;
};

/*
 * Rewrites the PDF in data (as cairo wrote it) to fp: the document
 * language, the Info strings (title shown by viewers, subject, keywords,
 * creator, producer, dates) in PDFDocEncoding when they fit it and in
 * UTF-16BE otherwise, page boxes and /UserUnit, a deterministic /ID; with
 * pdfx, also PDF/X-4: version 1.6, the output intent with its ICC profile,
 * XMP metadata that agrees with Info (its InstanceID differs for each
 * rendition of one drawing: intent, colour, marks, boxes), and sRGB for
 * every DeviceRGB use. Fails with DIAG_LIB when qpdf cannot read or write
 * it, DIAG_IO when a profile or fp cannot be read or written.
 */
int pdfpost_write(FILE *fp, const unsigned char *data, size_t len,
	const struct pdfpost_opts *o, struct diag *d);

#endif
