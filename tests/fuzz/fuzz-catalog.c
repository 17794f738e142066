/* fuzz-catalog.c - a translator's PO file, as libgettextpo and we read it. */
#include <unistd.h>

#include "fuzz.h"
#include "input/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "headline", "city", "day",
		"hashtag", "tile-glue", "web-title" };
	char path[64];
	struct diag d = { 0 };
	struct catalog *cat;
	int fd = fuzz_file(data, size, path, sizeof path);
	size_t i;

	if (fd < 0)
		return 0;
	cat = catalog_load(path, &d);
	for (i = 0; cat != NULL && i < sizeof keys / sizeof keys[0]; i++) {
		d = (struct diag){ 0 };
		(void)catalog_text(cat, keys[i], &d);
	}
	if (cat != NULL) {
		(void)catalog_language(cat);
		(void)catalog_name(cat);
	}
	catalog_free(cat);
	close(fd);
	return 0;
}
