/* lint.c - a design's mistakes, found before a banner prints them: its
 * markup (lint-page.c: what depends on the sizes it prints at). */
#include "input/lint.h"
#include "input/lint-check.h"

#include "base/nearest.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/xalloc.h"
#include "input/catalog.h"
#include "input/design.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

static const char *const slot_attrs[] = { "text", "flag", "font", "weight",
	"color", "align", "caps", "max-lines", "min-size", "max-size",
	"letter-spacing", "line-height", "logo", "tone", "edge" };
#define SLOT_ATTR_COUNT (sizeof slot_attrs / sizeof slot_attrs[0])

static const char *
level_word(enum lint_level level)
{
	return level == LINT_WARNING ? "warning: "
	       : level == LINT_NOTE  ? "note: "
				     : "";
}

void
lint_add(struct lint *l, enum lint_level level, char *text)
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

char *
lint_element_id(xmlNode *node)
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
	char *id = lint_element_id(node), *s;

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

void
lint_at_node(struct check *c, enum lint_level level, xmlNode *node, int slot,
	const char *fmt, ...)
{
	va_list ap;
	char *what, *who = subject(node, slot);

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	lint_add(c->l, level,
		xasprintf("%s:%ld: %s%s: %s", c->path, xmlGetLineNo(node),
			level_word(level), who, what));
	g_free(what);
	free(who);
}

void
lint_at_slot(struct check *c, enum lint_level level, const struct slot *sl,
	const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	lint_add(c->l, level,
		xasprintf("%s:%zu: %sslot '%s': %s", c->path, sl->line,
			level_word(level), sl->id, what));
	g_free(what);
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
		lint_at_node(c, LINT_ERROR, node, 0,
			"bayraq:%s is in the namespace '%s', which is not "
			"bayraq's, so no slot is read; declare "
			"xmlns:bayraq=\"" DESIGN_NS "\" on the root <svg>",
			(const char *)a->name, (const char *)a->ns->href);
	else
		lint_at_node(c, LINT_ERROR, node, 0,
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

	if (design_special_key(key))
		; /* chosen or typed by the organizer, or a flag's name */
	else if (catalog_tile_key(key))
		lint_at_node(c, LINT_ERROR, node, 1,
			"bayraq:text '%s' is a text of the home-printer "
			"sheets, not of banners; use one of %s",
			key, list);
	else if (!has_key(c->keys, key))
		lint_at_node(c, LINT_ERROR, node, 1,
			"bayraq:text '%s' is not a key of locales/bayraq.pot; "
			"use one of %s",
			key, list);
	g_free(list);
}

static void
check_slot(struct check *c, xmlNode *node, const char *text, const char *flag)
{
	static const char *const roles[] = { "ua", "crh", "host" };
	char *id = lint_element_id(node), *w, *h;

	if (id[0] == '\0')
		lint_at_node(c, LINT_ERROR, node, 1,
			"has no id; give it one (Inkscape: Object Properties)");
	free(id);
	if (text != NULL && flag != NULL)
		lint_at_node(c, LINT_ERROR, node, 1,
			"has both bayraq:text and bayraq:flag; keep one");
	if (text != NULL && c->keys != NULL)
		check_key(c, node, text);
	if (text == NULL && flag != NULL && strcmp(flag, "ua") != 0 &&
		strcmp(flag, "crh") != 0 && strcmp(flag, "host") != 0)
		lint_at_node(c, LINT_ERROR, node, 1,
			"unknown bayraq:flag '%s' (did you mean '%s'? it takes "
			"ua, crh or host)",
			flag, nearest(flag, roles, 3));
	if (hidden(node))
		lint_at_node(c, LINT_ERROR, node, 1,
			"is hidden (display:none or a hidden layer), so it has "
			"no area; show it, or move it out of the hidden layer");
	else if (is_flowed(node))
		lint_at_node(c, LINT_ERROR, node, 1,
			"is flowed text, which has no area of its own; mark a "
			"rectangle as the slot instead");
	w = (char *)xmlGetProp(node, (const xmlChar *)"width");
	h = (char *)xmlGetProp(node, (const xmlChar *)"height");
	if ((w != NULL && g_ascii_strtod(w, NULL) == 0) ||
		(h != NULL && g_ascii_strtod(h, NULL) == 0))
		lint_at_node(c, LINT_ERROR, node, 1,
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
			lint_at_node(c, LINT_ERROR, node, 1,
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
	im.id = lint_element_id(node);
	c->images =
		xreallocarray(c->images, c->image_count + 1, sizeof *c->images);
	c->images[c->image_count++] = im;
}

int
lint_href_inside(const char *href)
{
	return href[0] == '#' || g_ascii_strncasecmp(href, "data:", 5) == 0;
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
			lint_at_node(c, LINT_ERROR, node, 0,
				"has no href, so nothing is drawn; link or "
				"embed an image, or remove it");
		return;
	}
	h = (const char *)href;
	if (strncmp(h, "data:", 5) == 0 && is_svg(node, "image"))
		add_image(c, node, h, NULL);
	if (lint_href_inside(h)) {
		xmlFree(href);
		return;
	}
	if (strchr(h, ':') != NULL || h[0] == '/' || h[0] == '\\') {
		lint_at_node(c, LINT_ERROR, node, 0,
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
		lint_at_node(c, LINT_ERROR, node, 0,
			"refers to '%.80s', outside the design's folder, "
			"which bayraq never reads; embed it or copy it in",
			h);
	else if (!g_file_test(full, G_FILE_TEST_IS_REGULAR))
		lint_at_node(c, LINT_ERROR, node, 0,
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
	char *id = lint_element_id(node);
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
	lint_at_node(c,
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
			lint_at_node(c, LINT_ERROR, node, 0,
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
			lint_at_node(c, LINT_ERROR, node, 0,
				"flowed text ('%s', shape-inside) is not "
				"wrapped by bayraq's SVG renderer; make it a "
				"text slot, or in Inkscape use Text > Convert "
				"to Text",
				words);
		else if (words[0] != '\0')
			lint_at_node(c, LINT_WARNING, node, 0,
				"the text '%s' prints the same in every "
				"language; make it a text slot with "
				"bayraq:text, unless it is a name or a logo",
				words);
		free(words);
	}
	label = (char *)xmlGetProp(node, (const xmlChar *)"aria-label");
	if (label != NULL && !is_svg(node, "text") && !hidden(node))
		lint_at_node(c, LINT_WARNING, node, 0,
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

/* A logo slot: bayraq:logo="yes", and nothing else besides. */
static void
check_logo(struct check *c, xmlNode *node, int other, const char *logo)
{
	if (other)
		lint_at_node(c, LINT_ERROR, node, 1,
			"has bayraq:logo and bayraq:text or bayraq:flag; keep "
			"one");
	else if (strcmp(logo, "yes") != 0)
		lint_at_node(c, LINT_ERROR, node, 1,
			"bad bayraq:logo '%s' (expected yes)", logo);
}

static void
walk(struct check *c, xmlNode *node)
{
	xmlNode *child;

	for (child = node->children; child != NULL; child = child->next) {
		char *text, *flag, *logo, *first = NULL;
		int count, slot;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		if (child->ns != NULL &&
			strcmp((const char *)child->ns->href, DESIGN_NS) == 0)
			lint_at_node(c, LINT_ERROR, child, 0,
				"bayraq has no elements, only attributes on "
				"a rectangle (designs/README.md)");
		count = check_attrs(c, child, &first);
		text = prop(child, "text");
		flag = prop(child, "flag");
		logo = prop(child, "logo");
		slot = text != NULL || flag != NULL || logo != NULL;
		check_id(c, child, slot);
		if (slot)
			check_slot(c, child, text, flag);
		if (logo != NULL)
			check_logo(c, child, text != NULL || flag != NULL,
				logo);
		else if (!slot && count > 0)
			lint_at_node(c, LINT_ERROR, child, 1,
				"has bayraq:%s but neither bayraq:text nor "
				"bayraq:flag, so it would print as a guide "
				"box; add bayraq:text=\"KEY\" or "
				"bayraq:flag=\"ua\", \"crh\" or \"host\"",
				first);
		free(first);
		if (!slot) {
			check_art(c, child);
			walk(c, child);
		}
		free(text);
		free(flag);
		free(logo);
	}
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
		lint_page_check(&c);
		return;
	}
	c.doc = xmlReadFile(path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (c.doc == NULL) {
		lint_page_check(&c);
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
		lint_page_check(&c);
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

void
lint_in_design(struct lint *l, const char *path, char *const *keys,
	const struct design *dz)
{
	lint_file(l, path, keys, dz);
}

size_t
lint_folder(struct lint *l, const char *dir, char *const *keys)
{
	char **files = design_files(dir);
	size_t i, errors = l->errors;
	struct design dz = { .name = NULL };
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
		lint_add(l, LINT_ERROR,
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
