/*
 * pocaps.c - test tool: the translation of KEY in a PO file, in capitals as
 * a slot with bayraq:caps="yes" prints it (text_upper() with the language
 * of the file's Language: header), so tests need no list of languages.
 */
#include <stdio.h>
#include <stdlib.h>

#include "input/catalog.h"
#include "input/lang.h"
#include "layout/text.h"

int
main(int argc, char **argv)
{
	struct diag d = { 0 };
	struct catalog *cat;
	const char *text;
	struct lang l;
	char *upper;

	if (argc != 3) {
		fprintf(stderr, "usage: pocaps FILE.po KEY\n");
		return 2;
	}
	cat = catalog_load(argv[1], &d);
	text = cat != NULL ? catalog_text(cat, argv[2], &d) : NULL;
	if (text == NULL) {
		fprintf(stderr, "pocaps: %s\n", d.msg);
		catalog_free(cat);
		return 1;
	}
	lang_init(&l, catalog_language(cat));
	upper = text_upper(text, &l);
	printf("%s\n", upper);
	free(upper);
	catalog_free(cat);
	return 0;
}
