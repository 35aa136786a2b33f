/*
 * planner.h — matching needs to learning activities.
 *
 * For a need on competence C (effective level L, expected E) the candidates
 * are the activities that develop C with FROM ≤ L+1 ≤ TO, are open to the
 * person's role and unit, and are always available or have a session on or
 * after the plan's start; activities the person has completed are left out.
 * They are ranked: those that reach E first, then those covering more of the
 * person's needs, then shorter ones.  A competence at or above its
 * expectation gets nothing (the skip rule), except with the growth strategy,
 * which also suggests the next level where the person's motivation is high.
 * Only a shared self-rating (or the manager's levels) is planned on.
 */
#ifndef DK_PLANNER_H
#define DK_PLANNER_H

#include "catalogue.h"
#include "gap.h"

typedef enum { DK_STRATEGY_GAPS, DK_STRATEGY_GROWTH } DkStrategy;

typedef struct {
  const DkActivity *activity;
  gboolean reaches;        /* TO reaches the target */
  guint    also;           /* other needs of the person it covers */
  char    *reason;         /* why, in the stored form: render it with dk_reason_render
                            * (plan-reason.h) */
} DkSuggestion;

typedef struct {
  const DkCompetence *competence;
  guint     level;         /* effective level */
  guint     expected;
  guint     target;        /* expected level, or level + 1 for growth */
  gboolean  growth;        /* not a need: the next level, for a motivated person */
  GPtrArray *suggestions;  /* DkSuggestion*, best first; empty: not covered */
} DkNeedPlan;

void dk_need_plan_free (DkNeedPlan *need);

/* An index of a catalogue by competence id, built once for many people. */
typedef struct _DkPlanner DkPlanner;

/* Returns a planner over CATALOGUE (DkActivity*, not copied: it must outlive
 * the planner) for plans starting on FROM (YYYY-MM-DD).  Its reasons are in
 * no language: they are rendered for each reader. */
DkPlanner *dk_planner_new (GPtrArray *catalogue, const char *from);
void dk_planner_free (DkPlanner *planner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPlanner, dk_planner_free)

/* Returns the needs of one person (DkNeedPlan*, in the framework's order)
 * with their ranked suggestions, the best KEEP of them (0: all).  GAPS is dk_gap_person's result for the
 * person (the manager's view), ROLE and UNIT_PATH the person's, COMPLETED a
 * set of activity ids to leave out (may be NULL). */
GPtrArray *dk_planner_suggest (DkPlanner *planner, const DkFramework *fw, const DkPersonGap *gaps,
                               const char *role, const char *unit_path, guint motivation_high,
                               GHashTable *completed, DkStrategy strategy, guint keep);

/* Returns TRUE when some activity could develop competence COMP from LEVEL
 * for a person with ROLE in UNIT_PATH. */
gboolean dk_planner_covers (DkPlanner *planner, const char *comp, guint level, const char *role,
                            const char *unit_path);

#endif
