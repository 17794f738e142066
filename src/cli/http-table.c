/* http-table.c - the table of bayraq-serve.so, libmicrohttpd's module. */
#include "cli/http.h"

const struct httpmod bayraq_serve_module = {
	{ HTTPMOD_VERSION, sizeof(struct httpmod) },
	MHD_start_daemon_va,
	MHD_stop_daemon,
	MHD_get_daemon_info,
	MHD_create_response_from_buffer,
	MHD_destroy_response,
	MHD_add_response_header,
	MHD_queue_response,
	MHD_lookup_connection_value,
	MHD_get_connection_values,
};
