/* bigpages.h - large pixel buffers on the kernel's huge pages. */
#ifndef BAYRAQ_BIGPAGES_H
#define BAYRAQ_BIGPAGES_H

#include <stddef.h>

/* Buffers from this size up are worth huge pages. */
#define BIGPAGES_MIN_BYTES (8u << 20)

/*
 * Asks the kernel to back the whole 2 MiB pages of [data, data + bytes)
 * with huge pages (transparent huge pages, madvise), before they are
 * first written. Only a hint: nothing happens below BIGPAGES_MIN_BYTES,
 * or where the kernel has no huge pages.
 *
 * Every cairo image surface from that size up (bayraq's, librsvg's for a
 * filter's pictures, cairo's own for groups) gets the same hint: this file
 * defines pixman_image_create_bits() over pixman's.
 */
void bigpages_advise(void *data, size_t bytes);

#endif
