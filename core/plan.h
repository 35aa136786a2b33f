/*
 * plan.h — personal development plans and participation in activities.
 *
 * A plan belongs to a person and a round: items (competence, target level, a
 * catalogue activity or a wished-for activity as free text, due date,
 * status planned → done or cancelled), the date and who agreed it, and the
 * follow-up.  Its state is "suggested" (written by `plan suggest --all` for
 * HR to review), "draft", or "agreed".  Completing an activity that is in a
 * plan marks the item done.  Every change is audited.
 */
#ifndef DK_PLAN_H
#define DK_PLAN_H

#include "planner.h"

#define DK_PLAN_ERROR (dk_plan_error_quark ())
GQuark dk_plan_error_quark (void);

typedef enum {
  DK_PLAN_ERROR_INVALID,    /* bad input: an unknown activity, a bad date (exit 3) */
  DK_PLAN_ERROR_NOT_FOUND,  /* no plan, no item */
  DK_PLAN_ERROR_REFUSED,    /* a rule: only the manager agrees; a plan exists */
} DkPlanError;

typedef struct {
  gint64 id;
  char  *competence;
  guint  target;           /* 0: none */
  char  *activity_id;      /* or NULL */
  char  *wish;             /* or NULL */
  char  *due;              /* YYYY-MM-DD or NULL */
  char  *status;           /* planned, done, cancelled */
  char  *reason;           /* why the planner suggested it, or NULL */
} DkPlanItem;

typedef struct {
  gint64     id;
  char      *round;
  char      *person;       /* external id */
  char      *state;
  char      *created_at, *agreed_at, *agreed_by, *follow_up_at, *follow_up_notes;
  GPtrArray *items;        /* DkPlanItem* */
} DkPlan;

void dk_plan_free (DkPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPlan, dk_plan_free)

/* Returns the word for a plan state (suggested, draft, agreed) or an item
 * status (planned, done, cancelled) in the messages' language, for what
 * people read; WORD itself when it is none of those.  Machine formats keep
 * the stored word.  Static or WORD; do not free. */
const char *dk_plan_word (const char *word);

/* Returns PERSON's plan in ROUND (a code, NULL: the open round), or NULL with
 * DK_PLAN_ERROR_NOT_FOUND. */
DkPlan *dk_plan_get (DkStore *store, const char *round, const char *person, GError **error);

/* Returns the external ids of the people in UNIT (a path) and its sub-units
 * who have a plan in ROUND (NULL: the open round), sorted (char*; caller
 * owns), or NULL with ERROR when the round or the unit does not exist. */
GPtrArray *dk_plan_people (DkStore *store, const char *round, const char *unit, GError **error);

/* Creates an empty draft plan; with FROM_SUGGESTIONS, one item per need with
 * the planner's best activity.  Refused when the person has a plan. */
DkPlan *dk_plan_create (DkStore *store, const char *round, const char *person,
                        gboolean from_suggestions, DkLang lang, GError **error);

/* Adds an item for competence COMP: an ACTIVITY of the catalogue or a WISH. */
gboolean dk_plan_add (DkStore *store, const char *round, const char *person, const char *comp,
                      const char *activity, const char *wish, guint target, const char *due,
                      GError **error);

/* BY must be the person's manager or "hr:NAME". */
gboolean dk_plan_agree (DkStore *store, const char *round, const char *person, const char *by,
                        GError **error);
gboolean dk_plan_follow_up (DkStore *store, const char *round, const char *person,
                            const char *date, const char *notes, GError **error);
/* STATUS is "done" or "cancelled". */
gboolean dk_plan_set_status (DkStore *store, const char *round, const char *person, gint64 item,
                             const char *status, GError **error);

/* Writes a suggested plan for every person of ROUND (under UNIT, when not
 * NULL) who has a need and no plan yet; *WRITTEN counts them.  PROGRESS
 * (may be NULL) hears of the people looked at. */
gboolean dk_plan_suggest_all (DkStore *store, const char *round, const char *unit, DkLang lang,
                              guint *written, const DkProgress *progress, GError **error);

/* The statuses of a participation (NULL-terminated), and the hours one may
 * have (0 up to, not including, this). */
extern const char *const dk_participation_statuses[];
#define DK_PARTICIPATION_MAX_HOURS 1000

/* Records that PERSON took part in ACTIVITY on DATE for HOURS, with STATUS
 * registered, attended, completed or no-show; a completed activity marks
 * the plan items naming it done. */
gboolean dk_participation_record (DkStore *store, const char *person, const char *activity,
                                  const char *date, double hours, const char *status, GError **error);

/* Writes what dk_participation_record does, for PERSON (store id), inside
 * the transaction the caller holds and without checking the values (the
 * caller did); *ITEMS_DONE (may be NULL) grows by the plan items marked
 * done.  Audited. */
gboolean dk_participation_write (DkStore *store, gint64 person, const char *activity, const char *date,
                                 double hours, const char *status, guint *items_done, GError **error);

/* Returns the ids of the activities PERSON (store id) has completed, as a
 * set (caller unrefs), or NULL with ERROR. */
GHashTable *dk_participation_completed (DkStore *store, gint64 person, GError **error);

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

/* Returns the ranked suggestions for the person of CTX (DkNeedPlan*), or
 * NULL with ERROR when the store fails. */
GPtrArray *dk_plan_suggest (DkStore *store, DkPlanContext *ctx, GPtrArray *catalogue,
                            DkStrategy strategy, DkLang lang, GError **error);

#endif
