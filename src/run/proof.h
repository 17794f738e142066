/* proof.h - a design's proof: every variant in every language, for designers.
 */
#ifndef BAYRAQ_PROOF_H
#define BAYRAQ_PROOF_H

#include "base/diag.h"
#include "input/library.h"

/* The text slot's size below which a proof marks it: 70% of its largest. */
#define PROOF_COMFORT 0.70

struct proof_opts {
	const char *design;
	char **langs; /* NULL-terminated language tags; NULL: every one */
	const char *country; /* the host flag shown: "DE" */
	const char *slogan; /* the slogan slot's message; NULL: the default */
	const char *event; /* the event slot's text; NULL: empty */
};

/*
 * Writes a vector PDF to path, one A3 landscape page per variant: each
 * language as a labelled thumbnail of the real banner with each text
 * slot's fitted size, then a stress row of long city names. A text that
 * fails, or shrinks below PROOF_COMFORT of the slot's largest size on
 * that variant, is marked red. An unknown design, language or slogan, or
 * an event that is no text (job_check_text()), fails with DIAG_USAGE; the
 * file is written in full or not at all.
 */
int proof_write(struct library *lib, const struct proof_opts *o,
	const char *path, struct diag *d);

#endif
