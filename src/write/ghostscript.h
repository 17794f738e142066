/* ghostscript.h - real CMYK through Ghostscript, an optional external program.
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
 * Converts the PDF in data to DeviceCMYK with profile (an ICC file) as
 * the output and default CMYK profile, keeping text and vectors as they
 * are. The result is malloc()ed into *out. Fails with DIAG_IO when gs is
 * missing, DIAG_LIB when it fails (with its first line of complaint).
 */
int ghostscript_cmyk(const unsigned char *data, size_t len, const char *profile,
	unsigned char **out, size_t *out_len, struct diag *d);

#endif
