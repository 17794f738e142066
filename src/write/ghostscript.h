/* ghostscript.h - a PDF's ink, rendered by Ghostscript as a separate program.
 */
#ifndef BAYRAQ_GHOSTSCRIPT_H
#define BAYRAQ_GHOSTSCRIPT_H

#include <stddef.h>

#include "base/diag.h"

/*
 * Whether the gs program is on PATH. Ghostscript is AGPL: bayraq runs it
 * as a separate program and never links it.
 */
int ghostscript_found(void);

/*
 * Renders each page of the PDF at path to CMYK at dpi (no anti-aliasing),
 * with profile (an ICC file) as both the output and the default CMYK
 * profile, so DeviceCMYK passes through as it is and RGB is separated as
 * that profile does, and stores in max[i] the largest total ink (C + M +
 * Y + K, in percent) of any pixel of page i, for the first pages pages.
 * Fails with DIAG_IO when gs is missing or a temporary file cannot be
 * made, DIAG_LIB when gs fails (with its first line of complaint).
 */
int ghostscript_ink(const char *path, const char *profile, double dpi,
	double *max, size_t pages, struct diag *d);

#endif
