/* serve.h - bayraq serve: its workers, its page and its renders.
 * Only src/cli/ speaks HTTP; these parts are cmd-serve.c's.
 */
#ifndef BAYRAQ_SERVE_H
#define BAYRAQ_SERVE_H

#include <stddef.h>

#include "base/diag.h"
#include "input/library.h"

/* A preview is about this many pixels on its long side. */
#define SERVE_PREVIEW_PX 600
/* Downloads: at most this many pixels, and this long a side. */
#define SERVE_MAX_PIXELS 120e6
#define SERVE_MAX_SIDE_MM 5000.0

/* One piece of work for a worker, owned by the caller. */
struct serve_task {
	void (*run)(struct serve_task *t, struct library *lib);
	void *arg;
	int finished; /* set by the pool, under its lock */
	struct serve_task *next;
};

struct serve_pool;

/*
 * workers threads, each with its own library_clone() of lib (borrowed:
 * it must outlive the pool), and at most queue tasks waiting for them.
 */
struct serve_pool *serve_pool_new(const struct library *lib, size_t workers,
	size_t queue);

/*
 * Runs t on a worker and waits until it is done. Returns 0, or -1 at
 * once when every worker is busy and the queue is full.
 */
int serve_pool_run(struct serve_pool *p, struct serve_task *t);

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
	SP_UI,
	SP_COUNT
};
extern const char *const serve_param_names[SP_COUNT];

/* A render asked for over HTTP, and its answer. */
struct serve_render {
	const char *tmp; /* the server's private temporary folder */
	int preview; /* 1: a small PNG; 0: a download of format */
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

/* A serve_task's run: renders r (its arg) with lib. */
void serve_render_run(struct serve_task *t, struct library *lib);

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
