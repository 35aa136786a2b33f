/*
 * plan.c — personal development plans and participation.
 */
#include "plan.h"
#include "date.h"
#include "number.h"

#include <string.h>

G_DEFINE_QUARK (dk-plan-error-quark, dk_plan_error)

static char *
today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
column (sqlite3_stmt *stmt, int i)
{
  const unsigned char *t = sqlite3_column_text (stmt, i);
  return t != NULL ? g_strdup ((const char *) t) : NULL;
}

/* Prepares SQL, or sets ERROR and returns NULL. */
static sqlite3_stmt *
prepare (DkStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (dk_store_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, _("plans"), error);
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (DkStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || dk_store_sql_error (store, _("plans"), error);
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

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

/* ---- the context of one person's plan ------------------------------------------------ */

gboolean
dk_plan_context_load (DkStore *store, const char *round, const char *person, DkPlanContext *ctx,
                      GError **error)
{
  memset (ctx, 0, sizeof *ctx);
  if ((ctx->round = dk_store_round (store, round, error)) == NULL
      || (ctx->person = dk_store_person (store, person, error)) == NULL
      || (ctx->fw = dk_store_round_framework (store, ctx->round, error)) == NULL
      || (ctx->a = dk_store_assessment (store, ctx->round->id, ctx->person->id, error)) == NULL)
    return FALSE;
  ctx->gaps = dk_gap_person (ctx->fw, ctx->a, FALSE);
  return TRUE;
}

void
dk_plan_context_clear (DkPlanContext *ctx)
{
  dk_round_free (ctx->round);
  dk_person_free (ctx->person);
  dk_framework_free (ctx->fw);
  dk_assessment_free (ctx->a);
  g_free (ctx->gaps);
  memset (ctx, 0, sizeof *ctx);
}

GPtrArray *
dk_plan_suggest (DkStore *store, DkPlanContext *ctx, GPtrArray *catalogue, DkStrategy strategy,
                 DkLang lang, GError **error)
{
  g_autoptr (GHashTable) completed = dk_participation_completed (store, ctx->person->id, error);
  if (completed == NULL)
    return NULL;
  g_autofree char *from = today ();
  g_autoptr (DkPlanner) planner = dk_planner_new (catalogue, from, lang);
  return dk_planner_suggest (planner, ctx->fw, ctx->gaps, ctx->person->role, ctx->person->unit_path,
                             dk_framework_motivation_high (ctx->fw), completed, strategy, 0);
}

/* ---- reading a plan ---------------------------------------------------------------------- */

static gboolean
load_items (DkStore *store, DkPlan *plan, GError **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT id, competence, coalesce(target, 0), activity_id, wish, due,"
                                       " status, reason FROM plan_item WHERE plan_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->id);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, _("plans"), error)) == DK_STORE_STEP_ROW)
    {
      DkPlanItem *item = g_new0 (DkPlanItem, 1);
      item->id = sqlite3_column_int64 (stmt, 0);
      item->competence = column (stmt, 1);
      item->target = (guint) sqlite3_column_int (stmt, 2);
      item->activity_id = column (stmt, 3);
      item->wish = column (stmt, 4);
      item->due = column (stmt, 5);
      item->status = column (stmt, 6);
      item->reason = column (stmt, 7);
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
  sqlite3_stmt *stmt = prepare (store, "SELECT held_on, notes, recorded_by, recorded_at FROM plan_follow_up"
                                       " WHERE plan_id = ? ORDER BY held_on, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->id);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, _("plans"), error)) == DK_STORE_STEP_ROW)
    {
      DkPlanFollowUp *f = g_new0 (DkPlanFollowUp, 1);
      f->held_on = column (stmt, 0);
      f->notes = column (stmt, 1);
      f->recorded_by = column (stmt, 2);
      f->recorded_at = column (stmt, 3);
      g_ptr_array_add (plan->follow_ups, f);
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

static DkPlan *
plan_load (DkStore *store, const DkRound *round, const DkPerson *person, GError **error)
{
  sqlite3_stmt *stmt = prepare (store,
      "SELECT p.id, r.code, x.ext_id, p.state, p.created_at, p.agreed_at, p.agreed_by"
      " FROM plan p JOIN round r ON r.id = p.round_id"
      " JOIN person x ON x.id = p.person_id WHERE p.round_id = ? AND p.person_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round->id);
  sqlite3_bind_int64 (stmt, 2, person->id);
  DkPlan *plan = NULL;
  DkStoreStep step = dk_store_step (store, stmt, _("plans"), error);
  if (step == DK_STORE_STEP_ROW)
    {
      plan = g_new0 (DkPlan, 1);
      plan->id = sqlite3_column_int64 (stmt, 0);
      plan->round = column (stmt, 1);
      plan->person = column (stmt, 2);
      plan->state = column (stmt, 3);
      plan->created_at = column (stmt, 4);
      plan->agreed_at = column (stmt, 5);
      plan->agreed_by = column (stmt, 6);
      plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
      plan->follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify) follow_up_free);
    }
  else if (step == DK_STORE_STEP_DONE)
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND,
                 _("%s has no plan in round %s yet; create one with: digikomp plan create %s --round %s"),
                 person->ext_id, round->code, person->ext_id, round->code);
  sqlite3_finalize (stmt);
  if (plan != NULL && !(load_items (store, plan, error) && load_follow_ups (store, plan, error)))
    g_clear_pointer (&plan, dk_plan_free);
  return plan;
}

const char *
dk_plan_word (const char *word)
{
  static const char *const words[][2] = {
    { "suggested", N_("suggested") }, { "draft", N_("draft") }, { "agreed", N_("agreed") },
    { "followed-up", N_("followed up") },
    { "planned", N_("planned") }, { "done", N_("done") }, { "cancelled", N_("cancelled") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (word, words[i][0]) == 0)
      return _(words[i][1]);
  return word;
}

DkPlan *
dk_plan_get (DkStore *store, const char *round, const char *person, GError **error)
{
  g_autoptr (DkRound) r = dk_store_round (store, round, error);
  g_autoptr (DkPerson) p = r != NULL ? dk_store_person (store, person, error) : NULL;
  return p != NULL ? plan_load (store, r, p, error) : NULL;
}

GPtrArray *
dk_plan_people (DkStore *store, const char *round, const char *unit, GError **error)
{
  g_autoptr (DkRound) r = dk_store_round (store, round, error);
  if (r == NULL || dk_store_unit_ensure (store, unit, FALSE, error) == 0)
    return NULL;
  sqlite3_stmt *stmt = prepare (store, "SELECT x.ext_id FROM plan p JOIN person x ON x.id = p.person_id"
                                       " JOIN unit u ON u.id = x.unit_id WHERE p.round_id = ?1"
                                       " AND (u.path = ?2 OR substr(u.path, 1, length(?2) + 1) = ?2 || '/')"
                                       " ORDER BY x.ext_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, r->id);
  bind_text (stmt, 2, unit);
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, _("plans"), error)) == DK_STORE_STEP_ROW)
    g_ptr_array_add (people, column (stmt, 0));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&people, g_ptr_array_unref);
  return people;
}

/* ---- changing a plan --------------------------------------------------------------------- */

/* The inserts of plans and items, prepared once: `suggest --all` writes
 * hundreds of thousands. */
typedef struct {
  DkStore      *store;
  sqlite3_stmt *plan, *item;
  char         *today;
} Writer;

static void
writer_init (Writer *w, DkStore *store)
{
  w->store = store;
  w->plan = w->item = NULL;
  w->today = today ();
}

static void
writer_clear (Writer *w)
{
  sqlite3_finalize (w->plan);
  sqlite3_finalize (w->item);
  g_free (w->today);
}

/* Resets *STMT for another row, preparing it the first time. */
static sqlite3_stmt *
reuse (DkStore *store, sqlite3_stmt **stmt, const char *sql, GError **error)
{
  if (*stmt == NULL)
    *stmt = prepare (store, sql, error);
  else
    {
      sqlite3_reset (*stmt);
      sqlite3_clear_bindings (*stmt);
    }
  return *stmt;
}

static gboolean
step_kept (DkStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || dk_store_sql_error (store, _("plans"), error);
}

static gint64
plan_insert (Writer *w, gint64 round, gint64 person, const char *state, GError **error)
{
  sqlite3_stmt *stmt = reuse (w->store, &w->plan, "INSERT INTO plan (round_id, person_id, state, created_at)"
                                                  " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, person);
  bind_text (stmt, 3, state);
  bind_text (stmt, 4, w->today);
  if (!step_kept (w->store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (dk_store_db (w->store));
}

static gboolean
item_insert (Writer *w, gint64 plan, const char *comp, guint target, const char *activity,
             const char *wish, const char *due, const char *reason, GError **error)
{
  sqlite3_stmt *stmt = reuse (w->store, &w->item,
                              "INSERT INTO plan_item (plan_id, competence, target, activity_id,"
                              " wish, due, status, reason) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan);
  bind_text (stmt, 2, comp);
  if (target > 0)
    sqlite3_bind_int (stmt, 3, (int) target);
  bind_text (stmt, 4, activity);
  bind_text (stmt, 5, wish);
  bind_text (stmt, 6, due);
  bind_text (stmt, 7, reason);
  return step_kept (w->store, stmt, error);
}

/* Adds the best suggestion of each need of NEEDS as an item of PLAN. */
static gboolean
add_best (Writer *w, gint64 plan, GPtrArray *needs, GError **error)
{
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *n = needs->pdata[i];
      if (n->suggestions->len == 0)
        continue;   /* not covered: the coverage report lists it */
      const DkSuggestion *s = n->suggestions->pdata[0];
      if (!item_insert (w, plan, n->competence->id, n->target, s->activity->id, NULL, NULL,
                        s->reason, error))
        return FALSE;
    }
  return TRUE;
}

/* Makes room for the new plan of the person of CTX in its round: a
 * suggested plan (HR's proposal) is deleted, any other refuses it. */
static gboolean
make_room (DkStore *store, const DkPlanContext *ctx, GError **error)
{
  g_autoptr (GError) none = NULL;
  g_autoptr (DkPlan) existing = plan_load (store, ctx->round, ctx->person, &none);
  if (existing == NULL)
    return TRUE;
  if (strcmp (existing->state, "suggested") == 0)
    {
      sqlite3_stmt *stmt = prepare (store, "DELETE FROM plan WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, existing->id);
      return step_done (store, stmt, error);
    }
  g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
               _("%s has a plan in round %s already; see it with: digikomp plan show %s"),
               ctx->person->ext_id, ctx->round->code, ctx->person->ext_id);
  return FALSE;
}

static gboolean
plan_write_new (DkStore *store, const DkPlanContext *ctx, GPtrArray *needs, GError **error)
{
  if (!dk_store_begin (store, error))
    return FALSE;
  /* checked inside the write lock: two processes creating the same plan at
   * once get one plan and one clear refusal, not a constraint error */
  if (!make_room (store, ctx, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  Writer w;
  writer_init (&w, store);
  gint64 id = plan_insert (&w, ctx->round->id, ctx->person->id, "draft", error);
  gboolean ok = id != 0 && (needs == NULL || add_best (&w, id, needs, error))
                && dk_store_audit (store, dk_store_actor (), "plan", ctx->person->id, ctx->round->id,
                                   "created", NULL, needs != NULL ? "from suggestions" : "empty", error)
                && dk_store_commit (store, error);
  writer_clear (&w);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

DkPlan *
dk_plan_create (DkStore *store, const char *round, const char *person, gboolean from_suggestions,
                DkLang lang, GError **error)
{
  DkPlanContext ctx = { 0 };
  g_autoptr (GPtrArray) catalogue = NULL;
  g_autoptr (GPtrArray) needs = NULL;
  DkPlan *plan = NULL;
  gboolean ok = dk_plan_context_load (store, round, person, &ctx, error)
                && (!from_suggestions || (catalogue = dk_catalogue_load (store, error)) != NULL);
  if (ok && from_suggestions)
    ok = (needs = dk_plan_suggest (store, &ctx, catalogue, DK_STRATEGY_GAPS, lang, error)) != NULL;
  if (ok && plan_write_new (store, &ctx, needs, error))
    plan = plan_load (store, ctx.round, ctx.person, error);
  dk_plan_context_clear (&ctx);
  return plan;
}

/* Runs one audited change on PERSON's plan in one transaction: the
 * statements of SQL, each with ?1 = the plan id and the texts of ARGS bound
 * from ?2 on (a statement binds those it names). */
static gboolean
plan_change (DkStore *store, const DkPlan *plan, gint64 person, gint64 round, const char *sql,
             const char *const *args, guint n_args, const char *actor, const char *field,
             const char *old, const char *value, GError **error)
{
  if (!dk_store_begin (store, error))
    return FALSE;
  gboolean ok = TRUE;
  while (ok && *sql != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      ok = sqlite3_prepare_v2 (dk_store_db (store), sql, -1, &stmt, &sql) == SQLITE_OK
           || dk_store_sql_error (store, _("plans"), error);
      if (!ok || stmt == NULL)
        break;   /* an error, or only white space was left */
      sqlite3_bind_int64 (stmt, 1, plan->id);
      for (guint i = 0; i < n_args && (int) i + 2 <= sqlite3_bind_parameter_count (stmt); i++)
        bind_text (stmt, (int) i + 2, args[i]);
      ok = step_done (store, stmt, error);
    }
  ok = ok && dk_store_audit (store, actor, "plan", person, round, field, old, value, error)
       && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

typedef struct {
  DkRound  *round;
  DkPerson *person;
  DkPlan   *plan;
} Target;

static void
target_clear (Target *t)
{
  dk_round_free (t->round);
  dk_person_free (t->person);
  dk_plan_free (t->plan);
}

static gboolean
target_load (DkStore *store, const char *round, const char *person, Target *t, GError **error)
{
  memset (t, 0, sizeof *t);
  return (t->round = dk_store_round (store, round, error)) != NULL
         && (t->person = dk_store_person (store, person, error)) != NULL
         && (t->plan = plan_load (store, t->round, t->person, error)) != NULL;
}

/* The steps of a plan's life that its state may refuse (plan.h). */
typedef enum { STEP_ADD, STEP_AGREE, STEP_FOLLOW_UP, STEP_REOPEN } Step;

static gboolean
is_draft (const DkPlan *plan)
{
  return strcmp (plan->state, "draft") == 0 || strcmp (plan->state, "suggested") == 0;
}

/* Returns TRUE when PLAN's state allows STEP; else refuses it, saying what
 * to do instead. */
static gboolean
step_allowed (const DkPlan *plan, Step step, GError **error)
{
  const char *p = plan->person, *state = dk_plan_word (plan->state);
  if (step == STEP_ADD && !is_draft (plan))
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
                 _("%s's plan is %s; reopen it to change its items: digikomp plan reopen %s --by MANAGER"),
                 p, state, p);
  else if (step == STEP_AGREE && !is_draft (plan))
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
                 _("%s's plan is %s already (agreed on %s by %s); to change it: digikomp plan reopen %s --by MANAGER"),
                 p, state, plan->agreed_at, plan->agreed_by, p);
  else if (step == STEP_AGREE && plan->items->len == 0)
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
                 _("%s's plan has no items; add one before agreeing it: digikomp plan add %s --competence C "
                   "--activity ID"), p, p);
  else if (step == STEP_FOLLOW_UP && is_draft (plan))
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
                 _("%s's plan is not agreed yet; a plan is followed up after: digikomp plan agree %s --by MANAGER"),
                 p, p);
  else if (step == STEP_REOPEN && is_draft (plan))
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
                 _("%s's plan is a draft already; change it with: digikomp plan add %s"), p, p);
  else
    return TRUE;
  return FALSE;
}

/* Refuses BY unless it is the recorded manager of T's person or "hr:NAME":
 * they agree and reopen plans. */
static gboolean
check_by (const Target *t, const char *by, GError **error)
{
  if ((g_str_has_prefix (by, "hr:") && by[3] != '\0') || g_strcmp0 (t->person->manager_ext_id, by) == 0)
    return TRUE;
  g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
               _("%s is not %s's manager; the recorded manager (%s) or HR (--by hr:NAME) agrees the plan"),
               by, t->person->ext_id, t->person->manager_ext_id != NULL ? t->person->manager_ext_id : _("none"));
  return FALSE;
}

static gboolean
check_date (const char *date, GError **error)
{
  if (date == NULL || dk_date_valid (date))
    return TRUE;
  g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, _("'%s' is not a date; write it as YYYY-MM-DD"), date);
  return FALSE;
}

gboolean
dk_plan_add (DkStore *store, const char *round, const char *person, const char *comp,
             const char *activity, const char *wish, guint target, const char *due, GError **error)
{
  Target t = { 0 };
  gboolean ok = check_date (due, error) && target_load (store, round, person, &t, error)
                && step_allowed (t.plan, STEP_ADD, error);
  g_autoptr (DkFramework) fw = ok ? dk_store_round_framework (store, t.round, error) : NULL;
  g_autoptr (GPtrArray) catalogue = fw != NULL && activity != NULL ? dk_catalogue_load (store, error) : NULL;
  if (fw == NULL || (activity != NULL && catalogue == NULL))
    ok = FALSE;
  else if (dk_framework_competence_by_id (fw, comp) == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, _("no such competence: '%s' in framework %s"),
                   comp, dk_framework_id (fw));
      ok = FALSE;
    }
  else if (activity != NULL && dk_catalogue_find (catalogue, activity) == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                   _("no such activity: '%s'; see: digikomp catalogue list --competence %s"),
                   activity, comp);
      ok = FALSE;
    }
  if (ok)
    {
      Writer w;
      writer_init (&w, store);
      ok = dk_store_begin (store, error)
           && item_insert (&w, t.plan->id, comp, target, activity, wish, due, NULL, error)
           && dk_store_audit (store, dk_store_actor (), "plan", t.person->id, t.round->id, "item added",
                              NULL, activity != NULL ? activity : wish, error)
           && dk_store_commit (store, error);
      writer_clear (&w);
      if (!ok)
        dk_store_rollback (store);
    }
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_agree (DkStore *store, const char *round, const char *person, const char *by, GError **error)
{
  Target t = { 0 };
  gboolean ok = target_load (store, round, person, &t, error) && check_by (&t, by, error)
                && step_allowed (t.plan, STEP_AGREE, error);
  if (ok)
    {
      g_autofree char *now = today ();
      const char *args[] = { now, by };
      ok = plan_change (store, t.plan, t.person->id, t.round->id,
                        "UPDATE plan SET state = 'agreed', agreed_at = ?2, agreed_by = ?3 WHERE id = ?1",
                        args, 2, by, "agreed", t.plan->state, now, error);
    }
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_reopen (DkStore *store, const char *round, const char *person, const char *by, GError **error)
{
  Target t = { 0 };
  gboolean ok = target_load (store, round, person, &t, error) && check_by (&t, by, error)
                && step_allowed (t.plan, STEP_REOPEN, error);
  if (ok)
    ok = plan_change (store, t.plan, t.person->id, t.round->id,
                      "UPDATE plan SET state = 'draft', agreed_at = NULL, agreed_by = NULL WHERE id = ?1",
                      NULL, 0, by, "reopened", t.plan->state, "draft", error);
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_follow_up (DkStore *store, const char *round, const char *person, const char *date,
                   const char *notes, GError **error)
{
  Target t = { 0 };
  gboolean ok = check_date (date, error) && target_load (store, round, person, &t, error)
                && step_allowed (t.plan, STEP_FOLLOW_UP, error);
  if (ok)
    {
      g_autofree char *now = today ();
      const char *actor = dk_store_actor ();
      const char *args[] = { date, notes, actor, now };
      ok = plan_change (store, t.plan, t.person->id, t.round->id,
                        "INSERT INTO plan_follow_up (plan_id, held_on, notes, recorded_by, recorded_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5);"
                        "UPDATE plan SET state = 'followed-up' WHERE id = ?1",
                        args, 4, actor, "follow-up", NULL, date, error);
    }
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_set_status (DkStore *store, const char *round, const char *person, guint number,
                    const char *status, GError **error)
{
  Target t = { 0 };
  gboolean ok = target_load (store, round, person, &t, error);
  if (ok && (number == 0 || number > t.plan->items->len))
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND,
                   _("the plan has no item %u; see the items with: digikomp plan show %s"), number, person);
      ok = FALSE;
    }
  if (ok)
    {
      const DkPlanItem *item = t.plan->items->pdata[number - 1];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
      const char *args[] = { status, id };
      g_autofree char *field = g_strdup_printf ("item %u", number);
      ok = plan_change (store, t.plan, t.person->id, t.round->id,
                        "UPDATE plan_item SET status = ?2 WHERE plan_id = ?1 AND id = ?3",
                        args, 2, dk_store_actor (), field, item->status, status, error);
    }
  target_clear (&t);
  return ok;
}

/* ---- suggestions for everyone ------------------------------------------------------------------ */

typedef struct {
  DkStore     *store;
  Writer       writer;
  DkRound     *round;
  DkFramework *fw;
  DkPlanner   *planner;
  GHashTable  *units;        /* unit id → path */
  GHashTable  *planned;      /* person ids with a plan in the round */
  const char  *unit;         /* only under this path, or NULL */
  guint        written;
  const DkProgress *progress;
  guint64      scanned, registered;
  GError     **error;
  gboolean     failed;
} SuggestAll;

static gboolean
suggest_row (const DkScanRow *row, gpointer user_data)
{
  SuggestAll *s = user_data;
  s->scanned++;
  dk_progress_report (s->progress, s->scanned, (double) s->scanned / MAX (s->registered, 1));
  const char *unit = g_hash_table_lookup (s->units, &row->unit_id);
  if (!(row->flags & DK_ASSESS_SHARED) || row->person_id <= 0 || unit == NULL
      || (s->unit != NULL && !dk_unit_path_under (unit, s->unit))
      || g_hash_table_contains (s->planned, &row->person_id))
    return TRUE;
  DkAssessment a = { .round_id = s->round->id, .person_id = row->person_id, .role = row->role,
                     .flags = row->flags, .n = row->n };
  memcpy (a.self, row->self, row->n);
  memcpy (a.manager, row->manager, row->n);
  memcpy (a.motivation, row->motivation, row->n);
  g_autofree DkPersonGap *gaps = dk_gap_person (s->fw, &a, FALSE);
  const char *role = dk_framework_role (s->fw, row->role)->id;
  g_autoptr (GPtrArray) needs = dk_planner_suggest (s->planner, s->fw, gaps, role, unit,
                                                    dk_framework_motivation_high (s->fw), NULL,
                                                    DK_STRATEGY_GAPS, 1);
  gboolean any = FALSE;
  for (guint i = 0; i < needs->len; i++)
    any |= ((DkNeedPlan *) needs->pdata[i])->suggestions->len > 0;
  if (!any)
    return TRUE;
  gint64 plan = plan_insert (&s->writer, s->round->id, row->person_id, "suggested", s->error);
  if (plan == 0 || !add_best (&s->writer, plan, needs, s->error))
    {
      s->failed = TRUE;
      return FALSE;
    }
  s->written++;
  return TRUE;
}

static gboolean
load_lookups (SuggestAll *s, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (s->store, error);
  if (units == NULL)
    return FALSE;
  s->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    {
      DkUnit *u = units->pdata[i];
      g_hash_table_insert (s->units, g_memdup2 (&u->id, sizeof u->id), g_strdup (u->path));
    }
  s->planned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = prepare (s->store, "SELECT person_id FROM plan WHERE round_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->round->id);
  DkStoreStep step;
  while ((step = dk_store_step (s->store, stmt, _("plans"), error)) == DK_STORE_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (s->planned, g_memdup2 (&id, sizeof id));
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

gboolean
dk_plan_suggest_all (DkStore *store, const char *round, const char *unit, DkLang lang,
                     guint *written, const DkProgress *progress, GError **error)
{
  SuggestAll s = { .store = store, .unit = unit, .error = error, .progress = progress };
  writer_init (&s.writer, store);
  g_autoptr (GPtrArray) catalogue = NULL;
  g_autofree char *from = today ();
  gboolean ok = (s.round = dk_store_round (store, round, error)) != NULL
                && (unit == NULL || dk_store_unit_ensure (store, unit, FALSE, error) != 0)
                && (s.fw = dk_store_round_framework (store, s.round, error)) != NULL
                && (catalogue = dk_catalogue_load (store, error)) != NULL
                && load_lookups (&s, error);
  if (ok)
    {
      s.planner = dk_planner_new (catalogue, from, lang);
      gint64 registered = progress != NULL ? dk_store_round_registered (store, s.round, error) : 0;
      s.registered = (guint64) MAX (registered, 0);
      ok = registered >= 0 && dk_store_begin (store, error)
           && dk_store_round_scan (store, s.round->id, DK_SCAN_PERSON, suggest_row, &s, error) && !s.failed
           && dk_store_audit (store, dk_store_actor (), "plan", 0, s.round->id, "suggested for all",
                              NULL, unit != NULL ? unit : "", error)
           && dk_store_commit (store, error);
      if (!ok)
        dk_store_rollback (store);
    }
  *written = s.written;
  writer_clear (&s.writer);
  dk_planner_free (s.planner);
  g_clear_pointer (&s.units, g_hash_table_unref);
  g_clear_pointer (&s.planned, g_hash_table_unref);
  dk_framework_free (s.fw);
  dk_round_free (s.round);
  return ok;
}

/* ---- participation ------------------------------------------------------------------------------- */

GHashTable *
dk_participation_completed (DkStore *store, gint64 person, GError **error)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT activity_id FROM participation"
                                       " WHERE person_id = ? AND status = 'completed'", error);
  if (stmt == NULL)
    return NULL;
  GHashTable *done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_bind_int64 (stmt, 1, person);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, _("reading participation"), error)) == DK_STORE_STEP_ROW)
    g_hash_table_add (done, column (stmt, 0));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&done, g_hash_table_unref);
  return done;
}

const char *const dk_participation_statuses[] = { "registered", "attended", "completed", "no-show", NULL };

gboolean
dk_participation_record (DkStore *store, const char *person, const char *activity, const char *date,
                         double hours, const char *status, GError **error)
{
  if (!g_strv_contains (dk_participation_statuses, status) || !(hours >= 0 && hours <= DK_HOURS_MAX)
      || !check_date (date, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                     _("status must be registered, attended, completed or no-show, and hours 0–1000"));
      return FALSE;
    }
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  g_autoptr (GPtrArray) catalogue = p != NULL ? dk_catalogue_load (store, error) : NULL;
  if (catalogue == NULL)
    return FALSE;
  if (dk_catalogue_find (catalogue, activity) == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, _("no such activity: '%s'; see: digikomp catalogue list"), activity);
      return FALSE;
    }
  gboolean ok = dk_store_begin (store, error)
                && dk_participation_write (store, p->id, activity, date, hours, status, NULL, error)
                && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

gboolean
dk_participation_write (DkStore *store, gint64 person, const char *activity, const char *date,
                        double hours, const char *status, guint *items_done, GError **error)
{
  sqlite3_stmt *stmt = NULL, *done = NULL;
  gboolean ok = (stmt = prepare (store, "INSERT INTO participation (person_id, activity_id, date, hours, status)"
                                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, activity_id, date)"
                                        " DO UPDATE SET hours = excluded.hours, status = excluded.status",
                                 error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, person);
      bind_text (stmt, 2, activity);
      bind_text (stmt, 3, date);
      sqlite3_bind_double (stmt, 4, hours);
      bind_text (stmt, 5, status);
      ok = step_done (store, stmt, error);
    }
  /* completing an activity completes the plan items that name it */
  if (ok && strcmp (status, "completed") == 0)
    ok = (done = prepare (store, "UPDATE plan_item SET status = 'done' WHERE activity_id = ?2 AND"
                                 " status = 'planned' AND plan_id IN (SELECT id FROM plan WHERE person_id = ?1)",
                          error)) != NULL;
  if (ok && done != NULL)
    {
      sqlite3_bind_int64 (done, 1, person);
      bind_text (done, 2, activity);
      ok = step_done (store, done, error);
      if (ok && items_done != NULL)
        *items_done += (guint) sqlite3_changes (dk_store_db (store));
    }
  g_autofree char *value = g_strdup_printf ("%s %s %s", activity, date, status);
  return ok && dk_store_audit (store, dk_store_actor (), "participation", person, 0, "activity", NULL, value, error);
}
