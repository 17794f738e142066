/* ghostscript.c - real CMYK through Ghostscript, run as a program. */
#include "write/ghostscript.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"

#define INSTALL_HINT "install it with: apt-get install ghostscript"

int
ghostscript_found(void)
{
	gchar *path = g_find_program_in_path("gs");
	int found = path != NULL;

	g_free(path);
	return found;
}

/* The first line gs wrote to stderr, for the message. */
static void
first_line(const char *s, char *buf, size_t size)
{
	size_t n;

	while (s != NULL && (*s == '\n' || *s == ' '))
		s++;
	n = s != NULL ? strcspn(s, "\n") : 0;
	if (n >= size)
		n = size - 1;
	memcpy(buf, s != NULL ? s : "", n);
	buf[n] = '\0';
}

int
ghostscript_cmyk(const unsigned char *data, size_t len, const char *profile,
	unsigned char **out, size_t *out_len, struct diag *d)
{
	gchar *in_path = NULL, *out_path = NULL, *errors = NULL, *result = NULL;
	gsize result_len = 0;
	GError *err = NULL;
	int in_fd = -1, out_fd = -1, status = 0, rc = -1;
	char *output_profile, *default_cmyk, *output_file, line[160];

	if (!ghostscript_found())
		return diag_set(d, DIAG_IO,
			"--cmyk needs Ghostscript (gs), which is not "
			"installed; " INSTALL_HINT);
	in_fd = g_file_open_tmp("bayraq-XXXXXX.pdf", &in_path, NULL);
	out_fd = g_file_open_tmp("bayraq-XXXXXX.pdf", &out_path, NULL);
	if (in_fd < 0 || out_fd < 0 ||
		!g_file_set_contents(in_path, (const gchar *)data, (gssize)len,
			NULL)) {
		diag_set(d, DIAG_IO, "cannot write a temporary file for gs");
		goto out;
	}
	output_profile = xasprintf("-sOutputICCProfile=%s", profile);
	default_cmyk = xasprintf("-sDefaultCMYKProfile=%s", profile);
	output_file = xasprintf("-sOutputFile=%s", out_path);
	{
		const char *argv[] = { "gs", "-q", "-dBATCH", "-dNOPAUSE",
			"-dSAFER", "-sDEVICE=pdfwrite",
			"-dCompatibilityLevel=1.6",
			"-sColorConversionStrategy=CMYK",
			"-sProcessColorModel=DeviceCMYK", output_profile,
			default_cmyk, output_file, in_path, NULL };

		/* g_spawn_sync does not write to argv. */
		if (!g_spawn_sync(NULL, (gchar **)argv, NULL,
			    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
			    NULL, NULL, NULL, &errors, &status, &err)) {
			diag_set(d, DIAG_IO, "cannot run gs: %s", err->message);
			g_clear_error(&err);
		} else if (!g_spawn_check_wait_status(status, NULL)) {
			first_line(errors, line, sizeof line);
			diag_set(d, DIAG_LIB,
				"gs could not convert to CMYK: %s",
				line[0] ? line : "no message");
		} else if (!g_file_get_contents(out_path, &result, &result_len,
				   NULL) ||
			   result_len == 0) {
			diag_set(d, DIAG_LIB, "gs wrote no PDF");
		} else {
			*out = xmalloc(result_len);
			memcpy(*out, result, result_len);
			*out_len = result_len;
			rc = 0;
		}
	}
	free(output_profile);
	free(default_cmyk);
	free(output_file);
out:
	if (in_fd >= 0)
		close(in_fd);
	if (out_fd >= 0)
		close(out_fd);
	if (in_path != NULL)
		unlink(in_path);
	if (out_path != NULL)
		unlink(out_path);
	g_free(in_path);
	g_free(out_path);
	g_free(errors);
	g_free(result);
	return rc;
}
