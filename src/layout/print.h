/* print.h - the print shop's page: bleed, slug, marks, safe area, finishing. */
#ifndef BAYRAQ_PRINT_H
#define BAYRAQ_PRINT_H

#include <stddef.h>

#include "base/diag.h"
#include "input/paper.h"

enum print_intent { INTENT_AUTO, INTENT_FOGRA39, INTENT_GRACOL };
enum print_finishing { FINISH_NONE, FINISH_HEM_GROMMETS, FINISH_POLE_POCKET };

/* What the user asked for; a negative length means "the default". */
struct print_opts {
	double bleed;
	double safe;
	int marks;
	int pdfx; /* --print: PDF/X-4 with boxes and an output intent */
	enum print_intent intent;
	enum print_finishing finishing;
	int outline_text;
	int cmyk; /* convert to DeviceCMYK with Ghostscript, then PDF/X-4 */
};

/* A point in the finished banner where the shop sets a grommet. */
struct grommet {
	double x, y; /* from the trim's top left, in points */
};

#define PRINT_MAX_GROMMETS 64

/*
 * The whole PDF page ("media"), in points: the trim (the finished size,
 * pole pockets included), the bleed around it and a slug for the marks.
 */
struct sheet {
	double art_w, art_h; /* the banner as seen: the requested size */
	double trim_w, trim_h; /* art plus pole pockets */
	double pocket; /* flat pocket allowance, top and bottom */
	double bleed; /* on every side of the trim */
	double slug; /* beyond the bleed, holding the marks */
	double media_w, media_h; /* the PDF page */
	double trim_x, trim_y; /* the trim's top left on the media */
	double safe; /* text stays this far inside the art */
	double hem; /* part of safe: the finishing's hem */
	double mark_offset; /* crop marks start this far from the trim */
	double mark_length;
	int marks;
	int pdfx;
	int outline_text;
	int cmyk;
	enum print_intent intent; /* resolved: never INTENT_AUTO with pdfx */
	enum print_finishing finishing;
	struct grommet grommets[PRINT_MAX_GROMMETS];
	size_t grommet_count;
};

/* Options with every length at its default. */
void print_opts_init(struct print_opts *o);

/* Parses --intent and --finishing values; DIAG_USAGE lists the choices. */
int print_intent_parse(const char *s, enum print_intent *out, struct diag *d);
int print_finishing_parse(const char *s, enum print_finishing *out,
	struct diag *d);

/*
 * Lays out the sheet for a page and the options, filling in the defaults:
 * with --print, 3 mm bleed up to A0, 5 mm for any larger size and 10 mm
 * with a finishing; a safe
 * margin of 5 mm below A2 and 10 mm from A2 up, plus the hem. Fails with
 * DIAG_USAGE for print options on a size in pixels.
 */
int print_sheet(struct sheet *s, const struct paper *p,
	const struct print_opts *o, struct diag *d);

/*
 * A size larger than A0 (it does not fit on 841 x 1189 mm either way),
 * in points: printed large-format, on rolls or vinyl.
 */
int print_large_format(double w, double h);

/* The bleed a shop needs: 5 mm for large formats, 3 mm for paper. */
double print_least_bleed(double w, double h);

/* The safe margin when none is given: 10 mm from A2 up, else 5 mm. */
double print_default_safe(double w, double h);

/*
 * The one safe-margin rule, for renders and preflight alike: text whose
 * ink comes within margin of the trim, less than safe, fails with
 * DIAG_FIT; what starts the message ("slot 'city' (de): ").
 */
int print_safe_check(double margin, double safe, const char *what,
	struct diag *d);

/* The name of a resolved intent: "FOGRA39", "GRACoL". */
const char *print_intent_name(enum print_intent intent);

#endif
