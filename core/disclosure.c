/*
 * disclosure.c — secondary cell suppression by exact elimination.
 *
 * The published cells are put into an echelon basis of sparse rows modulo
 * p = 2^61 − 1; each row remembers which published cells it combines (its
 * provenance).  A small cell that reduces to zero against the basis is
 * determined by them, and the provenance names the cells of one such
 * combination: the smallest of them that may be hidden is hidden, and the
 * basis is built again, until no small cell is determined.  Atoms are
 * numbered by the caller so that a unit's atoms are neighbours, which keeps
 * the rows short.
 */
#include "disclosure.h"

#define P ((guint64) 0x1FFFFFFFFFFFFFFFull)   /* 2^61 − 1, a prime */

typedef struct {
  guint   index;
  guint64 value;
} Entry;

/* A sparse vector: entries by ascending index, no zero values. */
typedef GArray Sparse;

typedef struct {
  Sparse *atoms;    /* first entry is the pivot, with value 1 */
  Sparse *cells;    /* the published cells this row combines */
  guint   pos;      /* the position of its cell in the order of adding */
} Row;

typedef struct {
  guint     *atoms;
  guint      n;
  guint32    count;
  DkCellKind kind;
  gboolean   hidden;
  guint      same_as;   /* the first cell of the same atoms: one figure, one fate */
  guint      pos;       /* its position in the order of adding to the basis */
  gboolean   safe;      /* small, and found not determined: hiding more keeps it so */
} Cell;

struct _DkDisclosure {
  guint   n_atoms;
  GArray *cells;      /* Cell */
  GArray *rows;       /* Row: the basis of the published cells */
  GArray *order;      /* guint: the cells in the order of adding, largest first */
  guint   built;      /* the positions of ORDER the basis holds */
  int    *pivot_row;  /* [atom]: the row whose pivot it is, or -1 */
  GHashTable *by_atoms;  /* a cell's atoms → its index: the first cell of them */
  guint   k;
  /* the reduction's scratch: a dense vector over atoms, a bit per atom it
   * has touched, what is left of it, and a dense combination over cells */
  guint64  *acc;
  guint64  *touched;    /* bit a % 64 of word a / 64 */
  Entry    *rest;       /* n_atoms places: the reduction's result */
  guint64  *comb;
  guint    *comb_touched; /* the cells of comb set from 0, in that order: a cell that
                         * comes back to 0 can be set again, and listed twice */
  guint     n_comb_touched, comb_touched_size;
};

static guint64
mul (guint64 a, guint64 b)
{
  unsigned __int128 x = (unsigned __int128) a * b;
  guint64 r = (guint64) (x & P) + (guint64) (x >> 61);
  return r >= P ? r - P : r;
}

static guint64
sub (guint64 a, guint64 b)
{
  return a >= b ? a - b : a + P - b;
}

static guint64
inverse (guint64 a)
{
  guint64 result = 1, e = P - 2;
  for (; e > 0; e >>= 1, a = mul (a, a))
    if (e & 1)
      result = mul (result, a);
  return result;
}

static void
sparse_scale (Sparse *v, guint64 f)
{
  for (guint i = 0; i < v->len; i++)
    g_array_index (v, Entry, i).value = mul (g_array_index (v, Entry, i).value, f);
}

static int
compare_guint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* Sorts ATOMS, which callers mostly give in order already. */
static void
sort_atoms (guint *atoms, guint n)
{
  for (guint i = 1; i < n; i++)
    if (atoms[i - 1] > atoms[i])
      {
        qsort (atoms, n, sizeof (guint), compare_guint);
        return;
      }
}

DkDisclosure *
dk_disclosure_new (guint n_atoms)
{
  DkDisclosure *d = g_new0 (DkDisclosure, 1);
  d->n_atoms = n_atoms;
  d->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  d->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  d->pivot_row = g_new (int, MAX (n_atoms, 1));
  for (guint a = 0; a < n_atoms; a++)
    d->pivot_row[a] = -1;
  d->order = g_array_new (FALSE, FALSE, sizeof (guint));
  d->by_atoms = g_hash_table_new (g_bytes_hash, g_bytes_equal);
  d->acc = g_new0 (guint64, MAX (n_atoms, 1));
  d->touched = g_new0 (guint64, MAX ((n_atoms + 63) / 64, 1));
  d->rest = g_new (Entry, MAX (n_atoms, 1));
  return d;
}

/* Takes out of the basis the rows of the cells at position POS of the
 * order and after (they are its last rows: rows are added in order). */
static void
basis_truncate (DkDisclosure *d, guint pos)
{
  while (d->rows->len > 0 && g_array_index (d->rows, Row, d->rows->len - 1).pos >= pos)
    {
      Row *r = &g_array_index (d->rows, Row, d->rows->len - 1);
      d->pivot_row[g_array_index (r->atoms, Entry, 0).index] = -1;
      g_array_unref (r->atoms);
      g_array_unref (r->cells);
      g_array_set_size (d->rows, d->rows->len - 1);
    }
  d->built = MIN (d->built, pos);
}

void
dk_disclosure_free (DkDisclosure *d)
{
  if (d == NULL)
    return;
  basis_truncate (d, 0);
  g_array_unref (d->order);
  for (guint i = 0; i < d->cells->len; i++)
    g_free (g_array_index (d->cells, Cell, i).atoms);
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, d->by_atoms);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_bytes_unref (key);
  g_hash_table_unref (d->by_atoms);
  g_array_unref (d->cells);
  g_array_unref (d->rows);
  g_free (d->pivot_row);
  g_free (d->acc);
  g_free (d->touched);
  g_free (d->rest);
  g_free (d->comb);
  g_free (d->comb_touched);
  g_free (d);
}

/* Returns the kind that decides for two cells of the same atoms: what is
 * fixed decides, and a published cell is published. */
static DkCellKind
stronger (DkCellKind a, DkCellKind b)
{
  static const int rank[] = { [DK_CELL_PART] = 0, [DK_CELL_SHOWN] = 1,
                              [DK_CELL_FIXED_HIDDEN] = 2, [DK_CELL_FIXED_SHOWN] = 3 };
  return rank[a] >= rank[b] ? a : b;
}

guint
dk_disclosure_add (DkDisclosure *d, const guint *atoms, guint n, guint32 count, DkCellKind kind)
{
  guint index = d->cells->len;
  Cell c = { g_memdup2 (atoms, sizeof (guint) * n), n, count, kind, FALSE, index };
  sort_atoms (c.atoms, n);
  GBytes *key = g_bytes_new_static (c.atoms, sizeof (guint) * n);
  gpointer first;
  if (g_hash_table_lookup_extended (d->by_atoms, key, NULL, &first))
    {
      Cell *f = &g_array_index (d->cells, Cell, GPOINTER_TO_UINT (first));
      f->kind = stronger (f->kind, kind);
      c.same_as = GPOINTER_TO_UINT (first);
      g_bytes_unref (key);
    }
  else
    g_hash_table_insert (d->by_atoms, key, GUINT_TO_POINTER (index));
  g_array_append_val (d->cells, c);
  return index;
}

/* Subtracts VALUE from the accumulator's ATOM, marking it touched. */
static inline void
acc_sub (DkDisclosure *d, guint atom, guint64 value)
{
  d->acc[atom] = sub (d->acc[atom], value);
  d->touched[atom / 64] |= (guint64) 1 << (atom % 64);
}

/* Adds VALUE to entry CELL of the scratch combination. */
static void
comb_put (DkDisclosure *d, guint cell, guint64 value)
{
  if (d->comb[cell] == 0)
    {
      if (d->n_comb_touched == d->comb_touched_size)
        d->comb_touched = g_renew (guint, d->comb_touched, d->comb_touched_size = 2 * d->comb_touched_size + 64);
      d->comb_touched[d->n_comb_touched++] = cell;
    }
  d->comb[cell] = sub (d->comb[cell], sub (0, value));
}

/* Adds F times the combination SRC to the scratch combination. */
static void
comb_add (DkDisclosure *d, guint64 f, const Sparse *src)
{
  for (guint i = 0; i < src->len; i++)
    comb_put (d, g_array_index (src, Entry, i).index, mul (f, g_array_index (src, Entry, i).value));
}

/* Takes the scratch combination out as a sparse vector (in no order:
 * nothing needs one) and clears it. */
static Sparse *
comb_take (DkDisclosure *d)
{
  Sparse *out = g_array_sized_new (FALSE, FALSE, sizeof (Entry), d->n_comb_touched);
  for (guint i = 0; i < d->n_comb_touched; i++)
    {
      guint c = d->comb_touched[i];
      if (d->comb[c] != 0)
        {
          Entry e = { c, d->comb[c] };
          g_array_append_val (out, e);
        }
      d->comb[c] = 0;
    }
  d->n_comb_touched = 0;
  return out;
}

/* Reduces the sum of the N atoms ATOMS against the basis: returns how
 * many entries are left in d->rest (by ascending atom, none with a pivot);
 * with COMB, the rows it took, as a combination of cells, are in the
 * scratch combination (comb_take).  Only the atoms touched are visited,
 * lowest first, so a row's pivot is met before the atoms the row adds: a
 * row adds only atoms above its pivot, so the scan of the touched bits
 * never has to go back. */
static guint
reduce (DkDisclosure *d, const guint *atoms, guint n, gboolean comb)
{
  for (guint i = 0; i < n; i++)
    acc_sub (d, atoms[i], P - 1);   /* acc = 0 − (−1) = +1 */
  guint n_rest = 0, hi = n > 0 ? atoms[n - 1] / 64 + 1 : 0;   /* the touched words are below hi */
  for (guint w = n > 0 ? atoms[0] / 64 : 0; w < hi; w++)
    while (d->touched[w] != 0)
      {
        guint atom = w * 64 + (guint) __builtin_ctzll (d->touched[w]);
        guint64 value = d->acc[atom];
        d->touched[w] &= d->touched[w] - 1;
        d->acc[atom] = 0;
        if (value == 0)
          continue;
        int r = d->pivot_row[atom];
        if (r < 0)
          {
            d->rest[n_rest++] = (Entry) { atom, value };
            continue;
          }
        const Row *row = &g_array_index (d->rows, Row, r);
        const Entry *e = &g_array_index (row->atoms, Entry, 0);
        guint len = row->atoms->len;
        for (guint j = 1; j < len; j++)
          acc_sub (d, e[j].index, mul (value, e[j].value));
        hi = MAX (hi, e[len - 1].index / 64 + 1);   /* entries ascend */
        if (comb)
          comb_add (d, value, row->cells);
      }
  return n_rest;
}

/* Adds cell I to the basis, when it is independent of it. */
static void
basis_add (DkDisclosure *d, guint i)
{
  const Cell *c = &g_array_index (d->cells, Cell, i);
  guint n_rest = reduce (d, c->atoms, c->n, TRUE);
  if (n_rest == 0)
    {
      g_array_unref (comb_take (d));
      return;
    }
  Sparse *v = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n_rest);
  g_array_append_vals (v, d->rest, n_rest);
  /* the row is the cell minus the rows taken, scaled to a lead of 1 */
  guint64 f = inverse (g_array_index (v, Entry, 0).value);
  comb_put (d, i, P - 1);   /* the rows taken − the cell; negated below */
  Sparse *cells = comb_take (d);
  for (guint j = 0; j < cells->len; j++)
    g_array_index (cells, Entry, j).value = sub (0, g_array_index (cells, Entry, j).value);
  sparse_scale (v, f);
  sparse_scale (cells, f);
  d->pivot_row[g_array_index (v, Entry, 0).index] = (int) d->rows->len;
  Row row = { v, cells, c->pos };
  g_array_append_val (d->rows, row);
}

/* Larger cells first: the cells that secondary suppression hides are
 * mostly small, so their rows are the last ones, and taking them out
 * leaves the rest of the basis as it is. */
static int
compare_by_count (gconstpointer a, gconstpointer b, gpointer data)
{
  const DkDisclosure *d = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  guint32 x = g_array_index (d->cells, Cell, ia).count, y = g_array_index (d->cells, Cell, ib).count;
  return x != y ? (x > y ? -1 : 1) : (ia < ib ? -1 : ia > ib);
}

/* Orders the published cells for the basis. */
static void
order_cells (DkDisclosure *d)
{
  for (guint i = 0; i < d->cells->len; i++)
    {
      const Cell *c = &g_array_index (d->cells, Cell, i);
      if (c->same_as == i && !c->hidden)
        g_array_append_val (d->order, i);
    }
  g_array_sort_with_data (d->order, compare_by_count, d);
  for (guint p = 0; p < d->order->len; p++)
    g_array_index (d->cells, Cell, g_array_index (d->order, guint, p)).pos = p;
}

/* Adds the published cells of the order the basis does not hold yet. */
static void
basis_extend (DkDisclosure *d)
{
  for (guint p = d->built; p < d->order->len; p++)
    {
      guint i = g_array_index (d->order, guint, p);
      if (!g_array_index (d->cells, Cell, i).hidden)
        basis_add (d, i);
    }
  d->built = d->order->len;
}

static gboolean
small (const Cell *c, guint k)
{
  return c->count > 0 && c->count < k;
}

/* Returns the cell to hide so that the combination CELLS no longer
 * determines a small cell: its smallest cell that may be hidden, or -1
 * when it has none or has one hidden already in this pass (TAKEN). */
static int
cell_to_hide (const DkDisclosure *d, const Sparse *cells, const gboolean *taken)
{
  int best = -1;
  for (guint i = 0; i < cells->len; i++)
    {
      guint c = g_array_index (cells, Entry, i).index;
      const Cell *cell = &g_array_index (d->cells, Cell, c);
      if (taken[c])
        return -1;
      if (cell->kind == DK_CELL_SHOWN
          && (best < 0 || cell->count < g_array_index (d->cells, Cell, best).count))
        best = (int) c;
    }
  return best;
}

/* One pass: hides a cell for each small cell the basis determines.
 * Returns the lowest position of the cells it hid in the order, or
 * G_MAXUINT when it hid none. */
static guint
hide_pass (DkDisclosure *d)
{
  g_autofree gboolean *taken = g_new0 (gboolean, d->cells->len);
  guint lowest = G_MAXUINT;
  for (guint i = 0; i < d->cells->len; i++)
    {
      const Cell *c = &g_array_index (d->cells, Cell, i);
      if (c->same_as != i || c->safe || !small (c, d->k) || c->kind == DK_CELL_FIXED_SHOWN)
        continue;
      guint n_rest = reduce (d, c->atoms, c->n, TRUE);
      Sparse *cells = comb_take (d);
      g_array_index (d->cells, Cell, i).safe = n_rest > 0;
      if (n_rest == 0)
        {
          int h = cell_to_hide (d, cells, taken);
          if (h >= 0)
            {
              Cell *hide = &g_array_index (d->cells, Cell, h);
              hide->hidden = TRUE;
              taken[h] = TRUE;
              lowest = MIN (lowest, hide->pos);
            }
        }
      g_array_unref (cells);
    }
  return lowest;
}

void
dk_disclosure_solve (DkDisclosure *d, guint k)
{
  d->k = k;
  d->comb = g_new0 (guint64, MAX (d->cells->len, 1));
  for (guint i = 0; i < d->cells->len; i++)
    {
      Cell *c = &g_array_index (d->cells, Cell, i);
      if (c->same_as == i)
        c->hidden = c->kind == DK_CELL_PART || c->kind == DK_CELL_FIXED_HIDDEN
                    || (c->kind == DK_CELL_SHOWN && small (c, k));
    }
  order_cells (d);
  guint lowest;
  do
    {
      basis_extend (d);
      lowest = hide_pass (d);
      basis_truncate (d, lowest);
    }
  while (lowest != G_MAXUINT);
  /* the rows are most of a problem's memory, and a pattern keeps a solved
   * problem per family and scope: dk_disclosure_determined builds them
   * again (the same rows: the same cells in the same order) */
  basis_truncate (d, 0);
}

gboolean
dk_disclosure_hidden (const DkDisclosure *d, guint cell)
{
  const Cell *c = &g_array_index (d->cells, Cell, cell);
  return g_array_index (d->cells, Cell, c->same_as).hidden;
}

gboolean
dk_disclosure_determined (DkDisclosure *d, const guint *atoms, guint n)
{
  g_autofree guint *sorted = g_memdup2 (atoms, sizeof (guint) * n);
  sort_atoms (sorted, n);
  basis_extend (d);
  return reduce (d, sorted, n, FALSE) == 0;
}
