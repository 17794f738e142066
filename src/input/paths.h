/* paths.h - where bayraq finds its data: designs, locales, fonts, flags, ICC.
 */
#ifndef BAYRAQ_PATHS_H
#define BAYRAQ_PATHS_H

struct paths {
	const char *designs; /* designs/ */
	const char *locales; /* locales/ */
	const char *fonts; /* fonts/ */
	const char *flags; /* our flags: designs/_flags */
	const char *flagset; /* the svg-country-flags package */
	const char *icc; /* build/icc: the CMYK output profiles */
	const char *srgb; /* an sRGB ICC profile */
	const char *isocodes; /* Debian's iso-codes JSON: the country names */
};

/*
 * Where the data is, found from where the program is, so no path is
 * compiled in: PREFIX/share/bayraq for PREFIX/bin/bayraq (installed,
 * wherever the prefix was moved), else the source tree around
 * build/BUILD/bayraq. Each can be overridden by its environment variable
 * (BAYRAQ_DATADIR, BAYRAQ_FLAGSET, BAYRAQ_ICCDIR, BAYRAQ_ISOCODES;
 * iso-codes is Debian's, in /usr/share). Release with
 * paths_release().
 */
void paths_init(struct paths *p);
void paths_release(struct paths *p);

#endif
