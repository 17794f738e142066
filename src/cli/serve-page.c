/* serve-page.c - bayraq serve's page in every language, and its lists as JSON.
 */
#include "cli/serve.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/catalog.h"
#include "input/design.h"
#include "input/flags.h"
#include "input/lang.h"
#include "input/langtag.h"
#include "input/paper.h"
#include "run/job.h"

struct page {
	char *tag; /* the locales/ file's tag: "crh" */
	GString *html;
};

struct serve_pages {
	struct page *pages;
	size_t count;
	size_t fallback; /* English */
	char *json;
	size_t json_size;
};

/* What a page is made from. */
struct page_input {
	struct library *lib;
	char **tags;
	const struct catalog *cat, *en;
	const char *tag;
	const struct flags *flags;
	char **designs;
};

const struct serve_asset *
serve_asset_lookup(const char *name)
{
	size_t i;

	for (i = 0; serve_assets[i].name != NULL; i++)
		if (strcmp(serve_assets[i].name, name) == 0)
			return &serve_assets[i];
	return NULL;
}

/* The language's own name, from ICU ("Українська"), not Language-Team. */
static char *
own_name(const struct catalog *cat)
{
	return lang_name(catalog_language(cat), NULL);
}

static void
add_escaped(GString *out, const char *text)
{
	char *esc = g_markup_escape_text(text, -1);

	g_string_append(out, esc);
	g_free(esc);
}

static void
language_options(GString *out, const struct page_input *in)
{
	size_t i;

	for (i = 0; in->tags[i] != NULL; i++) {
		struct diag d = { 0 };
		const struct catalog *cat =
			library_catalog(in->lib, in->tags[i], &d);
		char *name;

		if (cat == NULL)
			continue;
		/* Each in its own language: "Polski" beside "Español". */
		name = lang_menu_name(catalog_language(cat));
		g_string_append_printf(out,
			"<option value=\"%s\" lang=\"%s\"%s>", in->tags[i],
			catalog_language(cat),
			strcmp(in->tags[i], in->tag) == 0 ? " selected" : "");
		add_escaped(out, name);
		g_string_append(out, "</option>");
		free(name);
	}
}

/*
 * A design's name for people, web-design-name-FOLDER in the page's
 * language ("Hand-held sign"), else in English, else its folder's name.
 */
static void
add_design_name(GString *out, const struct page_input *in, const char *design)
{
	struct diag d = { 0 };
	char *key = g_strconcat("web-design-name-", design, NULL);
	const char *text = catalog_text(in->cat, key, &d);

	if (text == NULL)
		text = catalog_text(in->en, key, &d);
	add_escaped(out, text != NULL ? text : design);
	g_free(key);
}

/* A radio button per design, its name and its thumbnail in the label. */
static void
design_options(GString *out, const struct page_input *in)
{
	size_t i, chosen = 0;

	for (i = 0; in->designs[i] != NULL; i++)
		if (strcmp(in->designs[i], JOB_DEFAULT_DESIGN) == 0)
			chosen = i;
	for (i = 0; in->designs[i] != NULL; i++) {
		char *url = g_uri_escape_string(in->designs[i], NULL, FALSE);

		g_string_append(out, "<label class=\"design\" for=\"design-");
		add_escaped(out, in->designs[i]);
		g_string_append(out, "\"><input type=\"radio\" name=\"design\" "
				     "id=\"design-");
		add_escaped(out, in->designs[i]);
		g_string_append(out, "\" value=\"");
		add_escaped(out, in->designs[i]);
		g_string_append_printf(out,
			"\"%s><img src=\"/thumbnail?design=%s\" "
			"alt=\"\"><span>",
			i == chosen ? " checked" : "", url);
		add_design_name(out, in, in->designs[i]);
		g_string_append(out, "</span></label>");
		g_free(url);
	}
}

static void
country_options(GString *out, const struct page_input *in)
{
	const char *const *codes = flags_country_codes(in->flags);
	char name[160];
	size_t i;

	for (i = 0; codes[i] != NULL; i++) {
		/* Never a host flag: job_resolve() says why, if typed. */
		if (strcmp(codes[i], "RU") == 0)
			continue;
		/* In the page's language where ICU has it: "Polen (PL)". */
		flags_country_local_name(in->flags, codes[i], in->tag, name,
			sizeof name);
		g_string_append(out, "<option value=\"");
		add_escaped(out, name);
		g_string_append_printf(out, " (%s)\"></option>", codes[i]);
	}
}

static void add_text(GString *out, const struct page_input *in,
	const char *key);

/* "A2: 420 x 594 mm, poster" in the page's language; a size named by us
 * (banner-3x1m) by its dimensions only, as the word says what it is. */
static void
size_options(GString *out, const struct page_input *in)
{
	char desc[96], dims[48], key[32];
	const char *name, *use;
	int own_name;
	size_t i;

	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++) {
		use = paper_named_use(i, dims, sizeof dims, &own_name);
		g_string_append_printf(out, "<option value=\"%s\"%s>", name,
			strcmp(name, "A2") == 0 ? " selected" : "");
		/*
		 * The name and the measures isolated, left to right: on a
		 * right-to-left page "A2: 420" became "A2 :420".
		 */
		g_string_append(out, "&#x2066;");
		if (own_name)
			g_string_append_printf(out, "%s: ", name);
		snprintf(key, sizeof key, "web-size-%s", use);
		g_string_append_printf(out, "%s&#x2069;, ", dims);
		add_text(out, in, key);
		g_string_append(out, "</option>");
	}
}

/* The slogans, each named by itself in the page's language. */
static void
slogan_options(GString *out, const struct page_input *in)
{
	size_t i;

	for (i = 0; design_slogans[i] != NULL; i++) {
		struct diag d = { 0 };
		const char *text = catalog_text(in->cat, design_slogans[i], &d);

		g_string_append_printf(out, "<option value=\"%s\"%s>",
			design_slogans[i],
			strcmp(design_slogans[i], DESIGN_DEFAULT_SLOGAN) == 0
				? " selected"
				: "");
		add_escaped(out, text != NULL ? text : design_slogans[i]);
		g_string_append(out, "</option>");
	}
}

/* A web-* text in the page's language, else in English, else the key. */
static void
add_text(GString *out, const struct page_input *in, const char *key)
{
	struct diag d = { 0 };
	const char *text = catalog_text(in->cat, key, &d);

	if (text == NULL)
		text = catalog_text(in->en, key, &d);
	add_escaped(out, text != NULL ? text : key);
}

static void
add_token(GString *out, const struct page_input *in, const char *token)
{
	struct lang l;

	lang_init(&l, catalog_language(in->cat));
	if (strcmp(token, "lang") == 0)
		g_string_append(out, catalog_language(in->cat));
	else if (strcmp(token, "dir") == 0)
		g_string_append(out, l.rtl ? "rtl" : "ltr");
	else if (strcmp(token, "language-options") == 0)
		language_options(out, in);
	else if (strcmp(token, "design-options") == 0)
		design_options(out, in);
	else if (strcmp(token, "country-options") == 0)
		country_options(out, in);
	else if (strcmp(token, "size-options") == 0)
		size_options(out, in);
	else if (strcmp(token, "slogan-options") == 0)
		slogan_options(out, in);
	else
		add_text(out, in, token);
}

/* index.html with every {{token}} filled in. */
static GString *
page_html(const struct page_input *in)
{
	const struct serve_asset *a = serve_asset_lookup("index.html");
	const char *p = (const char *)a->data, *open, *close;
	GString *out = g_string_sized_new(a->size * 4);

	while ((open = strstr(p, "{{")) != NULL &&
		(close = strstr(open, "}}")) != NULL) {
		char *token = xstrndup(open + 2, (size_t)(close - open - 2));

		g_string_append_len(out, p, open - p);
		add_token(out, in, token);
		free(token);
		p = close + 2;
	}
	g_string_append(out, p);
	return out;
}

static void
json_languages(JsonBuilder *b, const struct page_input *in)
{
	size_t i;

	json_builder_set_member_name(b, "languages");
	json_builder_begin_array(b);
	for (i = 0; in->tags[i] != NULL; i++) {
		struct diag d = { 0 };
		const struct catalog *cat =
			library_catalog(in->lib, in->tags[i], &d);
		struct lang l;
		char *name, *english;

		if (cat == NULL)
			continue;
		lang_init(&l, catalog_language(cat));
		name = own_name(cat);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "tag");
		json_builder_add_string_value(b, in->tags[i]);
		json_builder_set_member_name(b, "language");
		json_builder_add_string_value(b, catalog_language(cat));
		json_builder_set_member_name(b, "name");
		json_builder_add_string_value(b, name);
		json_builder_set_member_name(b, "english");
		english = lang_name(catalog_language(cat), "en");
		json_builder_add_string_value(b, english);
		free(english);
		json_builder_set_member_name(b, "dir");
		json_builder_add_string_value(b, l.rtl ? "rtl" : "ltr");
		json_builder_end_object(b);
		free(name);
	}
	json_builder_end_array(b);
}

static void
json_lists(JsonBuilder *b, const struct page_input *in)
{
	const char *const *codes = flags_country_codes(in->flags);
	const char *name;
	char desc[96];
	size_t i;

	json_builder_set_member_name(b, "designs");
	json_builder_begin_array(b);
	for (i = 0; in->designs[i] != NULL; i++)
		json_builder_add_string_value(b, in->designs[i]);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "countries");
	json_builder_begin_array(b);
	for (i = 0; codes[i] != NULL; i++) {
		if (strcmp(codes[i], "RU") == 0)
			continue;
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "code");
		json_builder_add_string_value(b, codes[i]);
		json_builder_set_member_name(b, "name");
		json_builder_add_string_value(b,
			flags_country_name(in->flags, codes[i]));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, "sizes");
	json_builder_begin_array(b);
	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++) {
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "name");
		json_builder_add_string_value(b, name);
		json_builder_set_member_name(b, "description");
		json_builder_add_string_value(b, desc);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static char *
options_json(const struct page_input *in, size_t *size)
{
	JsonBuilder *b = json_builder_new();
	JsonGenerator *gen = json_generator_new();
	JsonNode *root;
	gsize len;
	char *text;

	json_builder_begin_object(b);
	json_lists(b, in);
	json_languages(b, in);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	text = json_generator_to_data(gen, &len);
	*size = len;
	json_node_unref(root);
	g_object_unref(gen);
	g_object_unref(b);
	return text;
}

struct serve_pages *
serve_pages_new(struct library *lib, struct diag *d)
{
	struct serve_pages *pg = xcalloc(1, sizeof *pg);
	const struct paths *paths = library_paths(lib);
	struct page_input in = { lib, library_finished_languages(lib), NULL,
		NULL, NULL, NULL, design_names(paths->designs) };
	size_t i, n;

	in.flags = library_flags(lib, d);
	in.en = library_catalog(lib, "en", d);
	if (in.flags == NULL || in.en == NULL)
		goto fail;
	for (n = 0; in.tags[n] != NULL; n++)
		;
	pg->pages = xcalloc(n + 1, sizeof *pg->pages);
	for (i = 0; i < n; i++) {
		in.cat = library_catalog(lib, in.tags[i], d);
		if (in.cat == NULL)
			goto fail;
		in.tag = in.tags[i];
		pg->pages[pg->count].tag = xstrdup(in.tags[i]);
		pg->pages[pg->count].html = page_html(&in);
		if (strcmp(in.tags[i], "en") == 0)
			pg->fallback = pg->count;
		pg->count++;
	}
	pg->json = options_json(&in, &pg->json_size);
	library_languages_free(in.tags);
	design_names_free(in.designs);
	return pg;
fail:
	library_languages_free(in.tags);
	design_names_free(in.designs);
	serve_pages_free(pg);
	return NULL;
}

void
serve_pages_free(struct serve_pages *pg)
{
	size_t i;

	if (pg == NULL)
		return;
	for (i = 0; i < pg->count; i++) {
		free(pg->pages[i].tag);
		g_string_free(pg->pages[i].html, TRUE);
	}
	free(pg->pages);
	g_free(pg->json);
	free(pg);
}

/* Whether the page's tag is the first len bytes of tag; "pt_br" is "pt-BR". */
static int
same_tag(const char *page, const char *tag, size_t len)
{
	size_t i;

	if (strlen(page) != len)
		return 0;
	for (i = 0; i < len; i++) {
		char a = page[i] == '_' ? '-' : page[i];
		char b = tag[i] == '_' ? '-' : tag[i];

		if (g_ascii_tolower(a) != g_ascii_tolower(b))
			return 0;
	}
	return 1;
}

/*
 * The page for tag "pt-BR", "uk-UA" or "crh-Latn", or -1. As RFC 4647's
 * lookup: the whole tag, then without its last subtag, and so on
 * ("pt-BR-x" -> "pt-BR" -> "pt"); else the page nearest in ICU's likely
 * subtags (langtag_match: "zh-TW" -> "zh-Hant"); else a page of the same
 * language ("pt" -> "pt-BR").
 */
static long
page_index(const struct serve_pages *pg, const char *tag, size_t len)
{
	size_t i, n = len, primary = strcspn(tag, "-_");

	while (n > 0) {
		for (i = 0; i < pg->count; i++)
			if (same_tag(pg->pages[i].tag, tag, n))
				return (long)i;
		while (n > 0 && tag[n - 1] != '-' && tag[n - 1] != '_')
			n--;
		if (n > 0)
			n--;
	}
	if (primary > len)
		primary = len;
	/* zh-TW: zh-Hant, not the first zh page; as --lang finds it. */
	if (len < 36) {
		char typed[36];
		enum langtag_match m, best = LANGTAG_NONE;
		long found = -1;

		memcpy(typed, tag, len);
		typed[len] = '\0';
		for (i = 0; i < pg->count; i++) {
			m = langtag_match(typed, pg->pages[i].tag);
			if (m > best) {
				best = m;
				found = (long)i;
			}
		}
		if (found >= 0)
			return found;
	}
	for (i = 0; i < pg->count; i++)
		if (strcspn(pg->pages[i].tag, "-_") == primary &&
			g_ascii_strncasecmp(pg->pages[i].tag, tag, primary) ==
				0)
			return (long)i;
	return -1;
}

/* The best of "de-CH, fr;q=0.8, *;q=0.5" that has a page, or -1. */
static long
accepted(const struct serve_pages *pg, const char *accept)
{
	double best_q = 0;
	long best = -1;

	while (accept != NULL && *accept != '\0') {
		size_t n = strcspn(accept, ",");
		char *item = g_strstrip(xstrndup(accept, n));
		char *semi = strchr(item, ';');
		double q = 1;
		long i;

		if (semi != NULL) {
			*semi = '\0';
			if (strncmp(g_strstrip(semi + 1), "q=", 2) == 0)
				q = g_ascii_strtod(g_strstrip(semi + 1) + 2,
					NULL);
		}
		i = page_index(pg, g_strstrip(item), strlen(item));
		if (i >= 0 && q > best_q) {
			best_q = q;
			best = i;
		}
		free(item);
		accept += n;
		if (*accept == ',')
			accept++;
	}
	return best;
}

const char *
serve_page(const struct serve_pages *pg, const char *ui, const char *accept,
	size_t *size)
{
	long i = ui != NULL ? page_index(pg, ui, strlen(ui)) : -1;

	if (i < 0)
		i = accepted(pg, accept);
	if (i < 0)
		i = (long)pg->fallback;
	*size = pg->pages[i].html->len;
	return pg->pages[i].html->str;
}

const char *
serve_options_json(const struct serve_pages *pg, size_t *size)
{
	*size = pg->json_size;
	return pg->json;
}
