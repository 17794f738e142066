/* cmd-serve.c - bayraq serve: a local web page with a live preview. */
#include <arpa/inet.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/http.h"
#include "cli/options.h"
#include "cli/serve.h"

#define SERVE_DEFAULT_PORT 8080
#define SERVE_DEFAULT_BIND "127.0.0.1"
/* Headers and query: MHD answers past this itself (413, 414 or 431). */
#define SERVE_MEMORY_LIMIT (32 * 1024)
#define SERVE_CONNECTIONS 64
#define SERVE_TIMEOUT 30
#define SERVE_RETRY_AFTER "2"

#define CSP                                                                    \
	"default-src 'none'; script-src 'self'; style-src 'self'; "            \
	"img-src 'self' blob:; connect-src 'self'; form-action 'self'; "       \
	"base-uri 'none'; frame-ancestors 'none'"

struct serve_args {
	size_t port, workers, queue;
	const char *bind;
	double limit; /* --render-timeout, seconds */
};

/* What every request sees; nothing in it changes once serving. */
struct server {
	struct serve_pages *pages;
	struct serve_pool *pool;
	struct serve_pictures *pictures;
	char *tmp;
	double limit;
	atomic_size_t requests, renders, refused, busy, late, failed;
};

/* --render-timeout: seconds, 0.001 to 3600. */
static int
render_timeout(const char *value, double *limit, struct diag *d)
{
	char *end;
	double v = g_ascii_strtod(value, &end);

	if (end == value || *end != '\0' || !(v >= 0.001 && v <= 3600))
		return diag_set(d, DIAG_USAGE,
			"--render-timeout takes seconds from 0.001 to 3600, "
			"not '%.20s'",
			value);
	*limit = v;
	return 0;
}

static int
serve_option(enum option_id id, const char *value, void *arg, struct diag *d)
{
	struct serve_args *a = arg;

	switch (id) {
	case OPT_SERVE_PORT:
		return options_count(value, "--port", 0, 65535, &a->port, d);
	case OPT_SERVE_BIND:
		a->bind = value;
		return 0;
	case OPT_SERVE_WORKERS:
		return options_count(value, "--workers", 1, 64, &a->workers, d);
	case OPT_SERVE_QUEUE:
		return options_count(value, "--queue", 0, 1024, &a->queue, d);
	case OPT_SERVE_RENDER_TIMEOUT:
		return render_timeout(value, &a->limit, d);
	default:
		return diag_set(d, DIAG_USAGE, "not a serve option");
	}
}

/* A %XX that decodes to NUL becomes 0xFF: never a route, never UTF-8. */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *out = s, *in = s;

	(void)cls;
	(void)c;
	while (*in != '\0') {
		if (in[0] == '%' && g_ascii_isxdigit(in[1]) &&
			g_ascii_isxdigit(in[2])) {
			int v = g_ascii_xdigit_value(in[1]) * 16 +
				g_ascii_xdigit_value(in[2]);

			*out++ = v == 0 ? (char)0xFF : (char)v;
			in += 3;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
	return (size_t)(out - s);
}

static void
add_headers(struct MHD_Response *res, const char *type)
{
	http_add_response_header(res, "Content-Type", type);
	http_add_response_header(res, "Content-Security-Policy", CSP);
	http_add_response_header(res, "X-Content-Type-Options", "nosniff");
	http_add_response_header(res, "Referrer-Policy", "no-referrer");
	http_add_response_header(res, "X-Frame-Options", "DENY");
	http_add_response_header(res, "Cache-Control", "no-store");
}

/* Answers with a copy of body. */
static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *type,
	const void *body, size_t size)
{
	struct MHD_Response *res =
		http_create_response(size, (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result rc;

	add_headers(res, type);
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		http_add_response_header(res, "Allow", "GET, HEAD");
	if (status == MHD_HTTP_SERVICE_UNAVAILABLE)
		http_add_response_header(res, "Retry-After", SERVE_RETRY_AFTER);
	rc = http_queue_response(c, status, res);
	http_destroy_response(res);
	return rc;
}

/* One line a person can act on, as render would print it. */
static enum MHD_Result
reply_text(struct MHD_Connection *c, unsigned status, const char *line)
{
	char *text = g_strconcat(line, "\n", NULL);
	enum MHD_Result rc = reply(c, status, "text/plain; charset=utf-8", text,
		strlen(text));

	g_free(text);
	return rc;
}

struct query {
	struct serve_request *q;
	char error[160];
};

static enum MHD_Result
query_value(void *cls, enum MHD_ValueKind kind, const char *key,
	const char *value)
{
	struct query *q = cls;
	size_t i;

	(void)kind;
	if (q->error[0] != '\0')
		return MHD_NO;
	if (!g_utf8_validate(key, -1, NULL) ||
		(value != NULL && !g_utf8_validate(value, -1, NULL))) {
		snprintf(q->error, sizeof q->error,
			"the query is not valid UTF-8 text");
		return MHD_NO;
	}
	for (i = 0; i < SP_COUNT; i++)
		if (strcmp(key, serve_param_names[i]) == 0)
			break;
	if (i == SP_COUNT) {
		snprintf(q->error, sizeof q->error,
			"unknown parameter '%.30s' (expected design, lang, "
			"city, "
			"country, size, orientation, format, dpi, sheet, "
			"slogan, event)",
			key);
		return MHD_NO;
	}
	if (q->q->r.param[i] != NULL) {
		snprintf(q->error, sizeof q->error,
			"parameter '%s' given twice", key);
		return MHD_NO;
	}
	serve_request_set(q->q, i, value);
	return MHD_YES;
}

/* The render's error as one line, with the field it concerns. */
static enum MHD_Result
reply_failed(struct server *s, struct MHD_Connection *c,
	const struct serve_render *r)
{
	struct MHD_Response *res;
	char *text = g_strconcat(r->diag.msg, "\n", NULL);
	enum MHD_Result rc;

	atomic_fetch_add(r->status == 400 ? &s->refused : &s->failed, 1);
	res = http_create_response(strlen(text), text, MHD_RESPMEM_MUST_FREE);
	add_headers(res, "text/plain; charset=utf-8");
	if (r->field != NULL)
		http_add_response_header(res, "X-Bayraq-Field", r->field);
	http_add_response_header(res, "X-Bayraq-Kind",
		r->diag.kind == DIAG_FIT ? "fit" : "usage");
	rc = http_queue_response(c, r->status, res);
	http_destroy_response(res);
	return rc;
}

/* The pool could not run it in time: 503 with Retry-After. */
static enum MHD_Result
reply_unavailable(struct server *s, struct MHD_Connection *c, int rc)
{
	char line[200];

	if (rc == SERVE_POOL_LATE) {
		atomic_fetch_add(&s->late, 1);
		snprintf(line, sizeof line,
			"the render took longer than this server's limit of "
			"%g s: choose a smaller size or a lower dpi, or try "
			"again in a moment",
			s->limit);
		return reply_text(c, MHD_HTTP_SERVICE_UNAVAILABLE, line);
	}
	atomic_fetch_add(&s->busy, 1);
	return reply_text(c, MHD_HTTP_SERVICE_UNAVAILABLE,
		"the server is busy: try again in a moment");
}

/* GET /preview and GET /file: a render on a worker. */
static enum MHD_Result
render_route(struct server *s, struct MHD_Connection *c, int preview)
{
	struct serve_request *req = serve_request_new(s->tmp, preview);
	struct serve_render *r = &req->r;
	struct query q = { req, "" };
	struct MHD_Response *res;
	enum MHD_Result rc;
	int ran;

	http_connection_values(c, MHD_GET_ARGUMENT_KIND, query_value, &q);
	if (q.error[0] != '\0') {
		serve_request_free(req);
		atomic_fetch_add(&s->refused, 1);
		return reply_text(c, MHD_HTTP_BAD_REQUEST, q.error);
	}
	ran = serve_pool_run(s->pool, &req->task, s->limit);
	if (ran != SERVE_POOL_DONE) {
		/* Late: the worker owns req now and frees it. */
		if (ran == SERVE_POOL_BUSY)
			serve_request_free(req);
		return reply_unavailable(s, c, ran);
	}
	atomic_fetch_add(&s->renders, 1);
	if (r->status != 200) {
		rc = reply_failed(s, c, r);
		serve_request_free(req);
		return rc;
	}
	res = http_create_response(r->size, r->body, MHD_RESPMEM_MUST_FREE);
	r->body = NULL;
	add_headers(res, r->type);
	if (!preview) {
		char *cd =
			g_strdup_printf("attachment; filename=\"%s\"", r->name);

		http_add_response_header(res, "Content-Disposition", cd);
		g_free(cd);
	}
	serve_request_free(req);
	rc = http_queue_response(c, MHD_HTTP_OK, res);
	http_destroy_response(res);
	return rc;
}

/* GET /thumbnail?design=NAME and GET /flag?country=CC: small PNGs. */
static enum MHD_Result
picture_route(struct server *s, struct MHD_Connection *c, int flag)
{
	const char *key = http_connection_value(c, MHD_GET_ARGUMENT_KIND,
		flag ? "country" : "design");
	const unsigned char *png = NULL;
	struct diag d = { 0 };
	size_t size = 0;
	unsigned status;
	struct MHD_Response *res;
	enum MHD_Result rc;

	if (key == NULL || !g_utf8_validate(key, -1, NULL))
		status = 404;
	else if (flag)
		status = serve_flag(s->pictures, key, &png, &size, &d);
	else
		status = serve_thumbnail(s->pictures, s->pool, s->limit, key,
			&png, &size, &d);
	if (status == 404)
		return reply_text(c, MHD_HTTP_NOT_FOUND,
			flag ? "no such country: /flag?country= takes a code "
			       "of the page's list, such as PL"
			     : "no such design: /thumbnail?design= takes a "
			       "name of the page's list");
	if (status == 503)
		return reply_unavailable(s, c, SERVE_POOL_BUSY);
	if (status != 200) {
		atomic_fetch_add(&s->failed, 1);
		return reply_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, d.msg);
	}
	res = http_create_response(size, (void *)png, MHD_RESPMEM_PERSISTENT);
	add_headers(res, "image/png");
	/* The same for the whole life of the process. */
	http_add_response_header(res, "Cache-Control", "private, max-age=3600");
	rc = http_queue_response(c, MHD_HTTP_OK, res);
	http_destroy_response(res);
	return rc;
}

static enum MHD_Result
asset_route(struct MHD_Connection *c, const char *name, const char *type)
{
	const struct serve_asset *a = serve_asset_lookup(name);

	return reply(c, MHD_HTTP_OK, type, a->data, a->size);
}

static enum MHD_Result
page_route(struct server *s, struct MHD_Connection *c)
{
	const char *ui = http_connection_value(c, MHD_GET_ARGUMENT_KIND, "ui");
	const char *accept =
		http_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
	size_t size;
	const char *html = serve_page(s->pages, ui, accept, &size);
	struct MHD_Response *res = http_create_response(size, (void *)html,
		MHD_RESPMEM_PERSISTENT);
	enum MHD_Result rc;

	add_headers(res, "text/html; charset=utf-8");
	http_add_response_header(res, "Vary", "Accept-Language");
	rc = http_queue_response(c, MHD_HTTP_OK, res);
	http_destroy_response(res);
	return rc;
}

/* A request with a body: none of ours takes one. */
static int
has_body(struct MHD_Connection *c)
{
	const char *len = http_connection_value(c, MHD_HEADER_KIND,
		MHD_HTTP_HEADER_CONTENT_LENGTH);

	return (len != NULL && strcmp(len, "0") != 0) ||
	       http_connection_value(c, MHD_HEADER_KIND,
		       MHD_HTTP_HEADER_TRANSFER_ENCODING) != NULL;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
	const char *method, const char *version, const char *upload,
	size_t *upload_size, void **state)
{
	struct server *s = cls;

	(void)version;
	(void)upload;
	if (*state == NULL) {
		*state = s;
		atomic_fetch_add(&s->requests, 1);
		if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
			return reply_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
				"only GET is served here");
		if (has_body(c))
			return reply_text(c, MHD_HTTP_CONTENT_TOO_LARGE,
				"requests here take no body");
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(url, "/") == 0)
		return page_route(s, c);
	if (strcmp(url, "/style.css") == 0)
		return asset_route(c, "style.css", "text/css; charset=utf-8");
	if (strcmp(url, "/app.js") == 0)
		return asset_route(c, "app.js",
			"text/javascript; charset=utf-8");
	if (strcmp(url, "/favicon.svg") == 0)
		return asset_route(c, "favicon.svg", "image/svg+xml");
	if (strcmp(url, "/options") == 0) {
		size_t size;
		const char *json = serve_options_json(s->pages, &size);

		return reply(c, MHD_HTTP_OK, "application/json", json, size);
	}
	if (strcmp(url, "/preview") == 0)
		return render_route(s, c, 1);
	if (strcmp(url, "/thumbnail") == 0)
		return picture_route(s, c, 0);
	if (strcmp(url, "/flag") == 0)
		return picture_route(s, c, 1);
	if (strcmp(url, "/file") == 0)
		return render_route(s, c, 0);
	return reply_text(c, MHD_HTTP_NOT_FOUND,
		"no such page: go to / for the form");
}

/* --bind: an IPv4 or IPv6 address, and the port. */
static int
bind_address(const struct serve_args *a, struct sockaddr_storage *ss,
	unsigned *flags)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof *ss);
	if (inet_pton(AF_INET, a->bind, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)a->port);
		return 0;
	}
	if (inet_pton(AF_INET6, a->bind, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)a->port);
		*flags |= MHD_USE_IPv6;
		return 0;
	}
	return -1;
}

static int
is_loopback(const char *bind)
{
	return strncmp(bind, "127.", 4) == 0 || strcmp(bind, "::1") == 0;
}

/* Serves until SIGINT or SIGTERM; the signals are blocked in every thread. */
static int
serve(struct server *s, const struct serve_args *a, sigset_t *stop)
{
	struct sockaddr_storage ss;
	unsigned flags =
		MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD;
	struct MHD_Daemon *daemon;
	int sig;

	if (bind_address(a, &ss, &flags) < 0)
		return cli_usage_error(&command_serve,
			"--bind takes an IP address such as 127.0.0.1 or "
			"0.0.0.0, not '%.40s'",
			a->bind);
	daemon = http_start_daemon(flags, (uint16_t)a->port, on_request, s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MEMORY_LIMIT,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONNECTIONS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT,
		MHD_OPTION_END);
	if (daemon == NULL) {
		fprintf(stderr,
			"bayraq: cannot listen on %s port %zu: %s; is another "
			"server using it? Try --port\n",
			a->bind, a->port,
			g_strerror(errno ? errno : EADDRINUSE));
		return 1;
	}
	if (!is_loopback(a->bind))
		fprintf(stderr,
			"bayraq: warning: serving on %s, not only on this "
			"computer: anyone who can reach it can make banners "
			"here\n",
			a->bind);
	printf("bayraq: serving http://%s%s%s:%u/ (Ctrl-C stops)\n",
		strchr(a->bind, ':') ? "[" : "", a->bind,
		strchr(a->bind, ':') ? "]" : "",
		(unsigned)http_daemon_port(daemon));
	fflush(stdout);
	sigwait(stop, &sig);
	http_stop_daemon(daemon);
	/* Counts only: never a city, an event text or an address. */
	fprintf(stderr,
		"bayraq: served %zu requests: %zu renders, %zu refused (400), "
		"%zu busy (503), %zu too slow (503), %zu failed (500)\n",
		atomic_load(&s->requests), atomic_load(&s->renders),
		atomic_load(&s->refused), atomic_load(&s->busy),
		atomic_load(&s->late), atomic_load(&s->failed));
	return 0;
}

static int
run(int argc, char **argv, const struct command *cmd, const struct cli *cli)
{
	struct serve_args a = { SERVE_DEFAULT_PORT, cli_cores(), 0,
		SERVE_DEFAULT_BIND, SERVE_RENDER_TIMEOUT };
	struct server s = { 0 };
	struct diag d = { 0 };
	struct library *lib;
	sigset_t stop;
	int first,
		rc = options_parse(cmd, argc, argv, serve_option, &a, &first);

	if (rc >= 0)
		return rc;
	if (first < argc)
		return cli_usage_error(cmd, "unexpected argument '%.40s'",
			argv[first]);
	if (a.queue == 0)
		a.queue = 4 * a.workers;
	if (http_load(&d) < 0)
		return cli_fail(&d);
	lib = library_new(cli->paths);
	s.pages = serve_pages_new(lib, &d);
	s.tmp = g_dir_make_tmp("bayraq-serve-XXXXXX", NULL);
	if (s.pages == NULL || s.tmp == NULL) {
		rc = s.pages == NULL ? cli_fail(&d) : 1;
		if (s.tmp == NULL)
			fprintf(stderr, "bayraq: cannot make a temporary "
					"folder: set TMPDIR to one you can "
					"write\n");
		goto out;
	}
	/* Every thread started from here on blocks them; sigwait takes them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	s.limit = a.limit;
	s.pictures = serve_pictures_new(lib, s.tmp, &d);
	if (s.pictures == NULL) {
		rc = cli_fail(&d);
		goto out;
	}
	s.pool = serve_pool_new(lib, a.workers, a.queue);
	rc = serve(&s, &a, &stop);
	serve_pool_free(s.pool);
out:
	if (s.tmp != NULL)
		g_rmdir(s.tmp);
	g_free(s.tmp);
	serve_pictures_free(s.pictures);
	serve_pages_free(s.pages);
	library_free(lib);
	return rc;
}

const struct command command_serve = { "serve", run, OPTS_SERVE, "[options]",
	"a web page with a live preview, on this computer",
	"Serves a web page where anyone can make a banner without a terminal: "
	"pick\n"
	"the design, language, city, country, size, slogan and event, watch "
	"the\n"
	"preview, download the PDF, the PNG, a print-shop PDF or sheets for a "
	"home\n"
	"printer. Prints the address and opens nothing. Nothing typed is kept "
	"or\n"
	"logged: files are made in a private temporary folder and deleted "
	"before\n"
	"they are sent.\n"
	"\n"
	"The page's routes take render's option names: GET /preview?lang=uk&"
	"city=Київ&\n"
	"country=PL&size=A2 (a PNG about 600 px long), GET /file?...&format="
	"pdf|png|\n"
	"print|tiles (a download), GET /options (the lists as JSON), GET\n"
	"/thumbnail?design=NAME and GET /flag?country=CC (small PNGs).\n"
	"\n"
	"At most --workers renders run at once and --queue wait; beyond, and\n"
	"past --render-timeout, the answer is 503 with Retry-After.\n"
	"\n"
	"Examples:\n"
	"  bayraq serve                 # http://127.0.0.1:8080/\n"
	"  bayraq serve --port 9000 --bind 0.0.0.0 --workers 2" };
