/* logo.c - a local group's logo (SVG or PNG), checked once, drawn anywhere. */
#include "input/logo.h"

#include <sys/stat.h>

#include <errno.h>
#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/lint.h"

struct logo {
	GBytes *svg; /* the SVG's bytes, or NULL for a PNG */
	unsigned char *pixels; /* a PNG as premultiplied ARGB32 */
	int px_w, px_h, stride;
	double ratio;
	char *hash;
};

static const unsigned char png_magic[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	0x1a, '\n' };

void
logo_free(struct logo *lg)
{
	if (lg == NULL)
		return;
	if (lg->svg != NULL)
		g_bytes_unref(lg->svg);
	free(lg->pixels);
	g_free(lg->hash);
	free(lg);
}

/* Whether a url(...) in CSS or an attribute points outside the file. */
static const char *
outside_url(const char *value)
{
	const char *p = value;

	if (strstr(value, "@import") != NULL)
		return value;
	while ((p = strstr(p, "url(")) != NULL) {
		p += 4;
		p += strspn(p, " \t\n\r'\"");
		if (!lint_href_inside(p))
			return value;
	}
	return NULL;
}

/* The first reference of node or below to anything outside the file. */
static char *
outside_ref(xmlNode *node)
{
	xmlNode *child;
	xmlAttr *a;

	for (a = node->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNode *)a);
		char *found = NULL;

		if (v == NULL)
			continue;
		if (strcmp((const char *)a->name, "href") == 0 ||
			strcmp((const char *)a->name, "src") == 0)
			found = lint_href_inside((const char *)v)
					? NULL
					: xstrdup((const char *)v);
		else if (outside_url((const char *)v) != NULL)
			found = xstrdup((const char *)v);
		xmlFree(v);
		if (found != NULL)
			return found;
	}
	if (node->type == XML_ELEMENT_NODE &&
		strcmp((const char *)node->name, "style") == 0) {
		xmlChar *v = xmlNodeGetContent(node);
		char *found = v != NULL && outside_url((const char *)v) != NULL
				      ? xstrdup("a style sheet's url()")
				      : NULL;

		xmlFree(v);
		if (found != NULL)
			return found;
	}
	for (child = node->children; child != NULL; child = child->next) {
		char *found;

		if (child->type != XML_ELEMENT_NODE)
			continue;
		found = outside_ref(child);
		if (found != NULL)
			return found;
	}
	return NULL;
}

static int
not_logo(const char *path, const char *what, struct diag *d)
{
	return diag_set(d, DIAG_USAGE,
		"%s '%.80s' is not a readable SVG or PNG file; save the logo "
		"as SVG (best) or PNG",
		what, path);
}

/* The ratio from the viewBox, or from width and height. */
static int
svg_ratio(RsvgHandle *h, double *ratio)
{
	gboolean has_w, has_h, has_vb;
	RsvgLength lw, lh;
	RsvgRectangle vb;
	gdouble w = 0, hh = 0;

	rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh,
		&has_vb, &vb);
	if (has_vb && vb.width > 0 && vb.height > 0) {
		*ratio = vb.width / vb.height;
		return 0;
	}
	if (rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) && w > 0 &&
		hh > 0) {
		*ratio = w / hh;
		return 0;
	}
	return -1;
}

static int
load_svg(struct logo *lg, const char *path, const char *what, const gchar *data,
	gsize len, struct diag *d)
{
	xmlDoc *doc = xmlReadMemory(data, (int)len, NULL, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNode *root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	RsvgHandle *h = NULL;
	char *ref = NULL;
	int rc = -1;

	if (root == NULL || strcmp((const char *)root->name, "svg") != 0) {
		not_logo(path, what, d);
		goto out;
	}
	ref = outside_ref(root);
	if (ref != NULL) {
		diag_set(d, DIAG_USAGE,
			"%s '%.60s' refers to '%.60s', outside the file, which "
			"bayraq never fetches or reads; embed it (Inkscape: "
			"Extensions > Images > Embed Images) or save the logo "
			"as PNG",
			what, path, ref);
		goto out;
	}
	/* No base file: librsvg loads nothing beside it either. */
	h = rsvg_handle_new_from_data((const guint8 *)data, len, NULL);
	if (h == NULL) {
		not_logo(path, what, d);
		goto out;
	}
	if (svg_ratio(h, &lg->ratio) < 0) {
		diag_set(d, DIAG_USAGE,
			"%s '%.80s' has no size; give its root <svg> a viewBox "
			"(Inkscape: Document Properties)",
			what, path);
		goto out;
	}
	lg->svg = g_bytes_new(data, len);
	rc = 0;
out:
	if (h != NULL)
		g_object_unref(h);
	free(ref);
	xmlFreeDoc(doc);
	return rc;
}

struct png_source {
	const unsigned char *data;
	size_t len, pos;
};

static cairo_status_t
read_png(void *arg, unsigned char *buf, unsigned int n)
{
	struct png_source *src = arg;

	if (src->len - src->pos < n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, src->data + src->pos, n);
	src->pos += n;
	return CAIRO_STATUS_SUCCESS;
}

static int
load_png(struct logo *lg, const char *path, const char *what, const gchar *data,
	gsize len, struct diag *d)
{
	struct png_source src = { (const unsigned char *)data, len, 0 };
	cairo_surface_t *s =
		cairo_image_surface_create_from_png_stream(read_png, &src);
	size_t size;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS ||
		(cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32 &&
			cairo_image_surface_get_format(s) !=
				CAIRO_FORMAT_RGB24)) {
		cairo_surface_destroy(s);
		return not_logo(path, what, d);
	}
	cairo_surface_flush(s);
	lg->px_w = cairo_image_surface_get_width(s);
	lg->px_h = cairo_image_surface_get_height(s);
	lg->stride = cairo_image_surface_get_stride(s);
	size = (size_t)lg->stride * (size_t)lg->px_h;
	lg->pixels = xmalloc(size);
	memcpy(lg->pixels, cairo_image_surface_get_data(s), size);
	/* RGB24 leaves the alpha byte undefined: make it opaque. */
	if (cairo_image_surface_get_format(s) == CAIRO_FORMAT_RGB24) {
		size_t i;

		for (i = 0; i < size / 4; i++)
			((uint32_t *)lg->pixels)[i] |= 0xff000000u;
	}
	lg->ratio = (double)lg->px_w / lg->px_h;
	cairo_surface_destroy(s);
	return 0;
}

struct logo *
logo_load(const char *path, const char *what, struct diag *d)
{
	struct logo *lg = xcalloc(1, sizeof *lg);
	gchar *data = NULL;
	gsize len = 0;
	GError *err = NULL;
	struct stat st;
	int rc;

	if (stat(path, &st) != 0) {
		diag_set(d, DIAG_USAGE, "cannot read %s '%.80s': %s", what,
			path, g_strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > LOGO_MAX_FILE) {
		diag_set(d, DIAG_USAGE,
			"%s '%.80s' is not a file of at most %d MB; give an "
			"SVG or PNG file",
			what, path, LOGO_MAX_FILE >> 20);
		goto fail;
	}
	if (!g_file_get_contents(path, &data, &len, &err)) {
		diag_set(d, DIAG_USAGE, "cannot read %s '%.80s': %s", what,
			path, err->message);
		g_error_free(err);
		goto fail;
	}
	if (len >= sizeof png_magic &&
		memcmp(data, png_magic, sizeof png_magic) == 0)
		rc = load_png(lg, path, what, data, len, d);
	else
		rc = load_svg(lg, path, what, data, len, d);
	if (rc < 0)
		goto fail;
	lg->hash = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		(const guchar *)data, len);
	g_free(data);
	return lg;
fail:
	g_free(data);
	logo_free(lg);
	return NULL;
}

double
logo_ratio(const struct logo *lg)
{
	return lg->ratio;
}

size_t
logo_pixel_width(const struct logo *lg)
{
	return lg->pixels != NULL ? (size_t)lg->px_w : 0;
}

const char *
logo_hash(const struct logo *lg)
{
	return lg->hash;
}

void
logo_place(const struct logo *lg, const double slot[4], double out[4])
{
	double w = fmin(slot[2], slot[3] * lg->ratio);
	double h = w / lg->ratio;

	out[0] = slot[0] + (slot[2] - w) / 2;
	out[1] = slot[1] + (slot[3] - h) / 2;
	out[2] = w;
	out[3] = h;
}

static int
draw_png(const struct logo *lg, cairo_t *cr, double x, double y, double w,
	double h)
{
	/* cairo only reads a source: the shared pixels stay as they are. */
	cairo_surface_t *s = cairo_image_surface_create_for_data(lg->pixels,
		CAIRO_FORMAT_ARGB32, lg->px_w, lg->px_h, lg->stride);

	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	cairo_clip(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / lg->px_w, h / lg->px_h);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(s);
	return 0;
}

int
logo_draw(const struct logo *lg, cairo_t *cr, double x, double y, double w,
	double h, struct diag *d)
{
	double box[4] = { x, y, w, h }, r[4];
	RsvgRectangle vp;
	GError *err = NULL;
	RsvgHandle *svg;
	gsize len;
	const void *data;
	gboolean ok;

	logo_place(lg, box, r);
	if (lg->svg == NULL)
		return draw_png(lg, cr, r[0], r[1], r[2], r[3]);
	data = g_bytes_get_data(lg->svg, &len);
	svg = rsvg_handle_new_from_data(data, len, &err);
	if (svg == NULL) {
		diag_set(d, DIAG_LIB, "cannot draw the logo: %s",
			err != NULL ? err->message : "unknown error");
		g_clear_error(&err);
		return -1;
	}
	rsvg_handle_set_dpi(svg, 72.0);
	vp = (RsvgRectangle){ r[0], r[1], r[2], r[3] };
	ok = rsvg_handle_render_document(svg, cr, &vp, &err);
	g_object_unref(svg);
	if (!ok) {
		diag_set(d, DIAG_LIB, "cannot draw the logo: %s",
			err != NULL ? err->message : "unknown error");
		g_clear_error(&err);
		return -1;
	}
	return 0;
}
