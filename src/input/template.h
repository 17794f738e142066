/* template.h - locales/bayraq.pot, made from locales/en.po and the designs. */
#ifndef BAYRAQ_TEMPLATE_H
#define BAYRAQ_TEMPLATE_H

#include "base/diag.h"
#include "input/paths.h"

/*
 * Writes the translators' template to out_path ("-": standard output):
 * every entry of locales/en.po in its order (msgctxt the key, msgid the
 * English text, its own #. comments and format flags), and for each text
 * slot of every design's variants a reference (#: designs/D/F.svg:LINE)
 * and a comment: the slot, its lines and about how many characters fit a
 * line at its smallest size. A design key that en.po lacks fails with
 * DIAG_FORMAT naming the SVG file and line; nothing is written then.
 */
int template_write(const struct paths *paths, const char *out_path,
	struct diag *d);

/* The generated comments start so; template_write() drops old ones. */
#define TEMPLATE_SLOT_NOTE "slot "

#endif
