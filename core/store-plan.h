/*
 * store-plan.h — the plans in the store: what core/plan.c reads and writes
 * once it has checked that a step is allowed.  Every change here that is
 * its own transaction writes its audit row in it.
 */
#ifndef DK_STORE_PLAN_H
#define DK_STORE_PLAN_H

#include "plan.h"

/* Reads PERSON's plan in ROUND into *PLAN (a new plan, or NULL when the
 * person has none).  Returns FALSE with ERROR on a store failure. */
gboolean dk_store_plan (DkStore *store, const DkRound *round, const DkPerson *person, DkPlan **plan,
                        GError **error);

/* Returns the external ids of the people in UNIT (a path) and its sub-units
 * with a plan in ROUND (store id), sorted (char*; caller owns), or NULL with
 * ERROR. */
GPtrArray *dk_store_plan_people (DkStore *store, gint64 round, const char *unit, GError **error);

/* Returns the store ids (gint64 keys) of the people with a plan in ROUND, as
 * a set (caller unrefs), or NULL with ERROR. */
GHashTable *dk_store_planned_people (DkStore *store, gint64 round, GError **error);

/* Writes plans and their items inside a transaction the caller holds, its
 * statements prepared once (`plan suggest --all` writes hundreds of
 * thousands).  One writer serves one thread. */
typedef struct _DkPlanWriter DkPlanWriter;
/* CTX gives the date the plans are created on. */
DkPlanWriter *dk_plan_writer_new (DkStore *store, const DkContext *ctx);
void dk_plan_writer_free (DkPlanWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPlanWriter, dk_plan_writer_free)
/* Returns the id of a new plan of PERSON in ROUND in STATE, created today,
 * or 0 with ERROR. */
gint64 dk_plan_writer_plan (DkPlanWriter *writer, gint64 round, gint64 person, const char *state,
                            GError **error);
/* Adds a planned item to PLAN; TARGET 0, ACTIVITY, WISH, DUE and REASON
 * NULL for none. */
gboolean dk_plan_writer_item (DkPlanWriter *writer, gint64 plan, const char *competence, guint target,
                              const char *activity, const char *wish, const char *due,
                              const char *reason, GError **error);

/* Deletes PLAN with its items and follow-ups, inside the caller's
 * transaction. */
gboolean dk_store_plan_delete (DkStore *store, gint64 plan, GError **error);

/* The changes of a plan's life, each one transaction with its audit row,
 * made by CTX's actor on CTX's today. */
/* Adds an item (as dk_plan_writer_item, without a reason). */
gboolean dk_store_plan_add_item (DkStore *store, const DkPlan *plan, const char *competence, guint target,
                                 const char *activity, const char *wish, const char *due,
                                 const DkContext *ctx, GError **error);
/* Agrees PLAN today, agreed by CTX's actor. */
gboolean dk_store_plan_agree (DkStore *store, const DkPlan *plan, const DkContext *ctx, GError **error);
/* Takes PLAN back to a draft without an agreement. */
gboolean dk_store_plan_reopen (DkStore *store, const DkPlan *plan, const DkContext *ctx, GError **error);
/* Adds a follow-up held on DATE with NOTES (may be NULL), recorded today,
 * and makes PLAN followed-up. */
gboolean dk_store_plan_follow_up (DkStore *store, const DkPlan *plan, const char *date, const char *notes,
                                  const DkContext *ctx, GError **error);
/* Sets the status of ITEM of PLAN. */
gboolean dk_store_plan_item_status (DkStore *store, const DkPlan *plan, const DkPlanItem *item,
                                    const char *status, const DkContext *ctx, GError **error);

#endif
