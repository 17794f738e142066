/* pdfmod.c - preflight and PDF finishing, from bayraq-pdf.so when first used.
 */
#include "run/pdfmod.h"

#include <string.h>

#include "run/preflight.h"
#include "write/cmyk.h"
#include "write/pdfpost.h"

static const struct pdfmod *
module(struct diag *d)
{
	return module_load(PDFMOD_FILE, "bayraq_pdf_module", PDFMOD_VERSION,
		sizeof(struct pdfmod), "PDF libraries", d);
}

MODULE_LOAD_EARLY_UNDER_TSAN(module)

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
