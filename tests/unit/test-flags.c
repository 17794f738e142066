/* test-flags.c - our ua and crh drawn to spec; host flags keep their ratios;
 * a host country is found by code or by name in any language. */
#include "input/flags.h"

#include <cairo.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "check.h"

#define ISO_CODES "/usr/share/iso-codes/json"

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
	size_t i;

	for (i = 0; i < sizeof ratios / sizeof ratios[0]; i++) {
		RsvgHandle *h = flags_open(fl, ratios[i].code, &d);

		CHECK(h != NULL);
		if (h == NULL)
			continue;
		CHECK_NEAR(flags_ratio(h), ratios[i].ratio, 0.01);
		g_object_unref(h);
	}
	CHECK(flags_country_codes(fl)[0] != NULL);
}

/* text names the flag code. */
static void
check_names(const struct flags *fl, const char *text, const char *code)
{
	struct diag d = { 0 };
	char got[FLAGS_CODE_SIZE] = "";

	CHECK(flags_country(fl, text, got, &d) == 0);
	CHECK(d.kind == DIAG_NONE);
	CHECK_STR(got, code);
	if (strcmp(got, code) != 0)
		fprintf(stderr, "  '%s' gave '%s': %s\n", text, got, d.msg);
}

/* Alpha-2 and alpha-3 codes in any case, aliases, the page's form. */
static void
test_codes(const struct flags *fl)
{
	check_names(fl, "pl", "PL");
	check_names(fl, "Np", "NP");
	check_names(fl, "POL", "PL");
	check_names(fl, "deu", "DE");
	check_names(fl, "GBR", "GB");
	check_names(fl, "UK", "GB");
	check_names(fl, "uk", "GB");
	check_names(fl, "EL", "GR");
	check_names(fl, " de ", "DE");
	check_names(fl, "Germany (DE)", "DE");
	check_names(fl, "Scotland (GB-SCT)", "GB-SCT");
	check_names(fl, "XK", "XK");
}

/* Names in English, current and older, and in other languages. */
static void
test_names(const struct flags *fl)
{
	check_names(fl, "Poland", "PL");
	check_names(fl, "POLAND", "PL");
	check_names(fl, "Polska", "PL");
	check_names(fl, "Deutschland", "DE");
	check_names(fl, "Allemagne", "DE");
	check_names(fl, "Alemania", "DE");
	check_names(fl, "Україна", "UA");
	check_names(fl, "УКРАЇНА", "UA");
	check_names(fl, "საქართველო", "GE");
	check_names(fl, "Sakartvelo", "GE");
	check_names(fl, "Gruzja", "GE");
	check_names(fl, "Lietuva", "LT");
	check_names(fl, "Türkiye", "TR");
	check_names(fl, "turkiye", "TR");
	check_names(fl, "Turkey", "TR");
	check_names(fl, "Eswatini", "SZ");
	check_names(fl, "Swaziland", "SZ");
	check_names(fl, "North Macedonia", "MK");
	check_names(fl, "Czechia", "CZ");
	check_names(fl, "Czech Republic", "CZ");
	check_names(fl, "Cote d'Ivoire", "CI");
	check_names(fl, "côte d’ivoire", "CI");
	check_names(fl, "the Netherlands", "NL");
	check_names(fl, "United States", "US");
	check_names(fl, "South Korea", "KR");
	check_names(fl, "日本", "JP");
	check_names(fl, "ألمانيا", "DE");
	check_names(fl, "גרמניה", "DE");
	check_names(fl, "Great Britain", "GB");
	check_names(fl, "Vereinigtes Königreich", "GB");
	check_names(fl, "Kosovo", "XK");
}

/* The set's subdivisions and the EU, by code and by name. */
static void
test_subdivisions(const struct flags *fl)
{
	const char *const *codes = flags_country_codes(fl);
	struct diag d = { 0 };
	size_t i, subdivisions = 0;

	for (i = 0; codes[i] != NULL; i++) {
		RsvgHandle *h;

		if (strchr(codes[i], '-') == NULL)
			continue;
		subdivisions++;
		/* Each is reachable by its code and its name. */
		check_names(fl, codes[i], codes[i]);
		check_names(fl, flags_country_name(fl, codes[i]), codes[i]);
		h = flags_open(fl, codes[i], &d);
		CHECK(h != NULL);
		if (h != NULL)
			g_object_unref(h);
	}
	CHECK(subdivisions >= 4);
	check_names(fl, "gb-sct", "GB-SCT");
	check_names(fl, "Scotland", "GB-SCT");
	check_names(fl, "Alba", "GB-SCT");
	check_names(fl, "Wales", "GB-WLS");
	check_names(fl, "Cymru", "GB-WLS");
	check_names(fl, "England", "GB-ENG");
	check_names(fl, "Northern Ireland", "GB-NIR");
	check_names(fl, "EU", "EU");
	check_names(fl, "European Union", "EU");
	check_names(fl, "Europäische Union", "EU");
	check_names(fl, "Unia Europejska", "EU");
	CHECK_STR(flags_country_name(fl, "GB-SCT"), "Scotland");
	CHECK_STR(flags_country_name(fl, "EU"), "European Union");
}

/* Current names from iso-codes; names in a language from ICU. */
static void
test_current_names(const struct flags *fl)
{
	char buf[128];

	CHECK_STR(flags_country_name(fl, "PL"), "Poland");
	CHECK_STR(flags_country_name(fl, "SZ"), "Eswatini");
	CHECK_STR(flags_country_name(fl, "MK"), "North Macedonia");
	CHECK_STR(flags_country_name(fl, "CZ"), "Czechia");
	CHECK_STR(flags_country_name(fl, "TR"), "Türkiye");
	CHECK_STR(flags_country_name(fl, "AN"), "Netherlands Antilles");
	CHECK(flags_country_name(fl, "XX") == NULL);
	CHECK(flags_country_local_name(fl, "PL", "de", buf, sizeof buf) == 0);
	CHECK_STR(buf, "Polen");
	CHECK(flags_country_local_name(fl, "GE", "ka", buf, sizeof buf) == 0);
	CHECK_STR(buf, "საქართველო");
	CHECK(flags_country_local_name(fl, "UA", "uk", buf, sizeof buf) == 0);
	CHECK_STR(buf, "Україна");
	/* No name in that language: the English one. */
	CHECK(flags_country_local_name(fl, "PL", "xx", buf, sizeof buf) < 0);
	CHECK_STR(buf, "Poland");
	/* A short buffer never cuts a letter in two. */
	CHECK(flags_country_local_name(fl, "GE", "ka", buf, 5) == 0);
	CHECK_STR(buf, "ს");
	CHECK(flags_country_local_name(fl, "GB-SCT", "de", buf, sizeof buf) <
		0);
	CHECK_STR(buf, "Scotland");
}

/* However Russia is named, it is never a host flag, and says why. */
static void
test_russia(const struct flags *fl)
{
	static const char *const names[] = { "RU", "ru", "RUS", "Russia",
		"Russian Federation", "russia", "Россия", "Росія", "Russland",
		"Rosja", "Rusya", "რუსეთი", "Russia (RU)" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct diag d = { 0 };
		char code[FLAGS_CODE_SIZE] = "";

		CHECK(flags_host(fl, names[i], code, &d) < 0);
		CHECK(d.kind == DIAG_USAGE);
		CHECK_HAS(d.msg, "the flag of the Russian Federation is never "
				 "a host flag");
		CHECK_HAS(d.msg, "give the country you demonstrate in");
		if (d.kind != DIAG_USAGE)
			fprintf(stderr, "  '%s' was not refused\n", names[i]);
		diag_clear(&d);
		CHECK(flags_country(fl, names[i], code, &d) == 0);
		CHECK_STR(code, "RU");
	}
}

static void
check_unknown(const struct flags *fl, const char *text, const char *msg)
{
	struct diag d = { 0 };
	char code[FLAGS_CODE_SIZE];

	CHECK(flags_country(fl, text, code, &d) < 0);
	CHECK(d.kind == DIAG_USAGE);
	CHECK_HAS(d.msg, msg);
	CHECK(strchr(d.msg, '\n') == NULL);
}

/* An unknown name: the nearest one, never Russia; else what to give. */
static void
test_unknown(const struct flags *fl)
{
	struct diag d = { 0 };
	char code[FLAGS_CODE_SIZE];

	check_unknown(fl, "XX", "unknown country 'XX'");
	check_unknown(fl, "Polnd", "did you mean 'Poland', PL?");
	check_unknown(fl, "Deutchland", "did you mean 'Deutschland', DE?");
	check_unknown(fl, "Scottland", "did you mean 'Scotland', GB-SCT?");
	check_unknown(fl, "Xyzzyq", "expected a name such as Poland");
	check_unknown(fl, "../", "unknown country '../'");
	check_unknown(fl, "a\nb", "unknown country 'a?b'");
	check_unknown(fl, "\xff\xfe", "unknown country '");
	CHECK(flags_country(fl, "Russsia", code, &d) < 0);
	CHECK(strstr(d.msg, "RU?") == NULL);
	diag_clear(&d);
	/* Spanish. */
	CHECK(flags_host(fl, "Rusia", code, &d) < 0);
	CHECK_HAS(d.msg, "never a host flag");
}

/*
 * Every shipped language: ICU's name of each flag in it finds that flag
 * again, unless a stronger name (another flag's) has the same letters.
 */
static void
test_every_language(const struct flags *fl)
{
	const char *const *codes = flags_country_codes(fl);
	GDir *dir = g_dir_open("locales", 0, NULL);
	const char *file;
	size_t langs = 0;

	CHECK(dir != NULL);
	while (dir != NULL && (file = g_dir_read_name(dir)) != NULL) {
		char *tag, name[256];
		size_t i, found = 0, named = 0;

		if (!g_str_has_suffix(file, ".po"))
			continue;
		tag = g_strndup(file, strlen(file) - 3);
		langs++;
		for (i = 0; codes[i] != NULL; i++) {
			struct diag d = { 0 };
			char code[FLAGS_CODE_SIZE] = "";

			if (flags_country_local_name(fl, codes[i], tag, name,
				    sizeof name) < 0)
				continue;
			named++;
			if (flags_country(fl, name, code, &d) == 0 &&
				strcmp(code, codes[i]) == 0)
				found++;
			else
				fprintf(stderr, "  %s: '%s' (%s) gave %s\n",
					tag, name, codes[i],
					code[0] ? code : d.msg);
		}
		/* A language ICU has names in: nearly all of them work. */
		CHECK(named == 0 || found + 3 >= named);
		g_free(tag);
	}
	if (dir != NULL)
		g_dir_close(dir);
	CHECK(langs >= 2);
}

static void *
look_up(void *arg)
{
	const struct flags *fl = arg;
	struct diag d = { 0 };
	char code[FLAGS_CODE_SIZE] = "";

	if (flags_country(fl, "Sakartvelo", code, &d) < 0 ||
		strcmp(code, "GE") != 0)
		return (void *)1;
	if (flags_country(fl, "Alemania", code, &d) < 0 ||
		strcmp(code, "DE") != 0)
		return (void *)1;
	return NULL;
}

/* Threads share the country list: the first lookups race to index it. */
static void
test_threads(void)
{
	static const char *const langs[] = { "ka", NULL };
	struct diag d = { 0 };
	struct flags *fl = flags_new("designs/_flags", "build/flags/package",
		ISO_CODES, langs, &d);
	pthread_t t[4];
	size_t i;

	CHECK(fl != NULL);
	if (fl == NULL)
		return;
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, look_up, fl);
	for (i = 0; i < 4; i++) {
		void *bad;

		pthread_join(t[i], &bad);
		CHECK(bad == NULL);
	}
	flags_free(fl);
}

static char **
shipped_languages(void)
{
	GPtrArray *tags = g_ptr_array_new();
	GDir *dir = g_dir_open("locales", 0, NULL);
	const char *file;

	while (dir != NULL && (file = g_dir_read_name(dir)) != NULL)
		if (g_str_has_suffix(file, ".po"))
			g_ptr_array_add(tags,
				g_strndup(file, strlen(file) - 3));
	if (dir != NULL)
		g_dir_close(dir);
	g_ptr_array_add(tags, NULL);
	return (char **)g_ptr_array_free(tags, FALSE);
}

int
main(void)
{
	struct diag d = { 0 };
	char **langs = shipped_languages();
	struct flags *fl = flags_new("designs/_flags", "build/flags/package",
		ISO_CODES, (const char *const *)langs, &d);

	CHECK(fl != NULL);
	if (fl == NULL) {
		fprintf(stderr, "%s\n", d.msg);
		return check_done("test-flags");
	}
	test_ukraine(fl);
	test_crimean_tatar(fl);
	test_hosts(fl);
	test_codes(fl);
	test_names(fl);
	test_subdivisions(fl);
	test_current_names(fl);
	test_russia(fl);
	test_unknown(fl);
	test_every_language(fl);
	flags_free(fl);
	g_strfreev(langs);
	test_threads();
	fl = flags_new("designs/_flags", "build/no-such-set", ISO_CODES, NULL,
		&d);
	CHECK(fl == NULL && d.kind == DIAG_IO);
	CHECK_HAS(d.msg, "make flags");
	diag_clear(&d);
	fl = flags_new("designs/_flags", "build/flags/package",
		"build/no-such-iso-codes", NULL, &d);
	CHECK(fl == NULL && d.kind == DIAG_IO);
	CHECK_HAS(d.msg, "iso-codes");
	return check_done("test-flags");
}
