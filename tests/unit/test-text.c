/* test-text.c - placeholders, isolates, locale-free Turkic capitals, slugs. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

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
	/* Greek capitals drop the tonos; a lone disjunctive ή keeps it. */
	check_upper("el", "Η Κριμαία είναι Ουκρανία!",
		"Η ΚΡΙΜΑΙΑ ΕΙΝΑΙ ΟΥΚΡΑΝΙΑ!");
	check_upper("el-GR", "Ελευθερία για τους πολιτικούς κρατουμένους",
		"ΕΛΕΥΘΕΡΙΑ ΓΙΑ ΤΟΥΣ ΠΟΛΙΤΙΚΟΥΣ ΚΡΑΤΟΥΜΕΝΟΥΣ");
	/* Armenian ligature ech-yiwn: ԵՎ, not the old ԵՒ. */
	check_upper("hy", "Ղրիմը Ուկրաինա է և Երևան",
		"ՂՐԻՄԸ ՈՒԿՐԱԻՆԱ Է ԵՎ ԵՐԵՎԱՆ");
	check_upper("az", "iki bayraq, ılıq", "İKİ BAYRAQ, ILIQ");
	check_upper("crh", "iki bayraq, bir devlet", "İKİ BAYRAQ, BİR DEVLET");
	check_upper("crh-Latn", "qırım ıñdırı", "QIRIM IÑDIRI");
	/* Lithuanian: the dot kept over i before an accent goes. */
	check_upper("lt", "i\xcc\x87\xcc\x80 laisvė", "I\xcc\x80 LAISVĖ");
	check_upper("de", "Grüße aus Gießen", "GRÜSSE AUS GIESSEN");
	/* Georgian inside other text, and Latin inside Georgian. */
	check_upper("ka", "თბილისი — kyiv", "თბილისი — KYIV");
	check_upper("en", "ფ tbilisi ფ", "ფ TBILISI ფ");
	check_upper("ja", "クリミアはウクライナだ！",
		"クリミアはウクライナだ！");
	/* Isolates around an inserted city stay. */
	check_upper("ar",
		"\xe2\x81\xa8"
		"Berlin\xe2\x81\xa9 مع",
		"\xe2\x81\xa8"
		"BERLIN\xe2\x81\xa9 مع");
	check_upper("en", "", "");
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
	check_slug("İstanbul", "istanbul");
	check_slug("Київ", "kyiv");
	check_slug("Запоріжжя", "zaporizhzhia");
	check_slug("Сімферополь", "simferopol");
	check_slug("Кутаїсі", "kutaisi");
	check_slug("ბათუმი", "batumi");
	/* Every other script through ICU: readable, distinct names. */
	check_slug("Αθήνα", "athina");
	check_slug("Θεσσαλονίκη", "thessaloniki");
	check_slug("서울", "seoul");
	check_slug("부산", "busan");
	check_slug("Երևան", "erevan");
	check_slug("กรุงเทพ", "krungtheph");
	/* Cyrillic letters Ukrainian lacks go through ICU. */
	check_slug("Beograd – Ђердап", "beograd-derdap");
	check_slug("Đà Nẵng", "da-nang");
	check_slug("Łódź", "lodz");
	check_slug("Straße", "strasse");
}

/* Cities that must never share a file name. */
static void
check_distinct(const char *a, const char *b)
{
	char *sa = slug_new(a), *sb = slug_new(b);

	CHECK(sa[0] != '\0' && sb[0] != '\0');
	CHECK(strcmp(sa, sb) != 0);
	for (const char *p = sa; *p != '\0'; p++)
		CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			*p == '-');
	free(sa);
	free(sb);
}

static void
test_slug_scripts(void)
{
	check_distinct("عمان", "إربد");
	check_distinct("東京", "大阪");
	check_distinct("北京", "上海");
	check_distinct("תל אביב", "ירושלים");
	check_distinct("Αθήνα", "Πάτρα");
	check_distinct("とうきょう", "おおさか");
	check_distinct("トウキョウ", "オオサカ");
	check_distinct("تهران", "کابل");
	check_distinct("मुंबई", "दिल्ली");
	check_distinct("서울", "부산");
	check_slug("عمان", "man");
	check_slug("إربد", "arbd");
	check_slug("東京", "dong-jing");
	check_slug("תל אביב", "tl-byb");
	/* Nothing a file name can use. */
	check_slug("!!! ???", "");
	check_slug("", "");
}

static void
check_name(const char *tag, const char *in, const char *want)
{
	char *got = lang_name(tag, in);

	CHECK_STR(got, want);
	free(got);
}

static void
test_lang_names(void)
{
	check_name("uk", NULL, "Українська");
	check_name("uk", "en", "Ukrainian");
	check_name("ja", NULL, "日本語");
	check_name("el", NULL, "Ελληνικά");
	check_name("ka", "en", "Georgian");
	check_name("zh-Hant", "en", "Traditional Chinese");
	check_name("pt_BR", "en", "Brazilian Portuguese");
	check_name("crh-Latn", NULL, "Qırımtatarca");
	check_name("crh", NULL, "Qırımtatarca");
	check_name("crh-Cyrl", NULL, "Къырымтатарджа");
	check_name("crh-Latn", "en", "Crimean Tatar (Latin)");
	check_name("en", NULL, "English");
	check_name("qaa", "en", "qaa");
}

static void
check_menu_name(const char *tag, const char *want)
{
	char *got = lang_menu_name(tag);

	CHECK_STR(got, want);
	free(got);
}

/* Each name in a menu of languages starts as a menu item does in it. */
static void
test_lang_menu_names(void)
{
	/* CLDR capitalizes these for a menu already; others it leaves. */
	check_menu_name("es", "Español");
	check_menu_name("uk", "Українська");
	check_menu_name("pl", "Polski");
	check_menu_name("et", "Eesti");
	check_menu_name("kk", "Қазақ тілі");
	check_menu_name("hy", "Հայերեն");
	/* Only the first letter: bokmål stays as it is. */
	check_menu_name("nb", "Norsk bokmål");
	/* Georgian's title case is its ordinary letter, not Mtavruli. */
	check_menu_name("ka", "ქართული");
	check_menu_name("ja", "日本語");
	check_menu_name("ar", "العربية");
	check_menu_name("crh-Latn", "Qırımtatarca");
	check_menu_name("qaa", "qaa");
}

int
main(void)
{
	test_casing();
	test_casing_ignores_locale();
	test_expand();
	test_lang();
	test_slug();
	test_slug_scripts();
	test_lang_names();
	test_lang_menu_names();
	return check_done("test-text");
}
