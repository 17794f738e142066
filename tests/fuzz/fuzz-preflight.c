/* fuzz-preflight.c - any PDF a print shop is sent, as preflight reads it. */
#include <unistd.h>

#include "fuzz.h"
#include "run/preflight.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct diag d = { 0 };
	struct preflight pf;
	int fd = fuzz_file(data, size, path, sizeof path);

	if (fd < 0)
		return 0;
	(void)preflight_check(&pf, path, -1, -1, &d);
	preflight_free(&pf);
	close(fd);
	return 0;
}
