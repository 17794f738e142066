/* svgfilter.c - how far a design's SVG filters reach, to draw them in parts. */
#include "input/svgfilter.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int
is_svg(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The largest absolute value of the numbers in attribute name, or 0. */
static double
attr_max(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	const char *s = (const char *)v;
	double max = 0;

	while (s != NULL && *s != '\0') {
		char *end;
		double x = g_ascii_strtod(s, &end);

		if (end == s) {
			s++;
			continue;
		}
		if (isfinite(x) && fabs(x) > max)
			max = fabs(x);
		s = end;
	}
	xmlFree(v);
	return max;
}

/* Primitives that read only the pixel they write (or none). */
static const char *const local_primitives[] = { "feFlood", "feColorMatrix",
	"feComponentTransfer", "feComposite", "feMerge", "feBlend",
	"feTurbulence", "feImage", NULL };

/* One primitive's reach in user units, or -1. */
static double
primitive_reach(xmlNode *p)
{
	const char *name = (const char *)p->name;
	size_t i;

	for (i = 0; local_primitives[i] != NULL; i++)
		if (strcmp(name, local_primitives[i]) == 0)
			return 0;
	/*
	 * librsvg blurs with three box blurs, each about 1.88 standard
	 * deviations wide: the three reach less than three deviations.
	 */
	if (strcmp(name, "feGaussianBlur") == 0)
		return 3 * attr_max(p, "stdDeviation");
	if (strcmp(name, "feDropShadow") == 0)
		return 3 * attr_max(p, "stdDeviation") + attr_max(p, "dx") +
		       attr_max(p, "dy");
	if (strcmp(name, "feOffset") == 0)
		return attr_max(p, "dx") + attr_max(p, "dy");
	if (strcmp(name, "feMorphology") == 0)
		return attr_max(p, "radius");
	if (strcmp(name, "feDisplacementMap") == 0)
		return attr_max(p, "scale");
	/* Lighting reads the neighbouring pixels only. */
	if (strcmp(name, "feDiffuseLighting") == 0 ||
		strcmp(name, "feSpecularLighting") == 0)
		return 0;
	return -1;
}

static double
filter_reach(xmlNode *f)
{
	xmlChar *units = xmlGetProp(f, (const xmlChar *)"primitiveUnits");
	int bbox = units != NULL &&
		   strcmp((const char *)units, "objectBoundingBox") == 0;
	xmlNode *p;
	double sum = 0;

	xmlFree(units);
	if (bbox)
		return -1;
	for (p = f->children; p != NULL; p = p->next) {
		double r;

		if (p->type != XML_ELEMENT_NODE)
			continue;
		r = primitive_reach(p);
		if (r < 0)
			return -1;
		sum += r;
	}
	return sum;
}

/* Nanoseconds a pixel, measured with librsvg 2.54 (see svgfilter.h). */
static double
primitive_cost(xmlNode *p, char *what, size_t size)
{
	const char *name = (const char *)p->name;
	double ns;

	if (strcmp(name, "feTurbulence") == 0) {
		double octaves = fmax(1, attr_max(p, "numOctaves"));

		snprintf(what, size, "feTurbulence numOctaves %.0f", octaves);
		return 50 * octaves;
	}
	if (strcmp(name, "feMorphology") == 0 ||
		strcmp(name, "feConvolveMatrix") == 0) {
		/* Every pixel reads a kernel of them, in user units. */
		double r = strcmp(name, "feMorphology") == 0
				   ? attr_max(p, "radius")
				   : attr_max(p, "order") / 2;

		snprintf(what, size, "%s %s %g", name,
			strcmp(name, "feMorphology") == 0 ? "radius" : "order",
			strcmp(name, "feMorphology") == 0 ? r : 2 * r);
		return 4 * (2 * r + 1) * (2 * r + 1);
	}
	ns = strcmp(name, "feGaussianBlur") == 0 ||
			     strcmp(name, "feDropShadow") == 0
		     ? 60
	     : strstr(name, "Lighting") != NULL ? 40
						: 10;
	snprintf(what, size, "%s", name);
	return ns;
}

double
svgfilter_cost(xmlNode *root, char *what, size_t size)
{
	xmlNode *n = root;
	double sum = 0, worst = 0;

	if (size > 0)
		what[0] = '\0';
	/* Every <filter>, used or not: an unused one is rare and cheap. */
	while (n != NULL) {
		if (is_svg(n, "filter")) {
			xmlNode *p;

			for (p = n->children; p != NULL; p = p->next) {
				char name[80];
				double ns;

				if (p->type != XML_ELEMENT_NODE)
					continue;
				ns = primitive_cost(p, name, sizeof name);
				sum += ns;
				if (ns > worst) {
					worst = ns;
					snprintf(what, size, "%s", name);
				}
			}
		}
		/* Depth first, without recursion: a document may nest deep. */
		if (n->children != NULL && !is_svg(n, "filter"))
			n = n->children;
		else {
			while (n != NULL && n->next == NULL && n != root)
				n = n->parent;
			if (n == NULL || n == root)
				break;
			n = n->next;
		}
	}
	return sum * 1e-9;
}

static int
uses_filter(xmlNode *n)
{
	xmlChar *style = xmlGetProp(n, (const xmlChar *)"style");
	int found = xmlHasProp(n, (const xmlChar *)"filter") != NULL ||
		    (style != NULL &&
			    strstr((const char *)style, "filter") != NULL);

	xmlFree(style);
	return found;
}

/* A transform that keeps lengths: none, or one translation. */
static int
keeps_lengths(xmlNode *n)
{
	xmlChar *t = xmlGetProp(n, (const xmlChar *)"transform");
	const char *s = (const char *)t;
	int ok = 1;

	if (s != NULL) {
		s += strspn(s, " \t\r\n");
		ok = *s == '\0' ||
		     (strncmp(s, "translate", 9) == 0 &&
			     strchr(s, ')') != NULL &&
			     strchr(s, ')')[1 + strspn(strchr(s, ')') + 1,
							" \t\r\n")] == '\0');
	}
	xmlFree(t);
	return ok;
}

/*
 * Percentages resolve against the root's viewBox, which a window
 * changes; a gradient stop's offset and a filter's region do not.
 */
static int
has_percent(xmlNode *n)
{
	xmlAttr *a;

	if (is_svg(n, "filter") || is_svg(n, "stop"))
		return 0;
	for (a = n->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNode *)a);
		int found = v != NULL && strchr((const char *)v, '%') != NULL &&
			    strcmp((const char *)a->name, "style") != 0;

		xmlFree(v);
		if (found)
			return 1;
	}
	return 0;
}

/* Walks n's subtree; moved says an ancestor changes lengths. */
static double
walk(xmlNode *n, int moved)
{
	xmlNode *c;
	double max = 0;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (has_percent(n) || (is_svg(n, "use") && !keeps_lengths(n)))
		return -1;
	moved = moved || !keeps_lengths(n);
	if (uses_filter(n) && moved)
		return -1;
	if (is_svg(n, "filter"))
		max = filter_reach(n);
	for (c = n->children; c != NULL && max >= 0; c = c->next) {
		double r = walk(c, moved);

		max = r < 0 ? -1 : fmax(max, r);
	}
	return max;
}

double
svgfilter_reach(xmlNode *root)
{
	xmlNode *c;
	double max = 0;

	/* The root's own viewBox, width and height are the window's. */
	for (c = root->children; c != NULL && max >= 0; c = c->next) {
		double r = walk(c, 0);

		max = r < 0 ? -1 : fmax(max, r);
	}
	return max;
}
