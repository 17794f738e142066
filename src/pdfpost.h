/* pdfpost.h - finishing cairo's PDF with qpdf: what cairo 1.16 cannot write. */
#ifndef BAYRAQ_PDFPOST_H
#define BAYRAQ_PDFPOST_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/*
 * Rewrites the PDF in data (as cairo wrote it) to fp, adding the
 * document language (/Lang, a BCP 47 tag, read by screen readers and
 * text extraction), asking viewers to show the title rather than the file
 * name, and giving it a deterministic /ID so the same banner gives the
 * same file. Fails with DIAG_LIB when qpdf cannot read or write it, and
 * DIAG_IO when fp cannot be written.
 */
int pdfpost_write(FILE *fp, const unsigned char *data, size_t len,
	const char *lang, struct diag *d);

#endif
