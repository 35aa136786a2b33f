/*
 * store-person.c — a person's own data in the store: their audit trail,
 * and what erasing them counts and removes.
 */
#include "store-private.h"
#include "person-data.h"
#include "store-audit.h"

void
dk_audit_row_free (DkAuditRow *row)
{
  if (row == NULL)
    return;
  g_free (row->at);
  g_free (row->actor);
  g_free (row->entity);
  g_free (row->round);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row->person);
  g_free (row);
}

GPtrArray *
dk_person_audit (DkStore *store, const char *person, GError **error)
{
  DkAuditFilter filter = { .person = person };
  return dk_store_audit_rows (store, &filter, NULL, error);
}

/* ---- erasure -------------------------------------------------------------------------- */

/* Runs SQL with ?1 = the person's store id (?2 = their external id) and
 * returns how many rows changed, or -1. */
static int
run (DkStore *store, const char *sql, const DkPerson *p, GError **error)
{
  sqlite3 *db = dk_store_db (store);
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, S_("erasing"), error);
      return -1;
    }
  sqlite3_bind_int64 (stmt, 1, p->id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, p->ext_id, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step (stmt);
  int changes = sqlite3_changes (db);
  int count = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : changes;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      dk_store_sql_error (store, S_("erasing"), error);
      return -1;
    }
  return count;
}

gboolean
dk_store_person_erasure_count (DkStore *store, const DkPerson *p, DkEraseSummary *s, GError **error)
{
  int v[4] = {
    run (store, "SELECT count(*) FROM assessment a JOIN round r ON r.id = a.round_id"
                " WHERE a.person_id = ?1 AND r.state = 'open'", p, error),
    run (store, "SELECT count(*) FROM assessment a JOIN round r ON r.id = a.round_id"
                " WHERE a.person_id = ?1 AND r.state = 'closed'", p, error),
    run (store, "SELECT count(*) FROM rating_note WHERE person_id = ?1", p, error),
    run (store, "SELECT count(*) FROM audit WHERE person_id = ?1", p, error),
  };
  int in_chunks = dk_audit_levels_count (store, p->id, error);
  int reports = run (store, "SELECT count(*) FROM person WHERE manager_id = ?1", p, error);
  int plans = run (store, "SELECT count(*) FROM plan WHERE person_id = ?1", p, error);
  int attended = run (store, "SELECT count(*) FROM participation WHERE person_id = ?1", p, error);
  if (in_chunks < 0)
    return FALSE;
  v[3] += in_chunks;
  if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0 || reports < 0 || plans < 0 || attended < 0)
    return FALSE;
  *s = (DkEraseSummary) { (guint) v[0], (guint) v[1], (guint) v[2], (guint) v[3], (guint) reports,
                          .plans = (guint) plans, .participations = (guint) attended };
  return TRUE;
}

/* Returns CTX for the audit rows of erasing P, with the marker for actor
 * when P erases themselves, so that not even these rows name them. */
static DkContext
erasing_context (const DkPerson *p, const DkContext *ctx)
{
  DkContext as = *ctx;
  if (g_strcmp0 (dk_context_actor (ctx), p->ext_id) == 0)
    as.actor = DK_ACTOR_ERASED;
  return as;
}

/* Audits, as CTX's actor, that each person P managed has no manager now:
 * the old value is the marker, not P's id. */
static gboolean
audit_reports (DkStore *store, const DkPerson *p, const DkContext *ctx, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT id FROM person WHERE manager_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("erasing"), error)) == DK_STORE_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  gboolean ok = step == DK_STORE_STEP_DONE;
  DkContext as = erasing_context (p, ctx);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = dk_store_audit (store, &as, "person", g_array_index (ids, gint64, i), 0,
                         "manager", DK_ACTOR_ERASED, NULL, error);
  return ok;
}

gboolean
dk_store_person_erase_rows (DkStore *store, const DkPerson *p, const DkContext *ctx, GError **error)
{
  static const char *steps[] = {
    "DELETE FROM assessment WHERE person_id = ?1 AND round_id IN"
    " (SELECT id FROM round WHERE state = 'open')",
    /* closed rounds keep the row, under a new anonymous (negative) id */
    "UPDATE assessment SET person_id = (SELECT min(0, coalesce(min(person_id), 0)) - 1"
    " FROM assessment), shared_at = NULL, conversation_at = CASE WHEN conversation_at IS NULL"
    " THEN NULL ELSE '' END WHERE person_id = ?1",
    "DELETE FROM rating_note WHERE person_id = ?1",
    "DELETE FROM audit WHERE person_id = ?1",
    /* their id in others' data becomes the marker (dk_actor_word) */
    "UPDATE audit SET actor = '" DK_ACTOR_ERASED "' WHERE actor = ?2 OR actor = 'hr:' || ?2",
    "UPDATE audit SET old_value = CASE WHEN old_value = ?2 THEN '" DK_ACTOR_ERASED "' ELSE old_value END,"
    " new_value = CASE WHEN new_value = ?2 THEN '" DK_ACTOR_ERASED "' ELSE new_value END"
    " WHERE entity = 'person' AND field = 'manager' AND (old_value = ?2 OR new_value = ?2)",
    /* a person's first row: "NAME; UNIT; ROLE; manager ID; GENDER" */
    "UPDATE audit SET new_value = replace(new_value, '; manager ' || ?2 || '; ',"
    " '; manager " DK_ACTOR_ERASED "; ') WHERE entity = 'person' AND field = 'added'"
    " AND instr(new_value, '; manager ' || ?2 || '; ') > 0",
    "UPDATE rating_note SET adjusted_by = '" DK_ACTOR_ERASED "' WHERE adjusted_by = ?2 OR adjusted_by = 'hr:' || ?2",
    "UPDATE plan SET agreed_by = '" DK_ACTOR_ERASED "' WHERE agreed_by = ?2 OR agreed_by = 'hr:' || ?2",
    "UPDATE plan_follow_up SET recorded_by = '" DK_ACTOR_ERASED "'"
    " WHERE recorded_by = ?2 OR recorded_by = 'hr:' || ?2",
    NULL,   /* the people they managed: audited one by one (audit_reports) */
    "UPDATE person SET manager_id = NULL WHERE manager_id = ?1",
    "DELETE FROM person WHERE id = ?1",
  };
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* anonymise one closed-round row at a time: each gets its own id */
      if (i == 1)
        while (run (store, "SELECT count(*) FROM assessment WHERE person_id = ?1", p, error) > 0)
          {
            g_autofree char *one = g_strdup_printf ("%s AND round_id = (SELECT min(round_id) FROM"
                                                    " assessment WHERE person_id = ?1)", steps[1]);
            if (run (store, one, p, error) < 0)
              return FALSE;
          }
      else if (steps[i] == NULL ? !audit_reports (store, p, ctx, error) : run (store, steps[i], p, error) < 0)
        return FALSE;
    }
  if (!dk_audit_levels_erase (store, p->id, error))
    return FALSE;
  DkContext as = erasing_context (p, ctx);
  return dk_store_audit (store, &as, "person", 0, 0, "erased", NULL,
                         S_("one person's data"), error);
}
