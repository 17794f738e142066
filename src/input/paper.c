/* paper.c - named sizes, units and orientation. */
#include "input/paper.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct named {
	const char *name;
	double w, h; /* in unit */
	const char *unit;
	enum paper_family family;
	const char *note;
	const char *use; /* the web page's word: web-size-USE */
};

/* Paper is portrait by default, banners and screens as people say them. */
static const struct named named_sizes[] = {
	{ "A5", 148, 210, "mm", PAPER_ISO, "hand-held sign", "sign" },
	{ "A4", 210, 297, "mm", PAPER_ISO, "home printer", "printer" },
	{ "A3", 297, 420, "mm", PAPER_ISO, "small poster", "poster" },
	{ "A2", 420, 594, "mm", PAPER_ISO, "poster", "poster" },
	{ "A1", 594, 841, "mm", PAPER_ISO, "large poster", "poster" },
	{ "A0", 841, 1189, "mm", PAPER_ISO, "largest poster", "poster" },
	{ "letter", 8.5, 11, "in", PAPER_US, "US home printer", "printer" },
	{ "legal", 8.5, 14, "in", PAPER_US, "US legal paper", "printer" },
	{ "tabloid", 11, 17, "in", PAPER_US, "US small poster", "poster" },
	{ "18x24in", 18, 24, "in", PAPER_US, "US poster", "poster" },
	{ "24x36in", 24, 36, "in", PAPER_US, "US large poster", "poster" },
	{ "banner-2x1m", 2000, 1000, "mm", PAPER_BANNER, "vinyl banner",
		"banner" },
	{ "banner-3x1m", 3000, 1000, "mm", PAPER_BANNER, "vinyl banner",
		"banner" },
	{ "square-1080", 1080, 1080, "px", PAPER_SCREEN, "social media post",
		"post" },
	{ "feed-1080x1350", 1080, 1350, "px", PAPER_SCREEN,
		"social media feed post, 4:5", "post" },
	{ "story-1080x1920", 1080, 1920, "px", PAPER_SCREEN,
		"social media story", "story" },
};

#define NAMED_COUNT (sizeof named_sizes / sizeof named_sizes[0])

static double
unit_points(const char *unit)
{
	if (strcmp(unit, "mm") == 0)
		return 72.0 / 25.4;
	if (strcmp(unit, "cm") == 0)
		return 720.0 / 25.4;
	if (strcmp(unit, "in") == 0)
		return 72.0;
	if (strcmp(unit, "pt") == 0)
		return 1.0;
	if (strcmp(unit, "px") == 0)
		return 72.0 / PAPER_PX_DPI;
	return 0.0;
}

static void
paper_set(struct paper *p, double w, double h, const char *unit)
{
	double k = unit_points(unit);

	p->width_pt = w * k;
	p->height_pt = h * k;
	if (strcmp(unit, "px") == 0) {
		p->width_px = (size_t)w;
		p->height_px = (size_t)h;
	} else {
		p->width_px = p->height_px = 0;
	}
}

/* Sheets for tile are paper a printer takes: no banners, no screens. */
static int
is_sheet(enum paper_family family)
{
	return family == PAPER_ISO || family == PAPER_US;
}

static int
named_list_error(const char *spec, int sheet, struct diag *d)
{
	char list[160] = "";
	size_t i;

	for (i = 0; i < NAMED_COUNT; i++) {
		if (sheet && !is_sheet(named_sizes[i].family))
			continue;
		if (list[0] != '\0')
			strncat(list, ", ", sizeof list - strlen(list) - 1);
		strncat(list, named_sizes[i].name,
			sizeof list - strlen(list) - 1);
	}
	return diag_set(d, DIAG_USAGE,
		"unknown %s '%s' (expected %s, or WxH with %s)",
		sheet ? "sheet size" : "size", spec, list,
		sheet ? "mm, cm, in or pt" : "mm, cm, in, pt or px");
}

static int
parse_custom(struct paper *p, const char *spec, int sheet, struct diag *d)
{
	const char *rest;
	char *end, unit[4];
	double w, h;
	size_t i;

	w = strtod(spec, &end);
	if (end == spec || (*end != 'x' && *end != 'X'))
		return named_list_error(spec, sheet, d);
	rest = end + 1;
	h = strtod(rest, &end);
	if (end == rest)
		return named_list_error(spec, sheet, d);
	if (*end == '\0')
		return diag_set(d, DIAG_USAGE,
			"size '%s' needs a unit (mm, cm, in, pt or px)", spec);
	for (i = 0; i < 3 && end[i] != '\0'; i++)
		unit[i] = (char)tolower((unsigned char)end[i]);
	unit[i] = '\0';
	if (strlen(end) != 2 || unit_points(unit) == 0.0)
		return diag_set(d, DIAG_USAGE,
			"unknown unit '%.10s' in size '%s' (expected mm, cm, "
			"in, pt or px)",
			end, spec);
	if (!(w > 0 && h > 0) || !isfinite(w) || !isfinite(h))
		return diag_set(d, DIAG_USAGE, "size '%s' must be positive",
			spec);
	if (strcmp(unit, "px") == 0 && (w != floor(w) || h != floor(h)))
		return diag_set(d, DIAG_USAGE,
			"a size in px takes whole pixels, not '%s'", spec);
	/*
	 * Past 200 in the PDF uses /UserUnit; 50 m is a sane upper bound.
	 * Checked before paper_set(), which turns px into whole pixels: 6e218
	 * px does not fit a size_t (clang's UBSan, issue 15).
	 */
	if (w * unit_points(unit) > PAPER_MAX_PT ||
		h * unit_points(unit) > PAPER_MAX_PT)
		return diag_set(d, DIAG_USAGE,
			"size '%s' is larger than 50 m on a side", spec);
	paper_set(p, w, h, unit);
	if (p->width_pt < 36 || p->height_pt < 36)
		return diag_set(d, DIAG_USAGE,
			"size '%s' is smaller than 12.7 mm (0.5 in) on a side",
			spec);
	snprintf(p->label, sizeof p->label, "%gx%g%s", w, h, unit);
	p->family = PAPER_CUSTOM;
	return 0;
}

static int
parse_named_or_custom(struct paper *p, const char *spec, int sheet,
	struct diag *d)
{
	size_t i;

	memset(p, 0, sizeof *p);
	for (i = 0; i < NAMED_COUNT; i++) {
		const struct named *n = &named_sizes[i];

		if (strcasecmp(spec, n->name) == 0 &&
			(!sheet || is_sheet(n->family))) {
			paper_set(p, n->w, n->h, n->unit);
			snprintf(p->label, sizeof p->label, "%s", n->name);
			p->family = n->family;
			return 0;
		}
	}
	if (strlen(spec) >= 32)
		return named_list_error("...", sheet, d);
	return parse_custom(p, spec, sheet, d);
}

int
paper_parse(struct paper *p, const char *spec, struct diag *d)
{
	return parse_named_or_custom(p, spec, 0, d);
}

int
paper_parse_sheet(struct paper *p, const char *spec, struct diag *d)
{
	return parse_named_or_custom(p, spec, 1, d);
}

int
paper_orient(struct paper *p, const char *orientation, struct diag *d)
{
	int want_landscape;
	size_t t;
	double tp;

	if (strcmp(orientation, "portrait") == 0)
		want_landscape = 0;
	else if (strcmp(orientation, "landscape") == 0)
		want_landscape = 1;
	else
		return diag_set(d, DIAG_USAGE,
			"unknown orientation '%s' (expected portrait, "
			"landscape)",
			orientation);
	if ((p->width_pt > p->height_pt) == want_landscape ||
		p->width_pt == p->height_pt)
		return 0;
	tp = p->width_pt;
	p->width_pt = p->height_pt;
	p->height_pt = tp;
	t = p->width_px;
	p->width_px = p->height_px;
	p->height_px = t;
	if (strlen(p->label) + 10 < sizeof p->label)
		strcat(p->label, want_landscape ? "-landscape" : "-portrait");
	return 0;
}

double
paper_dpi(const struct paper *p, double dpi)
{
	return p->width_px ? PAPER_PX_DPI : dpi;
}

void
paper_pixels(const struct paper *p, double dpi, size_t *w, size_t *h)
{
	if (p->width_px) {
		*w = p->width_px;
		*h = p->height_px;
		return;
	}
	*w = (size_t)lround(p->width_pt * dpi / 72.0);
	*h = (size_t)lround(p->height_pt * dpi / 72.0);
}

const char *
paper_named(size_t i, char *desc, size_t desc_size)
{
	const struct named *n;

	if (i >= NAMED_COUNT)
		return NULL;
	n = &named_sizes[i];
	snprintf(desc, desc_size, "%g x %g %s, %s", n->w, n->h, n->unit,
		n->note);
	return n->name;
}

const char *
paper_named_use(size_t i, char *dims, size_t dims_size, int *own_name)
{
	const struct named *n;

	if (i >= NAMED_COUNT)
		return NULL;
	n = &named_sizes[i];
	snprintf(dims, dims_size, "%g x %g %s", n->w, n->h, n->unit);
	*own_name = n->family == PAPER_ISO || n->family == PAPER_US;
	return n->use;
}

int
paper_length(const char *s, const char *what, double *pt, struct diag *d)
{
	char *end, unit[3];
	double v = strtod(s, &end);
	double k;

	if (end == s || !isfinite(v) || v < 0 || v > 1000000)
		goto bad;
	if (*end == '\0' && v == 0) {
		*pt = 0;
		return 0;
	}
	if (strlen(end) != 2)
		goto bad;
	unit[0] = (char)tolower((unsigned char)end[0]);
	unit[1] = (char)tolower((unsigned char)end[1]);
	unit[2] = '\0';
	k = unit_points(unit);
	if (k == 0.0 || strcmp(unit, "px") == 0)
		goto bad;
	*pt = v * k;
	return 0;
bad:
	return diag_set(d, DIAG_USAGE,
		"bad %s '%.20s' (expected a length such as 3mm, 0.125in, 1cm "
		"or 9pt)",
		what, s);
}
