/* flags.h - flag lookup: our own ua and crh, host flags from the pinned set. */
#ifndef BAYRAQ_FLAGS_H
#define BAYRAQ_FLAGS_H

#include <librsvg/rsvg.h>

#include "base/diag.h"

struct flags;

/*
 * own_dir holds ua.svg and crh.svg; set_dir is the svg-country-flags
 * package (with svg/ and countries.json) that the build fetched. A missing
 * set fails with DIAG_IO saying how to fetch it. Free with flags_free().
 */
struct flags *flags_new(const char *own_dir, const char *set_dir,
	struct diag *d);

void flags_free(struct flags *fl);

/*
 * Checks an ISO 3166-1 alpha-2 code in either case and writes it in
 * capitals to code. An unknown code fails with DIAG_USAGE.
 */
int flags_country(const struct flags *fl, const char *cc, char code[3],
	struct diag *d);

/* The English name of a country code such as "PL". Borrowed, or NULL. */
const char *flags_country_name(const struct flags *fl, const char *code);

/* The country codes that have a flag, sorted. NULL-terminated; borrowed. */
const char *const *flags_country_codes(const struct flags *fl);

/*
 * A flag's drawing: role is "ua", "crh" or a country code. Ukraine is
 * always ours: the set's Ukrainian flag has the old colours. The caller
 * releases it with g_object_unref().
 */
RsvgHandle *flags_open(const struct flags *fl, const char *role,
	struct diag *d);

/* Width / height of a flag drawing, from its viewBox or size. */
double flags_ratio(RsvgHandle *h);

#endif
