/* slug.c - safe, predictable file name parts from text in any script. */
#include "run/slug.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "base/xalloc.h"

struct romanization {
	gunichar c;
	const char *latin;
	const char *initial; /* at the start of a word, if different */
};

/* Ukrainian national system (2010), with Russian and Belarusian letters. */
static const struct romanization cyrillic[] = {
	{ 0x0430, "a", NULL },
	{ 0x0431, "b", NULL },
	{ 0x0432, "v", NULL },
	{ 0x0433, "h", NULL },
	{ 0x0491, "g", NULL },
	{ 0x0434, "d", NULL },
	{ 0x0435, "e", NULL },
	{ 0x0454, "ie", "ye" },
	{ 0x0436, "zh", NULL },
	{ 0x0437, "z", NULL },
	{ 0x0438, "y", NULL },
	{ 0x0456, "i", NULL },
	{ 0x0457, "i", "yi" },
	{ 0x0439, "i", "y" },
	{ 0x043A, "k", NULL },
	{ 0x043B, "l", NULL },
	{ 0x043C, "m", NULL },
	{ 0x043D, "n", NULL },
	{ 0x043E, "o", NULL },
	{ 0x043F, "p", NULL },
	{ 0x0440, "r", NULL },
	{ 0x0441, "s", NULL },
	{ 0x0442, "t", NULL },
	{ 0x0443, "u", NULL },
	{ 0x0444, "f", NULL },
	{ 0x0445, "kh", NULL },
	{ 0x0446, "ts", NULL },
	{ 0x0447, "ch", NULL },
	{ 0x0448, "sh", NULL },
	{ 0x0449, "shch", NULL },
	{ 0x044C, "", NULL },
	{ 0x044E, "iu", "yu" },
	{ 0x044F, "ia", "ya" },
	{ 0x0451, "yo", NULL },
	{ 0x044B, "y", NULL },
	{ 0x044D, "e", NULL },
	{ 0x044A, "", NULL },
	{ 0x045E, "u", NULL },
	{ 0x2019, "", NULL },
	{ 0x02BC, "", NULL },
	{ '\'', "", NULL },
};

/* Georgian national system (2002). */
static const struct romanization georgian[] = {
	{ 0x10D0, "a", NULL },
	{ 0x10D1, "b", NULL },
	{ 0x10D2, "g", NULL },
	{ 0x10D3, "d", NULL },
	{ 0x10D4, "e", NULL },
	{ 0x10D5, "v", NULL },
	{ 0x10D6, "z", NULL },
	{ 0x10D7, "t", NULL },
	{ 0x10D8, "i", NULL },
	{ 0x10D9, "k", NULL },
	{ 0x10DA, "l", NULL },
	{ 0x10DB, "m", NULL },
	{ 0x10DC, "n", NULL },
	{ 0x10DD, "o", NULL },
	{ 0x10DE, "p", NULL },
	{ 0x10DF, "zh", NULL },
	{ 0x10E0, "r", NULL },
	{ 0x10E1, "s", NULL },
	{ 0x10E2, "t", NULL },
	{ 0x10E3, "u", NULL },
	{ 0x10E4, "p", NULL },
	{ 0x10E5, "k", NULL },
	{ 0x10E6, "gh", NULL },
	{ 0x10E7, "q", NULL },
	{ 0x10E8, "sh", NULL },
	{ 0x10E9, "ch", NULL },
	{ 0x10EA, "ts", NULL },
	{ 0x10EB, "dz", NULL },
	{ 0x10EC, "ts", NULL },
	{ 0x10ED, "ch", NULL },
	{ 0x10EE, "kh", NULL },
	{ 0x10EF, "j", NULL },
	{ 0x10F0, "h", NULL },
};

static const struct romanization *
romanize(gunichar c)
{
	const struct romanization *table = cyrillic;
	size_t i, n = G_N_ELEMENTS(cyrillic);

	if (c >= 0x10D0 && c <= 0x10F0) {
		table = georgian;
		n = G_N_ELEMENTS(georgian);
	}
	for (i = 0; i < n; i++)
		if (table[i].c == c)
			return &table[i];
	return NULL;
}

/*
 * Writes the rest in Latin letters with ICU: Greek by the Greek standard
 * (ELOT 743, as UNGEGN), every other script by ICU's general rules, and
 * Latin diacritics dropped ("Kraków" becomes "Krakow"). A transliterator
 * is not for two threads at once, so each call opens its own: ICU keeps
 * the parsed rules after the first open (tens of ms, once a process), and
 * the next ones take a fraction of a millisecond. NULL if ICU cannot.
 */
static char *
to_latin(const char *s)
{
	static const char id[] = "Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII";
	UErrorCode err = U_ZERO_ERROR;
	UChar uid[sizeof id], *u = NULL;
	UTransliterator *tr;
	int32_t n, len, limit, size;
	char *res = NULL;

	u_charsToUChars(id, uid, (int32_t)sizeof id);
	tr = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
	u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		goto done;
	err = U_ZERO_ERROR;
	/* Room to grow: one Han character gives a syllable such as "zhuang". */
	size = n * 8 + 16;
	u = xcalloc((size_t)size, sizeof *u);
	u_strFromUTF8WithSub(u, size, &len, s, -1, 0xFFFD, NULL, &err);
	limit = len;
	utrans_transUChars(tr, u, &len, size, 0, &limit, &err);
	if (U_FAILURE(err))
		goto done;
	u_strToUTF8(NULL, 0, &n, u, len, &err);
	err = U_ZERO_ERROR;
	res = xcalloc((size_t)n + 1, 1);
	u_strToUTF8(res, n + 1, NULL, u, len, &err);
done:
	free(u);
	if (tr != NULL)
		utrans_close(tr);
	return res;
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

char *
slug_new(const char *s)
{
	GString *ascii = g_string_new(NULL);
	GString *out = g_string_new(NULL);
	char *lower = g_utf8_strdown(s, -1), *latin = NULL, *res;
	const char *p;
	int word_start = 1;
	size_t i;

	for (p = lower; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const struct romanization *r = romanize(c);

		if (r != NULL)
			g_string_append(ascii, word_start && r->initial != NULL
						       ? r->initial
						       : r->latin);
		else
			g_string_append_unichar(ascii, c);
		word_start = !g_unichar_isalnum(c) && r == NULL;
	}
	if (!is_ascii(ascii->str))
		latin = to_latin(ascii->str);
	if (latin == NULL)
		latin = xstrdup(ascii->str);
	for (i = 0; latin[i] != '\0'; i++) {
		char c = g_ascii_tolower(latin[i]);

		if (g_ascii_isalnum(c))
			g_string_append_c(out, c);
		else if (out->len > 0 && out->str[out->len - 1] != '-')
			g_string_append_c(out, '-');
	}
	while (out->len > 0 && out->str[out->len - 1] == '-')
		g_string_truncate(out, out->len - 1);
	if (out->len > 60)
		g_string_truncate(out, 60);
	res = xstrdup(out->str);
	free(latin);
	g_free(lower);
	g_string_free(ascii, TRUE);
	g_string_free(out, TRUE);
	return res;
}
