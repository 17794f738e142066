/* fuzz-paper.c - sizes and lengths as typed: "A2", "60x90cm", "1200x6e218px".
 */
#include <stdlib.h>

#include "fuzz.h"
#include "input/paper.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	struct diag d = { 0 };
	struct paper p;
	double pt;

	if (paper_parse(&p, s, &d) == 0) {
		size_t w, h;

		paper_orient(&p, "landscape", &d);
		paper_pixels(&p, 300, &w, &h);
		(void)paper_dpi(&p, 150);
	}
	d = (struct diag){ 0 };
	(void)paper_length(s, "--overlap", &pt, &d);
	free(s);
	return 0;
}
