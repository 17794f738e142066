/* flags.c - flag lookup: our own ua and crh, host flags from the pinned set. */
#include "input/flags.h"

#include <strings.h>
#include <sys/types.h>
#include <json-glib/json-glib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/utf16.h>

#include "base/nearest.h"
#include "base/xalloc.h"

/* A flag of the set, with what it is called. */
struct country {
	char *code; /* "PL", "EU", "GB-SCT" */
	char *alpha3; /* "POL", or NULL */
	char *name; /* the current English name: "Eswatini" */
	char *alt[3]; /* official, the set's own (older), ISO's formal */
	int icu; /* 1: ICU names it in every language; -1: withdrawn (AN) */
};

/* A name, folded for matching, and the flag it names. */
struct name_entry {
	char *key; /* "polska" */
	char *shown; /* "Polska" */
	size_t country;
};

struct flags {
	char *own_dir;
	char *set_dir;
	struct country *countries; /* sorted by code */
	size_t count;
	char **codes; /* borrowed from countries; NULL-terminated */
	GHashTable *by_code; /* "PL", "UK", "GB-SCT" -> index + 1 */

	/*
	 * iso-codes' names and alpha-3 codes, read by the first call that
	 * needs them (under iso_lock), then read-only: a PNG of a banner
	 * names no country, and parsing iso-codes with json-glib was an
	 * eighth of a small render.
	 */
	char *iso_dir;
	int iso_ready;
	GHashTable *by_alpha3; /* "POL" -> index + 1 */
	pthread_mutex_t iso_lock;
	char **langs; /* also indexed in Latin letters */

	/*
	 * Built by the first lookup by name (under names_lock), then
	 * read-only: 0 is English and the shipped languages, 1 every other
	 * language ICU has (slower, so only made when 0 does not know a name).
	 * pthread locks, not GLib's: ThreadSanitizer sees them.
	 */
	struct {
		int ready;
		GPtrArray *names; /* struct name_entry, strongest first */
		GHashTable *by_name; /* key -> struct name_entry */
	} stage[2];
	pthread_mutex_t names_lock;
	UTransliterator *latin; /* used under latin_lock; made by stage 0 */
	pthread_mutex_t latin_lock;
};

/* Codes people use that ISO 3166-1 does not: the EU's EL, the UK. */
static const struct {
	const char *alias, *code;
} code_aliases[] = { { "UK", "GB" }, { "EL", "GR" }, { "GB-CYM", "GB-WLS" } };

/* Names that neither iso-codes nor ICU gives: endonyms of subdivisions. */
static const struct {
	const char *name, *code;
} name_aliases[] = { { "Great Britain", "GB" }, { "Britain", "GB" },
	{ "Holland", "NL" }, { "Alba", "GB-SCT" }, { "Cymru", "GB-WLS" } };

static const char russia_refused[] =
	"the flag of the Russian Federation is never a host flag on these "
	"banners; give the country you demonstrate in, or UA";

static struct flags *iso_named(const struct flags *cfl);

static int
cmp_country(const void *a, const void *b)
{
	return strcmp(((const struct country *)a)->code,
		((const struct country *)b)->code);
}

static ssize_t
code_index(const struct flags *fl, const char *code)
{
	struct country key = { .code = (char *)code };
	struct country *hit;

	if (fl->count == 0)
		return -1;
	hit = bsearch(&key, fl->countries, fl->count, sizeof *fl->countries,
		cmp_country);
	return hit == NULL ? -1 : hit - fl->countries;
}

static char *
utf16_to_utf8(const UChar *s, int32_t n)
{
	char *out = g_utf16_to_utf8((const gunichar2 *)s, n, NULL, NULL, NULL);

	return out != NULL ? out : g_strdup("");
}

/*
 * "Côte d’Ivoire" -> "cote d ivoire": no case, no accents, one space
 * between words, so that what people type matches however they type it.
 */
static char *
fold_key(const UChar *s, int32_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&e);
	int32_t cap = n * 4 + 16, len, i = 0;
	UChar *norm = g_new(UChar, cap);
	GString *out = g_string_new(NULL);
	int space = 0;

	len = U_SUCCESS(e) ? unorm2_normalize(nfkd, s, n, norm, cap, &e) : 0;
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		e = U_ZERO_ERROR;
		cap = len + 1;
		norm = g_renew(UChar, norm, cap);
		len = unorm2_normalize(nfkd, s, n, norm, cap, &e);
	}
	if (U_FAILURE(e))
		len = 0;
	while (i < len) {
		UChar32 c;
		int8_t type;

		U16_NEXT(norm, i, len, c);
		type = u_charType(c);
		if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK)
			continue;
		if (!u_isalnum(c) && type != U_COMBINING_SPACING_MARK) {
			space = 1;
			continue;
		}
		if (space && out->len > 0)
			g_string_append_c(out, ' ');
		space = 0;
		g_string_append_unichar(out,
			(gunichar)u_foldCase(c, U_FOLD_CASE_DEFAULT));
	}
	g_free(norm);
	return g_string_free(out, FALSE);
}

static UChar *
to_utf16(const char *text, int32_t *n)
{
	glong len = 0;
	gunichar2 *s = g_utf8_to_utf16(text, -1, NULL, &len, NULL);

	*n = (int32_t)len;
	return (UChar *)s;
}

/* fold_key() of UTF-8 text; invalid UTF-8 folds to "". */
static char *
text_key(const char *text)
{
	int32_t n;
	UChar *s = to_utf16(text, &n);
	char *key = s != NULL ? fold_key(s, n) : g_strdup("");

	g_free(s);
	return key;
}

/* text_key() of text in Latin letters: "საქართველო" -> "sakartvelo". */
static char *
latin_key(struct flags *fl, const char *text)
{
	int32_t n, cap, limit;
	UChar *s = to_utf16(text, &n), *buf;
	UErrorCode e = U_ZERO_ERROR;
	char *key;

	if (s == NULL || fl->latin == NULL) {
		g_free(s);
		return g_strdup("");
	}
	/* CJK grows most: a syllable per character. */
	cap = n * 8 + 32;
	buf = g_new(UChar, cap);
	memcpy(buf, s, (size_t)n * sizeof *buf);
	limit = n;
	pthread_mutex_lock(&fl->latin_lock);
	utrans_transUChars(fl->latin, buf, &n, cap, 0, &limit, &e);
	pthread_mutex_unlock(&fl->latin_lock);
	key = U_SUCCESS(e) ? fold_key(buf, n) : g_strdup("");
	g_free(buf);
	g_free(s);
	return key;
}

static void
name_entry_free(void *p)
{
	struct name_entry *ne = p;

	g_free(ne->key);
	g_free(ne->shown);
	free(ne);
}

/* Adds key -> country to stage unless a stronger name has the key. */
static void
add_key(struct flags *fl, int stage, char *key, const char *shown,
	size_t country)
{
	struct name_entry *ne;
	int i;

	for (i = 0; i <= stage; i++)
		if (key[0] == '\0' ||
			g_hash_table_contains(fl->stage[i].by_name, key)) {
			g_free(key);
			return;
		}
	ne = xcalloc(1, sizeof *ne);
	ne->key = key;
	ne->shown = g_strdup(shown);
	ne->country = country;
	g_ptr_array_add(fl->stage[stage].names, ne);
	g_hash_table_insert(fl->stage[stage].by_name, ne->key, ne);
}

/* A name and its parts: "Myanmar (Burma)" is also "Myanmar" and "Burma". */
static void
add_name(struct flags *fl, int stage, const char *name, size_t country,
	int latin)
{
	const char *open = strstr(name, " (");

	add_key(fl, stage, text_key(name), name, country);
	if (latin)
		add_key(fl, stage, latin_key(fl, name), name, country);
	if (open != NULL) {
		char *before = g_strndup(name, (size_t)(open - name));
		char *inside = g_strdup(open + 2);
		char *close = strchr(inside, ')');

		if (close != NULL)
			*close = '\0';
		add_name(fl, stage, before, country, latin);
		add_name(fl, stage, inside, country, latin);
		g_free(before);
		g_free(inside);
	}
}

/* ICU's name of a region in the ICU locale loc, or NULL if it has none. */
static char *
icu_region_name(const char *region, const char *loc)
{
	char id[16];
	UChar buf[160];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n;
	char *out;

	snprintf(id, sizeof id, "und_%s", region);
	n = uloc_getDisplayCountry(id, loc, buf, 160, &e);
	if (U_FAILURE(e) || e == U_USING_DEFAULT_WARNING || n <= 0)
		return NULL;
	out = utf16_to_utf8(buf, n);
	if (strcmp(out, region) == 0 || out[0] == '\0') {
		g_free(out);
		return NULL;
	}
	return out;
}

static void
add_icu_names(struct flags *fl, int stage, const char *loc, int latin)
{
	size_t i;

	for (i = 0; i < fl->count; i++) {
		char *name;

		if (!fl->countries[i].icu)
			continue;
		name = icu_region_name(fl->countries[i].code, loc);
		if (name != NULL)
			add_name(fl, stage, name, i, latin);
		g_free(name);
	}
}

/*
 * Stage 0, strongest first: iso-codes' English names, our aliases, ICU's
 * English, the shipped languages (in Latin letters too).
 */
static void
index_names(struct flags *fl)
{
	UChar id[] = u"Any-Latin; Latin-ASCII";
	UErrorCode e = U_ZERO_ERROR;
	size_t j, k;

	fl->latin = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
	if (U_FAILURE(e))
		fl->latin = NULL;
	for (j = 0; j < fl->count; j++) {
		add_name(fl, 0, fl->countries[j].name, j, 0);
		for (k = 0; k < 3; k++)
			if (fl->countries[j].alt[k] != NULL)
				add_name(fl, 0, fl->countries[j].alt[k], j, 0);
	}
	for (j = 0; j < sizeof name_aliases / sizeof name_aliases[0]; j++) {
		ssize_t c = code_index(fl, name_aliases[j].code);

		if (c >= 0)
			add_name(fl, 0, name_aliases[j].name, (size_t)c, 0);
	}
	add_icu_names(fl, 0, "en", 0);
	for (j = 0; fl->langs != NULL && fl->langs[j] != NULL; j++) {
		char loc[64];
		UErrorCode le = U_ZERO_ERROR;

		uloc_forLanguageTag(fl->langs[j], loc, sizeof loc, NULL, &le);
		if (U_SUCCESS(le))
			add_icu_names(fl, 0, loc, 1);
	}
}

/* Stage 1: every other language ICU has a name of regions in. */
static void
index_more_names(struct flags *fl)
{
	int32_t i, n = uloc_countAvailable();

	for (i = 0; i < n; i++) {
		const char *loc = uloc_getAvailable(i);

		if (strchr(loc, '_') == NULL)
			add_icu_names(fl, 1, loc, 0);
	}
}

/* The name index up to stage, made once by whichever thread asks first. */
static struct flags *
named(const struct flags *cfl, int stage)
{
	struct flags *fl = iso_named(cfl);
	int i;

	pthread_mutex_lock(&fl->names_lock);
	for (i = 0; i <= stage; i++) {
		if (fl->stage[i].ready)
			continue;
		fl->stage[i].names =
			g_ptr_array_new_with_free_func(name_entry_free);
		fl->stage[i].by_name =
			g_hash_table_new(g_str_hash, g_str_equal);
		if (i == 0)
			index_names(fl);
		else
			index_more_names(fl);
		fl->stage[i].ready = 1;
	}
	pthread_mutex_unlock(&fl->names_lock);
	return fl;
}

static int
load_json(JsonParser *p, const char *path, const char *what, const char *hint,
	struct diag *d)
{
	GError *err = NULL;

	if (!json_parser_load_from_file(p, path, &err)) {
		/* A GFileError repeats the path: the hint would be cut off. */
		if (err->domain == G_FILE_ERROR)
			diag_set(d, DIAG_IO, "cannot read %s '%s' (%s)", what,
				path, hint);
		else
			diag_set(d, DIAG_IO, "cannot read %s '%s': %s (%s)",
				what, path, err->message, hint);
		g_error_free(err);
		return -1;
	}
	if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(p)))
		return diag_set(d, DIAG_FORMAT, "'%s' is not a JSON object",
			path);
	return 0;
}

static char *
lower_code(const char *code)
{
	return g_ascii_strdown(code, -1);
}

/* The file names in the set's svg/: one listing, not a stat per flag. */
static GHashTable *
svg_names(const char *set_dir)
{
	GHashTable *names =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	char *path = xasprintf("%s/svg", set_dir);
	GDir *dir = g_dir_open(path, 0, NULL);
	const char *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL)
		g_hash_table_add(names, g_strdup(name));
	if (dir != NULL)
		g_dir_close(dir);
	free(path);
	return names;
}

/* countries.json maps "PL" to "Poland"; only codes with an SVG count. */
static int
read_set(struct flags *fl, struct diag *d)
{
	char *path = xasprintf("%s/countries.json", fl->set_dir);
	JsonParser *p = json_parser_new();
	GHashTable *svgs;
	JsonObject *obj;
	GList *members, *it;
	int rc;

	rc = load_json(p, path, "the flag set", "run 'make flags'", d);
	if (rc < 0)
		goto out;
	svgs = svg_names(fl->set_dir);
	obj = json_node_get_object(json_parser_get_root(p));
	members = json_object_get_members(obj);
	fl->countries =
		xcalloc(g_list_length(members) + 1, sizeof *fl->countries);
	for (it = members; it != NULL; it = it->next) {
		const char *code = it->data;
		char *lower = lower_code(code);
		char *svg = xasprintf("%s.svg", lower);
		struct country *c = &fl->countries[fl->count];

		if (strlen(code) < FLAGS_CODE_SIZE &&
			g_hash_table_contains(svgs, svg)) {
			c->code = g_ascii_strup(code, -1);
			c->alt[1] = g_strdup(
				json_object_get_string_member_with_default(obj,
					code, code));
			c->name = g_strdup(c->alt[1]);
			fl->count++;
		}
		g_free(lower);
		free(svg);
	}
	g_list_free(members);
	g_hash_table_destroy(svgs);
	qsort(fl->countries, fl->count, sizeof *fl->countries, cmp_country);
out:
	g_object_unref(p);
	free(path);
	return rc;
}

/* iso-codes' file of part "3166-1". */
static char *
iso_path(const char *iso_dir, const char *part)
{
	return xasprintf("%s/iso_%s.json", iso_dir, part);
}

/* iso_3166-1.json: the current names; -3: codes withdrawn (AN). */
static int
read_iso(struct flags *fl, const char *iso_dir, const char *part,
	struct diag *d)
{
	char *path = iso_path(iso_dir, part);
	JsonParser *p = json_parser_new();
	JsonArray *list;
	guint i;
	int rc;

	rc = load_json(p, path, "the country names",
		"install Debian's iso-codes", d);
	if (rc < 0)
		goto out;
	list = json_object_get_array_member(json_node_get_object(
						    json_parser_get_root(p)),
		part);
	for (i = 0; list != NULL && i < json_array_get_length(list); i++) {
		JsonObject *o = json_array_get_object_element(list, i);
		const char *a2 = json_object_get_string_member_with_default(o,
			"alpha_2", "");
		const char *common =
			json_object_get_string_member_with_default(o,
				"common_name", NULL);
		const char *name = json_object_get_string_member_with_default(o,
			"name", a2);
		ssize_t k = code_index(fl, a2);
		struct country *c;

		if (k < 0)
			continue;
		c = &fl->countries[k];
		if (strcmp(part, "3166-3") == 0) {
			/* ICU names AN as CW, Curaçao: not this flag. */
			if (c->alpha3 == NULL)
				c->icu = -1;
			continue;
		}
		g_free(c->name);
		c->name = g_strdup(common != NULL ? common : name);
		c->alpha3 =
			g_strdup(json_object_get_string_member_with_default(o,
				"alpha_3", NULL));
		c->alt[0] =
			g_strdup(json_object_get_string_member_with_default(o,
				"official_name", NULL));
		if (common != NULL)
			c->alt[2] = g_strdup(name);
		c->icu = 1;
	}
out:
	g_object_unref(p);
	free(path);
	return rc;
}

/* EU and XK: not in ISO 3166-1, named by ICU. */
static void
name_others(struct flags *fl)
{
	size_t i;

	for (i = 0; i < fl->count; i++) {
		struct country *c = &fl->countries[i];
		char *name;

		if (c->icu != 0 || strlen(c->code) != 2)
			continue;
		name = icu_region_name(c->code, "en");
		if (name == NULL)
			continue;
		g_free(c->name);
		c->name = name;
		c->icu = 1;
	}
	for (i = 0; i < fl->count; i++)
		if (fl->countries[i].icu < 0)
			fl->countries[i].icu = 0;
}

static void
index_codes(struct flags *fl)
{
	size_t i;

	fl->by_code = g_hash_table_new(g_str_hash, g_str_equal);
	fl->codes = xcalloc(fl->count + 1, sizeof *fl->codes);
	for (i = 0; i < fl->count; i++) {
		struct country *c = &fl->countries[i];

		fl->codes[i] = c->code;
		g_hash_table_insert(fl->by_code, c->code,
			GSIZE_TO_POINTER(i + 1));
	}
	for (i = 0; i < sizeof code_aliases / sizeof code_aliases[0]; i++) {
		ssize_t k = code_index(fl, code_aliases[i].code);

		if (k >= 0 && !g_hash_table_contains(fl->by_code,
				      code_aliases[i].alias))
			g_hash_table_insert(fl->by_code,
				(char *)code_aliases[i].alias,
				GSIZE_TO_POINTER((size_t)k + 1));
	}
}

/* Missing iso-codes fail at once, though they are read later. */
static int
iso_readable(const char *iso_dir, const char *part, struct diag *d)
{
	char *path = iso_path(iso_dir, part);
	int rc = 0;

	if (access(path, R_OK) != 0)
		rc = diag_set(d, DIAG_IO,
			"cannot read the country names '%s' (install Debian's "
			"iso-codes)",
			path);
	free(path);
	return rc;
}

/*
 * The names and alpha-3 codes from iso-codes, read once by whichever
 * thread asks first. Should iso-codes have broken since flags_new()
 * found them, the flag set's own names stand.
 */
static struct flags *
iso_named(const struct flags *cfl)
{
	struct flags *fl = (struct flags *)cfl;
	struct diag ignored = { 0 };
	size_t i;

	pthread_mutex_lock(&fl->iso_lock);
	if (!fl->iso_ready) {
		(void)(read_iso(fl, fl->iso_dir, "3166-1", &ignored) == 0 &&
			read_iso(fl, fl->iso_dir, "3166-3", &ignored) == 0);
		name_others(fl);
		fl->by_alpha3 = g_hash_table_new(g_str_hash, g_str_equal);
		for (i = 0; i < fl->count; i++)
			if (fl->countries[i].alpha3 != NULL)
				g_hash_table_insert(fl->by_alpha3,
					fl->countries[i].alpha3,
					GSIZE_TO_POINTER(i + 1));
		fl->iso_ready = 1;
	}
	pthread_mutex_unlock(&fl->iso_lock);
	return fl;
}

struct flags *
flags_new(const char *own_dir, const char *set_dir, const char *iso_dir,
	const char *const *langs, struct diag *d)
{
	struct flags *fl = xcalloc(1, sizeof *fl);

	pthread_mutex_init(&fl->names_lock, NULL);
	pthread_mutex_init(&fl->latin_lock, NULL);
	fl->own_dir = xstrdup(own_dir);
	fl->set_dir = xstrdup(set_dir);
	fl->langs = g_strdupv((char **)langs);
	pthread_mutex_init(&fl->iso_lock, NULL);
	fl->iso_dir = xstrdup(iso_dir);
	if (read_set(fl, d) < 0 || iso_readable(iso_dir, "3166-1", d) < 0 ||
		iso_readable(iso_dir, "3166-3", d) < 0) {
		flags_free(fl);
		return NULL;
	}
	index_codes(fl);
	return fl;
}

void
flags_free(struct flags *fl)
{
	size_t i, k;

	if (fl == NULL)
		return;
	for (i = 0; i < fl->count; i++) {
		struct country *c = &fl->countries[i];

		g_free(c->code);
		g_free(c->alpha3);
		g_free(c->name);
		for (k = 0; k < 3; k++)
			g_free(c->alt[k]);
	}
	for (k = 0; k < 2; k++) {
		if (fl->stage[k].by_name != NULL)
			g_hash_table_destroy(fl->stage[k].by_name);
		if (fl->stage[k].names != NULL)
			g_ptr_array_free(fl->stage[k].names, TRUE);
	}
	if (fl->latin != NULL)
		utrans_close(fl->latin);
	if (fl->by_code != NULL)
		g_hash_table_destroy(fl->by_code);
	if (fl->by_alpha3 != NULL)
		g_hash_table_destroy(fl->by_alpha3);
	free(fl->iso_dir);
	pthread_mutex_destroy(&fl->names_lock);
	pthread_mutex_destroy(&fl->latin_lock);
	pthread_mutex_destroy(&fl->iso_lock);
	g_strfreev(fl->langs);
	free(fl->codes);
	free(fl->countries);
	free(fl->own_dir);
	free(fl->set_dir);
	free(fl);
}

/* "pl", "POL", "uk", "gb-sct", and "Poland (PL)" as the web page shows. */
static ssize_t
find_code(const struct flags *fl, const char *text)
{
	size_t n = strlen(text), i;
	const char *open;
	char up[FLAGS_CODE_SIZE];
	void *hit;

	if (n > 0 && text[n - 1] == ')' &&
		(open = strrchr(text, '(')) != NULL) {
		char *inside = g_strndup(open + 1,
			(size_t)(text + n - 1 - (open + 1)));
		ssize_t k = find_code(fl, inside);

		g_free(inside);
		return k;
	}
	if (n < 2 || n >= FLAGS_CODE_SIZE)
		return -1;
	for (i = 0; i < n; i++) {
		if (!g_ascii_isalpha(text[i]) && !(text[i] == '-' && i == 2))
			return -1;
		up[i] = g_ascii_toupper(text[i]);
	}
	up[n] = '\0';
	hit = g_hash_table_lookup(fl->by_code, up);
	if (hit == NULL && n == 3)
		hit = g_hash_table_lookup(iso_named(fl)->by_alpha3, up);
	return hit == NULL ? -1 : (ssize_t)GPOINTER_TO_SIZE(hit) - 1;
}

static const struct name_entry *
find_key(const struct flags *fl, int stage, const char *key)
{
	const struct name_entry *ne =
		g_hash_table_lookup(fl->stage[stage].by_name, key);

	/* "The Netherlands", "the Gambia". */
	if (ne == NULL && strncmp(key, "the ", 4) == 0)
		ne = g_hash_table_lookup(fl->stage[stage].by_name, key + 4);
	return ne;
}

static ssize_t
find_name(const struct flags *cfl, const char *text)
{
	struct flags *fl = named(cfl, 0);
	char *key = text_key(text), *latin = NULL;
	const struct name_entry *ne = find_key(fl, 0, key);

	if (ne == NULL && !g_str_is_ascii(text)) {
		latin = latin_key(fl, text);
		ne = find_key(fl, 0, latin);
	}
	if (ne == NULL) {
		fl = named(cfl, 1);
		ne = find_key(fl, 1, key);
		if (ne == NULL && latin != NULL)
			ne = find_key(fl, 1, latin);
	}
	g_free(key);
	g_free(latin);
	return ne == NULL ? -1 : (ssize_t)ne->country;
}

/* The name nearest a mistyped one, never Russia's; NULL if none is near. */
static const struct name_entry *
nearest_name(const struct flags *cfl, const char *text)
{
	struct flags *fl = named(cfl, 1);
	char *key = text_key(text);
	size_t len = g_utf8_strlen(key, -1), best_d = (size_t)-1, i;
	const struct name_entry *best = NULL;
	int s;

	for (s = 0; s < 2 && len >= 3; s++)
		for (i = 0; i < fl->stage[s].names->len; i++) {
			const struct name_entry *ne =
				g_ptr_array_index(fl->stage[s].names, i);
			size_t dist;

			if (strcmp(fl->countries[ne->country].code, "RU") == 0)
				continue;
			dist = strncmp(ne->key, key, strlen(key)) == 0
				       ? 1
				       : nearest_distance(key, ne->key);
			if (dist < best_d) {
				best_d = dist;
				best = ne;
			}
		}
	g_free(key);
	return best_d <= 1 + len / 4 ? best : NULL;
}

/* The text as typed, for a message: valid UTF-8, one line, not too long. */
static char *
quoted(const char *text)
{
	char *valid = g_utf8_make_valid(text, -1);
	char *cut =
		g_utf8_substring(valid, 0, MIN(g_utf8_strlen(valid, -1), 40));
	char *p;

	for (p = cut; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			*p = '?';
	g_free(valid);
	return cut;
}

static int
unknown(const struct flags *fl, const char *text, struct diag *d)
{
	const struct name_entry *near = nearest_name(fl, text);
	char *q = quoted(text);
	int rc;

	if (near != NULL)
		rc = diag_set(d, DIAG_USAGE,
			"unknown country '%s' (did you mean '%s', %s? see "
			"'bayraq list countries')",
			q, near->shown, fl->countries[near->country].code);
	else
		rc = diag_set(d, DIAG_USAGE,
			"unknown country '%s' (expected a name such as Poland "
			"or Polska, or a code such as PL, POL or GB-SCT; see "
			"'bayraq list countries')",
			q);
	g_free(q);
	return rc;
}

int
flags_country(const struct flags *fl, const char *text,
	char code[FLAGS_CODE_SIZE], struct diag *d)
{
	char *t = g_strstrip(g_strdup(text));
	ssize_t k = find_code(fl, t);
	int rc = 0;

	if (k < 0 && t[0] != '\0')
		k = find_name(fl, t);
	if (k >= 0)
		g_strlcpy(code, fl->countries[k].code, FLAGS_CODE_SIZE);
	else
		rc = unknown(fl, t, d);
	g_free(t);
	return rc;
}

int
flags_host(const struct flags *fl, const char *text, char code[FLAGS_CODE_SIZE],
	struct diag *d)
{
	if (flags_country(fl, text, code, d) < 0)
		return -1;
	/* DESIGN.md: Crimea is Ukraine; this flag is never a host flag. */
	if (strcmp(code, "RU") == 0)
		return diag_set(d, DIAG_USAGE, "%s", russia_refused);
	return 0;
}

const char *
flags_country_name(const struct flags *cfl, const char *code)
{
	const struct flags *fl = iso_named(cfl);
	ssize_t i = code_index(fl, code);

	return i < 0 ? NULL : fl->countries[i].name;
}

/* g_strlcpy() that never cuts a character in two. */
static void
copy_utf8(char *buf, const char *s, size_t size)
{
	size_t n = strlen(s);

	if (size == 0)
		return;
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
}

int
flags_country_local_name(const struct flags *cfl, const char *code,
	const char *lang, char *buf, size_t size)
{
	const struct flags *fl = iso_named(cfl);
	ssize_t i = code_index(fl, code);
	char loc[64], *name = NULL;
	UErrorCode e = U_ZERO_ERROR;

	if (i < 0) {
		g_strlcpy(buf, code, size);
		return -1;
	}
	uloc_forLanguageTag(lang, loc, sizeof loc, NULL, &e);
	if (U_SUCCESS(e) && fl->countries[i].icu)
		name = icu_region_name(fl->countries[i].code, loc);
	copy_utf8(buf, name != NULL ? name : fl->countries[i].name, size);
	g_free(name);
	return name != NULL ? 0 : -1;
}

const char *const *
flags_country_codes(const struct flags *fl)
{
	return (const char *const *)fl->codes;
}

RsvgHandle *
flags_open(const struct flags *fl, const char *role, struct diag *d)
{
	GError *err = NULL;
	RsvgHandle *h;
	char *path;

	if (strcasecmp(role, "ua") == 0 || strcmp(role, "crh") == 0) {
		path = xasprintf("%s/%s.svg", fl->own_dir,
			strcmp(role, "crh") == 0 ? "crh" : "ua");
	} else {
		ssize_t k = find_code(fl, role);
		char *lower;

		if (k < 0) {
			diag_set(d, DIAG_USAGE, "no flag '%.20s'", role);
			return NULL;
		}
		lower = lower_code(fl->countries[k].code);
		path = xasprintf("%s/svg/%s.svg", fl->set_dir, lower);
		g_free(lower);
	}
	h = rsvg_handle_new_from_file(path, &err);
	if (h == NULL) {
		diag_set(d, DIAG_IO, "cannot load flag '%s': %s", path,
			err->message);
		g_error_free(err);
	} else {
		rsvg_handle_set_dpi(h, 72.0);
	}
	free(path);
	return h;
}

double
flags_ratio(RsvgHandle *h)
{
	gboolean has_w, has_h, has_vb;
	RsvgLength lw, lh;
	RsvgRectangle vb;
	gdouble w, hh;

	rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh,
		&has_vb, &vb);
	if (has_vb && vb.width > 0 && vb.height > 0)
		return vb.width / vb.height;
	if (rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) && hh > 0)
		return w / hh;
	return 1.5;
}
