/* test-langtag.c - a typed language tag against a PO file's tag. */
#include "input/langtag.h"

#include <string.h>

#include "check.h"

static void
test_match(void)
{
	CHECK(langtag_match("uk", "uk") == LANGTAG_SAME);
	CHECK(langtag_match("UK", "uk") == LANGTAG_SAME);
	CHECK(langtag_match("pt_BR", "pt-BR") == LANGTAG_SAME);
	CHECK(langtag_match("pt-br", "pt-BR") == LANGTAG_SAME);
	CHECK(langtag_match("uk-UA", "uk") == LANGTAG_LIKELY);
	CHECK(langtag_match("zh", "zh-Hans") == LANGTAG_LIKELY);
	CHECK(langtag_match("zh", "zh-Hant") == LANGTAG_NONE);
	CHECK(langtag_match("zh-TW", "zh-Hant") == LANGTAG_LIKELY);
	CHECK(langtag_match("crh-Latn-UA", "crh-Latn") == LANGTAG_LIKELY);
	CHECK(langtag_match("crh-Latn", "crh-Cyrl") == LANGTAG_NONE);
	CHECK(langtag_match("de-AT", "de") == LANGTAG_SCRIPT);
	CHECK(langtag_match("uk", "ru") == LANGTAG_NONE);
	CHECK(langtag_match("", "en") == LANGTAG_NONE);
}

static void
test_plausible(void)
{
	CHECK(langtag_plausible("crh-Latn"));
	CHECK(langtag_plausible("pt_BR"));
	CHECK(!langtag_plausible(""));
	CHECK(!langtag_plausible("../en"));
	CHECK(!langtag_plausible("en.po"));
}

/* A country's code: the language ICU finds most likely there. */
static void
test_of_region(void)
{
	char likely[64], region[64];

	CHECK(langtag_of_region("ua", likely, region));
	CHECK(langtag_match(likely, "uk") == LANGTAG_LIKELY);
	CHECK(strcmp(region, "Ukraine") == 0);
	CHECK(langtag_of_region("CN", likely, region));
	CHECK(langtag_match(likely, "zh-Hans") == LANGTAG_LIKELY);
	/* Sweden's code, and Northern Sami's. */
	CHECK(langtag_of_region("se", likely, region));
	CHECK(langtag_match(likely, "sv") == LANGTAG_LIKELY);
	CHECK(!langtag_of_region("xx", likely, region));
	CHECK(!langtag_of_region("ukk", likely, region));
	CHECK(!langtag_of_region("419", likely, region));
	CHECK(!langtag_of_region("", likely, region));
}

int
main(void)
{
	test_match();
	test_plausible();
	test_of_region();
	return check_done("test-langtag");
}
