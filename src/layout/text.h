/* text.h - slogan text: placeholders, isolates and capitals. */
#ifndef BAYRAQ_TEXT_H
#define BAYRAQ_TEXT_H

#include "base/diag.h"
#include "input/lang.h"

/* Values that a message may insert with {name}. */
struct text_values {
	const char *city;
	const char *hashtag;
	/* More names and values, in pairs, NULL-terminated; or NULL. */
	const char *const *more;
};

/*
 * Replaces {city}, {hashtag} and the names in v->more in tmpl
 * (python-brace-format: "{{" and "}}" are literal braces). With isolate set,
 * each value is wrapped in U+2068 FIRST STRONG ISOLATE ... U+2069 so a Latin
 * name keeps its own direction inside a right-to-left sentence. The result is
 * the caller's to free(). An unknown or missing placeholder fails with
 * DIAG_FORMAT.
 */
char *text_expand(const char *tmpl, const struct text_values *v, int isolate,
	struct diag *d);

/*
 * Uppercases UTF-8 text with ICU's full case mapping for the language, never
 * the process locale's: Turkic languages (tr, az, and crh with Turkish
 * rules) map i to İ and ı to I, Greek capitals drop their accents, German ß
 * becomes SS, Armenian և becomes ԵՎ, Lithuanian drops its dot above.
 * Georgian, whose capitals are not used in running display text, is kept.
 * The result is the caller's to free().
 */
char *text_upper(const char *s, const struct lang *l);

#endif
