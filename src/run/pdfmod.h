/*
 * pdfmod.h - the PDF libraries loaded when first used: qpdf and poppler
 * (and the nss, gnutls and more they pull in) cost a render's start-up
 * about as much as the render itself, and a PNG never needs them.
 *
 * The program links run/pdfmod.c in place of run/preflight.c,
 * write/pdfpost.c, write/cmyk.c and write/pdfscan.c, which are built
 * into a module of their own
 * (bayraq-pdf.so: beside the program in the build tree, in
 * PREFIX/lib/bayraq when installed). run/pdfmod.c defines the functions
 * of preflight.h, pdfpost.h and cmyk.h that the program calls, each through
 * this table: a function added there for the program needs a row here too. Unit
 * tests and tools link the two files themselves.
 */
#ifndef BAYRAQ_PDFMOD_H
#define BAYRAQ_PDFMOD_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "base/module.h"

struct preflight;
struct pdfpost_opts;

/* Changes whenever the table does: a stale module is refused. */
#define PDFMOD_VERSION 6

struct pdfmod {
	struct module_head head; /* PDFMOD_VERSION, sizeof (struct pdfmod) */
	int (*preflight_check)(struct preflight *pf, const char *path,
		double safe, double ink_limit, struct diag *d);
	void (*preflight_free)(struct preflight *pf);
	void (*preflight_problem_line)(const struct preflight *pf, size_t i,
		char *buf, size_t size);
	int (*pdfpost_write)(FILE *fp, const unsigned char *data, size_t len,
		const struct pdfpost_opts *o, struct diag *d);
	int (*cmyk_convert)(const unsigned char *data, size_t len,
		const char *srgb_icc, const char *cmyk_icc, unsigned char **out,
		size_t *out_len, struct diag *d);
};

/* The module's one exported symbol (run/pdfmod-table.c). */
extern const struct pdfmod bayraq_pdf_module;

/* The module's file name. */
#define PDFMOD_FILE "bayraq-pdf.so"

#endif
