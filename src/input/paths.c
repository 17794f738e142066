/* paths.c - where bayraq finds its data: designs, locales, fonts, flags, ICC.
 */
#include "input/paths.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define SRGB_ICC "/usr/share/color/icc/sRGB.icc"
#define ISO_CODES "/usr/share/iso-codes/json"

static const char *
env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : fallback;
}

/* The folder of the running program, resolved through links. */
static char *
program_folder(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL), *dir;

	if (exe == NULL)
		return g_get_current_dir();
	dir = g_path_get_dirname(exe);
	g_free(exe);
	return dir;
}

static int
is_folder(const char *base, const char *sub)
{
	char *path = g_build_filename(base, sub, NULL);
	int yes = g_file_test(path, G_FILE_TEST_IS_DIR);

	g_free(path);
	return yes;
}

/* value, when set, instead of old. */
static const char *
replace(const char *old, const char *value)
{
	if (value == NULL)
		return old;
	free((char *)old);
	return xstrdup(value);
}

void
paths_init(struct paths *p)
{
	char *bin = program_folder();
	char *data, *flagset, *icc;

	if (is_folder(bin, "../share/bayraq")) {
		/* Installed: PREFIX/bin/bayraq, PREFIX/share/bayraq/. */
		data = g_build_filename(bin, "..", "share", "bayraq", NULL);
		flagset = g_build_filename(data, "flags", NULL);
		icc = g_build_filename(data, "icc", NULL);
	} else {
		/* Built in the source tree: build/debug/bayraq. */
		data = g_build_filename(bin, "..", "..", NULL);
		flagset = g_build_filename(bin, "..", "flags", "package", NULL);
		icc = g_build_filename(bin, "..", "icc", NULL);
	}
	p->designs = xasprintf("%s/designs", env_or("BAYRAQ_DATADIR", data));
	p->locales = xasprintf("%s/locales", env_or("BAYRAQ_DATADIR", data));
	p->fonts = xasprintf("%s/fonts", env_or("BAYRAQ_DATADIR", data));
	p->flags =
		xasprintf("%s/designs/_flags", env_or("BAYRAQ_DATADIR", data));
	p->flagset = replace(xstrdup(flagset), env_or("BAYRAQ_FLAGSET", NULL));
	p->icc = replace(xstrdup(icc), env_or("BAYRAQ_ICCDIR", NULL));
	p->srgb = xstrdup(SRGB_ICC);
	p->isocodes = xstrdup(env_or("BAYRAQ_ISOCODES", ISO_CODES));
	g_free(bin);
	g_free(data);
	g_free(flagset);
	g_free(icc);
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
	free((char *)p->isocodes);
	memset(p, 0, sizeof *p);
}
