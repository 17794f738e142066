/* langtag.c - how near a language tag someone typed is to a PO file's tag.
 */
#include "input/langtag.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

int
langtag_plausible(const char *tag)
{
	size_t n = strspn(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
			       "VWXYZ0123456789-_");

	return n > 0 && n < 36 && tag[n] == '\0';
}

/* The parts of tag filled out with likely subtags; 0 if ICU refuses it. */
static int
maximize(const char *tag, char lang[16], char script[16], char region[16])
{
	char bcp[64], id[ULOC_FULLNAME_CAPACITY], max[ULOC_FULLNAME_CAPACITY];
	UErrorCode err = U_ZERO_ERROR;
	char *p;

	g_strlcpy(bcp, tag, sizeof bcp);
	for (p = bcp; *p != '\0'; p++)
		if (*p == '_')
			*p = '-';
	uloc_forLanguageTag(bcp, id, sizeof id, NULL, &err);
	uloc_addLikelySubtags(id, max, sizeof max, &err);
	uloc_getLanguage(max, lang, 16, &err);
	uloc_getScript(max, script, 16, &err);
	uloc_getCountry(max, region, 16, &err);
	return U_SUCCESS(err) && lang[0] != '\0';
}

enum langtag_match
langtag_match(const char *wanted, const char *have)
{
	char wl[16], ws[16], wr[16], hl[16], hs[16], hr[16];
	char *a, *b;
	int same;

	/* ICU takes "" for the root, which is likely English. */
	if (!langtag_plausible(wanted) || !langtag_plausible(have))
		return LANGTAG_NONE;
	a = g_ascii_strdown(wanted, -1);
	b = g_ascii_strdown(have, -1);

	g_strdelimit(a, "_", '-');
	g_strdelimit(b, "_", '-');
	same = strcmp(a, b) == 0;
	g_free(a);
	g_free(b);
	if (same)
		return LANGTAG_SAME;
	if (!maximize(wanted, wl, ws, wr) || !maximize(have, hl, hs, hr) ||
		strcmp(wl, hl) != 0 || strcmp(ws, hs) != 0)
		return LANGTAG_NONE;
	return strcmp(wr, hr) == 0 ? LANGTAG_LIKELY : LANGTAG_SCRIPT;
}

int
langtag_of_region(const char *tag, char likely[64], char region[64])
{
	char id[16], max[ULOC_FULLNAME_CAPACITY];
	UChar name[64];
	UErrorCode err = U_ZERO_ERROR;
	int32_t n;

	if (strlen(tag) != 2 || !g_ascii_isalpha(tag[0]) ||
		!g_ascii_isalpha(tag[1]))
		return 0;
	snprintf(id, sizeof id, "und_%c%c", g_ascii_toupper(tag[0]),
		g_ascii_toupper(tag[1]));
	if (uloc_getISO3Country(id)[0] == '\0')
		return 0;
	uloc_addLikelySubtags(id, max, sizeof max, &err);
	uloc_toLanguageTag(max, likely, 64, 0, &err);
	n = uloc_getDisplayCountry(id, "en", name, 64, &err);
	u_strToUTF8(region, 64, NULL, name, n, &err);
	return U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING &&
	       likely[0] != '\0' && region[0] != '\0';
}
