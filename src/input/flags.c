/* flags.c - flag lookup: our own ua and crh, host flags from the pinned set. */
#include "input/flags.h"

#include <ctype.h>
#include <strings.h>
#include <sys/types.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct flags {
	char *own_dir;
	char *set_dir;
	char **codes; /* sorted, NULL-terminated */
	char **names; /* parallel to codes */
	size_t count;
};

static int
cmp_code(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* countries.json maps "PL" to "Poland"; only codes with an SVG count. */
static int
read_countries(struct flags *fl, struct diag *d)
{
	char *path = xasprintf("%s/countries.json", fl->set_dir);
	JsonParser *p = json_parser_new();
	GError *err = NULL;
	JsonObject *obj;
	GList *members, *it;
	int rc = 0;

	if (!json_parser_load_from_file(p, path, &err)) {
		rc = diag_set(d, DIAG_IO,
			"cannot read the flag set '%s': %s (run 'make flags')",
			path, err->message);
		g_error_free(err);
		goto out;
	}
	if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(p))) {
		rc = diag_set(d, DIAG_FORMAT, "'%s' is not a JSON object",
			path);
		goto out;
	}
	obj = json_node_get_object(json_parser_get_root(p));
	members = json_object_get_members(obj);
	fl->codes = xcalloc(g_list_length(members) + 1, sizeof *fl->codes);
	for (it = members; it != NULL; it = it->next) {
		const char *code = it->data;
		char lower[3], *svg;

		if (strlen(code) != 2)
			continue;
		lower[0] = (char)tolower((unsigned char)code[0]);
		lower[1] = (char)tolower((unsigned char)code[1]);
		lower[2] = '\0';
		svg = xasprintf("%s/svg/%s.svg", fl->set_dir, lower);
		if (g_file_test(svg, G_FILE_TEST_EXISTS))
			fl->codes[fl->count++] = xstrdup(code);
		free(svg);
	}
	qsort(fl->codes, fl->count, sizeof *fl->codes, cmp_code);
	fl->names = xcalloc(fl->count + 1, sizeof *fl->names);
	for (size_t i = 0; i < fl->count; i++)
		fl->names[i] =
			xstrdup(json_object_get_string_member_with_default(obj,
				fl->codes[i], fl->codes[i]));
	g_list_free(members);
out:
	g_object_unref(p);
	free(path);
	return rc;
}

struct flags *
flags_new(const char *own_dir, const char *set_dir, struct diag *d)
{
	struct flags *fl = xcalloc(1, sizeof *fl);

	fl->own_dir = xstrdup(own_dir);
	fl->set_dir = xstrdup(set_dir);
	if (read_countries(fl, d) < 0) {
		flags_free(fl);
		return NULL;
	}
	return fl;
}

void
flags_free(struct flags *fl)
{
	size_t i;

	if (fl == NULL)
		return;
	for (i = 0; i < fl->count; i++) {
		free(fl->codes[i]);
		if (fl->names != NULL)
			free(fl->names[i]);
	}
	free(fl->codes);
	free(fl->names);
	free(fl->own_dir);
	free(fl->set_dir);
	free(fl);
}

static ssize_t
code_index(const struct flags *fl, const char *code)
{
	char **hit = bsearch(&code, fl->codes, fl->count, sizeof *fl->codes,
		cmp_code);

	return hit == NULL ? -1 : hit - fl->codes;
}

int
flags_country(const struct flags *fl, const char *cc, char code[3],
	struct diag *d)
{
	if (strlen(cc) == 2 && isalpha((unsigned char)cc[0]) &&
		isalpha((unsigned char)cc[1])) {
		code[0] = (char)toupper((unsigned char)cc[0]);
		code[1] = (char)toupper((unsigned char)cc[1]);
		code[2] = '\0';
		if (code_index(fl, code) >= 0)
			return 0;
	}
	return diag_set(d, DIAG_USAGE,
		"unknown country '%.20s' (expected an ISO 3166-1 alpha-2 code "
		"such as DE, PL or US; see 'bayraq list countries')",
		cc);
}

const char *
flags_country_name(const struct flags *fl, const char *code)
{
	ssize_t i = code_index(fl, code);

	return i < 0 ? NULL : fl->names[i];
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
		char lower[3] = { (char)tolower((unsigned char)role[0]),
			(char)tolower((unsigned char)role[1]), '\0' };

		path = xasprintf("%s/svg/%s.svg", fl->set_dir, lower);
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
