/*
 * plan.c — personal development plans: the steps of a plan's life and the
 * rules that allow them (the store's side is core/store-plan.c).
 */
#include "hint.h"
#include "plan.h"
#include "person-data.h"
#include "date.h"
#include "participation.h"
#include "store-plan.h"

#include <string.h>

DK_DEFINE_HINTED_ERROR (DkPlanError, dk_plan_error)

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
dk_plan_suggest (DkStore *store, DkPlanContext *plan, GPtrArray *catalogue, DkStrategy strategy,
                 const DkContext *ctx, GError **error)
{
  g_autoptr (GHashTable) completed = dk_participation_completed (store, plan->person->id, error);
  if (completed == NULL)
    return NULL;
  g_autofree char *from = dk_context_today (ctx);
  g_autoptr (DkPlanner) planner = dk_planner_new (catalogue, from);
  return dk_planner_suggest (planner, plan->fw, plan->gaps, plan->person->role, plan->person->unit_path,
                             dk_framework_motivation_high (plan->fw), completed, strategy, 0);
}

/* ---- reading a plan ---------------------------------------------------------------------- */

/* Returns PERSON's plan in ROUND, or NULL with ERROR (in LANG):
 * DK_PLAN_ERROR_NOT_FOUND when there is none. */
static DkPlan *
plan_load (DkStore *store, const DkRound *round, const DkPerson *person, DkLang lang, GError **error)
{
  DkPlan *plan = NULL;
  if (dk_store_plan (store, round, person, &plan, error) && plan == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND, T_ (lang, "%s has no plan in round %s yet"),
                   person->ext_id, round->code);
      dk_error_set_hint (error, DK_HINT_PLAN_CREATE, person->ext_id, round->code);
    }
  return plan;
}

/* Returns the msgid of WORD (a plan state or an item status), or NULL. */
static const char *
plan_word_msgid (const char *word)
{
  static const char *const words[][2] = {
    { "suggested", N_("suggested") }, { "draft", N_("draft") }, { "agreed", N_("agreed") },
    { "followed-up", N_("followed up") },
    { "planned", N_("planned") }, { "done", N_("done") }, { "cancelled", N_("cancelled") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (word, words[i][0]) == 0)
      return words[i][1];
  return NULL;
}

const char *
dk_plan_word (const char *word, DkLang lang)
{
  const char *msgid = plan_word_msgid (word);
  return msgid != NULL ? T_ (lang, msgid) : word;
}

DkPlan *
dk_plan_get (DkStore *store, const char *round, const char *person, DkLang lang, GError **error)
{
  g_autoptr (DkRound) r = dk_store_round (store, round, error);
  g_autoptr (DkPerson) p = r != NULL ? dk_store_person (store, person, error) : NULL;
  return p != NULL ? plan_load (store, r, p, lang, error) : NULL;
}

GPtrArray *
dk_plan_people (DkStore *store, const char *round, const char *unit, GError **error)
{
  g_autoptr (DkRound) r = dk_store_round (store, round, error);
  if (r == NULL || dk_store_unit_ensure (store, unit, FALSE, error) == 0)
    return NULL;
  return dk_store_plan_people (store, r->id, unit, error);
}

/* ---- changing a plan --------------------------------------------------------------------- */

/* Adds the best suggestion of each need of NEEDS as an item of PLAN. */
static gboolean
add_best (DkPlanWriter *w, gint64 plan, GPtrArray *needs, GError **error)
{
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *n = needs->pdata[i];
      if (n->suggestions->len == 0)
        continue;   /* not covered: the coverage report lists it */
      const DkSuggestion *s = n->suggestions->pdata[0];
      if (!dk_plan_writer_item (w, plan, n->competence->id, n->target, s->activity->id, NULL, NULL,
                        s->reason, error))
        return FALSE;
    }
  return TRUE;
}

/* Makes room for the new plan of the person of CTX in its round: a
 * suggested plan (HR's proposal) is deleted, any other refuses it. */
static gboolean
make_room (DkStore *store, const DkPlanContext *ctx, DkLang lang, GError **error)
{
  g_autoptr (GError) none = NULL;
  g_autoptr (DkPlan) existing = plan_load (store, ctx->round, ctx->person, lang, &none);
  if (existing == NULL)
    return TRUE;
  if (strcmp (existing->state, "suggested") == 0)
    return dk_store_plan_delete (store, existing->id, error);
  g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED, T_ (lang, "%s has a plan in round %s already"),
               ctx->person->ext_id, ctx->round->code);
  dk_error_set_hint (error, DK_HINT_PLAN_SHOW, ctx->person->ext_id, NULL);
  return FALSE;
}

static gboolean
plan_write_new (DkStore *store, const DkPlanContext *pc, GPtrArray *needs, const DkContext *ctx,
                GError **error)
{
  if (!dk_store_begin (store, error))
    return FALSE;
  /* checked inside the write lock: two processes creating the same plan at
   * once get one plan and one clear refusal, not a constraint error */
  if (!make_room (store, pc, ctx->lang, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  g_autoptr (DkPlanWriter) w = dk_plan_writer_new (store, ctx);
  gint64 id = dk_plan_writer_plan (w, pc->round->id, pc->person->id, "draft", error);
  gboolean ok = id != 0 && (needs == NULL || add_best (w, id, needs, error))
                && dk_store_audit (store, ctx, "plan", pc->person->id, pc->round->id,
                                   "created", NULL, needs != NULL ? "from suggestions" : "empty", error)
                && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

DkPlan *
dk_plan_create (DkStore *store, const char *round, const char *person, gboolean from_suggestions,
                const DkContext *ctx, GError **error)
{
  DkPlanContext pc = { 0 };
  g_autoptr (GPtrArray) catalogue = NULL;
  g_autoptr (GPtrArray) needs = NULL;
  DkPlan *plan = NULL;
  gboolean ok = dk_plan_context_load (store, round, person, &pc, error)
                && (!from_suggestions || (catalogue = dk_catalogue_load (store, error)) != NULL);
  if (ok && from_suggestions)
    ok = (needs = dk_plan_suggest (store, &pc, catalogue, DK_STRATEGY_GAPS, ctx, error)) != NULL;
  if (ok && plan_write_new (store, &pc, needs, ctx, error))
    plan = plan_load (store, pc.round, pc.person, ctx->lang, error);
  dk_plan_context_clear (&pc);
  return plan;
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
target_load (DkStore *store, const char *round, const char *person, Target *t, DkLang lang,
             GError **error)
{
  memset (t, 0, sizeof *t);
  return (t->round = dk_store_round (store, round, error)) != NULL
         && (t->person = dk_store_person (store, person, error)) != NULL
         && (t->plan = plan_load (store, t->round, t->person, lang, error)) != NULL;
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
step_allowed (const DkPlan *plan, Step step, DkLang lang, GError **error)
{
  const char *p = plan->person, *state = dk_plan_word (plan->state, lang);
  DkHint hint;
  if (step == STEP_ADD && !is_draft (plan))
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED, T_ (lang, "%s's plan is %s"), p, state);
      hint = DK_HINT_PLAN_REOPEN_ITEMS;
    }
  else if (step == STEP_AGREE && !is_draft (plan))
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED, T_ (lang, "%s's plan is %s already (agreed on %s by %s)"),
                   p, state, plan->agreed_at, dk_actor_word (plan->agreed_by, lang));
      hint = DK_HINT_PLAN_REOPEN;
    }
  else if (step == STEP_AGREE && plan->items->len == 0)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED, T_ (lang, "%s's plan has no items"), p);
      hint = DK_HINT_PLAN_ADD_FIRST;
    }
  else if (step == STEP_FOLLOW_UP && is_draft (plan))
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED, T_ (lang, "%s's plan is not agreed yet"), p);
      hint = DK_HINT_PLAN_AGREE;
    }
  else if (step == STEP_REOPEN && is_draft (plan))
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED, T_ (lang, "%s's plan is a draft already"), p);
      hint = DK_HINT_PLAN_ADD;
    }
  else
    return TRUE;
  dk_error_set_hint (error, hint, p, NULL);
  return FALSE;
}

/* Refuses CTX's actor, in CTX's language, unless it is the recorded manager
 * of T's person or "hr:NAME": they agree and reopen plans. */
static gboolean
check_by (const Target *t, const DkContext *ctx, GError **error)
{
  const char *by = dk_context_actor (ctx);
  DkLang lang = ctx->lang;
  if ((g_str_has_prefix (by, "hr:") && by[3] != '\0') || g_strcmp0 (t->person->manager_ext_id, by) == 0)
    return TRUE;
  g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED,
               T_ (lang, "%s is not %s's manager; the recorded manager (%s) or HR (--by hr:NAME) agrees the plan"),
               by, t->person->ext_id, t->person->manager_ext_id != NULL ? t->person->manager_ext_id : T_ (lang, "none"));
  return FALSE;
}

gboolean
dk_plan_add (DkStore *store, const char *round, const char *person, const char *comp,
             const char *activity, const char *wish, guint target, const char *due, const DkContext *ctx,
             GError **error)
{
  Target t = { 0 };
  gboolean ok = dk_date_check (due, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, ctx->lang, error) && target_load (store, round, person, &t, ctx->lang, error)
                && step_allowed (t.plan, STEP_ADD, ctx->lang, error);
  g_autoptr (DkFramework) fw = ok ? dk_store_round_framework (store, t.round, error) : NULL;
  g_autoptr (GPtrArray) catalogue = fw != NULL && activity != NULL ? dk_catalogue_load (store, error) : NULL;
  if (fw == NULL || (activity != NULL && catalogue == NULL))
    ok = FALSE;
  else if (dk_framework_competence_by_id (fw, comp) == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, T_ (ctx->lang, "no such competence: '%s' in framework %s"),
                   comp, dk_framework_id (fw));
      ok = FALSE;
    }
  else if (activity != NULL && dk_catalogue_find (catalogue, activity) == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                   T_ (ctx->lang, "no such activity: '%s'"), activity);
      dk_error_set_hint (error, DK_HINT_CATALOGUE_LIST, comp, NULL);
      ok = FALSE;
    }
  if (ok)
    ok = dk_store_plan_add_item (store, t.plan, comp, target, activity, wish, due, ctx, error);
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_agree (DkStore *store, const char *round, const char *person, const DkContext *ctx, GError **error)
{
  Target t = { 0 };
  gboolean ok = target_load (store, round, person, &t, ctx->lang, error) && check_by (&t, ctx, error)
                && step_allowed (t.plan, STEP_AGREE, ctx->lang, error);
  if (ok)
    ok = dk_store_plan_agree (store, t.plan, ctx, error);
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_reopen (DkStore *store, const char *round, const char *person, const DkContext *ctx, GError **error)
{
  Target t = { 0 };
  gboolean ok = target_load (store, round, person, &t, ctx->lang, error) && check_by (&t, ctx, error)
                && step_allowed (t.plan, STEP_REOPEN, ctx->lang, error);
  if (ok)
    ok = dk_store_plan_reopen (store, t.plan, ctx, error);
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_follow_up (DkStore *store, const char *round, const char *person, const char *date,
                   const char *notes, const DkContext *ctx, GError **error)
{
  Target t = { 0 };
  gboolean ok = dk_date_check (date, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, ctx->lang, error) && target_load (store, round, person, &t, ctx->lang, error)
                && step_allowed (t.plan, STEP_FOLLOW_UP, ctx->lang, error);
  if (ok)
    ok = dk_store_plan_follow_up (store, t.plan, date, notes, ctx, error);
  target_clear (&t);
  return ok;
}

gboolean
dk_plan_set_status (DkStore *store, const char *round, const char *person, guint number,
                    const char *status, const DkContext *ctx, GError **error)
{
  Target t = { 0 };
  gboolean ok = target_load (store, round, person, &t, ctx->lang, error);
  if (ok && (number == 0 || number > t.plan->items->len))
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND,
                   T_ (ctx->lang, "the plan has no item %u"), number);
      dk_error_set_hint (error, DK_HINT_PLAN_ITEMS, person, NULL);
      ok = FALSE;
    }
  if (ok)
    ok = dk_store_plan_item_status (store, t.plan, t.plan->items->pdata[number - 1], status, ctx, error);
  target_clear (&t);
  return ok;
}

/* ---- suggestions for everyone ------------------------------------------------------------------ */

/* A suggested plan worked out but not yet written: its person and its
 * items' run in SuggestAll.items. */
typedef struct {
  gint64 person;
  guint  first, n;
} PendingPlan;

/* One item of a pending plan; the texts belong to the framework, the
 * catalogue or SuggestAll.texts, all alive until the plans are written. */
typedef struct {
  const char *competence;
  const char *activity;
  const char *reason;
  guint       target;
} PendingItem;

typedef struct {
  DkStore     *store;
  GArray      *plans;        /* PendingPlan */
  GArray      *items;        /* PendingItem */
  GStringChunk *texts;       /* the reasons, each kept once */
  DkRound     *round;
  DkFramework *fw;
  DkPlanner   *planner;
  GHashTable  *units;        /* unit id → path */
  GHashTable  *planned;      /* person ids with a plan in the round */
  const char  *unit;         /* only under this path, or NULL */
  guint        written;
  const DkProgress *progress;
  const DkContext  *ctx;
  guint64      scanned, registered;
  GError     **error;
  gboolean     failed;
} SuggestAll;

static gboolean
suggest_row (const DkScanRow *row, gpointer user_data)
{
  SuggestAll *s = user_data;
  if (dk_context_cancelled (s->ctx, s->error))
    {
      s->failed = TRUE;
      return FALSE;
    }
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
  PendingPlan plan = { .person = row->person_id, .first = s->items->len };
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *n = needs->pdata[i];
      if (n->suggestions->len == 0)
        continue;   /* not covered: the coverage report lists it */
      const DkSuggestion *best = n->suggestions->pdata[0];
      PendingItem item = { .competence = n->competence->id, .activity = best->activity->id,
                           .reason = g_string_chunk_insert_const (s->texts, best->reason),
                           .target = n->target };
      g_array_append_val (s->items, item);
    }
  plan.n = s->items->len - plan.first;
  if (plan.n > 0)
    g_array_append_val (s->plans, plan);
  return TRUE;
}

/* Writes S's pending plans in one short transaction, leaving out the
 * people who got a plan since they were worked out. */
static gboolean
write_pending (SuggestAll *s, GError **error)
{
  g_autoptr (DkPlanWriter) w = dk_plan_writer_new (s->store, s->ctx);
  if (!dk_store_begin (s->store, error))
    return FALSE;
  g_autoptr (GHashTable) planned = dk_store_planned_people (s->store, s->round->id, error);
  gboolean ok = planned != NULL;
  for (guint i = 0; ok && i < s->plans->len; i++)
    {
      const PendingPlan *p = &g_array_index (s->plans, PendingPlan, i);
      if (g_hash_table_contains (planned, &p->person))
        continue;
      gint64 plan = dk_plan_writer_plan (w, s->round->id, p->person, "suggested", error);
      ok = plan != 0 && ((i + 1) % 4096 != 0 || !dk_context_cancelled (s->ctx, error));
      for (guint k = p->first; ok && k < p->first + p->n; k++)
        {
          const PendingItem *it = &g_array_index (s->items, PendingItem, k);
          ok = dk_plan_writer_item (w, plan, it->competence, it->target, it->activity, NULL, NULL,
                                    it->reason, error);
        }
      s->written += ok ? 1 : 0;
    }
  ok = ok && dk_store_audit (s->store, s->ctx, "plan", 0, s->round->id,
                             "suggested for all", NULL, s->unit != NULL ? s->unit : "", error)
       && dk_store_commit (s->store, error);
  if (!ok)
    {
      dk_store_rollback (s->store);
      s->written = 0;
    }
  return ok;
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
  return (s->planned = dk_store_planned_people (s->store, s->round->id, error)) != NULL;
}

gboolean
dk_plan_suggest_all (DkStore *store, const char *round, const char *unit, const DkContext *ctx,
                     guint *written, const DkProgress *progress, GError **error)
{
  SuggestAll s = { .store = store, .unit = unit, .error = error, .progress = progress, .ctx = ctx };
  s.plans = g_array_new (FALSE, FALSE, sizeof (PendingPlan));
  s.items = g_array_new (FALSE, FALSE, sizeof (PendingItem));
  s.texts = g_string_chunk_new (4096);
  g_autoptr (GPtrArray) catalogue = NULL;
  g_autofree char *from = dk_context_today (ctx);
  /* worked out in a read transaction, which holds no writer back; only
   * the writing takes the write lock, for a short time */
  if (!dk_store_read_begin (store, error))
    return FALSE;
  gboolean ok = (s.round = dk_store_round (store, round, error)) != NULL
                && (unit == NULL || dk_store_unit_ensure (store, unit, FALSE, error) != 0)
                && (s.fw = dk_store_round_framework (store, s.round, error)) != NULL
                && (catalogue = dk_catalogue_load (store, error)) != NULL
                && load_lookups (&s, error);
  if (ok)
    {
      s.planner = dk_planner_new (catalogue, from);
      gint64 registered = progress != NULL ? dk_store_round_registered (store, s.round, error) : 0;
      s.registered = (guint64) MAX (registered, 0);
      ok = registered >= 0
           && dk_store_round_scan (store, s.round->id, DK_SCAN_PERSON, suggest_row, &s, error) && !s.failed;
    }
  ok = dk_store_read_end (store, ok ? error : NULL) && ok;
  ok = ok && !dk_context_cancelled (ctx, error) && write_pending (&s, error);
  *written = s.written;
  g_array_unref (s.plans);
  g_array_unref (s.items);
  g_string_chunk_free (s.texts);
  dk_planner_free (s.planner);
  g_clear_pointer (&s.units, g_hash_table_unref);
  g_clear_pointer (&s.planned, g_hash_table_unref);
  dk_framework_free (s.fw);
  dk_round_free (s.round);
  return ok;
}
