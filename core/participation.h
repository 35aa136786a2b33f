/*
 * participation.h — who took part in which learning activity: registered,
 * attended, completed or no-show, on a date, for some hours.  Completing
 * an activity that is in a person's plan marks the item done.  Every
 * change is audited.
 */
#ifndef DK_PARTICIPATION_H
#define DK_PARTICIPATION_H

#include "store.h"

/* The statuses of a participation (NULL-terminated). */
extern const char *const dk_participation_statuses[];

/* Records that PERSON took part in ACTIVITY on DATE for HOURS (0 to
 * DK_HOURS_MAX, as dk_hours_parse reads them), with STATUS
 * registered, attended, completed or no-show; a completed activity marks
 * the plan items naming it done.  Audited as CTX's actor.  Bad values are
 * DK_PLAN_ERROR_INVALID. */
gboolean dk_participation_record (DkStore *store, const char *person, const char *activity,
                                  const char *date, double hours, const char *status,
                                  const DkContext *ctx, GError **error);

/* Writes what dk_participation_record does, for PERSON (store id), inside
 * the transaction the caller holds and without checking the values (the
 * caller did); *ITEMS_DONE (may be NULL) grows by the plan items marked
 * done.  Audited as CTX's actor.  (core/store-participation.c) */
gboolean dk_participation_write (DkStore *store, gint64 person, const char *activity, const char *date,
                                 double hours, const char *status, guint *items_done,
                                 const DkContext *ctx, GError **error);

/* How a participation is stored already (dk_participation_stored). */
typedef enum {
  DK_PARTICIPATION_STORE_FAILED = -1,  /* the store failed: ERROR is set */
  DK_PARTICIPATION_ABSENT = 0,         /* not stored */
  DK_PARTICIPATION_DIFFERENT = 1,      /* stored with other hours or status */
  DK_PARTICIPATION_SAME = 2,           /* stored with these hours and status */
} DkParticipationStored;

/* Returns how PERSON's (store id) participation in ACTIVITY on DATE is
 * stored compared with HOURS and STATUS.  (core/store-participation.c) */
DkParticipationStored dk_participation_stored (DkStore *store, gint64 person, const char *activity,
                                               const char *date, double hours, const char *status,
                                               GError **error);

/* Returns the ids of the activities PERSON (store id) has completed, as a
 * set (caller unrefs), or NULL with ERROR.  (core/store-participation.c) */
GHashTable *dk_participation_completed (DkStore *store, gint64 person, GError **error);

#endif
