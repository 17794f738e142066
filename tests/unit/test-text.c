/* test-text.c - placeholders, isolates, locale-free Turkic capitals, slugs. */
#include <locale.h>
#include <stdlib.h>

#include "input/lang.h"
#include "run/slug.h"
#include "layout/text.h"

#include "check.h"

static void
check_upper(const char *tag, const char *in, const char *want)
{
	struct lang l;
	char *got;

	lang_init(&l, tag);
	got = text_upper(in, &l);
	CHECK_STR(got, want);
	free(got);
}

static void
test_casing(void)
{
	check_upper("en", "crimea is ukraine!", "CRIMEA IS UKRAINE!");
	check_upper("tr", "iki bayrak, tek devlet", "İKİ BAYRAK, TEK DEVLET");
	check_upper("tr", "ılık istanbul", "ILIK İSTANBUL");
	check_upper("crh-Latn", "qırım — ukraina!", "QIRIM — UKRAİNA!");
	check_upper("az", "bayraq", "BAYRAQ");
	check_upper("de", "die krim ist ukraine!", "DIE KRIM IST UKRAINE!");
	check_upper("de", "straße", "STRASSE");
	check_upper("uk", "крим — це україна!", "КРИМ — ЦЕ УКРАЇНА!");
	check_upper("pl", "wolność", "WOLNOŚĆ");
	check_upper("ka", "ყირიმი უკრაინაა!", "ყირიმი უკრაინაა!");
	check_upper("ar", "القرم", "القرم");
	/* Non-Turkic languages keep the dotless mapping of i. */
	check_upper("en", "istanbul", "ISTANBUL");
}

static void
test_casing_ignores_locale(void)
{
	/* A Turkish process locale must not change German capitals. */
	if (setlocale(LC_ALL, "tr_TR.UTF-8") == NULL)
		setlocale(LC_ALL, "C.UTF-8");
	check_upper("de", "in berlin", "IN BERLIN");
	check_upper("tr", "in berlin", "İN BERLİN");
	setlocale(LC_ALL, "C");
}

static void
test_expand(void)
{
	static const char *const more[] = { "sheets", "12", "size",
		"594 x 841 mm", NULL };
	struct text_values v = { "Berlin", "#LIBERATECRIMEA", NULL };
	struct text_values odd = { "<b>&amp; \"Q\"", "#LIBERATECRIMEA", NULL };
	struct text_values tiles = { NULL, NULL, more };
	struct diag d = { 0 };
	char *s;

	s = text_expand("{city} stands with Crimea", &v, 0, &d);
	CHECK_STR(s, "Berlin stands with Crimea");
	free(s);
	s = text_expand("{hashtag}", &v, 0, &d);
	CHECK_STR(s, "#LIBERATECRIMEA");
	free(s);
	s = text_expand("{city} تقف مع القرم", &v, 1, &d);
	CHECK_STR(s, "\xe2\x81\xa8"
		     "Berlin"
		     "\xe2\x81\xa9 تقف مع القرم");
	free(s);
	s = text_expand("{{literal}} {city}", &odd, 0, &d);
	CHECK_STR(s, "{literal} <b>&amp; \"Q\"");
	free(s);
	CHECK(d.kind == DIAG_NONE);
	s = text_expand("{town} stands", &v, 0, &d);
	CHECK(s == NULL);
	CHECK(d.kind == DIAG_FORMAT);
	CHECK_HAS(d.msg, "unknown placeholder");
	diag_clear(&d);
	CHECK(text_expand("{city", &v, 0, &d) == NULL);
	diag_clear(&d);
	s = text_expand("{sheets} sheets, {size}", &tiles, 0, &d);
	CHECK_STR(s, "12 sheets, 594 x 841 mm");
	free(s);
	CHECK(text_expand("{city} stands", &tiles, 0, &d) == NULL);
}

static void
test_lang(void)
{
	struct lang l;

	lang_init(&l, "ar");
	CHECK(l.rtl && l.cursive && !l.turkic_casing);
	CHECK_HAS(l.families, "Noto Sans Arabic");
	lang_init(&l, "he");
	CHECK(l.rtl && !l.cursive);
	lang_init(&l, "crh-Latn");
	CHECK(!l.rtl && l.turkic_casing);
	lang_init(&l, "ja");
	CHECK_HAS(l.families, "Noto Sans CJK JP");
	lang_init(&l, "zh-Hant");
	CHECK_HAS(l.families, "Noto Sans CJK TC");
	lang_init(&l, "zh-Hans");
	CHECK_HAS(l.families, "Noto Sans CJK SC");
	/* Urdu is set in Nastaliq, Persian in the Arabic Naskh-like sans. */
	lang_init(&l, "ur");
	CHECK(l.rtl && l.cursive);
	CHECK_HAS(l.families, "Noto Nastaliq Urdu");
	lang_init(&l, "fa");
	CHECK(l.rtl && l.cursive);
	CHECK_HAS(l.families, "Noto Sans Arabic");
	lang_init(&l, "crh-Cyrl");
	CHECK(!l.rtl && l.turkic_casing);
	lang_init(&l, "ka");
	CHECK_HAS(l.families, "Noto Sans Georgian");
	lang_init(&l, "pt_BR");
	CHECK_STR(l.tag, "pt-BR");
	CHECK_STR(l.families, "Noto Sans");
}

static void
check_slug(const char *in, const char *want)
{
	char *got = slug_new(in);

	CHECK_STR(got, want);
	free(got);
}

static void
test_slug(void)
{
	check_slug("Київ", "kyiv");
	check_slug("Львів", "lviv");
	check_slug("Ялта", "yalta");
	check_slug("Kraków", "krakow");
	check_slug("Zürich", "zurich");
	check_slug("თბილისი", "tbilisi");
	check_slug("Frankfurt am Main", "frankfurt-am-main");
	check_slug("../../etc/passwd", "etc-passwd");
	check_slug("<b>&amp;", "b-amp");
	check_slug("عمان", "");
	check_slug("İstanbul", "istanbul");
}

int
main(void)
{
	test_casing();
	test_casing_ignores_locale();
	test_expand();
	test_lang();
	test_slug();
	return check_done("test-text");
}
