/*
 * store-participation.c — participation in the store.
 */
#include "store-private.h"
#include "participation.h"

#include <string.h>

GHashTable *
dk_participation_completed (DkStore *store, gint64 person, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT activity_id FROM participation"
                                                " WHERE person_id = ? AND status = 'completed'", error);
  if (stmt == NULL)
    return NULL;
  GHashTable *done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_bind_int64 (stmt, 1, person);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading participation"), error)) == DK_STORE_STEP_ROW)
    g_hash_table_add (done, dk_store_column_dup (stmt, 0));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&done, g_hash_table_unref);
  return done;
}

DkParticipationStored
dk_participation_stored (DkStore *store, gint64 person, const char *activity, const char *date, double hours,
                         const char *status, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT hours = ?4 AND status = ?5 FROM participation"
                                                " WHERE person_id = ?1 AND activity_id = ?2 AND date = ?3", error);
  if (stmt == NULL)
    return DK_PARTICIPATION_STORE_FAILED;
  sqlite3_bind_int64 (stmt, 1, person);
  dk_store_bind_static (stmt, 2, activity);
  dk_store_bind_static (stmt, 3, date);
  sqlite3_bind_double (stmt, 4, hours);
  dk_store_bind_static (stmt, 5, status);
  DkStoreStep step = dk_store_step (store, stmt, S_("reading participation"), error);
  DkParticipationStored found = step == DK_STORE_STEP_ERROR ? DK_PARTICIPATION_STORE_FAILED
                                : step == DK_STORE_STEP_DONE ? DK_PARTICIPATION_ABSENT
                                : sqlite3_column_int (stmt, 0) ? DK_PARTICIPATION_SAME
                                : DK_PARTICIPATION_DIFFERENT;
  sqlite3_finalize (stmt);
  return found;
}

gboolean
dk_participation_write (DkStore *store, gint64 person, const char *activity, const char *date,
                        double hours, const char *status, guint *items_done, const DkContext *ctx,
                        GError **error)
{
  sqlite3_stmt *stmt = NULL, *done = NULL;
  gboolean ok = (stmt = dk_store_prepare (store, "INSERT INTO participation (person_id, activity_id, date, hours,"
                                                 " status) VALUES (?, ?, ?, ?, ?)"
                                                 " ON CONFLICT (person_id, activity_id, date)"
                                                 " DO UPDATE SET hours = excluded.hours, status = excluded.status",
                                          error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person);
      dk_store_bind_text (stmt, 2, activity);
      dk_store_bind_text (stmt, 3, date);
      sqlite3_bind_double (stmt, 4, hours);
      dk_store_bind_text (stmt, 5, status);
      ok = dk_store_step_finalize (store, stmt, error);
    }
  /* completing an activity completes the plan items that name it */
  if (ok && strcmp (status, "completed") == 0)
    ok = (done = dk_store_prepare (store, "UPDATE plan_item SET status = 'done' WHERE activity_id = ?2 AND"
                                          " status = 'planned' AND plan_id IN (SELECT id FROM plan WHERE person_id = ?1)",
                                   error)) != NULL;
  if (ok && done != NULL)
    {
      sqlite3_bind_int64 (done, 1, person);
      dk_store_bind_text (done, 2, activity);
      ok = dk_store_step_finalize (store, done, error);
      if (ok && items_done != NULL)
        *items_done += (guint) sqlite3_changes (store->db);
    }
  g_autofree char *value = g_strdup_printf ("%s %s %s", activity, date, status);
  return ok && dk_store_audit (store, ctx, "participation", person, 0, "activity", NULL, value, error);
}
