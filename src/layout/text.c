/* text.c - slogan text: placeholders, isolates and capitals. */
#include "layout/text.h"

#include <glib.h>
#include <string.h>

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

static int
is_georgian(gunichar c)
{
	return (c >= 0x10A0 && c <= 0x10FF) || (c >= 0x2D00 && c <= 0x2D2F);
}

char *
text_upper(const char *s, const struct lang *l)
{
	GString *out = g_string_new(NULL);
	const char *p;
	char *res;

	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (l->turkic_casing && c == 'i')
			g_string_append_unichar(out, 0x0130);
		else if (l->turkic_casing && c == 0x0131)
			g_string_append_c(out, 'I');
		else if (c == 0x00DF)
			g_string_append(out, "SS");
		else if (is_georgian(c))
			g_string_append_unichar(out, c);
		else
			/* g_unichar_toupper is the locale-free simple mapping.
			 */
			g_string_append_unichar(out, g_unichar_toupper(c));
	}
	res = xstrdup(out->str);
	g_string_free(out, TRUE);
	return res;
}
