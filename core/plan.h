/*
 * plan.h — personal development plans (participation: participation.h).
 *
 * A plan belongs to a person and a round: items (competence, target level, a
 * catalogue activity or a wished-for activity as free text, due date,
 * status planned → done or cancelled), the date and who agreed it, and its
 * follow-ups.  Completing an activity that is in a plan marks the item done.
 * Every change is audited.
 *
 * A plan's state follows a small machine (docs/planner.md):
 *
 *   suggested ──create──→ draft ──agree──→ agreed ──follow-up──→ followed-up ⟲ follow-up
 *                           ↑                  │                     │
 *                           └─────reopen───────┴─────────────────────┘
 *
 * "suggested" is written by `plan suggest --all` for HR to review; it is a
 * draft that `plan create` replaces.  Items are added only to a draft (or a
 * suggested plan), an empty plan is not agreed, only an agreed plan is
 * followed up (as often as wanted: every follow-up is kept), and reopening
 * takes an agreed plan back to a draft.  A step the state does not allow is
 * refused with DK_PLAN_ERROR_REFUSED and a message naming the step to take.
 */
#ifndef DK_PLAN_H
#define DK_PLAN_H

#include "planner.h"
#include "plan-reason.h"

#define DK_PLAN_ERROR (dk_plan_error_quark ())
GQuark dk_plan_error_quark (void);

typedef enum {
  DK_PLAN_ERROR_INVALID,    /* bad input: an unknown activity, a bad date (exit 3) */
  DK_PLAN_ERROR_NOT_FOUND,  /* no plan, no item */
  DK_PLAN_ERROR_REFUSED,    /* a rule: only the manager agrees; a plan exists */
} DkPlanError;

typedef struct {
  gint64 id;               /* the store's id */
  guint  number;           /* 1, 2, … within the plan: what users name an item by */
  char  *competence;
  guint  target;           /* 0: none */
  char  *activity_id;      /* or NULL */
  char  *wish;             /* or NULL */
  char  *due;              /* YYYY-MM-DD or NULL */
  char  *status;           /* planned, done, cancelled */
  char  *reason;           /* why the planner suggested it, in the stored form
                            * (dk_reason_render gives its text), or NULL */
} DkPlanItem;

typedef struct {
  char *held_on;           /* YYYY-MM-DD */
  char *notes;
  char *recorded_by;       /* who recorded it */
  char *recorded_at;       /* when */
} DkPlanFollowUp;

typedef struct {
  gint64     id;
  gint64     round_id, person_id;   /* the store's ids of the round and the person */
  char      *round;
  char      *person;       /* external id */
  char      *state;        /* suggested, draft, agreed, followed-up */
  char      *created_at, *agreed_at, *agreed_by;   /* agreed_*: NULL unless agreed */
  GPtrArray *items;        /* DkPlanItem*, numbered 1, 2, … */
  GPtrArray *follow_ups;   /* DkPlanFollowUp*, oldest first */
} DkPlan;

void dk_plan_free (DkPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPlan, dk_plan_free)

/* Returns the word for a plan state (suggested, draft, agreed, followed-up) or an item
 * status (planned, done, cancelled) in LANG, for what people read; WORD
 * itself when it is none of those.  Machine formats keep the stored word.
 * Static or WORD; do not free.  Thread-safe. */
const char *dk_plan_word (const char *word, DkLang lang);

/* Returns PERSON's plan in ROUND (a code, NULL: the open round), or NULL with
 * DK_PLAN_ERROR_NOT_FOUND (worded in LANG). */
DkPlan *dk_plan_get (DkStore *store, const char *round, const char *person, DkLang lang, GError **error);

/* Returns the external ids of the people in UNIT (a path) and its sub-units
 * who have a plan in ROUND (NULL: the open round), sorted (char*; caller
 * owns), or NULL with ERROR when the round or the unit does not exist. */
GPtrArray *dk_plan_people (DkStore *store, const char *round, const char *unit, GError **error);

/* Creates an empty draft plan; with FROM_SUGGESTIONS, one item per need with
 * the planner's best activity.  A suggested plan (`plan suggest --all`) is
 * replaced; any other plan of the person in the round refuses it.  The
 * reasons are stored in no language (plan-reason.h); the change is
 * audited as CTX's actor (as are all the changes below). */
DkPlan *dk_plan_create (DkStore *store, const char *round, const char *person,
                        gboolean from_suggestions, const DkContext *ctx, GError **error);

/* Adds an item for competence COMP: an ACTIVITY of the catalogue or a WISH.
 * Refused unless the plan is a draft (or suggested). */
gboolean dk_plan_add (DkStore *store, const char *round, const char *person, const char *comp,
                      const char *activity, const char *wish, guint target, const char *due,
                      const DkContext *ctx, GError **error);

/* Agrees a draft with items.  CTX's actor must be the person's manager or
 * "hr:NAME". */
gboolean dk_plan_agree (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                        GError **error);
/* Adds a follow-up held on DATE to an agreed (or followed-up) plan, recorded
 * by CTX's actor; earlier follow-ups are kept. */
gboolean dk_plan_follow_up (DkStore *store, const char *round, const char *person,
                            const char *date, const char *notes, const DkContext *ctx,
                            GError **error);
/* Takes an agreed or followed-up plan back to a draft, dropping the
 * agreement (the audit keeps it) and keeping the follow-ups.  CTX's actor
 * must be the person's manager or "hr:NAME", as for agreeing. */
gboolean dk_plan_reopen (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                         GError **error);
/* Sets the status of item NUMBER (its number within the plan) to STATUS,
 * "done" or "cancelled". */
gboolean dk_plan_set_status (DkStore *store, const char *round, const char *person, guint number,
                             const char *status, const DkContext *ctx, GError **error);

/* Writes a suggested plan for every person of ROUND (under UNIT, when not
 * NULL) who has a need and no plan yet; *WRITTEN counts them.  PROGRESS
 * (may be NULL) hears of the people looked at.  CTX's cancel callback is
 * asked before each person: once it says so, returns FALSE with
 * DK_CONTEXT_ERROR_CANCELLED and the store is as before the call. */
gboolean dk_plan_suggest_all (DkStore *store, const char *round, const char *unit, const DkContext *ctx,
                              guint *written, const DkProgress *progress, GError **error);

/* Starts a plan's context: the round, the person, the framework and the
 * person's gaps (the manager's view); all owned by the caller. */
typedef struct {
  DkRound      *round;
  DkPerson     *person;
  DkFramework  *fw;
  DkAssessment *a;
  DkPersonGap  *gaps;
} DkPlanContext;

gboolean dk_plan_context_load (DkStore *store, const char *round, const char *person,
                               DkPlanContext *ctx, GError **error);
void dk_plan_context_clear (DkPlanContext *ctx);

/* Returns the ranked suggestions for the person of PLAN (DkNeedPlan*), the
 * activities available from CTX's today, or NULL with ERROR when the store
 * fails.  Their reasons are in the stored form: dk_reason_render
 * (plan-reason.h) gives them in a reader's language. */
GPtrArray *dk_plan_suggest (DkStore *store, DkPlanContext *plan, GPtrArray *catalogue,
                            DkStrategy strategy, const DkContext *ctx, GError **error);

#endif
