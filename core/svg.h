/*
 * svg.h — charts as SVG markup for the HTML reports and plans: grouped
 * bars, a heat map and a radar.  Every text drawn is escaped; a missing or
 * suppressed value is drawn as a grey "–", never as a number.
 * Each function returns a new string (caller frees).
 */
#ifndef DK_SVG_H
#define DK_SVG_H

#include "dk.h"

typedef struct {
  guint          n_categories;   /* e.g. areas */
  const char   **categories;
  guint          n_series;       /* e.g. rounds */
  const char   **series;
  const double  *values;         /* [series * n_categories + category] */
  const gboolean *present;       /* same shape: FALSE draws "–" */
  double         min, max;       /* the value axis */
  gboolean       percent;        /* values are fractions shown as % */
  DkLang         lang;
} DkBarChart;

char *dk_svg_bar_chart (const DkBarChart *chart);

typedef enum { DK_HEAT_EMPTY, DK_HEAT_VALUE, DK_HEAT_SUPPRESSED } DkHeatState;

typedef struct {
  guint              n_rows, n_cols;
  const char       **rows;
  const char       **cols;
  const double      *values;     /* fractions 0..1, [row * n_cols + col] */
  const DkHeatState *state;
  DkLang             lang;
} DkHeatMap;

char *dk_svg_heat_map (const DkHeatMap *map);

typedef struct {
  guint          n_axes;         /* competences */
  const char   **axes;           /* "4.2" */
  const guint   *expected;       /* levels; 0 = not applicable (axis skipped) */
  const guint   *effective;      /* 0 = no level: marked at the centre */
  guint          min, max;
  const char    *expected_label, *effective_label;
} DkRadar;

char *dk_svg_radar (const DkRadar *radar);

#endif
