/*
 * report.c — HR's group reports as tables, from the gap engine.
 */
#include "report.h"
#include "enum.h"
#include "suppression.h"
#include "svg.h"

#include <string.h>

gboolean
dk_report_kind_parse (const char *name, DkReportKind *out)
{
  static const char *names[] = { "needs", "average", "motivation", "response", "conversations" };
  int i = dk_enum_index (names, G_N_ELEMENTS (names), name);
  if (i >= 0)
    *out = (DkReportKind) i;
  return i >= 0;
}

typedef struct {
  DkMetric     metric;
  const char  *key;
  const char  *label;
  DkColumnKind kind;
} MetricColumn;

/* Returns the metrics a report kind shows (a static array, *N entries). */
static const MetricColumn *
metrics_of (DkReportKind kind, DkScopeBy scope, guint *n)
{
  static const MetricColumn needs[] = {
    { DK_METRIC_SHARE_WITH_NEEDS, "share_with_needs", N_("Share with needs"), DK_COLUMN_PERCENT },
    { DK_METRIC_SHARE_OF_NEEDS, "share_of_needs", N_("Share of needs"), DK_COLUMN_PERCENT },
  };
  static const MetricColumn average[] = {
    { DK_METRIC_AVERAGE, "average", N_("Average rating"), DK_COLUMN_LEVEL },
  };
  static const MetricColumn motivation[] = {
    { DK_METRIC_HIGH_MOTIVATION, "high_motivation", N_("High motivation"), DK_COLUMN_PERCENT },
  };
  static const MetricColumn response[] = {
    { DK_METRIC_RESPONSE, "response_rate", N_("Response rate"), DK_COLUMN_PERCENT },
    { DK_METRIC_DONT_KNOW, "dont_know", N_("Don't know"), DK_COLUMN_PERCENT },
  };
  static const MetricColumn conversations[] = {
    { DK_METRIC_CONVERSATION, "conversation_rate", N_("Rated and had the conversation"), DK_COLUMN_PERCENT },
  };
  switch (kind)
    {
    case DK_REPORT_NEEDS:         *n = scope == DK_SCOPE_ALL ? 1 : 2; return needs;
    case DK_REPORT_AVERAGE:       *n = 1; return average;
    case DK_REPORT_MOTIVATION:    *n = 1; return motivation;
    case DK_REPORT_RESPONSE:      *n = 2; return response;
    case DK_REPORT_CONVERSATIONS: *n = 1; return conversations;
    }
  g_return_val_if_reached (NULL);
}

static const char *
gender_title (const char *code, DkLang lang)
{
  if (strcmp (code, "F") == 0)
    return T_ (lang, "Women");
  if (strcmp (code, "M") == 0)
    return T_ (lang, "Men");
  if (strcmp (code, "X") == 0)
    return T_ (lang, "Other");
  return T_ (lang, "Not given");
}

/* The columns that name a row: the group, then the scope. */
static guint
add_label_columns (DkTable *t, const DkReportQuery *q)
{
  DkLang lang = q->lang;
  guint n = 0;
  switch (q->group_by)
    {
    case DK_GROUP_UNIT:   dk_table_add_column (t, "unit", T_ (lang, "Unit"), DK_COLUMN_TEXT); n++; break;
    case DK_GROUP_ROLE:   dk_table_add_column (t, "role", T_ (lang, "Role"), DK_COLUMN_TEXT); n++; break;
    case DK_GROUP_GENDER: dk_table_add_column (t, "gender", T_ (lang, "Gender"), DK_COLUMN_TEXT); n++; break;
    case DK_GROUP_ORGANISATION:
    case DK_GROUP_CLASS: break;
    }
  if (q->scope_by == DK_SCOPE_AREA)
    {
      dk_table_add_column (t, "area", T_ (lang, "Area"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "area_title", T_ (lang, "Title"), DK_COLUMN_TEXT);
      n += 2;
    }
  else if (q->scope_by == DK_SCOPE_COMPETENCE)
    {
      dk_table_add_column (t, "competence", T_ (lang, "Competence"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "competence_title", T_ (lang, "Title"), DK_COLUMN_TEXT);
      n += 2;
    }
  if (n == 0)
    {
      dk_table_add_column (t, "group", T_ (lang, "Group"), DK_COLUMN_TEXT);
      n = 1;
    }
  return n;
}

/* Returns how group G of GAP is named for a reader (static, or GAP's or
 * FW's): a unit's path, a role's or a gender's title, or the whole
 * organisation. */
static const char *
group_title (const DkGap *gap, guint g, const DkFramework *fw, const DkReportQuery *q)
{
  const char *key = dk_gap_group_key (gap, g);
  switch (q->group_by)
    {
    case DK_GROUP_UNIT:   return key;
    case DK_GROUP_GENDER: return gender_title (key, q->lang);
    case DK_GROUP_ROLE:   return dk_role_title (dk_framework_role_by_id (fw, key), q->lang);
    case DK_GROUP_ORGANISATION:
    case DK_GROUP_CLASS: break;
    }
  return T_ (q->lang, "Whole organisation");
}

static void
set_labels (DkTable *t, guint row, const DkGap *gap, guint g, guint s, const DkFramework *fw,
            const DkReportQuery *q)
{
  guint col = 0;
  const char *scope = dk_gap_scope_key (gap, s);
  if (q->group_by != DK_GROUP_ORGANISATION)
    dk_table_set_text (t, row, col++, group_title (gap, g, fw, q));
  if (q->scope_by == DK_SCOPE_AREA)
    {
      dk_table_set_text (t, row, col++, scope);
      dk_table_set_text (t, row, col++, dk_area_title (dk_framework_area_by_id (fw, scope), q->lang));
    }
  else if (q->scope_by == DK_SCOPE_COMPETENCE)
    {
      dk_table_set_text (t, row, col++, scope);
      dk_table_set_text (t, row, col++,
                         dk_competence_title (dk_framework_competence_by_id (fw, scope), q->lang));
    }
  else if (col == 0)
    dk_table_set_text (t, row, col, T_ (q->lang, "Whole organisation"));
}

/* One round's figures: the gap engine's counts and the round's pattern
 * of suppression, which decides what of them is shown. */
typedef struct {
  const DkGap         *gap;
  DkSuppression       *pattern;
  const DkReportQuery *q;
} Figures;

/* Returns TRUE when the pattern hides FAMILY's figures of group G in scope
 * S of F, the group named as F's query names it. */
static gboolean
hidden (const Figures *f, guint g, guint s, DkFamily family)
{
  const char *key = dk_gap_group_key (f->gap, g), *scope = dk_gap_scope_key (f->gap, s);
  switch (f->q->group_by)
    {
    case DK_GROUP_UNIT:
      return dk_suppression_hides (f->pattern, family, scope, key, DK_GROUP_UNIT, NULL);
    case DK_GROUP_ROLE:
    case DK_GROUP_GENDER:
      return dk_suppression_hides (f->pattern, family, scope, f->q->unit, f->q->group_by, key);
    case DK_GROUP_ORGANISATION:
    case DK_GROUP_CLASS:
      break;
    }
  return dk_suppression_hides (f->pattern, family, scope, f->q->unit, DK_GROUP_ORGANISATION, NULL);
}

/* Computes metric M of group G, scope S of F into *V, as dk_gap_metric
 * does, and FALSE with *SUPPRESSED when the pattern hides it. */
static gboolean
figure (const Figures *f, guint g, guint s, DkMetric m, double *v, gboolean *suppressed)
{
  const DkGapCell *cell = dk_gap_cell (f->gap, g, s);
  DkFamily family = dk_metric_family (m);
  if (hidden (f, g, s, family))
    {
      *suppressed = dk_family_count (cell, family) > 0;
      return FALSE;
    }
  return dk_gap_metric (cell, m, f->q->min_group, v, suppressed);
}

/* Sets a metric cell of group G, scope S of F (NULL, or G < 0: none): its
 * value as a number of KIND, or suppressed, or empty. */
static gboolean
set_metric (DkTable *t, guint row, guint col, const Figures *f, int g, int s, DkMetric m, DkColumnKind kind,
            double *value)
{
  gboolean suppressed = FALSE;
  if (f != NULL && g >= 0 && s >= 0 && figure (f, (guint) g, (guint) s, m, value, &suppressed))
    {
      dk_table_set_value (t, row, col, *value, kind);
      return TRUE;
    }
  if (suppressed)
    dk_table_set_suppressed (t, row, col);
  return FALSE;
}

/* Returns the family of the people a report kind counts. */
static DkFamily
family_of (DkReportKind kind)
{
  switch (kind)
    {
    case DK_REPORT_NEEDS:
    case DK_REPORT_AVERAGE:    return DK_FAMILY_LEVEL;
    case DK_REPORT_MOTIVATION: return DK_FAMILY_MOTIVATION;
    default:                   return DK_FAMILY_REGISTERED;
    }
}

static void
set_people (DkTable *t, guint row, guint col, const Figures *f, guint g, guint s)
{
  DkFamily family = family_of (f->q->kind);
  guint32 n = dk_family_count (dk_gap_cell (f->gap, g, s), family);
  if (n > 0 && hidden (f, g, s, family))
    dk_table_set_suppressed (t, row, col);
  else
    dk_table_set_number (t, row, col, n);
}

typedef struct {
  DkGap         *now, *before;
  DkSuppression *now_pattern, *before_pattern;
  DkFramework   *fw;
  const DkRound *round, *previous;
  Figures        is, was;      /* the two rounds' figures, for Q */
} Computed;

/* Returns "Share with needs per area" and the like (caller frees). */
static char *
table_title (const DkReportQuery *q, const MetricColumn *first)
{
  static const char *by[] = { NULL, N_("per unit"), N_("per role"), N_("per gender") };
  static const char *scope[] = { NULL, N_("per area"), N_("per competence") };
  GString *s = g_string_new (T_ (q->lang, first->label));
  if (by[q->group_by] != NULL)
    g_string_append_printf (s, " %s", T_ (q->lang, by[q->group_by]));
  if (scope[q->scope_by] != NULL)
    g_string_append_printf (s, "%s %s", by[q->group_by] != NULL ? T_ (q->lang, " and") : "",
                            T_ (q->lang, scope[q->scope_by]));
  return g_string_free (s, FALSE);
}

/* Returns how many of the scopes of C a table shows: all competences are
 * the areas for every role (scope 0; a role-limited area's own scope is in
 * the reports by area and in the summary's headline), else every scope. */
static guint
shown_scopes (const Computed *c, const DkReportQuery *q)
{
  return q->scope_by == DK_SCOPE_ALL ? 1 : dk_gap_n_scopes (c->now);
}

static DkTable *
build_table (const Computed *c, const DkReportQuery *q)
{
  guint n_metrics;
  const MetricColumn *metrics = metrics_of (q->kind, q->scope_by, &n_metrics);
  g_autofree char *title = table_title (q, &metrics[0]);
  DkTable *t = dk_table_new (metrics[0].key, title);
  guint first = add_label_columns (t, q);
  dk_table_add_column (t, "people", T_ (q->lang, "People"), DK_COLUMN_INTEGER);
  for (guint m = 0; m < n_metrics; m++)
    {
      const char *name = T_ (q->lang, metrics[m].label);
      if (c->before != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s_%s", metrics[m].key, c->previous->code);
          g_autofree char *label = g_strdup_printf ("%s %s", name, c->previous->code);
          dk_table_add_column (t, key, label, metrics[m].kind);
        }
      g_autofree char *label = c->before != NULL
          ? g_strdup_printf ("%s %s", name, c->round->code) : g_strdup (name);
      dk_table_add_column (t, metrics[m].key, label, metrics[m].kind);
      if (c->before != NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s_change", metrics[m].key);
          gboolean level = metrics[m].kind == DK_COLUMN_LEVEL;
          dk_table_add_column (t, key,
                               level ? T_ (q->lang, "Change (levels)") : T_ (q->lang, "Change (points)"),
                               level ? DK_COLUMN_LEVEL_CHANGE : DK_COLUMN_POINTS);
        }
    }

  guint n_scopes = shown_scopes (c, q);
  for (guint g = 0; g < dk_gap_n_groups (c->now); g++)
    for (guint s = 0; s < n_scopes; s++)
      {
        const DkGapCell *cell = dk_gap_cell (c->now, g, s);
        if (cell->people == 0)
          continue;   /* nobody in this group to whom the scope applies */
        int og = -1, os = -1;
        if (c->before != NULL)
          {
            og = dk_gap_find_group (c->before, dk_gap_group_key (c->now, g));
            os = dk_gap_find_scope (c->before, dk_gap_scope_key (c->now, s));
          }
        guint row = dk_table_add_row (t), col = first;
        set_labels (t, row, c->now, g, s, c->fw, q);
        set_people (t, row, col++, &c->is, g, s);
        for (guint m = 0; m < n_metrics; m++)
          {
            double was = 0, is = 0;
            gboolean have_was = c->before != NULL && set_metric (t, row, col++, &c->was, og, os, metrics[m].metric,
                                                                 metrics[m].kind, &was);
            gboolean have_is = set_metric (t, row, col++, &c->is, (int) g, (int) s, metrics[m].metric,
                                           metrics[m].kind, &is);
            if (c->before == NULL)
              continue;
            double factor = metrics[m].kind == DK_COLUMN_LEVEL ? 1.0 : 100.0;
            if (have_was && have_is)
              dk_table_set_number (t, row, col, (is - was) * factor);
            col++;
          }
      }
  return t;
}

static gboolean
compute (Computed *c, DkStore *store, const DkRound *round, const DkRound *previous,
         const DkReportQuery *q, GError **error)
{
  memset (c, 0, sizeof *c);
  c->round = round;
  c->previous = previous;
  /* the figures come from the pattern's classes: the round is scanned once */
  DkGapQuery gq = { q->group_by, q->scope_by, q->depth, q->unit, q->ctx };
  if ((c->fw = dk_store_round_framework (store, round, error)) == NULL
      || (c->now_pattern = dk_suppression_compute (store, round, c->fw, q->scope_by, q->min_group,
                                                   q->panel ? previous : NULL, q->ctx, error)) == NULL
      || (c->now = dk_suppression_regroup (c->now_pattern, store, c->fw, &gq, error)) == NULL)
    return FALSE;
  c->is = (Figures) { c->now, c->now_pattern, q };
  if (previous == NULL)
    return TRUE;
  g_autoptr (DkFramework) fw0 = dk_store_round_framework (store, previous, error);
  if (fw0 == NULL
      || (c->before_pattern = dk_suppression_compute (store, previous, fw0, q->scope_by, q->min_group,
                                                      q->panel ? round : NULL, q->ctx, error)) == NULL
      || (c->before = dk_suppression_regroup (c->before_pattern, store, fw0, &gq, error)) == NULL)
    return FALSE;
  c->was = (Figures) { c->before, c->before_pattern, q };
  return TRUE;
}

/* Frees what compute made; C may be cleared again (the summary clears it
 * after each step, whether the step ran or not). */
static void
computed_clear (Computed *c)
{
  g_clear_pointer (&c->now, dk_gap_free);
  g_clear_pointer (&c->before, dk_gap_free);
  g_clear_pointer (&c->now_pattern, dk_suppression_free);
  g_clear_pointer (&c->before_pattern, dk_suppression_free);
  g_clear_pointer (&c->fw, dk_framework_free);
}

static void add_chart (DkReport *report, const Computed *c, const DkReportQuery *q);

/* Adds the table of Q, with its chart when CHART. */
static gboolean
add_gap_table (DkReport *report, DkStore *store, const DkRound *round, const DkRound *previous,
               const DkReportQuery *q, gboolean chart, GError **error)
{
  Computed c;
  gboolean ok = compute (&c, store, round, previous, q, error);
  if (ok && chart)
    add_chart (report, &c, q);
  if (ok)
    dk_report_add_table (report, build_table (&c, q));
  computed_clear (&c);
  return ok;
}

gboolean
dk_report_add_gap_table (DkReport *report, DkStore *store, const DkRound *round,
                         const DkRound *previous, const DkReportQuery *q, GError **error)
{
  if (!dk_store_read_begin (store, error))
    return FALSE;
  gboolean ok = add_gap_table (report, store, round, previous, q, !q->no_charts, error);
  return dk_store_read_end (store, ok ? error : NULL) && ok;
}

/* ---- the summary ---------------------------------------------------------------------- */

/* Adds the headline row LABEL: metric M of the organisation's scope KEY in
 * both rounds, and the change. */
static void
headline_row (DkTable *t, const Computed *c, const char *label, const char *key, const MetricColumn *m)
{
  guint row = dk_table_add_row (t), col = 0;
  double was = 0, is = 0;
  gboolean have_was = FALSE;
  dk_table_set_text (t, row, col++, label);
  if (c->before != NULL)
    have_was = set_metric (t, row, col++, &c->was, 0, dk_gap_find_scope (c->before, key), m->metric, m->kind, &was);
  gboolean have_is = set_metric (t, row, col++, &c->is, 0, dk_gap_find_scope (c->now, key), m->metric, m->kind, &is);
  if (c->before != NULL && have_was && have_is)
    {
      gboolean level = m->kind == DK_COLUMN_LEVEL;
      dk_table_set_value (t, row, col, level ? is - was : (is - was) * 100,
                          level ? DK_COLUMN_LEVEL_CHANGE : DK_COLUMN_POINTS);
    }
}

/* The headline figures for the whole organisation, one row each: numbers
 * of each row's kind (percentages, and levels for the average rating), the
 * change in percentage points or levels.  They count the areas that apply
 * to every role; the share with needs of each role-limited area follows
 * the headline share in a row of its own. */
static DkTable *
headline_table (const Computed *c, DkLang lang)
{
  static const MetricColumn rows[] = {
    { DK_METRIC_SHARE_WITH_NEEDS, "share_with_needs", N_("Share of employees with needs"), DK_COLUMN_PERCENT },
    { DK_METRIC_AVERAGE, "average", N_("Average rating"), DK_COLUMN_LEVEL },
    { DK_METRIC_HIGH_MOTIVATION, "high_motivation", N_("High motivation to develop"), DK_COLUMN_PERCENT },
    { DK_METRIC_RESPONSE, "response_rate", N_("Response rate"), DK_COLUMN_PERCENT },
    { DK_METRIC_DONT_KNOW, "dont_know", N_("Don't-know answers"), DK_COLUMN_PERCENT },
    { DK_METRIC_CONVERSATION, "conversation_rate", N_("Rated and had the conversation"), DK_COLUMN_PERCENT },
  };
  DkTable *t = dk_table_new ("headline", T_ (lang, "Headline figures"));
  dk_table_add_column (t, "figure", T_ (lang, "Figure"), DK_COLUMN_TEXT);
  if (c->before != NULL)
    dk_table_add_column (t, "previous", c->previous->code, DK_COLUMN_PERCENT);
  dk_table_add_column (t, "current", c->round->code, DK_COLUMN_PERCENT);
  if (c->before != NULL)
    dk_table_add_column (t, "change", T_ (lang, "Change"), DK_COLUMN_POINTS);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      headline_row (t, c, T_ (lang, rows[i].label), "", &rows[i]);
      for (guint s = 1; i == 0 && s < dk_gap_n_scopes (c->now); s++)
        {
          const char *key = dk_gap_scope_key (c->now, s);
          g_autofree char *label = g_strdup_printf (T_ (lang, "Share with needs, area %s"), key);
          headline_row (t, c, label, key, &rows[i]);
        }
    }
  return t;
}

/* Returns a round top for a percentage axis: shares of needs are often a
 * few percent, and bars on a 0–100 % axis would not show. */
static double
axis_max (const double *values, const gboolean *present, guint n)
{
  static const double tops[] = { 0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1.0 };
  double max = 0;
  for (guint i = 0; i < n; i++)
    if (present[i])
      max = MAX (max, values[i]);
  for (guint i = 0; i < G_N_ELEMENTS (tops); i++)
    if (max * 1.1 <= tops[i])
      return tops[i];
  return 1.0;
}

/* Returns how scope KEY is labelled in a chart: its id, or "All" for all
 * competences (static or KEY). */
static const char *
scope_label (const char *key, DkLang lang)
{
  return *key != '\0' ? key : T_ (lang, "All");
}

/* Bars per scope (the first N of the organisation's): metric M, both
 * rounds side by side; percentages on a round top, levels on the
 * framework's scale. */
static char *
scope_chart (const Computed *c, guint n, const MetricColumn *m, DkLang lang)
{
  g_autofree const char **labels = g_new0 (const char *, n);
  g_autofree double *values = g_new0 (double, 2 * n);
  g_autofree gboolean *present = g_new0 (gboolean, 2 * n);
  for (guint s = 0; s < n; s++)
    {
      const char *key = dk_gap_scope_key (c->now, s);
      labels[s] = scope_label (key, lang);
      gboolean sup;
      present[n + s] = figure (&c->is, 0, s, m->metric, &values[n + s], &sup);
      int os = c->before != NULL ? dk_gap_find_scope (c->before, key) : -1;
      if (os >= 0)
        present[s] = figure (&c->was, 0, (guint) os, m->metric, &values[s], &sup);
    }
  gboolean percent = m->kind == DK_COLUMN_PERCENT;
  double top = percent ? axis_max (values, present, 2 * n) : dk_framework_scale (c->fw)->max;
  const char *series[2] = { c->previous != NULL ? c->previous->code : "", c->round->code };
  DkBarChart chart = { n, labels, c->before != NULL ? 2 : 1,
                       c->before != NULL ? series : series + 1,
                       c->before != NULL ? values : values + n,
                       c->before != NULL ? present : present + n, 0.0, top, percent, lang };
  return dk_svg_bar_chart (&chart);
}

/* The heat map of metric M (a share), the groups of GAP × its first N_COLS
 * scopes, the groups named as Q's tables name them. */
static char *
heat_map (const Figures *f, guint n_cols, DkMetric m, const DkFramework *fw)
{
  const DkGap *gap = f->gap;
  const DkReportQuery *q = f->q;
  guint rows = dk_gap_n_groups (gap), cols = n_cols;
  g_autofree const char **row_labels = g_new0 (const char *, rows);
  g_autofree const char **col_labels = g_new0 (const char *, cols);
  g_autofree double *values = g_new0 (double, (gsize) rows * cols);
  g_autofree DkHeatState *state = g_new0 (DkHeatState, (gsize) rows * cols);
  for (guint s = 0; s < cols; s++)
    col_labels[s] = scope_label (dk_gap_scope_key (gap, s), q->lang);
  for (guint g = 0; g < rows; g++)
    {
      row_labels[g] = group_title (gap, g, fw, q);
      for (guint s = 0; s < cols; s++)
        {
          gboolean sup = FALSE;
          gboolean have = figure (f, g, s, m, &values[g * cols + s], &sup);
          state[g * cols + s] = have ? DK_HEAT_VALUE : sup ? DK_HEAT_SUPPRESSED : DK_HEAT_EMPTY;
        }
    }
  DkHeatMap map = { rows, cols, row_labels, col_labels, values, state, q->lang };
  return dk_svg_heat_map (&map);
}

/* Adds the chart of a report's first figure, for HTML: bars per scope,
 * both rounds, for the whole organisation; a heat map of this round's
 * groups × scopes for a share per group.  A mean level per group has no
 * chart. */
static void
add_chart (DkReport *report, const Computed *c, const DkReportQuery *q)
{
  guint n_scopes = shown_scopes (c, q);
  guint n_metrics;
  const MetricColumn *m = metrics_of (q->kind, q->scope_by, &n_metrics);
  g_autofree char *title = table_title (q, m), *svg = NULL;
  if (q->group_by == DK_GROUP_ORGANISATION)
    svg = scope_chart (c, n_scopes, m, q->lang);
  else if (m->kind == DK_COLUMN_PERCENT)
    {
      svg = heat_map (&c->is, n_scopes, m->metric, c->fw);
      g_autofree char *t = g_strdup_printf ("%s, %s", title, c->round->code);
      g_free (title);
      title = g_steal_pointer (&t);
    }
  if (svg != NULL)
    dk_report_add_chart (report, title, svg);
}

/* The heat map of share with needs, units (two levels) × areas. */
static char *
unit_heat_map (DkStore *store, const Computed *c, guint k, DkLang lang, GError **error)
{
  DkGapQuery gq = { DK_GROUP_UNIT, DK_SCOPE_AREA, 2, NULL };
  g_autoptr (DkGap) gap = dk_gap_compute (store, c->round, c->fw, &gq, error);
  if (gap == NULL)
    return NULL;
  DkReportQuery q = { DK_REPORT_NEEDS, DK_GROUP_UNIT, DK_SCOPE_AREA, 2, NULL, k, FALSE, lang };
  Figures f = { gap, c->now_pattern, &q };
  return heat_map (&f, dk_gap_n_scopes (gap), DK_METRIC_SHARE_WITH_NEEDS, c->fw);
}

/* Returns the organisation's name: its top unit, or its top units joined
 * (caller frees); "" when it has no units; NULL with ERROR on a store
 * failure. */
static char *
organisation_name (DkStore *store, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (store, error);
  if (units == NULL)
    return NULL;
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < units->len; i++)
    {
      const DkUnit *u = units->pdata[i];
      if (u->parent == 0)
        g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", u->name);
    }
  return g_string_free (s, FALSE);
}

/* What the summary's figures mean, in plain words, for the printed report. */
static void
add_definitions (DkReport *report, guint min_group)
{
  DkLang lang = dk_report_lang (report);
  static const char *const terms[][2] = {
    { N_("Share of employees with needs"),
      N_("Of the employees with at least one level (their manager's, else their own shared self-rating), "
         "the share below the level their role expects in at least one competence, counting the areas that "
         "apply to every role.  An area for some roles only has a row of its own.") },
    { N_("Share of needs"),
      N_("Of all pairs of an employee and a competence with a level, the share below the expected level.") },
    { N_("Average rating"),
      N_("The mean level on the framework's scale, counting the manager's level where there is one, "
         "else the employee's own.") },
    { N_("High motivation to develop"),
      N_("The share of motivation answers at the framework's high mark or above (4 on a scale of 1–5).") },
    { N_("Response rate"),
      N_("Of the competences each registered employee was asked about, the share answered with a level "
         "or \"don't know\".") },
    { N_("Don't-know answers"), N_("The share of answers that were \"don't know\".") },
    { N_("Rated and had the conversation"),
      N_("The share of registered employees who shared their self-rating and held the development "
         "conversation with their manager.") },
    { N_("Change"),
      N_("This round's figure minus the earlier round's: in percentage points for shares, in levels for "
         "the average rating.") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    dk_report_add_definition (report, T_ (lang, terms[i][0]), T_ (lang, terms[i][1]));
  g_autofree char *why = g_strdup_printf (
      T_ (lang, "A figure from fewer than %u people is not shown: from so few answers one could work out "
                "what a person answered.  Where a figure would let a hidden one be worked out, it is hidden too."),
      min_group);
  dk_report_add_definition (report, "–", why);
}

/* The summary's figures of the ratings (dk_report_summary without its
 * other reports and its transaction). */
static DkReport *
summary_of_ratings (DkStore *store, const DkRound *round, const DkRound *previous,
                    guint min_group, DkLang lang, GError **error)
{
  g_autofree char *title = g_strdup_printf (T_ (lang, "Digital competence: summary of round %s"), round->code);
  g_autoptr (DkReport) report = dk_report_new (title, lang);
  g_autofree char *note = g_strdup_printf (T_ (lang, "Figures from fewer than %u people are shown as –."),
                                           min_group);
  dk_report_add_note (report, note);
  if (previous != NULL)
    dk_report_add_note (report, T_ (lang, "Changes are in percentage points; for the average rating, in levels."));
  g_autofree char *organisation = organisation_name (store, error);
  if (organisation == NULL)
    return NULL;
  if (*organisation != '\0')
    dk_report_add_fact (report, T_ (lang, "Organisation"), organisation);
  g_autofree char *this_round = g_strdup_printf ("%s (%s)", round->code, round->title);
  dk_report_add_fact (report, T_ (lang, "Round"), this_round);
  if (previous != NULL)
    {
      g_autofree char *that_round = g_strdup_printf ("%s (%s)", previous->code, previous->title);
      dk_report_add_fact (report, T_ (lang, "Compared with"), that_round);
    }
  add_definitions (report, min_group);

  Computed c;
  DkReportQuery q = { DK_REPORT_NEEDS, DK_GROUP_ORGANISATION, DK_SCOPE_ALL, 0, NULL, min_group, FALSE, lang };
  gboolean ok = compute (&c, store, round, previous, &q, error);
  if (ok)
    dk_report_add_table (report, headline_table (&c, lang));
  computed_clear (&c);

  DkReportQuery by_area = { DK_REPORT_NEEDS, DK_GROUP_ORGANISATION, DK_SCOPE_AREA, 0, NULL, min_group, FALSE, lang };
  ok = ok && compute (&c, store, round, previous, &by_area, error);
  if (ok)
    {
      guint n_metrics;
      g_autofree char *bars = scope_chart (&c, dk_gap_n_scopes (c.now),
                                           &metrics_of (DK_REPORT_NEEDS, DK_SCOPE_AREA, &n_metrics)[1], lang);
      g_autofree char *heat = unit_heat_map (store, &c, min_group, lang, error);
      ok = heat != NULL;
      dk_report_add_chart (report, T_ (lang, "Share of needs per area"), bars);
      if (ok)
        dk_report_add_chart (report, T_ (lang, "Share with needs, unit × area"), heat);
      dk_report_add_table (report, build_table (&c, &by_area));
    }
  computed_clear (&c);
  const DkReportKind per_area[] = { DK_REPORT_AVERAGE, DK_REPORT_MOTIVATION };
  for (guint i = 0; ok && i < G_N_ELEMENTS (per_area); i++)
    {
      by_area.kind = per_area[i];
      ok = add_gap_table (report, store, round, previous, &by_area, FALSE, error);
    }
  DkReportQuery by_comp = { DK_REPORT_NEEDS, DK_GROUP_ORGANISATION, DK_SCOPE_COMPETENCE, 0, NULL, min_group, FALSE, lang };
  ok = ok && add_gap_table (report, store, round, previous, &by_comp, FALSE, error);
  return ok ? g_steal_pointer (&report) : NULL;
}

DkReport *
dk_report_summary (DkStore *store, const DkRound *round, const DkRound *previous, guint min_group,
                   const DkParticipationQuery *participation, DkLang lang, GError **error)
{
  if (!dk_store_read_begin (store, error))
    return NULL;
  g_autoptr (DkReport) report = summary_of_ratings (store, round, previous, min_group, lang, error);
  g_autoptr (DkReport) goals = report != NULL ? dk_report_goals (store, round->code, NULL, min_group, lang, error) : NULL;
  g_autoptr (DkReport) taking_part = goals != NULL && participation != NULL
                                     ? dk_report_participation (store, participation, lang, error) : NULL;
  gboolean ok = goals != NULL && (participation == NULL || taking_part != NULL);
  if (!dk_store_read_end (store, ok ? error : NULL) || !ok)
    return NULL;
  dk_report_take_tables (report, goals);
  if (taking_part != NULL)
    dk_report_take_tables (report, taking_part);
  return g_steal_pointer (&report);
}
