/* test_access.c — who sees what (core/access.h): every rule against every
 * kind of person, and the grants' units and activities. */
#include "support.h"
#include "access.h"

static DkAccount *
account (gint64 id, gboolean manages, const char *grant)
{
  DkAccount *a = g_new0 (DkAccount, 1);
  a->person_id = id;
  a->manages = manages;
  a->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_grant_free);
  if (grant != NULL)
    g_ptr_array_add (a->grants, dk_grant_parse (grant, DK_LANG_EN, NULL));
  return a;
}

static void
test_kinds (void **state)
{
  (void) state;
  /* 1 employee, managed by 3; 2 another employee, managed by 4 */
  g_autoptr (DkAccount) employee = account (1, FALSE, NULL);
  g_autoptr (DkAccount) manager = account (3, TRUE, NULL);
  g_autoptr (DkAccount) other_manager = account (4, TRUE, NULL);
  g_autoptr (DkAccount) coordinator = account (5, FALSE, "coordinator:Org/A");
  g_autoptr (DkAccount) trainer = account (6, FALSE, "trainer:phishing");
  g_autoptr (DkAccount) hr = account (7, FALSE, "hr");
  g_autoptr (DkAccount) admin = account (8, FALSE, "admin");
  DkAccount *all[] = { NULL, employee, manager, other_manager, coordinator, trainer, hr, admin };
  DkAccessTarget own = { .person = 1, .person_manager = 3 };
  DkAccessTarget in_a = { .unit = "Org/A/X" }, in_b = { .unit = "Org/B" }, whole = { 0 };
  DkAccessTarget activity = { .activity = "phishing" }, other_activity = { .activity = "excel" };
  struct { DkAccessRule rule; const DkAccessTarget *target; gboolean allowed[8]; } cases[] = {
    /*                                    out  emp  mgr  mgr2 coord train hr  admin */
    { DK_ACCESS_PUBLIC, NULL,           { 1,   1,   1,   1,   1,    1,    1,  1 } },
    { DK_ACCESS_SIGNED_IN, NULL,        { 0,   1,   1,   1,   1,    1,    1,  1 } },
    { DK_ACCESS_OWN, &own,              { 0,   1,   0,   0,   0,    0,    0,  0 } },
    { DK_ACCESS_TEAM, NULL,             { 0,   0,   1,   1,   0,    0,    0,  0 } },
    { DK_ACCESS_MANAGED, &own,          { 0,   0,   1,   0,   0,    0,    0,  0 } },
    { DK_ACCESS_REPORTS, &in_a,         { 0,   0,   0,   0,   1,    0,    1,  0 } },
    { DK_ACCESS_REPORTS, &in_b,         { 0,   0,   0,   0,   0,    0,    1,  0 } },
    { DK_ACCESS_REPORTS, &whole,        { 0,   0,   0,   0,   0,    0,    1,  0 } },
    { DK_ACCESS_HR, NULL,               { 0,   0,   0,   0,   0,    0,    1,  0 } },
    { DK_ACCESS_PARTICIPATION, &activity, { 0, 0,   0,   0,   0,    1,    1,  0 } },
    { DK_ACCESS_PARTICIPATION, &other_activity, { 0, 0, 0, 0,   0,    0,    1,  0 } },
    { DK_ACCESS_PARTICIPATION, &in_a,   { 0,   0,   0,   0,   1,    0,    1,  0 } },
    { DK_ACCESS_ADMIN, NULL,            { 0,   0,   0,   0,   0,    0,    0,  1 } },
  };
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint w = 0; w < G_N_ELEMENTS (all); w++)
      if (dk_access_allows (all[w], cases[c].rule, cases[c].target) != cases[c].allowed[w])
        fail_msg ("case %u, person %u: expected %d", c, w, cases[c].allowed[w]);
}

static void
test_disabled_and_edges (void **state)
{
  (void) state;
  g_autoptr (DkAccount) admin = account (8, TRUE, "admin");
  admin->disabled = TRUE;
  assert_false (dk_access_allows (admin, DK_ACCESS_SIGNED_IN, NULL));
  assert_false (dk_access_allows (admin, DK_ACCESS_ADMIN, NULL));
  assert_true (dk_access_allows (admin, DK_ACCESS_PUBLIC, NULL));
  /* a manager is not their own manager; a unit named like a prefix is not below */
  g_autoptr (DkAccount) manager = account (3, TRUE, "coordinator:Org/A");
  DkAccessTarget self = { .person = 3, .person_manager = 3 };
  assert_false (dk_access_allows (manager, DK_ACCESS_MANAGED, &self));
  DkAccessTarget prefix = { .unit = "Org/AB" };
  assert_false (dk_access_allows (manager, DK_ACCESS_REPORTS, &prefix));
  DkAccessTarget nobody = { .person = 0, .person_manager = 0 };
  assert_false (dk_access_allows (manager, DK_ACCESS_MANAGED, &nobody));
}

static void
test_grants_parse (void **state)
{
  (void) state;
  const char *good[] = { "hr", "admin", "coordinator:Org/A", "trainer:phishing" };
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      DkGrant *g = dk_grant_parse (good[i], DK_LANG_EN, NULL);
      assert_non_null (g);
      g_autofree char *text = dk_grant_text (g);
      assert_string_equal (text, good[i]);
      dk_grant_free (g);
    }
  const char *bad[] = { "", "HR", "hr:x", "coordinator", "coordinator:", "trainer", "king", "adminx" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      assert_null (dk_grant_parse (bad[i], DK_LANG_EN, &error));
      assert_true (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID));
    }
}

static void
test_password_rules (void **state)
{
  (void) state;
  DkPerson p = { .ext_id = "P1234567890123", .name = "Åsa Öberg-Lindqvist" };
  g_autoptr (GError) error = NULL;
  assert_false (dk_password_acceptable (&p, "elva tecken", DK_LANG_EN, &error));
  g_clear_error (&error);
  assert_false (dk_password_acceptable (&p, "p1234567890123", DK_LANG_EN, &error));
  g_clear_error (&error);
  assert_false (dk_password_acceptable (&p, "ÅSA ÖBERG-LINDQVIST", DK_LANG_EN, &error));
  g_clear_error (&error);
  assert_true (dk_password_acceptable (&p, "tolv tecken!", DK_LANG_EN, &error));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_kinds),
    cmocka_unit_test (test_disabled_and_edges),
    cmocka_unit_test (test_grants_parse),
    cmocka_unit_test (test_password_rules),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
