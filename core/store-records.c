/*
 * store-records.c — the questions whose rows a caller renders as they come:
 * a person's plans and participation for the export, the plans' wishes and
 * goals and the participation for HR's learning reports.
 */
#include "store-private.h"

struct _DkRecords {
  GStrv      columns;
  guint      n_columns;
  GPtrArray *rows;   /* of char *[n_columns] */
};

static void
row_free (gpointer data, gpointer n)
{
  char **row = data;
  for (guint c = 0; c < GPOINTER_TO_UINT (n); c++)
    g_free (row[c]);
  g_free (row);
}

void
dk_records_free (DkRecords *r)
{
  if (r == NULL)
    return;
  g_ptr_array_foreach (r->rows, row_free, GUINT_TO_POINTER (r->n_columns));
  g_ptr_array_unref (r->rows);
  g_strfreev (r->columns);
  g_free (r);
}

guint dk_records_n_columns (const DkRecords *r) { return r->n_columns; }
const char *dk_records_column (const DkRecords *r, guint col) { return r->columns[col]; }
guint dk_records_n_rows (const DkRecords *r) { return r->rows->len; }

const char *
dk_records_text (const DkRecords *r, guint row, guint col)
{
  g_return_val_if_fail (row < r->rows->len && col < r->n_columns, NULL);
  return ((char **) g_ptr_array_index (r->rows, row))[col];
}

double
dk_records_number (const DkRecords *r, guint row, guint col)
{
  const char *t = dk_records_text (r, row, col);
  return t != NULL ? g_ascii_strtod (t, NULL) : 0;
}

/* Runs SQL with ?1 = ID (when ID is not 0) or ?1 = TEXT1, and ?2 = TEXT2,
 * into records named by the query's columns. */
static DkRecords *
query (DkStore *store, const char *what, const char *sql, gint64 id, const char *text1,
       const char *text2, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    dk_store_bind_text (stmt, 1, text1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    dk_store_bind_text (stmt, 2, text2);
  DkRecords *r = g_new0 (DkRecords, 1);
  r->n_columns = (guint) sqlite3_column_count (stmt);
  r->columns = g_new0 (char *, r->n_columns + 1);
  for (guint c = 0; c < r->n_columns; c++)
    r->columns[c] = g_strdup (sqlite3_column_name (stmt, (int) c));
  r->rows = g_ptr_array_new ();
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, what, error)) == DK_STORE_STEP_ROW)
    {
      char **row = g_new (char *, r->n_columns);
      for (guint c = 0; c < r->n_columns; c++)
        row[c] = dk_store_column_dup (stmt, (int) c);
      g_ptr_array_add (r->rows, row);
    }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&r, dk_records_free);
  return r;
}

/* ---- a person's --------------------------------------------------------------------------- */

DkRecords *
dk_store_person_plan_items (DkStore *store, gint64 person, GError **error)
{
  return query (store, S_("reading plans"),
                "SELECT r.code AS round, pl.state, pl.agreed_at, pl.agreed_by,"
                " i.competence, i.target, i.activity_id AS activity, i.wish, i.due,"
                " i.status FROM plan pl JOIN round r ON r.id = pl.round_id"
                " LEFT JOIN plan_item i ON i.plan_id = pl.id WHERE pl.person_id = ?1 ORDER BY pl.id, i.id",
                person, NULL, NULL, error);
}

DkRecords *
dk_store_person_follow_ups (DkStore *store, gint64 person, GError **error)
{
  return query (store, S_("reading plans"),
                "SELECT r.code AS round, f.held_on, f.notes, f.recorded_by, f.recorded_at FROM plan pl"
                " JOIN round r ON r.id = pl.round_id JOIN plan_follow_up f ON f.plan_id = pl.id"
                " WHERE pl.person_id = ?1 ORDER BY pl.id, f.held_on, f.id", person, NULL, NULL, error);
}

DkRecords *
dk_store_person_participation (DkStore *store, gint64 person, GError **error)
{
  return query (store, S_("reading participation"),
                "SELECT activity_id AS activity, date, hours, status FROM participation"
                " WHERE person_id = ?1 ORDER BY date", person, NULL, NULL, error);
}

/* ---- plans -------------------------------------------------------------------------------- */

DkRecords *
dk_store_plan_wishes_by_unit (DkStore *store, gint64 round, GError **error)
{
  return query (store, S_("reading plans"),
                "SELECT i.competence, i.wish, x.unit_id AS unit, count(DISTINCT p.id) AS plans,"
                " group_concat(DISTINCT p.id) AS plan_ids FROM plan_item i JOIN plan p ON p.id = i.plan_id"
                " JOIN person x ON x.id = p.person_id WHERE p.round_id = ?1 AND i.wish IS NOT NULL"
                " GROUP BY i.competence, i.wish, x.unit_id ORDER BY i.competence, i.wish, x.unit_id",
                round, NULL, NULL, error);
}

DkRecords *
dk_store_plan_goals_by_unit (DkStore *store, gint64 round, GError **error)
{
  return query (store, S_("reading plans"),
                "SELECT i.competence, x.unit_id AS unit, count(*) AS items, count(DISTINCT p.person_id) AS people,"
                " sum(i.status = 'done') AS done FROM plan_item i JOIN plan p ON p.id = i.plan_id"
                " JOIN person x ON x.id = p.person_id WHERE p.round_id = ?1 AND i.status <> 'cancelled'"
                " GROUP BY i.competence, x.unit_id ORDER BY i.competence, x.unit_id",
                round, NULL, NULL, error);
}

/* ---- participation ------------------------------------------------------------------------ */

DkRecords *
dk_store_participation_by_month (DkStore *store, GError **error)
{
  return query (store, S_("reading participation"),
      "SELECT pa.person_id AS person, u.path AS unit, x.gender, coalesce(a.kind, '?') AS kind,"
      " substr(pa.date, 1, 7) AS month, sum(pa.hours) AS hours FROM participation pa"
      " JOIN person x ON x.id = pa.person_id LEFT JOIN unit u ON u.id = x.unit_id"
      " LEFT JOIN activity a ON a.id = pa.activity_id WHERE pa.status IN ('attended', 'completed')"
      " GROUP BY pa.person_id, 4, 5 ORDER BY pa.person_id, 4, 5", 0, NULL, NULL, error);
}
