/*
 * count-suppression.c — the pattern of the per-unit counts of the count
 * reports, built on the solver of disclosure.c.
 *
 * The cells of a per-unit count, in order: each unit index V × each column (the
 * figures the callers look up), then each unit's direct members × each
 * column, then per unit and column the sum of its small sub-units (and
 * small direct members) when there are two or more: the unit minus its
 * sub-units shown gives that sum, a group of its own.
 */
#include "count-suppression.h"

guint32
dk_count_units_sum (const DkUnitTree *t, const guint32 *counts, guint n_sub, guint v, guint32 mask)
{
  guint32 sum = 0;
  for (guint u = 0; u < dk_unit_tree_size (t); u++)
    if (dk_unit_tree_under (t, u, v))
      for (guint x = 0; x < n_sub; x++)
        if (mask >> x & 1)
          sum += counts[u * n_sub + x];
  return sum;
}

struct _DkCountCells {
  guint     n;
  GArray  **atoms;    /* [cell]: guint atom indices, or NULL */
  guint32  *count;    /* [cell] */
};

DkCountCells *
dk_count_cells_new (guint n_cells)
{
  DkCountCells *c = g_new0 (DkCountCells, 1);
  c->n = n_cells;
  c->atoms = g_new0 (GArray *, MAX (n_cells, 1));
  c->count = g_new0 (guint32, MAX (n_cells, 1));
  return c;
}

void
dk_count_cells_free (DkCountCells *c)
{
  if (c == NULL)
    return;
  for (guint i = 0; i < c->n; i++)
    if (c->atoms[i] != NULL)
      g_array_unref (c->atoms[i]);
  g_free (c->atoms);
  g_free (c->count);
  g_free (c);
}

void
dk_count_cells_add (DkCountCells *c, guint cell, guint atom, guint32 count)
{
  if (c->atoms[cell] == NULL)
    c->atoms[cell] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (c->atoms[cell], atom);
  c->count[cell] += count;
}

guint32 dk_count_cells_count (const DkCountCells *c, guint cell) { return c->count[cell]; }

guint dk_count_cells_size (const DkCountCells *c) { return c->n; }

guint
dk_count_cells_add_difference (DkCountCells *c, guint whole, guint part, guint32 count)
{
  guint cell = c->n++;
  c->atoms = g_renew (GArray *, c->atoms, c->n);
  c->count = g_renew (guint32, c->count, c->n);
  c->atoms[cell] = g_array_new (FALSE, FALSE, sizeof (guint));
  c->count[cell] = count;
  const GArray *w = c->atoms[whole], *p = c->atoms[part];
  /* both ascend, and PART's atoms are among WHOLE's */
  for (guint i = 0, j = 0; w != NULL && i < w->len; i++)
    if (p != NULL && j < p->len && g_array_index (p, guint, j) == g_array_index (w, guint, i))
      j++;
    else
      g_array_append_val (c->atoms[cell], g_array_index (w, guint, i));
  return cell;
}

void dk_count_cells_set_count (DkCountCells *c, guint cell, guint32 count) { c->count[cell] = count; }

static gboolean
is_small (const DkCountCells *c, guint i, guint k)
{
  return c->count[i] > 0 && c->count[i] < k;
}

static void
add_cell (DkDisclosure *d, const DkCountCells *c, guint i, DkCellKind kind)
{
  GArray *a = c->atoms[i];
  dk_disclosure_add (d, a != NULL ? (guint *) (void *) a->data : NULL, a != NULL ? a->len : 0, c->count[i], kind);
}

/* The small cells of one margin, together. */
typedef struct {
  GArray  *atoms;
  guint32  count, cells;
} Sum;

/* Adds, for each margin, the sum of its small cells as one more part when
 * there are two or more; in the order the margins first come, so that the
 * solver always meets the same problem. */
static void
add_small_sums (const DkCountCells *c, const guint *margin, guint k, DkDisclosure *d)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);   /* margin → sum + 1 */
  g_autoptr (GArray) sums = g_array_new (FALSE, TRUE, sizeof (Sum));
  for (guint i = 0; i < c->n; i++)
    {
      if (margin[i] == 0 || !is_small (c, i, k))
        continue;
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (margin[i])));
      if (at == 0)
        {
          Sum fresh = { g_array_new (FALSE, FALSE, sizeof (guint)), 0, 0 };
          g_array_append_val (sums, fresh);
          g_hash_table_insert (index, GUINT_TO_POINTER (margin[i]), GUINT_TO_POINTER (at = sums->len));
        }
      Sum *sum = &g_array_index (sums, Sum, at - 1);
      g_array_append_vals (sum->atoms, c->atoms[i]->data, c->atoms[i]->len);
      sum->count += c->count[i];
      sum->cells++;
    }
  for (guint i = 0; i < sums->len; i++)
    {
      Sum *sum = &g_array_index (sums, Sum, i);
      if (sum->cells >= 2)
        dk_disclosure_add (d, (guint *) (void *) sum->atoms->data, sum->atoms->len, sum->count, DK_CELL_PART);
      g_array_unref (sum->atoms);
    }
}

gboolean *
dk_count_cells_solve (const DkCountCells *c, guint n_atoms, const DkCellKind *kind, const guint *margin, guint k)
{
  g_autoptr (DkDisclosure) d = dk_disclosure_new (n_atoms);
  /* every cell is added, so that its index is its cell's; a part of no
   * small count needs no protection and is added empty */
  for (guint i = 0; i < c->n; i++)
    if (kind[i] != DK_CELL_PART || is_small (c, i, k))
      add_cell (d, c, i, kind[i]);
    else
      dk_disclosure_add (d, NULL, 0, 0, DK_CELL_PART);
  if (margin != NULL)
    add_small_sums (c, margin, k, d);
  dk_disclosure_solve (d, k);
  gboolean *hidden = g_new0 (gboolean, MAX (c->n, 1));
  for (guint i = 0; i < c->n; i++)
    hidden[i] = dk_disclosure_hidden (d, i);
  return hidden;
}

gboolean *
dk_count_units_solve (const DkUnitTree *t, const guint32 *counts, guint n_sub, const DkCountColumn *cols,
                      guint n_cols, guint k)
{
  /* cells: [v * n_cols + col], then the direct members [(n + v) * n_cols + col] */
  guint n_units = dk_unit_tree_size (t), n = 2 * n_units * n_cols, n_atoms = 0;
  g_autoptr (DkCountCells) c = dk_count_cells_new (n);
  g_autofree DkCellKind *kind = g_new (DkCellKind, n);
  g_autofree guint *margin = g_new0 (guint, n);
  for (guint u = 0; u < dk_unit_tree_size (t); u++)
    for (guint x = 0; x < n_sub; x++)
      {
        guint32 count = counts[u * n_sub + x];
        if (count == 0)
          continue;
        guint atom = n_atoms++;
        for (guint col = 0; col < n_cols; col++)
          {
            if (!(cols[col].mask >> x & 1))
              continue;
            for (guint v = u;; v = dk_unit_tree_parent (t, v))
              {
                dk_count_cells_add (c, v * n_cols + col, atom, count);
                if (v == 0)
                  break;
              }
            if (dk_unit_tree_has_children (t, u))
              dk_count_cells_add (c, (n_units + u) * n_cols + col, atom, count);
          }
      }
  for (guint i = 0; i < n; i++)
    {
      guint v = i / n_cols % n_units, col = i % n_cols;
      gboolean direct = i >= n_units * n_cols;
      kind[i] = direct ? DK_CELL_PART : cols[col].kind;
      if (kind[i] == DK_CELL_FIXED_SHOWN && cols[col].fixed_hidden[v])
        kind[i] = DK_CELL_FIXED_HIDDEN;
      /* a unit's sub-units and its direct members are one margin of it
       * per column; the organisation is in none */
      guint of = direct ? v : dk_unit_tree_parent (t, v);
      margin[i] = direct || v != 0 ? 1 + of * n_cols + col : 0;
    }
  return dk_count_cells_solve (c, n_atoms, kind, margin, k);
}
