/* test-paper.c - named sizes, units and orientation. */
#include "input/paper.h"

#include "check.h"

static void
test_named(void)
{
	struct diag d = { 0 };
	struct paper p;

	CHECK(paper_parse(&p, "A2", &d) == 0);
	CHECK_NEAR(p.width_pt, 1190.55, 0.01);
	CHECK_NEAR(p.height_pt, 1683.78, 0.01);
	CHECK_STR(p.label, "A2");
	CHECK(p.family == PAPER_ISO);
	CHECK(paper_parse(&p, "a4", &d) == 0);
	CHECK_NEAR(p.width_pt, 595.28, 0.01);
	CHECK(paper_parse(&p, "letter", &d) == 0);
	CHECK_NEAR(p.width_pt, 612, 0.001);
	CHECK_NEAR(p.height_pt, 792, 0.001);
	CHECK(p.family == PAPER_US);
	CHECK(paper_parse(&p, "banner-3x1m", &d) == 0);
	CHECK_NEAR(p.width_pt, 3000 * 72 / 25.4, 0.01);
	CHECK_NEAR(p.height_pt, 1000 * 72 / 25.4, 0.01);
	CHECK(paper_parse(&p, "story-1080x1920", &d) == 0);
	CHECK(p.width_px == 1080 && p.height_px == 1920);
	CHECK(paper_parse(&p, "feed-1080x1350", &d) == 0);
	CHECK(p.width_px == 1080 && p.height_px == 1350);
	CHECK(paper_parse(&p, "24x36in", &d) == 0);
	CHECK_NEAR(p.height_pt, 36 * 72, 0.001);
	CHECK(d.kind == DIAG_NONE);
}

static void
test_units(void)
{
	struct diag d = { 0 };
	struct paper p;
	size_t w, h;

	CHECK(paper_parse(&p, "594x841mm", &d) == 0);
	CHECK_NEAR(p.width_pt, 1683.78, 0.01);
	CHECK_STR(p.label, "594x841mm");
	CHECK(paper_parse(&p, "59.4x84.1cm", &d) == 0);
	CHECK_NEAR(p.height_pt, 2383.94, 0.01);
	CHECK(paper_parse(&p, "100x200pt", &d) == 0);
	CHECK_NEAR(p.width_pt, 100, 1e-9);
	CHECK(paper_parse(&p, "1200x628PX", &d) == 0);
	CHECK(p.width_px == 1200 && p.height_px == 628);
	CHECK_NEAR(p.width_pt, 900, 1e-9);
	paper_pixels(&p, 300, &w, &h);
	CHECK(w == 1200 && h == 628);
	CHECK_NEAR(paper_dpi(&p, 300), 96, 1e-9);
	CHECK(paper_parse(&p, "A4", &d) == 0);
	paper_pixels(&p, 150, &w, &h);
	CHECK(w == 1240 && h == 1754);
	CHECK_NEAR(paper_dpi(&p, 150), 150, 1e-9);
}

static void
test_orientation(void)
{
	struct diag d = { 0 };
	struct paper p;

	paper_parse(&p, "A3", &d);
	CHECK(paper_orient(&p, "landscape", &d) == 0);
	CHECK(p.width_pt > p.height_pt);
	CHECK_STR(p.label, "A3-landscape");
	CHECK(paper_orient(&p, "landscape", &d) == 0);
	CHECK_STR(p.label, "A3-landscape");
	paper_parse(&p, "banner-2x1m", &d);
	CHECK(paper_orient(&p, "portrait", &d) == 0);
	CHECK_NEAR(p.width_pt, 1000 * 72 / 25.4, 0.01);
	paper_parse(&p, "story-1080x1920", &d);
	CHECK(paper_orient(&p, "landscape", &d) == 0);
	CHECK(p.width_px == 1920 && p.height_px == 1080);
	CHECK(paper_orient(&p, "sideways", &d) < 0);
	CHECK(d.kind == DIAG_USAGE);
	CHECK_HAS(d.msg, "portrait, landscape");
}

static void
test_errors(void)
{
	static const char *const bad[] = { "A7", "594x841", "594x841yd",
		"0x100mm", "x100mm", "100xmm", "10x10.5px", "5x5mm", "-10x10mm",
		"", "60000x1000mm", "1200x6e218px", "6e218x10px" };
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct diag d = { 0 };
		struct paper p;

		CHECK(paper_parse(&p, bad[i], &d) < 0);
		CHECK(d.kind == DIAG_USAGE);
	}
	{
		struct diag d = { 0 };
		struct paper p;

		paper_parse(&p, "B5", &d);
		CHECK_HAS(d.msg, "unknown size 'B5'");
		CHECK_HAS(d.msg, "A5, A4, A3");
		CHECK_HAS(d.msg, "banner-3x1m");
	}
}

/* Every named size has a word for the web page's menu, and only the sizes
 * named by us (banner-3x1m) go by their dimensions alone. */
static void
test_named_use(void)
{
	char desc[96], dims[48];
	const char *name, *use;
	int own_name;
	size_t i;

	for (i = 0; (name = paper_named(i, desc, sizeof desc)) != NULL; i++) {
		use = paper_named_use(i, dims, sizeof dims, &own_name);
		CHECK(use != NULL && use[0] != '\0');
		CHECK(strspn(use, "abcdefghijklmnopqrstuvwxyz") == strlen(use));
		CHECK(strncmp(desc, dims, strlen(dims)) == 0);
		CHECK(own_name == (strcmp(name, "A2") == 0 ||
					  strcmp(name, "letter") == 0 ||
					  strchr(name, '-') == NULL));
	}
	CHECK(paper_named_use(i, dims, sizeof dims, &own_name) == NULL);
}

/* Sheets for tile: paper, and only paper in the list of an error. */
static void
test_sheets(void)
{
	struct diag d = { 0 };
	struct paper p;

	CHECK(paper_parse_sheet(&p, "a4", &d) == 0);
	CHECK(p.family == PAPER_ISO);
	CHECK(paper_parse_sheet(&p, "letter", &d) == 0);
	CHECK(paper_parse_sheet(&p, "300x200mm", &d) == 0);
	CHECK(paper_parse_sheet(&p, "banner-3x1m", &d) < 0);
	CHECK(d.kind == DIAG_USAGE);
	CHECK_HAS(d.msg, "unknown sheet size 'banner-3x1m'");
	CHECK_HAS(d.msg, "A5, A4, A3");
	CHECK_HAS(d.msg, "24x36in, or WxH with mm, cm, in or pt)");
	CHECK(strstr(d.msg, "story") == NULL);
	CHECK(strstr(d.msg, "banner-2x1m") == NULL);
}

int
main(void)
{
	test_named();
	test_named_use();
	test_units();
	test_orientation();
	test_errors();
	test_sheets();
	return check_done("test-paper");
}
