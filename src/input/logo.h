/* logo.h - a local group's logo (SVG or PNG), checked once, drawn anywhere. */
#ifndef BAYRAQ_LOGO_H
#define BAYRAQ_LOGO_H

#include <cairo.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/limits.h"

/* The least resolution of a PNG logo where it prints. */
#define LOGO_MIN_PPI 150.0

struct logo;

/*
 * Reads path as a logo: a PNG, or an SVG with a size (a viewBox, or width
 * and height) and no reference outside itself (an image, a use, a style
 * that loads a file or a URL: bayraq never fetches or reads one). Anything
 * else fails with DIAG_USAGE saying what to do, naming what as the option
 * ("--logo") or the column. The logo is read-only afterwards, so threads
 * share it. Free with logo_free().
 */
struct logo *logo_load(const char *path, const char *what, struct diag *d);
void logo_free(struct logo *lg);

/* Width / height. */
double logo_ratio(const struct logo *lg);

/* A PNG's width in pixels; 0 for an SVG, which has no resolution. */
size_t logo_pixel_width(const struct logo *lg);

/* The file's contents' sha256 in hex, for fingerprints. Borrowed. */
const char *logo_hash(const struct logo *lg);

/*
 * Draws the logo into the box (x, y, w, h) of cr's user space, as large
 * as it fits without distortion and centred. Safe from any thread: the
 * librsvg handle or cairo surface is made for the call.
 */
int logo_draw(const struct logo *lg, cairo_t *cr, double x, double y, double w,
	double h, struct diag *d);

/* The box (x, y, w, h) the logo fills inside a slot's box. */
void logo_place(const struct logo *lg, const double slot[4], double out[4]);

#endif
