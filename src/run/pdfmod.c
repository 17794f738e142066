/* pdfmod.c - preflight and PDF finishing, from bayraq-pdf.so when first used.
 */
#include "run/pdfmod.h"

#include <dlfcn.h>
#include <glib.h>
#include <pthread.h>
#include <string.h>

#include "run/preflight.h"
#include "write/cmyk.h"
#include "write/pdfpost.h"

/*
 * The module, once loaded, for the life of the process: dlopen()'s own
 * state is per process, so this is too (a failed load is tried again).
 */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const struct pdfmod *loaded;

/* Beside the program (the build tree), or PREFIX/lib/bayraq (installed). */
static const struct pdfmod *
open_module(struct diag *d)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *bin = exe != NULL ? g_path_get_dirname(exe) : g_get_current_dir();
	char *paths[2] = { g_build_filename(bin, PDFMOD_FILE, NULL),
		g_build_filename(bin, "..", "lib", "bayraq", PDFMOD_FILE,
			NULL) };
	const struct pdfmod *mod = NULL;
	size_t i;

	for (i = 0; i < 2 && mod == NULL; i++) {
		void *h;

		if (!g_file_test(paths[i], G_FILE_TEST_EXISTS) && i == 0)
			continue;
		h = dlopen(paths[i], RTLD_NOW | RTLD_LOCAL);
		if (h == NULL) {
			const char *why = dlerror();

			/* dlerror() names the file. */
			diag_set(d, DIAG_LIB,
				"cannot load the PDF libraries; reinstall "
				"bayraq (%s)",
				why != NULL ? why : paths[i]);
			break;
		}
		mod = dlsym(h, "bayraq_pdf_module");
		if (mod == NULL || mod->version != PDFMOD_VERSION ||
			mod->size != sizeof *mod) {
			diag_set(d, DIAG_LIB,
				"'%s' is not this bayraq's PDF module; "
				"reinstall bayraq",
				paths[i]);
			mod = NULL;
			dlclose(h);
			break;
		}
	}
	g_free(paths[0]);
	g_free(paths[1]);
	g_free(bin);
	g_free(exe);
	return mod;
}

static const struct pdfmod *
module(struct diag *d)
{
	const struct pdfmod *mod;

	pthread_mutex_lock(&lock);
	if (loaded == NULL)
		loaded = open_module(d);
	mod = loaded;
	pthread_mutex_unlock(&lock);
	return mod;
}

int
preflight_check(struct preflight *pf, const char *path, double safe,
	double ink_limit, struct diag *d)
{
	const struct pdfmod *mod = module(d);

	if (mod == NULL) {
		memset(pf, 0, sizeof *pf);
		return -1;
	}
	return mod->preflight_check(pf, path, safe, ink_limit, d);
}

void
preflight_free(struct preflight *pf)
{
	struct diag ignored = { 0 };
	const struct pdfmod *mod = module(&ignored);

	if (mod != NULL)
		mod->preflight_free(pf);
}

void
preflight_problem_line(const struct preflight *pf, size_t i, char *buf,
	size_t size)
{
	struct diag ignored = { 0 };
	const struct pdfmod *mod = module(&ignored);

	if (mod != NULL)
		mod->preflight_problem_line(pf, i, buf, size);
	else if (size > 0)
		buf[0] = '\0';
}

int
pdfpost_write(FILE *fp, const unsigned char *data, size_t len,
	const struct pdfpost_opts *o, struct diag *d)
{
	const struct pdfmod *mod = module(d);

	return mod != NULL ? mod->pdfpost_write(fp, data, len, o, d) : -1;
}

int
cmyk_convert(const unsigned char *data, size_t len, const char *srgb_icc,
	const char *cmyk_icc, unsigned char **out, size_t *out_len,
	struct diag *d)
{
	const struct pdfmod *mod = module(d);

	return mod != NULL ? mod->cmyk_convert(data, len, srgb_icc, cmyk_icc,
				     out, out_len, d)
			   : -1;
}
