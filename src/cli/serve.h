/* serve.h - bayraq serve: its workers, its page and its renders.
 * Only src/cli/ speaks HTTP; these parts are cmd-serve.c's.
 */
#ifndef BAYRAQ_SERVE_H
#define BAYRAQ_SERVE_H

#include <stddef.h>

#include "base/diag.h"
#include "base/limits.h"
#include "input/library.h"

/* A preview is about this many pixels on its long side. */
#define SERVE_PREVIEW_PX 600

/* A thumbnail of a design is about this many pixels on its long side. */
#define SERVE_THUMBNAIL_PX 160
/* A flag beside the country field is this many pixels high (shown at half). */
#define SERVE_FLAG_PX 48
/* How long a request waits for a place in a full queue before 503, seconds. */
#define SERVE_ADMIT_WAIT 0.25
/* A render's time limit unless --render-timeout says otherwise, seconds. */
#define SERVE_RENDER_TIMEOUT 30.0

/*
 * One piece of work for a worker, owned by the caller until
 * serve_pool_run() returns SERVE_POOL_LATE: then by the pool, which calls
 * release once run has returned.
 */
struct serve_task {
	void (*run)(struct serve_task *t, struct library *lib);
	void (*release)(struct serve_task *t);
	void *arg;
	int started, finished, abandoned; /* set under the pool's lock */
	struct serve_task *next;
};

struct serve_pool;

/*
 * workers threads, each with its own library_clone() of lib (borrowed:
 * it must outlive the pool), and at most queue tasks waiting for them.
 */
struct serve_pool *serve_pool_new(const struct library *lib, size_t workers,
	size_t queue);

enum { SERVE_POOL_DONE = 0, SERVE_POOL_BUSY = -1, SERVE_POOL_LATE = -2 };

/*
 * Runs t on a worker and waits until it is done: SERVE_POOL_DONE.
 * SERVE_POOL_BUSY when every worker is busy and the queue stays full for
 * SERVE_ADMIT_WAIT, or when t waited limit seconds (SERVE_ADMIT_WAIT at
 * least) in the queue (then it never runs).
 * SERVE_POOL_LATE when t ran for limit seconds: the caller answers without
 * it and never touches t again; the worker finishes it and calls
 * t->release(t). A thread cannot be stopped safely half way through a
 * cairo or pango call, so the worker stays busy until then, and counts
 * against the workers and the queue.
 */
int serve_pool_run(struct serve_pool *p, struct serve_task *t, double limit);

/* Finishes the tasks in progress, stops the workers and frees p. */
void serve_pool_free(struct serve_pool *p);

/* The page's files, compiled in (web-assets.c, made by web-embed.sh). */
struct serve_asset {
	const char *name; /* "index.html" */
	const unsigned char *data; /* NUL-terminated too */
	size_t size;
};
extern const struct serve_asset serve_assets[]; /* NULL-terminated */

/* The asset called name, or NULL. */
const struct serve_asset *serve_asset_lookup(const char *name);

/* The query parameters: the render options' names. */
enum serve_param {
	SP_DESIGN,
	SP_LANG,
	SP_CITY,
	SP_COUNTRY,
	SP_SIZE,
	SP_ORIENTATION,
	SP_FORMAT,
	SP_DPI,
	SP_SHEET,
	SP_SLOGAN,
	SP_EVENT,
	SP_UI,
	SP_COUNT
};
extern const char *const serve_param_names[SP_COUNT];

/* A render asked for over HTTP, and its answer. */
struct serve_render {
	const char *tmp; /* the server's private temporary folder */
	int preview; /* 1: a small PNG; 0: a download of format */
	size_t preview_px; /* its long side; 0: SERVE_PREVIEW_PX */
	const char *param[SP_COUNT]; /* borrowed; NULL: not given */
	/* The answer: */
	unsigned status; /* 200, 400 or 500 */
	struct diag diag; /* status is not 200 */
	const char *field; /* the form field the error concerns, or NULL */
	char *body; /* g_free() */
	size_t size;
	const char *type; /* "application/pdf" */
	char *name; /* for Content-Disposition; g_free() */
};

/*
 * A render on the heap, as the pool needs when a caller may leave before
 * it is done: its task runs r and releases the whole request.
 */
struct serve_request {
	struct serve_task task;
	struct serve_render r;
	char *values[SP_COUNT]; /* r.param's copies */
};

/* tmp is borrowed: it must outlive the pool. Free with serve_request_free(). */
struct serve_request *serve_request_new(const char *tmp, int preview);

/* Sets parameter i to a copy of value ("" or NULL: not given). */
void serve_request_set(struct serve_request *q, enum serve_param i,
	const char *value);

/* Frees q, its copies and its answer. Accepts NULL. */
void serve_request_free(struct serve_request *q);

/*
 * The pictures of the page: a thumbnail per design (a small preview on a
 * worker of the pool, made once per process) and the flag of each host
 * country of the list (drawn at once, made once). Nothing a request sends
 * becomes a path: names and codes are looked up in the lists first.
 */
struct serve_pictures;
struct serve_pool;

/*
 * lib (its flags and designs, loaded here: before library_clone()) and
 * tmp are borrowed and must outlive the result. NULL with d set when the
 * flags cannot load; a design that cannot load still has an entry (its
 * thumbnail then fails with its reason).
 */
struct serve_pictures *serve_pictures_new(struct library *lib, const char *tmp,
	struct diag *d);
void serve_pictures_free(struct serve_pictures *pc);

/*
 * A picture's PNG, borrowed until serve_pictures_free(), and the status:
 * 200; 404 (not a design or host country of the lists); 503 (the pool is
 * busy or the render took too long: try again); 500 with d set.
 */
unsigned serve_thumbnail(struct serve_pictures *pc, struct serve_pool *pool,
	double limit, const char *design, const unsigned char **png,
	size_t *size, struct diag *d);
unsigned serve_flag(struct serve_pictures *pc, const char *code,
	const unsigned char **png, size_t *size, struct diag *d);

/*
 * The page in each language, and the lists as JSON, made once at start
 * from lib. Free with serve_pages_free().
 */
struct serve_pages;
struct serve_pages *serve_pages_new(struct library *lib, struct diag *d);
void serve_pages_free(struct serve_pages *pg);

/*
 * The page for ui (a language tag, or NULL) else for the browser's
 * Accept-Language (or NULL); English when neither has one. Borrowed.
 */
const char *serve_page(const struct serve_pages *pg, const char *ui,
	const char *accept, size_t *size);

/* GET /options: designs, languages, countries and sizes. Borrowed. */
const char *serve_options_json(const struct serve_pages *pg, size_t *size);

#endif
