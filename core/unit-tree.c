/*
 * unit-tree.c — the store's units as a tree of indices (unit-tree.h).
 */
#include "unit-tree.h"

struct _DkUnitTree {
  guint       n;               /* units + 1 */
  guint      *parent;          /* [index]: the parent's index, 0 for a top unit */
  gboolean   *has_children;
  gint64     *id;              /* [index]: the unit's store id, 0 for the organisation */
  GHashTable *of_path;         /* path → index */
  GHashTable *of_id;           /* store id → index, GSIZE_TO_POINTER both */
};

DkUnitTree *
dk_unit_tree_load (DkStore *store, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (store, error);
  if (units == NULL)
    return NULL;
  DkUnitTree *t = g_new0 (DkUnitTree, 1);
  t->n = units->len + 1;
  t->parent = g_new0 (guint, t->n);
  t->has_children = g_new0 (gboolean, t->n);
  t->id = g_new0 (gint64, t->n);
  t->of_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->of_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < units->len; i++)
    {
      const DkUnit *u = units->pdata[i];
      g_hash_table_insert (t->of_id, GSIZE_TO_POINTER ((gsize) u->id), GUINT_TO_POINTER (i + 1));
      t->id[i + 1] = u->id;
      g_hash_table_insert (t->of_path, g_strdup (u->path), GUINT_TO_POINTER (i + 1));
      /* parents come first, so the parent's index is known */
      t->parent[i + 1] = dk_unit_tree_of_id (t, u->parent);
      t->has_children[t->parent[i + 1]] = TRUE;
    }
  return t;
}

void
dk_unit_tree_free (DkUnitTree *t)
{
  if (t == NULL)
    return;
  g_free (t->parent);
  g_free (t->has_children);
  g_free (t->id);
  g_hash_table_unref (t->of_path);
  g_hash_table_unref (t->of_id);
  g_free (t);
}

guint dk_unit_tree_size (const DkUnitTree *t) { return t->n; }

guint
dk_unit_tree_of_id (const DkUnitTree *t, gint64 id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->of_id, GSIZE_TO_POINTER ((gsize) id)));
}

int
dk_unit_tree_of_path (const DkUnitTree *t, const char *path)
{
  gpointer v = NULL;
  if (path == NULL)
    return 0;
  return g_hash_table_lookup_extended (t->of_path, path, NULL, &v) ? (int) GPOINTER_TO_UINT (v) : -1;
}

gboolean
dk_unit_tree_under (const DkUnitTree *t, guint u, guint v)
{
  for (;; u = t->parent[u])
    if (u == v)
      return TRUE;
    else if (u == 0)
      return FALSE;
}

gint64 dk_unit_tree_id (const DkUnitTree *t, guint u) { return t->id[u]; }
guint dk_unit_tree_parent (const DkUnitTree *t, guint u) { return t->parent[u]; }
gboolean dk_unit_tree_has_children (const DkUnitTree *t, guint u) { return t->has_children[u]; }
