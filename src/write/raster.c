/* raster.c - banded, parallel rasterizing: bounded memory at any size. */
#include "write/raster.h"

#include <cairo.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "write/bigpages.h"

struct band_slot {
	int ready, failed;
	void *result;
};

/* Some rows of the design drawn with its filters, the page's width. */
struct strip {
	unsigned char *data; /* NULL until drawn, and again once dropped */
};

/*
 * A design with filters, drawn in strips of rows rows (the last fewer),
 * each once, before the bands copy their rows from them.
 */
struct art {
	struct strip *strips; /* NULL: the bands draw the design themselves */
	size_t count, rows, pad;
	int windowed; /* 0: one strip, drawn whole */
	pthread_mutex_t lock;
};

struct pool {
	const struct raster_job *job;
	struct art art;
	size_t bands, next, taken, window;
	struct band_slot *slots;
	int stop;
	struct diag err;
	pthread_mutex_t lock;
	pthread_cond_t changed;
};

/* The widest tile: RASTER_MAX_SURFACE, or less in tests, for many tiles. */
static size_t
max_surface(const struct raster_job *job)
{
	return job->max_surface > 0 && job->max_surface < RASTER_MAX_SURFACE
		       ? job->max_surface
		       : RASTER_MAX_SURFACE;
}

size_t
raster_band_rows(size_t width)
{
	size_t rows = RASTER_BAND_BYTES / (width * 4 + 1);

	if (rows > RASTER_BAND_ROWS)
		rows = RASTER_BAND_ROWS;
	return rows < 16 ? 16 : rows;
}

/*
 * librsvg computes a filter over the whole page it is given, whatever the
 * clip: a design with filters drawn whole per band would cost one filter
 * pass per band (636 s for a blur at A0 300 dpi). Such a design is drawn
 * once, in strips of whole rows; each strip is drawn as a window of the
 * page (render_draw_art_window()) reaching the filters' reach beyond it,
 * in tiles no wider than RASTER_MAX_SURFACE, so the pixels are those of
 * the page drawn whole, and the filters cost about one pass in all.
 */
static void
art_plan(struct art *a, const struct raster_job *job)
{
	double reach = banner_filter_reach(job->banner);
	double scale = fmax((double)job->width / banner_width(job->banner),
		(double)job->height / banner_height(job->banner));
	size_t max = max_surface(job);
	double padded;

	memset(a, 0, sizeof *a);
	if (!banner_has_filters(job->banner))
		return;
	/* Two pixels more than the reach: the edges' anti-aliasing. */
	a->pad = reach < 0 ? 0 : (size_t)ceil(reach * scale) + 2;
	padded = (job->window_pixels > 0 ? job->window_pixels
					 : RASTER_ART_WINDOW_PIXELS) /
		 (double)(job->width < max ? job->width : max);
	a->windowed = reach >= 0 && 2 * a->pad + RASTER_BAND_ROWS < max;
	if (a->windowed) {
		a->rows = padded > 2.0 * a->pad + 4 * RASTER_BAND_ROWS
				  ? (size_t)padded - 2 * a->pad
				  : 4 * RASTER_BAND_ROWS;
	} else if (job->width <= max && job->height <= max &&
		   (double)job->width * (double)job->height * 4 <=
			   RASTER_ART_BYTES) {
		a->rows = job->height;
	} else {
		return; /* drawn per band: slow, in bounded memory */
	}
	if (a->rows > job->height)
		a->rows = job->height;
	a->count = (job->height + a->rows - 1) / a->rows;
	a->strips = xcalloc(a->count, sizeof *a->strips);
	pthread_mutex_init(&a->lock, NULL);
}

static void
art_release(struct art *a)
{
	size_t i;

	if (a->strips == NULL)
		return;
	for (i = 0; i < a->count; i++)
		free(a->strips[i].data);
	free(a->strips);
	pthread_mutex_destroy(&a->lock);
}

/* Draws columns [x0, x1) of rows [y0, y1) with the pad around, into out. */
static int
draw_tile(const struct art *a, const struct raster_job *job,
	const struct banner *b, const size_t box[4], unsigned char *out,
	size_t out_stride, struct diag *d)
{
	double sx = (double)job->width / banner_width(b);
	double sy = (double)job->height / banner_height(b);
	size_t px0 = box[0] > a->pad ? box[0] - a->pad : 0;
	size_t py0 = box[1] > a->pad ? box[1] - a->pad : 0;
	size_t px1 =
		box[2] + a->pad < job->width ? box[2] + a->pad : job->width;
	size_t py1 =
		box[3] + a->pad < job->height ? box[3] + a->pad : job->height;
	double win[4] = { px0 / sx, py0 / sy, px1 / sx, py1 / sy };
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		(int)(px1 - px0), (int)(py1 - py0));
	cairo_t *cr = cairo_create(s);
	size_t y, stride;
	unsigned char *px;
	int rc;

	cairo_translate(cr, -(double)px0, -(double)py0);
	cairo_scale(cr, sx, sy);
	rc = a->windowed ? render_draw_art_window(b, cr, win, d)
			 : render_draw_art(b, cr, NULL, d);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	px = cairo_image_surface_get_data(s);
	stride = (size_t)cairo_image_surface_get_stride(s);
	for (y = box[1]; rc == 0 && y < box[3]; y++)
		memcpy(out + (y - box[1]) * out_stride + box[0] * 4,
			px + (y - py0) * stride + (box[0] - px0) * 4,
			(box[2] - box[0]) * 4);
	cairo_surface_destroy(s);
	return rc;
}

/* Draws strip k; drops the strips above it, which bands have passed. */
static int
draw_strip(struct art *a, const struct raster_job *job, const struct banner *b,
	size_t k, struct diag *d)
{
	size_t y0 = k * a->rows;
	size_t y1 = y0 + a->rows < job->height ? y0 + a->rows : job->height;
	size_t max = max_surface(job);
	size_t tile = a->windowed ? max - 2 * a->pad : max;
	size_t x0, i;
	unsigned char *data;

	for (i = 0; i < k; i++) {
		free(a->strips[i].data);
		a->strips[i].data = NULL;
	}
	data = xmalloc(job->width * 4 * (y1 - y0));
	bigpages_advise(data, job->width * 4 * (y1 - y0));
	for (x0 = 0; x0 < job->width; x0 += tile) {
		size_t box[4] = { x0, y0,
			x0 + tile < job->width ? x0 + tile : job->width, y1 };

		if (draw_tile(a, job, b, box, data, job->width * 4, d) < 0) {
			free(data);
			return -1;
		}
	}
	a->strips[k].data = data;
	return 0;
}

/* Rows [y0, y0 + n) of the design, from its strips, drawn as needed. */
static int
art_rows(struct art *a, const struct raster_job *job, const struct banner *b,
	unsigned char *out, size_t stride, size_t y0, size_t n, struct diag *d)
{
	size_t y = y0, row = job->width * 4;
	int rc = 0;

	pthread_mutex_lock(&a->lock);
	while (rc == 0 && y < y0 + n) {
		size_t k = y / a->rows, end = (k + 1) * a->rows;

		if (a->strips[k].data == NULL)
			rc = draw_strip(a, job, b, k, d);
		for (; rc == 0 && y < y0 + n && y < end; y++)
			memcpy(out + (y - y0) * stride,
				a->strips[k].data + (y - k * a->rows) * row,
				row);
	}
	pthread_mutex_unlock(&a->lock);
	return rc;
}

/*
 * Draws rows [y0, y0 + n) into data, in tiles cairo can handle. With art,
 * the design comes from there and only flags and text are drawn.
 */
static int
draw_band(const struct banner *b, const struct pool *p, unsigned char *data,
	size_t stride, size_t width, size_t height, size_t y0, size_t n,
	struct diag *d)
{
	double sx = (double)width / banner_width(b);
	double sy = (double)height / banner_height(b);
	size_t x0, max = max_surface(p->job);
	int rc = 0;

	if (p->art.strips != NULL && art_rows((struct art *)&p->art, p->job, b,
					     data, stride, y0, n, d) < 0)
		return -1;
	for (x0 = 0; x0 < width && rc == 0; x0 += max) {
		size_t w = width - x0 < max ? width - x0 : max;
		cairo_surface_t *s =
			cairo_image_surface_create_for_data(data + x0 * 4,
				CAIRO_FORMAT_RGB24, (int)w, (int)n,
				(int)stride);
		cairo_t *cr = cairo_create(s);

		/*
		 * Large images get text as paths: cairo then fills only the
		 * band's part of each letter, where glyph masks of a poster's
		 * letters, cached whole, take tens of megabytes.
		 */
		struct render_frame f = { 0, 0, 0, 0,
			(double)width * (double)height >
				RASTER_PATH_TEXT_PIXELS,
			0 };

		cairo_translate(cr, -(double)x0, -(double)y0);
		cairo_scale(cr, sx, sy);
		rc = p->art.strips != NULL ? render_draw_overlay(b, cr, &f, d)
					   : render_draw(b, cr, &f, d);
		cairo_destroy(cr);
		cairo_surface_flush(s);
		cairo_surface_destroy(s);
	}
	return rc;
}

static void *
worker(void *arg)
{
	struct pool *p = ((void **)arg)[0];
	int first = ((void **)arg)[1] != NULL;
	const struct raster_job *job = p->job;
	const struct banner *b = job->banner;
	struct banner *own = NULL;
	size_t rows = job->band_rows, stride = job->width * 4;
	unsigned char *data = NULL;
	struct diag d = { 0 };

	if (!first) {
		own = banner_clone(b, &d);
		b = own;
	}
	if (b != NULL)
		data = xmalloc(stride * rows);
	for (;;) {
		size_t i, y0, n;
		void *result = NULL;
		int rc;

		pthread_mutex_lock(&p->lock);
		while (!p->stop && p->next < p->bands &&
			p->next >= p->taken + p->window)
			pthread_cond_wait(&p->changed, &p->lock);
		if (p->stop || p->next >= p->bands || b == NULL) {
			if (b == NULL && !p->stop) {
				p->stop = 1;
				diag_set(&p->err, d.kind, "%s", d.msg);
				pthread_cond_broadcast(&p->changed);
			}
			pthread_mutex_unlock(&p->lock);
			break;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		y0 = i * rows;
		n = job->height - y0 < rows ? job->height - y0 : rows;
		rc = draw_band(b, p, data, stride, job->width, job->height, y0,
			n, &d);
		if (rc == 0)
			rc = job->band(job->arg, data, stride, y0, n,
				i + 1 == p->bands, &result, &d);
		pthread_mutex_lock(&p->lock);
		p->slots[i].ready = 1;
		p->slots[i].result = result;
		if (rc < 0) {
			p->slots[i].failed = 1;
			p->stop = 1;
			diag_set(&p->err, d.kind, "%s", d.msg);
		}
		pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
	}
	free(data);
	banner_free(own);
	return NULL;
}

/* Takes bands in order as they finish, on the caller's thread. */
static int
take_all(struct pool *p, struct diag *d)
{
	const struct raster_job *job = p->job;
	size_t i;

	for (i = 0; i < p->bands; i++) {
		void *result;
		int rc;

		pthread_mutex_lock(&p->lock);
		while (!p->slots[i].ready && !p->stop)
			pthread_cond_wait(&p->changed, &p->lock);
		if (!p->slots[i].ready || p->slots[i].failed) {
			pthread_mutex_unlock(&p->lock);
			return -1;
		}
		result = p->slots[i].result;
		p->slots[i].result = NULL;
		pthread_mutex_unlock(&p->lock);
		rc = job->take(job->arg, i, result, d);
		pthread_mutex_lock(&p->lock);
		p->taken = i + 1;
		if (rc < 0)
			p->stop = 1;
		pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
		if (rc < 0)
			return -1;
		if (job->progress != NULL)
			job->progress(job->progress_arg, i + 1, p->bands);
	}
	return 0;
}

/*
 * One thread: every band drawn, encoded and taken in turn on the caller's
 * thread, in one buffer; no thread to start, no lock, no hand-over.
 */
static int
run_here(struct pool *p, struct diag *d)
{
	const struct raster_job *job = p->job;
	size_t rows = job->band_rows, stride = job->width * 4, i;
	unsigned char *data = xmalloc(stride * rows);
	int rc = 0;

	for (i = 0; i < p->bands && rc == 0; i++) {
		size_t y0 = i * rows;
		size_t n = job->height - y0 < rows ? job->height - y0 : rows;
		void *result = NULL;

		rc = draw_band(job->banner, p, data, stride, job->width,
			job->height, y0, n, d);
		if (rc == 0)
			rc = job->band(job->arg, data, stride, y0, n,
				i + 1 == p->bands, &result, d);
		if (rc == 0) {
			rc = job->take(job->arg, i, result, d);
			if (rc == 0 && job->progress != NULL)
				job->progress(job->progress_arg, i + 1,
					p->bands);
		} else if (result != NULL && job->drop != NULL) {
			job->drop(job->arg, result);
		}
	}
	free(data);
	return rc;
}

size_t
raster_threads(const struct raster_job *job)
{
	size_t bands = (job->height + job->band_rows - 1) / job->band_rows;
	double pixels = (double)job->width * (double)job->height;
	size_t jobs = job->jobs < 1 ? 1 : job->jobs;
	double per = job->thread_pixels > 0 ? job->thread_pixels
					    : RASTER_PIXELS_PER_THREAD;
	size_t worth = 1 + (size_t)(pixels / per);

	if (jobs > worth)
		jobs = worth;
	return jobs > bands ? bands : jobs;
}

int
raster_run(const struct raster_job *job, struct diag *d)
{
	struct pool p;
	pthread_t *threads;
	void *(*args)[2];
	size_t i, jobs, started;
	int rc;

	memset(&p, 0, sizeof p);
	p.job = job;
	if (banner_filter_budget(job->banner,
		    (double)job->width * (double)job->height, d) < 0)
		return -1;
	art_plan(&p.art, job);
	p.bands = (job->height + job->band_rows - 1) / job->band_rows;
	jobs = raster_threads(job);
	if (jobs == 1) {
		rc = run_here(&p, d);
		art_release(&p.art);
		return rc;
	}
	p.window = 2 * jobs;
	p.slots = xcalloc(p.bands, sizeof *p.slots);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.changed, NULL);
	threads = xcalloc(jobs, sizeof *threads);
	args = xcalloc(jobs, sizeof *args);
	/* Fewer threads only make it slower; none at all is an error. */
	for (started = 0; started < jobs; started++) {
		args[started][0] = &p;
		args[started][1] = started == 0 ? (void *)&p : NULL;
		if (pthread_create(&threads[started], NULL, worker,
			    args[started]) != 0)
			break;
	}
	if (started == 0) {
		p.stop = 1;
		diag_set(&p.err, DIAG_LIB, "cannot start a drawing thread");
	}
	rc = started == 0 ? -1 : take_all(&p, d);
	if (rc < 0) {
		pthread_mutex_lock(&p.lock);
		p.stop = 1;
		pthread_cond_broadcast(&p.changed);
		pthread_mutex_unlock(&p.lock);
	}
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	if (rc < 0 && p.err.kind != DIAG_NONE)
		diag_set(d, p.err.kind, "%s", p.err.msg);
	else if (rc < 0)
		diag_set(d, DIAG_LIB, "cannot draw the image");
	for (i = 0; i < p.bands; i++)
		if (p.slots[i].result != NULL && job->drop != NULL)
			job->drop(job->arg, p.slots[i].result);
	free(threads);
	free(args);
	free(p.slots);
	art_release(&p.art);
	pthread_cond_destroy(&p.changed);
	pthread_mutex_destroy(&p.lock);
	return rc;
}
