/*
 * failrename.c - test shim, LD_PRELOADed: rename() into a name ending in
 * $FAILRENAME_SUFFIX fails with EIO, so a test can make the last step of a
 * write fail after every file was written.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rename(const char *from, const char *to);

int
rename(const char *from, const char *to)
{
	int (*real)(const char *, const char *) =
		(int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	const char *suffix = getenv("FAILRENAME_SUFFIX");
	size_t n = suffix != NULL ? strlen(suffix) : 0, m = strlen(to);

	if (n > 0 && m >= n && strcmp(to + m - n, suffix) == 0) {
		errno = EIO;
		return -1;
	}
	return real(from, to);
}
