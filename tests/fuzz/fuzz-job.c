/*
 * fuzz-job.c - the values a user types, as render's options, a CSV row and
 * the web page's query all give them: "field=value" lines into a job that
 * is resolved (checked, named) but not drawn.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/library.h"
#include "input/paths.h"
#include "run/job.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct library *lib;
static struct paths paths;

static void
set(struct job_opts *o, const char *field, const char *value)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
		{ "design", offsetof(struct job_opts, design) },
		{ "lang", offsetof(struct job_opts, lang) },
		{ "city", offsetof(struct job_opts, city) },
		{ "country", offsetof(struct job_opts, country) },
		{ "size", offsetof(struct job_opts, size) },
		{ "orientation", offsetof(struct job_opts, orientation) },
		{ "format", offsetof(struct job_opts, formats) },
		{ "name", offsetof(struct job_opts, name) },
		{ "sheet", offsetof(struct job_opts, sheet) },
	};
	size_t i;

	if (strcmp(field, "dpi") == 0) {
		o->dpi = strtod(value, NULL);
		return;
	}
	if (strcmp(field, "tiles") == 0) {
		o->tiles = 1;
		o->sheet = value;
		return;
	}
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(field, fields[i].name) == 0)
			*(const char **)((char *)o + fields[i].offset) = value;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), *line, *next;
	struct job_opts o;
	struct diag d = { 0 };
	struct job *job;

	if (lib == NULL) {
		paths_init(&paths);
		lib = library_new(&paths);
	}
	job_opts_init(&o);
	o.city = "Kyiv";
	o.country = "PL";
	o.output = "build/fuzz/out/";
	o.output_folder = 1;
	for (line = s; line != NULL; line = next) {
		char *eq;

		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		eq = strchr(line, '=');
		if (eq == NULL)
			continue;
		*eq = '\0';
		set(&o, line, eq + 1);
	}
	job = job_resolve(&o, lib, &d);
	if (job != NULL) {
		size_t i;

		for (i = 0; i < job_output_count(job); i++)
			(void)job_output_path(job, i);
		(void)job_label(job);
	}
	job_free(job);
	free(s);
	return 0;
}
