/* module.c - bayraq-*.so, found beside the program or in PREFIX/lib/bayraq. */
#include "base/module.h"

#include <dlfcn.h>
#include <glib.h>
#include <pthread.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * The modules loaded, for the life of the process: dlopen()'s own state
 * is per process, so this is too. Never unloaded: their tables are lent.
 */
struct loaded {
	const char *file; /* the caller's, a constant */
	const void *table;
	struct loaded *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct loaded *modules;

static const void *
open_module(const char *file, const char *symbol, int version, size_t size,
	const char *what, struct diag *d)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *bin = exe != NULL ? g_path_get_dirname(exe) : g_get_current_dir();
	char *paths[2] = { g_build_filename(bin, file, NULL),
		g_build_filename(bin, "..", "lib", "bayraq", file, NULL) };
	const struct module_head *head = NULL;
	size_t i;

	for (i = 0; i < 2 && head == NULL; i++) {
		void *h;

		if (!g_file_test(paths[i], G_FILE_TEST_EXISTS) && i == 0)
			continue;
		h = dlopen(paths[i], RTLD_NOW | RTLD_LOCAL);
		if (h == NULL) {
			const char *why = dlerror();

			/* dlerror() names the file. */
			diag_set(d, DIAG_LIB,
				"cannot load the %s; reinstall bayraq (%s)",
				what, why != NULL ? why : paths[i]);
			break;
		}
		head = dlsym(h, symbol);
		if (head == NULL || head->version != version ||
			head->size != size) {
			diag_set(d, DIAG_LIB,
				"'%s' is not this bayraq's module; reinstall "
				"bayraq",
				paths[i]);
			head = NULL;
			dlclose(h);
			break;
		}
	}
	g_free(paths[0]);
	g_free(paths[1]);
	g_free(bin);
	g_free(exe);
	return head;
}

const void *
module_load(const char *file, const char *symbol, int version, size_t size,
	const char *what, struct diag *d)
{
	const struct loaded *m;
	const void *table = NULL;

	pthread_mutex_lock(&lock);
	for (m = modules; m != NULL && table == NULL; m = m->next)
		if (strcmp(m->file, file) == 0)
			table = m->table;
	if (table == NULL) {
		table = open_module(file, symbol, version, size, what, d);
		if (table != NULL) {
			struct loaded *add = xcalloc(1, sizeof *add);

			add->file = file;
			add->table = table;
			add->next = modules;
			modules = add;
		}
	}
	pthread_mutex_unlock(&lock);
	return table;
}
