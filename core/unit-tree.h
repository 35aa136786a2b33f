/*
 * unit-tree.h — the store's units as a tree of small indices, for the
 * suppression patterns (suppression.h, count-suppression.h): index 0 is
 * the organisation (and where people placed in no unit are), 1… the
 * units, parents first.  A tree is read once and then only read: safe
 * from several threads.
 */
#ifndef DK_UNIT_TREE_H
#define DK_UNIT_TREE_H

#include "store.h"

typedef struct _DkUnitTree DkUnitTree;

/* Returns the tree of STORE's units (free with dk_unit_tree_free), or NULL
 * with ERROR on a store failure. */
DkUnitTree *dk_unit_tree_load (DkStore *store, GError **error);
void dk_unit_tree_free (DkUnitTree *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkUnitTree, dk_unit_tree_free)

/* Returns the number of indices: the units + 1. */
guint dk_unit_tree_size (const DkUnitTree *t);

/* Returns the index of the unit with store id ID, 0 for none or unknown. */
guint dk_unit_tree_of_id (const DkUnitTree *t, gint64 id);

/* Returns the index of the unit at PATH (NULL: 0, the organisation), or -1
 * when there is none. */
int dk_unit_tree_of_path (const DkUnitTree *t, const char *path);

/* Returns the store id of the unit at index U, 0 for the organisation. */
gint64 dk_unit_tree_id (const DkUnitTree *t, guint u);

/* Returns the index of U's parent, 0 (the organisation) for a top unit
 * and for 0 itself. */
guint dk_unit_tree_parent (const DkUnitTree *t, guint u);

/* Returns TRUE when the unit at index U has sub-units. */
gboolean dk_unit_tree_has_children (const DkUnitTree *t, guint u);

/* Returns TRUE when index U is V or below it. */
gboolean dk_unit_tree_under (const DkUnitTree *t, guint u, guint v);

#endif
