/* serve-picture.c - bayraq serve's small pictures: a thumbnail per design, a
 * flag per host country, each made once per process. */
#include "cli/serve.h"

#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "base/xalloc.h"
#include "input/design.h"
#include "input/flags.h"
#include "run/job.h"

/* What a thumbnail says: the design shows, the words are too small to read. */
#define SAMPLE_LANG "en"
#define SAMPLE_CITY "Berlin"
#define SAMPLE_COUNTRY "DE"
/* Its long side, in millimetres: A2's. */
#define SAMPLE_LONG_MM 594.0

struct picture {
	char *key; /* a design's name, a country's code */
	char size[48]; /* thumbnails: the size to render, "420x594mm" */
	unsigned char *png; /* NULL until made */
	size_t png_size;
};

struct serve_pictures {
	pthread_mutex_t lock; /* for png of every picture */
	const struct flags *flags;
	const char *tmp;
	struct picture *designs, *countries;
	size_t design_count, country_count;
};

/*
 * The size of a design's thumbnail: its variant nearest a portrait poster
 * (1:√2), so the thumbnail is the design as drawn, not fitted to a size.
 */
static void
thumbnail_size(const struct design *dz, char *buf, size_t size)
{
	double best = 0, want = 1 / M_SQRT2;
	size_t i;

	for (i = 0; i < design_variant_count(dz); i++) {
		double r = design_variant_ratio(dz, i);

		if (best == 0 || fabs(log(r / want)) < fabs(log(best / want)))
			best = r;
	}
	if (best >= 1)
		snprintf(buf, size, "%.1fx%.1fmm", SAMPLE_LONG_MM,
			SAMPLE_LONG_MM / best);
	else
		snprintf(buf, size, "%.1fx%.1fmm", SAMPLE_LONG_MM * best,
			SAMPLE_LONG_MM);
}

struct serve_pictures *
serve_pictures_new(struct library *lib, const char *tmp, struct diag *d)
{
	struct serve_pictures *pc = xcalloc(1, sizeof *pc);
	char **names = design_names(library_paths(lib)->designs);
	const char *const *codes;
	size_t i, n;

	pthread_mutex_init(&pc->lock, NULL);
	pc->tmp = tmp;
	pc->flags = library_flags(lib, d);
	if (pc->flags == NULL)
		goto fail;
	for (n = 0; names[n] != NULL; n++)
		;
	pc->designs = xcalloc(n + 1, sizeof *pc->designs);
	for (i = 0; i < n; i++) {
		struct diag bad = { 0 };
		const struct design *dz = library_design(lib, names[i], &bad);

		pc->designs[i].key = xstrdup(names[i]);
		/* A broken design still serves: its renders say what is wrong.
		 */
		if (dz != NULL)
			thumbnail_size(dz, pc->designs[i].size,
				sizeof pc->designs[i].size);
		else
			snprintf(pc->designs[i].size,
				sizeof pc->designs[i].size, "A2");
		pc->design_count++;
	}
	codes = flags_country_codes(pc->flags);
	for (n = 0; codes[n] != NULL; n++)
		;
	pc->countries = xcalloc(n + 1, sizeof *pc->countries);
	for (i = 0; i < n; i++) {
		/* Never a host flag (DESIGN.md): the page does not list it. */
		if (strcmp(codes[i], "RU") == 0)
			continue;
		pc->countries[pc->country_count++].key = xstrdup(codes[i]);
	}
	design_names_free(names);
	return pc;
fail:
	design_names_free(names);
	serve_pictures_free(pc);
	return NULL;
}

static void
pictures_release(struct picture *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		free(list[i].key);
		g_free(list[i].png);
	}
	free(list);
}

void
serve_pictures_free(struct serve_pictures *pc)
{
	if (pc == NULL)
		return;
	pictures_release(pc->designs, pc->design_count);
	pictures_release(pc->countries, pc->country_count);
	pthread_mutex_destroy(&pc->lock);
	free(pc);
}

/* The picture of that key in list, or NULL: a request's text goes no further.
 */
static struct picture *
picture_lookup(struct picture *list, size_t count, const char *key)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (strcmp(list[i].key, key) == 0)
			return &list[i];
	return NULL;
}

/* The PNG made, if it is: under the lock, as another thread may store it. */
static int
picture_made(struct serve_pictures *pc, struct picture *p,
	const unsigned char **png, size_t *size)
{
	int made;

	pthread_mutex_lock(&pc->lock);
	made = p->png != NULL;
	if (made) {
		*png = p->png;
		*size = p->png_size;
	}
	pthread_mutex_unlock(&pc->lock);
	return made;
}

/* Keeps png (taken) unless another thread made it first; answers the kept one.
 */
static void
picture_store(struct serve_pictures *pc, struct picture *p, void *png,
	size_t png_size, const unsigned char **out, size_t *size)
{
	pthread_mutex_lock(&pc->lock);
	if (p->png == NULL) {
		p->png = png;
		p->png_size = png_size;
	} else {
		g_free(png);
	}
	*out = p->png;
	*size = p->png_size;
	pthread_mutex_unlock(&pc->lock);
}

unsigned
serve_thumbnail(struct serve_pictures *pc, struct serve_pool *pool,
	double limit, const char *design, const unsigned char **png,
	size_t *size, struct diag *d)
{
	struct picture *p =
		picture_lookup(pc->designs, pc->design_count, design);
	struct serve_request *q;
	int ran;

	if (p == NULL)
		return 404;
	if (picture_made(pc, p, png, size))
		return 200;
	q = serve_request_new(pc->tmp, 1);
	q->r.preview_px = SERVE_THUMBNAIL_PX;
	serve_request_set(q, SP_DESIGN, p->key);
	serve_request_set(q, SP_LANG, SAMPLE_LANG);
	serve_request_set(q, SP_CITY, SAMPLE_CITY);
	serve_request_set(q, SP_COUNTRY, SAMPLE_COUNTRY);
	serve_request_set(q, SP_SIZE, p->size);
	ran = serve_pool_run(pool, &q->task, limit);
	if (ran == SERVE_POOL_LATE)
		return 503; /* the worker frees q */
	if (ran == SERVE_POOL_BUSY) {
		serve_request_free(q);
		return 503;
	}
	if (q->r.status != 200) {
		diag_set(d, DIAG_FORMAT,
			"cannot make the thumbnail of '%s': %s", p->key,
			q->r.diag.msg);
		serve_request_free(q);
		return 500;
	}
	picture_store(pc, p, q->r.body, q->r.size, png, size);
	q->r.body = NULL;
	serve_request_free(q);
	return 200;
}

static cairo_status_t
append(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* A flag SERVE_FLAG_PX high, at its own ratio, as a PNG; NULL with d set. */
static GByteArray *
flag_png(const struct flags *fl, const char *code, struct diag *d)
{
	RsvgHandle *h = flags_open(fl, code, d);
	RsvgRectangle box = { 0 };
	cairo_surface_t *s;
	GByteArray *buf = NULL;
	GError *err = NULL;
	cairo_t *cr;

	if (h == NULL)
		return NULL;
	box.height = SERVE_FLAG_PX;
	box.width = round(fmin(fmax(SERVE_FLAG_PX * flags_ratio(h), 8),
		4 * SERVE_FLAG_PX));
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)box.width,
		(int)box.height);
	cr = cairo_create(s);
	if (!rsvg_handle_render_document(h, cr, &box, &err)) {
		diag_set(d, DIAG_LIB, "cannot draw the flag of %s: %s", code,
			err->message);
		g_error_free(err);
	} else {
		buf = g_byte_array_new();
		if (cairo_surface_write_to_png_stream(s, append, buf) !=
			CAIRO_STATUS_SUCCESS) {
			diag_set(d, DIAG_LIB, "cannot write the flag of %s",
				code);
			g_byte_array_free(buf, TRUE);
			buf = NULL;
		}
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	g_object_unref(h);
	return buf;
}

unsigned
serve_flag(struct serve_pictures *pc, const char *code,
	const unsigned char **png, size_t *size, struct diag *d)
{
	char upper[3];
	struct picture *p;
	GByteArray *buf;
	size_t len;

	if (strlen(code) != 2)
		return 404;
	upper[0] = g_ascii_toupper(code[0]);
	upper[1] = g_ascii_toupper(code[1]);
	upper[2] = '\0';
	p = picture_lookup(pc->countries, pc->country_count, upper);
	if (p == NULL)
		return 404;
	if (picture_made(pc, p, png, size))
		return 200;
	/* Tiny drawings, on the request's own thread with its own handle. */
	buf = flag_png(pc->flags, p->key, d);
	if (buf == NULL)
		return 500;
	len = buf->len;
	picture_store(pc, p, g_byte_array_free(buf, FALSE), len, png, size);
	return 200;
}
