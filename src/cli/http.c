/* http.c - libmicrohttpd's functions, from bayraq-serve.so (cli/http.h). */
#include "cli/http.h"

#include <assert.h>

static const struct httpmod *
module(struct diag *d)
{
	return module_load(HTTPMOD_FILE, "bayraq_serve_module", HTTPMOD_VERSION,
		sizeof(struct httpmod), "web server library", d);
}

/*
 * Set by http_load(), before serve starts any thread: every call of a
 * request then reads it, not module_load()'s lock and list.
 */
static const struct httpmod *mod_loaded;

static const struct httpmod *
loaded(void)
{
	assert(mod_loaded != NULL);
	return mod_loaded;
}

int
http_load(struct diag *d)
{
	mod_loaded = module(d);
	return mod_loaded != NULL ? 0 : -1;
}

struct MHD_Daemon *
http_start_daemon(unsigned flags, uint16_t port, MHD_AccessHandlerCallback dh,
	void *dh_cls, ...)
{
	struct MHD_Daemon *daemon;
	va_list ap;

	va_start(ap, dh_cls);
	daemon = loaded()->start_daemon_va(flags, port, NULL, NULL, dh, dh_cls,
		ap);
	va_end(ap);
	return daemon;
}

void
http_stop_daemon(struct MHD_Daemon *daemon)
{
	loaded()->stop_daemon(daemon);
}

uint16_t
http_daemon_port(struct MHD_Daemon *daemon)
{
	const union MHD_DaemonInfo *info =
		loaded()->get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);

	return info != NULL ? info->port : 0;
}

struct MHD_Response *
http_create_response(size_t size, void *buffer,
	enum MHD_ResponseMemoryMode mode)
{
	return loaded()->create_response_from_buffer(size, buffer, mode);
}

void
http_destroy_response(struct MHD_Response *response)
{
	loaded()->destroy_response(response);
}

enum MHD_Result
http_add_response_header(struct MHD_Response *response, const char *header,
	const char *content)
{
	return loaded()->add_response_header(response, header, content);
}

enum MHD_Result
http_queue_response(struct MHD_Connection *connection, unsigned int status_code,
	struct MHD_Response *response)
{
	return loaded()->queue_response(connection, status_code, response);
}

const char *
http_connection_value(struct MHD_Connection *connection,
	enum MHD_ValueKind kind, const char *key)
{
	return loaded()->lookup_connection_value(connection, kind, key);
}

int
http_connection_values(struct MHD_Connection *connection,
	enum MHD_ValueKind kind, MHD_KeyValueIterator iterator,
	void *iterator_cls)
{
	return loaded()->get_connection_values(connection, kind, iterator,
		iterator_cls);
}
