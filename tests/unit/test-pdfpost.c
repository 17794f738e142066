/* test-pdfpost.c - a dictionary's values, all of them: no cap at 64 keys. */
#include <stdio.h>
#include <stdlib.h>

#include "write/pdfpost.h"

#include "check.h"

int
main(void)
{
	qpdf_data q = qpdf_init();
	qpdf_oh dict, *values;
	size_t n, i, sum = 0;

	CHECK(qpdf_empty_pdf(q) == QPDF_SUCCESS);
	dict = qpdf_oh_new_dictionary(q);
	/* preflight and the sRGB tagging once stopped at 64 keys. */
	for (i = 0; i < 300; i++) {
		char key[16];

		snprintf(key, sizeof key, "/K%zu", i);
		qpdf_oh_replace_key(q, dict, key,
			qpdf_oh_new_integer(q, (long long)i));
	}
	values = pdfpost_dict_values(q, dict, &n);
	CHECK(n == 300);
	for (i = 0; i < n; i++)
		sum += (size_t)qpdf_oh_get_int_value(q, values[i]);
	CHECK(sum == 299 * 300 / 2);
	free(values);
	/* Not a dictionary: nothing. */
	values = pdfpost_dict_values(q, qpdf_oh_new_integer(q, 7), &n);
	CHECK(values == NULL && n == 0);
	qpdf_cleanup(&q);
	return check_done("test-pdfpost");
}
