/*
 * http.h - libmicrohttpd for bayraq serve, from a module of its own.
 *
 * libmicrohttpd pulls in gnutls, nettle, gmp, p11-kit and more: about a
 * quarter of a render's start-up for a server a render never starts. So
 * the program does not link it: bayraq-serve.so (cli/http-table.c) does,
 * and holds a table of the few libmicrohttpd functions bayraq serve
 * calls; cli/http.c loads it (base/module.h) and defines the http_*
 * functions below, each calling the one of the same name through it.
 * A function added here needs a row in the table too.
 */
#ifndef BAYRAQ_HTTP_H
#define BAYRAQ_HTTP_H

#include <microhttpd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/module.h"

/* Changes whenever the table does: a stale module is refused. */
#define HTTPMOD_VERSION 1

/* The module's file name. */
#define HTTPMOD_FILE "bayraq-serve.so"

struct httpmod {
	struct module_head head; /* HTTPMOD_VERSION, sizeof (struct httpmod) */
	struct MHD_Daemon *(*start_daemon_va)(unsigned flags, uint16_t port,
		MHD_AcceptPolicyCallback apc, void *apc_cls,
		MHD_AccessHandlerCallback dh, void *dh_cls, va_list ap);
	void (*stop_daemon)(struct MHD_Daemon *daemon);
	const union MHD_DaemonInfo *(
		*get_daemon_info)(struct MHD_Daemon *daemon,
		enum MHD_DaemonInfoType type, ...);
	struct MHD_Response *(*create_response_from_buffer)(size_t size,
		void *buffer, enum MHD_ResponseMemoryMode mode);
	void (*destroy_response)(struct MHD_Response *response);
	enum MHD_Result (*add_response_header)(struct MHD_Response *response,
		const char *header, const char *content);
	enum MHD_Result (*queue_response)(struct MHD_Connection *connection,
		unsigned int status_code, struct MHD_Response *response);
	const char *(
		*lookup_connection_value)(struct MHD_Connection *connection,
		enum MHD_ValueKind kind, const char *key);
	int (*get_connection_values)(struct MHD_Connection *connection,
		enum MHD_ValueKind kind, MHD_KeyValueIterator iterator,
		void *iterator_cls);
};

/* The module's one exported symbol (cli/http-table.c). */
extern const struct httpmod bayraq_serve_module;

/*
 * Loads the module: 0, or -1 with d set ("cannot load the web server
 * library; reinstall bayraq (...)"). Before any other http_ function.
 */
int http_load(struct diag *d);

/* MHD_start_daemon() with no accept policy: options as it takes them. */
struct MHD_Daemon *http_start_daemon(unsigned flags, uint16_t port,
	MHD_AccessHandlerCallback dh, void *dh_cls, ...);
void http_stop_daemon(struct MHD_Daemon *daemon);
/* The port the daemon listens on (MHD_DAEMON_INFO_BIND_PORT), or 0. */
uint16_t http_daemon_port(struct MHD_Daemon *daemon);
struct MHD_Response *http_create_response(size_t size, void *buffer,
	enum MHD_ResponseMemoryMode mode);
void http_destroy_response(struct MHD_Response *response);
enum MHD_Result http_add_response_header(struct MHD_Response *response,
	const char *header, const char *content);
enum MHD_Result http_queue_response(struct MHD_Connection *connection,
	unsigned int status_code, struct MHD_Response *response);
const char *http_connection_value(struct MHD_Connection *connection,
	enum MHD_ValueKind kind, const char *key);
int http_connection_values(struct MHD_Connection *connection,
	enum MHD_ValueKind kind, MHD_KeyValueIterator iterator,
	void *iterator_cls);

#endif
