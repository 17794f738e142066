/* flags.h - flag lookup: our own ua and crh, host flags from the pinned set. */
#ifndef BAYRAQ_FLAGS_H
#define BAYRAQ_FLAGS_H

#include <stddef.h>
#include <librsvg/rsvg.h>

#include "base/diag.h"

/* A flag's code with its NUL: "PL", "EU" or a subdivision, "GB-SCT". */
#define FLAGS_CODE_SIZE 8

struct flags;

/*
 * own_dir holds ua.svg and crh.svg; set_dir is the svg-country-flags
 * package (with svg/ and countries.json) that the build fetched; iso_dir
 * is Debian's iso-codes JSON folder, for the current names. langs (BCP 47
 * tags, NULL-terminated, may be NULL) are the languages whose names of
 * countries are also found when typed in Latin letters ("Sakartvelo"). A
 * missing set fails with DIAG_IO saying how to fetch it. Free with
 * flags_free().
 */
struct flags *flags_new(const char *own_dir, const char *set_dir,
	const char *iso_dir, const char *const *langs, struct diag *d);

void flags_free(struct flags *fl);

/*
 * Finds the flag that text names, and writes its code (in capitals) to
 * code: an ISO 3166-1 alpha-2 or alpha-3 code in either case ("pl",
 * "POL"), an alias ("UK", "EL"), a subdivision the set has ("GB-SCT"),
 * "EU", or a name in English or in any language ICU knows ("Poland",
 * "Polska", "Україна", "Sakartvelo"), without regard to case or accents.
 * The form "Poland (PL)" is the code in brackets. Unknown text fails with
 * DIAG_USAGE, naming the nearest name if one is near. Safe to call from
 * several threads; the first lookup by name indexes the names (a fraction
 * of a second).
 */
int flags_country(const struct flags *fl, const char *text,
	char code[FLAGS_CODE_SIZE], struct diag *d);

/*
 * flags_country() for the host flag: also refuses the Russian Federation,
 * however it is named, with DIAG_USAGE and the reason.
 */
int flags_host(const struct flags *fl, const char *text,
	char code[FLAGS_CODE_SIZE], struct diag *d);

/*
 * The current English name of a code such as "PL" (from iso-codes:
 * "Eswatini", not "Swaziland"). Borrowed, or NULL.
 */
const char *flags_country_name(const struct flags *fl, const char *code);

/*
 * The name of a code in the language lang (a BCP 47 tag such as "de"),
 * from ICU, written to buf. Returns 0, or -1 when ICU has no name in that
 * language (then buf holds the English name).
 */
int flags_country_local_name(const struct flags *fl, const char *code,
	const char *lang, char *buf, size_t size);

/* The codes that have a flag, sorted. NULL-terminated; borrowed. */
const char *const *flags_country_codes(const struct flags *fl);

/*
 * A flag's drawing: role is "ua", "crh" or a code. Ukraine is always
 * ours: the set's Ukrainian flag has the old colours. The caller releases
 * it with g_object_unref().
 */
RsvgHandle *flags_open(const struct flags *fl, const char *role,
	struct diag *d);

/* Width / height of a flag drawing, from its viewBox or size. */
double flags_ratio(RsvgHandle *h);

#endif
