/* langtag.h - how near a language tag someone typed is to a PO file's tag. */
#ifndef BAYRAQ_LANGTAG_H
#define BAYRAQ_LANGTAG_H

#include <stddef.h>

/* How well a tag matches a language file's tag, best last. */
enum langtag_match {
	LANGTAG_NONE, /* another language, or another script */
	LANGTAG_SCRIPT, /* same language and script: de-AT for de */
	LANGTAG_LIKELY, /* same language, script and likely region: zh for
			   zh-Hans */
	LANGTAG_SAME /* the same tag, written otherwise: pt_br for pt-BR */
};

/*
 * How well wanted (as typed: "uk-UA", "UK", "pt_BR", "zh") matches have (a
 * file's tag or its Language: header, "pt-BR", "crh-Latn"). Both are
 * filled out with ICU's likely subtags (zh: zh-Hans-CN) and compared.
 */
enum langtag_match langtag_match(const char *wanted, const char *have);

/*
 * When tag is a country or region code ("ua", "GB"; "se" is Sweden's and
 * Northern Sami's), the tag of the language ICU finds most likely there
 * ("uk-Cyrl-UA") in likely, and the region's English name ("Ukraine") in
 * region; 1 then, else 0.
 */
int langtag_of_region(const char *tag, char likely[64], char region[64]);

/* Whether tag is only letters, digits, '-' and '_', 1 to 35 of them. */
int langtag_plausible(const char *tag);

#endif
