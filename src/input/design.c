/* design.c - SVG designs: variants via librsvg, slot markup via libxml2. */
#include "input/design.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/svgfilter.h"

const char *const design_slogans[] = { "day", "prisoners", "indigenous",
	"persecution", "flags", NULL };

int
design_is_slogan(const char *key)
{
	size_t i;

	for (i = 0; design_slogans[i] != NULL; i++)
		if (strcmp(design_slogans[i], key) == 0)
			return 1;
	return 0;
}

int
design_special_key(const char *key)
{
	const char *role = key + strlen(DESIGN_KEY_NAME);

	if (strcmp(key, DESIGN_KEY_SLOGAN) == 0 ||
		strcmp(key, DESIGN_KEY_EVENT) == 0)
		return 1;
	/* name-crh is the catalog's: the people, which ICU has no name of. */
	return strncmp(key, DESIGN_KEY_NAME, strlen(DESIGN_KEY_NAME)) == 0 &&
	       (strcmp(role, "ua") == 0 || strcmp(role, "host") == 0);
}

void
design_slogan_list(char *buf, size_t size)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; design_slogans[i] != NULL; i++) {
		if (i > 0)
			g_strlcat(buf,
				design_slogans[i + 1] != NULL ? ", " : " or ",
				size);
		g_strlcat(buf, design_slogans[i], size);
	}
}

/* libxml2 gives attribute values as xmlChar; these read ours. */
static char *
slot_attr(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetNsProp(node, (const xmlChar *)name,
		(const xmlChar *)DESIGN_NS);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static int
parse_number(const char *s, double *out)
{
	char *end;
	double v = g_ascii_strtod(s, &end);

	while (*end == ' ')
		end++;
	if (end == s || *end != '\0' || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int
parse_color(const char *s, double rgb[3])
{
	unsigned r, g, b;
	size_t n = strlen(s), i;

	/* sscanf's %x would take signs and spaces: "#-1-1-1". */
	for (i = 1; i < n; i++)
		if (!g_ascii_isxdigit(s[i]))
			return -1;
	if (n == 7 && sscanf(s, "#%2x%2x%2x", &r, &g, &b) == 3) {
		rgb[0] = r / 255.0;
		rgb[1] = g / 255.0;
		rgb[2] = b / 255.0;
		return 0;
	}
	if (n == 4 && sscanf(s, "#%1x%1x%1x", &r, &g, &b) == 3) {
		rgb[0] = r * 17 / 255.0;
		rgb[1] = g * 17 / 255.0;
		rgb[2] = b * 17 / 255.0;
		return 0;
	}
	return -1;
}

static int
parse_weight(const char *s, int *out)
{
	double v;

	if (strcmp(s, "regular") == 0 || strcmp(s, "normal") == 0)
		*out = 400;
	else if (strcmp(s, "bold") == 0)
		*out = 700;
	else if (parse_number(s, &v) == 0 && v >= 100 && v <= 1000)
		*out = (int)v;
	else
		return -1;
	return 0;
}

static int
parse_align(const char *s, enum fit_align *out)
{
	if (strcmp(s, "start") == 0)
		*out = FIT_START;
	else if (strcmp(s, "center") == 0 || strcmp(s, "middle") == 0)
		*out = FIT_CENTER;
	else if (strcmp(s, "end") == 0)
		*out = FIT_END;
	else
		return -1;
	return 0;
}

static int
bad_attr(const char *path, const struct slot *s, const char *attr,
	const char *value, const char *expected, struct diag *d)
{
	return diag_set(d, DIAG_FORMAT,
		"%s:%zu: slot '%s': bad bayraq:%s '%s' (expected %s)", path,
		s->line, s->id, attr, value, expected);
}

/* Reads the optional style attributes; each has a documented default. */
static int
slot_style(struct slot *s, xmlNode *node, const char *path, struct diag *d)
{
	static const char *const names[] = { "font", "weight", "color", "align",
		"caps", "max-lines", "min-size", "max-size", "letter-spacing",
		"line-height", "tone", "edge" };
	size_t i;
	int rc = 0;

	s->font = xstrdup("sans");
	s->weight = 700;
	s->rgb[0] = s->rgb[1] = s->rgb[2] = 1.0;
	s->align = FIT_CENTER;
	s->max_lines = 1;
	for (i = 0; i < sizeof names / sizeof names[0] && rc == 0; i++) {
		char *v = slot_attr(node, names[i]);
		double num;

		if (v == NULL)
			continue;
		if (i == 0) {
			free(s->font);
			s->font = xstrdup(v);
		} else if (i == 1 && parse_weight(v, &s->weight) < 0) {
			rc = bad_attr(path, s, names[i], v,
				"regular, bold or 100 to 1000", d);
		} else if (i == 2 && parse_color(v, s->rgb) < 0) {
			rc = bad_attr(path, s, names[i], v, "#rrggbb", d);
		} else if (i == 3 && parse_align(v, &s->align) < 0) {
			rc = bad_attr(path, s, names[i], v,
				"start, center or end", d);
		} else if (i == 4) {
			if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
				rc = bad_attr(path, s, names[i], v, "yes or no",
					d);
			s->caps = strcmp(v, "yes") == 0;
		} else if (i == 10) {
			if (strcmp(v, "colour") != 0 && strcmp(v, "grey") != 0)
				rc = bad_attr(path, s, names[i], v,
					"colour or grey", d);
			s->grey = strcmp(v, "grey") == 0;
			s->edge = s->edge || s->grey;
		} else if (i == 11) {
			if (parse_color(v, s->edge_rgb) < 0)
				rc = bad_attr(path, s, names[i], v, "#rrggbb",
					d);
			s->edge = 1;
		} else if (i >= 5 && parse_number(v, &num) < 0) {
			rc = bad_attr(path, s, names[i], v,
				i == 9 ? "a line height in em from 0.5 to 3"
				       : "a number of user units",
				d);
		} else if (i == 5) {
			if (num < 1 || num > 20 || num != floor(num))
				rc = bad_attr(path, s, names[i], v,
					"a whole number from 1 to 20", d);
			s->max_lines = (size_t)num;
		} else if (i == 6) {
			s->min_size = num;
		} else if (i == 7) {
			s->max_size = num;
		} else if (i == 8) {
			s->letter_spacing = num;
		} else if (i == 9) {
			if (num < 0.5 || num > 3)
				rc = bad_attr(path, s, names[i], v,
					"a line height in em from 0.5 to 3", d);
			s->line_height = num;
		}
		free(v);
	}
	return rc;
}

static void
slot_release(struct slot *s)
{
	free(s->id);
	free(s->name);
	free(s->font);
}

static int
valid_flag_role(const char *role)
{
	return strcmp(role, "ua") == 0 || strcmp(role, "crh") == 0 ||
	       strcmp(role, "host") == 0;
}

/* The slot's kind and name, from bayraq:text, bayraq:flag or bayraq:logo. */
static char *
slot_kind(xmlNode *node, enum slot_kind *kind)
{
	char *v = slot_attr(node, "text");

	*kind = SLOT_TEXT;
	if (v == NULL) {
		*kind = SLOT_FLAG;
		v = slot_attr(node, "flag");
	}
	if (v == NULL) {
		*kind = SLOT_LOGO;
		v = slot_attr(node, "logo");
	}
	return v;
}

/* Turns one marked element into a slot; returns 1 if it was marked. */
static int
read_slot(struct variant *v, xmlNode *node, struct diag *d)
{
	enum slot_kind kind;
	char *name = slot_kind(node, &kind);
	xmlChar *id;
	struct slot *s;

	if (name == NULL)
		return 0;
	v->slots = xreallocarray(v->slots, v->slot_count + 1, sizeof *v->slots);
	s = &v->slots[v->slot_count++];
	memset(s, 0, sizeof *s);
	s->line = (size_t)xmlGetLineNo(node);
	s->kind = kind;
	s->name = name;
	id = xmlGetProp(node, (const xmlChar *)"id");
	s->id = xstrdup(id != NULL ? (const char *)id : "");
	xmlFree(id);
	if (s->id[0] == '\0')
		return diag_set(d, DIAG_FORMAT,
			"%s:%zu: slot '%s' has no id attribute", v->path,
			s->line, s->name);
	if (s->kind == SLOT_FLAG && !valid_flag_role(s->name))
		return bad_attr(v->path, s, "flag", s->name, "ua, crh or host",
			d);
	if (s->kind == SLOT_LOGO && strcmp(s->name, "yes") != 0)
		return bad_attr(v->path, s, "logo", s->name, "yes", d);
	if (slot_style(s, node, v->path, d) < 0)
		return -1;
	return 1;
}

/* Collects the slots below node and unlinks them from the drawing. */
static int
collect_slots(struct variant *v, xmlNode *node, struct diag *d)
{
	xmlNode *child, *next;

	for (child = node->children; child != NULL; child = next) {
		int rc;

		next = child->next;
		if (child->type != XML_ELEMENT_NODE)
			continue;
		rc = read_slot(v, child, d);
		if (rc < 0)
			return -1;
		if (rc == 1) {
			xmlUnlinkNode(child);
			xmlFreeNode(child);
		} else if (collect_slots(v, child, d) < 0) {
			return -1;
		}
	}
	return 0;
}

static RsvgHandle *
handle_from_data(const char *path, const void *data, size_t len, struct diag *d)
{
	GInputStream *in =
		g_memory_input_stream_new_from_data(data, (gssize)len, NULL);
	GFile *base = g_file_new_for_path(path);
	GError *err = NULL;
	RsvgHandle *h;

	h = rsvg_handle_new_from_stream_sync(in, base, RSVG_HANDLE_FLAGS_NONE,
		NULL, &err);
	if (h == NULL) {
		diag_set(d, DIAG_FORMAT, "cannot load '%s': %s", path,
			err->message);
		g_error_free(err);
	} else {
		rsvg_handle_set_dpi(h, 72.0);
	}
	g_object_unref(base);
	g_object_unref(in);
	return h;
}

static int
slot_geometry(struct variant *v, RsvgHandle *h, struct diag *d)
{
	RsvgRectangle vp = { 0, 0, v->width, v->height }, ink, logical;
	size_t i;

	for (i = 0; i < v->slot_count; i++) {
		struct slot *s = &v->slots[i];
		char *ref = xasprintf("#%s", s->id);
		GError *err = NULL;
		gboolean ok = rsvg_handle_get_geometry_for_layer(h, ref, &vp,
			&ink, &logical, &err);

		free(ref);
		if (!ok) {
			diag_set(d, DIAG_FORMAT,
				"%s:%zu: cannot measure slot '%s': %s", v->path,
				s->line, s->id,
				err != NULL ? err->message : "not rendered");
			g_clear_error(&err);
			return -1;
		}
		s->x = logical.x;
		s->y = logical.y;
		s->w = logical.width;
		s->h = logical.height;
		if (!(s->w > 0 && s->h > 0))
			return diag_set(d, DIAG_FORMAT,
				"%s:%zu: slot '%s' has no area", v->path,
				s->line, s->id);
		if (s->min_size == 0)
			s->min_size = s->h / (4.0 * (double)s->max_lines);
	}
	return 0;
}

static int
read_viewbox(struct variant *v, RsvgHandle *h, struct diag *d)
{
	gboolean has_w, has_h, has_vb;
	RsvgLength lw, lh;
	RsvgRectangle vb;

	rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh,
		&has_vb, &vb);
	if (!has_vb || !(vb.width > 0 && vb.height > 0))
		return diag_set(d, DIAG_FORMAT,
			"%s: the root <svg> needs a viewBox", v->path);
	v->width = vb.width;
	v->height = vb.height;
	v->view_x = vb.x;
	v->view_y = vb.y;
	return 0;
}

/* Whether any element below node uses a filter (attribute or style). */
static int
uses_filter(xmlNode *node)
{
	xmlNode *child;

	for (child = node->children; child != NULL; child = child->next) {
		xmlChar *style;
		int found;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		style = xmlGetProp(child, (const xmlChar *)"style");
		found = xmlHasProp(child, (const xmlChar *)"filter") != NULL ||
			(style != NULL &&
				strstr((const char *)style, "filter") != NULL);
		xmlFree(style);
		if (found || uses_filter(child))
			return 1;
	}
	return 0;
}

/* The background is drawn on its own, stretched to the page. */
static int
unlink_background(xmlNode *node)
{
	xmlNode *child;

	for (child = node->children; child != NULL; child = child->next) {
		xmlChar *id;
		int found;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(child, (const xmlChar *)"id");
		found = id != NULL &&
			strcmp((const char *)id, "background") == 0;
		xmlFree(id);
		if (found) {
			xmlUnlinkNode(child);
			xmlFreeNode(child);
			return 1;
		}
		if (unlink_background(child))
			return 1;
	}
	return 0;
}

static xmlDoc *
read_xml(const char *path, const char *data, size_t len, struct diag *d)
{
	/* No network, no DTD, no entity substitution: designs are data. */
	xmlDoc *doc = xmlReadMemory(data, (int)len, path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();

		diag_set(d, DIAG_FORMAT, "%s:%d: %s", path,
			e != NULL ? e->line : 0,
			e != NULL && e->message != NULL ? e->message
							: "not XML");
		d->msg[strcspn(d->msg, "\n")] = '\0';
	}
	return doc;
}

/*
 * Slots and art in one coordinate system, the viewBox's user units:
 * librsvg 2.54 measures elements against the root's width and height
 * (297mm is 841.9 of its pixels) whatever viewport it is given, while it
 * draws the document into the viewport. With width and height set to the
 * viewBox's own size, both are the viewBox's units, whatever unit,
 * percentage or preserveAspectRatio the editor wrote.
 */
static void
set_root_size(xmlDoc *doc, const struct variant *v)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

	g_ascii_dtostr(w, sizeof w, v->width);
	g_ascii_dtostr(h, sizeof h, v->height);
	xmlSetProp(root, (const xmlChar *)"width", (const xmlChar *)w);
	xmlSetProp(root, (const xmlChar *)"height", (const xmlChar *)h);
}

/* A librsvg handle on the document as it is now. */
static RsvgHandle *
handle_from_doc(const char *path, xmlDoc *doc, GBytes **bytes, struct diag *d)
{
	xmlChar *data = NULL;
	int len = 0;
	RsvgHandle *h;

	xmlDocDumpMemory(doc, &data, &len);
	h = handle_from_data(path, data, (size_t)len, d);
	if (bytes != NULL)
		*bytes = g_bytes_new(data, (gsize)len);
	xmlFree(data);
	return h;
}

/* Only a regular file of a sane size: a FIFO would block, /dev/zero eat. */
static int
regular_svg(const char *path, struct diag *d)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_set(d, DIAG_FORMAT,
			"'%s' is not a regular file; a design's variants are "
			"SVG files",
			path);
		return 0;
	}
	if (st.st_size > DESIGN_MAX_FILE) {
		diag_set(d, DIAG_FORMAT,
			"'%s' is larger than %d MB; save it without embedded "
			"pictures that large",
			path, DESIGN_MAX_FILE >> 20);
		return 0;
	}
	return 1;
}

int
variant_load(struct variant *v, const char *path, struct diag *d)
{
	gchar *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	xmlDoc *doc = NULL;
	RsvgHandle *geom = NULL;
	GBytes *whole = NULL;
	xmlChar *art_data = NULL;
	int art_len = 0, rc = -1;

	memset(v, 0, sizeof *v);
	v->path = xstrdup(path);
	if (!regular_svg(path, d))
		goto out;
	if (!g_file_get_contents(path, &data, &len, &err)) {
		diag_set(d, DIAG_IO, "cannot read '%s': %s", path,
			err->message);
		g_error_free(err);
		goto out;
	}
	doc = read_xml(path, data, len, d);
	if (doc == NULL)
		goto out;
	geom = handle_from_data(path, data, len, d);
	if (geom == NULL || read_viewbox(v, geom, d) < 0)
		goto out;
	g_object_unref(geom);
	set_root_size(doc, v);
	geom = handle_from_doc(path, doc, &whole, d);
	if (geom == NULL)
		goto out;
	if (collect_slots(v, xmlDocGetRootElement(doc), d) < 0)
		goto out;
	if (slot_geometry(v, geom, d) < 0)
		goto out;
	v->has_background = rsvg_handle_has_sub(geom, "#background");
	v->has_filters = uses_filter(xmlDocGetRootElement(doc));
	v->filter_reach = svgfilter_reach(xmlDocGetRootElement(doc));
	v->filter_cost = svgfilter_cost(xmlDocGetRootElement(doc),
		v->filter_costliest, sizeof v->filter_costliest);
	if (v->has_background) {
		unlink_background(xmlDocGetRootElement(doc));
		v->whole_svg = whole;
		whole = NULL;
	}
	xmlDocDumpMemory(doc, &art_data, &art_len);
	v->art_svg = g_bytes_new(art_data, (gsize)art_len);
	v->loaded = 1;
	rc = 0;
out:
	if (whole != NULL)
		g_bytes_unref(whole);
	xmlFree(art_data);
	if (geom != NULL)
		g_object_unref(geom);
	xmlFreeDoc(doc);
	g_free(data);
	return rc;
}

static RsvgHandle *
handle_from_bytes(const struct variant *v, GBytes *bytes, struct diag *d)
{
	gsize len;
	const void *data = g_bytes_get_data(bytes, &len);

	return handle_from_data(v->path, data, len, d);
}

RsvgHandle *
variant_open_art(const struct variant *v, struct diag *d)
{
	return handle_from_bytes(v, v->art_svg, d);
}

RsvgHandle *
variant_open_background(const struct variant *v, struct diag *d)
{
	if (!v->has_background)
		return NULL;
	return handle_from_bytes(v, v->whole_svg, d);
}

RsvgHandle *
variant_open_window(const struct variant *v, int background, double x, double y,
	double w, double h, struct diag *d)
{
	GBytes *bytes = background ? v->whole_svg : v->art_svg;
	gsize len;
	const char *data = g_bytes_get_data(bytes, &len);
	xmlDoc *doc = read_xml(v->path, data, len, d);
	char num[4][G_ASCII_DTOSTR_BUF_SIZE], box[4 * G_ASCII_DTOSTR_BUF_SIZE];
	xmlNode *root;
	RsvgHandle *hd;

	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	g_ascii_dtostr(num[0], sizeof num[0], v->view_x + x);
	g_ascii_dtostr(num[1], sizeof num[1], v->view_y + y);
	g_ascii_dtostr(num[2], sizeof num[2], w);
	g_ascii_dtostr(num[3], sizeof num[3], h);
	snprintf(box, sizeof box, "%s %s %s %s", num[0], num[1], num[2],
		num[3]);
	xmlSetProp(root, (const xmlChar *)"viewBox", (const xmlChar *)box);
	xmlSetProp(root, (const xmlChar *)"width", (const xmlChar *)num[2]);
	xmlSetProp(root, (const xmlChar *)"height", (const xmlChar *)num[3]);
	xmlSetProp(root, (const xmlChar *)"preserveAspectRatio",
		(const xmlChar *)"none");
	hd = handle_from_doc(v->path, doc, NULL, d);
	xmlFreeDoc(doc);
	return hd;
}

/* The loaded fields of v released: only its path and viewBox are left. */
static void
unload(struct variant *v)
{
	size_t i;

	for (i = 0; i < v->slot_count; i++)
		slot_release(&v->slots[i]);
	free(v->slots);
	if (v->art_svg != NULL)
		g_bytes_unref(v->art_svg);
	if (v->whole_svg != NULL)
		g_bytes_unref(v->whole_svg);
	v->slots = NULL;
	v->slot_count = 0;
	v->art_svg = v->whole_svg = NULL;
	v->has_background = v->has_filters = 0;
	v->loaded = 0;
}

void
variant_release(struct variant *v)
{
	unload(v);
	free(v->path);
	memset(v, 0, sizeof *v);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir ending in suffix ("" for folders). */
static char **
list_dir(const char *dir, const char *suffix)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = xcalloc(1, sizeof *names);
	size_t n = 0, sl = strlen(suffix);

	if (dp == NULL)
		return names;
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name);
		char *full;
		int is_dir;

		if (e->d_name[0] == '.' || e->d_name[0] == '_')
			continue;
		full = xasprintf("%s/%s", dir, e->d_name);
		is_dir = g_file_test(full, G_FILE_TEST_IS_DIR);
		free(full);
		if (sl == 0 ? !is_dir
			    : (is_dir || len <= sl ||
				      strcmp(e->d_name + len - sl, suffix) !=
					      0))
			continue;
		names = xreallocarray(names, n + 2, sizeof *names);
		names[n++] = xstrdup(e->d_name);
		names[n] = NULL;
	}
	closedir(dp);
	qsort(names, n, sizeof *names, cmp_str);
	return names;
}

char **
design_names(const char *designs_dir)
{
	return list_dir(designs_dir, "");
}

char **
design_files(const char *dir)
{
	return list_dir(dir, ".svg");
}

void
design_names_free(char **names)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; names[i] != NULL; i++)
		free(names[i]);
	free(names);
}

static int
unknown_design(const char *designs_dir, const char *name, struct diag *d)
{
	char **names = design_names(designs_dir);

	diag_unknown(d, "design", name, names);
	design_names_free(names);
	return -1;
}

static int
valid_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && name[0] != '_' &&
	       strchr(name, '/') == NULL;
}

char *
design_folder(const char *designs_dir, const char *name)
{
	char *dir = xasprintf("%s/%s", designs_dir, name);

	if (valid_name(name) && g_file_test(dir, G_FILE_TEST_IS_DIR))
		return dir;
	free(dir);
	return NULL;
}

/*
 * The viewBox of the root element, read without parsing the rest of the
 * file: "min-x min-y width height", separated by spaces or commas. 0, or
 * -1 if it cannot be read so (the full load then says why).
 */
static int
root_viewbox(const char *path, double *w, double *h)
{
	struct diag ignored = { 0 };
	xmlTextReader *r;
	xmlChar *vb = NULL;
	double num[4];
	const char *p;
	size_t i;

	if (!regular_svg(path, &ignored))
		return -1;
	r = xmlReaderForFile(path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r == NULL)
		return -1;
	while (xmlTextReaderRead(r) == 1)
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
			vb = xmlTextReaderGetAttribute(r,
				(const xmlChar *)"viewBox");
			break;
		}
	xmlFreeTextReader(r);
	if (vb == NULL)
		return -1;
	p = (const char *)vb;
	for (i = 0; i < 4; i++) {
		char *end;

		while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' ||
			*p == '\r')
			p++;
		num[i] = g_ascii_strtod(p, &end);
		if (end == p || !isfinite(num[i]))
			break;
		p = end;
	}
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	i = i == 4 && *p == '\0' && num[2] > 0 && num[3] > 0;
	xmlFree(vb);
	if (!i)
		return -1;
	/* librsvg reads numbers as CSS does, in single precision. */
	*w = (double)(float)num[2];
	*h = (double)(float)num[3];
	return 0;
}

struct design *
design_open(const char *designs_dir, const char *name, design_check_fn check,
	void *check_arg, struct diag *d)
{
	struct design *dz;
	char *dir, **files;
	size_t i;

	dir = xasprintf("%s/%s", designs_dir, name);
	if (!valid_name(name) || !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		free(dir);
		unknown_design(designs_dir, name, d);
		return NULL;
	}
	dz = xcalloc(1, sizeof *dz);
	dz->name = xstrdup(name);
	dz->lazy = 1;
	dz->check = check;
	dz->check_arg = check_arg;
	pthread_mutex_init(&dz->lock, NULL);
	files = list_dir(dir, ".svg");
	for (i = 0; files[i] != NULL; i++) {
		char *path = xasprintf("%s/%s", dir, files[i]);
		struct variant *v;

		dz->variants = xreallocarray(dz->variants,
			dz->variant_count + 1, sizeof *dz->variants);
		v = &dz->variants[dz->variant_count++];
		memset(v, 0, sizeof *v);
		v->path = path;
		if (root_viewbox(path, &v->width, &v->height) < 0 &&
			design_variant(dz, dz->variant_count - 1, d) == NULL)
			goto fail;
	}
	if (dz->variant_count == 0) {
		diag_set(d, DIAG_FORMAT,
			"design '%s' has no .svg variant in '%s'", name, dir);
		goto fail;
	}
	design_names_free(files);
	free(dir);
	return dz;
fail:
	design_names_free(files);
	free(dir);
	design_free(dz);
	return NULL;
}

struct design *
design_load(const char *designs_dir, const char *name, struct diag *d)
{
	struct design *dz = design_open(designs_dir, name, NULL, NULL, d);
	size_t i;

	for (i = 0; dz != NULL && i < dz->variant_count; i++)
		if (design_variant(dz, i, d) == NULL) {
			design_free(dz);
			dz = NULL;
		}
	return dz;
}

/*
 * What variant_load() read into tmp, moved into v. Other threads read
 * v's path, width and height without the lock (design_pick_index()):
 * those are never written while they may read (the load measures the
 * same viewBox; written only if librsvg read it otherwise).
 */
static void
take_load(struct variant *v, struct variant *tmp)
{
	if (tmp->width != v->width || tmp->height != v->height) {
		v->width = tmp->width;
		v->height = tmp->height;
	}
	v->art_svg = tmp->art_svg;
	v->whole_svg = tmp->whole_svg;
	v->has_background = tmp->has_background;
	v->has_filters = tmp->has_filters;
	v->filter_reach = tmp->filter_reach;
	v->filter_cost = tmp->filter_cost;
	memcpy(v->filter_costliest, tmp->filter_costliest,
		sizeof v->filter_costliest);
	v->view_x = tmp->view_x;
	v->view_y = tmp->view_y;
	v->slots = tmp->slots;
	v->slot_count = tmp->slot_count;
	v->loaded = 1;
	free(tmp->path);
	memset(tmp, 0, sizeof *tmp);
}

/* Loads v of dz and runs the check; on failure v is as it was. */
static int
load_checked(struct design *dz, struct variant *v, struct diag *d)
{
	struct diag load_error = { 0 };
	struct variant tmp;
	int rc = variant_load(&tmp, v->path, &load_error);

	if (rc == 0)
		take_load(v, &tmp);
	else
		variant_release(&tmp);
	if (dz->check != NULL &&
		dz->check(dz, v->path, rc < 0 ? &load_error : NULL,
			dz->check_arg, d) < 0) {
		if (rc == 0)
			unload(v);
		rc = -1;
	} else if (rc < 0) {
		diag_set(d, load_error.kind, "%s", load_error.msg);
	}
	return rc;
}

const struct variant *
design_variant(const struct design *cdz, size_t i, struct diag *d)
{
	/* Loaded lazily, under the lock: see design_open(). */
	struct design *dz = (struct design *)cdz;
	struct variant *v = &dz->variants[i];
	int rc = 0;

	if (!dz->lazy)
		return v;
	pthread_mutex_lock(&dz->lock);
	if (!v->loaded)
		rc = load_checked(dz, v, d);
	pthread_mutex_unlock(&dz->lock);
	return rc == 0 ? v : NULL;
}

void
design_free(struct design *dz)
{
	size_t i;

	if (dz == NULL)
		return;
	for (i = 0; i < dz->variant_count; i++)
		variant_release(&dz->variants[i]);
	free(dz->variants);
	free(dz->name);
	if (dz->lazy)
		pthread_mutex_destroy(&dz->lock);
	free(dz);
}

void
design_ratio_text(double ratio, char *buf, size_t size)
{
	int a, b;

	for (b = 1; b <= 16; b++)
		for (a = 1; a <= 16; a++)
			if (fabs((double)a / b / ratio - 1) < 0.005) {
				snprintf(buf, size, "%d:%d", a, b);
				return;
			}
	if (ratio >= 1)
		snprintf(buf, size, "%.2f:1", ratio);
	else
		snprintf(buf, size, "1:%.2f", 1 / ratio);
}

char *
design_ratio_list(const struct design *dz)
{
	char **ratios = g_new0(char *, dz->variant_count + 1), *list;
	size_t i;

	for (i = 0; i < dz->variant_count; i++) {
		ratios[i] = g_malloc(32);
		design_ratio_text(design_variant_ratio(dz, i), ratios[i], 32);
	}
	list = g_strjoinv(", ", ratios);
	g_strfreev(ratios);
	return list;
}

long
design_pick_index(const struct design *dz, double ratio)
{
	double best_err = INFINITY;
	long best = -1;
	size_t i;

	for (i = 0; i < dz->variant_count; i++) {
		const struct variant *v = &dz->variants[i];
		double err = fabs(log(v->width / v->height / ratio));

		if (err < best_err) {
			best_err = err;
			best = (long)i;
		}
	}
	return best_err <= log(DESIGN_RATIO_TOLERANCE) + 1e-9 ? best : -1;
}

const struct variant *
design_pick(const struct design *dz, double ratio, struct diag *d)
{
	long best = design_pick_index(dz, ratio);
	char *list, want[32];
	size_t i;

	if (best >= 0)
		return design_variant(dz, (size_t)best, d);
	/* A broken variant says so, whatever the ratio asked for. */
	for (i = 0; i < dz->variant_count; i++)
		if (design_variant(dz, i, d) == NULL)
			return NULL;
	list = design_ratio_list(dz);
	design_ratio_text(ratio, want, sizeof want);
	diag_set(d, DIAG_FIT,
		"design '%s' has no variant near ratio %s (it has %s)",
		dz->name, want, list);
	g_free(list);
	return NULL;
}

size_t
design_variant_count(const struct design *dz)
{
	return dz->variant_count;
}

double
design_variant_ratio(const struct design *dz, size_t i)
{
	return dz->variants[i].width / dz->variants[i].height;
}
