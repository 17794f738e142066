/* output.c - the writers (pdf, png): temporary file, then rename into place. */
#include "write/output.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib.h>
#include <tiffio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "write/ghostscript.h"
#include "layout/marks.h"
#include "write/pdfpost.h"
#include "write/pngenc.h"
#include "write/raster.h"
#include "layout/tile.h"
#include "base/xalloc.h"

#ifndef BAYRAQ_VERSION
#define BAYRAQ_VERSION "0.0"
#endif

typedef int (*writer_fn)(FILE *fp, const struct banner *b,
	const struct output_opts *opts, struct diag *d);

static int write_pdf(FILE *fp, const struct banner *b,
	const struct output_opts *opts, struct diag *d);
static int write_png(FILE *fp, const struct banner *b,
	const struct output_opts *opts, struct diag *d);
static int write_svg(FILE *fp, const struct banner *b,
	const struct output_opts *opts, struct diag *d);
static int write_tiff(FILE *fp, const struct banner *b,
	const struct output_opts *opts, struct diag *d);

static const struct writer {
	const char *name;
	writer_fn write;
} writers[] = {
	{ "pdf", write_pdf },
	{ "png", write_png },
	{ "svg", write_svg },
	{ "tiff", write_tiff },
};

#define WRITER_COUNT (sizeof writers / sizeof writers[0])

static const struct writer *
writer_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < WRITER_COUNT; i++)
		if (strcmp(writers[i].name, name) == 0)
			return &writers[i];
	return NULL;
}

int
output_format_known(const char *format)
{
	return writer_lookup(format) != NULL;
}

const char *
output_format_names(void)
{
	return "pdf, png, svg, tiff";
}

/* cairo's PDF is collected in memory, then finished by pdfpost. */
struct buffer {
	unsigned char *data;
	size_t len, cap;
};

static cairo_status_t
buffer_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct buffer *b = closure;

	if (b->len + len > b->cap) {
		b->cap = (b->len + len) * 2;
		b->data = xreallocarray(b->data, b->cap, 1);
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return CAIRO_STATUS_SUCCESS;
}

/* SOURCE_DATE_EPOCH makes PDFs reproducible (reproducible-builds.org). */
static void
pdf_date(char *buf, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t =
		epoch != NULL ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The largest page side PDF viewers accept; beyond it, /UserUnit. */
#define PDF_MAX_SIDE 14400.0

static void
set_metadata(cairo_surface_t *surf, const struct banner *b,
	const struct output_opts *opts)
{
	char date[32], *keywords;

	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
		banner_title(b));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT,
		opts->subject);
	keywords = xasprintf("#LIBERATECRIMEA, language=%s", banner_lang(b));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS,
		keywords);
	free(keywords);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
		opts->software);
	pdf_date(date, sizeof date);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
		date);
}

/* Draws the sheet: the art at the trim, its background into the bleed. */
static int
draw_sheet(cairo_t *cr, const struct banner *b, const struct sheet *s,
	struct diag *d)
{
	struct render_frame f = { s->bleed, s->bleed + s->pocket, s->bleed,
		s->bleed + s->pocket, s->outline_text };
	int rc;

	cairo_save(cr);
	cairo_translate(cr, s->trim_x, s->trim_y + s->pocket);
	rc = render_draw(b, cr, &f, d);
	cairo_restore(cr);
	if (rc == 0)
		marks_draw_grommets(cr, s);
	return rc;
}

static void
pdf_boxes(struct pdfpost_opts *po, const struct sheet *s)
{
	double h = s->media_h;

	po->has_boxes = s->bleed > 0 || s->slug > 0 || s->pocket > 0 || s->pdfx;
	po->trim = (struct pdf_box){ s->trim_x, h - s->trim_y - s->trim_h,
		s->trim_x + s->trim_w, h - s->trim_y };
	po->bleed = (struct pdf_box){ po->trim.x0 - s->bleed,
		po->trim.y0 - s->bleed, po->trim.x1 + s->bleed,
		po->trim.y1 + s->bleed };
}

/* Ends a cairo PDF drawing; an earlier error (rc < 0) wins. */
static int
pdf_close(cairo_t *cr, cairo_surface_t *surf, int rc, struct diag *d)
{
	cairo_status_t st;

	cairo_destroy(cr);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (rc == 0 && st != CAIRO_STATUS_SUCCESS)
		rc = diag_set(d, DIAG_LIB, "cannot write the PDF: %s",
			cairo_status_to_string(st));
	return rc;
}

typedef int (*pdf_draw_fn)(cairo_t *cr, const struct banner *b,
	const struct output_opts *opts, struct diag *d);

/* cairo's PDF of w x h points (/UserUnit unit) in memory, drawn by draw. */
static int
pdf_render(struct buffer *buf, double w, double h, double unit,
	const struct banner *b, const struct output_opts *opts,
	pdf_draw_fn draw, struct diag *d)
{
	cairo_surface_t *surf;
	cairo_t *cr;
	int rc;

	surf = cairo_pdf_surface_create_for_stream(buffer_write, buf, w / unit,
		h / unit);
	set_metadata(surf, b, opts);
	cr = cairo_create(surf);
	cairo_scale(cr, 1 / unit, 1 / unit);
	rc = draw(cr, b, opts, d);
	return pdf_close(cr, surf, rc, d);
}

static void
pdfpost_defaults(struct pdfpost_opts *po, const struct banner *b,
	const struct output_opts *opts, char date[32])
{
	memset(po, 0, sizeof *po);
	po->lang = banner_lang(b);
	po->title = banner_title(b);
	po->producer = opts->software;
	pdf_date(date, 32);
	po->date = date;
	po->user_unit = 1;
}

static int
draw_banner_sheet(cairo_t *cr, const struct banner *b,
	const struct output_opts *opts, struct diag *d)
{
	return draw_sheet(cr, b, opts->sheet, d);
}

static int
write_pdf(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct buffer buf = { NULL, 0, 0 };
	const struct sheet *s = opts->sheet;
	struct pdfpost_opts po;
	char date[32], *marks;
	double unit;
	int rc;

	unit = ceil(fmax(s->media_w, s->media_h) / PDF_MAX_SIDE);
	if (unit < 1)
		unit = 1;
	rc = pdf_render(&buf, s->media_w, s->media_h, unit, b, opts,
		draw_banner_sheet, d);
	pdfpost_defaults(&po, b, opts, date);
	po.user_unit = unit;
	pdf_boxes(&po, s);
	po.pdfx = s->pdfx;
	po.intent_icc = opts->intent_icc;
	po.intent_id = s->intent == INTENT_GRACOL ? "CGATS TR 006" : "FOGRA39";
	po.intent_info = s->intent == INTENT_GRACOL
				 ? "GRACoL 2006 Coated #1 (CGATS TR 006)"
				 : "Coated FOGRA39 (ISO 12647-2:2004)";
	po.srgb_icc = opts->srgb_icc;
	po.srgb_defaults = !s->cmyk;
	marks = marks_pdf_content(s, unit);
	po.extra_content = marks;
	if (rc == 0 && s->cmyk) {
		unsigned char *cmyk = NULL;
		size_t cmyk_len = 0;

		rc = ghostscript_cmyk(buf.data, buf.len, opts->intent_icc,
			&cmyk, &cmyk_len, d);
		free(buf.data);
		buf.data = cmyk;
		buf.len = cmyk_len;
	}
	if (rc == 0)
		rc = pdfpost_write(fp, buf.data, buf.len, &po, d);
	free(buf.data);
	free(marks);
	return rc;
}

static int
draw_tiles(cairo_t *cr, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	return tile_draw(cr, opts->tiling, b, opts->tile_words, d);
}

/* The home printer's PDF: the map and the sheets, vector, never raster. */
static int
write_tiles(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct buffer buf = { NULL, 0, 0 };
	struct pdfpost_opts po;
	char date[32];
	int rc;

	rc = pdf_render(&buf, opts->tiling->sheet_w, opts->tiling->sheet_h, 1,
		b, opts, draw_tiles, d);
	pdfpost_defaults(&po, b, opts, date);
	if (rc == 0)
		rc = pdfpost_write(fp, buf.data, buf.len, &po, d);
	free(buf.data);
	return rc;
}

struct png_job {
	struct pngenc *pe;
	enum png_level level;
	size_t width;
};

/* On the drawing thread: filter and deflate the band. */
static int
png_band_work(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	struct png_job *j = arg;
	struct png_band *b = xcalloc(1, sizeof *b);

	(void)y0;
	*result = b;
	return pngenc_band(b, rows, stride, j->width, n, j->level, last, d);
}

/* Bands not taken, on an error; TIFF strips use the same struct. */
static void
png_band_drop(void *arg, void *result)
{
	(void)arg;
	png_band_release(result);
	free(result);
}

/* On the caller's thread, in order: write the band's IDAT. */
static int
png_band_take(void *arg, size_t band, void *result, struct diag *d)
{
	struct png_job *j = arg;
	int rc = pngenc_append(j->pe, result, d);

	(void)band;
	png_band_drop(arg, result);
	return rc;
}

/* A raster job for the banner at the options' pixel size. */
static void
raster_job_init(struct raster_job *rj, const struct banner *b,
	const struct output_opts *opts, raster_band_fn band,
	raster_take_fn take, void *arg)
{
	memset(rj, 0, sizeof *rj);
	rj->banner = b;
	rj->painter = opts->painter;
	rj->width = opts->px_w;
	rj->height = opts->px_h;
	rj->jobs = opts->painter.clone != NULL ? opts->jobs : 1;
	rj->band_rows = opts->band_rows ? opts->band_rows
					: raster_band_rows(opts->px_w);
	rj->band = band;
	rj->take = take;
	rj->drop = png_band_drop;
	rj->arg = arg;
	rj->progress = opts->progress;
	rj->progress_arg = opts->progress_arg;
}

static int
write_png(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct pngenc_info info = { opts->dpi, banner_title(b), banner_lang(b),
		opts->software };
	struct png_job pj = { NULL, opts->png_level, opts->px_w };
	struct raster_job rj;
	int rc;

	pj.pe = pngenc_new(fp, opts->px_w, opts->px_h, &info, d);
	if (pj.pe == NULL)
		return -1;
	raster_job_init(&rj, b, opts, png_band_work, png_band_take, &pj);
	rc = raster_run(&rj, d);
	if (rc == 0)
		rc = pngenc_finish(pj.pe, d);
	pngenc_free(pj.pe);
	return rc;
}

/* TIFF: bands become RGB strips on their threads; libtiff deflates them. */
struct tiff_job {
	TIFF *tif;
	size_t width;
};

static int
tiff_band_work(void *arg, const unsigned char *rows, size_t stride, size_t y0,
	size_t n, int last, void **result, struct diag *d)
{
	struct tiff_job *j = arg;
	struct png_band *b = xcalloc(1, sizeof *b);
	size_t y;

	(void)y0;
	(void)last;
	(void)d;
	b->len = b->cap = j->width * 3 * n;
	b->data = xmalloc(b->len);
	for (y = 0; y < n; y++)
		pngenc_to_rgb(b->data + y * j->width * 3, rows + y * stride,
			j->width);
	*result = b;
	return 0;
}

static int
tiff_band_take(void *arg, size_t band, void *result, struct diag *d)
{
	struct tiff_job *j = arg;
	struct png_band *b = result;
	tmsize_t rc = TIFFWriteEncodedStrip(j->tif, (uint32_t)band, b->data,
		(tmsize_t)b->len);

	png_band_drop(arg, result);
	return rc < 0 ? diag_set(d, DIAG_IO, "cannot write the TIFF") : 0;
}

static void
tiff_fields(TIFF *tif, const struct banner *b, const struct output_opts *opts,
	size_t rows)
{
	gchar *icc = NULL;
	gsize icc_len = 0;

	TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, (uint32_t)opts->px_w);
	TIFFSetField(tif, TIFFTAG_IMAGELENGTH, (uint32_t)opts->px_h);
	TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
	TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
	TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
	TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
	TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
	TIFFSetField(tif, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
	TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, (uint32_t)rows);
	TIFFSetField(tif, TIFFTAG_XRESOLUTION, (float)opts->dpi);
	TIFFSetField(tif, TIFFTAG_YRESOLUTION, (float)opts->dpi);
	TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
	TIFFSetField(tif, TIFFTAG_SOFTWARE, opts->software);
	TIFFSetField(tif, TIFFTAG_DOCUMENTNAME, banner_title(b));
	/* The pixels are sRGB: say so, for the shop's RIP. */
	if (opts->srgb_icc != NULL &&
		g_file_get_contents(opts->srgb_icc, &icc, &icc_len, NULL))
		TIFFSetField(tif, TIFFTAG_ICCPROFILE, (uint32_t)icc_len, icc);
	g_free(icc);
}

/*
 * TIFF for large-format shops: deflate with the horizontal predictor,
 * resolution tags and the sRGB profile; BigTIFF past 2 GB of pixels.
 */
static int
write_tiff(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	struct tiff_job tj = { NULL, opts->px_w };
	struct raster_job rj;
	double raw = (double)opts->px_w * (double)opts->px_h * 3;
	int fd, rc;

	/* libtiff would print its complaints; its return values say enough. */
	TIFFSetErrorHandler(NULL);
	TIFFSetWarningHandler(NULL);
	fflush(fp);
	fd = dup(fileno(fp));
	tj.tif = fd < 0 ? NULL
			: TIFFFdOpen(fd, "banner.tiff", raw > 2e9 ? "w8" : "w");
	if (tj.tif == NULL) {
		if (fd >= 0)
			close(fd);
		return diag_set(d, DIAG_IO, "cannot start the TIFF");
	}
	raster_job_init(&rj, b, opts, tiff_band_work, tiff_band_take, &tj);
	tiff_fields(tj.tif, b, opts, rj.band_rows);
	rc = raster_run(&rj, d);
	if (rc == 0 && !TIFFFlush(tj.tif))
		rc = diag_set(d, DIAG_IO, "cannot write the TIFF");
	/* TIFFClose closes the duplicate descriptor, not fp. */
	TIFFClose(tj.tif);
	return rc;
}

static cairo_status_t
file_write(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

/*
 * The banner as SVG 1.1 with the text laid out (glyphs as paths), for
 * tools that cannot lay out text as bayraq does (rsvg-convert, browsers).
 */
static int
write_svg(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	cairo_surface_t *surf = cairo_svg_surface_create_for_stream(file_write,
		fp, banner_width(b), banner_height(b));
	cairo_t *cr = cairo_create(surf);

	(void)opts;
	return pdf_close(cr, surf, render_draw(b, cr, NULL, d), d);
}

static char *
temp_path_for(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xasprintf(".%s.XXXXXX", path);
	return xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path,
		slash + 1);
}

typedef int (*file_fn)(FILE *fp, void *arg, struct diag *d);

/* Runs fn into a temporary file beside path, kept in o. */
static int
write_to(struct output *o, const char *path, file_fn fn, void *arg,
	struct diag *d)
{
	char *tmp;
	FILE *fp;
	int fd, rc;

	if (o->count == OUTPUT_MAX)
		return diag_set(d, DIAG_USAGE, "too many outputs");
	tmp = temp_path_for(path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		diag_set(d, DIAG_IO, "cannot write '%s': %s", path,
			strerror(errno));
		free(tmp);
		return -1;
	}
	fp = fdopen(fd, "wb");
	if (fp == NULL) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return diag_set(d, DIAG_IO, "cannot write '%s'", path);
	}
	o->tmp[o->count] = tmp;
	o->final[o->count] = xstrdup(path);
	o->count++;
	rc = fn(fp, arg, d);
	if (fflush(fp) != 0 || ferror(fp))
		rc = diag_set(d, DIAG_IO, "cannot write '%s': %s", path,
			strerror(errno));
	if (fclose(fp) != 0)
		rc = diag_set(d, DIAG_IO, "cannot write '%s': %s", path,
			strerror(errno));
	/* mkstemp makes 0600; a banner is an ordinary file. */
	if (rc == 0) {
		mode_t mask = umask(0);

		umask(mask);
		chmod(tmp, 0666 & ~mask);
	}
	return rc;
}

/* A banner writer with its arguments, for write_to(). */
struct banner_job {
	writer_fn write;
	const struct banner *b;
	const struct output_opts *opts;
};

static int
banner_file(FILE *fp, void *arg, struct diag *d)
{
	struct banner_job *j = arg;

	return j->write(fp, j->b, j->opts, d);
}

int
output_write(struct output *o, const struct banner *b, const char *format,
	const char *path, const struct output_opts *opts, struct diag *d)
{
	const struct writer *w = writer_lookup(format);
	struct banner_job j = { NULL, b, opts };

	if (w == NULL)
		return diag_set(d, DIAG_USAGE,
			"unknown format '%s' (expected %s)", format,
			output_format_names());
	j.write = w->write;
	return write_to(o, path, banner_file, &j, d);
}

int
output_write_tiles(struct output *o, const struct banner *b, const char *path,
	const struct output_opts *opts, struct diag *d)
{
	struct banner_job j = { write_tiles, b, opts };

	return write_to(o, path, banner_file, &j, d);
}

struct pages_job {
	double w, h;
	const char *title, *lang;
	output_pages_fn draw;
	void *arg;
};

static int
pages_file(FILE *fp, void *arg, struct diag *d)
{
	struct pages_job *j = arg;
	struct buffer buf = { NULL, 0, 0 };
	struct pdfpost_opts po;
	cairo_surface_t *surf;
	cairo_t *cr;
	char date[32];
	int rc;

	surf = cairo_pdf_surface_create_for_stream(buffer_write, &buf, j->w,
		j->h);
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
		j->title);
	cr = cairo_create(surf);
	rc = pdf_close(cr, surf, j->draw(cr, j->arg, d), d);
	memset(&po, 0, sizeof po);
	po.lang = j->lang;
	po.title = j->title;
	po.producer = "bayraq " BAYRAQ_VERSION;
	pdf_date(date, sizeof date);
	po.date = date;
	po.user_unit = 1;
	if (rc == 0)
		rc = pdfpost_write(fp, buf.data, buf.len, &po, d);
	free(buf.data);
	return rc;
}

int
output_write_pages(struct output *o, const char *path, double w, double h,
	const char *title, const char *lang, output_pages_fn draw, void *arg,
	struct diag *d)
{
	struct pages_job j = { w, h, title, lang, draw, arg };

	return write_to(o, path, pages_file, &j, d);
}

int
output_commit(struct output *o, struct diag *d)
{
	size_t i;

	for (i = 0; i < o->count; i++) {
		if (rename(o->tmp[i], o->final[i]) != 0)
			return diag_set(d, DIAG_IO,
				"cannot rename '%s' to '%s': %s", o->tmp[i],
				o->final[i], strerror(errno));
		free(o->tmp[i]);
		o->tmp[i] = NULL;
	}
	return 0;
}

void
output_release(struct output *o)
{
	size_t i;

	for (i = 0; i < o->count; i++) {
		if (o->tmp[i] != NULL) {
			unlink(o->tmp[i]);
			free(o->tmp[i]);
		}
		free(o->final[i]);
	}
	o->count = 0;
}
