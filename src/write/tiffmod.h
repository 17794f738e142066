/*
 * tiffmod.h - libtiff loaded when a TIFF is first written: it pulls in
 * webp, jbig, zstd, Lerc and more, which cost every render's start-up and
 * only -f tiff needs.
 *
 * The program links write/tiffmod.c in place of write/tiffenc.c, which is
 * built into a module of its own (bayraq-tiff.so, loaded by
 * base/module.h). tiffmod.c defines tiffenc.h's functions, each through
 * this table: a function added there needs a row here too.
 */
#ifndef BAYRAQ_TIFFMOD_H
#define BAYRAQ_TIFFMOD_H

#include <stddef.h>
#include <stdio.h>

#include "base/diag.h"
#include "base/module.h"

struct tiffenc;
struct tiffenc_opts;

/* Changes whenever the table does: a stale module is refused. */
#define TIFFMOD_VERSION 1

/* The module's file name. */
#define TIFFMOD_FILE "bayraq-tiff.so"

struct tiffmod {
	struct module_head head; /* TIFFMOD_VERSION, sizeof (struct tiffmod) */
	struct tiffenc *(*tiffenc_new)(FILE *fp, const struct tiffenc_opts *o,
		struct diag *d);
	int (*tiffenc_strip)(struct tiffenc *t, size_t i, unsigned char *rgb,
		size_t len, struct diag *d);
	int (*tiffenc_finish)(struct tiffenc *t, struct diag *d);
	void (*tiffenc_free)(struct tiffenc *t);
};

/* The module's one exported symbol (write/tiffmod-table.c). */
extern const struct tiffmod bayraq_tiff_module;

#endif
