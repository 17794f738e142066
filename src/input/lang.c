/* lang.c - direction, casing, cursiveness and fonts per language. */
#include "input/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucasemap.h>
#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "base/xalloc.h"

/*
 * Families are tried in order for each character; "Noto Sans" last gives
 * Latin digits, the hashtag and Latin city names a matching face.
 */
struct script_fonts {
	const char *lang;
	const char *families;
};

static const struct script_fonts fonts_by_lang[] = {
	{ "ar", "Noto Sans Arabic,Noto Sans" },
	{ "fa", "Noto Sans Arabic,Noto Sans" },
	{ "ur", "Noto Nastaliq Urdu,Noto Sans Arabic,Noto Sans" },
	{ "ckb", "Noto Sans Arabic,Noto Sans" },
	{ "ug", "Noto Sans Arabic,Noto Sans" },
	{ "he", "Noto Sans Hebrew,Noto Sans" },
	{ "yi", "Noto Sans Hebrew,Noto Sans" },
	{ "ka", "Noto Sans Georgian,Noto Sans" },
	{ "hy", "Noto Sans Armenian,Noto Sans" },
	{ "ja", "Noto Sans CJK JP,Noto Sans" },
	{ "ko", "Noto Sans CJK KR,Noto Sans" },
	{ "zh", "Noto Sans CJK SC,Noto Sans" },
	{ "zh-Hant", "Noto Sans CJK TC,Noto Sans" },
	{ "zh-TW", "Noto Sans CJK TC,Noto Sans" },
	{ "zh-HK", "Noto Sans CJK HK,Noto Sans" },
	{ "hi", "Noto Sans Devanagari,Noto Sans" },
	{ "th", "Noto Sans Thai,Noto Sans" },
};

static const char *const rtl_langs[] = { "ar", "he", "fa", "ur", "yi", "ckb",
	"ug", "ps", "sd", "dv", "syr" };
static const char *const turkic_langs[] = { "crh", "tr", "az" };
/* Written without spaces between words. */
static const char *const unspaced_langs[] = { "zh", "ja", "th" };
/* Spaces between words, and Hangul breaks anywhere without this. */
static const char *const spaced_cjk_langs[] = { "ko" };
/* Scripts whose letters join: spacing them out breaks the joins. */
static const char *const cursive_langs[] = { "ar", "fa", "ur", "ckb", "ug",
	"ps", "sd", "syr", "mn" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int
in_list(const char *primary, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(primary, list[i]) == 0)
			return 1;
	return 0;
}

void
lang_init(struct lang *l, const char *tag)
{
	char primary[12];
	size_t i, n;

	memset(l, 0, sizeof *l);
	snprintf(l->tag, sizeof l->tag, "%s", tag);
	for (i = 0; l->tag[i] != '\0'; i++)
		if (l->tag[i] == '_')
			l->tag[i] = '-';
	n = strcspn(l->tag, "-");
	if (n >= sizeof primary)
		n = sizeof primary - 1;
	memcpy(primary, l->tag, n);
	primary[n] = '\0';

	l->rtl = in_list(primary, rtl_langs, COUNT(rtl_langs));
	l->turkic_casing = in_list(primary, turkic_langs, COUNT(turkic_langs));
	l->cursive = in_list(primary, cursive_langs, COUNT(cursive_langs));
	if (in_list(primary, unspaced_langs, COUNT(unspaced_langs)))
		l->breaks = LANG_BREAKS_WORDS;
	else if (in_list(primary, spaced_cjk_langs, COUNT(spaced_cjk_langs)))
		l->breaks = LANG_BREAKS_SPACES;
	l->families = "Noto Sans";
	/* A full-tag match ("zh-Hant") beats the primary subtag ("zh"). */
	for (i = 0; i < COUNT(fonts_by_lang); i++)
		if (strcasecmp(primary, fonts_by_lang[i].lang) == 0)
			l->families = fonts_by_lang[i].families;
	for (i = 0; i < COUNT(fonts_by_lang); i++)
		if (strncasecmp(l->tag, fonts_by_lang[i].lang,
			    strlen(fonts_by_lang[i].lang)) == 0 &&
			strchr(fonts_by_lang[i].lang, '-') != NULL)
			l->families = fonts_by_lang[i].families;
}

/*
 * Own names of languages that CLDR has no data in (ICU 72); the first
 * whose tag starts the language's tag.
 */
static const struct {
	const char *tag, *name;
} own_names[] = {
	{ "crh-Cyrl", "Къырымтатарджа" },
	{ "crh", "Qırımtatarca" },
};

/* Whether tag is prefix, or prefix with more subtags ("crh-Cyrl-UA"). */
static int
tag_starts(const char *tag, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncasecmp(tag, prefix, n) == 0 &&
	       (tag[n] == '\0' || tag[n] == '-');
}

/* The name of the ICU locale loc in locale in, or NULL without data. */
static char *
icu_name(const char *loc, const char *in)
{
	UDisplayContext ctx[] = { UDISPCTX_CAPITALIZATION_FOR_UI_LIST_OR_MENU,
		UDISPCTX_DIALECT_NAMES };
	UErrorCode err = U_ZERO_ERROR;
	ULocaleDisplayNames *names;
	UChar u[128];
	char utf8[384];
	int32_t n;

	/* ICU falls back to English names where it has none in `in`. */
	uloc_getDisplayLanguage(loc, in, u, (int32_t)COUNT(u), &err);
	if (err == U_USING_DEFAULT_WARNING || U_FAILURE(err))
		return NULL;
	err = U_ZERO_ERROR;
	names = uldn_openForContext(in, ctx, (int32_t)COUNT(ctx), &err);
	n = uldn_localeDisplayName(names, loc, u, (int32_t)COUNT(u), &err);
	uldn_close(names);
	if (U_FAILURE(err))
		return NULL;
	u_strToUTF8(utf8, (int32_t)sizeof utf8, NULL, u, n, &err);
	if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	return xstrdup(utf8);
}

char *
lang_name(const char *tag, const char *in)
{
	struct lang l;
	char loc[ULOC_FULLNAME_CAPACITY], in_loc[ULOC_FULLNAME_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	char *name;
	size_t i;

	lang_init(&l, tag);
	uloc_forLanguageTag(l.tag, loc, (int32_t)sizeof loc, NULL, &err);
	if (U_FAILURE(err) || loc[0] == '\0')
		return xstrdup(l.tag);
	if (in == NULL) {
		snprintf(in_loc, sizeof in_loc, "%s", loc);
	} else {
		uloc_forLanguageTag(in, in_loc, (int32_t)sizeof in_loc, NULL,
			&err);
		if (U_FAILURE(err))
			snprintf(in_loc, sizeof in_loc, "en");
	}
	name = icu_name(loc, in_loc);
	if (name != NULL)
		return name;
	for (i = 0; in == NULL && i < COUNT(own_names); i++)
		if (tag_starts(l.tag, own_names[i].tag))
			return xstrdup(own_names[i].name);
	name = icu_name(loc, "en");
	return name != NULL ? name : xstrdup(l.tag);
}

char *
lang_menu_name(const char *tag)
{
	char *name = lang_name(tag, NULL), loc[ULOC_FULLNAME_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	UCaseMap *csm;
	struct lang l;
	char *out;
	int32_t n;

	lang_init(&l, tag);
	uloc_forLanguageTag(l.tag, loc, (int32_t)sizeof loc, NULL, &err);
	/* A tag ICU has no name for stays a tag: "qaa". */
	if (U_FAILURE(err) || strcmp(name, l.tag) == 0)
		return name;
	/*
	 * The first letter only, as Android's language picker does: the
	 * rest stays as CLDR has it ("Norsk bokmål", "Қазақ тілі").
	 */
	csm = ucasemap_open(loc,
		U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_LOWERCASE, &err);
	n = ucasemap_utf8ToTitle(csm, NULL, 0, name, -1, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR) {
		ucasemap_close(csm);
		return name;
	}
	err = U_ZERO_ERROR;
	out = xmalloc((size_t)n + 1);
	ucasemap_utf8ToTitle(csm, out, n + 1, name, -1, &err);
	ucasemap_close(csm);
	if (U_FAILURE(err)) {
		free(out);
		return name;
	}
	free(name);
	return out;
}
