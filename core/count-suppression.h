/*
 * count-suppression.h — the suppression pattern of the count reports
 * (coverage, goals, participation: core/plan-report.c), over the solver of
 * disclosure.h.
 *
 * A count report can be asked for the organisation or any unit (with its
 * sub-units), so its figures are cells over atoms: the people (or plan
 * items) of each unit they are placed in, split by what the report tells
 * apart (covered or not, done or not).  Every unit's figure is a cell, a
 * unit's direct members are a part a reader could compute, and the solver
 * decides which cells no report of any unit publishes (docs/metrics.md,
 * "Participation, coverage, goals and wishes").
 */
#ifndef DK_COUNT_SUPPRESSION_H
#define DK_COUNT_SUPPRESSION_H

#include "disclosure.h"
#include "unit-tree.h"

/* A problem for the solver under construction: cells, each a sum of atoms. */
typedef struct _DkCountCells DkCountCells;

/* Returns N_CELLS empty cells (free with dk_count_cells_free). */
DkCountCells *dk_count_cells_new (guint n_cells);
void dk_count_cells_free (DkCountCells *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkCountCells, dk_count_cells_free)

/* Adds ATOM, of COUNT, to CELL (each atom at most once per cell). */
void dk_count_cells_add (DkCountCells *c, guint cell, guint atom, guint32 count);

/* Sets CELL's count to COUNT: for a cell whose people are not the sum of
 * its atoms' (hours, whose atoms are people × kinds of activity). */
void dk_count_cells_set_count (DkCountCells *c, guint cell, guint32 count);

/* Returns the count of CELL. */
guint32 dk_count_cells_count (const DkCountCells *c, guint cell);

/* Returns the number of cells of C. */
guint dk_count_cells_size (const DkCountCells *c);

/* Appends a cell of the atoms of WHOLE that are not in PART, of COUNT
 * (WHOLE's and PART's atoms added in ascending order, PART's among
 * WHOLE's): what a reader gets from WHOLE minus PART.  Returns its index. */
guint dk_count_cells_add_difference (DkCountCells *c, guint whole, guint part, guint32 count);

/* Solves C over N_ATOMS atoms for the minimum group K, cell I of KIND[I];
 * where MARGIN is not NULL, the small cells of each margin number
 * MARGIN[I] > 0 are together one more part when there are two or more (a
 * whole minus its parts shown gives their sum).  Returns a new array
 * [cell] (g_free) TRUE where the cell is not published. */
gboolean *dk_count_cells_solve (const DkCountCells *c, guint n_atoms, const DkCellKind *kind, const guint *margin,
                                guint k);

/* One column of a per-unit count: the sum of the sub-classes whose bits
 * are in MASK, published (DK_CELL_SHOWN), never published (DK_CELL_PART),
 * or decided already (FIXED: DK_CELL_FIXED_SHOWN, with FIXED_HIDDEN[unit]
 * TRUE where it is hidden). */
typedef struct {
  guint32         mask;
  DkCellKind      kind;
  const gboolean *fixed_hidden;
} DkCountColumn;

/* Decides, for the minimum group K, which cells of a per-unit count are
 * hidden.  COUNTS[u * N_SUB + x] are the people (or items) placed directly
 * in unit index U of sub-class X (N_SUB ≤ 32).  Each unit V (0: the
 * organisation) has one cell per column of COLS (N_COLS), the sum over
 * the units under V; the direct members of a unit with sub-units are parts
 * per column.  Returns a new array [v * N_COLS + col] (g_free) TRUE where
 * the cell is not published. */
gboolean *dk_count_units_solve (const DkUnitTree *t, const guint32 *counts, guint n_sub, const DkCountColumn *cols,
                                guint n_cols, guint k);

/* Returns the sum of COUNTS (as for dk_count_units_solve) over the units
 * under V for the sub-classes in MASK. */
guint32 dk_count_units_sum (const DkUnitTree *t, const guint32 *counts, guint n_sub, guint v, guint32 mask);

#endif
