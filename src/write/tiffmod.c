/* tiffmod.c - the TIFF encoder, from bayraq-tiff.so when first used. */
#include "write/tiffmod.h"

#include "write/tiffenc.h"

static const struct tiffmod *
module(struct diag *d)
{
	return module_load(TIFFMOD_FILE, "bayraq_tiff_module", TIFFMOD_VERSION,
		sizeof(struct tiffmod), "TIFF library", d);
}

MODULE_LOAD_EARLY_UNDER_TSAN(module)

struct tiffenc *
tiffenc_new(FILE *fp, const struct tiffenc_opts *o, struct diag *d)
{
	const struct tiffmod *mod = module(d);

	return mod != NULL ? mod->tiffenc_new(fp, o, d) : NULL;
}

/* A struct tiffenc exists only once tiffenc_new() loaded the module. */
int
tiffenc_strip(struct tiffenc *t, size_t i, unsigned char *rgb, size_t len,
	struct diag *d)
{
	return module(d)->tiffenc_strip(t, i, rgb, len, d);
}

int
tiffenc_finish(struct tiffenc *t, struct diag *d)
{
	return module(d)->tiffenc_finish(t, d);
}

void
tiffenc_free(struct tiffenc *t)
{
	struct diag ignored = { 0 };

	if (t != NULL)
		module(&ignored)->tiffenc_free(t);
}
