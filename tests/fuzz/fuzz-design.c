/* fuzz-design.c - a designer's SVG: slot markup, geometry, and lint. */
#include <unistd.h>

#include "fuzz.h"
#include "input/design.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct diag d = { 0 };
	struct variant v;
	int fd = fuzz_file(data, size, path, sizeof path);

	if (fd < 0)
		return 0;
	(void)variant_load(&v, path, &d);
	variant_release(&v);
	close(fd);
	return 0;
}
