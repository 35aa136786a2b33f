/*
 * suppression.c — the suppression pattern of a round, built on the solver
 * of disclosure.c.
 *
 * One scan counts the round's people per class: their unit (where they are
 * placed, not its parents), role, gender, recorded manager and, for a
 * panel, whether they are in it.  A class is an atom of the solver; every
 * group a report can show is a sum of classes.  The cells of one problem,
 * in a fixed order (CellRange), are: each unit V (0 is the organisation)
 * × each "dimension" d (0 everyone, then each role, then each gender);
 * each unit's direct members × d; each manager's team; and for a panel
 * the same cells of the panel's people, their direct members, and the
 * people outside the panel.
 */
#include "suppression.h"
#include "disclosure.h"

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
  gboolean in_panel;
} Class;

/* Where each kind of cell starts in a problem's cell order. */
enum { PLAIN, DIRECT, TEAM, PANEL, PANEL_DIRECT, OUTSIDE, N_RANGES };

struct _DkSuppression {
  gatomicrefcount refs;
  guint         k;
  gboolean      panel;
  DkGap        *gap;            /* classes × scopes */
  guint         n_units;        /* units + 1: index 0 is the organisation */
  GHashTable   *unit_index;     /* path → index */
  guint        *parent;         /* [index]: the parent's index, 0 for a top unit */
  gint64       *unit_id;        /* [index]: the unit's store id, 0 for none */
  gboolean     *has_children;
  guint         n_roles, n_dims;
  GHashTable   *role_index;     /* role id → framework index + 1 */
  GHashTable   *team_index;     /* manager store id (GSIZE_TO_POINTER) → team index + 1 */
  guint         n_teams;
  Class        *classes;        /* [group of gap] */
  guint        *order;          /* groups by unit, role, gender, team: neighbours stay close */
  guint         start[N_RANGES + 1];
  DkDisclosure **solved;        /* [family * n_scopes + scope], solved when first asked */
};

/* What the class scan needs: the unit index of each unit id, the team of
 * each person, the panel. */
typedef struct {
  DkSuppression     *s;
  GHashTable        *unit_of_id;   /* unit id → index, GSIZE_TO_POINTER both */
  GHashTable        *managers;     /* person → manager (store ids), as dk_store_managers */
  const DkPersonSet *panel;
} ClassScan;

/* A class number, in the order atoms are numbered: unit index (24 bits),
 * role (5), gender (3), in the panel (1), team index + 1 (31). */
static guint64
class_of_row (const DkScanRow *row, gpointer data)
{
  ClassScan *cs = data;
  guint unit = GPOINTER_TO_UINT (g_hash_table_lookup (cs->unit_of_id, GSIZE_TO_POINTER ((gsize) row->unit_id)));
  gpointer manager = g_hash_table_lookup (cs->managers, GSIZE_TO_POINTER ((gsize) row->person_id));
  guint team = manager != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (cs->s->team_index, manager)) : 0;
  gboolean in_panel = cs->panel != NULL && dk_person_set_contains (cs->panel, row->person_id);
  return (guint64) unit << 40 | (guint64) (row->role & 31) << 35 | (guint64) (row->gender & 7) << 32
         | (guint64) in_panel << 31 | (guint64) (team & 0x7FFFFFFF);
}

static Class
class_decode (guint64 code)
{
  return (Class) { (guint) (code >> 40), (guint) (code >> 35 & 31), (guint) (code >> 32 & 7),
                   (int) (code & 0x7FFFFFFF) - 1, (gboolean) (code >> 31 & 1) };
}

static gboolean
setup_units (DkSuppression *s, DkStore *store, GHashTable *unit_of_id, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (store, error);
  if (units == NULL)
    return FALSE;
  s->n_units = units->len + 1;
  s->parent = g_new0 (guint, s->n_units);
  s->unit_id = g_new0 (gint64, s->n_units);
  s->has_children = g_new0 (gboolean, s->n_units);
  s->unit_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < units->len; i++)
    {
      const DkUnit *u = units->pdata[i];
      g_hash_table_insert (unit_of_id, GSIZE_TO_POINTER ((gsize) u->id), GUINT_TO_POINTER (i + 1));
      s->unit_id[i + 1] = u->id;
      g_hash_table_insert (s->unit_index, g_strdup (u->path), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < units->len; i++)
    {
      const DkUnit *u = units->pdata[i];
      guint parent = u->parent != 0
                     ? GPOINTER_TO_UINT (g_hash_table_lookup (unit_of_id, GSIZE_TO_POINTER ((gsize) u->parent))) : 0;
      s->parent[i + 1] = parent;
      s->has_children[parent] = TRUE;
    }
  return TRUE;
}

/* Every manager of someone becomes a team. */
static void
setup_teams (DkSuppression *s, GHashTable *managers)
{
  s->team_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter it;
  gpointer manager;
  g_hash_table_iter_init (&it, managers);
  while (g_hash_table_iter_next (&it, NULL, &manager))
    if (!g_hash_table_contains (s->team_index, manager))
      g_hash_table_insert (s->team_index, manager, GUINT_TO_POINTER (++s->n_teams));
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
  guint size[N_RANGES] = { s->n_units * s->n_dims, s->n_units * s->n_dims, s->n_teams,
                           s->n_units * s->n_dims, s->n_units * s->n_dims, s->n_units * s->n_dims };
  for (guint r = 0; r < N_RANGES; r++)
    s->start[r + 1] = s->start[r] + (s->panel || r < PANEL ? size[r] : 0);
}

DkSuppression *
dk_suppression_compute (DkStore *store, const DkRound *round, const DkFramework *fw, DkScopeBy scope_by,
                        guint k, const DkPersonSet *panel, const DkContext *ctx, GError **error)
{
  g_autoptr (DkSuppression) s = g_new0 (DkSuppression, 1);
  g_atomic_ref_count_init (&s->refs);
  s->k = k;
  s->panel = panel != NULL;
  s->n_roles = dk_framework_n_roles (fw);
  s->n_dims = 1 + s->n_roles + DK_N_GENDERS;
  s->role_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < s->n_roles; r++)
    g_hash_table_insert (s->role_index, (gpointer) dk_framework_role (fw, r)->id, GUINT_TO_POINTER (r + 1));
  g_autoptr (GHashTable) unit_of_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) managers = dk_store_managers (store, error);
  if (managers == NULL || !setup_units (s, store, unit_of_id, error))
    return NULL;
  setup_teams (s, managers);
  ClassScan cs = { s, unit_of_id, managers, panel };
  DkGapQuery q = { .group_by = DK_GROUP_CLASS, .scope_by = scope_by, .ctx = ctx,
                   .classify = class_of_row, .classify_data = &cs };
  if ((s->gap = dk_gap_compute (store, round, fw, &q, error)) == NULL)
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
  g_clear_pointer (&s->unit_index, g_hash_table_unref);
  g_clear_pointer (&s->role_index, g_hash_table_unref);
  g_clear_pointer (&s->team_index, g_hash_table_unref);
  g_free (s->parent);
  g_free (s->unit_id);
  g_free (s->has_children);
  g_free (s->classes);
  g_free (s->order);
  g_free (s);
}

static gboolean
describe_class (guint64 code, gpointer data, gint64 *unit_id, guint *role, DkGender *gender)
{
  const DkSuppression *s = data;
  Class c = class_decode (code);
  *unit_id = s->unit_id[c.unit];
  *role = c.role;
  *gender = (DkGender) c.gender;
  return !s->panel || c.in_panel;
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

/* Adds ATOM (of class CL, COUNT people) to the cells of range RANGE of
 * unit U and its parents up to the organisation. */
static void
add_to_units (const DkSuppression *s, Cells *c, guint range, guint u, const Class *cl, guint atom,
              guint32 count)
{
  guint dims[3] = { 0, 1 + cl->role, 1 + s->n_roles + cl->gender };
  for (guint v = u;; v = s->parent[v])
    {
      for (guint i = 0; i < 3; i++)
        cell_add_atom (c, s->start[range] + v * s->n_dims + dims[i], atom, count);
      if (v == 0)
        break;
    }
}

static void
add_to_direct (const DkSuppression *s, Cells *c, guint range, const Class *cl, guint atom, guint32 count)
{
  if (!s->has_children[cl->unit])
    return;
  guint dims[3] = { 0, 1 + cl->role, 1 + s->n_roles + cl->gender };
  for (guint i = 0; i < 3; i++)
    cell_add_atom (c, s->start[range] + cl->unit * s->n_dims + dims[i], atom, count);
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
      add_to_units (s, c, PLAIN, cl->unit, cl, atom, count);
      add_to_direct (s, c, DIRECT, cl, atom, count);
      if (cl->team >= 0)
        cell_add_atom (c, s->start[TEAM] + (guint) cl->team, atom, count);
      if (!s->panel)
        continue;
      add_to_units (s, c, cl->in_panel ? PANEL : OUTSIDE, cl->unit, cl, atom, count);
      if (cl->in_panel)
        add_to_direct (s, c, PANEL_DIRECT, cl, atom, count);
    }
}

/* Returns the kind of cell I of a problem: for a panel, the plain cells
 * are fixed as PLAIN (their own problem) decided them. */
static DkCellKind
cell_kind (const DkSuppression *s, guint i, const DkDisclosure *plain)
{
  gboolean part = (i >= s->start[DIRECT] && i < s->start[TEAM]) || i >= s->start[PANEL_DIRECT];
  if (part)
    return DK_CELL_PART;
  if (plain == NULL || i >= s->start[PANEL])
    return DK_CELL_SHOWN;
  return dk_disclosure_hidden (plain, i) ? DK_CELL_FIXED_HIDDEN : DK_CELL_FIXED_SHOWN;
}

/* Adds, for each unit's roles and its genders in RANGE, the sum of its
 * small cells as one more part when there are two or more: hidden cells
 * of one margin are together what the unit minus its shown cells gives. */
static void
add_small_sums (const DkSuppression *s, const Cells *c, guint range, DkDisclosure *d)
{
  guint first[2] = { 1, 1 + s->n_roles }, last[2] = { 1 + s->n_roles, s->n_dims };
  for (guint v = 0; v < s->n_units; v++)
    for (guint m = 0; m < 2; m++)
      {
        g_autoptr (GArray) atoms = g_array_new (FALSE, FALSE, sizeof (guint));
        guint32 count = 0, cells = 0;
        for (guint dim = first[m]; dim < last[m]; dim++)
          {
            guint i = s->start[range] + v * s->n_dims + dim;
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

/* Builds and solves the problem of FAMILY in SCOPE over the cells before
 * END; PLAIN fixes the plain cells of a panel's problem. */
static DkDisclosure *
solve (const DkSuppression *s, DkFamily family, guint scope, guint end, const DkDisclosure *plain)
{
  Cells c = { g_new0 (GArray *, s->start[N_RANGES]), g_new0 (guint32, s->start[N_RANGES]) };
  guint n_atoms;
  collect_cells (s, family, scope, &c, &n_atoms);
  DkDisclosure *d = dk_disclosure_new (n_atoms);
  for (guint i = 0; i < end; i++)
    {
      GArray *atoms = c.atoms[i];
      dk_disclosure_add (d, atoms != NULL ? (guint *) (void *) atoms->data : NULL, atoms != NULL ? atoms->len : 0,
                         c.count[i], cell_kind (s, i, plain));
    }
  add_small_sums (s, &c, PLAIN, d);
  if (plain != NULL)
    add_small_sums (s, &c, PANEL, d);
  for (guint i = 0; i < s->start[N_RANGES]; i++)
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
  if (*slot == NULL && !s->panel)
    *slot = solve (s, family, (guint) scope, s->start[PANEL], NULL);
  else if (*slot == NULL)
    {
      g_autoptr (DkDisclosure) plain = solve (s, family, (guint) scope, s->start[PANEL], NULL);
      *slot = solve (s, family, (guint) scope, s->start[N_RANGES], plain);
    }
  return *slot;
}

gboolean
dk_suppression_hides (DkSuppression *s, DkFamily family, const char *scope, const char *unit,
                      DkGroupBy within, const char *key)
{
  DkDisclosure *d = problem (s, family, scope);
  gpointer u = NULL;
  if (d == NULL || (unit != NULL && !g_hash_table_lookup_extended (s->unit_index, unit, NULL, &u)))
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
  guint range = s->panel ? PANEL : PLAIN;
  return dk_disclosure_hidden (d, s->start[range] + GPOINTER_TO_UINT (u) * s->n_dims + dim);
}

gboolean
dk_suppression_hides_team (DkSuppression *s, DkFamily family, const char *scope, gint64 manager)
{
  DkDisclosure *d = problem (s, family, scope);
  guint team = GPOINTER_TO_UINT (g_hash_table_lookup (s->team_index, GSIZE_TO_POINTER ((gsize) manager)));
  return d == NULL || team == 0 || dk_disclosure_hidden (d, s->start[TEAM] + team - 1);
}
