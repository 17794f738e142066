/*
 * fuzz-text.c - typed text (a city, an event) through the edge check, the
 * placeholders, capitals in every casing rule, and file-name slugs. The
 * first byte picks the language.
 */
#include <glib.h>
#include <stdlib.h>

#include "fuzz.h"
#include "input/lang.h"
#include "layout/text.h"
#include "run/job.h"
#include "run/slug.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const tags[] = { "en", "uk", "crh-Latn", "tr", "az",
		"el", "hy", "ar", "he", "ja", "ko", "zh-Hans", "th", "lt", "de",
		"ka" };
	struct diag d = { 0 };
	struct lang l;
	char *s, *out;

	if (size == 0)
		return 0;
	lang_init(&l, tags[data[0] % (sizeof tags / sizeof tags[0])]);
	s = fuzz_string(data + 1, size - 1);
	if (job_check_text(s, "--city", &d) == 0) {
		struct text_values v = { 0 };

		v.city = s;
		v.hashtag = "#LIBERATECRIMEA";
		out = text_expand("{city} stands with Crimea {hashtag}", &v,
			l.rtl, &d);
		free(out);
		out = text_upper(s, &l);
		free(out);
		out = slug_new(s);
		free(out);
	}
	/* A translation as a template: the catalog checked its UTF-8. */
	d = (struct diag){ 0 };
	if (g_utf8_validate(s, -1, NULL)) {
		struct text_values v = { 0 };

		v.city = "Київ";
		v.hashtag = "#LIBERATECRIMEA";
		out = text_expand(s, &v, 1, &d);
		free(out);
	}
	free(s);
	return 0;
}
