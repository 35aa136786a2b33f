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
} Row;

typedef struct {
  guint     *atoms;
  guint      n;
  guint32    count;
  DkCellKind kind;
  gboolean   hidden;
  guint      same_as;   /* the first cell of the same atoms: one figure, one fate */
} Cell;

struct _DkDisclosure {
  guint   n_atoms;
  GArray *cells;      /* Cell */
  GArray *rows;       /* Row: the basis of the published cells */
  int    *pivot_row;  /* [atom]: the row whose pivot it is, or -1 */
  GHashTable *by_atoms;  /* a cell's atoms → its index: the first cell of them */
  guint   k;
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

static Sparse *
sparse_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Entry));
}

static Sparse *
sparse_unit (const guint *indices, guint n)
{
  Sparse *v = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n);
  for (guint i = 0; i < n; i++)
    {
      Entry e = { indices[i], 1 };
      g_array_append_val (v, e);
    }
  return v;
}

/* Returns A − F·B as a new vector; A is freed. */
static Sparse *
sparse_sub_scaled (Sparse *a, guint64 f, const Sparse *b)
{
  Sparse *out = g_array_sized_new (FALSE, FALSE, sizeof (Entry), a->len + b->len);
  const Entry *x = (const Entry *) (void *) a->data, *xe = x + a->len;
  const Entry *y = (const Entry *) (void *) b->data, *ye = y + b->len;
  Entry *o = (Entry *) (void *) out->data;
  while (x < xe || y < ye)
    {
      if (y == ye || (x < xe && x->index < y->index))
        *o++ = *x++;
      else if (x == xe || y->index < x->index)
        {
          *o = (Entry) { y->index, sub (0, mul (f, y->value)) };
          o++, y++;
        }
      else
        {
          *o = (Entry) { x->index, sub (x->value, mul (f, y->value)) };
          o += o->value != 0;
          x++, y++;
        }
    }
  out->len = (guint) (o - (Entry *) (void *) out->data);
  g_array_unref (a);
  return out;
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

DkDisclosure *
dk_disclosure_new (guint n_atoms)
{
  DkDisclosure *d = g_new0 (DkDisclosure, 1);
  d->n_atoms = n_atoms;
  d->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  d->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  d->pivot_row = g_new (int, MAX (n_atoms, 1));
  d->by_atoms = g_hash_table_new (g_bytes_hash, g_bytes_equal);
  return d;
}

static void
basis_clear (DkDisclosure *d)
{
  for (guint i = 0; i < d->rows->len; i++)
    {
      Row *r = &g_array_index (d->rows, Row, i);
      g_array_unref (r->atoms);
      g_array_unref (r->cells);
    }
  g_array_set_size (d->rows, 0);
  for (guint a = 0; a < d->n_atoms; a++)
    d->pivot_row[a] = -1;
}

void
dk_disclosure_free (DkDisclosure *d)
{
  if (d == NULL)
    return;
  basis_clear (d);
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
  qsort (c.atoms, n, sizeof (guint), compare_guint);
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

/* Reduces V (and CELLS, its provenance, when not NULL) against the basis;
 * returns the rest (V is consumed). */
static Sparse *
reduce (const DkDisclosure *d, Sparse *v, Sparse **cells)
{
  guint from = 0;
  while (from < v->len)
    {
      Entry lead = g_array_index (v, Entry, from);
      int r = d->pivot_row[lead.index];
      if (r < 0)
        {
          from++;
          continue;
        }
      const Row *row = &g_array_index (d->rows, Row, r);
      v = sparse_sub_scaled (v, lead.value, row->atoms);
      if (cells != NULL)
        *cells = sparse_sub_scaled (*cells, lead.value, row->cells);
      from = 0;   /* entries before the lead stayed; start where they end */
      while (from < v->len && g_array_index (v, Entry, from).index < lead.index)
        from++;
    }
  return v;
}

/* Adds cell I to the basis, when it is independent of it. */
static void
basis_add (DkDisclosure *d, guint i)
{
  const Cell *c = &g_array_index (d->cells, Cell, i);
  Sparse *cells = sparse_unit (&i, 1);
  Sparse *v = reduce (d, sparse_unit (c->atoms, c->n), &cells);
  if (v->len == 0)
    {
      g_array_unref (v);
      g_array_unref (cells);
      return;
    }
  /* reduce leaves only entries without a pivot: the first becomes this row's */
  guint64 f = inverse (g_array_index (v, Entry, 0).value);
  sparse_scale (v, f);
  sparse_scale (cells, f);
  d->pivot_row[g_array_index (v, Entry, 0).index] = (int) d->rows->len;
  Row row = { v, cells };
  g_array_append_val (d->rows, row);
}

static int
compare_by_count (gconstpointer a, gconstpointer b, gpointer data)
{
  const DkDisclosure *d = data;
  guint32 x = g_array_index (d->cells, Cell, *(const guint *) a).count;
  guint32 y = g_array_index (d->cells, Cell, *(const guint *) b).count;
  return x < y ? -1 : x > y;
}

/* Builds the basis of the published cells, smaller cells first: their rows
 * are the short ones. */
static void
basis_build (DkDisclosure *d)
{
  basis_clear (d);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < d->cells->len; i++)
    {
      const Cell *c = &g_array_index (d->cells, Cell, i);
      if (c->same_as == i && !c->hidden)
        g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_by_count, d);
  for (guint i = 0; i < order->len; i++)
    basis_add (d, g_array_index (order, guint, i));
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
 * Returns how many it hid. */
static guint
hide_pass (DkDisclosure *d)
{
  g_autofree gboolean *taken = g_new0 (gboolean, d->cells->len);
  guint hidden = 0;
  for (guint i = 0; i < d->cells->len; i++)
    {
      const Cell *c = &g_array_index (d->cells, Cell, i);
      if (c->same_as != i || !small (c, d->k) || c->kind == DK_CELL_FIXED_SHOWN)
        continue;
      Sparse *cells = sparse_new ();
      Sparse *rest = reduce (d, sparse_unit (c->atoms, c->n), &cells);
      if (rest->len == 0)
        {
          int h = cell_to_hide (d, cells, taken);
          if (h >= 0)
            {
              g_array_index (d->cells, Cell, h).hidden = TRUE;
              taken[h] = TRUE;
              hidden++;
            }
        }
      g_array_unref (rest);
      g_array_unref (cells);
    }
  return hidden;
}

void
dk_disclosure_solve (DkDisclosure *d, guint k)
{
  d->k = k;
  for (guint i = 0; i < d->cells->len; i++)
    {
      Cell *c = &g_array_index (d->cells, Cell, i);
      if (c->same_as == i)
        c->hidden = c->kind == DK_CELL_PART || c->kind == DK_CELL_FIXED_HIDDEN
                    || (c->kind == DK_CELL_SHOWN && small (c, k));
    }
  do
    basis_build (d);
  while (hide_pass (d) > 0);
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
  qsort (sorted, n, sizeof (guint), compare_guint);
  Sparse *rest = reduce (d, sparse_unit (sorted, n), NULL);
  gboolean determined = rest->len == 0;
  g_array_unref (rest);
  return determined;
}
