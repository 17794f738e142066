/* serve-pool.c - bayraq serve's workers: one library clone each, a bounded
 * queue. */
#include "cli/serve.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "base/xalloc.h"

struct worker {
	struct serve_pool *pool;
	struct library *lib;
	pthread_t thread;
};

struct serve_pool {
	pthread_mutex_t lock;
	pthread_cond_t more; /* a task was queued, or stopping */
	pthread_cond_t done; /* a task started or finished (CLOCK_MONOTONIC) */
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
		t->started = 1;
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->lock);
		t->run(t, w->lib);
		pthread_mutex_lock(&p->lock);
		p->active--;
		if (t->abandoned) {
			pthread_cond_broadcast(&p->done);
			/* Its caller answered and left: nobody else sees t. */
			pthread_mutex_unlock(&p->lock);
			t->release(t);
			pthread_mutex_lock(&p->lock);
			continue;
		}
		t->finished = 1;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct serve_pool *
serve_pool_new(const struct library *lib, size_t workers, size_t queue)
{
	struct serve_pool *p = xcalloc(1, sizeof *p);
	pthread_condattr_t attr;
	size_t i;

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->more, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p->done, &attr);
	pthread_condattr_destroy(&attr);
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

/* limit seconds from now on the monotonic clock. */
static void
deadline_in(struct timespec *ts, double limit)
{
	double whole = (double)(long)limit;

	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += (time_t)whole;
	ts->tv_nsec += (long)((limit - whole) * 1e9);
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

/* Takes t, still waiting, out of the queue. */
static void
unqueue(struct serve_pool *p, struct serve_task *t)
{
	struct serve_task **at = &p->head, *prev = NULL;

	while (*at != NULL && *at != t) {
		prev = *at;
		at = &(*at)->next;
	}
	if (*at == NULL)
		return;
	*at = t->next;
	if (p->tail == t)
		p->tail = prev;
	p->active--;
}

int
serve_pool_run(struct serve_pool *p, struct serve_task *t, double limit)
{
	struct timespec deadline;
	int started = 0;

	pthread_mutex_lock(&p->lock);
	/*
	 * A task runs, or waits for a worker; only queue of them may wait.
	 * When they are all taken, a moment's wait for one: renders take
	 * milliseconds, and clients that retry a 503 at once (wrk, a page
	 * left open) would otherwise take the workers' CPU away from them.
	 */
	deadline_in(&deadline, fmin(SERVE_ADMIT_WAIT, limit));
	while (p->count != 0 && !p->stopping &&
		p->active >= p->queue + p->count)
		if (pthread_cond_timedwait(&p->done, &p->lock, &deadline) ==
			ETIMEDOUT)
			break;
	if (p->count == 0 || p->stopping || p->active >= p->queue + p->count) {
		pthread_mutex_unlock(&p->lock);
		return SERVE_POOL_BUSY;
	}
	t->started = t->finished = t->abandoned = 0;
	t->next = NULL;
	if (p->tail != NULL)
		p->tail->next = t;
	else
		p->head = t;
	p->tail = t;
	p->active++;
	pthread_cond_signal(&p->more);
	/*
	 * limit in the queue, then limit again from the start of the run.
	 * The queue's at least SERVE_ADMIT_WAIT: a worker that is free may
	 * take a millisecond or more to wake, and a task it would run is
	 * not "busy".
	 */
	deadline_in(&deadline, fmax(limit, SERVE_ADMIT_WAIT));
	while (!t->finished) {
		if (t->started && !started) {
			started = 1;
			deadline_in(&deadline, limit);
		}
		if (pthread_cond_timedwait(&p->done, &p->lock, &deadline) !=
				ETIMEDOUT ||
			t->finished || (t->started && !started))
			continue;
		if (!t->started) {
			unqueue(p, t);
			pthread_cond_broadcast(&p->done);
			pthread_mutex_unlock(&p->lock);
			return SERVE_POOL_BUSY;
		}
		t->abandoned = 1;
		pthread_mutex_unlock(&p->lock);
		return SERVE_POOL_LATE;
	}
	pthread_mutex_unlock(&p->lock);
	return SERVE_POOL_DONE;
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
