/*
 * suppression.c — the suppression pattern of a round, built on the solver
 * of disclosure.c.
 *
 * One scan counts the round's people per class: their unit (where they are
 * placed, not its parents), role, gender, recorded manager and in which of
 * the other rounds they are too.  A class is an atom of the solver; every
 * group a report can show is a sum of classes.  The cells of one problem,
 * in a fixed order, are: each unit V (0 is the organisation) × each
 * "dimension" d (0 everyone, then each role, then each gender); each
 * unit's direct members × d; each manager's team; then, for each other
 * round, the same unit cells of the people in it too (the panel with it),
 * the panel's direct members, and the people not in it.
 *
 * A panel with any other round is a grouping a report can publish, so the
 * plain problem protects the panels' small groups as parts: the plain
 * figures alone must not give the people of a unit who were also in the
 * other round.  The problem of a panel then fixes the plain figures.
 */
#include "suppression.h"
#include "disclosure.h"
#include "unit-tree.h"

#include <string.h>

DkFamily
dk_metric_family (DkMetric metric)
{
  switch (metric)
    {
    case DK_METRIC_SHARE_WITH_NEEDS:
    case DK_METRIC_SHARE_OF_NEEDS:
    case DK_METRIC_AVERAGE:         return DK_FAMILY_LEVEL;
    case DK_METRIC_HIGH_MOTIVATION: return DK_FAMILY_MOTIVATION;
    case DK_METRIC_DONT_KNOW:       return DK_FAMILY_ANSWERED;
    case DK_METRIC_RESPONSE:
    case DK_METRIC_CONVERSATION:    return DK_FAMILY_REGISTERED;
    }
  g_return_val_if_reached (DK_FAMILY_REGISTERED);
}

guint32
dk_family_count (const DkGapCell *cell, DkFamily family)
{
  switch (family)
    {
    case DK_FAMILY_REGISTERED: return cell->people;
    case DK_FAMILY_ANSWERED:   return cell->people_answered;
    case DK_FAMILY_LEVEL:      return cell->people_level;
    case DK_FAMILY_MOTIVATION: return cell->people_motivation;
    case DK_N_FAMILIES:        break;
    }
  g_return_val_if_reached (0);
}

/* A class of people, decoded from its number. */
typedef struct {
  guint    unit;       /* unit index (1…), 0 when placed in none */
  guint    role;
  guint    gender;
  int      team;       /* team index, or -1 */
  guint    others;     /* bit j: in other round j too */
} Class;

/* The kinds of cell, in a problem's cell order: the plain ones, then for
 * each other round j its panel's (IN), their direct members and the
 * people outside it. */
enum { PLAIN, DIRECT, TEAM, N_PLAIN_RANGES };
enum { IN, IN_DIRECT, OUTSIDE, N_OTHER_RANGES };

/* The other rounds whose panels the pattern protects: the nearest ones. */
#define MAX_OTHERS 8

struct _DkSuppression {
  gatomicrefcount refs;
  guint         k;
  int           panel;          /* the other round whose panel's figures it answers for, or -1 */
  guint         n_others;
  DkGap        *gap;            /* classes × scopes */
  DkUnitTree   *units;
  guint         n_roles, n_dims;
  GHashTable   *role_index;     /* role id → framework index + 1 */
  GHashTable   *team_index;     /* manager store id (GSIZE_TO_POINTER) → team index + 1, in the
                                 * order the scan meets them */
  guint         n_teams;
  Class        *classes;        /* [group of gap] */
  guint        *order;          /* groups by unit, role, gender, team: neighbours stay close */
  guint         start[N_PLAIN_RANGES + 1];
  DkDisclosure **solved;        /* [family * n_scopes + scope], solved when first asked */
};

/* What the class scan needs: the people of each other round. */
typedef struct {
  DkSuppression *s;
  DkPersonSet   *others[MAX_OTHERS];
} ClassScan;

/* Returns the team index + 1 of MANAGER (a store id, 0: none, which has
 * none): every manager of someone in the round is a team. */
static guint
team_of (DkSuppression *s, gint64 manager)
{
  if (manager == 0)
    return 0;
  gpointer key = GSIZE_TO_POINTER ((gsize) manager);
  guint team = GPOINTER_TO_UINT (g_hash_table_lookup (s->team_index, key));
  if (team == 0)
    g_hash_table_insert (s->team_index, key, GUINT_TO_POINTER (team = ++s->n_teams));
  return team;
}

/* A class number, in the order atoms are numbered: unit index (24 bits),
 * role (5), gender (3), the other rounds it is in (8), team index + 1
 * (24). */
static guint64
class_of_row (const DkScanRow *row, gpointer data)
{
  ClassScan *cs = data;
  guint unit = dk_unit_tree_of_id (cs->s->units, row->unit_id);
  guint team = team_of (cs->s, row->manager_id);
  guint others = 0;
  for (guint j = 0; j < cs->s->n_others; j++)
    others |= (guint) dk_person_set_contains (cs->others[j], row->person_id) << j;
  return (guint64) unit << 40 | (guint64) (row->role & 31) << 35 | (guint64) (row->gender & 7) << 32
         | (guint64) others << 24 | (guint64) (team & 0xFFFFFF);
}

static Class
class_decode (guint64 code)
{
  return (Class) { (guint) (code >> 40), (guint) (code >> 35 & 31), (guint) (code >> 32 & 7),
                   (int) (code & 0xFFFFFF) - 1, (guint) (code >> 24 & 0xFF) };
}

static gboolean
class_in_panel (const DkSuppression *s, const Class *c)
{
  return s->panel < 0 || (c->others >> s->panel & 1);
}

static int
compare_codes (gconstpointer a, gconstpointer b, gpointer data)
{
  const DkGap *gap = data;
  guint64 x = dk_gap_group_class (gap, *(const guint *) a), y = dk_gap_group_class (gap, *(const guint *) b);
  return x < y ? -1 : x > y;
}

/* Decodes the scanned classes, and orders them by their number: unit
 * first, so that a unit's classes are neighbouring atoms. */
static void
setup_classes (DkSuppression *s)
{
  guint n = dk_gap_n_groups (s->gap);
  s->classes = g_new (Class, MAX (n, 1));
  s->order = g_new (guint, MAX (n, 1));
  for (guint g = 0; g < n; g++)
    {
      s->classes[g] = class_decode (dk_gap_group_class (s->gap, g));
      s->order[g] = g;
    }
  g_qsort_with_data (s->order, (gint) n, sizeof (guint), compare_codes, s->gap);
  guint size[N_PLAIN_RANGES] = { dk_unit_tree_size (s->units) * s->n_dims, dk_unit_tree_size (s->units) * s->n_dims, s->n_teams };
  for (guint r = 0; r < N_PLAIN_RANGES; r++)
    s->start[r + 1] = s->start[r] + size[r];
}

/* Returns where range R of other round J starts, after the plain cells. */
static guint
other_start (const DkSuppression *s, guint j, guint r)
{
  return s->start[N_PLAIN_RANGES] + (j * N_OTHER_RANGES + r) * dk_unit_tree_size (s->units) * s->n_dims;
}

static guint
n_cells (const DkSuppression *s)
{
  return other_start (s, s->n_others, 0);
}

/* Reads the people of up to MAX_OTHERS rounds other than ROUND, the
 * nearest first, PANEL_WITH (if any) among them; sets s->panel to its
 * place. */
static gboolean
setup_others (DkSuppression *s, DkStore *store, const DkRound *round, const DkRound *panel_with,
              ClassScan *cs, GError **error)
{
  g_autoptr (GPtrArray) rounds = dk_store_rounds (store, error);
  if (rounds == NULL)
    return FALSE;
  guint at = 0;
  while (at < rounds->len && ((const DkRound *) rounds->pdata[at])->id != round->id)
    at++;
  s->panel = -1;
  for (guint d = 1; d < rounds->len && s->n_others < MAX_OTHERS; d++)
    for (int side = -1; side <= 1 && s->n_others < MAX_OTHERS; side += 2)
      {
        int i = (int) at + side * (int) d;
        if (i < 0 || i >= (int) rounds->len)
          continue;
        const DkRound *other = rounds->pdata[i];
        if (panel_with != NULL && other->id != panel_with->id && s->panel < 0 && s->n_others == MAX_OTHERS - 1)
          continue;      /* the last place is the panel's */
        if ((cs->others[s->n_others] = dk_gap_people_of_round (store, other, error)) == NULL)
          return FALSE;
        if (panel_with != NULL && other->id == panel_with->id)
          s->panel = (int) s->n_others;
        s->n_others++;
      }
  if (panel_with != NULL && s->panel < 0)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID, T_ (dk_store_lang (store), "no such round: '%s'"),
                   panel_with->code);
      return FALSE;
    }
  return TRUE;
}

DkSuppression *
dk_suppression_compute (DkStore *store, const DkRound *round, const DkFramework *fw, DkScopeBy scope_by,
                        guint k, const DkRound *panel_with, const DkContext *ctx, GError **error)
{
  g_autoptr (DkSuppression) s = g_new0 (DkSuppression, 1);
  g_atomic_ref_count_init (&s->refs);
  s->k = k;
  s->n_roles = dk_framework_n_roles (fw);
  s->n_dims = 1 + s->n_roles + DK_N_GENDERS;
  s->role_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < s->n_roles; r++)
    g_hash_table_insert (s->role_index, (gpointer) dk_framework_role (fw, r)->id, GUINT_TO_POINTER (r + 1));
  s->team_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  if ((s->units = dk_unit_tree_load (store, error)) == NULL)
    return NULL;
  ClassScan cs = { s, { NULL } };
  DkGapQuery q = { .group_by = DK_GROUP_CLASS, .scope_by = scope_by, .ctx = ctx,
                   .classify = class_of_row, .classify_data = &cs };
  gboolean ok = setup_others (s, store, round, panel_with, &cs, error)
                && (s->gap = dk_gap_compute (store, round, fw, &q, error)) != NULL;
  for (guint j = 0; j < MAX_OTHERS; j++)
    dk_person_set_free (cs.others[j]);
  if (!ok)
    return NULL;
  setup_classes (s);
  s->solved = g_new0 (DkDisclosure *, DK_N_FAMILIES * dk_gap_n_scopes (s->gap));
  return g_steal_pointer (&s);
}

DkSuppression *
dk_suppression_cached (DkStore *store, const DkRound *round, const DkFramework *fw, DkScopeBy scope_by,
                       guint k, const DkContext *ctx, GError **error)
{
  g_autofree char *key = g_strdup_printf ("suppression %" G_GINT64_FORMAT " %d %u", round->id, (int) scope_by, k);
  gpointer kept = NULL;
  if (!dk_store_read_begin (store, error))
    return NULL;
  DkSuppression *s = NULL;
  if (dk_store_memo_lookup (store, key, &kept, error))
    s = kept != NULL ? dk_suppression_ref (kept)
                     : dk_suppression_compute (store, round, fw, scope_by, k, NULL, ctx, error);
  if (s != NULL && kept == NULL)
    dk_store_memo_keep (store, key, dk_suppression_ref (s), (GDestroyNotify) dk_suppression_free);
  if (!dk_store_read_end (store, s != NULL ? error : NULL))
    g_clear_pointer (&s, dk_suppression_free);
  return s;
}

DkSuppression *
dk_suppression_ref (DkSuppression *s)
{
  g_atomic_ref_count_inc (&s->refs);
  return s;
}

void
dk_suppression_free (DkSuppression *s)
{
  if (s == NULL || !g_atomic_ref_count_dec (&s->refs))
    return;
  for (guint i = 0; s->solved != NULL && i < DK_N_FAMILIES * dk_gap_n_scopes (s->gap); i++)
    dk_disclosure_free (s->solved[i]);
  g_free (s->solved);
  dk_gap_free (s->gap);
  dk_unit_tree_free (s->units);
  g_clear_pointer (&s->role_index, g_hash_table_unref);
  g_clear_pointer (&s->team_index, g_hash_table_unref);
  g_free (s->classes);
  g_free (s->order);
  g_free (s);
}

static gboolean
describe_class (guint64 code, gpointer data, gint64 *unit_id, guint *role, DkGender *gender)
{
  const DkSuppression *s = data;
  Class c = class_decode (code);
  *unit_id = dk_unit_tree_id (s->units, c.unit);
  *role = c.role;
  *gender = (DkGender) c.gender;
  return class_in_panel (s, &c);
}

DkGap *
dk_suppression_regroup (DkSuppression *s, DkStore *store, const DkFramework *fw, const DkGapQuery *query,
                        GError **error)
{
  return dk_gap_regroup (store, fw, s->gap, query, describe_class, s, error);
}

/* ---- one problem ----------------------------------------------------------------- */

typedef struct {
  GArray  **atoms;    /* [cell]: guint atom indices, or NULL */
  guint32  *count;    /* [cell] */
} Cells;

static void
cell_add_atom (Cells *c, guint cell, guint atom, guint32 count)
{
  if (c->atoms[cell] == NULL)
    c->atoms[cell] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (c->atoms[cell], atom);
  c->count[cell] += count;
}

/* Adds ATOM (of class CL, COUNT people) to the cells of the range starting
 * at cell FIRST of unit U and its parents up to the organisation. */
static void
add_to_units (const DkSuppression *s, Cells *c, guint first, guint u, const Class *cl, guint atom,
              guint32 count)
{
  guint dims[3] = { 0, 1 + cl->role, 1 + s->n_roles + cl->gender };
  for (guint v = u;; v = dk_unit_tree_parent (s->units, v))
    {
      for (guint i = 0; i < 3; i++)
        cell_add_atom (c, first + v * s->n_dims + dims[i], atom, count);
      if (v == 0)
        break;
    }
}

static void
add_to_direct (const DkSuppression *s, Cells *c, guint first, const Class *cl, guint atom, guint32 count)
{
  if (!dk_unit_tree_has_children (s->units, cl->unit))
    return;
  guint dims[3] = { 0, 1 + cl->role, 1 + s->n_roles + cl->gender };
  for (guint i = 0; i < 3; i++)
    cell_add_atom (c, first + cl->unit * s->n_dims + dims[i], atom, count);
}

/* Puts every class with people of FAMILY in scope SCOPE into the cells it
 * counts in, as one atom. */
static void
collect_cells (const DkSuppression *s, DkFamily family, guint scope, Cells *c, guint *n_atoms)
{
  *n_atoms = 0;
  for (guint i = 0; i < dk_gap_n_groups (s->gap); i++)
    {
      guint g = s->order[i];
      guint32 count = dk_family_count (dk_gap_cell (s->gap, g, scope), family);
      const Class *cl = &s->classes[g];
      if (count == 0 || cl->role >= s->n_roles)
        continue;
      guint atom = (*n_atoms)++;
      add_to_units (s, c, s->start[PLAIN], cl->unit, cl, atom, count);
      add_to_direct (s, c, s->start[DIRECT], cl, atom, count);
      if (cl->team >= 0)
        cell_add_atom (c, s->start[TEAM] + (guint) cl->team, atom, count);
      for (guint j = 0; j < s->n_others; j++)
        {
          gboolean in = cl->others >> j & 1;
          add_to_units (s, c, other_start (s, j, in ? IN : OUTSIDE), cl->unit, cl, atom, count);
          if (in)
            add_to_direct (s, c, other_start (s, j, IN_DIRECT), cl, atom, count);
        }
    }
}

/* Adds, for each unit's roles and its genders in the range starting at
 * cell FIRST, the sum of its small cells as one more part when there are
 * two or more: hidden cells of one margin are together what the unit minus
 * its shown cells gives. */
static void
add_small_sums (const DkSuppression *s, const Cells *c, guint first, DkDisclosure *d)
{
  guint from[2] = { 1, 1 + s->n_roles }, to[2] = { 1 + s->n_roles, s->n_dims };
  for (guint v = 0; v < dk_unit_tree_size (s->units); v++)
    for (guint m = 0; m < 2; m++)
      {
        g_autoptr (GArray) atoms = g_array_new (FALSE, FALSE, sizeof (guint));
        guint32 count = 0, cells = 0;
        for (guint dim = from[m]; dim < to[m]; dim++)
          {
            guint i = first + v * s->n_dims + dim;
            if (c->count[i] == 0 || c->count[i] >= s->k)
              continue;
            g_array_append_vals (atoms, c->atoms[i]->data, c->atoms[i]->len);
            count += c->count[i];
            cells++;
          }
        if (cells >= 2)
          dk_disclosure_add (d, (guint *) (void *) atoms->data, atoms->len, count, DK_CELL_PART);
      }
}

static void
add_cells (DkDisclosure *d, const Cells *c, guint from, guint to, DkCellKind kind, const DkDisclosure *fixed)
{
  for (guint i = from; i < to; i++)
    {
      GArray *atoms = c->atoms[i];
      DkCellKind k = fixed == NULL ? kind : dk_disclosure_hidden (fixed, i) ? DK_CELL_FIXED_HIDDEN : DK_CELL_FIXED_SHOWN;
      dk_disclosure_add (d, atoms != NULL ? (guint *) (void *) atoms->data : NULL, atoms != NULL ? atoms->len : 0,
                         c->count[i], k);
    }
}

/* Adds the small cells among FROM…TO as parts: a part of no small count
 * needs no protection, and leaving it out keeps the problem small. */
static void
add_small_parts (const DkSuppression *s, DkDisclosure *d, const Cells *c, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    if (c->count[i] > 0 && c->count[i] < s->k)
      dk_disclosure_add (d, (guint *) (void *) c->atoms[i]->data, c->atoms[i]->len, c->count[i], DK_CELL_PART);
}

/* Builds and solves the problem of FAMILY in SCOPE: the plain one when
 * PLAIN is NULL, else the panel's, with PLAIN's cells fixed.  The cells a
 * pattern looks up come first, in the order of the layout: the plain ones,
 * then (for a panel) the panel's. */
static DkDisclosure *
solve (const DkSuppression *s, DkFamily family, guint scope, const DkDisclosure *plain)
{
  guint n = n_cells (s);
  Cells c = { g_new0 (GArray *, n), g_new0 (guint32, n) };
  guint n_atoms;
  collect_cells (s, family, scope, &c, &n_atoms);
  DkDisclosure *d = dk_disclosure_new (n_atoms);
  add_cells (d, &c, s->start[PLAIN], s->start[DIRECT], DK_CELL_SHOWN, plain);
  add_cells (d, &c, s->start[DIRECT], s->start[TEAM], DK_CELL_PART, NULL);
  add_cells (d, &c, s->start[TEAM], s->start[N_PLAIN_RANGES], DK_CELL_SHOWN, plain);
  guint size = dk_unit_tree_size (s->units) * s->n_dims;
  if (plain != NULL)
    add_cells (d, &c, other_start (s, (guint) s->panel, IN), other_start (s, (guint) s->panel, IN) + size,
               DK_CELL_SHOWN, NULL);
  for (guint j = 0; j < s->n_others; j++)
    add_small_parts (s, d, &c, other_start (s, j, plain != NULL && j == (guint) s->panel ? IN_DIRECT : IN),
                     other_start (s, j + 1, IN));
  add_small_sums (s, &c, s->start[PLAIN], d);
  if (plain != NULL)
    add_small_sums (s, &c, other_start (s, (guint) s->panel, IN), d);
  for (guint i = 0; i < n; i++)
    if (c.atoms[i] != NULL)
      g_array_unref (c.atoms[i]);
  g_free (c.atoms);
  g_free (c.count);
  dk_disclosure_solve (d, s->k);
  return d;
}

/* Returns the solved problem of FAMILY in scope KEY, or NULL when the
 * pattern has no such scope. */
static DkDisclosure *
problem (DkSuppression *s, DkFamily family, const char *key)
{
  int scope = dk_gap_find_scope (s->gap, key);
  if (scope < 0 || family >= DK_N_FAMILIES)
    return NULL;
  DkDisclosure **slot = &s->solved[family * dk_gap_n_scopes (s->gap) + (guint) scope];
  if (*slot == NULL && s->panel < 0)
    *slot = solve (s, family, (guint) scope, NULL);
  else if (*slot == NULL)
    {
      g_autoptr (DkDisclosure) plain = solve (s, family, (guint) scope, NULL);
      *slot = solve (s, family, (guint) scope, plain);
    }
  return *slot;
}

gboolean
dk_suppression_hides (DkSuppression *s, DkFamily family, const char *scope, const char *unit,
                      DkGroupBy within, const char *key)
{
  DkDisclosure *d = problem (s, family, scope);
  int u = dk_unit_tree_of_path (s->units, unit);
  if (d == NULL || u < 0)
    return TRUE;
  guint dim = 0;
  if (within == DK_GROUP_ROLE)
    dim = GPOINTER_TO_UINT (g_hash_table_lookup (s->role_index, key));
  else if (within == DK_GROUP_GENDER)
    {
      guint g = 0;
      while (g < DK_N_GENDERS && strcmp (dk_gender_code ((DkGender) g), key) != 0)
        g++;
      dim = g < DK_N_GENDERS ? 1 + s->n_roles + g : 0;
    }
  if ((within == DK_GROUP_ROLE || within == DK_GROUP_GENDER) && dim == 0)
    return TRUE;
  /* the panel's cells follow the plain ones (solve) */
  guint first = s->panel >= 0 ? s->start[N_PLAIN_RANGES] : s->start[PLAIN];
  return dk_disclosure_hidden (d, first + (guint) u * s->n_dims + dim);
}

gboolean
dk_suppression_hides_team (DkSuppression *s, DkFamily family, const char *scope, gint64 manager)
{
  DkDisclosure *d = problem (s, family, scope);
  guint team = GPOINTER_TO_UINT (g_hash_table_lookup (s->team_index, GSIZE_TO_POINTER ((gsize) manager)));
  return d == NULL || team == 0 || dk_disclosure_hidden (d, s->start[TEAM] + team - 1);
}
