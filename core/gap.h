/*
 * gap.h — the gap engine: compares effective levels with the expected ones
 * and counts, in one pass over a round, everything the reports need.
 *
 * Definitions (docs/metrics.md, with a worked example): the effective level of a person on a competence is the manager
 * level if set, else the self level if answered; "don't know" and no
 * answer have no level.  gap = expected − effective; a need is a gap > 0.
 * Only SHARED assessments count: a self-rating that is not shared adds
 * nothing but the person's registration (so response and conversation
 * rates count them as not answered).
 *
 * A query groups people along one dimension (the whole organisation, unit
 * with sub-units, role, gender) and competences along another (all, area,
 * competence), giving a grid of DkGapCell counters.  Metrics are ratios of
 * these counters; a cell whose denominator counts fewer than the minimum
 * group of people is suppressed (dk_gap_metric returns FALSE).
 */
#ifndef DK_GAP_H
#define DK_GAP_H

#include "context.h"
#include "framework.h"
#include "store.h"

#define DK_GAP_ERROR (dk_gap_error_quark ())
GQuark dk_gap_error_quark (void);

typedef enum {
  DK_GAP_ERROR_INVALID,   /* a bad query: minimum group too small, unknown unit */
} DkGapError;

/* The smallest minimum group size allowed, and the default. */
#define DK_GAP_MIN_GROUP_FLOOR   3
#define DK_GAP_MIN_GROUP_DEFAULT 5

typedef enum {
  DK_GROUP_ORGANISATION,
  DK_GROUP_UNIT,        /* a unit counts everyone in its sub-units too */
  DK_GROUP_ROLE,
  DK_GROUP_GENDER,
  DK_GROUP_CLASS,       /* the caller's classes of people (DkGapQuery.classify) */
} DkGroupBy;

typedef enum {
  DK_SCOPE_ALL,
  DK_SCOPE_AREA,
  DK_SCOPE_COMPETENCE,
} DkScopeBy;

typedef struct {
  guint32 people;              /* registered, with ≥1 competence of the scope */
  guint32 people_level;        /* with ≥1 effective level in the scope */
  guint32 people_need;         /* with ≥1 need in the scope */
  guint32 people_answered;     /* with ≥1 answer (level or don't know) */
  guint32 people_motivation;   /* with ≥1 motivation answer */
  guint32 people_conversation; /* shared and conversation held */
  guint32 pairs_registered;    /* (person, competence) pairs that apply */
  guint32 pairs_answered;      /* … answered: a level or don't know */
  guint32 pairs_dont_know;
  guint32 pairs_level;         /* … with an effective level */
  guint32 pairs_need;
  guint32 motivation_answers;
  guint32 motivation_high;
  guint64 level_sum;           /* sum of effective levels */
} DkGapCell;

typedef enum {
  DK_METRIC_SHARE_WITH_NEEDS,   /* people_need / people_level */
  DK_METRIC_SHARE_OF_NEEDS,     /* pairs_need / pairs_level */
  DK_METRIC_AVERAGE,            /* level_sum / pairs_level */
  DK_METRIC_HIGH_MOTIVATION,    /* motivation_high / motivation_answers */
  DK_METRIC_DONT_KNOW,          /* pairs_dont_know / pairs_answered */
  DK_METRIC_RESPONSE,           /* pairs_answered / pairs_registered */
  DK_METRIC_CONVERSATION,       /* people_conversation / people */
} DkMetric;

/* Returns the class of the person of ROW (DK_GROUP_CLASS: its rows carry
 * every column, the manager too): any number; people of one number count
 * in one group. */
typedef guint64 (*DkGapClassFunc) (const DkScanRow *row, gpointer user_data);

/* A set of people (store ids), for --panel. */
typedef struct _DkPersonSet DkPersonSet;
void dk_person_set_free (DkPersonSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPersonSet, dk_person_set_free)

typedef struct {
  DkGroupBy          group_by;
  DkScopeBy          scope_by;
  guint              depth;       /* units: deepest level shown, 0 = all */
  const char        *unit;        /* limit to this unit path and below, or NULL */
  const DkContext   *ctx;         /* asked during the scan whether to go on; NULL: to the end */
  DkGapClassFunc     classify;    /* DK_GROUP_CLASS: the class of a row */
  gpointer           classify_data;
} DkGapQuery;

typedef struct _DkGap DkGap;

/* Computes QUERY over ROUND (whose framework is FW) in one scan.  Returns a
 * new result (free with dk_gap_free) or NULL with ERROR: a store failure, or
 * DK_CONTEXT_ERROR_CANCELLED when QUERY's context said stop — never a
 * result of part of the round.  A DK_GROUP_CLASS scan also keeps ROUND's
 * people with STORE (dk_store_memo_keep) for dk_gap_people_of_round. */
DkGap *dk_gap_compute (DkStore *store, const DkRound *round, const DkFramework *fw,
                       const DkGapQuery *query, GError **error);
/* Returns whether the people of class CODE count (a panel may leave some
 * out), and their unit (a store id), role and gender. */
typedef gboolean (*DkGapClassDescribe) (guint64 code, gpointer data, gint64 *unit_id, guint *role,
                                        DkGender *gender);

/* Computes QUERY (DESCRIBE decides who counts) from CLASSES, a
 * DK_GROUP_CLASS result of the same round, framework FW and scopes, as
 * dk_gap_compute would from the round, without scanning it: every
 * counter is a sum over disjoint classes.  Returns a new result or NULL
 * with ERROR (a bad query, a store failure reading the units). */
DkGap *dk_gap_regroup (DkStore *store, const DkFramework *fw, const DkGap *classes, const DkGapQuery *query,
                       DkGapClassDescribe describe, gpointer data, GError **error);
/* Computes the counters of one group of the people whose assessments are
 * ASSESSMENTS (DkAssessment*, of a round whose framework is FW), by
 * SCOPE_BY, as dk_gap_compute counts them (only shared ratings count): a
 * manager's team, read without scanning the round.  Returns a new result
 * with one group, "".  Thread-safe. */
DkGap *dk_gap_compute_people (const DkFramework *fw, GPtrArray *assessments, DkScopeBy scope_by);
void dk_gap_free (DkGap *gap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkGap, dk_gap_free)

/* Groups: in a stable order (units by path, roles and genders by code).
 * The key identifies a group across rounds: a unit path, a role id, a
 * gender code ("F", "M", "X", "" for not given), or "" for the
 * organisation.  Strings belong to the result. */
guint dk_gap_n_groups (const DkGap *gap);
const char *dk_gap_group_key (const DkGap *gap, guint group);

/* Returns the class number of GROUP (DK_GROUP_CLASS: groups are in the
 * order their first person was scanned; their keys are the numbers in
 * decimal). */
guint64 dk_gap_group_class (const DkGap *gap, guint group);

/* Scopes: "" for all competences, an area id ("4") or a competence id
 * ("4.2"); strings belong to the result. */
guint dk_gap_n_scopes (const DkGap *gap);
const char *dk_gap_scope_key (const DkGap *gap, guint scope);

/* Returns the counters of (GROUP, SCOPE). */
const DkGapCell *dk_gap_cell (const DkGap *gap, guint group, guint scope);

/* Returns the index of the group / scope with KEY, or -1. */
int dk_gap_find_group (const DkGap *gap, const char *key);
int dk_gap_find_scope (const DkGap *gap, const char *key);

/* Computes METRIC of CELL into *VALUE (a fraction, or a mean level).
 * Returns FALSE when the cell is suppressed (its denominator counts fewer
 * than MIN_GROUP people) or has no data; *SUPPRESSED tells which. */
gboolean dk_gap_metric (const DkGapCell *cell, DkMetric metric, guint min_group,
                        double *value, gboolean *suppressed);

/* Returns the people registered in ROUND (store ids), for --panel: a new
 * set (free with dk_person_set_free), or NULL with ERROR on a store
 * failure.  Kept with STORE by a class scan of ROUND since the last change
 * of the store's content, else read from the round's index of people.
 * Reads in the caller's transaction; one DkStore, one thread at a time. */
DkPersonSet *dk_gap_people_of_round (DkStore *store, const DkRound *round, GError **error);
gboolean dk_person_set_contains (const DkPersonSet *set, gint64 person);

/* ---- one person ---------------------------------------------------------------- */

typedef struct {
  const DkCompetence *competence;
  gboolean applies;
  guint    expected;          /* 0 when it does not apply */
  guint    self;              /* DK_LEVEL_NONE / level / DK_LEVEL_DONT_KNOW; NONE when hidden */
  guint    manager;           /* DK_LEVEL_NONE or a level */
  guint    effective;         /* 0 when none */
  int      gap;               /* expected − effective, 0 without an effective level */
  guint    motivation;        /* 0 when none */
} DkPersonGap;

/* Returns the gap of every competence of FW for assessment A (an array of
 * dk_framework_n_competences (fw) entries, caller frees with g_free).  When
 * SHOW_UNSHARED is FALSE and the self-rating is not shared, self levels and
 * motivation are hidden and do not make the effective level: the manager's
 * view.  The person's own views pass TRUE. */
DkPersonGap *dk_gap_person (const DkFramework *fw, const DkAssessment *a,
                            gboolean show_unshared);

/* Returns the effective level of competence I of a scanned row: the manager
 * level, else the self level, else 0. */
static inline guint
dk_gap_effective (guint8 self, guint8 manager)
{
  if (manager != DK_LEVEL_NONE)
    return manager;
  return self != DK_LEVEL_DONT_KNOW ? self : 0;
}

#endif
