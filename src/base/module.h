/*
 * module.h - bayraq's own modules (bayraq-*.so): libraries that only some
 * commands or formats need, loaded when first used so that a render's
 * start-up never pays for them (each dynamic library costs every process
 * its relocations and its place in every symbol lookup).
 *
 * A module exports one table, a struct whose first member is a struct
 * module_head; the program calls the module's functions through it.
 */
#ifndef BAYRAQ_MODULE_H
#define BAYRAQ_MODULE_H

#include <stddef.h>

#include "base/diag.h"

struct module_head {
	int version; /* the table's version: changes whenever the table does */
	size_t size; /* sizeof the whole table */
};

/*
 * The table called symbol in the module file (such as "bayraq-pdf.so"):
 * beside the program (the build tree), else in PREFIX/lib/bayraq
 * (installed). Loaded once for the life of the process; borrowed. NULL
 * with d set when the module is missing or cannot load (what names the
 * libraries it holds: "cannot load the PDF libraries; reinstall bayraq
 * (...)"), or is not this program's (its version or size differ). A
 * failed load is tried again on the next call. Safe from any thread.
 */
const void *module_load(const char *file, const char *symbol, int version,
	size_t size, const char *what, struct diag *d);

/*
 * ThreadSanitizer does not see the dynamic loader map a library where a
 * finished thread's stack was, and reports that stack's old shadow as
 * races in the library's start-up code (CI saw it in libqpdf's). Under
 * TSan, a module whose loader is named here is loaded before main(), when
 * no thread has run yet; other builds load it when first used, as above.
 */
#if defined(__SANITIZE_THREAD__)
#define MODULE_LOAD_EARLY_UNDER_TSAN(loader)                                   \
	__attribute__((constructor)) static void load_early(void)              \
	{                                                                      \
		struct diag ignored = { 0 };                                   \
		(void)loader(&ignored);                                        \
	}
#else
#define MODULE_LOAD_EARLY_UNDER_TSAN(loader)
#endif

#endif
