/* test_store.c — the store's contract with its callers: a call leaves no
 * binding pointing at the caller's data behind. */
#include "support.h"
#include "import.h"

#include <string.h>

typedef struct {
  DkStore *store;
  char    *path;
} Fixture;

/* The small framework, its roster, an open round r1 and its ratings. */
static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->store = dk_test_store ("tests/data/framework/small.xml", &f->path);
  g_autofree char *roster = dk_test_path ("tests/data/import/roster.csv");
  g_autofree char *ratings = dk_test_path ("tests/data/import/ratings.csv");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (f->store, roster, FALSE, FALSE, &s, NULL, &error));
  assert_true (dk_store_round_open (f->store, "r1", "Round 1", "small", NULL, "test", &error));
  assert_true (dk_import_ratings (f->store, ratings, "r1", &s, NULL, &error));
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  dk_store_close (f->store);
  g_free (f->path);
  g_free (f);
  return 0;
}

/* The store keeps its hot statements prepared between calls and binds the
 * caller's texts without a copy: once the call returns, none of them may
 * still point at those texts, which the caller frees (a statement stepped
 * or traced later would read freed memory). */
static void
test_no_binding_outlives_its_call (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  char *reason = g_strdup ("A reason the caller frees");
  char *by = g_strdup ("hr:Freed Name");
  assert_true (dk_store_rate_manager (f->store, "r1", "P2", "1.1", 4, reason, by, &error));
  g_free (reason);
  g_free (by);
  guint kept = 0;
  for (sqlite3_stmt *s = sqlite3_next_stmt (dk_store_db (f->store), NULL); s != NULL;
       s = sqlite3_next_stmt (dk_store_db (f->store), s))
    {
      kept++;
      /* the statements' own SQL has no literals: a quote is a bound text
       * or blob, which would point at freed memory */
      assert_null (strchr (sqlite3_sql (s), '\''));
      char *expanded = sqlite3_expanded_sql (s);
      assert_non_null (expanded);
      if (strchr (expanded, '\'') != NULL)
        fail_msg ("a statement still holds a text or blob: %s", sqlite3_sql (s));
      sqlite3_free (expanded);
    }
  assert_true (kept >= 3);   /* the assessment's update, the note's upsert, the audit insert */
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_no_binding_outlives_its_call, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
