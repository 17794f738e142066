/*
 * cmykde.c - does a PDF hold an sRGB colour as its output profile says?
 *
 *     cmykde SRGB.icc CMYK.icc RRGGBB... <colours
 *
 * stdin: the CMYK colours found in the PDF, one "c m y k" a line (0..1).
 * For each sRGB colour, the expected CMYK is what lcms2 makes of it
 * through CMYK.icc (relative colorimetric with black point compensation,
 * as bayraq converts); the nearest colour
 * of stdin is found by ΔE2000 between the two as CMYK.icc prints them.
 * Prints one line per colour; exit status 1 when one is 1 or more away.
 */
#include <lcms2.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_COLOURS 4096

int
main(int argc, char **argv)
{
	static double found[MAX_COLOURS][4];
	cmsHPROFILE srgb, cmyk, lab;
	cmsHTRANSFORM to_cmyk, to_lab, rgb_lab;
	size_t n = 0, i;
	int a, bad = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: cmykde SRGB.icc CMYK.icc RRGGBB...\n");
		return 2;
	}
	srgb = cmsOpenProfileFromFile(argv[1], "r");
	cmyk = cmsOpenProfileFromFile(argv[2], "r");
	if (srgb == NULL || cmyk == NULL) {
		fprintf(stderr, "cmykde: cannot read the profiles\n");
		return 2;
	}
	lab = cmsCreateLab4Profile(NULL);
	to_cmyk = cmsCreateTransform(srgb, TYPE_RGB_DBL, cmyk, TYPE_CMYK_DBL,
		INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION);
	to_lab = cmsCreateTransform(cmyk, TYPE_CMYK_DBL, lab, TYPE_Lab_DBL,
		INTENT_RELATIVE_COLORIMETRIC, 0);
	rgb_lab = cmsCreateTransform(srgb, TYPE_RGB_DBL, lab, TYPE_Lab_DBL,
		INTENT_RELATIVE_COLORIMETRIC, 0);
	while (n < MAX_COLOURS &&
		scanf("%lf %lf %lf %lf", &found[n][0], &found[n][1],
			&found[n][2], &found[n][3]) == 4)
		n++;
	for (a = 3; a < argc; a++) {
		unsigned v = (unsigned)strtoul(argv[a], NULL, 16);
		double rgb[3] = { (v >> 16) / 255.0, ((v >> 8) & 255) / 255.0,
			(v & 255) / 255.0 };
		double want[4], got[4], best = 1e9;
		cmsCIELab lw, lg, ls;
		size_t at = 0;

		cmsDoTransform(to_cmyk, rgb, want, 1);
		cmsDoTransform(to_lab, want, &lw, 1);
		cmsDoTransform(rgb_lab, rgb, &ls, 1);
		for (i = 0; i < n; i++) {
			double de;
			int k;

			for (k = 0; k < 4; k++)
				got[k] = found[i][k] * 100;
			cmsDoTransform(to_lab, got, &lg, 1);
			de = cmsCIE2000DeltaE(&lw, &lg, 1, 1, 1);
			if (de < best) {
				best = de;
				at = i;
			}
		}
		if (n == 0) {
			printf("#%06X: no CMYK colour in the PDF\n", v);
			bad = 1;
			continue;
		}
		/* The last number: how far the press is from the sRGB colour.
		 */
		printf("#%06X: expected %.1f %.1f %.1f %.1f, PDF %.1f %.1f "
		       "%.1f %.1f, dE2000 %.2f (%.1f from sRGB itself)\n",
			v, want[0], want[1], want[2], want[3],
			found[at][0] * 100, found[at][1] * 100,
			found[at][2] * 100, found[at][3] * 100, best,
			cmsCIE2000DeltaE(&ls, &lw, 1, 1, 1));
		if (best >= 1)
			bad = 1;
	}
	cmsDeleteTransform(to_cmyk);
	cmsDeleteTransform(to_lab);
	cmsDeleteTransform(rgb_lab);
	cmsCloseProfile(srgb);
	cmsCloseProfile(cmyk);
	cmsCloseProfile(lab);
	return bad;
}
