/* slug.h - safe, predictable file name parts from text in any script. */
#ifndef BAYRAQ_SLUG_H
#define BAYRAQ_SLUG_H

/*
 * Lowercase ASCII letters, digits and single hyphens made from s:
 * "Київ" gives "kyiv", "თბილისი" "tbilisi" (Ukrainian and Georgian
 * national romanizations), "Kraków" "krakow", "Αθήνα" "athina", "서울"
 * "seoul", "إربد" "arbd" (ICU's transliteration of every other script).
 * The result may be empty. free() it. Safe from any thread.
 */
char *slug_new(const char *s);

#endif
