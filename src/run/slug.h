/* slug.h - safe, predictable file name parts from text in any script. */
#ifndef BAYRAQ_SLUG_H
#define BAYRAQ_SLUG_H

/*
 * Lowercase ASCII letters, digits and single hyphens made from s:
 * "Київ" gives "kyiv", "Kraków" "krakow", "თბილისი" "tbilisi" (Ukrainian
 * and Georgian national romanizations, Latin diacritics dropped). Scripts
 * without a table give nothing; the result may be empty. free() it.
 */
char *slug_new(const char *s);

#endif
