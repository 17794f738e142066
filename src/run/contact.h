/* contact.h - a batch's proof: every banner as a labelled thumbnail. */
#ifndef BAYRAQ_CONTACT_H
#define BAYRAQ_CONTACT_H

#include "base/diag.h"
#include "input/library.h"

struct batch;

/*
 * Writes a PDF of A3 landscape pages with every row's banner as a
 * thumbnail under its line, language, city, country and size; a failed
 * row as a red box with the reason. All or nothing, as every output.
 */
int contact_sheet_write(const struct batch *b, struct library *lib,
	const char *path, struct diag *d);

#endif
