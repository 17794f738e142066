/* serve-render.c - one render asked for over HTTP, through the same job as
 * render. */
#include "cli/serve.h"

#include <cairo.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/options.h"
#include "input/paper.h"
#include "run/job.h"

const char *const serve_param_names[SP_COUNT] = { "design", "lang", "city",
	"country", "size", "orientation", "format", "dpi", "sheet", "slogan",
	"event", "ui" };

/* The option each parameter is, for options_job(): the same messages. */
static const enum option_id param_options[SP_COUNT] = { OPT_DESIGN, OPT_LANG,
	OPT_CITY, OPT_COUNTRY, OPT_SIZE, OPT_ORIENTATION, 0, OPT_DPI, OPT_SHEET,
	OPT_SLOGAN, OPT_EVENT, 0 };

/* The form field an error is about, for the page to show it beside. */
static const char *
field_of(const struct diag *d, const char *city)
{
	static const char *const fields[] = { "design", "lang", "city",
		"country", "size", "orientation", "dpi", "sheet", "format",
		"slogan", "event" };
	char word[32];
	size_t i;

	if (strstr(d->msg, "language") != NULL)
		return "lang";
	/* flags_host(): Russia, however the country was named. */
	if (strstr(d->msg, "never a host flag") != NULL)
		return "country";
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		snprintf(word, sizeof word, "--%s", fields[i]);
		if (strstr(d->msg, word) != NULL)
			return fields[i];
		snprintf(word, sizeof word, "unknown %s ", fields[i]);
		if (strncmp(d->msg, word, strlen(word)) == 0)
			return fields[i];
	}
	/* The message quotes the text that does not fit, maybe cut short. */
	if (d->kind == DIAG_FIT && city != NULL && city[0] != '\0') {
		char *start = g_strndup(city, 40);
		int found = strstr(d->msg, start) != NULL;

		g_free(start);
		if (found)
			return "city";
	}
	if (d->kind == DIAG_FIT)
		return "size";
	return NULL;
}

/* The paper asked for, turned; 0 if it parses. */
static int
asked_paper(const struct job_opts *o, struct paper *p)
{
	struct diag d = { 0 };

	if (paper_parse(p, o->size, &d) < 0)
		return -1;
	return o->orientation != NULL ? paper_orient(p, o->orientation, &d) : 0;
}

/*
 * A preview: about px on the long side. A size in pixels is
 * the same page in points (the layout is in points); the resolution has a
 * floor of 10 dpi, so the largest banners are scaled down after.
 */
static void
preview_opts(struct job_opts *o, double px, char *size, size_t n)
{
	struct paper p;

	o->formats = "png";
	if (asked_paper(o, &p) < 0)
		return;
	if (p.width_px != 0) {
		snprintf(size, n, "%.3fx%.3fpt", p.width_pt, p.height_pt);
		o->size = size;
		o->orientation = NULL;
	}
	o->dpi = px * 72.0 / fmax(p.width_pt, p.height_pt);
	o->dpi = fmin(fmax(o->dpi, 10), 2400);
}

/* This server's caps on downloads, before anything is drawn. */
static int
check_caps(const struct job_opts *o, int png, struct diag *d)
{
	struct paper p;
	size_t w, h;

	if (asked_paper(o, &p) < 0)
		return 0; /* job_resolve() says why */
	if (PAPER_MM(fmax(p.width_pt, p.height_pt)) > SERVE_MAX_SIDE_MM)
		return diag_set(d, DIAG_USAGE,
			"the size '%.40s' is past this server's cap of %.0f m "
			"a side; choose a smaller size",
			o->size, SERVE_MAX_SIDE_MM / 1000);
	paper_pixels(&p, o->dpi, &w, &h);
	if (png && (double)w * (double)h > SERVE_MAX_PIXELS)
		return diag_set(d, DIAG_USAGE,
			"an image of %zu x %zu pixels is past this server's "
			"cap "
			"of %.0f million pixels; lower --dpi or choose a "
			"smaller size",
			w, h, SERVE_MAX_PIXELS / 1e6);
	return 0;
}

/* format=pdf|png|print|tiles: what each means for the job. */
static int
download_opts(struct job_opts *o, const char *format, struct diag *d)
{
	if (format == NULL || format[0] == '\0')
		return diag_set(d, DIAG_USAGE,
			"missing format (expected pdf, png, print, tiles)");
	if (strcmp(format, "pdf") == 0 || strcmp(format, "png") == 0) {
		o->formats = format;
	} else if (strcmp(format, "print") == 0) {
		o->formats = "pdf";
		o->print.pdfx = 1;
		o->print.marks = 1;
	} else if (strcmp(format, "tiles") == 0) {
		o->tiles_only = 1;
	} else {
		return diag_set(d, DIAG_USAGE,
			"unknown format '%.20s' (expected pdf, png, print, "
			"tiles)",
			format);
	}
	return check_caps(o, strcmp(format, "png") == 0, d);
}

static size_t
preview_px(const struct serve_render *r)
{
	return r->preview_px != 0 ? r->preview_px : SERVE_PREVIEW_PX;
}

static int
fill_opts(struct serve_render *r, struct job_opts *o, char *size, size_t n)
{
	size_t i;

	job_opts_init(o);
	for (i = 0; i < SP_COUNT; i++) {
		const char *v = r->param[i];

		if (v == NULL || param_options[i] == 0)
			continue;
		if (options_job(param_options[i], v, o, &r->diag) < 0)
			return -1;
	}
	if (r->preview && !(o->dpi >= 10 && o->dpi <= 2400))
		return diag_set(&r->diag, DIAG_USAGE,
			"--dpi must be a number from 10 to 2400");
	if (r->preview) {
		preview_opts(o, (double)preview_px(r), size, n);
		return 0;
	}
	return download_opts(o, r->param[SP_FORMAT], &r->diag);
}

static cairo_status_t
append(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The preview scaled down to its size when it came out larger. */
static void
shrink_preview(struct serve_render *r, const char *path)
{
	cairo_surface_t *in = cairo_image_surface_create_from_png(path), *out;
	double w = cairo_image_surface_get_width(in);
	double h = cairo_image_surface_get_height(in);
	double px = (double)preview_px(r), k = px / fmax(w, h);
	GByteArray *buf;
	cairo_t *cr;

	if (cairo_surface_status(in) != CAIRO_STATUS_SUCCESS ||
		fmax(w, h) <= px * 1.1) {
		cairo_surface_destroy(in);
		return;
	}
	out = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		(int)fmax(1, round(w * k)), (int)fmax(1, round(h * k)));
	cr = cairo_create(out);
	cairo_scale(cr, k, k);
	cairo_set_source_surface(cr, in, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_destroy(cr);
	buf = g_byte_array_new();
	if (cairo_surface_write_to_png_stream(out, append, buf) ==
		CAIRO_STATUS_SUCCESS) {
		g_free(r->body);
		r->size = buf->len;
		r->body = (char *)g_byte_array_free(buf, FALSE);
	} else {
		g_byte_array_free(buf, TRUE);
	}
	cairo_surface_destroy(out);
	cairo_surface_destroy(in);
}

/* Empties and removes dir: nothing of a request stays on disk. */
static void
remove_folder(const char *dir)
{
	GDir *gd = g_dir_open(dir, 0, NULL);
	const char *name;

	while (gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
		char *path = g_build_filename(dir, name, NULL);

		g_unlink(path);
		g_free(path);
	}
	if (gd != NULL)
		g_dir_close(gd);
	g_rmdir(dir);
}

static const char *
type_of(const char *path)
{
	return g_str_has_suffix(path, ".png") ? "image/png" : "application/pdf";
}

static void
render_in(struct serve_render *r, struct library *lib, const char *dir)
{
	struct job_opts o;
	struct job *job = NULL;
	char size[64];
	const char *path;
	GError *err = NULL;
	gsize len;

	if (fill_opts(r, &o, size, sizeof size) < 0)
		return;
	o.output = dir;
	o.output_folder = 1;
	job = job_resolve(&o, lib, &r->diag);
	if (job == NULL || job_run(job, lib, NULL, NULL, &r->diag) < 0)
		goto out;
	path = job_output_path(job, 0);
	if (!g_file_get_contents(path, &r->body, &len, &err)) {
		diag_set(&r->diag, DIAG_IO, "cannot read the render: %s",
			err->message);
		g_error_free(err);
		goto out;
	}
	r->size = len;
	r->type = type_of(path);
	r->name = g_path_get_basename(path);
	if (r->preview)
		shrink_preview(r, path);
out:
	job_free(job);
}

static void
render_run(struct serve_task *t, struct library *lib)
{
	struct serve_render *r = &((struct serve_request *)t->arg)->r;
	char *dir = g_build_filename(r->tmp, "r-XXXXXX", NULL);

	memset(&r->diag, 0, sizeof r->diag);
	if (g_mkdtemp_full(dir, 0700) == NULL)
		diag_set(&r->diag, DIAG_IO,
			"cannot make a temporary folder: %s",
			g_strerror(errno));
	else
		render_in(r, lib, dir);
	remove_folder(dir);
	g_free(dir);
	if (r->diag.kind == DIAG_NONE && r->body != NULL) {
		r->status = 200;
		return;
	}
	g_free(r->body);
	r->body = NULL;
	r->status = r->diag.kind == DIAG_USAGE || r->diag.kind == DIAG_FIT
			    ? 400
			    : 500;
	r->field = field_of(&r->diag, r->param[SP_CITY]);
}

static void
request_release(struct serve_task *t)
{
	serve_request_free(t->arg);
}

struct serve_request *
serve_request_new(const char *tmp, int preview)
{
	struct serve_request *q = g_new0(struct serve_request, 1);

	q->task.run = render_run;
	q->task.release = request_release;
	q->task.arg = q;
	q->r.tmp = tmp;
	q->r.preview = preview;
	return q;
}

void
serve_request_set(struct serve_request *q, enum serve_param i,
	const char *value)
{
	g_free(q->values[i]);
	q->values[i] =
		value != NULL && value[0] != '\0' ? g_strdup(value) : NULL;
	q->r.param[i] = q->values[i];
}

void
serve_request_free(struct serve_request *q)
{
	size_t i;

	if (q == NULL)
		return;
	for (i = 0; i < SP_COUNT; i++)
		g_free(q->values[i]);
	g_free(q->r.body);
	g_free(q->r.name);
	g_free(q);
}
