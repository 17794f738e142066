/* svg.c - SVG 1.1 with the text laid out, for tools that cannot lay it out. */
#include <cairo-svg.h>

#include "layout/render.h"
#include "write/formats.h"

static cairo_status_t
file_write(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

/* Glyphs become paths: rsvg-convert and browsers draw it as bayraq does. */
static int
write_svg(FILE *fp, const struct banner *b, const struct output_opts *opts,
	struct diag *d)
{
	cairo_surface_t *surf = cairo_svg_surface_create_for_stream(file_write,
		fp, banner_width(b), banner_height(b));
	cairo_t *cr = cairo_create(surf);
	struct render_frame f = { 0, 0, 0, 0, 0, opts->vector_ppi };

	return formats_surface_close(cr, surf, render_draw(b, cr, &f, d), "SVG",
		d);
}

const struct writer writer_svg = { "svg",
	"vector with text as paths: for "
	"other SVG tools",
	0, write_svg };
