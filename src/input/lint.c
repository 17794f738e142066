/* lint.c - a design's mistakes, found before a banner prints them. */
#include "input/lint.h"

#include "base/nearest.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/xalloc.h"
#include "input/catalog.h"
#include "input/design.h"
#include "input/fonts.h"
#include "input/lang.h"
#include "input/paper.h"
#include "layout/print.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

static const char *const slot_attrs[] = { "text", "flag", "font", "weight",
	"color", "align", "caps", "max-lines", "min-size", "max-size",
	"letter-spacing" };
#define SLOT_ATTR_COUNT (sizeof slot_attrs / sizeof slot_attrs[0])

/* A raster image of the art: its pixels, and where it is. */
struct image {
	char *id;
	long line;
	int px_w, px_h;
	double w, h; /* its width and height attributes, user units */
};

/* One file being checked. */
struct check {
	struct lint *l;
	const char *path;
	char *dir; /* the file's folder: references stay inside it */
	char *const *keys;
	GHashTable *ids; /* id -> the first xmlNode with it */
	int bad_ns_told;
	struct image *images; /* raster images, for their resolution */
	size_t image_count;
	xmlDoc *doc; /* the file as parsed; NULL if it is not XML */
	xmlNode **filters; /* <filter> elements, for their cost */
	size_t filter_count;
	const struct design *dz; /* the variants of its folder, or NULL */
};

static const char *
level_word(enum lint_level level)
{
	return level == LINT_WARNING ? "warning: "
	       : level == LINT_NOTE  ? "note: "
				     : "";
}

static void
add(struct lint *l, enum lint_level level, char *text)
{
	l->findings =
		xreallocarray(l->findings, l->count + 1, sizeof *l->findings);
	l->findings[l->count].level = level;
	l->findings[l->count++].text = text;
	if (level == LINT_ERROR)
		l->errors++;
	else if (level == LINT_WARNING)
		l->warnings++;
	else
		l->notes++;
}

static char *
element_id(xmlNode *node)
{
	xmlChar *id = xmlGetProp(node, (const xmlChar *)"id");
	char *s = xstrdup(id != NULL ? (const char *)id : "");

	xmlFree(id);
	return s;
}

/* "slot 'id'" for a slot, "<text> 'id'" or "<text>" for anything else. */
static char *
subject(xmlNode *node, int slot)
{
	char *id = element_id(node), *s;

	if (slot && id[0] == '\0')
		s = xstrdup("a slot");
	else if (slot)
		s = xasprintf("slot '%s'", id);
	else if (id[0] != '\0')
		s = xasprintf("<%s> '%s'", (const char *)node->name, id);
	else
		s = xasprintf("<%s>", (const char *)node->name);
	free(id);
	return s;
}

static void finding(struct check *c, enum lint_level level, xmlNode *node,
	int slot, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
finding(struct check *c, enum lint_level level, xmlNode *node, int slot,
	const char *fmt, ...)
{
	va_list ap;
	char *what, *who = subject(node, slot);

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	add(c->l, level,
		xasprintf("%s:%ld: %s%s: %s", c->path, xmlGetLineNo(node),
			level_word(level), who, what));
	g_free(what);
	free(who);
}

/* The nearest valid name: always one, however far. */
static const char *
nearest(const char *word, const char *const *words, size_t n)
{
	const char *best = nearest_word(word, words, n, NULL);

	return best != NULL ? best : words[0];
}

static int
is_bayraq(const xmlAttr *a)
{
	return a->ns != NULL && a->ns->href != NULL &&
	       strcmp((const char *)a->ns->href, DESIGN_NS) == 0;
}

/* An attribute meant for bayraq that is not in its namespace. */
static int
is_stray_bayraq(const xmlAttr *a)
{
	if (is_bayraq(a))
		return 0;
	if (a->ns != NULL && a->ns->href != NULL &&
		strstr((const char *)a->ns->href, "bayraq") != NULL)
		return 1;
	if (a->ns != NULL && a->ns->prefix != NULL &&
		strcmp((const char *)a->ns->prefix, "bayraq") == 0)
		return 1;
	/* No xmlns:bayraq at all: libxml2 keeps the prefix in the name. */
	return a->ns == NULL &&
	       strncmp((const char *)a->name, "bayraq:", 7) == 0;
}

static void
stray_namespace(struct check *c, xmlNode *node, const xmlAttr *a)
{
	if (c->bad_ns_told++)
		return;
	if (a->ns != NULL && a->ns->href != NULL)
		finding(c, LINT_ERROR, node, 0,
			"bayraq:%s is in the namespace '%s', which is not "
			"bayraq's, so no slot is read; declare "
			"xmlns:bayraq=\"" DESIGN_NS "\" on the root <svg>",
			(const char *)a->name, (const char *)a->ns->href);
	else
		finding(c, LINT_ERROR, node, 0,
			"%s has no namespace declared, so no slot is read; "
			"declare xmlns:bayraq=\"" DESIGN_NS
			"\" on the root <svg>",
			(const char *)a->name);
}

static char *
prop(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetNsProp(node, (const xmlChar *)name,
		(const xmlChar *)DESIGN_NS);
	char *s = v != NULL ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* The style property name of node's style="" attribute, or NULL. */
static char *
style_value(xmlNode *node, const char *name)
{
	xmlChar *style = xmlGetProp(node, (const xmlChar *)"style");
	char **parts, *found = NULL;
	size_t i;

	if (style == NULL)
		return NULL;
	parts = g_strsplit((const char *)style, ";", -1);
	for (i = 0; parts[i] != NULL && found == NULL; i++) {
		char *colon = strchr(parts[i], ':');

		if (colon == NULL)
			continue;
		*colon = '\0';
		if (strcmp(g_strstrip(parts[i]), name) == 0)
			found = xstrdup(g_strstrip(colon + 1));
	}
	g_strfreev(parts);
	xmlFree(style);
	return found;
}

/* Whether node or an ancestor is display:none or hidden. */
static int
hidden(xmlNode *node)
{
	for (; node != NULL && node->type == XML_ELEMENT_NODE;
		node = node->parent) {
		static const char *const props[] = { "display", "visibility" };
		size_t i;

		for (i = 0; i < 2; i++) {
			xmlChar *attr =
				xmlGetProp(node, (const xmlChar *)props[i]);
			char *st = style_value(node, props[i]);
			int off = (attr != NULL &&
					  (strcmp((const char *)attr, "none") ==
							  0 ||
						  strcmp((const char *)attr,
							  "hidden") == 0)) ||
				  (st != NULL &&
					  (strcmp(st, "none") == 0 ||
						  strcmp(st, "hidden") == 0));

			xmlFree(attr);
			free(st);
			if (off)
				return 1;
		}
	}
	return 0;
}

static int
is_flowed(xmlNode *node)
{
	char *shape = style_value(node, "shape-inside");
	int flowed = strncmp((const char *)node->name, "flow", 4) == 0 ||
		     (shape != NULL && strcmp(shape, "none") != 0);

	free(shape);
	return flowed;
}

/* The text of node and its children, squeezed to one short line. */
static char *
text_content(xmlNode *node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	GString *out = g_string_new(NULL);
	const char *p;
	int space = 0;

	for (p = raw != NULL ? (const char *)raw : ""; *p != '\0'; p++) {
		if (g_ascii_isspace(*p)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = 0;
		g_string_append_c(out, *p);
	}
	xmlFree(raw);
	if (out->len > 40) {
		g_string_truncate(out, 40);
		while (out->len > 0 && (out->str[out->len - 1] & 0xC0) == 0x80)
			g_string_truncate(out, out->len - 1);
		if (out->len > 0)
			g_string_truncate(out, out->len - 1);
		g_string_append(out, "...");
	}
	return g_string_free(out, FALSE);
}

static int
has_key(char *const *keys, const char *key)
{
	size_t i;

	for (i = 0; keys != NULL && keys[i] != NULL; i++)
		if (strcmp(keys[i], key) == 0)
			return 1;
	return 0;
}

static void
check_key(struct check *c, xmlNode *node, const char *key)
{
	char *list = g_strjoinv(", ", (char **)c->keys);

	if (catalog_tile_key(key))
		finding(c, LINT_ERROR, node, 1,
			"bayraq:text '%s' is a text of the home-printer "
			"sheets, not of banners; use one of %s",
			key, list);
	else if (!has_key(c->keys, key))
		finding(c, LINT_ERROR, node, 1,
			"bayraq:text '%s' is not a key of locales/bayraq.pot; "
			"use one of %s",
			key, list);
	g_free(list);
}

static void
check_slot(struct check *c, xmlNode *node, const char *text, const char *flag)
{
	static const char *const roles[] = { "ua", "crh", "host" };
	char *id = element_id(node), *w, *h;

	if (id[0] == '\0')
		finding(c, LINT_ERROR, node, 1,
			"has no id; give it one (Inkscape: Object Properties)");
	free(id);
	if (text != NULL && flag != NULL)
		finding(c, LINT_ERROR, node, 1,
			"has both bayraq:text and bayraq:flag; keep one");
	if (text != NULL && c->keys != NULL)
		check_key(c, node, text);
	if (text == NULL && flag != NULL && strcmp(flag, "ua") != 0 &&
		strcmp(flag, "crh") != 0 && strcmp(flag, "host") != 0)
		finding(c, LINT_ERROR, node, 1,
			"unknown bayraq:flag '%s' (did you mean '%s'? it takes "
			"ua, crh or host)",
			flag, nearest(flag, roles, 3));
	if (hidden(node))
		finding(c, LINT_ERROR, node, 1,
			"is hidden (display:none or a hidden layer), so it has "
			"no area; show it, or move it out of the hidden layer");
	else if (is_flowed(node))
		finding(c, LINT_ERROR, node, 1,
			"is flowed text, which has no area of its own; mark a "
			"rectangle as the slot instead");
	w = (char *)xmlGetProp(node, (const xmlChar *)"width");
	h = (char *)xmlGetProp(node, (const xmlChar *)"height");
	if ((w != NULL && g_ascii_strtod(w, NULL) == 0) ||
		(h != NULL && g_ascii_strtod(h, NULL) == 0))
		finding(c, LINT_ERROR, node, 1,
			"has zero width or height, so it has no area; draw "
			"it as a rectangle the size of the text or flag");
	xmlFree(w);
	xmlFree(h);
}

/* The bayraq attributes of node: unknown names, stray namespaces. */
static int
check_attrs(struct check *c, xmlNode *node, char **first)
{
	const xmlAttr *a;
	int count = 0;

	for (a = node->properties; a != NULL; a = a->next) {
		const char *name = (const char *)a->name;
		size_t i;
		int known = 0;

		if (is_stray_bayraq(a)) {
			stray_namespace(c, node, a);
			continue;
		}
		if (!is_bayraq(a))
			continue;
		count++;
		for (i = 0; i < SLOT_ATTR_COUNT; i++)
			known |= strcmp(name, slot_attrs[i]) == 0;
		if (!known)
			finding(c, LINT_ERROR, node, 1,
				"unknown attribute bayraq:%s; did you mean "
				"bayraq:%s?",
				name,
				nearest(name, slot_attrs, SLOT_ATTR_COUNT));
		if (*first == NULL)
			*first = xstrdup(name);
	}
	return count;
}

static int
is_svg(xmlNode *node, const char *name)
{
	return node->ns != NULL &&
	       strcmp((const char *)node->ns->href, SVG_NS) == 0 &&
	       strcmp((const char *)node->name, name) == 0;
}

/* The pixel size of an embedded (data:) or in-folder raster image. */
static int
image_pixels(const char *data_uri, const char *file, int *w, int *h)
{
	GdkPixbufFormat *fmt = NULL;
	GdkPixbufLoader *loader;
	GdkPixbuf *pb;
	const char *comma;
	guchar *bytes;
	gsize len;
	int ok = 0;

	if (file != NULL) {
		fmt = gdk_pixbuf_get_file_info(file, w, h);
		return fmt != NULL && !gdk_pixbuf_format_is_scalable(fmt);
	}
	comma = strchr(data_uri, ',');
	if (comma == NULL || strstr(data_uri, ";base64") == NULL ||
		strstr(data_uri, ";base64") > comma)
		return 0;
	bytes = g_base64_decode(comma + 1, &len);
	loader = gdk_pixbuf_loader_new();
	if (gdk_pixbuf_loader_write(loader, bytes, len, NULL) &&
		gdk_pixbuf_loader_close(loader, NULL)) {
		fmt = gdk_pixbuf_loader_get_format(loader);
		pb = gdk_pixbuf_loader_get_pixbuf(loader);
		if (pb != NULL && fmt != NULL &&
			!gdk_pixbuf_format_is_scalable(fmt)) {
			*w = gdk_pixbuf_get_width(pb);
			*h = gdk_pixbuf_get_height(pb);
			ok = 1;
		}
	} else {
		gdk_pixbuf_loader_close(loader, NULL);
	}
	g_object_unref(loader);
	g_free(bytes);
	return ok;
}

static void
add_image(struct check *c, xmlNode *node, const char *data_uri,
	const char *file)
{
	struct image im = { NULL, xmlGetLineNo(node), 0, 0, 0, 0 };
	xmlChar *w = xmlGetProp(node, (const xmlChar *)"width");
	xmlChar *h = xmlGetProp(node, (const xmlChar *)"height");

	if (w != NULL)
		im.w = g_ascii_strtod((const char *)w, NULL);
	if (h != NULL)
		im.h = g_ascii_strtod((const char *)h, NULL);
	xmlFree(w);
	xmlFree(h);
	if (!image_pixels(data_uri, file, &im.px_w, &im.px_h))
		return;
	im.id = element_id(node);
	c->images =
		xreallocarray(c->images, c->image_count + 1, sizeof *c->images);
	c->images[c->image_count++] = im;
}

/* An href that is not in this file: never fetched, never read outside. */
static void
check_href(struct check *c, xmlNode *node)
{
	xmlChar *href = xmlGetNsProp(node, (const xmlChar *)"href",
		(const xmlChar *)XLINK_NS);
	const char *h;
	char *full, *dir_slash, *rel;

	if (href == NULL)
		href = xmlGetProp(node, (const xmlChar *)"href");
	if (href == NULL) {
		if (is_svg(node, "image"))
			finding(c, LINT_ERROR, node, 0,
				"has no href, so nothing is drawn; link or "
				"embed an image, or remove it");
		return;
	}
	h = (const char *)href;
	if (strncmp(h, "data:", 5) == 0 && is_svg(node, "image"))
		add_image(c, node, h, NULL);
	if (h[0] == '#' || strncmp(h, "data:", 5) == 0) {
		xmlFree(href);
		return;
	}
	if (strchr(h, ':') != NULL || h[0] == '/' || h[0] == '\\') {
		finding(c, LINT_ERROR, node, 0,
			"refers to '%.80s', outside the design's folder, "
			"which bayraq never fetches or reads; embed it "
			"(Inkscape: Extensions > Images > Embed Images)",
			h);
		xmlFree(href);
		return;
	}
	rel = xstrndup(h, strcspn(h, "#?"));
	full = g_canonicalize_filename(rel, c->dir);
	free(rel);
	dir_slash = g_strconcat(c->dir, "/", NULL);
	if (strncmp(full, dir_slash, strlen(dir_slash)) != 0)
		finding(c, LINT_ERROR, node, 0,
			"refers to '%.80s', outside the design's folder, "
			"which bayraq never reads; embed it or copy it in",
			h);
	else if (!g_file_test(full, G_FILE_TEST_IS_REGULAR))
		finding(c, LINT_ERROR, node, 0,
			"refers to '%.80s', which is not there, so it would "
			"be left out; put the file in the design's folder or "
			"embed it",
			h);
	else if (is_svg(node, "image"))
		add_image(c, node, NULL, full);
	g_free(dir_slash);
	g_free(full);
	xmlFree(href);
}

static void
check_id(struct check *c, xmlNode *node, int slot)
{
	char *id = element_id(node);
	xmlNode *first;

	if (id[0] == '\0') {
		free(id);
		return;
	}
	first = g_hash_table_lookup(c->ids, id);
	if (first == NULL) {
		g_hash_table_insert(c->ids, id, node);
		return;
	}
	finding(c,
		slot || strcmp(id, "background") == 0 ? LINT_ERROR
						      : LINT_WARNING,
		node, slot,
		"the id is also used on line %ld; give each element its own "
		"id",
		xmlGetLineNo(first));
	free(id);
}

/* What librsvg leaves out, and what prints the same in every language. */
static void
check_art(struct check *c, xmlNode *node)
{
	char *words, *label;

	if (strcmp((const char *)node->name, "flowRoot") == 0) {
		words = text_content(node);
		if (!hidden(node))
			finding(c, LINT_ERROR, node, 0,
				"flowed text ('%s') is not drawn by bayraq's "
				"SVG renderer, so it would vanish; make it a "
				"text slot, or in Inkscape use Text > Convert "
				"to Text",
				words);
		free(words);
		return;
	}
	if (is_svg(node, "text") && !hidden(node)) {
		words = text_content(node);
		if (is_flowed(node))
			finding(c, LINT_ERROR, node, 0,
				"flowed text ('%s', shape-inside) is not "
				"wrapped by bayraq's SVG renderer; make it a "
				"text slot, or in Inkscape use Text > Convert "
				"to Text",
				words);
		else if (words[0] != '\0')
			finding(c, LINT_WARNING, node, 0,
				"the text '%s' prints the same in every "
				"language; make it a text slot with "
				"bayraq:text, unless it is a name or a logo",
				words);
		free(words);
	}
	label = (char *)xmlGetProp(node, (const xmlChar *)"aria-label");
	if (label != NULL && !is_svg(node, "text") && !hidden(node))
		finding(c, LINT_WARNING, node, 0,
			"the text '%.40s' was converted to paths and prints "
			"the same in every language; make it a text slot "
			"with bayraq:text, unless it is a name or a logo",
			label);
	xmlFree(label);
	if (is_svg(node, "image") || is_svg(node, "use") ||
		is_svg(node, "feImage"))
		check_href(c, node);
	if (is_svg(node, "filter")) {
		c->filters = xreallocarray(c->filters, c->filter_count + 1,
			sizeof *c->filters);
		c->filters[c->filter_count++] = node;
	}
}

static void
walk(struct check *c, xmlNode *node)
{
	xmlNode *child;

	for (child = node->children; child != NULL; child = child->next) {
		char *text, *flag, *first = NULL;
		int count;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		if (child->ns != NULL &&
			strcmp((const char *)child->ns->href, DESIGN_NS) == 0)
			finding(c, LINT_ERROR, child, 0,
				"bayraq has no elements, only attributes on "
				"a rectangle (designs/README.md)");
		count = check_attrs(c, child, &first);
		text = prop(child, "text");
		flag = prop(child, "flag");
		check_id(c, child, text != NULL || flag != NULL);
		if (text != NULL || flag != NULL)
			check_slot(c, child, text, flag);
		else if (count > 0)
			finding(c, LINT_ERROR, child, 1,
				"has bayraq:%s but neither bayraq:text nor "
				"bayraq:flag, so it would print as a guide "
				"box; add bayraq:text=\"KEY\" or "
				"bayraq:flag=\"ua\", \"crh\" or \"host\"",
				first);
		free(first);
		if (text == NULL && flag == NULL) {
			check_art(c, child);
			walk(c, child);
		}
		free(text);
		free(flag);
	}
}

/* WCAG 2's relative luminance of an sRGB colour, and a contrast ratio. */
static double
luminance(const double rgb[3])
{
	double sum = 0;
	static const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	int i;

	for (i = 0; i < 3; i++) {
		double c = rgb[i];

		c = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
		sum += weight[i] * c;
	}
	return sum;
}

static double
contrast(const double a[3], const double b[3])
{
	double la = luminance(a), lb = luminance(b);

	return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* The design drawn as a banner would be, without slots, at k per unit. */
static cairo_surface_t *
draw_art(const struct variant *v, double k)
{
	struct diag d = { 0 };
	int w = (int)ceil(v->width * k), h = (int)ceil(v->height * k);
	cairo_surface_t *s =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	RsvgRectangle vp = { 0, 0, v->width, v->height };
	RsvgHandle *bg = variant_open_background(v, &d);
	RsvgHandle *art = variant_open_art(v, &d);

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	if (bg != NULL)
		rsvg_handle_render_layer(bg, cr, "#background", &vp, NULL);
	if (art != NULL)
		rsvg_handle_render_document(art, cr, &vp, NULL);
	cairo_destroy(cr);
	if (bg != NULL)
		g_object_unref(bg);
	if (art != NULL)
		g_object_unref(art);
	cairo_surface_flush(s);
	return s;
}

/* The mean colour of the art under a slot. */
static void
mean_under(cairo_surface_t *img, const struct slot *sl, double k, double rgb[3])
{
	const unsigned char *px = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	int w = cairo_image_surface_get_width(img);
	int h = cairo_image_surface_get_height(img);
	int x0 = (int)(sl->x * k), y0 = (int)(sl->y * k);
	int x1 = (int)ceil((sl->x + sl->w) * k);
	int y1 = (int)ceil((sl->y + sl->h) * k), x, y;
	double sum[3] = { 0, 0, 0 }, n = 0;

	for (y = y0 < 0 ? 0 : y0; y < y1 && y < h; y++)
		for (x = x0 < 0 ? 0 : x0; x < x1 && x < w; x++) {
			uint32_t p;

			memcpy(&p,
				px + (size_t)y * (size_t)stride + (size_t)x * 4,
				4);
			sum[0] += (double)((p >> 16) & 0xFF) / 255;
			sum[1] += (double)((p >> 8) & 0xFF) / 255;
			sum[2] += (double)(p & 0xFF) / 255;
			n++;
		}
	for (x = 0; x < 3; x++)
		rgb[x] = n > 0 ? sum[x] / n : 1;
}

/* Each text slot's colour against the art under it: WCAG 4.5:1. */
static void
check_contrast(struct check *c, const struct variant *v)
{
	double k = 300 / fmax(v->width, v->height);
	cairo_surface_t *img = NULL;
	size_t i;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		double under[3], ratio;

		if (sl->kind != SLOT_TEXT)
			continue;
		if (img == NULL)
			img = draw_art(v, k);
		mean_under(img, sl, k, under);
		ratio = contrast(sl->rgb, under);
		if (ratio < LINT_CONTRAST)
			add(c->l, LINT_WARNING,
				xasprintf("%s:%zu: warning: slot '%s': its "
					  "colour #%02X%02X%02X on the art "
					  "under it (about #%02X%02X%02X) has "
					  "a contrast of %.1f:1, below the "
					  "%.1f:1 WCAG asks; choose a lighter "
					  "or darker bayraq:color",
					c->path, sl->line, sl->id,
					(unsigned)lround(sl->rgb[0] * 255),
					(unsigned)lround(sl->rgb[1] * 255),
					(unsigned)lround(sl->rgb[2] * 255),
					(unsigned)lround(under[0] * 255),
					(unsigned)lround(under[1] * 255),
					(unsigned)lround(under[2] * 255), ratio,
					LINT_CONTRAST));
	}
	if (img != NULL)
		cairo_surface_destroy(img);
}

/* The named sizes, either way up, at which a render picks this variant. */
struct sizes {
	struct paper *pages;
	size_t count;
	size_t largest; /* the largest physical one; count if none */
};

/* Whether a page is in pixels: no print margin, no reading distance. */
static int
is_screen(const struct paper *p)
{
	return p->width_px != 0;
}

/*
 * Every named size, turned both ways, whose ratio makes design_pick()
 * choose the variant at path among dz's, as a render would.
 */
static void
sizes_init(struct sizes *sz, const struct design *dz, const char *path)
{
	static const char *const turns[] = { "portrait", "landscape" };
	double best_area = 0;
	char desc[96];
	const char *name;
	size_t i, t;

	memset(sz, 0, sizeof *sz);
	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++)
		for (t = 0; t < 2; t++) {
			struct diag d = { 0 };
			const struct variant *v;
			struct paper p;

			if (paper_parse(&p, name, &d) < 0 ||
				paper_orient(&p, turns[t], &d) < 0 ||
				(t == 1 && p.width_pt == p.height_pt))
				continue;
			v = design_pick(dz, p.width_pt / p.height_pt, &d);
			if (v == NULL || strcmp(v->path, path) != 0)
				continue;
			sz->pages = xreallocarray(sz->pages, sz->count + 1,
				sizeof *sz->pages);
			sz->pages[sz->count++] = p;
		}
	sz->largest = sz->count;
	for (i = 0; i < sz->count; i++) {
		const struct paper *p = &sz->pages[i];

		if (!is_screen(p) && p->width_pt * p->height_pt > best_area) {
			best_area = p->width_pt * p->height_pt;
			sz->largest = i;
		}
	}
}

/* Points per user unit of v on a page: scaled uniformly, as render does. */
static double
page_scale(const struct variant *v, const struct paper *p)
{
	return fmin(p->width_pt / v->width, p->height_pt / v->height);
}

/* Raster images below LINT_MIN_PPI at the largest size of the ratio. */
static void
check_images(struct check *c, const struct variant *v, const struct sizes *sz)
{
	const char *size;
	RsvgHandle *art = NULL;
	double k;
	size_t i;

	if (c->image_count == 0 || sz->largest == sz->count)
		return;
	size = sz->pages[sz->largest].label;
	k = page_scale(v, &sz->pages[sz->largest]);
	for (i = 0; i < c->image_count; i++) {
		const struct image *im = &c->images[i];
		double w = im->w, h = im->h, ppi;

		if (im->id[0] != '\0') {
			struct diag d = { 0 };
			RsvgRectangle vp = { 0, 0, v->width, v->height }, ink,
				      logical;
			char *ref = xasprintf("#%s", im->id);

			if (art == NULL)
				art = variant_open_art(v, &d);
			if (art != NULL &&
				rsvg_handle_get_geometry_for_layer(art, ref,
					&vp, &ink, &logical, NULL)) {
				w = logical.width;
				h = logical.height;
			}
			free(ref);
		}
		if (!(w > 0 && h > 0))
			continue;
		ppi = fmin(im->px_w / (w * k / 72), im->px_h / (h * k / 72));
		if (ppi < LINT_MIN_PPI)
			add(c->l, LINT_WARNING,
				xasprintf("%s:%ld: warning: <image>%s%s%s: "
					  "%d x %d pixels make %.0f ppi on %s "
					  "(%.0f x %.0f mm), below %.0f; use "
					  "one of at least %.0f pixels wide, "
					  "or a vector drawing",
					c->path, im->line,
					im->id[0] ? " '" : "", im->id,
					im->id[0] ? "'" : "", im->px_w,
					im->px_h, ppi, size, PAPER_MM(w * k),
					PAPER_MM(h * k), LINT_MIN_PPI,
					ceil(w * k / 72 * LINT_MIN_PPI)));
	}
	if (art != NULL)
		g_object_unref(art);
}

/* A finding on a slot of the loaded variant. */
static void slot_finding(struct check *c, enum lint_level level,
	const struct slot *sl, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
slot_finding(struct check *c, enum lint_level level, const struct slot *sl,
	const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	add(c->l, level,
		xasprintf("%s:%zu: %sslot '%s': %s", c->path, sl->line,
			level_word(level), sl->id, what));
	g_free(what);
}

/* A slot's edges on a page, in points: left, top, right, bottom. */
static void
slot_on_page(const struct variant *v, const struct slot *sl,
	const struct paper *p, double box[4])
{
	double k = page_scale(v, p);
	double ox = (p->width_pt - v->width * k) / 2;
	double oy = (p->height_pt - v->height * k) / 2;

	box[0] = ox + sl->x * k;
	box[1] = oy + sl->y * k;
	box[2] = ox + (sl->x + sl->w) * k;
	box[3] = oy + (sl->y + sl->h) * k;
}

/* The safe margin a render keeps on page p: print_sheet()'s own. */
static double
page_safe(const struct paper *p)
{
	struct print_opts o;
	struct sheet sheet;
	struct diag d = { 0 };

	print_opts_init(&o);
	return print_sheet(&sheet, p, &o, &d) < 0 ? 0 : sheet.safe;
}

/* Where a text slot stands against one page's safe margin. */
struct edge {
	double short_by; /* how far inside the margin it reaches; 0: not */
	double margin; /* its distance to the nearest edge, points */
	double safe; /* the margin */
	int side; /* the nearest edge: left, top, right, bottom */
	int within; /* wholly inside the margin: no text in it escapes */
};

static void
edge_on_page(const struct variant *v, const struct slot *sl,
	const struct paper *p, struct edge *e)
{
	double box[4], gap[4], far[4];
	struct diag d = { 0 };
	int i;

	slot_on_page(v, sl, p, box);
	gap[0] = box[0];
	gap[1] = box[1];
	gap[2] = p->width_pt - box[2];
	gap[3] = p->height_pt - box[3];
	far[0] = box[2];
	far[1] = box[3];
	far[2] = p->width_pt - box[0];
	far[3] = p->height_pt - box[1];
	memset(e, 0, sizeof *e);
	e->safe = page_safe(p);
	for (i = 1; i < 4; i++)
		if (gap[i] < gap[e->side])
			e->side = i;
	e->margin = gap[e->side];
	/* Render checks no margin on a page in pixels. */
	if (e->safe <= 0 || print_safe_check(e->margin, e->safe, "", &d) == 0)
		return;
	e->short_by = e->safe - e->margin;
	for (i = 0; i < 4; i++)
		if (far[i] < e->safe) {
			e->within = 1;
			e->side = i;
			e->margin = gap[i];
		}
}

/*
 * Each text slot inside the safe area at every size its variant serves.
 * Render refuses a text whose ink comes nearer the edge than the safe
 * margin (print_safe_check()). A text fills its slot, so a slot that
 * reaches into the margin is refused in the languages whose text reaches
 * its edge (a warning, at the size where it reaches deepest), and a slot
 * wholly inside it is refused always (an error).
 */
static void
check_safe_area(struct check *c, const struct variant *v,
	const struct sizes *sz)
{
	static const char *const sides[] = { "left", "top", "right", "bottom" };
	size_t i, j;

	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		struct edge worst = { 0 }, e;
		size_t at = 0, count = 0;
		double units = 0; /* the move that clears every size */
		char more[64] = "";

		for (j = 0; sl->kind == SLOT_TEXT && j < sz->count; j++) {
			edge_on_page(v, sl, &sz->pages[j], &e);
			if (e.short_by == 0)
				continue;
			count++;
			units = fmax(units,
				(e.safe - e.margin) /
					page_scale(v, &sz->pages[j]));
			if (e.within > worst.within ||
				(e.within == worst.within &&
					e.short_by > worst.short_by)) {
				worst = e;
				at = j;
			}
		}
		if (count == 0)
			continue;
		if (count > 1)
			snprintf(more, sizeof more,
				" and at %zu more size%s of this ratio",
				count - 1, count == 2 ? "" : "s");
		slot_finding(c, worst.within ? LINT_ERROR : LINT_WARNING, sl,
			"on %s it %s %.1f mm %s the %s edge, %s the %.1f mm "
			"safe margin, so render refuses %s there%s; keep it "
			"%.0f user units further from the %s edge",
			sz->pages[at].label,
			worst.margin < 0 ? "reaches" : "comes within",
			PAPER_MM(fabs(worst.margin)),
			worst.margin < 0 ? "past" : "of", sides[worst.side],
			worst.margin < 0 ? "off the page and" : "inside",
			PAPER_MM(worst.safe),
			worst.within ? "every text in it"
				     : "a text that fills it",
			more, ceil(units), sides[worst.side]);
	}
}

/*
 * How far a page is read from: a vinyl banner over a march, a placard
 * carried on a stick (the US sign sizes, from 18 x 24 in), a poster on a
 * wall (every A size, US paper); 0 for a screen.
 */
static double
reading_metres(const struct paper *p)
{
	if (is_screen(p))
		return 0;
	if (p->family == PAPER_BANNER)
		return LINT_BANNER_M;
	if (p->family == PAPER_US &&
		fmin(p->width_pt, p->height_pt) >= 18 * 72 - 1)
		return LINT_SIGN_M;
	return LINT_POSTER_M;
}

/*
 * The cap height of a slot's font per unit of font size, measured with
 * pango: the ink of "H" in the slot's family and weight (Latin's
 * families after it, as a render of a Latin language tries them).
 */
static double
cap_height(const struct fonts *fonts, const struct slot *sl)
{
	PangoContext *ctx = fonts_context_new(fonts);
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *desc = pango_font_description_new();
	PangoRectangle ink;
	struct lang lang;
	char *families;

	lang_init(&lang, "en");
	families = strcmp(sl->font, "sans") == 0
			   ? xstrdup(lang.families)
			   : xasprintf("%s,%s", sl->font, lang.families);
	pango_font_description_set_family(desc, families);
	pango_font_description_set_weight(desc, (PangoWeight)sl->weight);
	pango_font_description_set_absolute_size(desc, 1000.0 * PANGO_SCALE);
	pango_layout_set_font_description(layout, desc);
	pango_layout_set_text(layout, "H", -1);
	pango_layout_get_extents(layout, &ink, NULL);
	pango_font_description_free(desc);
	g_object_unref(layout);
	g_object_unref(ctx);
	free(families);
	return (double)ink.height / PANGO_SCALE / 1000.0;
}

/* The smallest text of a variant: the text slot of least cap height. */
static const struct slot *
smallest_text(const struct fonts *fonts, const struct variant *v, double *cap)
{
	const struct slot *best = NULL;
	size_t i;

	*cap = 0;
	for (i = 0; i < v->slot_count; i++) {
		const struct slot *sl = &v->slots[i];
		double c;

		if (sl->kind != SLOT_TEXT)
			continue;
		c = sl->min_size * cap_height(fonts, sl);
		if (best == NULL || c < *cap) {
			best = sl;
			*cap = c;
		}
	}
	return best;
}

/*
 * The variant's smallest text, at its bayraq:min-size, is legible from
 * the distance each of its sizes is read from: LINT_DISTANCE_PER_CAP mm
 * of distance per mm of cap height. Told at the worst size, as a note.
 */
static void
check_legibility(struct check *c, const struct variant *v,
	const struct sizes *sz)
{
	double cap, worst = 1, worst_mm = 0, need_mm = 0, metres = 0;
	const struct slot *sl;
	size_t j, worst_size = 0;

	if (c->l->fonts == NULL)
		return;
	sl = smallest_text(c->l->fonts, v, &cap);
	for (j = 0; sl != NULL && cap > 0 && j < sz->count; j++) {
		const struct paper *p = &sz->pages[j];
		double m = reading_metres(p), mm, need;

		if (m == 0)
			continue;
		mm = PAPER_MM(cap * page_scale(v, p));
		need = m * 1000 / LINT_DISTANCE_PER_CAP;
		if (mm / need >= worst)
			continue;
		worst = mm / need;
		worst_mm = mm;
		need_mm = need;
		metres = m;
		worst_size = j;
	}
	if (worst >= 1)
		return;
	slot_finding(c, LINT_NOTE, sl,
		"the smallest text: at its bayraq:min-size (%g) its capitals "
		"are %.*f mm high on %s, legible from about %.1f m, but a %s "
		"is read from %.0f m, which needs %.0f mm; raise "
		"bayraq:min-size to %.0f, with a slot where every language "
		"fits at that size (bayraq proof)",
		sl->min_size, worst_mm < 10 ? 1 : 0, worst_mm,
		sz->pages[worst_size].label,
		worst_mm * LINT_DISTANCE_PER_CAP / 1000,
		metres == LINT_BANNER_M ? "banner"
		: metres == LINT_SIGN_M ? "placard"
					: "poster",
		metres, need_mm, ceil(sl->min_size / worst));
}

/*
 * Removes the references to filter id (every filter for NULL) from node
 * and below; how many.
 */
static size_t
strip_filter(xmlNode *node, const char *id)
{
	char *url = id != NULL ? xasprintf("url(#%s)", id) : xstrdup("url(#");
	size_t n = 0;
	xmlNode *child;

	for (child = node->children; child != NULL; child = child->next) {
		xmlChar *f, *style;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		f = xmlGetProp(child, (const xmlChar *)"filter");
		if (f != NULL && strstr((const char *)f, url) != NULL) {
			xmlUnsetProp(child, (const xmlChar *)"filter");
			n++;
		}
		xmlFree(f);
		style = xmlGetProp(child, (const xmlChar *)"style");
		if (style != NULL && strstr((const char *)style, url) != NULL) {
			char **parts = g_strsplit((const char *)style, ";", -1);
			GString *kept = g_string_new(NULL);
			size_t i;

			for (i = 0; parts[i] != NULL; i++)
				if (strstr(parts[i], url) == NULL)
					g_string_append_printf(kept, "%s%s",
						kept->len > 0 ? ";" : "",
						parts[i]);
			xmlSetProp(child, (const xmlChar *)"style",
				(const xmlChar *)kept->str);
			g_string_free(kept, TRUE);
			g_strfreev(parts);
			n++;
		}
		xmlFree(style);
		n += strip_filter(child, id);
	}
	free(url);
	return n;
}

/* The processor time of the process, in seconds: librsvg blurs on threads of
 * its own. */
static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The lesser of two times librsvg takes to draw doc on a w x h surface,
 * in seconds; negative if it cannot. Nothing outside the file is read:
 * the handle has no base to resolve references against.
 */
static double
draw_seconds(xmlDoc *doc, int w, int h)
{
	RsvgRectangle vp = { 0, 0, w, h };
	cairo_surface_t *s;
	RsvgHandle *svg;
	xmlChar *bytes;
	double best = -1;
	int len, i;

	xmlDocDumpMemory(doc, &bytes, &len);
	svg = rsvg_handle_new_from_data(bytes, (gsize)len, NULL);
	xmlFree(bytes);
	if (svg == NULL)
		return -1;
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	for (i = 0; i < 2; i++) {
		cairo_t *cr = cairo_create(s);
		double t = cpu_seconds();

		if (rsvg_handle_render_document(svg, cr, &vp, NULL)) {
			t = cpu_seconds() - t;
			if (best < 0 || t < best)
				best = t;
		}
		cairo_destroy(cr);
	}
	cairo_surface_destroy(s);
	g_object_unref(svg);
	return best;
}

/* The primitives of a <filter>: each one is a surface of its own. */
static size_t
primitive_count(xmlNode *filter)
{
	xmlNode *child;
	size_t n = 0;

	for (child = filter->children; child != NULL; child = child->next)
		n += child->type == XML_ELEMENT_NODE;
	return n;
}

/*
 * Each <filter> that is used, with its cost measured: the variant drawn
 * at LINT_FILTER_PX on its long side with and without it, the difference
 * scaled to the pixels of the largest size at LINT_FILTER_DPI. Its
 * memory: the page drawn whole (a design with filters is not drawn in
 * bands), and librsvg's surfaces of the page's size: the source, a blur's
 * two passes, the result and one a primitive. Checked on
 * tests/data/designs/lint-filter at A3 300 dpi: render took 2.1 s more
 * processor time and 388 MB more memory with the blur than without;
 * lint says 16 s and 2790 MB for A0, 8 times the pixels.
 */
#define LINT_FILTER_PX 640.0

/* More filters than this are measured together, to keep lint quick. */
#define LINT_FILTERS_EACH 3

/*
 * The time to draw doc without filter id (without any for NULL), or 0
 * without draw; -1 if nothing uses it.
 */
static double
draw_without(xmlDoc *doc, const char *id, int w, int h, int draw)
{
	xmlDoc *copy = xmlCopyDoc(doc, 1);
	double t = -1;

	if (strip_filter(xmlDocGetRootElement(copy), id) > 0)
		t = draw ? draw_seconds(copy, w, h) : 0;
	xmlFreeDoc(copy);
	return t;
}

static void
check_filters(struct check *c, const struct variant *v, const struct sizes *sz)
{
	double k = LINT_FILTER_PX / fmax(v->width, v->height), with, all = 0;
	int w = (int)ceil(v->width * k), h = (int)ceil(v->height * k);
	size_t i, pw, ph, used = 0, primitives = 0;
	const struct paper *big;
	char **ids;

	if (c->filter_count == 0 || c->doc == NULL || sz->largest == sz->count)
		return;
	big = &sz->pages[sz->largest];
	paper_pixels(big, LINT_FILTER_DPI, &pw, &ph);
	ids = xcalloc(c->filter_count, sizeof *ids);
	for (i = 0; i < c->filter_count; i++) {
		ids[i] = element_id(c->filters[i]);
		if (ids[i][0] != '\0' &&
			draw_without(c->doc, ids[i], w, h, 0) == 0) {
			used++;
			/* They take turns: the most surfaces at once. */
			if (primitive_count(c->filters[i]) > primitives)
				primitives = primitive_count(c->filters[i]);
		} else {
			ids[i][0] = '\0';
		}
	}
	with = used > 0 ? draw_seconds(c->doc, w, h) : -1;
	/* Many filters are measured together, to keep lint quick. */
	if (with >= 0 && used > LINT_FILTERS_EACH)
		all = with - draw_without(c->doc, NULL, w, h, 1);
	for (i = 0; with >= 0 && i < c->filter_count; i++) {
		double seconds = all, mb;

		if (ids[i][0] == '\0')
			continue;
		if (used <= LINT_FILTERS_EACH)
			seconds = with - draw_without(c->doc, ids[i], w, h, 1);
		seconds = fmax(seconds, 0) * (double)pw * (double)ph /
			  ((double)w * (double)h);
		mb = (double)pw * (double)ph * 4 *
		     (double)(4 + (used > LINT_FILTERS_EACH
						  ? primitives
						  : primitive_count(
							    c->filters[i]))) /
		     1e6;
		finding(c, LINT_WARNING, c->filters[i], 0,
			"%s about %.*f s and %.0f MB at %s %.0f dpi (measured "
			"at %d x %d px); draw the effect without a filter (a "
			"gradient), or embed it as an image",
			used > LINT_FILTERS_EACH
				? "the filters of this file together cost"
				: "this filter costs",
			seconds < 10 ? 1 : 0, seconds, mb, big->label,
			LINT_FILTER_DPI, w, h);
	}
	for (i = 0; i < c->filter_count; i++)
		free(ids[i]);
	free(ids);
}

/*
 * What the loader says (values, the viewBox, the areas librsvg
 * measures); then what needs the drawing, at the named sizes that
 * render would draw this variant at.
 */
static void
check_load(struct check *c)
{
	struct diag d = { 0 };
	const struct variant *v = NULL;
	struct variant own;
	struct design one = { (char *)"", &own, 1 };
	struct sizes sz;
	size_t i;

	/* The folder's variants are loaded already; a broken one is not. */
	for (i = 0; c->dz != NULL && i < c->dz->variant_count; i++)
		if (strcmp(c->dz->variants[i].path, c->path) == 0)
			v = &c->dz->variants[i];
	if (v == NULL && variant_load(&own, c->path, &d) < 0) {
		add(c->l, LINT_ERROR, xstrdup(d.msg));
		variant_release(&own);
		return;
	}
	sizes_init(&sz, v != NULL ? c->dz : &one, c->path);
	if (v == NULL)
		v = &own;
	check_safe_area(c, v, &sz);
	if (!c->l->errors_only) {
		check_contrast(c, v);
		check_images(c, v, &sz);
		check_legibility(c, v, &sz);
		check_filters(c, v, &sz);
	}
	free(sz.pages);
	if (v == &own)
		variant_release(&own);
}

static void
lint_file(struct lint *l, const char *path, char *const *keys,
	const struct design *dz)
{
	struct check c;
	size_t errors = l->errors, i;
	struct stat st;
	char *dir;

	memset(&c, 0, sizeof c);
	c.l = l;
	c.path = path;
	c.keys = keys;
	c.dz = dz;
	l->files++;
	/* A FIFO or a huge file: the loader says so, without reading it. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
		st.st_size > DESIGN_MAX_FILE) {
		check_load(&c);
		return;
	}
	c.doc = xmlReadFile(path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (c.doc == NULL) {
		check_load(&c);
		return;
	}
	dir = g_path_get_dirname(path);
	c.dir = g_canonicalize_filename(dir, NULL);
	g_free(dir);
	c.ids = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	check_art(&c, xmlDocGetRootElement(c.doc));
	walk(&c, xmlDocGetRootElement(c.doc));
	/* The loader's first error would repeat what was said above. */
	if (l->errors == errors)
		check_load(&c);
	for (i = 0; i < c.image_count; i++)
		free(c.images[i].id);
	free(c.images);
	free(c.filters);
	g_hash_table_destroy(c.ids);
	g_free(c.dir);
	xmlFreeDoc(c.doc);
}

void
lint_variant(struct lint *l, const char *path, char *const *keys)
{
	lint_file(l, path, keys, NULL);
}

size_t
lint_folder(struct lint *l, const char *dir, char *const *keys)
{
	char **files = design_files(dir);
	size_t i, errors = l->errors;
	struct design dz = { NULL, NULL, 0 };
	char **paths;

	/* The variants that load, for the sizes each one is picked at. */
	for (i = 0; files[i] != NULL; i++)
		;
	paths = xcalloc(i + 1, sizeof *paths);
	dz.variants = xcalloc(i + 1, sizeof *dz.variants);
	for (i = 0; files[i] != NULL; i++) {
		struct diag d = { 0 };

		paths[i] = xasprintf("%s/%s", dir, files[i]);
		if (variant_load(&dz.variants[dz.variant_count], paths[i],
			    &d) == 0)
			dz.variant_count++;
		else
			variant_release(&dz.variants[dz.variant_count]);
	}
	dz.name = xstrdup(dir);
	for (i = 0; files[i] != NULL; i++) {
		lint_file(l, paths[i], keys, &dz);
		free(paths[i]);
	}
	if (i == 0)
		add(l, LINT_ERROR,
			xasprintf("%s: no .svg variant; a design is a folder "
				  "of SVG files, one per aspect ratio",
				dir));
	for (i = 0; i < dz.variant_count; i++)
		variant_release(&dz.variants[i]);
	free(dz.variants);
	free(dz.name);
	free(paths);
	design_names_free(files);
	return l->errors - errors;
}

void
lint_release(struct lint *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		free(l->findings[i].text);
	free(l->findings);
	memset(l, 0, sizeof *l);
}
