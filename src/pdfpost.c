/* pdfpost.c - finishing cairo's PDF with qpdf's C API. */
#include "pdfpost.h"

#include <qpdf/qpdf-c.h>

static int
qpdf_failed(qpdf_data q, const char *what, struct diag *d)
{
	qpdf_error e = qpdf_get_error(q);

	return diag_set(d, DIAG_LIB, "cannot %s the PDF: %s", what,
		e != NULL ? qpdf_get_error_full_text(q, e) : "qpdf failed");
}

static void
set_catalog_keys(qpdf_data q, const char *lang)
{
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh prefs = qpdf_oh_new_dictionary(q);

	qpdf_oh_replace_key(q, root, "/Lang",
		qpdf_oh_new_unicode_string(q, lang));
	qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle",
		qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
}

int
pdfpost_write(FILE *fp, const unsigned char *data, size_t len, const char *lang,
	struct diag *d)
{
	qpdf_data q = qpdf_init();
	size_t n;
	int rc = -1;

	/* qpdf would print its errors and warnings; we return them. */
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, "banner.pdf", (const char *)data,
		    (unsigned long long)len, NULL) &
		QPDF_ERRORS) {
		qpdf_failed(q, "read", d);
		goto out;
	}
	set_catalog_keys(q, lang);
	if (qpdf_has_error(q)) {
		qpdf_failed(q, "edit", d);
		goto out;
	}
	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		qpdf_failed(q, "write", d);
		goto out;
	}
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS) {
		qpdf_failed(q, "write", d);
		goto out;
	}
	n = qpdf_get_buffer_length(q);
	if (fwrite(qpdf_get_buffer(q), 1, n, fp) != n) {
		diag_set(d, DIAG_IO, "cannot write the PDF");
		goto out;
	}
	rc = 0;
out:
	qpdf_cleanup(&q);
	return rc;
}
