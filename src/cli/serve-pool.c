/* serve-pool.c - bayraq serve's workers: one library clone each, a bounded
 * queue. */
#include "cli/serve.h"

#include <pthread.h>

#include "base/xalloc.h"

struct worker {
	struct serve_pool *pool;
	struct library *lib;
	pthread_t thread;
};

struct serve_pool {
	pthread_mutex_t lock;
	pthread_cond_t more; /* a task was queued, or stopping */
	pthread_cond_t done; /* a task finished */
	struct serve_task *head, *tail;
	size_t active, queue, count; /* tasks queued or running */
	int stopping;
	struct worker *workers;
};

static struct serve_task *
next_task(struct serve_pool *p)
{
	struct serve_task *t;

	while (p->head == NULL && !p->stopping)
		pthread_cond_wait(&p->more, &p->lock);
	t = p->head;
	if (t != NULL) {
		p->head = t->next;
		if (p->head == NULL)
			p->tail = NULL;
	}
	return t;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct serve_pool *p = w->pool;
	struct serve_task *t;

	pthread_mutex_lock(&p->lock);
	while ((t = next_task(p)) != NULL) {
		pthread_mutex_unlock(&p->lock);
		t->run(t, w->lib);
		pthread_mutex_lock(&p->lock);
		t->finished = 1;
		p->active--;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct serve_pool *
serve_pool_new(const struct library *lib, size_t workers, size_t queue)
{
	struct serve_pool *p = xcalloc(1, sizeof *p);
	size_t i;

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->more, NULL);
	pthread_cond_init(&p->done, NULL);
	p->queue = queue;
	p->workers = xcalloc(workers, sizeof *p->workers);
	for (i = 0; i < workers; i++) {
		p->workers[i].pool = p;
		p->workers[i].lib = library_clone(lib);
		if (pthread_create(&p->workers[i].thread, NULL, work,
			    &p->workers[i]) != 0) {
			library_free(p->workers[i].lib);
			break;
		}
		p->count++;
	}
	return p;
}

int
serve_pool_run(struct serve_pool *p, struct serve_task *t)
{
	pthread_mutex_lock(&p->lock);
	/* A task runs, or waits for a worker; only queue of them may wait. */
	if (p->count == 0 || p->stopping || p->active >= p->queue + p->count) {
		pthread_mutex_unlock(&p->lock);
		return -1;
	}
	t->finished = 0;
	t->next = NULL;
	if (p->tail != NULL)
		p->tail->next = t;
	else
		p->head = t;
	p->tail = t;
	p->active++;
	pthread_cond_signal(&p->more);
	while (!t->finished)
		pthread_cond_wait(&p->done, &p->lock);
	pthread_mutex_unlock(&p->lock);
	return 0;
}

void
serve_pool_free(struct serve_pool *p)
{
	size_t i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = 1;
	pthread_cond_broadcast(&p->more);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->count; i++) {
		pthread_join(p->workers[i].thread, NULL);
		library_free(p->workers[i].lib);
	}
	free(p->workers);
	pthread_cond_destroy(&p->more);
	pthread_cond_destroy(&p->done);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
