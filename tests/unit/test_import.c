/* test_import.c — roster and ratings imports: a clean import lands, a second
 * one changes nothing, and every bad file is refused with its line while the
 * store stays exactly as it was. */
#include "support.h"
#include "import.h"
#include "plan.h"

#include <string.h>

typedef struct {
  DkStore *store;
  char    *path;
} Fixture;

static char *
data (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/import/%s", name);
  return dk_test_path (rel);
}

/* A store with the small framework, the roster, an open round r1 and its ratings. */
static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->store = dk_test_store ("tests/data/framework/small.xml", &f->path);
  g_autofree char *roster = data ("roster.csv"), *ratings = data ("ratings.csv");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (f->store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  assert_true (dk_store_round_open (f->store, "r1", "Round 1", "small", NULL, &dk_test_ctx, &error));
  assert_true (dk_import_ratings (f->store, ratings, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
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

/* Imports the good catalogue and gives the manager P1, expected at 4, a
 * shared 1 on 1.1: a need the catalogue meets. */
static void
catalogue_and_need (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *catalogue = dk_test_path ("tests/data/catalogue/good.xml");
  DkImportSummary s = { 0 };
  assert_true (dk_import_catalogue (f->store, catalogue, DK_CSV_UTF8, FALSE, &s, &dk_test_ctx, &error));
  assert_true (dk_store_rate_self (f->store, "r1", "P1", "1.1", 1, &dk_test_ctx, &error));
}

/* A cancelled plan suggest --all is an error, never a shorter success,
 * and leaves the store exactly as it was. */
static void
test_cancelled_suggest_all_changes_nothing (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  catalogue_and_need (f);
  g_autofree char *before = dk_test_dump_store (f->store);
  guint written = 0;
  DkTestCanceller stop = { .after = 1 };   /* the first person is planned, then stop */
  DkContext ctx = dk_test_cancelling_context (&stop);
  assert_false (dk_plan_suggest_all (f->store, "r1", NULL, &ctx, &written, NULL, &error));
  assert_true (g_error_matches (error, DK_CONTEXT_ERROR, DK_CONTEXT_ERROR_CANCELLED));
  assert_int_equal (stop.asked, 2);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
  g_clear_error (&error);
  assert_true (dk_plan_suggest_all (f->store, "r1", NULL, &dk_test_ctx, &written, NULL, &error));
  assert_true (written > 0);
}

/* What a second connection does while plan suggest --all works the plans
 * out: it asks the first time the run asks whether to stop. */
typedef struct {
  const char *path;
  gboolean    wrote;
} SecondWriter;

static gboolean
write_meanwhile (gpointer data)
{
  SecondWriter *w = data;
  if (w->wrote)
    return FALSE;
  w->wrote = TRUE;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkStore) other = dk_store_open (w->path, FALSE, DK_LANG_EN, &error);
  assert_non_null (other);
  dk_store_set_busy_timeout (other, 0);   /* the write lock must be free at once */
  g_autoptr (DkPlan) plan = dk_plan_create (other, "r1", "P1", FALSE, &dk_test_ctx, &error);
  assert_non_null (plan);
  return FALSE;
}

/* plan suggest --all holds no writer back while it works the plans out
 * (a read transaction): another connection writes meanwhile without
 * waiting, and the plan it made is kept, not replaced by a suggestion. */
static void
test_suggest_all_lets_writers_in (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  catalogue_and_need (f);
  SecondWriter w = { .path = f->path };
  DkContext ctx = dk_test_ctx;
  ctx.cancelled = write_meanwhile;
  ctx.cancel_data = &w;
  guint written = 0;
  assert_true (dk_plan_suggest_all (f->store, "r1", NULL, &ctx, &written, NULL, &error));
  assert_true (w.wrote);
  g_autoptr (DkPlan) p1 = dk_plan_get (f->store, "r1", "P1", DK_LANG_EN, &error);
  assert_non_null (p1);
  assert_string_equal (p1->state, "draft");
  assert_int_equal (p1->items->len, 0);
}

/* A cancelled import is an error and, as every failed import, changes
 * nothing (the CSV catalogue and participation files are read by the same
 * reader, which asks the context). */
static void
test_cancelled_import_changes_nothing (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dk_test_dump_store (f->store);
  DkTestCanceller stop = { .after = 0 };
  DkContext ctx = dk_test_cancelling_context (&stop);
  g_autofree char *roster = dk_test_write_file ("roster2.csv",
      "person_id,name,unit,role,manager_id,gender\nP9,Nils,Org/Avd,employee,P1,M\n");
  g_autofree char *ratings = dk_test_write_file ("ratings2.csv",
      "person_id,round,competence,self\nP3,r1,1.2,1\n");
  DkImportSummary s = { 0 };
  assert_false (dk_import_roster (f->store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &ctx, &error));
  assert_true (g_error_matches (error, DK_CONTEXT_ERROR, DK_CONTEXT_ERROR_CANCELLED));
  g_clear_error (&error);
  dk_import_summary_clear (&s);
  assert_false (dk_import_ratings (f->store, ratings, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &ctx, &error));
  assert_true (g_error_matches (error, DK_CONTEXT_ERROR, DK_CONTEXT_ERROR_CANCELLED));
  g_clear_error (&error);
  dk_import_summary_clear (&s);
  assert_int_equal (stop.asked, 2);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
  ctx.cancelled = NULL;
  assert_true (dk_import_ratings (f->store, ratings, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &ctx, &error));
  dk_import_summary_clear (&s);
  g_autofree char *changed = dk_test_dump_store (f->store);
  assert_string_not_equal (before, changed);
}

static void
test_clean_import (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPerson) erik = dk_store_person (f->store, "P2", &error);
  assert_non_null (erik);
  assert_string_equal (erik->unit_path, "Org/Avd/Enhet");
  assert_string_equal (erik->manager_ext_id, "P1");   /* the manager came later in the file */
  assert_int_equal (erik->gender, DK_GENDER_M);

  g_autoptr (DkRound) r1 = dk_store_round (f->store, "r1", &error);
  g_autoptr (DkAssessment) a = dk_store_assessment (f->store, r1->id, erik->id, &error);
  assert_non_null (a);
  assert_int_equal (a->self[0], 2);
  assert_int_equal (a->manager[0], 3);
  assert_int_equal (a->self[1], DK_LEVEL_DONT_KNOW);
  assert_int_equal (a->motivation[1], 3);
  assert_true (a->flags & DK_ASSESS_SHARED);
  assert_true (a->flags & DK_ASSESS_CONVERSATION);
  assert_string_equal (a->conversation_at, "2026-02-10");
  g_autoptr (GPtrArray) notes = dk_store_rating_notes (f->store, r1->id, erik->id, &error);
  assert_int_equal (notes->len, 1);
  assert_string_equal (((DkRatingNote *) notes->pdata[0])->reason, "Visade mer i samtalet");

  g_autoptr (DkPerson) asa = dk_store_person (f->store, "P3", &error);
  g_autoptr (DkAssessment) b = dk_store_assessment (f->store, r1->id, asa->id, &error);
  assert_false (b->flags & DK_ASSESS_SHARED);
}

static gint64
a_day_later (gpointer data)
{
  (void) data;
  return g_get_real_time () / G_USEC_PER_SEC + 24 * 60 * 60;
}

/* Importing the same files again changes nothing, not even a time. */
static void
test_reimport_changes_nothing (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = dk_test_dump_store (f->store);
  g_autofree char *roster = data ("roster.csv"), *ratings = data ("ratings.csv");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  /* a day later: nothing that is unchanged takes the new time */
  DkContext later = dk_test_ctx;
  later.clock = a_day_later;
  assert_true (dk_import_roster (f->store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &later, &error));
  assert_int_equal (s.unchanged, 3);
  assert_int_equal (s.added + s.updated, 0);
  assert_true (dk_import_ratings (f->store, ratings, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &later, &error));
  assert_int_equal (s.unchanged, 3);
  assert_int_equal (s.rows, 4);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

static void
test_dry_run_writes_nothing (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = dk_test_dump_store (f->store);
  g_autofree char *path = dk_test_write_file ("more.csv",
      "person_id,name,unit,role,manager_id\nP4,Ny Person,Org/Ny,employee,P1\n");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (f->store, path, DK_CSV_UTF8, TRUE, TRUE, &s, NULL, &dk_test_ctx, &error));
  assert_int_equal (s.added, 1);
  assert_int_equal (s.deactivated, 3);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

/* A dry run of ratings (written by the second thread), of the catalogue
 * and of participation counts what the import would do and leaves the
 * store exactly as it was. */
static void
test_dry_run_of_every_kind_writes_nothing (void **state)
{
  Fixture *f = *state;
  catalogue_and_need (f);
  g_autofree char *before = dk_test_dump_store (f->store);
  g_autofree char *ratings = dk_test_write_file ("changed.csv",
      "person_id,round,competence,self,motivation,shared\nP3,r1,1.1,3,5,no\nP1,r1,2.1,3,4,yes\n");
  g_autofree char *catalogue = dk_test_path ("tests/data/catalogue/good.xml");
  g_autofree char *attended = dk_test_write_file ("attended.csv",
      "person_id,activity_id,date,hours,status\nP1,phishing,2026-03-02,2,completed\n");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_ratings (f->store, ratings, DK_CSV_UTF8, "r1", FALSE, TRUE, &s, NULL, &dk_test_ctx, &error));
  assert_int_equal (s.rows, 2);
  assert_int_equal (s.updated, 1);
  assert_int_equal (s.unchanged, 1);
  assert_true (dk_import_catalogue (f->store, catalogue, DK_CSV_UTF8, TRUE, &s, &dk_test_ctx, &error));
  assert_int_equal (s.added, 0);
  assert_int_equal (s.unchanged, 2);
  assert_true (dk_import_participation (f->store, attended, DK_CSV_UTF8, TRUE, &s, &dk_test_ctx, &error));
  assert_int_equal (s.added, 1);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

static void
test_full_import_deactivates_missing (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = dk_test_write_file ("only.csv",
      "person_id,name,unit,role\nP1,Anna Berg,Org/Avd,manager\n");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (f->store, path, DK_CSV_UTF8, TRUE, FALSE, &s, NULL, &dk_test_ctx, &error));
  assert_int_equal (s.deactivated, 2);
  g_autoptr (DkPerson) erik = dk_store_person (f->store, "P2", &error);
  assert_false (erik->active);
}

/* Imports NAME, which must fail with "NAME:LINE: TEXT" and change nothing. */
static void
assert_refused (Fixture *f, gboolean roster, const char *name, guint line, const char *text)
{
  g_autofree char *before = dk_test_dump_store (f->store);
  g_autofree char *path = data (name);
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  gboolean ok = roster ? dk_import_roster (f->store, path, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error)
                       : dk_import_ratings (f->store, path, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error);
  assert_false (ok);
  assert_true (error->domain == DK_IMPORT_ERROR || error->domain == g_quark_from_static_string ("dk-csv-error-quark"));
  g_autofree char *where = g_strdup_printf ("%s:%u: ", name, line);
  assert_error_contains (error, where);
  assert_error_contains (error, text);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

static void
test_ratings_faults (void **state)
{
  Fixture *f = *state;
  assert_refused (f, FALSE, "ratings-unknown-person.csv", 3, "unknown person 'P9'");
  assert_refused (f, FALSE, "ratings-unknown-competence.csv", 2, "unknown competence '9.9'");
  assert_refused (f, FALSE, "ratings-not-for-role.csv", 2, "competence 2.1 does not apply to P2's role (employee)");
  assert_refused (f, FALSE, "ratings-off-scale.csv", 2, "self '7' must be a level 1–5, ? or empty");
  assert_refused (f, FALSE, "ratings-wrong-round.csv", 2, "round 'r0' is not the round being imported (r1)");
  assert_refused (f, FALSE, "ratings-missing-reason.csv", 2, "the manager level differs from the self-rating but no reason is given");
  assert_refused (f, FALSE, "ratings-duplicate.csv", 3, "a second row for P2 on 1.1");
  assert_refused (f, FALSE, "ratings-bad-header.csv", 1, "unknown column 'competense'");
  assert_refused (f, FALSE, "ratings-unbalanced-quote.csv", 2, "a quoted field is never closed");
}

static void
test_roster_faults (void **state)
{
  Fixture *f = *state;
  assert_refused (f, TRUE, "roster-unknown-manager.csv", 2, "manager P77 is neither in the file nor in the store");
  assert_refused (f, TRUE, "roster-bad-gender.csv", 2, "gender 'K' must be F, M, X or empty");
  assert_refused (f, TRUE, "roster-unknown-role.csv", 2, "role 'librarian' is in no registered framework");
  assert_refused (f, TRUE, "roster-manager-cycle.csv", 2, "their own manager through a chain");
  assert_refused (f, TRUE, "roster-duplicate.csv", 3, "person P4 appears twice (first on line 2)");
}

static void
test_closed_round_refuses_import (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  assert_true (dk_store_round_close (f->store, "r1", &dk_test_ctx, &error));
  g_autofree char *before = dk_test_dump_store (f->store);
  g_autofree char *path = data ("ratings.csv");
  DkImportSummary s;
  assert_false (dk_import_ratings (f->store, path, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  assert_error_contains (error, "round r1 is closed");
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_clean_import, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reimport_changes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dry_run_writes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dry_run_of_every_kind_writes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_full_import_deactivates_missing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_ratings_faults, setup, teardown),
    cmocka_unit_test_setup_teardown (test_roster_faults, setup, teardown),
    cmocka_unit_test_setup_teardown (test_closed_round_refuses_import, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cancelled_suggest_all_changes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cancelled_import_changes_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_suggest_all_lets_writers_in, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
