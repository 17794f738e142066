/* paths.c - where bayraq finds its data: designs, locales, fonts, flags, ICC.
 */
#include "input/paths.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#ifndef BAYRAQ_DATADIR
#define BAYRAQ_DATADIR "."
#endif
#ifndef BAYRAQ_FLAGSET
#define BAYRAQ_FLAGSET "build/flags/package"
#endif
#ifndef BAYRAQ_ICCDIR
#define BAYRAQ_ICCDIR "build/icc"
#endif
#define SRGB_ICC "/usr/share/color/icc/sRGB.icc"

static const char *
env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : fallback;
}

void
paths_init(struct paths *p)
{
	const char *data = env_or("BAYRAQ_DATADIR", BAYRAQ_DATADIR);

	p->designs = xasprintf("%s/designs", data);
	p->locales = xasprintf("%s/locales", data);
	p->fonts = xasprintf("%s/fonts", data);
	p->flags = xasprintf("%s/designs/_flags", data);
	p->flagset = xstrdup(env_or("BAYRAQ_FLAGSET", BAYRAQ_FLAGSET));
	p->icc = xstrdup(env_or("BAYRAQ_ICCDIR", BAYRAQ_ICCDIR));
	p->srgb = xstrdup(SRGB_ICC);
}

void
paths_release(struct paths *p)
{
	free((char *)p->designs);
	free((char *)p->locales);
	free((char *)p->fonts);
	free((char *)p->flags);
	free((char *)p->flagset);
	free((char *)p->icc);
	free((char *)p->srgb);
	memset(p, 0, sizeof *p);
}
