/* test_disclosure.c — primary and secondary suppression on problems small
 * enough to check by hand. */
#include "support.h"
#include "disclosure.h"
#include "count-suppression.h"

/* Three units of 5, 5 and 2 and their total: C is small, and the total
 * minus A and B would give it, so one of A and B (the smallest published
 * cell of that combination) goes too. */
static void
test_one_small_unit_takes_a_sibling (void **state)
{
  (void) state;
  g_autoptr (DkDisclosure) d = dk_disclosure_new (3);
  guint a = 0, b = 1, c = 2, all[] = { 0, 1, 2 };
  guint ca = dk_disclosure_add (d, &a, 1, 5, DK_CELL_SHOWN);
  guint cb = dk_disclosure_add (d, &b, 1, 6, DK_CELL_SHOWN);
  guint cc = dk_disclosure_add (d, &c, 1, 2, DK_CELL_SHOWN);
  guint total = dk_disclosure_add (d, all, 3, 13, DK_CELL_SHOWN);
  dk_disclosure_solve (d, 5);
  assert_true (dk_disclosure_hidden (d, cc));
  assert_true (dk_disclosure_hidden (d, ca));
  assert_false (dk_disclosure_hidden (d, cb));
  assert_false (dk_disclosure_hidden (d, total));
  assert_false (dk_disclosure_determined (d, &c, 1));
  assert_false (dk_disclosure_determined (d, &a, 1));
  assert_true (dk_disclosure_determined (d, &b, 1));
}

/* A unit of 12 with sub-units of 6 and 5 and one person placed directly in
 * it: the direct part is never published, but the unit minus its sub-units
 * would give it, so the smaller sub-unit is hidden. */
static void
test_direct_members_are_a_part (void **state)
{
  (void) state;
  g_autoptr (DkDisclosure) d = dk_disclosure_new (3);
  guint direct = 0, x = 1, y = 2, unit[] = { 0, 1, 2 };
  guint cx = dk_disclosure_add (d, &x, 1, 6, DK_CELL_SHOWN);
  guint cy = dk_disclosure_add (d, &y, 1, 5, DK_CELL_SHOWN);
  guint cu = dk_disclosure_add (d, unit, 3, 12, DK_CELL_SHOWN);
  guint part = dk_disclosure_add (d, &direct, 1, 1, DK_CELL_PART);
  dk_disclosure_solve (d, 5);
  assert_true (dk_disclosure_hidden (d, part));
  assert_true (dk_disclosure_hidden (d, cy));
  assert_false (dk_disclosure_hidden (d, cx));
  assert_false (dk_disclosure_hidden (d, cu));
  assert_false (dk_disclosure_determined (d, &direct, 1));
}

/* Two linked tables: units A, B (rows) × genders F, M (columns), atoms
 * A·F=6, A·M=1, B·F=7, B·M=8.  A·M hides; its row and its column would
 * each give it, so a cell of each goes, and then the 2×2 square must not
 * give it back through the totals. */
static void
test_linked_margins (void **state)
{
  (void) state;
  g_autoptr (DkDisclosure) d = dk_disclosure_new (4);
  guint af = 0, am = 1, bf = 2, bm = 3;
  guint ra[] = { af, am }, rb[] = { bf, bm }, cf[] = { af, bf }, cm[] = { am, bm }, all[] = { 0, 1, 2, 3 };
  guint cells[] = {
    dk_disclosure_add (d, &af, 1, 6, DK_CELL_SHOWN), dk_disclosure_add (d, &am, 1, 1, DK_CELL_SHOWN),
    dk_disclosure_add (d, &bf, 1, 7, DK_CELL_SHOWN), dk_disclosure_add (d, &bm, 1, 8, DK_CELL_SHOWN),
    dk_disclosure_add (d, ra, 2, 7, DK_CELL_SHOWN), dk_disclosure_add (d, rb, 2, 15, DK_CELL_SHOWN),
    dk_disclosure_add (d, cf, 2, 13, DK_CELL_SHOWN), dk_disclosure_add (d, cm, 2, 9, DK_CELL_SHOWN),
    dk_disclosure_add (d, all, 4, 22, DK_CELL_SHOWN),
  };
  dk_disclosure_solve (d, 5);
  assert_true (dk_disclosure_hidden (d, cells[1]));
  assert_false (dk_disclosure_determined (d, &am, 1));
  guint published = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    published += !dk_disclosure_hidden (d, cells[i]);
  assert_true (published >= 3);   /* not everything went */
}

/* A fixed published cell is never hidden: the solver hides a cell it may
 * hide instead. */
static void
test_fixed_cells_stay (void **state)
{
  (void) state;
  g_autoptr (DkDisclosure) d = dk_disclosure_new (2);
  guint a = 0, b = 1, both[] = { 0, 1 };
  guint ca = dk_disclosure_add (d, &a, 1, 9, DK_CELL_FIXED_SHOWN);
  guint cb = dk_disclosure_add (d, &b, 1, 2, DK_CELL_PART);
  guint call = dk_disclosure_add (d, both, 2, 11, DK_CELL_SHOWN);
  dk_disclosure_solve (d, 5);
  assert_false (dk_disclosure_hidden (d, ca));
  assert_true (dk_disclosure_hidden (d, cb));
  assert_true (dk_disclosure_hidden (d, call));
}

/* Two periods' participants, 9 and 8, whose difference is one person: a
 * difference of cells is a part, so the smaller period is hidden. */
static void
test_difference_is_a_part (void **state)
{
  (void) state;
  /* atoms: 8 people in both periods (one class), 1 only in the longer */
  g_autoptr (DkCountCells) c = dk_count_cells_new (2);
  dk_count_cells_add (c, 0, 0, 8);
  dk_count_cells_add (c, 0, 1, 1);
  dk_count_cells_add (c, 1, 0, 8);
  guint diff = dk_count_cells_add_difference (c, 0, 1, 1);
  assert_int_equal (diff, 2);
  assert_int_equal (dk_count_cells_size (c), 3);
  assert_int_equal (dk_count_cells_count (c, diff), 1);
  static const DkCellKind kind[] = { DK_CELL_SHOWN, DK_CELL_SHOWN, DK_CELL_PART };
  g_autofree gboolean *hidden = dk_count_cells_solve (c, 2, kind, NULL, 5);
  assert_false (hidden[0]);
  assert_true (hidden[1]);
  assert_true (hidden[2]);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_one_small_unit_takes_a_sibling),
    cmocka_unit_test (test_direct_members_are_a_part),
    cmocka_unit_test (test_linked_margins),
    cmocka_unit_test (test_fixed_cells_stay),
    cmocka_unit_test (test_difference_is_a_part),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
