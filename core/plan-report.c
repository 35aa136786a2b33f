/*
 * plan-report.c — coverage, goals and participation reports.
 */
#include "plan-report.h"

#include <string.h>

/* ---- small groups ------------------------------------------------------------------- */

#define NOT_SHOWN G_MAXUINT

/* One part of a published sum: COUNT people (or plans), shown in row ROW
 * of the table, or NOT_SHOWN: a part no cell shows, but that the sum minus
 * the other parts gives. */
typedef struct {
  double count;
  guint  row;
} Part;

/* The rule of the minimum group K for the small tables of these reports,
 * one sum at a time: when the sum is not shown (SUM_SHOWN false: it counts
 * fewer than K) every part is suppressed; otherwise a part of 1..K−1 is,
 * and when exactly one part is, so is the next smallest part that is not
 * zero, so that the sum minus the parts shown does not give it.  A part is
 * suppressed in the cells COLS (N_COLS of them) of its row.  Returns how
 * many parts are suppressed. */
static guint
suppress_parts (DkTable *t, const Part *parts, guint n, const guint *cols, guint n_cols, gboolean sum_shown,
                guint k)
{
  g_autofree gboolean *hidden = g_new0 (gboolean, n);
  guint n_hidden = 0;
  for (guint i = 0; i < n; i++)
    if (!sum_shown || (parts[i].count > 0 && parts[i].count < k))
      hidden[i] = TRUE, n_hidden++;
  if (sum_shown && n_hidden == 1)
    {
      guint next = NOT_SHOWN;
      for (guint i = 0; i < n; i++)
        if (!hidden[i] && parts[i].count > 0 && (next == NOT_SHOWN || parts[i].count < parts[next].count))
          next = i;
      if (next != NOT_SHOWN)
        hidden[next] = TRUE, n_hidden++;
    }
  for (guint i = 0; i < n; i++)
    for (guint c = 0; hidden[i] && parts[i].row != NOT_SHOWN && c < n_cols; c++)
      {
        dk_table_set_suppressed (t, parts[i].row, cols[c]);
        dk_table_set_emphasis (t, parts[i].row, cols[c], FALSE);
      }
  return n_hidden;
}

/* Suppresses the cells COLS (N_COLS) of row ROW of T: a group of fewer than K. */
static void
suppress_row (DkTable *t, guint row, const guint *cols, guint n_cols, guint k)
{
  Part whole = { 0, row };
  suppress_parts (t, &whole, 1, cols, n_cols, FALSE, k);
}

/* Adds REPORT's note on the minimum group K. */
static void
add_min_group_note (DkReport *report, guint k)
{
  g_autofree char *note = g_strdup_printf (T_ (dk_report_lang (report),
                                               "Figures from fewer than %u people are shown as –."), k);
  dk_report_add_note (report, note);
}

/* ---- coverage ----------------------------------------------------------------------- */

typedef struct {
  DkFramework *fw;
  DkPlanner   *planner;
  GHashTable  *units;      /* unit id → path */
  const char  *unit;       /* only under this path, or NULL */
  guint       *needs, *uncovered;   /* per competence index */
} Coverage;

static gboolean
coverage_row (const DkScanRow *row, gpointer user_data)
{
  Coverage *c = user_data;
  if (!(row->flags & DK_ASSESS_SHARED) || row->role >= dk_framework_n_roles (c->fw))
    return TRUE;
  const char *unit = g_hash_table_lookup (c->units, &row->unit_id);
  if (c->unit != NULL && (unit == NULL || !dk_unit_path_under (unit, c->unit)))
    return TRUE;
  const char *role = dk_framework_role (c->fw, row->role)->id;
  for (guint i = 0; i < MIN (row->n, dk_framework_n_competences (c->fw)); i++)
    {
      guint expected = dk_framework_expected (c->fw, row->role, i);
      guint eff = dk_gap_effective (row->self[i], row->manager[i]);
      if (expected == 0 || eff == 0 || eff >= expected)
        continue;
      c->needs[i]++;
      if (!dk_planner_covers (c->planner, dk_framework_competence (c->fw, i)->id, eff, role,
                              unit != NULL ? unit : ""))
        c->uncovered[i]++;
    }
  return TRUE;
}

static GHashTable *
unit_paths (DkStore *store, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (store, error);
  if (units == NULL)
    return NULL;
  GHashTable *paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    {
      DkUnit *u = units->pdata[i];
      g_hash_table_insert (paths, g_memdup2 (&u->id, sizeof u->id), g_strdup (u->path));
    }
  return paths;
}

/* Returns a table named NAME titled TITLE of R, whose columns are KEYS,
 * LABELS (msgids, put into LANG) and KINDS (as many as R has). */
static DkTable *
records_table (const char *name, const char *title, const DkRecords *r, const char *const *keys,
               const char *const *labels, const DkColumnKind *kinds, DkLang lang)
{
  DkTable *t = dk_table_new (name, title);
  guint n = dk_records_n_columns (r);
  for (guint c = 0; c < n; c++)
    dk_table_add_column (t, keys[c], T_ (lang, labels[c]), kinds[c]);
  for (guint i = 0; i < dk_records_n_rows (r); i++)
    {
      guint row = dk_table_add_row (t);
      for (guint c = 0; c < n; c++)
        if (kinds[c] == DK_COLUMN_TEXT)
          dk_table_set_text (t, row, c, dk_records_text (r, i, c));
        else
          dk_table_set_number (t, row, c, dk_records_number (r, i, c));
    }
  return t;
}

/* Adds to REPORT the wishes its plans name (in ROUND, of the people in
 * UNIT): each that K or more plans name; the rest counted together as
 * other wishes when K or more plans name one of them, else left out, with
 * a note saying which.  Returns FALSE with ERROR on a store failure. */
static gboolean
add_wishes_table (DkReport *report, DkStore *store, gint64 round, const char *unit, guint k, GError **error)
{
  g_autoptr (DkRecords) r = dk_store_plan_wishes (store, round, unit, error);
  if (r == NULL)
    return FALSE;
  DkLang lang = dk_report_lang (report);
  DkTable *t = dk_table_new ("wishes", T_ (lang, "Wished-for activities named in plans"));
  dk_table_add_column (t, "competence", T_ (lang, "Competence"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "wish", T_ (lang, "Wish"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "plans", T_ (lang, "Plans"), DK_COLUMN_INTEGER);
  g_autoptr (GHashTable) rare = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < dk_records_n_rows (r); i++)
    {
      if (dk_records_number (r, i, 2) < k)
        {
          /* the plans, not the wishes: one plan may name several */
          g_auto (GStrv) ids = g_strsplit (dk_records_text (r, i, 3), ",", -1);
          for (char **id = ids; *id != NULL; id++)
            g_hash_table_add (rare, g_strdup (*id));
          continue;
        }
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, dk_records_text (r, i, 0));
      dk_table_set_text (t, row, 1, dk_records_text (r, i, 1));
      dk_table_set_number (t, row, 2, dk_records_number (r, i, 2));
    }
  guint others = g_hash_table_size (rare);
  if (others >= k)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 1, T_ (lang, "Other wishes"));
      dk_table_set_number (t, row, 2, others);
    }
  g_autofree char *note = others == 0 ? NULL
      : g_strdup_printf (others >= k
                         ? T_ (lang, "Wishes that fewer than %u plans name are counted together as other wishes.")
                         : T_ (lang, "Wishes that fewer than %u plans name are left out."), k);
  if (note != NULL)
    dk_report_add_note (report, note);
  dk_report_add_table (report, t);
  return TRUE;
}

/* Returns ROUND, or NULL with ERROR when it or UNIT (when not NULL) does not exist. */
static DkRound *
round_and_unit (DkStore *store, const char *round, const char *unit, GError **error)
{
  DkRound *r = dk_store_round (store, round, error);
  if (r != NULL && unit != NULL && dk_store_unit_ensure (store, unit, FALSE, error) == 0)
    g_clear_pointer (&r, dk_round_free);
  return r;
}

/* The report's title for ROUND, naming UNIT when there is one. */
static char *
learning_title (const char *what, const DkRound *r, const char *unit, DkLang lang)
{
  return unit != NULL ? g_strdup_printf (T_ (lang, "%s, round %s, %s"), what, r->code, unit)
                      : g_strdup_printf (T_ (lang, "%s, round %s"), what, r->code);
}

static DkReport *
coverage_report (DkStore *store, const char *round, const char *unit, guint k, const DkContext *ctx,
                 GError **error)
{
  g_autoptr (DkRound) r = round_and_unit (store, round, unit, error);
  g_autoptr (GPtrArray) catalogue = r != NULL ? dk_catalogue_load (store, error) : NULL;
  if (catalogue == NULL)
    return NULL;
  Coverage c = { .unit = unit };
  if ((c.fw = dk_store_round_framework (store, r, error)) == NULL || (c.units = unit_paths (store, error)) == NULL)
    {
      dk_framework_free (c.fw);
      return NULL;
    }
  g_autofree char *today = dk_context_today (ctx);
  guint n = dk_framework_n_competences (c.fw);
  c.planner = dk_planner_new (catalogue, today);
  c.needs = g_new0 (guint, n);
  c.uncovered = g_new0 (guint, n);
  DkReport *report = NULL;
  if (dk_store_round_scan (store, r->id, 0, coverage_row, &c, error))
    {
      g_autofree char *title = learning_title (T_ (ctx->lang, "Catalogue coverage"), r, unit, ctx->lang);
      report = dk_report_new (title, ctx->lang);
      dk_report_add_note (report, T_ (ctx->lang, "People with a need on each competence, and how many of them "
                                                 "no activity open to them covers — what HR should create next."));
      add_min_group_note (report, k);
      DkTable *t = dk_table_new ("coverage", T_ (ctx->lang, "Needs and coverage per competence"));
      dk_table_add_column (t, "competence", T_ (ctx->lang, "Competence"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "title", T_ (ctx->lang, "Title"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "people_with_need", T_ (ctx->lang, "People with a need"), DK_COLUMN_INTEGER);
      dk_table_add_column (t, "not_covered", T_ (ctx->lang, "Not covered"), DK_COLUMN_INTEGER);
      for (guint i = 0; i < n; i++)
        {
          guint row = dk_table_add_row (t);
          const DkCompetence *comp = dk_framework_competence (c.fw, i);
          dk_table_set_text (t, row, 0, comp->id);
          dk_table_set_text (t, row, 1, dk_competence_title (comp, ctx->lang));
          dk_table_set_number (t, row, 2, c.needs[i]);
          dk_table_set_number (t, row, 3, c.uncovered[i]);
          dk_table_set_emphasis (t, row, 3, c.uncovered[i] > 0);
          /* people with a need = not covered + covered (not shown) */
          static const guint counts[] = { 2, 3 };
          gboolean shown = c.needs[i] == 0 || c.needs[i] >= k;
          if (!shown)
            suppress_row (t, row, counts, 1, k);
          Part parts[] = { { c.uncovered[i], row }, { c.needs[i] - c.uncovered[i], NOT_SHOWN } };
          suppress_parts (t, parts, 2, counts + 1, 1, shown, k);
        }
      dk_report_add_table (report, t);
      if (!add_wishes_table (report, store, r->id, unit, k, error))
        g_clear_pointer (&report, dk_report_free);
    }
  g_free (c.needs);
  g_free (c.uncovered);
  dk_planner_free (c.planner);
  g_hash_table_unref (c.units);
  dk_framework_free (c.fw);
  return report;
}

/* ---- goals ---------------------------------------------------------------------------- */

static DkReport *
goals_report (DkStore *store, const char *round, const char *unit, guint k, DkLang lang, GError **error)
{
  g_autoptr (DkRound) r = round_and_unit (store, round, unit, error);
  if (r == NULL)
    return NULL;
  static const char *const keys[] = { "competence", "items", "people", "done" };
  static const char *const labels[] = { N_("Competence"), N_("Goals"), N_("People"), N_("Done") };
  static const DkColumnKind kinds[] = { DK_COLUMN_TEXT, DK_COLUMN_INTEGER, DK_COLUMN_INTEGER, DK_COLUMN_INTEGER };
  g_autoptr (DkRecords) goals = dk_store_plan_goals (store, r->id, unit, error);
  if (goals == NULL)
    return NULL;
  DkTable *t = records_table ("goals", T_ (lang, "Personal goals per competence"), goals, keys, labels, kinds,
                              lang);
  for (guint row = 0; row < dk_table_n_rows (t); row++)
    {
      static const guint counts[] = { 1, 2, 3 };
      double items = dk_records_number (goals, row, 1), people = dk_records_number (goals, row, 2);
      double done = dk_records_number (goals, row, 3);
      if (people < k)
        suppress_row (t, row, counts, 2, k);
      /* the goals = those done + those not done (not shown) */
      Part parts[] = { { done, row }, { items - done, NOT_SHOWN } };
      suppress_parts (t, parts, 2, counts + 2, 1, people >= k, k);
    }
  g_autofree char *title = learning_title (T_ (lang, "Personal goals"), r, unit, lang);
  DkReport *report = dk_report_new (title, lang);
  add_min_group_note (report, k);
  dk_report_add_table (report, t);
  return report;
}

/* ---- participation ------------------------------------------------------------------------- */

/* Rows mix people and hours, so the figures are formatted here. */
static void
add_target_row (DkTable *t, const char *label, double actual, double target, gboolean has_target,
                gboolean hours, DkLang lang)
{
  guint row = dk_table_add_row (t);
  dk_table_set_text (t, row, 0, label);
  g_autofree char *a = hours ? dk_format_hours (actual, lang) : g_strdup_printf ("%.0f", actual);
  dk_table_set_text (t, row, 1, a);
  if (has_target)
    {
      g_autofree char *b = hours ? dk_format_hours (target, lang) : g_strdup_printf ("%.0f", target);
      dk_table_set_text (t, row, 2, b);
    }
}

/* Returns the table NAME titled TITLE of the participation records R
 * (group, participants, hours), its groups suppressed by the minimum group
 * K as parts of the total, which is shown when SUM_SHOWN. */
static DkTable *
groups_table (const char *name, const char *title, const DkRecords *r, gboolean sum_shown, guint k,
              DkLang lang)
{
  static const char *const keys[] = { "group", "participants", "hours" };
  static const char *const labels[] = { N_("Group"), N_("Participants"), N_("Hours") };
  static const DkColumnKind kinds[] = { DK_COLUMN_TEXT, DK_COLUMN_INTEGER, DK_COLUMN_HOURS };
  static const guint figures[] = { 1, 2 };
  DkTable *t = records_table (name, title, r, keys, labels, kinds, lang);
  guint n = dk_records_n_rows (r);
  g_autofree Part *parts = g_new0 (Part, n);
  for (guint i = 0; i < n; i++)
    parts[i] = (Part) { dk_records_number (r, i, 1), i };
  suppress_parts (t, parts, n, figures, 2, sum_shown, k);
  return t;
}

static DkReport *
participation_report (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  DkParticipationTotals v;
  if (!dk_store_participation_totals (store, q->from, q->to, &v, error))
    return NULL;
  g_autoptr (DkRecords) by_unit = dk_store_participation_by_department (store, q->from, q->to, error);
  g_autoptr (DkRecords) by_kind = by_unit != NULL ? dk_store_participation_by_kind (store, q->from, q->to, error)
                                                  : NULL;
  if (by_kind == NULL)
    return NULL;
  guint k = q->min_group;
  g_autofree char *title = g_strdup_printf (T_ (lang, "Participation %s – %s"), q->from ? q->from : "…",
                                            q->to ? q->to : "…");
  DkReport *report = dk_report_new (title, lang);
  dk_report_add_note (report,
                      T_ (lang, "Participants attended or completed an activity; hours are summed over them."));
  add_min_group_note (report, k);
  DkTable *t = dk_table_new ("participation", T_ (lang, "Participants and hours"));
  dk_table_add_column (t, "figure", T_ (lang, "Figure"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "actual", T_ (lang, "Actual"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "target", T_ (lang, "Target"), DK_COLUMN_TEXT);
  double avg = v.participants > 0 ? v.hours / v.participants : 0;
  add_target_row (t, T_ (lang, "Participants"), v.participants, q->target_participants, q->target_participants > 0,
                  FALSE, lang);
  add_target_row (t, T_ (lang, "of whom women"), v.women, 0, FALSE, FALSE, lang);
  add_target_row (t, T_ (lang, "of whom men"), v.men, 0, FALSE, FALSE, lang);
  add_target_row (t, T_ (lang, "of whom other or not given"), v.other, 0, FALSE, FALSE, lang);
  add_target_row (t, T_ (lang, "Hours in total"), v.hours, q->target_hours_avg * q->target_participants,
                  q->target_hours_avg > 0 && q->target_participants > 0, TRUE, lang);
  add_target_row (t, T_ (lang, "Hours per participant"), avg, q->target_hours_avg, q->target_hours_avg > 0,
                  TRUE, lang);
  /* rows 0 and 4–5: the participants and their hours; rows 1–3 the genders */
  static const guint actual[] = { 1 };
  gboolean shown = v.participants == 0 || v.participants >= k;
  for (guint row = 0; !shown && row < 6; row += row == 0 ? 4 : 1)
    suppress_row (t, row, actual, 1, k);
  Part genders[] = { { v.women, 1 }, { v.men, 2 }, { v.other, 3 } };
  suppress_parts (t, genders, G_N_ELEMENTS (genders), actual, 1, shown, k);
  dk_report_add_table (report, t);
  dk_report_add_table (report, groups_table ("by_unit", T_ (lang, "Per department"), by_unit, shown, k, lang));
  dk_report_add_table (report, groups_table ("by_kind", T_ (lang, "Per kind of activity"), by_kind, shown, k, lang));
  return report;
}

/* Ends the read transaction the public functions below read REPORT in,
 * and returns REPORT, or NULL with ERROR when REPORT is NULL or the end
 * fails. */
static DkReport *
read_done (DkStore *store, DkReport *report, GError **error)
{
  if (!dk_store_read_end (store, report != NULL ? error : NULL))
    g_clear_pointer (&report, dk_report_free);
  return report;
}

DkReport *
dk_report_coverage (DkStore *store, const char *round, const char *unit, guint min_group,
                    const DkContext *ctx, GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, coverage_report (store, round, unit, min_group, ctx, error), error)
         : NULL;
}

DkReport *
dk_report_goals (DkStore *store, const char *round, const char *unit, guint min_group, DkLang lang,
                 GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, goals_report (store, round, unit, min_group, lang, error), error)
         : NULL;
}

DkReport *
dk_report_participation (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, participation_report (store, q, lang, error), error)
         : NULL;
}
