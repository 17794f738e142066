/* lang.h - what a BCP 47 language tag implies for typesetting. */
#ifndef BAYRAQ_LANG_H
#define BAYRAQ_LANG_H

/* Where a line may break, within what the Unicode line-break rules allow. */
enum lang_breaks {
	LANG_BREAKS_UNICODE, /* wherever those rules allow */
	LANG_BREAKS_WORDS, /* between words (zh, ja, th: no spaces) */
	LANG_BREAKS_SPACES, /* at spaces only (ko: never inside a word) */
};

struct lang {
	char tag[36]; /* as in the PO header, "crh-Latn" */
	int rtl; /* right-to-left paragraphs */
	int turkic_casing; /* i -> İ and ı -> I when uppercasing */
	int cursive; /* joined script: never letter-space */
	enum lang_breaks breaks;
	const char *families; /* explicit font family list for the script */
};

/*
 * Fills l from a tag such as "uk", "crh-Latn", "zh-Hant" or "pt_BR".
 * Unknown languages get Latin defaults. Never fails.
 */
void lang_init(struct lang *l, const char *tag);

/*
 * The name of the language of tag in the language of tag `in` ("en"), or
 * in its own language with in NULL: "Українська", "Ukrainian", "日本語",
 * capitalized as in a menu. From ICU's CLDR data, with our own word where
 * CLDR has no data in the language itself (Crimean Tatar); else the name
 * in English, or the tag for a language unknown to ICU. free() it.
 */
char *lang_name(const char *tag, const char *in);

/*
 * The language's own name for a menu of languages, each in its own
 * language: lang_name(tag, NULL) with its first letter capitalized by the
 * language's own casing rules (ICU), "Polski", "Eesti", "Հայերեն", where
 * CLDR's own capitalization for menus (contextTransforms) has no data
 * and leaves "polski" beside "Español". free() it.
 */
char *lang_menu_name(const char *tag);

#endif
