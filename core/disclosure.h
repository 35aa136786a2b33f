/*
 * disclosure.h — primary and secondary cell suppression: which published
 * counts must be hidden so that no small group's count can be worked out
 * from the others.
 *
 * A problem is a set of cells over "atoms", the finest classes of people a
 * caller can tell apart (for group reports: a direct unit × role × gender ×
 * manager).  Each cell is the sum of some atoms' counts.  A cell is SHOWN
 * (published unless the solver hides it), a PART (never published, but a
 * reader could compute it by subtraction — a unit's direct members), or
 * FIXED (its fate decided by an earlier problem: the plain figures beside a
 * panel).  A cell counting 1 to k−1 people is small: a small shown cell is
 * hidden (primary suppression), and no small cell may be a linear
 * combination of the published ones (secondary suppression: where one is,
 * the smallest published cell of that combination is hidden too, until
 * none is).  Membership in the span is decided by exact elimination over
 * the integers modulo the prime 2^61 − 1: a combination over the rationals
 * is one modulo p, so none is missed; the converse can only hide more.
 *
 * Atoms with a count of 0 are left out by the caller: a reader may know
 * that a class is empty, and a vector without them hides no less.
 *
 * Not thread-safe for one problem; separate problems are independent.
 */
#ifndef DK_DISCLOSURE_H
#define DK_DISCLOSURE_H

#include <glib.h>

typedef enum {
  DK_CELL_SHOWN,        /* published unless hidden here */
  DK_CELL_PART,         /* never published; protected when small */
  DK_CELL_FIXED_SHOWN,  /* published, and may not be hidden here */
  DK_CELL_FIXED_HIDDEN, /* hidden already; protected when small */
} DkCellKind;

typedef struct _DkDisclosure DkDisclosure;

/* Returns a new, empty problem over N_ATOMS atoms (free with
 * dk_disclosure_free). */
DkDisclosure *dk_disclosure_new (guint n_atoms);
void dk_disclosure_free (DkDisclosure *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkDisclosure, dk_disclosure_free)

/* Adds a cell summing the N atoms ATOMS (indices below the problem's
 * n_atoms, each at most once; copied) whose count is COUNT, of KIND.
 * Returns the cell's index, counted from 0 in the order of adding. */
guint dk_disclosure_add (DkDisclosure *d, const guint *atoms, guint n, guint32 count, DkCellKind kind);

/* Decides which cells are hidden for the minimum group K (≥ 1).  May be
 * called once. */
void dk_disclosure_solve (DkDisclosure *d, guint k);

/* Returns TRUE when CELL is not published: hidden by the solver, a part,
 * or fixed hidden. */
gboolean dk_disclosure_hidden (const DkDisclosure *d, guint cell);

/* Returns TRUE when the published cells determine the sum of the N atoms
 * ATOMS (what dk_disclosure_solve makes false for every small cell): for
 * tests and the checker.  Call after dk_disclosure_solve; the first call
 * builds again the basis the solver let go. */
gboolean dk_disclosure_determined (DkDisclosure *d, const guint *atoms, guint n);

#endif
