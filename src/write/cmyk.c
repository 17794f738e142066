/* cmyk.c - a PDF's RGB converted to the press's CMYK with lcms2. */
#include "write/cmyk.h"

#include <glib.h>
#include <lcms2.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "write/pdfpost.h"
#include "write/pdfscan.h"

#define MAX_DEPTH 16

struct conv {
	qpdf_data q;
	cmsHTRANSFORM rgb, rgb8; /* doubles 0..1 -> 0..100; bytes */
	GHashTable *done; /* object ids converted already */
	struct diag *d;
	int failed;
};

static int
fail(struct conv *c, const char *what)
{
	if (!c->failed)
		diag_set(c->d, DIAG_FORMAT,
			"cannot convert the PDF to CMYK: it has %s in RGB; "
			"render it without --cmyk",
			what);
	c->failed = 1;
	return -1;
}

/* Once per object: 0 the first time, 1 after (direct objects: never). */
static int
seen(struct conv *c, qpdf_oh oh)
{
	int id = qpdf_oh_get_object_id(c->q, oh);

	return id != 0 && !g_hash_table_add(c->done, GINT_TO_POINTER(id));
}

static void
to_cmyk(const struct conv *c, double r, double g, double b, double out[4])
{
	double in[3] = { r, g, b };
	int i;

	cmsDoTransform(c->rgb, in, out, 1);
	for (i = 0; i < 4; i++)
		out[i] = CLAMP(out[i] / 100, 0, 1);
}

static void
append_cmyk(GString *s, const double k[4], const char *op)
{
	char v[G_ASCII_DTOSTR_BUF_SIZE];
	int i;

	for (i = 0; i < 4; i++) {
		g_ascii_formatd(v, sizeof v, "%.4f", k[i]);
		g_string_append_printf(s, " %s", v);
	}
	g_string_append_printf(s, " %s", op);
}

/* One content stream: the colour spaces set by cs and CS, q and Q. */
struct content {
	struct conv *c;
	const unsigned char *p;
	GString *out;
	size_t end;
	int rgb_fill[32], rgb_stroke[32]; /* the current space is RGB */
	size_t sp;
};

static void
copy_op(struct content *ct, const struct pdfscan_op *op)
{
	g_string_append_len(ct->out, (const char *)ct->p + op->start,
		(gssize)(op->end - op->start));
}

/* A colour of n numbers turned into CMYK, or the operator as it was. */
static void
colour(struct content *ct, const struct pdfscan_op *op, int n, const char *to)
{
	const double *v = op->num + op->nums - n;
	double k[4];

	if (!op->only_nums || op->nums != (size_t)n) {
		copy_op(ct, op);
		return;
	}
	if (n == 1)
		to_cmyk(ct->c, v[0], v[0], v[0], k);
	else
		to_cmyk(ct->c, v[0], v[1], v[2], k);
	append_cmyk(ct->out, k, to);
}

static int
content_op(const struct pdfscan_op *op, void *arg)
{
	struct content *ct = arg;
	int stroke = g_ascii_isupper(op->op[0]);
	int *space = stroke ? &ct->rgb_stroke[ct->sp] : &ct->rgb_fill[ct->sp];

	ct->end = op->end;
	if (pdfscan_is_op(op, "q") && ct->sp + 1 < 32) {
		ct->rgb_fill[ct->sp + 1] = ct->rgb_fill[ct->sp];
		ct->rgb_stroke[ct->sp + 1] = ct->rgb_stroke[ct->sp];
		ct->sp++;
		copy_op(ct, op);
	} else if (pdfscan_is_op(op, "Q")) {
		if (ct->sp > 0)
			ct->sp--;
		copy_op(ct, op);
	} else if (pdfscan_is_op(op, "rg") || pdfscan_is_op(op, "RG")) {
		colour(ct, op, 3, stroke ? "K" : "k");
	} else if (pdfscan_is_op(op, "g") || pdfscan_is_op(op, "G")) {
		colour(ct, op, 1, stroke ? "K" : "k");
	} else if (pdfscan_is_op(op, "cs") || pdfscan_is_op(op, "CS")) {
		*space = strcmp(op->name, "/DeviceRGB") == 0;
		if (*space)
			g_string_append_printf(ct->out, " /DeviceCMYK %s",
				op->op);
		else
			copy_op(ct, op);
	} else if ((pdfscan_is_op(op, "sc") || pdfscan_is_op(op, "scn") ||
			   pdfscan_is_op(op, "SC") ||
			   pdfscan_is_op(op, "SCN")) &&
		   *space) {
		colour(ct, op, 3, op->op);
	} else if (pdfscan_is_op(op, "BI")) {
		const char *s = (const char *)ct->p + op->start;
		size_t n = op->end - op->start;

		if (g_strstr_len(s, (gssize)n, "/RGB") != NULL ||
			g_strstr_len(s, (gssize)n, "/DeviceRGB") != NULL)
			return fail(ct->c, "an inline image");
		copy_op(ct, op);
	} else {
		copy_op(ct, op);
	}
	return 0;
}

static void
convert_stream(struct conv *c, qpdf_oh stream)
{
	struct content ct;
	unsigned char *data = NULL;
	size_t len = 0;

	if (seen(c, stream))
		return;
	if (qpdf_oh_get_stream_data(c->q, stream, qpdf_dl_generalized, NULL,
		    &data, &len) != QPDF_SUCCESS) {
		fail(c, "a content stream qpdf cannot decode");
		return;
	}
	memset(&ct, 0, sizeof ct);
	ct.c = c;
	ct.p = data;
	ct.out = g_string_sized_new(len + len / 4);
	if (pdfscan_run(data, len, content_op, &ct) == 0) {
		g_string_append_len(ct.out, (const char *)data + ct.end,
			(gssize)(len - ct.end));
		qpdf_oh_replace_stream_data(c->q, stream,
			(const unsigned char *)ct.out->str, ct.out->len,
			qpdf_oh_new_null(c->q), qpdf_oh_new_null(c->q));
	}
	g_string_free(ct.out, TRUE);
	free(data);
}

static int
is_name(struct conv *c, qpdf_oh oh, const char *name)
{
	return qpdf_oh_is_name_and_equals(c->q, oh, name);
}

/* A transparency group's blending space: the press's. */
static void
convert_group(struct conv *c, qpdf_oh owner)
{
	qpdf_oh group = qpdf_oh_get_key(c->q, owner, "/Group");

	if (qpdf_oh_is_dictionary(c->q, group) &&
		qpdf_oh_has_key(c->q, group, "/CS"))
		qpdf_oh_replace_key(c->q, group, "/CS",
			qpdf_oh_new_name(c->q, "/DeviceCMYK"));
}

/* An array of 3 RGB numbers in dict[key] as 4 CMYK numbers. */
static void
convert_array(struct conv *c, qpdf_oh dict, const char *key)
{
	qpdf_oh a = qpdf_oh_get_key(c->q, dict, key), k;
	double v[3], out[4];
	int i;

	if (!qpdf_oh_is_array(c->q, a))
		return;
	if (qpdf_oh_get_array_n_items(c->q, a) != 3) {
		fail(c, "a colour array");
		return;
	}
	for (i = 0; i < 3; i++)
		v[i] = qpdf_oh_get_numeric_value(c->q,
			qpdf_oh_get_array_item(c->q, a, i));
	to_cmyk(c, v[0], v[1], v[2], out);
	k = qpdf_oh_new_array(c->q);
	for (i = 0; i < 4; i++)
		qpdf_oh_append_item(c->q, k,
			qpdf_oh_new_real_from_double(c->q, out[i], 4));
	qpdf_oh_replace_key(c->q, dict, key, k);
}

/* Exponential functions (cairo's gradient stops), alone or stitched. */
static void
convert_function(struct conv *c, qpdf_oh fn, int depth)
{
	qpdf_oh dict =
		qpdf_oh_is_stream(c->q, fn) ? qpdf_oh_get_dict(c->q, fn) : fn;
	qpdf_oh type = qpdf_oh_get_key(c->q, dict, "/FunctionType");
	qpdf_oh list;
	int i, n;

	if (depth > MAX_DEPTH || seen(c, fn))
		return;
	switch (qpdf_oh_get_int_value_as_int(c->q, type)) {
	case 2:
		if (!qpdf_oh_has_key(c->q, dict, "/C0") ||
			!qpdf_oh_has_key(c->q, dict, "/C1")) {
			fail(c, "a gradient without its end colours");
			return;
		}
		convert_array(c, dict, "/C0");
		convert_array(c, dict, "/C1");
		break;
	case 3:
		list = qpdf_oh_get_key(c->q, dict, "/Functions");
		n = qpdf_oh_get_array_n_items(c->q, list);
		for (i = 0; i < n; i++)
			convert_function(c,
				qpdf_oh_get_array_item(c->q, list, i),
				depth + 1);
		break;
	default:
		fail(c, "a sampled or calculated gradient");
	}
}

static void
convert_shading(struct conv *c, qpdf_oh sh)
{
	qpdf_oh dict =
		qpdf_oh_is_stream(c->q, sh) ? qpdf_oh_get_dict(c->q, sh) : sh;
	qpdf_oh fn;
	int type;

	if (seen(c, sh) ||
		!is_name(c, qpdf_oh_get_key(c->q, dict, "/ColorSpace"),
			"/DeviceRGB"))
		return;
	type = qpdf_oh_get_int_value_as_int(c->q,
		qpdf_oh_get_key(c->q, dict, "/ShadingType"));
	if (type < 1 || type > 3) {
		fail(c, "a mesh gradient");
		return;
	}
	fn = qpdf_oh_get_key(c->q, dict, "/Function");
	if (qpdf_oh_is_array(c->q, fn)) {
		fail(c, "a gradient with one function per colour");
		return;
	}
	convert_function(c, fn, 0);
	convert_array(c, dict, "/Background");
	qpdf_oh_replace_key(c->q, dict, "/ColorSpace",
		qpdf_oh_new_name(c->q, "/DeviceCMYK"));
}

/* An 8-bit RGB image, pixel by pixel. */
static void
convert_image(struct conv *c, qpdf_oh img)
{
	qpdf_oh dict = qpdf_oh_get_dict(c->q, img);
	unsigned char *data = NULL, *cmyk;
	size_t len = 0, pixels;
	QPDF_BOOL filtered = QPDF_FALSE;
	long long w, h;

	if (seen(c, img) ||
		!is_name(c, qpdf_oh_get_key(c->q, dict, "/ColorSpace"),
			"/DeviceRGB"))
		return;
	w = qpdf_oh_get_int_value(c->q, qpdf_oh_get_key(c->q, dict, "/Width"));
	h = qpdf_oh_get_int_value(c->q, qpdf_oh_get_key(c->q, dict, "/Height"));
	if (qpdf_oh_get_int_value(c->q,
		    qpdf_oh_get_key(c->q, dict, "/BitsPerComponent")) != 8 ||
		qpdf_oh_has_key(c->q, dict, "/Decode") || w <= 0 || h <= 0) {
		fail(c, "an image that is not 8-bit");
		return;
	}
	if (qpdf_oh_get_stream_data(c->q, img, qpdf_dl_all, &filtered, &data,
		    &len) != QPDF_SUCCESS ||
		!filtered || len / 3 / (size_t)w < (size_t)h) {
		free(data);
		fail(c, "an image qpdf cannot decode");
		return;
	}
	pixels = (size_t)w * (size_t)h;
	cmyk = xmalloc(pixels * 4);
	cmsDoTransform(c->rgb8, data, cmyk, (cmsUInt32Number)pixels);
	qpdf_oh_replace_stream_data(c->q, img, cmyk, pixels * 4,
		qpdf_oh_new_null(c->q), qpdf_oh_new_null(c->q));
	qpdf_oh_replace_key(c->q, dict, "/ColorSpace",
		qpdf_oh_new_name(c->q, "/DeviceCMYK"));
	free(cmyk);
	free(data);
}

static void convert_resources(struct conv *c, qpdf_oh owner, int depth);

/* A form or a tiling pattern: its content, its group, its resources. */
static void
convert_content_object(struct conv *c, qpdf_oh obj, int depth)
{
	qpdf_oh dict = qpdf_oh_get_dict(c->q, obj);

	if (depth > MAX_DEPTH ||
		g_hash_table_contains(c->done,
			GINT_TO_POINTER(qpdf_oh_get_object_id(c->q, obj))))
		return;
	convert_stream(c, obj);
	convert_group(c, dict);
	convert_resources(c, dict, depth + 1);
}

static void
convert_xobjects(struct conv *c, qpdf_oh res, int depth)
{
	size_t i, n;
	qpdf_oh *list = pdfpost_dict_values(c->q,
		qpdf_oh_get_key(c->q, res, "/XObject"), &n);

	for (i = 0; i < n && !c->failed; i++) {
		qpdf_oh sub;

		if (!qpdf_oh_is_stream(c->q, list[i]))
			continue;
		sub = qpdf_oh_get_key(c->q, qpdf_oh_get_dict(c->q, list[i]),
			"/Subtype");
		if (is_name(c, sub, "/Form"))
			convert_content_object(c, list[i], depth);
		else if (is_name(c, sub, "/Image"))
			convert_image(c, list[i]);
	}
	free(list);
}

static void
convert_patterns(struct conv *c, qpdf_oh res, int depth)
{
	size_t i, n;
	qpdf_oh *list = pdfpost_dict_values(c->q,
		qpdf_oh_get_key(c->q, res, "/Pattern"), &n);

	for (i = 0; i < n && !c->failed; i++) {
		qpdf_oh dict = qpdf_oh_is_stream(c->q, list[i])
				       ? qpdf_oh_get_dict(c->q, list[i])
				       : list[i];

		if (qpdf_oh_get_int_value_as_int(c->q,
			    qpdf_oh_get_key(c->q, dict, "/PatternType")) == 1)
			convert_content_object(c, list[i], depth);
		else
			convert_shading(c,
				qpdf_oh_get_key(c->q, dict, "/Shading"));
	}
	free(list);
}

/*
 * Everything a content stream draws with: forms, images, patterns,
 * shadings. Soft masks (in /ExtGState) stay as they are: their grey is a
 * mask's luminosity, not ink.
 */
static void
convert_resources(struct conv *c, qpdf_oh owner, int depth)
{
	qpdf_oh res = qpdf_oh_get_key(c->q, owner, "/Resources");
	size_t i, n;
	qpdf_oh *list;

	if (depth > MAX_DEPTH || !qpdf_oh_is_dictionary(c->q, res))
		return;
	convert_xobjects(c, res, depth);
	convert_patterns(c, res, depth);
	list = pdfpost_dict_values(c->q, qpdf_oh_get_key(c->q, res, "/Shading"),
		&n);
	for (i = 0; i < n; i++)
		convert_shading(c, list[i]);
	free(list);
	list = pdfpost_dict_values(c->q,
		qpdf_oh_get_key(c->q, res, "/ColorSpace"), &n);
	for (i = 0; i < n; i++)
		if (is_name(c, list[i], "/DeviceRGB") ||
			qpdf_oh_is_array(c->q, list[i]))
			fail(c, "a named colour space");
	free(list);
}

static void
convert_page(struct conv *c, qpdf_oh page)
{
	qpdf_oh content = qpdf_oh_get_key(c->q, page, "/Contents");
	int i, n;

	if (qpdf_oh_is_stream(c->q, content)) {
		convert_stream(c, content);
	} else {
		n = qpdf_oh_get_array_n_items(c->q, content);
		for (i = 0; i < n; i++)
			convert_stream(c,
				qpdf_oh_get_array_item(c->q, content, i));
	}
	convert_group(c, page);
	convert_resources(c, page, 0);
}

static int
make_transforms(struct conv *c, const char *srgb_icc, const char *cmyk_icc)
{
	cmsHPROFILE in = cmsOpenProfileFromFile(srgb_icc, "r");
	cmsHPROFILE out = cmsOpenProfileFromFile(cmyk_icc, "r");
	int rc = 0;

	if (in == NULL || out == NULL) {
		rc = diag_set(c->d, DIAG_IO,
			"cannot read the colour profile '%s' (run 'make')",
			in == NULL ? srgb_icc : cmyk_icc);
	} else {
		c->rgb = cmsCreateTransform(in, TYPE_RGB_DBL, out,
			TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC,
			cmsFLAGS_BLACKPOINTCOMPENSATION);
		c->rgb8 = cmsCreateTransform(in, TYPE_RGB_8, out, TYPE_CMYK_8,
			INTENT_RELATIVE_COLORIMETRIC,
			cmsFLAGS_BLACKPOINTCOMPENSATION);
		if (c->rgb == NULL || c->rgb8 == NULL)
			rc = diag_set(c->d, DIAG_IO,
				"cannot convert from '%s' to '%s': lcms2 "
				"refuses the profiles",
				srgb_icc, cmyk_icc);
	}
	if (in != NULL)
		cmsCloseProfile(in);
	if (out != NULL)
		cmsCloseProfile(out);
	return rc;
}

int
cmyk_convert(const unsigned char *data, size_t len, const char *srgb_icc,
	const char *cmyk_icc, unsigned char **out, size_t *out_len,
	struct diag *d)
{
	struct conv c;
	qpdf_error e;
	int rc = -1, i, n;

	memset(&c, 0, sizeof c);
	c.d = d;
	if (make_transforms(&c, srgb_icc, cmyk_icc) < 0)
		goto out;
	c.q = qpdf_init();
	c.done = g_hash_table_new(g_direct_hash, g_direct_equal);
	qpdf_silence_errors(c.q);
	if (qpdf_read_memory(c.q, "cairo's PDF", (const char *)data, len,
		    NULL) &
		QPDF_ERRORS)
		goto qpdf_failed;
	n = qpdf_get_num_pages(c.q);
	for (i = 0; i < n && !c.failed; i++)
		convert_page(&c, qpdf_get_page_n(c.q, (size_t)i));
	if (c.failed)
		goto out;
	if (qpdf_init_write_memory(c.q) & QPDF_ERRORS)
		goto qpdf_failed;
	qpdf_set_deterministic_ID(c.q, QPDF_TRUE);
	if (qpdf_write(c.q) & QPDF_ERRORS)
		goto qpdf_failed;
	*out_len = qpdf_get_buffer_length(c.q);
	*out = xmalloc(*out_len);
	memcpy(*out, qpdf_get_buffer(c.q), *out_len);
	rc = 0;
	goto out;
qpdf_failed:
	e = qpdf_get_error(c.q);
	diag_set(d, DIAG_LIB, "cannot convert the PDF to CMYK: %s",
		e != NULL ? qpdf_get_error_full_text(c.q, e) : "qpdf failed");
out:
	if (c.q != NULL) {
		if (qpdf_has_error(c.q))
			qpdf_get_error(c.q);
		qpdf_cleanup(&c.q);
	}
	if (c.done != NULL)
		g_hash_table_destroy(c.done);
	if (c.rgb != NULL)
		cmsDeleteTransform(c.rgb);
	if (c.rgb8 != NULL)
		cmsDeleteTransform(c.rgb8);
	return rc;
}
