/* lang.h - what a BCP 47 language tag implies for typesetting. */
#ifndef BAYRAQ_LANG_H
#define BAYRAQ_LANG_H

struct lang {
	char tag[36]; /* as in the PO header, "crh-Latn" */
	int rtl; /* right-to-left paragraphs */
	int turkic_casing; /* i -> İ and ı -> I when uppercasing */
	int cursive; /* joined script: never letter-space */
	const char *families; /* explicit font family list for the script */
};

/*
 * Fills l from a tag such as "uk", "crh-Latn", "zh-Hant" or "pt_BR".
 * Unknown languages get Latin defaults. Never fails.
 */
void lang_init(struct lang *l, const char *tag);

#endif
