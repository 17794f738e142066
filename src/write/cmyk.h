/* cmyk.h - a PDF's RGB converted to the press's CMYK with lcms2. */
#ifndef BAYRAQ_CMYK_H
#define BAYRAQ_CMYK_H

#include <stddef.h>

#include "base/diag.h"

/*
 * Rewrites the PDF in data (as cairo writes it) with every DeviceRGB
 * colour in DeviceCMYK: colour operators in page, form and pattern
 * content, axial and radial shadings, RGB images and transparency groups,
 * each converted from srgb_icc through cmyk_icc (relative colorimetric
 * with black point compensation: flag colours stay as close to their
 * definition as the press allows; the profile's ink limit holds). Colours
 * already in DeviceCMYK and soft masks are kept as they are. The result
 * is malloc'd in *out. Fails with DIAG_IO when a profile cannot be read,
 * DIAG_LIB when qpdf cannot read or write the PDF, and DIAG_FORMAT when
 * the PDF holds RGB it cannot convert (named in the message).
 */
int cmyk_convert(const unsigned char *data, size_t len, const char *srgb_icc,
	const char *cmyk_icc, unsigned char **out, size_t *out_len,
	struct diag *d);

#endif
