/*
 * planner.c — ranked learning activities for each need.
 */
#include "planner.h"
#include "plan-reason.h"

#include <string.h>

struct _DkPlanner {
  GHashTable *by_competence;   /* competence id → GPtrArray of const DkActivity* */
  char       *from;
};

void
dk_need_plan_free (DkNeedPlan *need)
{
  if (need == NULL)
    return;
  g_ptr_array_unref (need->suggestions);
  g_free (need);
}

static void
suggestion_free (DkSuggestion *s)
{
  g_free (s->reason);
  g_free (s);
}

DkPlanner *
dk_planner_new (GPtrArray *catalogue, const char *from)
{
  DkPlanner *p = g_new0 (DkPlanner, 1);
  p->by_competence = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  p->from = g_strdup (from);
  for (guint i = 0; i < catalogue->len; i++)
    {
      const DkActivity *a = catalogue->pdata[i];
      if (!dk_activity_available (a, from))
        continue;
      for (guint d = 0; d < a->develops->len; d++)
        {
          const char *c = g_array_index (a->develops, DkDevelops, d).competence;
          GPtrArray *list = g_hash_table_lookup (p->by_competence, c);
          if (list == NULL)
            g_hash_table_insert (p->by_competence, (gpointer) c, list = g_ptr_array_new ());
          g_ptr_array_add (list, (gpointer) a);
        }
    }
  return p;
}

void
dk_planner_free (DkPlanner *p)
{
  if (p == NULL)
    return;
  g_hash_table_unref (p->by_competence);
  g_free (p->from);
  g_free (p);
}

/* Returns TRUE when A can take a person from LEVEL to the next level of COMP. */
static gboolean
fits (const DkActivity *a, const char *comp, guint level)
{
  const DkDevelops *d = dk_activity_develops (a, comp);
  return d != NULL && d->from <= level + 1 && level + 1 <= d->to;
}

gboolean
dk_planner_covers (DkPlanner *p, const char *comp, guint level, const char *role, const char *unit)
{
  GPtrArray *list = g_hash_table_lookup (p->by_competence, comp);
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (fits (list->pdata[i], comp, level) && dk_activity_open_to (list->pdata[i], role, unit))
      return TRUE;
  return FALSE;
}

static int
compare_suggestions (gconstpointer pa, gconstpointer pb)
{
  const DkSuggestion *a = *(DkSuggestion *const *) pa, *b = *(DkSuggestion *const *) pb;
  if (a->reaches != b->reaches)
    return b->reaches - a->reaches;
  if (a->also != b->also)
    return (int) b->also - (int) a->also;
  if (a->activity->hours != b->activity->hours)
    return a->activity->hours < b->activity->hours ? -1 : 1;
  return strcmp (a->activity->id, b->activity->id);
}

/* Ranks A for NEED into *S: what the comparison needs, nothing more. */
static void
rank (DkSuggestion *s, const DkActivity *a, const DkNeedPlan *need, GPtrArray *needs)
{
  s->activity = a;
  s->reason = NULL;
  s->also = 0;
  s->reaches = dk_activity_develops (a, need->competence->id)->to >= need->target;
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *other = needs->pdata[i];
      s->also += other != need && !other->growth && fits (a, other->competence->id, other->level);
    }
}

/* Writes why S was suggested for NEED in the stored form (plan-reason.h) —
 * only for the suggestions kept. */
static void
explain (DkSuggestion *s, const DkNeedPlan *need, GPtrArray *needs)
{
  const DkActivity *a = s->activity;
  const DkDevelops *d = dk_activity_develops (a, need->competence->id);
  g_autoptr (GPtrArray) also = g_ptr_array_new ();
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *other = needs->pdata[i];
      if (other != need && !other->growth && fits (a, other->competence->id, other->level))
        g_ptr_array_add (also, other->competence->id);
    }
  g_ptr_array_add (also, NULL);
  DkReason r = { need->competence->id, need->level, MIN (d->to, need->target), a->format, a->hours,
                 also->len > 1 ? (const char *const *) also->pdata : NULL, s->reaches ? 0 : need->target,
                 a->easy_swedish };
  s->reason = dk_reason_encode (&r);
}

static void
add_candidates (DkPlanner *p, DkNeedPlan *need, GPtrArray *needs, const char *role,
                const char *unit, GHashTable *completed, guint keep)
{
  GPtrArray *list = g_hash_table_lookup (p->by_competence, need->competence->id);
  DkSuggestion best = { 0 }, candidate;
  const DkSuggestion *pb = &best, *pc = &candidate;
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const DkActivity *a = list->pdata[i];
      if (!fits (a, need->competence->id, need->level) || !dk_activity_open_to (a, role, unit)
          || (completed != NULL && g_hash_table_contains (completed, a->id)))
        continue;
      rank (&candidate, a, need, needs);
      /* with one kept, the best is tracked here instead of sorting them all */
      if (keep == 1)
        {
          if (best.activity == NULL || compare_suggestions (&pc, &pb) < 0)
            best = candidate;
          continue;
        }
      g_ptr_array_add (need->suggestions, g_memdup2 (&candidate, sizeof candidate));
    }
  if (best.activity != NULL)
    g_ptr_array_add (need->suggestions, g_memdup2 (&best, sizeof best));
  g_ptr_array_sort (need->suggestions, compare_suggestions);
  if (keep > 0 && need->suggestions->len > keep)
    g_ptr_array_set_size (need->suggestions, keep);
  for (guint i = 0; i < need->suggestions->len; i++)
    explain (need->suggestions->pdata[i], need, needs);
}

GPtrArray *
dk_planner_suggest (DkPlanner *p, const DkFramework *fw, const DkPersonGap *gaps, const char *role,
                    const char *unit, guint motivation_high, GHashTable *completed,
                    DkStrategy strategy, guint keep)
{
  GPtrArray *needs = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_need_plan_free);
  const DkScale *scale = dk_framework_scale (fw);
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkPersonGap *g = &gaps[c];
      gboolean need = g->applies && g->effective != 0 && g->gap > 0;
      gboolean growth = strategy == DK_STRATEGY_GROWTH && g->applies && g->effective != 0
                        && g->gap <= 0 && g->motivation >= motivation_high && g->effective < scale->max;
      if (!need && !growth)
        continue;   /* the skip rule */
      DkNeedPlan *n = g_new0 (DkNeedPlan, 1);
      n->competence = g->competence;
      n->level = g->effective;
      n->expected = g->expected;
      n->target = need ? g->expected : g->effective + 1;
      n->growth = !need;
      n->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
      g_ptr_array_add (needs, n);
    }
  for (guint i = 0; i < needs->len; i++)
    add_candidates (p, needs->pdata[i], needs, role, unit, completed, keep);
  return needs;
}
