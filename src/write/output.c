/* output.c - the writer table and the all-or-nothing file transaction. */
#include "write/output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdatomic.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "write/formats.h"

/* A new format: its file in src/write/, and a row here. */
static const struct writer *const writers[] = {
	&writer_pdf,
	&writer_png,
	&writer_svg,
	&writer_tiff,
};

#define WRITER_COUNT (sizeof writers / sizeof writers[0])

const struct writer *
writer_at(size_t i)
{
	return i < WRITER_COUNT ? writers[i] : NULL;
}

const struct writer *
writer_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < WRITER_COUNT; i++)
		if (strcmp(writers[i]->name, name) == 0)
			return writers[i];
	return NULL;
}

void
writer_names(char *buf, size_t size)
{
	const char *names[WRITER_COUNT + 1];
	char *list;
	size_t i;

	for (i = 0; i < WRITER_COUNT; i++)
		names[i] = writers[i]->name;
	names[WRITER_COUNT] = NULL;
	list = g_strjoinv(", ", (char **)names);
	g_strlcpy(buf, list, size);
	g_free(list);
}

void
formats_raster_job(struct raster_job *rj, const struct banner *b,
	const struct output_opts *opts, raster_band_fn band,
	raster_take_fn take, void (*drop)(void *arg, void *result), void *arg)
{
	const char *thread_pixels = getenv("BAYRAQ_THREAD_PIXELS");

	memset(rj, 0, sizeof *rj);
	rj->banner = b;
	rj->width = opts->px_w;
	rj->height = opts->px_h;
	rj->jobs = opts->jobs;
	/* For tests and measuring: pixels a thread is worth (raster.h). */
	if (thread_pixels != NULL)
		rj->thread_pixels = atof(thread_pixels);
	rj->band_rows = opts->band_rows ? opts->band_rows
					: raster_band_rows(opts->px_w);
	rj->band = band;
	rj->take = take;
	rj->drop = drop;
	rj->arg = arg;
	rj->progress = opts->progress;
	rj->progress_arg = opts->progress_arg;
}

int
formats_surface_close(cairo_t *cr, cairo_surface_t *surf, int rc,
	const char *what, struct diag *d)
{
	cairo_status_t st;

	cairo_destroy(cr);
	cairo_surface_finish(surf);
	st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (rc == 0 && st != CAIRO_STATUS_SUCCESS)
		rc = diag_set(d, DIAG_LIB, "cannot write the %s: %s", what,
			cairo_status_to_string(st));
	return rc;
}

/*
 * The temporary files being written, for a signal handler: Ctrl-C in the
 * middle of a render must not leave one behind. A handler can reach only
 * what is here, so this one table is file-scope state; slots are claimed
 * and freed with atomics, never a lock.
 */
#define TEMPS 64
static struct {
	atomic_int state; /* 0 free, 1 claimed, 2 holds a path */
	char path[4096];
} temps[TEMPS];

static int
temp_register(const char *path)
{
	int i;

	for (i = 0; i < TEMPS; i++) {
		int expected = 0;

		if (strlen(path) >= sizeof temps[i].path ||
			!atomic_compare_exchange_strong(&temps[i].state,
				&expected, 1))
			continue;
		memcpy(temps[i].path, path, strlen(path) + 1);
		atomic_store(&temps[i].state, 2);
		return i;
	}
	return -1;
}

static void
temp_unregister(int slot)
{
	if (slot >= 0)
		atomic_store(&temps[slot].state, 0);
}

void
output_remove_temps(void)
{
	int i;

	for (i = 0; i < TEMPS; i++)
		if (atomic_load(&temps[i].state) == 2)
			unlink(temps[i].path);
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

static int
io_error(const char *path, int err, struct diag *d)
{
	return diag_set(d, DIAG_IO, "cannot write '%s': %s", path,
		g_strerror(err));
}

int
output_file(struct output *o, const char *path, output_fn fn, void *arg,
	struct diag *d)
{
	char *tmp;
	FILE *fp;
	int fd, rc;

	if (o->count == OUTPUT_MAX)
		return diag_set(d, DIAG_USAGE, "too many outputs");
	tmp = temp_path_for(path);
	/*
	 * Mode 0666: open() then takes the umask off, as for any new file.
	 * mkstemp's 0600 would need a chmod, and reading the umask to
	 * compute it changes it for every thread for a moment.
	 */
	fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0) {
		rc = io_error(path, errno, d);
		free(tmp);
		return rc;
	}
	fp = fdopen(fd, "wb");
	if (fp == NULL) {
		rc = io_error(path, errno, d);
		close(fd);
		unlink(tmp);
		free(tmp);
		return rc;
	}
	o->slot[o->count] = temp_register(tmp);
	o->tmp[o->count] = tmp;
	o->final[o->count] = xstrdup(path);
	o->count++;
	rc = fn(fp, arg, d);
	if (fflush(fp) != 0 || ferror(fp))
		rc = io_error(path, errno, d);
	if (fclose(fp) != 0)
		rc = io_error(path, errno, d);
	return rc;
}

/* A banner writer with its arguments, for output_file(). */
struct banner_file {
	const struct writer *w;
	const struct banner *b;
	const struct output_opts *opts;
};

static int
write_banner(FILE *fp, void *arg, struct diag *d)
{
	struct banner_file *f = arg;

	return f->w->write(fp, f->b, f->opts, d);
}

int
output_banner(struct output *o, const struct writer *w, const struct banner *b,
	const char *path, const struct output_opts *opts, struct diag *d)
{
	struct banner_file f = { w, b, opts };

	return output_file(o, path, write_banner, &f, d);
}

/* A hard link to the file at path, to put back; NULL when there is none. */
static char *
keep_old(const char *path)
{
	char *old = temp_path_for(path);
	int fd = g_mkstemp_full(old, O_WRONLY | O_CLOEXEC, 0600);

	if (fd < 0) {
		free(old);
		return NULL;
	}
	close(fd);
	unlink(old);
	if (link(path, old) != 0) {
		free(old);
		return NULL;
	}
	return old;
}

int
output_commit(struct output *o, struct diag *d)
{
	char *old[OUTPUT_MAX] = { NULL };
	size_t i, j;
	int rc = 0;

	for (i = 0; i < o->count && rc == 0; i++) {
		old[i] = keep_old(o->final[i]);
		if (rename(o->tmp[i], o->final[i]) == 0)
			continue;
		rc = diag_set(d, DIAG_IO, "cannot write '%s': %s", o->final[i],
			g_strerror(errno));
		/* All or nothing: the files before this one go back. */
		for (j = 0; j < i; j++)
			if (old[j] == NULL || rename(old[j], o->final[j]) != 0)
				unlink(o->final[j]);
	}
	for (j = 0; j < o->count; j++) {
		if (old[j] != NULL)
			unlink(old[j]);
		free(old[j]);
		if (rc == 0) {
			temp_unregister(o->slot[j]);
			free(o->tmp[j]);
			o->tmp[j] = NULL;
		}
	}
	return rc;
}

void
output_release(struct output *o)
{
	size_t i;

	for (i = 0; i < o->count; i++) {
		if (o->tmp[i] != NULL) {
			unlink(o->tmp[i]);
			temp_unregister(o->slot[i]);
			free(o->tmp[i]);
		}
		free(o->final[i]);
	}
	o->count = 0;
}
