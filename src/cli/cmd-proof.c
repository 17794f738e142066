/* cmd-proof.c - bayraq proof: every variant of a design in every language. */
#include <glib.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "run/proof.h"

struct proof_args {
	struct proof_opts o;
	const char *output;
	char **langs;
};

static int
proof_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	struct proof_args *a = arg;

	(void)d;
	if (id == OPT_PROOF_DESIGN)
		a->o.design = value;
	else if (id == OPT_PROOF_COUNTRY)
		a->o.country = value;
	else if (id == OPT_SLOGAN)
		a->o.slogan = value;
	else if (id == OPT_EVENT)
		a->o.event = value;
	else if (id == OPT_PROOF_OUTPUT)
		a->output = value;
	else if (id == OPT_PROOF_LANGS) {
		g_strfreev(a->langs);
		a->langs = g_strsplit(value, ",", -1);
		a->o.langs = a->langs;
	}
	return 0;
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct proof_args a = { { JOB_DEFAULT_DESIGN, NULL, "DE", NULL, NULL },
		NULL, NULL };
	struct diag d = { 0 };
	struct library *lib;
	char *path;
	int first,
		rc = options_parse(cmd, argc, argv, proof_option, &a, &first);

	if (rc >= 0) {
		g_strfreev(a.langs);
		return rc;
	}
	if (first < argc) {
		g_strfreev(a.langs);
		return cli_usage_error(cmd, "unexpected argument '%.40s'",
			argv[first]);
	}
	path = a.output != NULL
		       ? g_strdup(a.output)
		       : g_strdup_printf("out/%s-proof.pdf", a.o.design);
	lib = library_new(cli->paths);
	rc = proof_write(lib, &a.o, path, &d);
	if (rc == 0)
		printf("%s\n", path);
	library_free(lib);
	g_free(path);
	g_strfreev(a.langs);
	return rc < 0 ? cli_fail(&d) : 0;
}

const struct command command_proof = { "proof", run, OPTS_PROOF,
	"[--design NAME] [--lang TAGS] [--slogan NAME] [--event TEXT] [-o "
	"proof.pdf]",
	"every variant in every language on a PDF, for designers",
	"Writes a vector PDF with a page per variant of the design: every "
	"language\n"
	"(or those given) as a thumbnail of the real banner, each text "
	"slot's fitted\n"
	"size beside it, and a row of long city names. A text that does not "
	"fit, or\n"
	"shrinks below 70% of the largest size the slot has on that page, "
	"is marked\n"
	"red (▲). Run it before a design or a translation goes to "
	"organizers.\n"
	"\n"
	"Examples:\n"
	"  bayraq proof -o out/proof.pdf\n"
	"  bayraq proof --design liberate-crimea --lang de,uk,ar -o "
	"out/de-uk-ar.pdf\n"
	"  bayraq proof --design sign --slogan prisoners --event \"Sat 22 "
	"Feb, 14:00, Brandenburger Tor\"" };
