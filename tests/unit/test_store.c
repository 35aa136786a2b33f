/* test_store.c — the store's contract with its callers: a call leaves no
 * binding pointing at the caller's data behind, and a read that the store
 * fails midway is an error, never a shorter result. */
#include "support.h"
#include "hint.h"
#include "import.h"
#include "plan.h"
#include "person-data.h"
#include "plan-report.h"
#include "report.h"
#include "views.h"
#include "views-audit.h"
#include "suppression.h"

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
  DkImportSummary s = { 0 };
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (f->store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  dk_import_summary_clear (&s);
  assert_true (dk_store_round_open (f->store, "r1", "Round 1", "small", NULL, &dk_test_ctx, &error));
  assert_true (dk_import_ratings (f->store, ratings, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  dk_import_summary_clear (&s);
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
static guint
quotes (const char *sql)
{
  guint n = 0;
  for (const char *p = sql; (p = strchr (p, '\'')) != NULL; p++)
    n++;
  return n;
}

static void
test_no_binding_outlives_its_call (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  char *reason = g_strdup ("A reason the caller frees");
  char *by = g_strdup ("hr:Freed Name");
  DkContext ctx = dk_context_init (by, DK_LANG_EN);
  assert_true (dk_store_rate_manager (f->store, "r1", "P2", "1.1", 4, reason, &ctx, &error));
  g_free (reason);
  g_free (by);
  guint kept = 0;
  for (sqlite3_stmt *s = sqlite3_next_stmt (dk_store_db (f->store), NULL); s != NULL;
       s = sqlite3_next_stmt (dk_store_db (f->store), s))
    {
      kept++;
      /* a quote beyond those of the statement's own literals is a bound
       * text or blob, which would point at freed memory */
      char *expanded = sqlite3_expanded_sql (s);
      assert_non_null (expanded);
      if (quotes (expanded) != quotes (sqlite3_sql (s)))
        fail_msg ("a statement still holds a text or blob: %s", sqlite3_sql (s));
      sqlite3_free (expanded);
    }
  assert_true (kept >= 3);   /* the assessment's update, the note's upsert, the audit insert */
}

/* ---- interrupted reads -------------------------------------------------------- */

/* A call that reads the store and renders what it read (caller frees), or
 * returns NULL with ERROR. */
typedef char *(*ReadFunc) (DkStore *store, GError **error);

typedef struct {
  guint64 calls;   /* progress callbacks so far */
  guint64 stop;    /* interrupt at this callback; 0: never */
} Interrupter;

/* SQLite calls this at every virtual-machine step of a statement; a
 * non-zero return interrupts the statement (SQLITE_INTERRUPT), as
 * sqlite3_interrupt from another thread or a busy store would fail it. */
static int
interrupt_at (void *data)
{
  Interrupter *i = data;
  return ++i->calls == i->stop;
}

/* Interrupts READ at one point after another, spread over its whole run:
 * every interrupted run must fail with SQLite's "interrupted", and the
 * store must still give the whole result afterwards. */
/* Makes STORE drop what it keeps between calls (dk_store_memo_lookup) by a
 * commit that changes nothing a read shows: each run then reads as the
 * first one did, the same steps in the same order. */
static void
forget_kept (DkStore *store)
{
  sqlite3_progress_handler (dk_store_db (store), 0, NULL, NULL);
  assert_true (dk_store_exec (store, "UPDATE round SET title = title", NULL));
}

static void
assert_every_interruption_fails (DkStore *store, ReadFunc read)
{
  sqlite3 *db = dk_store_db (store);
  Interrupter count = { 0, 0 };
  g_autoptr (GError) error = NULL;
  forget_kept (store);
  sqlite3_progress_handler (db, 1, interrupt_at, &count);
  g_autofree char *whole = read (store, &error);
  assert_non_null (whole);
  assert_true (count.calls > 10);
  guint64 stride = MAX (count.calls / 150, 1), tried = 0;
  for (guint64 stop = 1; stop <= count.calls; stop += stride, tried++)
    {
      Interrupter at = { 0, stop };
      g_autoptr (GError) failed = NULL;
      forget_kept (store);
      sqlite3_progress_handler (db, 1, interrupt_at, &at);
      g_autofree char *part = read (store, &failed);
      if (part != NULL)
        fail_msg ("interrupted at callback %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
                  ", the call succeeded%s", stop, count.calls,
                  strcmp (part, whole) != 0 ? " with a different result" : "");
      assert_error_contains (failed, "interrupted");
    }
  assert_true (tried > 10);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  g_autofree char *again = read (store, &error);
  assert_non_null (again);
  assert_string_equal (again, whole);
}

static char *
person_export (DkStore *store, GError **error)
{
  return dk_person_export_json (store, "P2", error);
}

static char *
text_of (DkReport *report)
{
  char *text = report != NULL ? dk_report_render_text (report, FALSE) : NULL;
  dk_report_free (report);
  return text;
}

static char *
summary_report (DkStore *store, GError **error)
{
  g_autoptr (DkRound) round = dk_store_round (store, "r1", error);
  return round != NULL ? text_of (dk_report_summary (store, round, NULL, DK_GAP_MIN_GROUP_FLOOR, NULL, DK_LANG_EN,
                                                     error))
                       : NULL;
}

static char *
needs_report (DkStore *store, GError **error)
{
  g_autoptr (DkRound) round = dk_store_round (store, "r1", error);
  if (round == NULL)
    return NULL;
  DkReportQuery q = { .kind = DK_REPORT_NEEDS, .min_group = DK_GAP_MIN_GROUP_FLOOR, .lang = DK_LANG_EN };
  DkReport *report = dk_report_new ("needs", DK_LANG_EN);
  if (!dk_report_add_gap_table (report, store, round, NULL, &q, error))
    g_clear_pointer (&report, dk_report_free);
  return text_of (report);
}

static char *
conversation_view (DkStore *store, GError **error)
{
  return text_of (dk_view_conversation (store, "P2", "r1", TRUE, DK_LANG_EN, error));
}

static char *
team_view (DkStore *store, GError **error)
{
  return text_of (dk_view_team (store, "P1", "r1", FALSE, DK_LANG_EN, error));
}

static char *
audit_log_view (DkStore *store, GError **error)
{
  DkAuditFilter filter = { .newest_first = TRUE, .limit = 50 };
  return text_of (dk_view_audit (store, &filter, FALSE, NULL, DK_LANG_EN, error));
}

static char *
person_audit_view (DkStore *store, GError **error)
{
  DkAuditFilter filter = { .person = "P2", .kind = "rating", .newest_first = TRUE };
  return text_of (dk_view_audit (store, &filter, FALSE, NULL, DK_LANG_EN, error));
}

static void
test_person_export_interrupted (void **state)
{
  Fixture *f = *state;
  assert_every_interruption_fails (f->store, person_export);
}

static void
test_reports_interrupted (void **state)
{
  Fixture *f = *state;
  assert_every_interruption_fails (f->store, summary_report);
  assert_every_interruption_fails (f->store, needs_report);
}

static void
test_views_interrupted (void **state)
{
  Fixture *f = *state;
  assert_every_interruption_fails (f->store, conversation_view);
  assert_every_interruption_fails (f->store, team_view);
  assert_every_interruption_fails (f->store, audit_log_view);
  assert_every_interruption_fails (f->store, person_audit_view);
}

/* Returns FILTER's rows, LIMIT a page from OFFSET, as "field=new" lines
 * (one string), and whether more remain in *MORE. */
static char *
audit_page (DkStore *store, DkAuditFilter filter, guint offset, guint limit, gboolean *more)
{
  g_autoptr (GError) error = NULL;
  filter.offset = offset;
  filter.limit = limit;
  g_autoptr (GPtrArray) rows = dk_store_audit_rows (store, &filter, more, &error);
  assert_non_null (rows);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const DkAuditRow *a = rows->pdata[i];
      g_string_append_printf (s, "%s=%s\n", a->field, a->new_value != NULL ? a->new_value : "");
    }
  return g_string_free (s, FALSE);
}

/* The audit log read a page at a time is the whole log in the same order,
 * each row once, with "more" on every page but the last: for the whole
 * log (paged by the store) and for one person (their import entries
 * merged in), oldest first and newest first. */
static void
test_audit_pages_are_the_whole_log (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  for (guint level = 1; level <= 3; level++)
    assert_true (dk_store_rate_self (f->store, "r1", "P2", "1.1", level, &dk_test_ctx, &error));
  const DkAuditFilter filters[] = { { 0 }, { .newest_first = TRUE }, { .person = "P2" },
                                    { .person = "P2", .newest_first = TRUE },
                                    { .person = "P2", .kind = "rating", .newest_first = TRUE } };
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      gboolean more = TRUE;
      g_autofree char *whole = audit_page (f->store, filters[i], 0, 0, &more);
      assert_false (more);
      guint n = 0;
      for (const char *c = whole; *c != '\0'; c++)
        n += *c == '\n';
      assert_true (n >= 4);
      GString *paged = g_string_new (NULL);
      for (guint offset = 0; offset < n + 2; offset += 2)
        {
          g_autofree char *page = audit_page (f->store, filters[i], offset, 2, &more);
          g_string_append (paged, page);
          assert_true (more == (offset + 2 < n));
        }
      g_autofree char *all = g_string_free (paged, FALSE);
      assert_string_equal (all, whole);
    }
  /* newest first is oldest first backwards, and the filter narrows */
  g_autofree char *newest = audit_page (f->store, filters[3], 0, 1, NULL);
  assert_string_equal (newest, "self 1.1=3\n");
  g_autofree char *ratings = audit_page (f->store, filters[4], 0, 0, NULL);
  assert_null (strstr (ratings, "added="));
  assert_non_null (strstr (ratings, "import="));
}

/* ---- failures that are not answers ------------------------------------------------ */

static int
always_interrupt (void *data)
{
  (void) data;
  return 1;
}

/* A store that fails is not a store without the role, the person or the
 * round's people: each says so with an error. */
static void
test_failures_are_errors (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkRound) round = dk_store_round (f->store, "r1", &error);
  assert_non_null (round);
  assert_true (dk_store_role_known (f->store, "employee", &error));
  assert_false (dk_store_role_known (f->store, "astronaut", &error));
  assert_null (error);
  g_autoptr (DkPerson) nobody = dk_store_person_find (f->store, "P99", &error);
  assert_null (nobody);
  assert_null (error);

  sqlite3_progress_handler (dk_store_db (f->store), 1, always_interrupt, NULL);
  assert_false (dk_store_role_known (f->store, "employee", &error));
  assert_error_contains (error, "interrupted");
  g_clear_error (&error);
  assert_int_equal (dk_store_round_registered (f->store, round, &error), -1);
  assert_error_contains (error, "interrupted");
  g_clear_error (&error);
  g_autoptr (DkPerson) p1 = dk_store_person_find (f->store, "P1", &error);
  assert_null (p1);
  assert_error_contains (error, "interrupted");
  g_clear_error (&error);

  /* the roster's roles and managers are looked up while the file is read */
  g_autofree char *roster = dk_test_write_file ("roster.csv",
      "person_id,name,unit,role,manager_id\nP4,Ny Person,Org/Ny,employee,P1\n");
  DkImportSummary s = { 0 };
  assert_false (dk_import_roster (f->store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  assert_error_contains (error, "interrupted");
  assert_null (strstr (error->message, "no registered framework"));
  dk_import_summary_clear (&s);
  sqlite3_progress_handler (dk_store_db (f->store), 0, NULL, NULL);
}

/* A change is audited as the actor its caller's context names, never as
 * the process's user. */
static void
test_audit_names_context_actor (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  DkContext ctx = dk_context_init ("alice", DK_LANG_EN);
  assert_true (dk_store_rate_self (f->store, "r1", "P2", "1.1", 1, &ctx, &error));
  ctx.actor = "bob";
  assert_true (dk_store_rate_motivation (f->store, "r1", "P2", "1.1", 2, &ctx, &error));
  sqlite3_stmt *stmt = NULL;
  assert_int_equal (sqlite3_prepare_v2 (dk_store_db (f->store),
                                        "SELECT actor FROM audit ORDER BY id DESC LIMIT 2", -1,
                                        &stmt, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 0), "bob");
  assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
  assert_string_equal ((const char *) sqlite3_column_text (stmt, 0), "alice");
  sqlite3_finalize (stmt);
}

/* The busy timeout is the caller's: a second writer with a short one is
 * told the store is busy within about that time while another connection
 * holds the write lock, and writes once the lock is free. */
static void
test_busy_timeout_is_the_callers (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkStore) other = dk_store_open (f->path, FALSE, DK_LANG_EN, &error);
  assert_non_null (other);
  dk_store_set_busy_timeout (other, 200);
  assert_true (dk_store_begin (f->store, &error));
  gint64 start = g_get_monotonic_time ();
  assert_false (dk_store_begin (other, &error));
  gint64 waited = (g_get_monotonic_time () - start) / 1000;
  assert_error_contains (error, "locked");
  assert_true (waited >= 150 && waited < 5000);
  g_clear_error (&error);
  dk_store_rollback (f->store);
  assert_true (dk_store_begin (other, &error));
  dk_store_rollback (other);
}

/* An error says what is wrong and carries the next step as data: its
 * message names no command (a web page shows it too), and the hint and its
 * arguments survive a copy and a prefix, as the callers pass errors on. */
static void
test_errors_carry_hints_not_commands (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  assert_null (dk_plan_get (f->store, "r1", "P2", DK_LANG_EN, &error));
  assert_string_equal (error->message, "P2 has no plan in round r1 yet");
  const char *person, *round;
  assert_int_equal (dk_error_hint (error, &person, &round), DK_HINT_PLAN_CREATE);
  assert_string_equal (person, "P2");
  assert_string_equal (round, "r1");

  g_autoptr (GError) copy = g_error_copy (error);
  g_prefix_error (&copy, "%s", "cannot show: ");
  assert_int_equal (dk_error_hint (copy, &person, NULL), DK_HINT_PLAN_CREATE);
  assert_string_equal (person, "P2");
  g_clear_error (&error);

  assert_null (dk_store_round (f->store, "r9", &error));
  assert_string_equal (error->message, "no such round: 'r9'");
  assert_int_equal (dk_error_hint (error, NULL, NULL), DK_HINT_ROUND_LIST);
  g_clear_error (&error);

  /* an error of a domain without hints, and no error at all */
  g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "gone");
  dk_error_set_hint (&error, DK_HINT_ROUND_OPEN, NULL, NULL);
  assert_int_equal (dk_error_hint (error, &person, NULL), DK_HINT_NONE);
  assert_null (person);
  dk_error_set_hint (NULL, DK_HINT_ROUND_OPEN, NULL, NULL);
}

/* A value kept with the store lasts until the content changes: a commit
 * of its own connection or of another one drops it, a read does not, and
 * nothing is kept from inside a write transaction; a round's pattern is
 * then handed out again, or derived anew. */
static void
test_memo_lasts_until_a_commit (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  gpointer kept = NULL;
  assert_true (dk_store_memo_lookup (f->store, "v", &kept, &error));
  assert_null (kept);
  dk_store_memo_keep (f->store, "v", g_strdup ("derived"), g_free);
  assert_true (dk_store_memo_lookup (f->store, "v", &kept, &error));
  assert_string_equal (kept, "derived");
  assert_true (dk_store_rate_self (f->store, "r1", "P1", "2.1", 2, &dk_test_ctx, &error));
  assert_true (dk_store_memo_lookup (f->store, "v", &kept, &error));
  assert_null (kept);

  g_autoptr (DkStore) other = dk_store_open (f->path, FALSE, DK_LANG_EN, &error);
  assert_non_null (other);
  dk_store_memo_keep (f->store, "v", g_strdup ("derived"), g_free);
  g_autoptr (DkRound) round = dk_store_round (other, "r1", &error);
  assert_non_null (round);
  assert_true (dk_store_memo_lookup (f->store, "v", &kept, &error));
  assert_non_null (kept);
  assert_true (dk_store_rate_self (other, "r1", "P1", "2.1", 3, &dk_test_ctx, &error));
  assert_true (dk_store_memo_lookup (f->store, "v", &kept, &error));
  assert_null (kept);

  /* what a write transaction read may be rolled back: not kept */
  assert_true (dk_store_begin (f->store, &error));
  assert_true (dk_store_memo_lookup (f->store, "w", &kept, &error));
  dk_store_memo_keep (f->store, "w", g_strdup ("uncommitted"), g_free);
  dk_store_rollback (f->store);
  assert_true (dk_store_memo_lookup (f->store, "w", &kept, &error));
  assert_null (kept);

  g_autoptr (DkFramework) fw = dk_store_round_framework (f->store, round, &error);
  assert_non_null (fw);
  g_autoptr (DkSuppression) first = dk_suppression_cached (f->store, round, fw, DK_SCOPE_ALL, 3, NULL, &error);
  g_autoptr (DkSuppression) again = dk_suppression_cached (f->store, round, fw, DK_SCOPE_ALL, 3, NULL, &error);
  g_autoptr (DkSuppression) other_k = dk_suppression_cached (f->store, round, fw, DK_SCOPE_ALL, 5, NULL, &error);
  assert_non_null (first);
  assert_ptr_equal (first, again);
  assert_ptr_not_equal (first, other_k);
  assert_true (dk_store_rate_self (other, "r1", "P1", "2.1", 4, &dk_test_ctx, &error));
  g_autoptr (DkSuppression) after = dk_suppression_cached (f->store, round, fw, DK_SCOPE_ALL, 3, NULL, &error);
  assert_non_null (after);
  assert_ptr_not_equal (first, after);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_no_binding_outlives_its_call, setup, teardown),
    cmocka_unit_test_setup_teardown (test_person_export_interrupted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reports_interrupted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_views_interrupted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_audit_pages_are_the_whole_log, setup, teardown),
    cmocka_unit_test_setup_teardown (test_failures_are_errors, setup, teardown),
    cmocka_unit_test_setup_teardown (test_audit_names_context_actor, setup, teardown),
    cmocka_unit_test_setup_teardown (test_busy_timeout_is_the_callers, setup, teardown),
    cmocka_unit_test_setup_teardown (test_errors_carry_hints_not_commands, setup, teardown),
    cmocka_unit_test_setup_teardown (test_memo_lasts_until_a_commit, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
