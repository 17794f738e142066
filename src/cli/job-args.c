/* job-args.c - the options of render, layout and tile, into a job. */
#include "cli/commands.h"
#include "cli/options.h"

static int
job_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	struct job_args *a = arg;

	if (id == OPT_PROGRESS) {
		a->progress_lines = 1;
		return 0;
	}
	return options_job(id, value, &a->opts, d);
}

int
job_args_parse(struct job_args *a, const struct command *cmd, int argc,
	char **argv)
{
	int first, rc;

	job_opts_init(&a->opts);
	a->opts.jobs = cli_cores();
	a->progress_lines = 0;
	rc = options_parse(cmd, argc, argv, job_option, a, &first);
	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error(cmd, "unexpected argument '%.40s'",
			argv[first]);
	progress_init(&a->progress, NULL, a->progress_lines);
	if (a->progress.tty || a->progress.lines) {
		a->opts.progress = progress_bands;
		a->opts.progress_arg = &a->progress;
	}
	return -1;
}

int
job_args_main(const struct command *cmd, int argc, char **argv,
	const struct cli *cli, void (*adjust)(struct job_opts *o),
	job_action_fn act)
{
	struct diag d = { 0 };
	struct job_args a;
	struct library *lib;
	struct job *job;
	int rc = job_args_parse(&a, cmd, argc, argv);

	if (rc >= 0)
		return rc;
	if (adjust != NULL)
		adjust(&a.opts);
	lib = library_new(cli->paths);
	job = job_resolve(&a.opts, lib, &d);
	rc = job != NULL ? act(job, lib, &d) : -1;
	job_free(job);
	library_free(lib);
	return rc < 0 ? cli_fail(&d) : 0;
}
