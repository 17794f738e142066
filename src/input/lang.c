/* lang.c - direction, casing, cursiveness and fonts per language. */
#include "input/lang.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

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
