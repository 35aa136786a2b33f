/* test_progress.c — DkProgress: phases map onto their part of the whole
 * job, and the listener hears every 1024th item and the end, not each. */
#include "support.h"

typedef struct {
  guint   calls;
  guint64 count;
  double  fraction;
} Heard;

static void
listen (guint64 count, double fraction, gpointer user_data)
{
  Heard *h = user_data;
  h->calls++;
  h->count = count;
  h->fraction = fraction;
}

static void
test_every_1024th_and_the_end (void **state)
{
  (void) state;
  Heard h = { 0 };
  DkProgress p = { listen, &h, 0, 1 };
  for (guint64 i = 1; i <= 3000; i++)
    dk_progress_report (&p, i, i / 3000.0);
  assert_int_equal (h.calls, 3);   /* 1024, 2048 and 3000 (the end) */
  assert_int_equal (h.count, 3000);
  assert_true (h.fraction == 1.0);
}

static void
test_phases (void **state)
{
  (void) state;
  Heard h = { 0 };
  DkProgress whole = { listen, &h, 0, 1 };
  DkProgress writing = dk_progress_phase (&whole, 0.25, 1.0);
  dk_progress_report (&writing, 1024, 0.5);
  assert_true (h.fraction > 0.624 && h.fraction < 0.626);
  /* a phase of a phase */
  DkProgress second_half = dk_progress_phase (&writing, 0.5, 1.0);
  dk_progress_report (&second_half, 2048, 0.0);
  assert_true (h.fraction > 0.624 && h.fraction < 0.626);
  dk_progress_report (&second_half, 5, 1.0);
  assert_true (h.fraction == 1.0);
  assert_int_equal (h.count, 5);
}

static void
test_nobody_listens (void **state)
{
  (void) state;
  dk_progress_report (NULL, 1024, 1.0);
  DkProgress silent = dk_progress_phase (NULL, 0.0, 0.5);
  assert_null (silent.func);
  dk_progress_report (&silent, 1024, 1.0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_every_1024th_and_the_end),
    cmocka_unit_test (test_phases),
    cmocka_unit_test (test_nobody_listens),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
