/*
 * report.h — HR's group reports, built from the gap engine as DkReports:
 * share with needs, average rating, motivation, response, conversations, and
 * the one-page summary, for one round or two compared.
 *
 * Every figure obeys the minimum group: a cell from fewer than MIN_GROUP
 * people is suppressed (its value is never put in the table), and so is the
 * count of people beside it.
 */
#ifndef DK_REPORT_H
#define DK_REPORT_H

#include "gap.h"
#include "report-model.h"
#include "plan-report.h"

typedef enum {
  DK_REPORT_NEEDS,
  DK_REPORT_AVERAGE,
  DK_REPORT_MOTIVATION,
  DK_REPORT_RESPONSE,
  DK_REPORT_CONVERSATIONS,
} DkReportKind;

typedef struct {
  DkReportKind  kind;
  DkGroupBy     group_by;
  DkScopeBy     scope_by;
  guint         depth;        /* units: levels shown, 0 = all */
  const char   *unit;         /* limit to a unit path, or NULL */
  guint         min_group;
  gboolean      panel;        /* compare only people in both rounds */
  DkLang        lang;
  const DkContext *ctx;       /* whether to go on (cancellation); NULL: to the end */
  gboolean      no_charts;    /* leave the charts out: for a format that shows none (only HTML does) */
} DkReportQuery;

/* Returns the report kind named NAME ("needs", "average", "motivation",
 * "response", "conversations") in *OUT and TRUE, else FALSE. */
gboolean dk_report_kind_parse (const char *name, DkReportKind *out);

/* Every report here, and each of core/plan-report.h, reads inside one read
 * transaction (dk_store_read_begin): its tables never mix two states of
 * the store, whatever other processes write meanwhile.  A caller that
 * combines reports wraps them in one of its own. */

/* Builds the table of QUERY over ROUND, compared with PREVIOUS when not NULL,
 * and adds it to REPORT with a chart of its first figure (shown in HTML),
 * unless QUERY->no_charts: bars per scope, both rounds, for the whole
 * organisation; a heat map of the groups × scopes of ROUND for a share per
 * group; none for a mean level per group.  Returns FALSE with ERROR on a store failure. */
gboolean dk_report_add_gap_table (DkReport *report, DkStore *store, const DkRound *round,
                                  const DkRound *previous, const DkReportQuery *query,
                                  GError **error);

/* Returns the one-page summary of ROUND for management: the headline
 * figures, compared with PREVIOUS when not NULL, with charts for HTML,
 * then the personal goals (dk_report_goals) and, when PARTICIPATION is not
 * NULL, participation against its targets (dk_report_participation).  Caller
 * frees; NULL with ERROR on a store failure. */
DkReport *dk_report_summary (DkStore *store, const DkRound *round, const DkRound *previous,
                             guint min_group, const DkParticipationQuery *participation, DkLang lang,
                             GError **error);

#endif
