/* svgfilter.h - how far a design's SVG filters reach, to draw them in parts. */
#ifndef BAYRAQ_SVGFILTER_H
#define BAYRAQ_SVGFILTER_H

#include <libxml/tree.h>

/*
 * How far, in the root's user units, a pixel of the filtered drawing
 * depends on the source around it: the sum over each filter's primitives
 * (three standard deviations of a blur, an offset, a morphology radius),
 * the largest over the document's filters. 0 without filters. -1 when the
 * document cannot be drawn in windows that way: a primitive that reaches
 * everywhere (feTile) or that bayraq does not know, primitive units in
 * bounding boxes, a filtered element under a transform other than a
 * translation, or a length in percent, which a window would change.
 */
double svgfilter_reach(xmlNode *root);

/*
 * What the document's filters cost per pixel of the page, in seconds, as
 * if each covered the whole page (the most it can): the sum over the
 * filters that elements use, from each primitive's measured cost on this
 * machine's kind of hardware (librsvg 2.54: a feTurbulence octave about
 * 50 ns a pixel, a blur about 60 ns). The costliest primitive is named
 * in what, "feTurbulence numOctaves 1000000", for messages.
 */
double svgfilter_cost(xmlNode *root, char *what, size_t size);

#endif
