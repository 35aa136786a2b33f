/*
 * views.h — the manager's views of one person or one team, as DkReports:
 * the conversation sheet and the team grid.  These show individuals, so
 * they belong to the person and their own manager; they never feed group
 * reports.  A self-rating that is not shared is not shown (the employee
 * has not let the manager see it yet).
 */
#ifndef DK_VIEWS_H
#define DK_VIEWS_H

#include "store.h"
#include "gap.h"
#include "report-model.h"

/* Returns the conversation sheet of PERSON (external id) in ROUND (a code,
 * NULL for the open round): per competence the area, expected, self,
 * manager and effective levels, the gap, motivation, don't know, the
 * previous round's effective level and the manager's reason; needs are
 * emphasised; with CHARTS, a radar chart of expected against effective
 * levels (only HTML shows it). */
DkReport *dk_view_conversation (DkStore *store, const char *person, const char *round, gboolean charts,
                                DkLang lang, GError **error);

/* Returns the spider chart (SVG, caller frees) of GAPS (dk_gap_person's
 * for one assessment of FW): the expected against the effective levels,
 * the lines labelled EXPECTED_LABEL and EFFECTIVE_LABEL.  Thread-safe. */
char *dk_view_radar (const DkFramework *fw, const DkPersonGap *gaps, const char *expected_label,
                     const char *effective_label);

/* Returns the team grid of MANAGER (external id) in ROUND: the direct
 * reports (SUBTREE: everyone below) × competences, each cell the gap
 * (expected − effective; positive is a need), and whether each person has
 * shared the self-rating and had the conversation. */
DkReport *dk_view_team (DkStore *store, const char *manager, const char *round,
                        gboolean subtree, DkLang lang, GError **error);

/* Returns the rounds, oldest first, as one table (round, title, framework
 * as ID@VERSION, open or closed, opened, closed, people registered), or
 * NULL with ERROR when the store fails.  Titles in LANG. */
DkReport *dk_view_rounds (DkStore *store, DkLang lang, GError **error);

#endif
