/* limits.h - every bound bayraq puts on what it reads and makes, in one place.
 *
 * Each one keeps careless or hostile input (a 50 MB translation, a CSV that
 * is really /dev/zero, a PDF of nested forms) from using unbounded memory
 * or time. Each error that enforces one names it and says what to do.
 * docs/limits.md lists them for users; keep the two in step.
 */
#ifndef BAYRAQ_LIMITS_H
#define BAYRAQ_LIMITS_H

/* Text typed for a banner (a city, an event), in bytes. */
#define JOB_MAX_TEXT 200

/* One translation, and a whole .po file. */
#define CATALOG_MAX_TEXT 1000
#define CATALOG_MAX_FILE (4 << 20)

/* One SVG file read as a design's variant. */
#define DESIGN_MAX_FILE (32 << 20)

/* A batch CSV: its size and its rows (a campaign has a few hundred). */
#define BATCH_MAX_FILE (16 << 20)
#define BATCH_MAX_ROWS 10000

/* The largest side of a page: 50 m. */
#define PAPER_MAX_PT (50000.0 * 72.0 / 25.4)

/* A PNG or TIFF beyond either is refused unless --force. */
#define JOB_MAX_PIXELS 2147483648.0
#define JOB_MAX_ESTIMATE 1e9

/* Home-printer sheets for one banner: beyond this a print shop is cheaper
 * than glue. */
#define TILE_MAX_ROWS 26
#define TILE_MAX_COLS 99
#define TILE_MAX_SHEETS 200

/* Preflight: the pages it reads, how deep it follows nested forms, and
 * how many distinct findings it reports. */
#define PREFLIGHT_MAX_PAGES 2000
#define PREFLIGHT_MAX_DEPTH 8
#define PREFLIGHT_MAX_PROBLEMS 32

/* bayraq serve: a download's pixels and page side. */
#define SERVE_MAX_PIXELS 120e6
#define SERVE_MAX_SIDE_MM 5000.0

#endif
