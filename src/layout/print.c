/* print.c - the print shop's page: bleed, slug, marks, safe area, finishing. */
#include "layout/print.h"

#include <math.h>
#include <string.h>

void
print_opts_init(struct print_opts *o)
{
	memset(o, 0, sizeof *o);
	o->bleed = -1;
	o->safe = -1;
}

int
print_intent_parse(const char *s, enum print_intent *out, struct diag *d)
{
	if (strcmp(s, "fogra39") == 0)
		*out = INTENT_FOGRA39;
	else if (strcmp(s, "gracol") == 0)
		*out = INTENT_GRACOL;
	else
		return diag_set(d, DIAG_USAGE,
			"unknown intent '%.20s' (expected fogra39, gracol)", s);
	return 0;
}

int
print_finishing_parse(const char *s, enum print_finishing *out, struct diag *d)
{
	if (strcmp(s, "none") == 0)
		*out = FINISH_NONE;
	else if (strcmp(s, "hem-grommets") == 0)
		*out = FINISH_HEM_GROMMETS;
	else if (strcmp(s, "pole-pocket") == 0)
		*out = FINISH_POLE_POCKET;
	else
		return diag_set(d, DIAG_USAGE,
			"unknown finishing '%.20s' (expected none, "
			"hem-grommets, pole-pocket)",
			s);
	return 0;
}

const char *
print_intent_name(enum print_intent intent)
{
	return intent == INTENT_GRACOL ? "GRACoL" : "FOGRA39";
}

int
print_large_format(double w, double h)
{
	double a0_short = PAPER_PT(841) + 0.5, a0_long = PAPER_PT(1189) + 0.5;

	return fmin(w, h) > a0_short || fmax(w, h) > a0_long;
}

double
print_least_bleed(double w, double h)
{
	return print_large_format(w, h) ? PAPER_PT(5) : PAPER_PT(3);
}

/*
 * Shops ask for more bleed on banners than on paper: any size larger than
 * A0 is printed large-format, whatever its name.
 */
static double
default_bleed(const struct paper *p, const struct print_opts *o)
{
	if (!o->pdfx && !o->cmyk)
		return 0;
	if (o->finishing != FINISH_NONE)
		return PAPER_PT(10);
	if (p->family == PAPER_BANNER)
		return PAPER_PT(5);
	return print_least_bleed(p->width_pt, p->height_pt);
}

double
print_default_safe(double w, double h)
{
	return fmin(w, h) >= PAPER_PT(419) ? PAPER_PT(10) : PAPER_PT(5);
}

int
print_safe_check(double margin, double safe, const char *what, struct diag *d)
{
	if (margin >= safe - 0.01)
		return 0;
	return diag_set(d, DIAG_FIT,
		"%stext comes within %.1f mm of the trim; the safe margin is "
		"%.1f mm",
		what, PAPER_MM(fmax(margin, 0)), PAPER_MM(safe));
}

/*
 * Grommets sit in the hem, 25 mm in from each edge: at the corners and
 * evenly between them, no more than 60 cm apart.
 */
static void
place_grommets(struct sheet *s)
{
	double inset = PAPER_PT(25), max_gap = PAPER_PT(600);
	double w = s->art_w - 2 * inset, h = s->art_h - 2 * inset;
	size_t nx = (size_t)ceil(w / max_gap), ny = (size_t)ceil(h / max_gap);
	size_t i;

	s->grommet_count = 0;
	if (w <= 0 || h <= 0)
		return;
	if (nx == 0)
		nx = 1;
	if (ny == 0)
		ny = 1;
	for (i = 0; i <= nx && s->grommet_count + 2 <= PRINT_MAX_GROMMETS;
		i++) {
		double x = inset + w * (double)i / (double)nx;

		s->grommets[s->grommet_count++] = (struct grommet){ x, inset };
		s->grommets[s->grommet_count++] =
			(struct grommet){ x, inset + h };
	}
	for (i = 1; i < ny && s->grommet_count + 2 <= PRINT_MAX_GROMMETS; i++) {
		double y = inset + h * (double)i / (double)ny;

		s->grommets[s->grommet_count++] = (struct grommet){ inset, y };
		s->grommets[s->grommet_count++] =
			(struct grommet){ inset + w, y };
	}
}

int
print_sheet(struct sheet *s, const struct paper *p, const struct print_opts *o,
	struct diag *d)
{
	int any = o->pdfx || o->marks || o->bleed > 0 ||
		  o->finishing != FINISH_NONE;

	memset(s, 0, sizeof *s);
	if (any && p->width_px != 0)
		return diag_set(d, DIAG_USAGE,
			"print options need a physical size, not '%s' in "
			"pixels",
			p->label);
	s->art_w = p->width_pt;
	s->art_h = p->height_pt;
	s->marks = o->marks;
	s->pdfx = o->pdfx || o->cmyk;
	s->cmyk = o->cmyk;
	s->outline_text = o->outline_text;
	s->finishing = o->finishing;
	s->bleed = o->bleed >= 0 ? o->bleed : default_bleed(p, o);
	if (o->finishing == FINISH_HEM_GROMMETS) {
		s->hem = PAPER_PT(40);
		place_grommets(s);
	} else if (o->finishing == FINISH_POLE_POCKET) {
		s->pocket = PAPER_PT(75);
	}
	if (o->safe >= 0)
		s->safe = o->safe + s->hem;
	else
		s->safe = p->width_px != 0 ? 0
					   : print_default_safe(p->width_pt,
						     p->height_pt) +
						     s->hem;
	s->intent = o->intent;
	if (s->intent == INTENT_AUTO)
		s->intent =
			p->family == PAPER_US ? INTENT_GRACOL : INTENT_FOGRA39;
	s->trim_w = s->art_w;
	s->trim_h = s->art_h + 2 * s->pocket;
	/* Marks stay clear of the art even without bleed. */
	s->mark_offset = fmax(s->bleed, PAPER_PT(3));
	s->mark_length = PAPER_PT(6);
	s->slug = s->marks ? s->mark_offset - s->bleed + s->mark_length +
				     PAPER_PT(2)
			   : 0;
	s->trim_x = s->trim_y = s->bleed + s->slug;
	s->media_w = s->trim_w + 2 * s->trim_x;
	s->media_h = s->trim_h + 2 * s->trim_y;
	if (2 * s->safe >= fmin(s->art_w, s->art_h))
		return diag_set(d, DIAG_USAGE,
			"the safe margin (%.0f mm) leaves no room on a %.0f x "
			"%.0f mm page",
			PAPER_MM(s->safe), PAPER_MM(s->art_w),
			PAPER_MM(s->art_h));
	return 0;
}
