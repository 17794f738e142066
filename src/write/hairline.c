/* hairline.c - lines too thin to print, thickened in a PDF's content. */
#include "write/hairline.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "write/pdfpost.h"
#include "write/pdfscan.h"

/* Forms within forms followed, and form uses in all: shared forms stay cheap.
 */
#define MAX_DEPTH 8
#define MAX_FORM_USES 4096

/* A graphics state's stack, as deep as cairo ever nests it and more. */
#define MAX_STACK 64

/* One "w" operator of a stream, and the width its strokes need. */
struct wop {
	size_t start, end;
	double width, need;
};

/* A content stream: its bytes and its "w" operators, in order. */
struct stream {
	qpdf_oh oh;
	unsigned char *data;
	size_t len;
	GArray *wops;
};

struct fix {
	qpdf_data q;
	double min;
	GHashTable *streams; /* object id -> struct stream */
	GPtrArray *order; /* the streams, as first met */
	int budget;
};

struct gstate {
	double ctm[6];
	double width;
	struct stream *ws; /* where the "w" that set width is; NULL: none */
	size_t wi;
};

/* One walk through a stream, with the state it was entered in. */
struct walk {
	struct fix *f;
	struct stream *s;
	qpdf_oh res;
	int depth;
	size_t next_w;
	struct gstate stack[MAX_STACK], gs;
	size_t sp;
};

static int
list_w(const struct pdfscan_op *op, void *arg)
{
	GArray *wops = arg;

	if (pdfscan_is_op(op, "w")) {
		struct wop w = { op->start, op->end,
			op->nums > 0 ? op->num[op->nums - 1] : 1, 0 };

		g_array_append_val(wops, w);
	}
	return 0;
}

static void
stream_free(gpointer p)
{
	struct stream *s = p;

	free(s->data);
	g_array_free(s->wops, TRUE);
	free(s);
}

/* The stream, decoded and its "w" operators listed, once; NULL: none. */
static struct stream *
stream_lookup(struct fix *f, qpdf_oh oh)
{
	int id = qpdf_oh_get_object_id(f->q, oh);
	struct stream *s = g_hash_table_lookup(f->streams, GINT_TO_POINTER(id));

	if (s != NULL || id == 0)
		return s;
	s = xcalloc(1, sizeof *s);
	s->oh = oh;
	s->wops = g_array_new(FALSE, FALSE, sizeof(struct wop));
	if (qpdf_oh_get_stream_data(f->q, oh, qpdf_dl_generalized, NULL,
		    &s->data, &s->len) != QPDF_SUCCESS) {
		stream_free(s);
		return NULL;
	}
	pdfscan_run(s->data, s->len, list_w, s->wops);
	g_hash_table_insert(f->streams, GINT_TO_POINTER(id), s);
	g_ptr_array_add(f->order, s);
	return s;
}

static void walk_stream(struct fix *f, struct stream *s, qpdf_oh res,
	struct gstate *gs, int depth);

/* A form drawn by "Do": its own matrix and resources, the state it gets. */
static void
enter_form(struct walk *w, const char *name)
{
	struct fix *f = w->f;
	struct pdfpost_form form;
	struct gstate gs = w->gs;
	struct stream *s;

	if (w->depth >= MAX_DEPTH || f->budget-- <= 0 ||
		!pdfpost_form_find(f->q, w->res, name, w->gs.ctm, &form))
		return;
	memcpy(gs.ctm, form.ctm, sizeof gs.ctm);
	s = stream_lookup(f, form.stream);
	if (s != NULL)
		walk_stream(f, s, form.res, &gs, w->depth + 1);
}

static int
walk_op(const struct pdfscan_op *op, void *arg)
{
	struct walk *w = arg;
	struct gstate *gs = &w->gs;

	if (pdfscan_is_op(op, "q") && w->sp < MAX_STACK) {
		w->stack[w->sp++] = *gs;
	} else if (pdfscan_is_op(op, "Q") && w->sp > 0) {
		*gs = w->stack[--w->sp];
	} else if (pdfscan_is_op(op, "cm") && op->nums == 6) {
		pdfscan_matrix_multiply(op->num, gs->ctm, gs->ctm);
	} else if (pdfscan_is_op(op, "w")) {
		if (w->next_w < w->s->wops->len) {
			gs->ws = w->s;
			gs->wi = w->next_w;
			gs->width =
				g_array_index(w->s->wops, struct wop, w->next_w)
					.width;
		}
		w->next_w++;
	} else if (pdfscan_is_stroke(op) && gs->ws != NULL) {
		double k = pdfscan_matrix_scale(gs->ctm);
		struct wop *o =
			&g_array_index(gs->ws->wops, struct wop, gs->wi);

		if (k > 0 && gs->width * k < w->f->min)
			o->need = MAX(o->need, w->f->min / k);
	} else if (pdfscan_is_op(op, "Do") && op->name[0] != '\0') {
		enter_form(w, op->name);
	}
	return 0;
}

/* Walks s from state gs, which it leaves as the stream ends. */
static void
walk_stream(struct fix *f, struct stream *s, qpdf_oh res, struct gstate *gs,
	int depth)
{
	struct walk *w = xcalloc(1, sizeof *w);

	w->f = f;
	w->s = s;
	w->res = res;
	w->depth = depth;
	w->gs = *gs;
	pdfscan_run(s->data, s->len, walk_op, w);
	*gs = w->gs;
	free(w);
}

/* The stream with its raised "w" operators; how many. */
static int
rewrite(struct fix *f, struct stream *s)
{
	GString *out;
	size_t from = 0, i;
	int n = 0;

	for (i = 0; i < s->wops->len; i++)
		n += g_array_index(s->wops, struct wop, i).need > 0;
	if (n == 0)
		return 0;
	out = g_string_sized_new(s->len + 16 * (size_t)n);
	for (i = 0; i < s->wops->len; i++) {
		const struct wop *o = &g_array_index(s->wops, struct wop, i);
		char v[G_ASCII_DTOSTR_BUF_SIZE];

		if (o->need <= 0)
			continue;
		g_string_append_len(out, (const char *)s->data + from,
			(gssize)(o->start - from));
		/* A hair over the need: four decimals must not round below. */
		g_ascii_formatd(v, sizeof v, "%.4f", o->need * 1.001 + 0.0001);
		g_string_append_printf(out, " %s w", v);
		from = o->end;
	}
	g_string_append_len(out, (const char *)s->data + from,
		(gssize)(s->len - from));
	qpdf_oh_replace_stream_data(f->q, s->oh,
		(const unsigned char *)out->str, out->len,
		qpdf_oh_new_null(f->q), qpdf_oh_new_null(f->q));
	g_string_free(out, TRUE);
	return n;
}

int
hairline_raise(qpdf_data q, double min_pt)
{
	struct fix f = { q, min_pt, NULL, NULL, MAX_FORM_USES };
	int pages = qpdf_get_num_pages(q), p, i, n = 0;

	f.streams = g_hash_table_new_full(NULL, NULL, NULL, stream_free);
	f.order = g_ptr_array_new();
	for (p = 0; p < pages; p++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
		qpdf_oh content = qpdf_oh_get_key(q, page, "/Contents");
		qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
		struct gstate gs = { { 1, 0, 0, 1, 0, 0 }, 1, NULL, 0 };
		int parts = qpdf_oh_is_array(q, content)
				    ? qpdf_oh_get_array_n_items(q, content)
				    : 1;

		/* An array's streams are one content, state running on. */
		for (i = 0; i < parts; i++) {
			qpdf_oh part =
				qpdf_oh_is_array(q, content)
					? qpdf_oh_get_array_item(q, content, i)
					: content;
			struct stream *s = qpdf_oh_is_stream(q, part)
						   ? stream_lookup(&f, part)
						   : NULL;

			if (s != NULL)
				walk_stream(&f, s, res, &gs, 0);
		}
	}
	for (i = 0; i < (int)f.order->len; i++)
		n += rewrite(&f, g_ptr_array_index(f.order, i));
	g_ptr_array_free(f.order, TRUE);
	g_hash_table_destroy(f.streams);
	return n;
}
