/* test-catalog.c - PO loading: good, fuzzy, untranslated, missing and broken.
 */
#include <string.h>

#include "input/catalog.h"

#include "check.h"

static void
test_good(void)
{
	struct diag d = { 0 };
	struct catalog *cat = catalog_load("locales/crh.po", &d);

	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	CHECK_STR(catalog_language(cat), "crh-Latn");
	CHECK(!catalog_reviewed(cat));
	CHECK_HAS(catalog_name(cat), "Crimean Tatar");
	CHECK_STR(catalog_text(cat, "hashtag", &d), "{hashtag}");
	CHECK_HAS(catalog_text(cat, "city", &d), "{city}");
	CHECK_HAS(catalog_text(cat, "headline", &d), "Qırım");
	CHECK(d.kind == DIAG_NONE);
	catalog_free(cat);

	cat = catalog_load("locales/en.po", &d);
	CHECK(cat != NULL && catalog_reviewed(cat));
	CHECK_STR(catalog_text(cat, "headline", &d), "Crimea is Ukraine!");
	catalog_free(cat);
}

static void
test_unusable_entries(void)
{
	struct diag d = { 0 };
	struct catalog *cat = catalog_load("tests/data/locales/fuzzy.po", &d);

	CHECK(cat != NULL);
	if (cat == NULL)
		return;
	CHECK_STR(catalog_text(cat, "headline", &d), "Die Krim ist Ukraine!");
	/* The organizer reads a plain sentence, not a file and a line. */
	CHECK(catalog_text(cat, "day", &d) == NULL);
	CHECK(d.kind == DIAG_FORMAT);
	CHECK_STR(d.msg,
		"the German translation is not finished: use --lang en, or ask "
		"a translator (bayraq list languages --all says what is "
		"missing)");
	CHECK(strstr(d.msg, "fuzzy.po") == NULL);
	diag_clear(&d);
	CHECK(catalog_text(cat, "prisoners", &d) == NULL);
	CHECK_HAS(d.msg, "German translation is not finished");
	diag_clear(&d);
	/* The translator reads the first thing to do, with file and line. */
	{
		const char *day[] = { "headline", "day", "city", NULL };
		const char *city[] = { "headline", "city", NULL };
		const char *prisoners[] = { "prisoners", NULL };

		CHECK(catalog_translated(cat, day, &d) == 1);
		CHECK_HAS(d.msg, "tests/data/locales/fuzzy.po:12: key 'day' "
				 "is marked fuzzy");
		diag_clear(&d);
		CHECK(catalog_translated(cat, city, &d) == 1);
		CHECK_HAS(d.msg, "fuzzy.po:16: key 'city' is not translated");
		diag_clear(&d);
		CHECK(catalog_translated(cat, prisoners, &d) == 0);
		CHECK_HAS(d.msg, "fuzzy.po: no entry for key 'prisoners'");
		diag_clear(&d);
		CHECK(catalog_translated(cat, prisoners + 1, &d) == 0);
		CHECK(d.kind == DIAG_NONE);
	}
	catalog_free(cat);
}

static void
test_broken(void)
{
	struct diag d = { 0 };

	CHECK(catalog_load("tests/data/locales/broken.po", &d) == NULL);
	CHECK(d.kind == DIAG_FORMAT);
	/* gettext counts the line after an unterminated string, as msgfmt -c
	 * does. */
	CHECK_HAS(d.msg,
		"tests/data/locales/broken.po:10: end-of-line within string");
	diag_clear(&d);
	CHECK(catalog_load("tests/data/locales/nolang.po", &d) == NULL);
	CHECK_HAS(d.msg, "no 'Language:' field");
	diag_clear(&d);
	CHECK(catalog_load("tests/data/locales/absent.po", &d) == NULL);
	CHECK(d.kind == DIAG_IO);
	CHECK_HAS(d.msg, "cannot open 'tests/data/locales/absent.po'");
}

int
main(void)
{
	test_good();
	test_unusable_entries();
	test_broken();
	return check_done("test-catalog");
}
