/*
 * report-build.h — one of HR's reports built as `digikomp report KIND` and
 * the web's /reports/KIND both build it: the same title, notes, figures and
 * suppression, whichever layer asks.
 */
#ifndef DK_REPORT_BUILD_H
#define DK_REPORT_BUILD_H

#include "report.h"

/* Returns TRUE when PREVIOUS was opened before ROUND (by its date, then by
 * its id): the only order a comparison takes.  Thread-safe. */
gboolean dk_round_before (const DkRound *previous, const DkRound *round);

/* Builds the gap report QUERY->kind (or, with SUMMARY, the summary) of
 * ROUND compared with PREVIOUS (NULL: none; the summary then compares with
 * the round before ROUND), with its title and notes in QUERY->lang;
 * PARTICIPATION (NULL: none) adds the summary's participation part.  The
 * caller has checked the options.  Caller frees; NULL with ERROR on a
 * store failure.  One DkStore per thread. */
DkReport *dk_report_build (DkStore *store, const DkRound *round, const DkRound *previous,
                           const DkReportQuery *query, gboolean summary,
                           const DkParticipationQuery *participation, GError **error);

#endif
