/* raster.c - banded, parallel rasterizing: bounded memory at any size. */
#include "write/raster.h"

#include <cairo.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct band_slot {
	int ready, failed;
	void *result;
};

struct pool {
	const struct raster_job *job;
	unsigned char *art; /* the design drawn once, or NULL */
	size_t art_stride;
	size_t bands, next, taken, window;
	struct band_slot *slots;
	int stop;
	struct diag err;
	pthread_mutex_t lock;
	pthread_cond_t changed;
};

size_t
raster_band_rows(size_t width)
{
	size_t rows = RASTER_BAND_BYTES / (width * 4 + 1);

	if (rows > RASTER_BAND_ROWS)
		rows = RASTER_BAND_ROWS;
	return rows < 16 ? 16 : rows;
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
	size_t x0;
	int rc = 0;

	if (p->art != NULL) {
		size_t y;

		for (y = 0; y < n; y++)
			memcpy(data + y * stride,
				p->art + (y0 + y) * p->art_stride, width * 4);
	}
	for (x0 = 0; x0 < width && rc == 0; x0 += RASTER_MAX_SURFACE) {
		size_t w = width - x0 < RASTER_MAX_SURFACE ? width - x0
							   : RASTER_MAX_SURFACE;
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
				RASTER_PATH_TEXT_PIXELS };

		cairo_translate(cr, -(double)x0, -(double)y0);
		cairo_scale(cr, sx, sy);
		rc = p->art != NULL ? render_draw_overlay(b, cr, &f, d)
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
 * librsvg computes a filter over the whole element whatever the clip, so
 * a design with filters, drawn per band, would cost a full filter per
 * band. Such a design is drawn once, whole, when it fits the memory
 * budget, and bands copy their rows from it.
 */
static int
draw_art_once(struct pool *p, struct diag *d)
{
	const struct raster_job *job = p->job;
	cairo_surface_t *s;
	cairo_t *cr;
	int rc;

	if (!banner_has_filters(job->banner) ||
		job->width > RASTER_MAX_SURFACE ||
		job->height > RASTER_MAX_SURFACE ||
		(double)job->width * (double)job->height * 4 > RASTER_ART_BYTES)
		return 0;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)job->width,
		(int)job->height);
	cr = cairo_create(s);
	cairo_scale(cr, (double)job->width / banner_width(job->banner),
		(double)job->height / banner_height(job->banner));
	rc = render_draw_art(job->banner, cr, NULL, d);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	if (rc == 0) {
		p->art_stride = (size_t)cairo_image_surface_get_stride(s);
		p->art = xmalloc(p->art_stride * job->height);
		memcpy(p->art, cairo_image_surface_get_data(s),
			p->art_stride * job->height);
	}
	cairo_surface_destroy(s);
	return rc;
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
	size_t worth = 1 + (size_t)(pixels / RASTER_PIXELS_PER_THREAD);

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
	if (draw_art_once(&p, d) < 0)
		return -1;
	p.bands = (job->height + job->band_rows - 1) / job->band_rows;
	jobs = raster_threads(job);
	if (jobs == 1) {
		rc = run_here(&p, d);
		free(p.art);
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
	free(p.art);
	pthread_cond_destroy(&p.changed);
	pthread_mutex_destroy(&p.lock);
	return rc;
}
