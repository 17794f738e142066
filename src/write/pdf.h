/* pdf.h - PDF documents: cairo draws the pages, pdfpost finishes the file. */
#ifndef BAYRAQ_PDF_H
#define BAYRAQ_PDF_H

#include <cairo.h>
#include <stdio.h>

#include "base/diag.h"

/* Draws every page, calling cairo_show_page() after each. */
typedef int (*pdf_pages_fn)(cairo_t *cr, void *arg, struct diag *d);

/* A document of pages of one size that are not a banner's print sheet. */
struct pdf_doc {
	double w, h; /* the pages, in points */
	const char *title, *subject, *lang, *software;
	pdf_pages_fn draw;
	void *arg;
};

/*
 * Writes the document to fp: cairo's vector PDF with fonts embedded and
 * subset, finished by pdfpost (language, title, deterministic date and
 * /ID). The same finishing as a banner's PDF. Fails with DIAG_LIB or
 * DIAG_IO.
 */
int pdf_write_pages(FILE *fp, const struct pdf_doc *doc, struct diag *d);

/* The date PDFs carry: SOURCE_DATE_EPOCH if set, else now; ISO 8601. */
void pdf_date(char *buf, size_t size);

#endif
