/*
 * plan-report.c — coverage, goals and participation reports.
 */
#include "plan-report.h"

#include <string.h>

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

/* Returns a table named NAME titled TITLE of RECORDS (NULL: NULL), whose
 * columns are KEYS, LABELS (msgids, worded in LANG) and KINDS (as many as
 * RECORDS has). */
static DkTable *
records_table (const char *name, const char *title, DkRecords *records, const char *const *keys,
               const char *const *labels, const DkColumnKind *kinds, DkLang lang)
{
  g_autoptr (DkRecords) r = records;
  if (r == NULL)
    return NULL;
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

static DkTable *
wishes_table (DkStore *store, gint64 round, const char *unit, DkLang lang, GError **error)
{
  static const char *const keys[] = { "competence", "wish", "plans" };
  static const char *const labels[] = { N_("Competence"), N_("Wish"), N_("Plans") };
  static const DkColumnKind kinds[] = { DK_COLUMN_TEXT, DK_COLUMN_TEXT, DK_COLUMN_INTEGER };
  return records_table ("wishes", T_ (lang, "Wished-for activities named in plans"),
                        dk_store_plan_wishes (store, round, unit, error), keys, labels, kinds, lang);
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

/* The report's title for ROUND in LANG, naming UNIT when there is one. */
static char *
learning_title (const char *what, const DkRound *r, const char *unit, DkLang lang)
{
  return unit != NULL ? g_strdup_printf (T_ (lang, "%s, round %s, %s"), what, r->code, unit)
                      : g_strdup_printf (T_ (lang, "%s, round %s"), what, r->code);
}

static DkReport *
coverage_report (DkStore *store, const char *round, const char *unit, const DkContext *ctx,
                GError **error)
{
  DkLang lang = ctx->lang;
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
      g_autofree char *title = learning_title (T_ (lang, "Catalogue coverage"), r, unit, lang);
      report = dk_report_new (title, ctx->lang);
      dk_report_add_note (report, T_ (lang, "People with a need on each competence, and how many of them no activity "
                                    "open to them covers — what HR should create next."));
      DkTable *t = dk_table_new ("coverage", T_ (lang, "Needs and coverage per competence"));
      dk_table_add_column (t, "competence", T_ (lang, "Competence"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "title", T_ (lang, "Title"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "people_with_need", T_ (lang, "People with a need"), DK_COLUMN_INTEGER);
      dk_table_add_column (t, "not_covered", T_ (lang, "Not covered"), DK_COLUMN_INTEGER);
      for (guint i = 0; i < n; i++)
        {
          guint row = dk_table_add_row (t);
          const DkCompetence *comp = dk_framework_competence (c.fw, i);
          dk_table_set_text (t, row, 0, comp->id);
          dk_table_set_text (t, row, 1, dk_competence_title (comp, ctx->lang));
          dk_table_set_number (t, row, 2, c.needs[i]);
          dk_table_set_number (t, row, 3, c.uncovered[i]);
          dk_table_set_emphasis (t, row, 3, c.uncovered[i] > 0);
        }
      dk_report_add_table (report, t);
      DkTable *w = wishes_table (store, r->id, unit, lang, error);
      if (w != NULL)
        dk_report_add_table (report, w);
      else
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
goals_report (DkStore *store, const char *round, const char *unit, DkLang lang, GError **error)
{
  g_autoptr (DkRound) r = round_and_unit (store, round, unit, error);
  if (r == NULL)
    return NULL;
  static const char *const keys[] = { "competence", "items", "people", "done" };
  static const char *const labels[] = { N_("Competence"), N_("Goals"), N_("People"), N_("Done") };
  static const DkColumnKind kinds[] = { DK_COLUMN_TEXT, DK_COLUMN_INTEGER, DK_COLUMN_INTEGER, DK_COLUMN_INTEGER };
  DkTable *t = records_table ("goals", T_ (lang, "Personal goals per competence"),
                              dk_store_plan_goals (store, r->id, unit, error), keys, labels, kinds, lang);
  if (t == NULL)
    return NULL;
  g_autofree char *title = learning_title (T_ (lang, "Personal goals"), r, unit, lang);
  DkReport *report = dk_report_new (title, lang);
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

static DkReport *
participation_report (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  DkParticipationTotals v;
  if (!dk_store_participation_totals (store, q->from, q->to, &v, error))
    return NULL;
  g_autofree char *title = g_strdup_printf (T_ (lang, "Participation %s – %s"), q->from ? q->from : "…", q->to ? q->to : "…");
  DkReport *report = dk_report_new (title, lang);
  dk_report_add_note (report, T_ (lang, "Participants attended or completed an activity; hours are summed over them."));
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
  add_target_row (t, T_ (lang, "Hours per participant"), avg, q->target_hours_avg, q->target_hours_avg > 0, TRUE, lang);
  dk_report_add_table (report, t);

  static const char *const keys[] = { "group", "participants", "hours" };
  static const char *const labels[] = { N_("Group"), N_("Participants"), N_("Hours") };
  static const DkColumnKind kinds[] = { DK_COLUMN_TEXT, DK_COLUMN_INTEGER, DK_COLUMN_HOURS };
  DkTable *by_unit = records_table ("by_unit", T_ (lang, "Per department"),
                                    dk_store_participation_by_department (store, q->from, q->to, error),
                                    keys, labels, kinds, lang);
  DkTable *by_kind = by_unit == NULL ? NULL
      : records_table ("by_kind", T_ (lang, "Per kind of activity"),
                       dk_store_participation_by_kind (store, q->from, q->to, error), keys, labels, kinds,
                       lang);
  if (by_kind == NULL)
    {
      dk_table_free (by_unit);
      dk_report_free (report);
      return NULL;
    }
  dk_report_add_table (report, by_unit);
  dk_report_add_table (report, by_kind);
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
dk_report_coverage (DkStore *store, const char *round, const char *unit, const DkContext *ctx,
                    GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, coverage_report (store, round, unit, ctx, error), error)
         : NULL;
}

DkReport *
dk_report_goals (DkStore *store, const char *round, const char *unit, DkLang lang, GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, goals_report (store, round, unit, lang, error), error)
         : NULL;
}

DkReport *
dk_report_participation (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, participation_report (store, q, lang, error), error)
         : NULL;
}
