/* test-design.c - slot discovery, transforms, variant choice and bad markup. */
#include "input/design.h"

#include <stdlib.h>

#include "check.h"

static const struct slot *
find_slot(const struct variant *v, const char *id)
{
	size_t i;

	for (i = 0; i < v->slot_count; i++)
		if (strcmp(v->slots[i].id, id) == 0)
			return &v->slots[i];
	return NULL;
}

static void
test_transformed(void)
{
	struct diag d = { 0 };
	struct variant v;
	const struct slot *s;

	CHECK(variant_load(&v, "tests/data/designs/transformed/square.svg",
		      &d) == 0);
	CHECK(d.kind == DIAG_NONE);
	CHECK_NEAR(v.width, 1000, 1e-9);
	CHECK(v.slot_count == 3);
	CHECK(v.has_background);
	s = find_slot(&v, "head");
	CHECK(s != NULL);
	if (s != NULL) {
		/* translate(100 50) scale(2) of x 10 y 20 w 300 h 100 */
		CHECK_NEAR(s->x, 120, 0.01);
		CHECK_NEAR(s->y, 90, 0.01);
		CHECK_NEAR(s->w, 600, 0.01);
		CHECK_NEAR(s->h, 200, 0.01);
		CHECK(s->kind == SLOT_TEXT);
		CHECK_STR(s->name, "headline");
		CHECK(s->caps && s->max_lines == 2 && s->weight == 400);
		CHECK(s->align == FIT_START);
		CHECK_NEAR(s->rgb[0], 1.0, 1e-9);
		CHECK_NEAR(s->rgb[1], 0xD7 / 255.0, 1e-9);
		CHECK_NEAR(s->min_size, 10, 1e-9);
		CHECK_STR(s->font, "sans");
	}
	s = find_slot(&v, "flag2");
	CHECK(s != NULL && s->kind == SLOT_FLAG && s->align == FIT_END);
	CHECK(s != NULL && strcmp(s->name, "crh") == 0);
	s = find_slot(&v, "flag1");
	CHECK(s != NULL && strcmp(s->name, "host") == 0);
	/* Defaults: white, bold, centred, one line, a quarter of the height. */
	variant_release(&v);
	CHECK(variant_load(&v, "tests/data/designs/transformed/wide.svg", &d) ==
		0);
	s = find_slot(&v, "t");
	CHECK(s != NULL && s->weight == 700 && s->max_lines == 1);
	CHECK(s != NULL && s->align == FIT_CENTER && !s->caps);
	CHECK(s != NULL && s->rgb[0] == 1.0 && s->rgb[2] == 1.0);
	CHECK_NEAR(s != NULL ? s->min_size : 0, 200, 1e-9);
	CHECK(!v.has_background);
	variant_release(&v);
}

static void
test_pick(void)
{
	struct diag d = { 0 };
	struct design *dz = design_load("designs", "liberate-crimea", &d);
	const struct variant *v;

	CHECK(dz != NULL);
	if (dz == NULL)
		return;
	CHECK(dz->variant_count == 11);
	v = design_pick(dz, 841.0 / 1189.0, &d);
	CHECK(v != NULL && strstr(v->path, "poster-portrait") != NULL);
	/* US 18x24 in is 6% off 1:sqrt2: fitted, not refused. */
	v = design_pick(dz, 18.0 / 24.0, &d);
	CHECK(v != NULL && strstr(v->path, "poster-portrait") != NULL);
	v = design_pick(dz, 3.0, &d);
	CHECK(v != NULL && strstr(v->path, "banner-3x1") != NULL);
	v = design_pick(dz, 1.0 / 3.0, &d);
	CHECK(v != NULL && strstr(v->path, "banner-1x3") != NULL);
	v = design_pick(dz, 1080.0 / 1920.0, &d);
	CHECK(v != NULL && strstr(v->path, "story") != NULL);
	v = design_pick(dz, 1080.0 / 1350.0, &d);
	CHECK(v != NULL && strstr(v->path, "feed-4x5") != NULL);
	CHECK(d.kind == DIAG_NONE);
	/* 10:1 is far from everything. */
	CHECK(design_pick(dz, 10.0, &d) == NULL);
	CHECK(d.kind == DIAG_FIT);
	CHECK_HAS(d.msg, "no variant near ratio 10:1");
	CHECK_HAS(d.msg, "3:1");
	CHECK_HAS(d.msg, "9:16");
	CHECK_HAS(d.msg, "1:1.41");
	/* Every slot of every variant has a usable box and minimum. */
	for (size_t i = 0; i < dz->variant_count; i++)
		for (size_t j = 0; j < dz->variants[i].slot_count; j++) {
			const struct slot *s = &dz->variants[i].slots[j];

			CHECK(s->w > 0 && s->h > 0 && s->min_size > 0);
			CHECK(s->x >= 0 && s->y >= 0);
			CHECK(s->x + s->w <= dz->variants[i].width);
			CHECK(s->y + s->h <= dz->variants[i].height);
		}
	design_free(dz);
}

static void
test_names(void)
{
	char **names = design_names("designs");
	size_t i;
	int found = 0;

	for (i = 0; names[i] != NULL; i++) {
		CHECK(names[i][0] != '_');
		found |= strcmp(names[i], "liberate-crimea") == 0;
	}
	CHECK(found);
	design_names_free(names);
}

static void
expect_error(const char *dir, const char *name, enum diag_kind kind,
	const char *part)
{
	struct diag d = { 0 };
	struct design *dz = design_load(dir, name, &d);

	CHECK(dz == NULL);
	CHECK(d.kind == kind);
	CHECK_HAS(d.msg, part);
	design_free(dz);
}

static void
test_errors(void)
{
	/* Whatever designs there are: adding one must not break this. */
	char **names = design_names("designs");
	char *list = g_strjoinv(", ", names);
	char *available =
		g_strdup_printf("unknown design 'nonexistent' (available: %s)",
			list);

	expect_error("tests/data/designs", "bad-color", DIAG_FORMAT,
		"a.svg:5: slot 't': bad bayraq:color 'gold' (expected "
		"#rrggbb)");
	/* sscanf's %x took signs: "#-1-1-1" once passed as a colour. */
	expect_error("tests/data/designs", "signed-color", DIAG_FORMAT,
		"a.svg:5: slot 't': bad bayraq:color '#-1-1-1' (expected "
		"#rrggbb)");
	expect_error("tests/data/designs", "no-id", DIAG_FORMAT,
		"a.svg:4: slot 'ua' has no id attribute");
	expect_error("tests/data/designs", "wrong-role", DIAG_FORMAT,
		"bad bayraq:flag 'usa' (expected ua, crh or host)");
	expect_error("tests/data/designs", "not-xml", DIAG_FORMAT, "a.svg:");
	expect_error("designs", "nonexistent", DIAG_USAGE, available);
	expect_error("designs", "../designs", DIAG_USAGE, "unknown design");
	expect_error("designs", "_flags", DIAG_USAGE, "unknown design");
	g_free(available);
	g_free(list);
	design_names_free(names);
}

/* Inkscape's mm page: slots in the viewBox's units, as the art. */
static void
test_units(void)
{
	struct diag d = { 0 };
	struct variant v;
	const struct slot *s;

	CHECK(variant_load(&v, "tests/data/designs/inkscape-mm/poster.svg",
		      &d) == 0);
	CHECK_NEAR(v.width, 297, 1e-9);
	CHECK_NEAR(v.height, 420, 1e-9);
	s = find_slot(&v, "text-headline");
	CHECK(s != NULL);
	if (s != NULL) {
		CHECK_NEAR(s->x, 30, 0.01);
		CHECK_NEAR(s->y, 150, 0.01);
		CHECK_NEAR(s->w, 240, 0.01);
		CHECK_NEAR(s->h, 80, 0.01);
	}
	variant_release(&v);
}

static void
test_ratio_text(void)
{
	char buf[32];

	design_ratio_text(3.0, buf, sizeof buf);
	CHECK_STR(buf, "3:1");
	design_ratio_text(9.0 / 16.0, buf, sizeof buf);
	CHECK_STR(buf, "9:16");
	design_ratio_text(1.0 / 1.41421356, buf, sizeof buf);
	CHECK_STR(buf, "1:1.41");
}

int
main(void)
{
	test_transformed();
	test_pick();
	test_names();
	test_errors();
	test_units();
	test_ratio_text();
	return check_done("test-design");
}
