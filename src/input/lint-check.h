/*
 * lint-check.h - one file being checked, shared by lint.c (its markup) and
 * lint-page.c (what depends on the sizes it prints at). Private to lint.
 */
#ifndef BAYRAQ_LINT_CHECK_H
#define BAYRAQ_LINT_CHECK_H

#include <glib.h>
#include <libxml/tree.h>
#include <stddef.h>

#include "input/design.h"
#include "input/lint.h"

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

/* Adds a finding; takes ownership of text. */
void lint_add(struct lint *l, enum lint_level level, char *text);

/* "file:line: [level: ]<subject>: what", at an element or a loaded slot. */
void lint_at_node(struct check *c, enum lint_level level, xmlNode *node,
	int slot, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void lint_at_slot(struct check *c, enum lint_level level, const struct slot *sl,
	const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The element's id, "" without one; free(). */
char *lint_element_id(xmlNode *node);

/*
 * What the loader says about c's file (values, the viewBox, the areas
 * librsvg measures), then each check at the named sizes a render draws it
 * at: the safe area; unless errors_only, contrast, images' resolution,
 * legibility and filters' cost.
 */
void lint_page_check(struct check *c);

#endif
