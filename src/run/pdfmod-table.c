/* pdfmod-table.c - the table of bayraq-pdf.so, the PDF libraries' module. */
#include "run/pdfmod.h"

#include "run/preflight.h"
#include "write/cmyk.h"
#include "write/pdfpost.h"

const struct pdfmod bayraq_pdf_module = {
	{ PDFMOD_VERSION, sizeof(struct pdfmod) },
	preflight_check,
	preflight_free,
	preflight_problem_line,
	pdfpost_write,
	cmyk_convert,
};
