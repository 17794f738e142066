/* fuzz.h - what the libFuzzer targets share: inputs as files and strings. */
#ifndef BAYRAQ_FUZZ_H
#define BAYRAQ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/*
 * The loaders take paths and read only regular files: the input goes into
 * a memfd (a regular file with no name on disk), read as /proc/self/fd/N.
 * Returns the descriptor (close it) and fills path, or -1.
 */
int fuzz_file(const uint8_t *data, size_t size, char *path, size_t path_size);

/* The input as a NUL-terminated string; free() it. */
char *fuzz_string(const uint8_t *data, size_t size);

#endif
