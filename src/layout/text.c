/* text.c - slogan text: placeholders, isolates and capitals. */
#include "layout/text.h"

#include <assert.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "base/xalloc.h"

#define FSI "\xe2\x81\xa8" /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9" /* U+2069 POP DIRECTIONAL ISOLATE */

static const char *
lookup(const struct text_values *v, const char *name, size_t n)
{
	const char *const *m;

	if (n == 4 && strncmp(name, "city", 4) == 0)
		return v->city;
	if (n == 7 && strncmp(name, "hashtag", 7) == 0)
		return v->hashtag;
	for (m = v->more; m != NULL && m[0] != NULL; m += 2)
		if (strlen(m[0]) == n && strncmp(name, m[0], n) == 0)
			return m[1];
	return NULL;
}

char *
text_expand(const char *tmpl, const struct text_values *v, int isolate,
	struct diag *d)
{
	GString *out = g_string_new(NULL);
	const char *p = tmpl;
	char *res;

	while (*p != '\0') {
		const char *close, *value = NULL;
		size_t n;

		if ((p[0] == '{' && p[1] == '{') ||
			(p[0] == '}' && p[1] == '}')) {
			g_string_append_c(out, p[0]);
			p += 2;
			continue;
		}
		if (*p != '{') {
			g_string_append_c(out, *p++);
			continue;
		}
		close = strchr(p, '}');
		if (close == NULL)
			goto bad;
		n = (size_t)(close - p - 1);
		value = lookup(v, p + 1, n);
		if (value == NULL)
			goto bad;
		if (isolate)
			g_string_append(out, FSI);
		g_string_append(out, value);
		if (isolate)
			g_string_append(out, PDI);
		p = close + 1;
	}
	res = xstrdup(out->str);
	g_string_free(out, TRUE);
	return res;
bad:
	diag_set(d, DIAG_FORMAT, "unknown placeholder in '%.80s'", tmpl);
	g_string_free(out, TRUE);
	return NULL;
}

/*
 * Georgian has capitals (Mtavruli) since Unicode 11, and ICU maps to them,
 * but they are not used in running display text: keep Mkhedruli.
 */
static int
is_georgian(UChar32 c)
{
	return (c >= 0x10A0 && c <= 0x10FF) || (c >= 0x2D00 && c <= 0x2D2F);
}

/* Appends UTF-16 u[0..n) to out as UTF-8. */
static void
append_utf16(GString *out, const UChar *u, int32_t n)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t len;
	char *utf8;

	u_strToUTF8(NULL, 0, &len, u, n, &err);
	utf8 = xcalloc((size_t)len + 1, 1);
	err = U_ZERO_ERROR;
	u_strToUTF8(utf8, len + 1, NULL, u, n, &err);
	g_string_append(out, utf8);
	free(utf8);
}

/* Appends the capitals of u[0..n) to out, with ICU's rules for locale. */
static void
append_upper(GString *out, const UChar *u, int32_t n, const char *locale)
{
	UErrorCode err = U_ZERO_ERROR;
	/* Full case mapping gives at most three for one (ΐ: Ι, two accents). */
	int32_t len, size = n * 3 + 1;
	UChar *up = xcalloc((size_t)size, sizeof *up);

	len = u_strToUpper(up, size, u, n, locale, &err);
	assert(U_SUCCESS(err));
	append_utf16(out, up, len);
	free(up);
}

char *
text_upper(const char *s, const struct lang *l)
{
	/* ICU knows tr and az; Crimean Tatar dots its i the same way. */
	const char *locale = l->turkic_casing ? "tr" : l->tag;
	GString *out = g_string_new(NULL);
	UErrorCode err = U_ZERO_ERROR;
	int32_t n, i, run;
	UChar *u;
	char *res;

	/* Text is checked UTF-8 when it comes in; U+FFFD just in case. */
	u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &err);
	u = xcalloc((size_t)n + 1, sizeof *u);
	err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, n + 1, NULL, s, -1, 0xFFFD, NULL, &err);
	for (i = 0; i < n; i = run) {
		UChar32 c;
		int32_t next = i;
		int georgian;

		U16_NEXT(u, next, n, c);
		georgian = is_georgian(c);
		for (run = next; run < n; run = next) {
			U16_NEXT(u, next, n, c);
			if (is_georgian(c) != georgian)
				break;
		}
		if (georgian)
			append_utf16(out, u + i, run - i);
		else
			append_upper(out, u + i, run - i, locale);
	}
	free(u);
	res = xstrdup(out->str);
	g_string_free(out, TRUE);
	return res;
}
