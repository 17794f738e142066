/* test-flagrow.c - rows and columns of flags: one height, even gaps. */
#include "layout/flagrow.h"

#include "check.h"

/* The poster's top row: ua 3:2, crh 2:1, host 2:1 boxes, gaps of 30. */
static void
poster_row(struct flagrow_item it[3], double host_ratio)
{
	it[0] = (struct flagrow_item){ .sx = 85,
		.sy = 80,
		.sw = 210,
		.sh = 140,
		.align = FIT_CENTER,
		.ratio = 1.5 };
	it[1] = (struct flagrow_item){ .sx = 325,
		.sy = 80,
		.sw = 280,
		.sh = 140,
		.align = FIT_CENTER,
		.ratio = 2 };
	it[2] = (struct flagrow_item){ .sx = 635,
		.sy = 80,
		.sw = 280,
		.sh = 140,
		.align = FIT_START,
		.ratio = host_ratio };
}

static void
test_row_centred(void)
{
	/* Switzerland, Nepal (about 0.82), Poland, Qatar. */
	const double hosts[] = { 1, 0.8211, 1.6, 28.0 / 11 };
	struct flagrow_item it[3];
	size_t i;

	for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		poster_row(it, hosts[i]);
		flagrow_place(it, 3);
		/* One group centred on the page's (and the slots') 500. */
		CHECK_NEAR((it[0].x + it[2].x + it[2].w) / 2, 500, 1e-9);
		CHECK_NEAR(it[1].x - it[0].x - it[0].w, 30, 1e-9);
		CHECK_NEAR(it[2].x - it[1].x - it[1].w, 30, 1e-9);
		CHECK_NEAR(it[0].h, it[1].h, 1e-9);
		CHECK_NEAR(it[0].h, it[2].h, 1e-9);
		CHECK_NEAR(it[2].w / it[2].h, hosts[i], 1e-9);
		CHECK(it[0].x >= 85 - 1e-9 && it[2].x + it[2].w <= 915 + 1e-9);
		CHECK(it[0].h <= 140 + 1e-9);
		/* Centred across the row's line. */
		CHECK_NEAR(it[1].y + it[1].h / 2, 150, 1e-9);
	}
	/* Switzerland: full height; Qatar: all lower, filling the row. */
	poster_row(it, 1);
	flagrow_place(it, 3);
	CHECK_NEAR(it[0].h, 140, 1e-9);
	CHECK_NEAR(it[2].w, 140, 1e-9);
	poster_row(it, 28.0 / 11);
	flagrow_place(it, 3);
	CHECK(it[0].h < 140);
	CHECK_NEAR(it[0].x, 85, 1e-9);
	CHECK_NEAR(it[2].x + it[2].w, 915, 1e-9);
}

static void
test_empty_host(void)
{
	struct flagrow_item it[3];

	poster_row(it, 0);
	flagrow_place(it, 3);
	CHECK(it[2].w == 0 && it[2].h == 0);
	CHECK_NEAR((it[0].x + it[1].x + it[1].w) / 2, 500, 1e-9);
	CHECK_NEAR(it[1].x - it[0].x - it[0].w, 30, 1e-9);
	CHECK_NEAR(it[0].h, 140, 1e-9);
}

static void
test_column(void)
{
	/* The 3:1 banner's stack: 480 x 230 boxes, gaps of 55. */
	struct flagrow_item it[3];
	size_t i;

	for (i = 0; i < 3; i++)
		it[i] = (struct flagrow_item){ .sx = 110,
			.sy = 100 + 285 * (double)i,
			.sw = 480,
			.sh = 230,
			.align = FIT_CENTER,
			.ratio = i == 0 ? 1.5 : 2 };
	it[2].ratio = 28.0 / 11;
	flagrow_place(it, 3);
	/* Qatar's width sets the height of all three. */
	CHECK_NEAR(it[2].w, 480, 1e-9);
	CHECK_NEAR(it[0].h, it[2].h, 1e-9);
	for (i = 0; i < 3; i++)
		CHECK_NEAR(it[i].x + it[i].w / 2, 350, 1e-9);
	CHECK_NEAR(it[1].y - it[0].y - it[0].h, 55, 1e-9);
	CHECK_NEAR(it[2].y - it[1].y - it[1].h, 55, 1e-9);
	CHECK_NEAR((it[0].y + it[2].y + it[2].h) / 2, 500, 1e-9);
	/* An empty last slot: two flags, no taller than a slot, centred. */
	it[2].ratio = 0;
	flagrow_place(it, 3);
	CHECK_NEAR(it[0].h, 230, 1e-9);
	CHECK_NEAR((it[0].y + it[1].y + it[1].h) / 2, 500, 1e-9);
}

static void
test_alone(void)
{
	/* Off any line: each flag in its own box, per its align. */
	struct flagrow_item it[2] = {
		{ .sx = 100,
			.sy = 500,
			.sw = 300,
			.sh = 300,
			.align = FIT_CENTER,
			.ratio = 1.5 },
		{ .sx = 500,
			.sy = 500,
			.sw = 400,
			.sh = 100,
			.align = FIT_END,
			.ratio = 2 },
	};

	flagrow_place(it, 2);
	CHECK_NEAR(it[0].w, 300, 1e-9);
	CHECK_NEAR(it[0].y, 550, 1e-9);
	CHECK_NEAR(it[1].h, 100, 1e-9);
	CHECK_NEAR(it[1].x + it[1].w, 900, 1e-9);
}

/*
 * The sign's flags: ua and crh in a row, the host in a row of its own
 * under them. With the host's row empty, the first row moves down to the
 * middle of the two; with the host slot far below, nothing moves.
 */
static void
test_empty_row_stacked(void)
{
	struct flagrow_item it[3] = {
		{ .sx = 44.2, .sy = 185.4, .sw = 85, .sh = 56.7, .ratio = 1.5 },
		{ .sx = 139.4,
			.sy = 185.4,
			.sw = 113.4,
			.sh = 56.7,
			.ratio = 2 },
		{ .sx = 91.8, .sy = 271.6, .sw = 113.4, .sh = 56.7 },
	};

	flagrow_place(it, 3);
	CHECK_NEAR(it[0].y, (185.4 + 271.6 + 56.7) / 2 - it[0].h / 2, 1e-9);
	CHECK_NEAR(it[1].y, it[0].y, 1e-9);
	CHECK_NEAR(it[0].x, 44.2, 1e-9);
	CHECK_NEAR(it[2].w, 0, 1e-9);
	it[2].sy = 400;
	flagrow_place(it, 3);
	CHECK_NEAR(it[0].y + it[0].h / 2, 185.4 + 56.7 / 2, 1e-9);
	it[2].sy = 271.6;
	it[2].ratio = 1;
	flagrow_place(it, 3);
	CHECK_NEAR(it[0].y + it[0].h / 2, 185.4 + 56.7 / 2, 1e-9);
	CHECK_NEAR(it[2].y, 271.6, 1e-9);
}

int
main(void)
{
	test_row_centred();
	test_empty_host();
	test_column();
	test_alone();
	test_empty_row_stacked();
	return check_done("test-flagrow");
}
