/*
 * suppression.h — the suppression pattern of a round: which group figures
 * no report and no page publishes, so that no small group can be worked out
 * by subtraction (shared/DESIGN.md, "Suppression holds against
 * differencing"; docs/metrics.md explains it with an example).
 *
 * The pattern covers every grouping digikomp can publish for a round: the
 * organisation and each unit (with its sub-units), each of them by role and
 * by gender, and each manager's team (shared ratings only, as everything
 * the gap engine counts); a unit's people placed directly in it are one
 * more part a reader could compute, and are protected as one.  It is
 * decided once per family of people counts (the "People" a figure is
 * about) and scope (all competences, an area, a competence), by the solver
 * of disclosure.h: a cell from fewer than k people is hidden, and so is
 * the smallest other cell wherever published cells would give a hidden one
 * back.  A cell is then hidden in every report, format and page alike.
 *
 * A panel with another round (its people who are in that round too) is
 * one more grouping a report can publish: the plain pattern protects the
 * small groups of the panels with the nearest 8 other rounds (their people
 * in a unit, placed directly in it, and not in the other round) as parts,
 * so that the plain figures alone never give one.  A pattern for a panel
 * answers for the panel's figures: the plain figures of the same round
 * are fixed beside them.
 */
#ifndef DK_SUPPRESSION_H
#define DK_SUPPRESSION_H

#include "gap.h"

/* The people a figure is about: its denominator in people. */
typedef enum {
  DK_FAMILY_REGISTERED,   /* DkGapCell.people: response, conversations */
  DK_FAMILY_ANSWERED,     /* people_answered: don't know */
  DK_FAMILY_LEVEL,        /* people_level: needs, average */
  DK_FAMILY_MOTIVATION,   /* people_motivation: high motivation */
  DK_N_FAMILIES
} DkFamily;

/* Returns the family of METRIC's people. */
DkFamily dk_metric_family (DkMetric metric);

/* Returns the count of FAMILY in CELL. */
guint32 dk_family_count (const DkGapCell *cell, DkFamily family);

typedef struct _DkSuppression DkSuppression;

/* Reads what the pattern of ROUND (framework FW) needs for scopes SCOPE_BY
 * and minimum group K, for the panel of ROUND with PANEL_WITH (NULL: the
 * plain figures), in one scan of the round and one of each other round's
 * people; the pattern of each family and scope is solved when first asked.
 * Returns a new pattern (free with dk_suppression_free) or NULL with
 * ERROR: a store failure, or cancelled by CTX (may be NULL).  Reads in the
 * caller's transaction; one pattern per thread. */
DkSuppression *dk_suppression_compute (DkStore *store, const DkRound *round, const DkFramework *fw,
                                       DkScopeBy scope_by, guint k, const DkRound *panel_with,
                                       const DkContext *ctx, GError **error);
/* Drops a reference to S (NULL: nothing); the last one frees it. */
void dk_suppression_free (DkSuppression *s);
/* Returns S with one more reference (drop it with dk_suppression_free). */
DkSuppression *dk_suppression_ref (DkSuppression *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkSuppression, dk_suppression_free)

/* As dk_suppression_compute for the plain figures of ROUND (FW its
 * framework), but kept with STORE and handed out again while the store's
 * content has not changed (dk_store_memo_lookup): a page asked again and
 * again (the manager's team) then costs a lookup, not a scan and a solve,
 * and keeps the problems solved before.  Any commit drops it, a new rating
 * as a sign-in: the pattern reads the round and the current managers and
 * units, so even a closed round's pattern changes with the roster.
 * Threads: the patterns are kept per DkStore, that is per connection and
 * thread (no lock; N worker threads derive a pattern up to N times after
 * a change, and keep N copies).  The pattern returned is a new reference
 * (free with dk_suppression_free) that the store shares: use it where the
 * store may be used.  NULL with ERROR on a store failure or when CTX
 * cancels. */
DkSuppression *dk_suppression_cached (DkStore *store, const DkRound *round, const DkFramework *fw,
                                      DkScopeBy scope_by, guint k, const DkContext *ctx, GError **error);

/* Returns TRUE when the figures of FAMILY about a group in the scope
 * SCOPE (a scope key of dk_gap_scope_key) are hidden.  The group is the
 * unit UNIT (a path, NULL: the organisation) — all of it when WITHIN is
 * DK_GROUP_ORGANISATION or DK_GROUP_UNIT, else its people of role or
 * gender KEY (a role id, a gender code).  A group the pattern does not
 * know (an unknown unit, a scope not computed) is hidden. */
gboolean dk_suppression_hides (DkSuppression *s, DkFamily family, const char *scope, const char *unit,
                               DkGroupBy within, const char *key);

/* Computes QUERY (of the pattern's round, framework FW and scopes; its
 * panel NULL) from the pattern's classes without scanning the round
 * again, as dk_gap_regroup does: for a panel's pattern, of the panel's
 * people.  Returns a new result or NULL with ERROR. */
DkGap *dk_suppression_regroup (DkSuppression *s, DkStore *store, const DkFramework *fw, const DkGapQuery *query,
                               GError **error);

/* Returns TRUE when the figures of FAMILY in SCOPE about the team of
 * MANAGER (a store id: the people whose recorded manager they are) are
 * hidden; a plain pattern only. */
gboolean dk_suppression_hides_team (DkSuppression *s, DkFamily family, const char *scope, gint64 manager);

#endif
