/* fuzz-csv.c - a campaign spreadsheet saved as CSV, read as batch reads it. */
#include <unistd.h>

#include "fuzz.h"
#include "run/batch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct diag d = { 0 };
	struct batch *b;
	int fd = fuzz_file(data, size, path, sizeof path);
	size_t i;

	if (fd < 0)
		return 0;
	b = batch_load(path, "build/fuzz/out", 0, &d);
	for (i = 0; b != NULL && i < batch_row_count(b); i++)
		(void)batch_row_line(b, i);
	batch_free(b);
	close(fd);
	return 0;
}
