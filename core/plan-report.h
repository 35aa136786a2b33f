/*
 * plan-report.h — HR's reports on learning: which needs no activity covers
 * and what plans wish for (coverage), personal goals per competence, and
 * participation and hours against the targets reported to funders.
 */
#ifndef DK_PLAN_REPORT_H
#define DK_PLAN_REPORT_H

#include "plan.h"
#include "report-model.h"

/*
 * Every count here follows the minimum group MIN_GROUP (k, --min-group) by
 * the pattern of core/count-suppression.h: a count of 1..k−1 people (or
 * goals) is suppressed ("–"), and so is any other cell wherever the cells
 * published for the organisation and every unit would give a small group
 * back by subtraction; hours follow their people.  A wish is named only
 * when k or more plans name it.  Not thread-safe for one store.
 */

/* Needs per competence in ROUND (shared ratings only) of the people in UNIT
 * and its sub-units (NULL: everyone), how many of those people no activity
 * of the catalogue covers, and the wished-for activities their plans name.
 * Counts only, never who; in CTX's language, the activities available
 * from CTX's today.  NULL with ERROR for an unknown round or unit. */
DkReport *dk_report_coverage (DkStore *store, const char *round, const char *unit, guint min_group,
                              const DkContext *ctx, GError **error);

/* Plan items per competence in ROUND of the people in UNIT and its
 * sub-units (NULL: everyone): items, people, done. */
DkReport *dk_report_goals (DkStore *store, const char *round, const char *unit, guint min_group,
                           DkLang lang, GError **error);

typedef struct {
  const char *from, *to;        /* YYYY-MM-DD, inclusive, as dk_participation_period_check accepts; both
                                 * NULL: all the participation recorded */
  guint       target_participants;  /* 0: none */
  double      target_hours_avg;     /* 0: none */
  guint       min_group;            /* k: the smallest group shown */
} DkParticipationQuery;

/* Returns TRUE when FROM to TO is a period the participation report
 * protects: a calendar year (YYYY-01-01 to YYYY-12-31) or a half of one
 * (to YYYY-06-30, from YYYY-07-01), or both NULL for all the participation
 * recorded.  Else FALSE with ERROR (DK_PLAN_ERROR_INVALID)
 * in LANG, and *FIELD "from" or "to": the one to correct.  Thread-safe. */
gboolean dk_participation_period_check (const char *from, const char *to, DkLang lang, const char **field,
                                        GError **error);

/* Participants (attended or completed), women / men / other, total hours and
 * hours per participant, against targets; per department and per kind.  The
 * pattern protects every period dk_participation_period_check accepts at
 * once, so that no two reports give a small group by difference.  NULL
 * with ERROR (DK_PLAN_ERROR_INVALID) for a period it does not accept. */
DkReport *dk_report_participation (DkStore *store, const DkParticipationQuery *q, DkLang lang,
                                   GError **error);

#endif
