/* tiffmod-table.c - the table of bayraq-tiff.so, libtiff's module. */
#include "write/tiffmod.h"

#include "write/tiffenc.h"

const struct tiffmod bayraq_tiff_module = {
	{ TIFFMOD_VERSION, sizeof(struct tiffmod) },
	tiffenc_new,
	tiffenc_strip,
	tiffenc_finish,
	tiffenc_free,
};
