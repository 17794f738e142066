/* test-langtag.c - a typed language tag against a PO file's tag. */
#include <string.h>

#include "input/langtag.h"

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

int
main(void)
{
	test_match();
	test_plausible();
	return check_done("test-langtag");
}
