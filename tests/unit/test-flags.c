/* test-flags.c - our ua and crh drawn to spec; host flags keep their ratios. */
#include "input/flags.h"

#include <cairo.h>
#include <stdint.h>

#include "check.h"

/* Renders a flag into w x h pixels; the caller destroys the surface. */
static cairo_surface_t *
draw(RsvgHandle *h, int w, int hh)
{
	cairo_surface_t *s =
		cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, hh);
	cairo_t *cr = cairo_create(s);
	RsvgRectangle vp = { 0, 0, w, hh };

	cairo_set_source_rgb(cr, 1, 0, 1);
	cairo_paint(cr);
	rsvg_handle_render_document(h, cr, &vp, NULL);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return s;
}

static uint32_t
pixel(cairo_surface_t *s, double x, double y)
{
	unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	const uint32_t *row =
		(const uint32_t *)(const void *)(data + (int)y * stride);

	return row[(int)x] & 0xffffff;
}

static void
test_ukraine(const struct flags *fl)
{
	struct diag d = { 0 };
	RsvgHandle *h = flags_open(fl, "ua", &d);
	cairo_surface_t *s;

	CHECK(h != NULL);
	if (h == NULL)
		return;
	CHECK_NEAR(flags_ratio(h), 1.5, 1e-9);
	s = draw(h, 300, 200);
	CHECK(pixel(s, 150, 50) == 0x0057B7);
	CHECK(pixel(s, 150, 150) == 0xFFD700);
	CHECK(pixel(s, 2, 98) == 0x0057B7);
	CHECK(pixel(s, 2, 101) == 0xFFD700);
	cairo_surface_destroy(s);
	g_object_unref(h);
	/* The flag set's Ukraine has old colours: ours is used for UA. */
	h = flags_open(fl, "UA", &d);
	s = draw(h, 300, 200);
	CHECK(pixel(s, 150, 50) == 0x0057B7);
	cairo_surface_destroy(s);
	g_object_unref(h);
}

/* u = H / 19.5; the tamga's cells are read at their centres. */
static void
test_crimean_tatar(const struct flags *fl)
{
	struct diag d = { 0 };
	RsvgHandle *h = flags_open(fl, "crh", &d);
	const double u = 20;
	cairo_surface_t *s;

	CHECK(h != NULL);
	if (h == NULL)
		return;
	CHECK_NEAR(flags_ratio(h), 2.0, 1e-9);
	s = draw(h, 780, 390);
	CHECK(pixel(s, 30 * u, 15 * u) == 0x00A3DD);
	CHECK(pixel(s, 7.5 * u, 3.5 * u) == 0xF8D80E); /* bar */
	CHECK(pixel(s, 4.5 * u, 5.5 * u) == 0xF8D80E); /* left leg */
	CHECK(pixel(s, 3.5 * u, 6.5 * u) == 0xF8D80E); /* left foot, out */
	CHECK(pixel(s, 11.5 * u, 6.5 * u) == 0xF8D80E); /* right foot, out */
	CHECK(pixel(s, 7.5 * u, 7.5 * u) == 0xF8D80E); /* middle leg, longer */
	CHECK(pixel(s, 6.5 * u, 7.5 * u) == 0xF8D80E); /* its base */
	CHECK(pixel(s, 8.5 * u, 7.5 * u) == 0xF8D80E);
	CHECK(pixel(s, 6 * u, 5.5 * u) == 0x00A3DD); /* between legs */
	CHECK(pixel(s, 4.5 * u, 7.5 * u) == 0x00A3DD); /* outer legs end at 7 */
	CHECK(pixel(s, 7.5 * u, 2.5 * u) == 0x00A3DD); /* nothing above bar */
	CHECK(pixel(s, 3.5 * u, 3.5 * u) == 0x00A3DD); /* prongs hang down */
	cairo_surface_destroy(s);
	g_object_unref(h);
}

static void
test_hosts(const struct flags *fl)
{
	static const struct {
		const char *code;
		double ratio;
	} ratios[] = { { "CH", 1.0 }, { "QA", 1400.0 / 550.0 }, { "PL", 1.6 },
		{ "DE", 5.0 / 3.0 }, { "US", 7410.0 / 3900.0 } };
	struct diag d = { 0 };
	char code[3];
	size_t i;

	for (i = 0; i < sizeof ratios / sizeof ratios[0]; i++) {
		RsvgHandle *h = flags_open(fl, ratios[i].code, &d);

		CHECK(h != NULL);
		if (h == NULL)
			continue;
		CHECK_NEAR(flags_ratio(h), ratios[i].ratio, 0.01);
		g_object_unref(h);
	}
	CHECK(flags_country(fl, "pl", code, &d) == 0);
	CHECK_STR(code, "PL");
	CHECK_STR(flags_country_name(fl, "PL"), "Poland");
	CHECK(flags_country(fl, "Np", code, &d) == 0);
	CHECK(d.kind == DIAG_NONE);
	CHECK(flags_country(fl, "XX", code, &d) < 0);
	CHECK(d.kind == DIAG_USAGE);
	CHECK_HAS(d.msg, "unknown country 'XX'");
	diag_clear(&d);
	CHECK(flags_country(fl, "POL", code, &d) < 0);
	diag_clear(&d);
	CHECK(flags_country(fl, "../", code, &d) < 0);
	CHECK(flags_country_codes(fl)[0] != NULL);
}

int
main(void)
{
	struct diag d = { 0 };
	struct flags *fl =
		flags_new("designs/_flags", "build/flags/package", &d);

	CHECK(fl != NULL);
	if (fl == NULL) {
		fprintf(stderr, "%s\n", d.msg);
		return check_done("test-flags");
	}
	test_ukraine(fl);
	test_crimean_tatar(fl);
	test_hosts(fl);
	flags_free(fl);
	fl = flags_new("designs/_flags", "build/no-such-set", &d);
	CHECK(fl == NULL && d.kind == DIAG_IO);
	CHECK_HAS(d.msg, "make flags");
	return check_done("test-flags");
}
