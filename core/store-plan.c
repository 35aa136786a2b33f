/*
 * store-plan.c — the plans in the store: reading a plan, the plan writer,
 * and the audited changes of a plan's life.
 */
#include "store-private.h"
#include "store-plan.h"

static void
item_free (DkPlanItem *item)
{
  g_free (item->competence);
  g_free (item->activity_id);
  g_free (item->wish);
  g_free (item->due);
  g_free (item->status);
  g_free (item->reason);
  g_free (item);
}

static void
follow_up_free (DkPlanFollowUp *f)
{
  g_free (f->held_on);
  g_free (f->notes);
  g_free (f->recorded_by);
  g_free (f->recorded_at);
  g_free (f);
}

void
dk_plan_free (DkPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->round);
  g_free (plan->person);
  g_free (plan->state);
  g_free (plan->created_at);
  g_free (plan->agreed_at);
  g_free (plan->agreed_by);
  g_ptr_array_unref (plan->items);
  g_ptr_array_unref (plan->follow_ups);
  g_free (plan);
}

/* ---- reading ------------------------------------------------------------------------------ */

static gboolean
load_items (DkStore *store, DkPlan *plan, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT id, competence, coalesce(target, 0), activity_id, wish,"
                                                " due, status, reason FROM plan_item WHERE plan_id = ? ORDER BY id",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->id);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("plans"), error)) == DK_STORE_STEP_ROW)
    {
      DkPlanItem *item = g_new0 (DkPlanItem, 1);
      item->id = sqlite3_column_int64 (stmt, 0);
      item->competence = dk_store_column_dup (stmt, 1);
      item->target = (guint) sqlite3_column_int (stmt, 2);
      item->activity_id = dk_store_column_dup (stmt, 3);
      item->wish = dk_store_column_dup (stmt, 4);
      item->due = dk_store_column_dup (stmt, 5);
      item->status = dk_store_column_dup (stmt, 6);
      item->reason = dk_store_column_dup (stmt, 7);
      g_ptr_array_add (plan->items, item);
      /* items are never deleted, so a number stays the item's */
      item->number = plan->items->len;
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

static gboolean
load_follow_ups (DkStore *store, DkPlan *plan, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT held_on, notes, recorded_by, recorded_at FROM plan_follow_up"
                                                " WHERE plan_id = ? ORDER BY held_on, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->id);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("plans"), error)) == DK_STORE_STEP_ROW)
    {
      DkPlanFollowUp *f = g_new0 (DkPlanFollowUp, 1);
      f->held_on = dk_store_column_dup (stmt, 0);
      f->notes = dk_store_column_dup (stmt, 1);
      f->recorded_by = dk_store_column_dup (stmt, 2);
      f->recorded_at = dk_store_column_dup (stmt, 3);
      g_ptr_array_add (plan->follow_ups, f);
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

gboolean
dk_store_plan (DkStore *store, const DkRound *round, const DkPerson *person, DkPlan **out, GError **error)
{
  *out = NULL;
  sqlite3_stmt *stmt = dk_store_prepare (store,
      "SELECT p.id, r.code, x.ext_id, p.state, p.created_at, p.agreed_at, p.agreed_by"
      " FROM plan p JOIN round r ON r.id = p.round_id"
      " JOIN person x ON x.id = p.person_id WHERE p.round_id = ? AND p.person_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round->id);
  sqlite3_bind_int64 (stmt, 2, person->id);
  g_autoptr (DkPlan) plan = NULL;
  DkStoreStep step = dk_store_step (store, stmt, S_("plans"), error);
  if (step == DK_STORE_STEP_ROW)
    {
      plan = g_new0 (DkPlan, 1);
      plan->id = sqlite3_column_int64 (stmt, 0);
      plan->round_id = round->id;
      plan->person_id = person->id;
      plan->round = dk_store_column_dup (stmt, 1);
      plan->person = dk_store_column_dup (stmt, 2);
      plan->state = dk_store_column_dup (stmt, 3);
      plan->created_at = dk_store_column_dup (stmt, 4);
      plan->agreed_at = dk_store_column_dup (stmt, 5);
      plan->agreed_by = dk_store_column_dup (stmt, 6);
      plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
      plan->follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) follow_up_free);
    }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR
      || (plan != NULL && !(load_items (store, plan, error) && load_follow_ups (store, plan, error))))
    return FALSE;
  *out = g_steal_pointer (&plan);
  return TRUE;
}

GPtrArray *
dk_store_plan_people (DkStore *store, gint64 round, const char *unit, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT x.ext_id FROM plan p JOIN person x ON x.id = p.person_id"
                                                " JOIN unit u ON u.id = x.unit_id WHERE p.round_id = ?1"
                                                " AND (u.path = ?2 OR substr(u.path, 1, length(?2) + 1) = ?2 || '/')"
                                                " ORDER BY x.ext_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round);
  dk_store_bind_text (stmt, 2, unit);
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("plans"), error)) == DK_STORE_STEP_ROW)
    g_ptr_array_add (people, dk_store_column_dup (stmt, 0));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&people, g_ptr_array_unref);
  return people;
}

GHashTable *
dk_store_planned_people (DkStore *store, gint64 round, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT person_id FROM plan WHERE round_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round);
  GHashTable *planned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("plans"), error)) == DK_STORE_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (planned, g_memdup2 (&id, sizeof id));
    }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&planned, g_hash_table_unref);
  return planned;
}

/* ---- the writer --------------------------------------------------------------------------- */

struct _DkPlanWriter {
  DkStore      *store;
  sqlite3_stmt *plan, *item;
  char         *today;
};

DkPlanWriter *
dk_plan_writer_new (DkStore *store, const DkContext *ctx)
{
  DkPlanWriter *w = g_new0 (DkPlanWriter, 1);
  w->store = store;
  w->today = dk_context_today (ctx);
  return w;
}

void
dk_plan_writer_free (DkPlanWriter *w)
{
  if (w == NULL)
    return;
  sqlite3_finalize (w->plan);
  sqlite3_finalize (w->item);
  g_free (w->today);
  g_free (w);
}

/* Returns *STMT ready for another row, preparing it the first time. */
static sqlite3_stmt *
reuse (DkStore *store, sqlite3_stmt **stmt, const char *sql, GError **error)
{
  if (*stmt == NULL)
    *stmt = dk_store_prepare (store, sql, error);
  return *stmt;
}

gint64
dk_plan_writer_plan (DkPlanWriter *w, gint64 round, gint64 person, const char *state, GError **error)
{
  sqlite3_stmt *stmt = reuse (w->store, &w->plan, "INSERT INTO plan (round_id, person_id, state, created_at)"
                                                  " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, person);
  dk_store_bind_text (stmt, 3, state);
  dk_store_bind_text (stmt, 4, w->today);
  if (!dk_store_step_once (w->store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (w->store->db);
}

gboolean
dk_plan_writer_item (DkPlanWriter *w, gint64 plan, const char *comp, guint target, const char *activity,
                     const char *wish, const char *due, const char *reason, GError **error)
{
  sqlite3_stmt *stmt = reuse (w->store, &w->item,
                              "INSERT INTO plan_item (plan_id, competence, target, activity_id,"
                              " wish, due, status, reason) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan);
  dk_store_bind_text (stmt, 2, comp);
  if (target > 0)
    sqlite3_bind_int (stmt, 3, (int) target);
  dk_store_bind_text (stmt, 4, activity);
  dk_store_bind_text (stmt, 5, wish);
  dk_store_bind_text (stmt, 6, due);
  dk_store_bind_text (stmt, 7, reason);
  return dk_store_step_once (w->store, stmt, error);
}

gboolean
dk_store_plan_delete (DkStore *store, gint64 plan, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "DELETE FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan);
  return dk_store_step_finalize (store, stmt, error);
}

/* ---- the changes -------------------------------------------------------------------------- */

/* Runs one audited change on PLAN in one transaction: the statements of
 * SQL, each with ?1 = the plan id and the texts of ARGS bound from ?2 on (a
 * statement binds those it names). */
static gboolean
plan_change (DkStore *store, const DkPlan *plan, const char *sql, const char *const *args, guint n_args,
             const DkContext *ctx, const char *field, const char *old, const char *value, GError **error)
{
  if (!dk_store_begin (store, error))
    return FALSE;
  gboolean ok = TRUE;
  while (ok && *sql != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      ok = sqlite3_prepare_v2 (store->db, sql, -1, &stmt, &sql) == SQLITE_OK
           || dk_store_sql_error (store, S_("plans"), error);
      if (!ok || stmt == NULL)
        break;   /* an error, or only white space was left */
      sqlite3_bind_int64 (stmt, 1, plan->id);
      for (guint i = 0; i < n_args && (int) i + 2 <= sqlite3_bind_parameter_count (stmt); i++)
        dk_store_bind_text (stmt, (int) i + 2, args[i]);
      ok = dk_store_step_finalize (store, stmt, error);
    }
  ok = ok && dk_store_audit (store, ctx, "plan", plan->person_id, plan->round_id, field, old, value, error)
       && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

gboolean
dk_store_plan_add_item (DkStore *store, const DkPlan *plan, const char *comp, guint target,
                        const char *activity, const char *wish, const char *due, const DkContext *ctx,
                        GError **error)
{
  g_autoptr (DkPlanWriter) w = dk_plan_writer_new (store, ctx);
  gboolean ok = dk_store_begin (store, error)
                && dk_plan_writer_item (w, plan->id, comp, target, activity, wish, due, NULL, error)
                && dk_store_audit (store, ctx, "plan", plan->person_id, plan->round_id, "item added",
                                   NULL, activity != NULL ? activity : wish, error)
                && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

gboolean
dk_store_plan_agree (DkStore *store, const DkPlan *plan, const DkContext *ctx, GError **error)
{
  g_autofree char *now = dk_context_today (ctx);
  const char *by = dk_context_actor (ctx);
  const char *args[] = { now, by };
  return plan_change (store, plan, "UPDATE plan SET state = 'agreed', agreed_at = ?2, agreed_by = ?3 WHERE id = ?1",
                      args, 2, ctx, "agreed", plan->state, now, error);
}

gboolean
dk_store_plan_reopen (DkStore *store, const DkPlan *plan, const DkContext *ctx, GError **error)
{
  return plan_change (store, plan, "UPDATE plan SET state = 'draft', agreed_at = NULL, agreed_by = NULL WHERE id = ?1",
                      NULL, 0, ctx, "reopened", plan->state, "draft", error);
}

gboolean
dk_store_plan_follow_up (DkStore *store, const DkPlan *plan, const char *date, const char *notes,
                         const DkContext *ctx, GError **error)
{
  g_autofree char *now = dk_context_today (ctx);
  const char *actor = dk_context_actor (ctx);
  const char *args[] = { date, notes, actor, now };
  return plan_change (store, plan,
                      "INSERT INTO plan_follow_up (plan_id, held_on, notes, recorded_by, recorded_at)"
                      " VALUES (?1, ?2, ?3, ?4, ?5);"
                      "UPDATE plan SET state = 'followed-up' WHERE id = ?1",
                      args, 4, ctx, "follow-up", NULL, date, error);
}

gboolean
dk_store_plan_item_status (DkStore *store, const DkPlan *plan, const DkPlanItem *item, const char *status,
                           const DkContext *ctx, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
  g_autofree char *field = g_strdup_printf ("item %u", item->number);
  const char *args[] = { status, id };
  return plan_change (store, plan, "UPDATE plan_item SET status = ?2 WHERE plan_id = ?1 AND id = ?3",
                      args, 2, ctx, field, item->status, status, error);
}
