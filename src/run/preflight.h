/* preflight.h - what a print shop checks in a PDF, read with qpdf and poppler.
 */
#ifndef BAYRAQ_PREFLIGHT_H
#define BAYRAQ_PREFLIGHT_H

#include <stddef.h>

#include "base/diag.h"
#include "base/limits.h"
#include "write/hairline.h"

/* The thresholds preflight holds a file to; docs/printing.md lists them. */
/* Thinner lines may not print; bayraq raises its own to it (hairline.h). */
#define PREFLIGHT_HAIRLINE_PT HAIRLINE_MIN_PT
#define PREFLIGHT_SMALL_TEXT_PT 6.0 /* smaller text may not be legible */
#define PREFLIGHT_WHITE_BLEED_MM 2.0 /* white along a bleed's edge */
#define PREFLIGHT_INK_FOGRA39 300.0 /* total ink, C + M + Y + K, percent */
#define PREFLIGHT_INK_GRACOL 320.0
#define PREFLIGHT_INK_PIXELS 4e6 /* the ink render's pixels per page */

enum { SIDE_LEFT, SIDE_TOP, SIDE_RIGHT, SIDE_BOTTOM };

/*
 * One page as it is seen: /Rotate applied, cut to its CropBox. Boxes are
 * x0, y0, x1, y1 in points from the crop box's top left, y down, with
 * /UserUnit applied.
 */
struct preflight_page {
	double user_unit;
	int rotate; /* 0, 90, 180, 270 */
	double media[4], crop[4], trim[4], bleed[4];
	int has_trim, has_bleed, has_crop;
	double crop_cuts; /* how far the CropBox cuts into the trim, pt */
	double bleed_side[4]; /* SIDE_LEFT...: as seen */
	int white_bleed[4]; /* paper white along that side's outer edge */
	int bleed_rendered; /* white_bleed was looked at */
	int has_text;
	double text_margin; /* nearest text to the trim edge, in points */
	double min_text_pt; /* smallest text; INFINITY without text */
	double min_line_pt; /* thinnest stroke; INFINITY without strokes */
	size_t images;
	double min_ppi; /* of raster images at their printed size */
	double max_ink; /* total ink of the inkiest spot, percent; or -1 */
};

/* A problem, and the pages it is on. */
struct preflight_problem {
	char msg[200];
	char pages[80]; /* "2, 3, 5" */
	size_t page_count;
};

/* One raster image as it prints. */
struct preflight_image {
	size_t page; /* 1-based */
	int width, height; /* pixels */
	double w_mm, h_mm; /* its printed size, /UserUnit applied */
	double ppi; /* pixels per inch across, at that size */
};

/* Below this, an image looks blurry or blocky in print (docs/printing.md). */
#define PREFLIGHT_MIN_PPI 150.0
/* The images struct preflight lists, at most. */
#define PREFLIGHT_MAX_IMAGES 1000

/* The first page's boxes and the document's least values (the report). */
struct preflight {
	size_t pages;
	struct preflight_page *page; /* pages of them */
	char version[8];
	double user_unit;
	double media[4], trim[4], bleed[4];
	int has_trim, has_bleed;
	double bleed_side[4]; /* left, top, right, bottom */
	int encrypted, print_allowed;
	char pdfx[32]; /* GTS_PDFXVersion, or "" */
	char intent[80]; /* OutputConditionIdentifier, or "" */
	/* its /Info, the condition's name ("GRACoL 2006 Coated #1 ..."), or ""
	 */
	char intent_info[128];
	char intent_class[5]; /* the profile's device class: "prtr" */
	char intent_space[5]; /* the profile's colour space: "CMYK" */
	unsigned char *intent_icc; /* the profile itself, or NULL */
	size_t intent_icc_len;
	double ink_limit; /* total ink allowed, percent: told or the intent's */
	double max_ink; /* of any page, or -1 when not measured */
	char ink_note[280]; /* why the ink was not measured, or "" */
	size_t fonts, fonts_embedded;
	char colour_spaces[160]; /* "DeviceRGB (with DefaultRGB), ICCBased" */
	size_t images;
	double min_ppi; /* of raster images at their printed size */
	/* Each raster image poppler can read, page by page, in print. */
	struct preflight_image *image; /* image_count of them */
	size_t image_count;
	int has_text;
	double text_margin; /* nearest text to the trim edge, in points */
	double min_text_pt; /* smallest text on any page; or INFINITY */
	double min_line_pt; /* thinnest stroke on any page; or INFINITY */
	double safe; /* the margin text must keep */
	struct preflight_problem problems[PREFLIGHT_MAX_PROBLEMS];
	size_t problem_count;
};

/*
 * Reads the PDF at path and checks every page as a print shop would, with
 * /Rotate and the CropBox applied: a trim and a bleed box with bleed on
 * every side (3 mm, 5 mm larger than A0) that the artwork fills, PDF/X
 * with a CMYK printer output intent, no encryption, every font embedded,
 * no unmanaged RGB, raster images of at least 150 ppi (72 larger than
 * A0), total ink within ink_limit percent (< 0: 300% FOGRA39, 320% GRACoL,
 * rendered by Ghostscript through the embedded profile; noted as not
 * measured without gs or a CMYK intent), no line under 0.25 pt, no text
 * under 6 pt, and text at least safe
 * points inside the trim (safe < 0: 5 mm, or 10 mm from A2 up). Each
 * failed check is one problem, with the pages it is on. A file that
 * cannot be read fails with DIAG_IO or DIAG_FORMAT. preflight_free()
 * after either.
 */
int preflight_check(struct preflight *pf, const char *path, double safe,
	double ink_limit, struct diag *d);

void preflight_free(struct preflight *pf);

/*
 * A problem as one line: "page 2: ..." or "pages 2, 3: ..." when the
 * document has more than one page and it is not on all of them.
 */
void preflight_problem_line(const struct preflight *pf, size_t i, char *buf,
	size_t size);

#endif
