/* test_catalogue.c — the catalogue XML: a clean file lands whole, and each
 * broken file (one fault each) is refused with its line and what is wrong
 * while the store stays exactly as it was. */
#include "support.h"
#include "catalogue.h"
#include "import.h"

#include <string.h>

typedef struct {
  DkStore *store;
  char    *path;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->store = dk_test_store ("tests/data/framework/small.xml", &f->path);
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

/* Imports tests/data/catalogue/good.xml into F's store, counted in S, and
 * returns the catalogue it holds then (caller unrefs). */
static GPtrArray *
import_good (Fixture *f, DkImportSummary *s)
{
  g_autofree char *path = dk_test_path ("tests/data/catalogue/good.xml");
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_catalogue (f->store, path, DK_CSV_UTF8, FALSE, s, &dk_test_ctx, &error));
  GPtrArray *all = dk_catalogue_load (f->store, &error);
  assert_non_null (all);
  return all;
}

static void
test_clean_file_lands_whole (void **state)
{
  Fixture *f = *state;
  DkImportSummary s;
  g_autoptr (GPtrArray) all = import_good (f, &s);
  assert_int_equal (s.added, 2);
  const DkActivity *p = dk_catalogue_find (all, "phishing"), *c = dk_catalogue_find (all, "chefskurs");
  assert_non_null (p);
  assert_string_equal (p->title[DK_LANG_EN], "Phishing exercise");
  assert_string_equal (p->description[DK_LANG_SV], "Känn igen nätfiske.");
  assert_int_equal (p->sessions->len, 0);   /* always available */
  assert_true (p->easy_swedish && p->read_aloud);
  assert_string_equal (p->follow_up, "Rapportera nästa misstänkta mejl.");
  assert_string_equal (p->themes[1], "oktober");
  assert_true (p->hours == 1.5);
  const DkDevelops *d = dk_activity_develops (c, "1.2");
  assert_int_equal (d->from, 2);
  assert_int_equal (d->to, 4);
  assert_string_equal (c->roles[0], "manager");
  assert_string_equal (c->units[0], "Org/Avd");
  assert_int_equal (c->sessions->len, 2);
  const DkSession *first = &g_array_index (c->sessions, DkSession, 0);
  assert_string_equal (first->place, "Stadshuset");
  assert_int_equal (first->seats, 20);
  assert_int_equal (g_array_index (c->sessions, DkSession, 1).seats, 0);
}

/* Importing NAME fails with exactly MESSAGE (FILE:LINE: …) and changes nothing. */
static void
assert_refused (Fixture *f, const char *name, const char *message)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/catalogue/%s", name);
  g_autofree char *path = dk_test_path (rel);
  g_autofree char *expected = g_strdup_printf ("%s:%s", path, message);
  g_autofree char *before = dk_test_dump_store (f->store);
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_false (dk_import_catalogue (f->store, path, DK_CSV_UTF8, FALSE, &s, &dk_test_ctx, &error));
  assert_true (g_error_matches (error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_INVALID));
  assert_string_equal (error->message, expected);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

static void
test_unknown_competence (void **state)
{
  assert_refused (*state, "unknown-competence.xml", "17: competence 9.9 is not in framework small");
}

static void
test_levels_off_the_scale (void **state)
{
  assert_refused (*state, "off-scale.xml", "17: competence 1.2: levels 2..7 are off the scale 1..5 of small");
}

static void
test_bad_kind (void **state)
{
  assert_refused (*state, "bad-kind.xml", "15: kind 'party' is not one of lecture, webinar, course, workshop, "
                  "e-learning, micro-learning, coaching, network, study-visit, guide");
}

static void
test_duplicate_id (void **state)
{
  assert_refused (*state, "duplicate-id.xml", "15: activity phishing appears twice (first on line 3)");
}

/* Found by fuzz_import (its input is in tests/fuzz/corpus/import): an '@'
 * before the '/' made the end's length negative and the allocation huge. */
static void
test_session_place_before_end (void **state)
{
  assert_refused (*state, "session-at-first.csv",
                  "2: session '@2027-03-01T09:00/2027-03-01T17:00@Stadshuset' is not START/END@PLACE"
                  " with dates like 2026-10-05T09:00");
}

static void
test_session_place_with_slash_and_at (void **state)
{
  (void) state;
  g_autoptr (DkActivity) a = dk_activity_new ();
  g_autofree char *problem = NULL;
  assert_true (dk_activity_parse_sessions (a, "2027-03-01T09:00/2027-03-01T17:00@Hus 2/rum @3", DK_LANG_EN, &problem));
  const DkSession *s = &g_array_index (a->sessions, DkSession, 0);
  assert_string_equal (s->start, "2027-03-01T09:00");
  assert_string_equal (s->end, "2027-03-01T17:00");
  assert_string_equal (s->place, "Hus 2/rum @3");
  /* '|' would split the session when the stored form is read back */
  assert_false (dk_activity_add_session (a, "2027-03-01T09:00", "2027-03-01T17:00", "Rum A|B", 0, DK_LANG_EN, &problem));
  assert_string_equal (problem, "session place 'Rum A|B' contains '|', which separates sessions");
  assert_int_equal (a->sessions->len, 1);
}

static void
test_malformed_xml (void **state)
{
  assert_refused (*state, "malformed.xml", "5: Opening and ending tag mismatch: title line 5 and titel");
}

static void
test_xxe_refused (void **state)
{
  assert_refused (*state, "xxe.xml", "2: DOCTYPE declarations are not allowed (entities are refused for safety)");
}

static void
test_wrong_namespace (void **state)
{
  assert_refused (*state, "wrong-namespace.xml",
                  "2: the root element must be <catalogue> in namespace urn:digikomp:catalogue:1");
}

/* A bad file after a good one: the activities already imported stay as they were. */
static void
test_refused_file_keeps_earlier_import (void **state)
{
  Fixture *f = *state;
  g_autofree char *good = dk_test_path ("tests/data/catalogue/good.xml");
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_catalogue (f->store, good, DK_CSV_UTF8, FALSE, &s, &dk_test_ctx, &error));
  assert_refused (f, "bad-kind.xml", "15: kind 'party' is not one of lecture, webinar, course, workshop, "
                  "e-learning, micro-learning, coaching, network, study-visit, guide");
}

/* The schema's own checks come back with their line too. */
static void
test_schema_violation (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = dk_test_write_file ("no-develops.xml",
      "<catalogue xmlns=\"urn:digikomp:catalogue:1\" framework=\"small\">\n"
      "  <activity id=\"a\" kind=\"lecture\" format=\"digital\" hours=\"1\" language=\"sv\">\n"
      "    <title xml:lang=\"sv\">A</title>\n"
      "    <always-available/>\n"
      "  </activity>\n"
      "</catalogue>\n");
  g_autofree char *before = dk_test_dump_store (f->store);
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_false (dk_import_catalogue (f->store, path, DK_CSV_UTF8, FALSE, &s, &dk_test_ctx, &error));
  g_autofree char *where = g_strdup_printf ("%s:4:", path);
  assert_error_contains (error, where);
  g_autofree char *after = dk_test_dump_store (f->store);
  assert_string_equal (before, after);
}

/* A search finds an activity by words of its title or description in
 * either language, and by the id or title of a competence it develops;
 * every word must be found. */
static void
test_matches_words (void **state)
{
  Fixture *f = *state;
  DkImportSummary s;
  g_autoptr (GPtrArray) all = import_good (f, &s);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) frameworks = dk_store_frameworks (f->store, &error);
  const DkFramework *fw = frameworks->pdata[0];
  const DkActivity *p = dk_catalogue_find (all, "phishing"), *c = dk_catalogue_find (all, "chefskurs");
  assert_true (dk_activity_matches_words (p, fw, "NÄTFISKE"));
  assert_true (dk_activity_matches_words (p, fw, "phishing exercise"));
  assert_true (dk_activity_matches_words (p, fw, "känn igen"));
  assert_true (dk_activity_matches_words (p, fw, "skydda"));         /* 1.1's title */
  assert_true (dk_activity_matches_words (c, fw, "1.2"));
  assert_true (dk_activity_matches_words (c, fw, "  "));
  assert_false (dk_activity_matches_words (p, fw, "nätfiske chefer"));
  assert_false (dk_activity_matches_words (c, fw, "skydda"));
  assert_false (dk_activity_matches_words (c, NULL, "protect"));     /* no framework: no titles */
  assert_true (dk_activity_matches_words (c, fw, "protect data"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_clean_file_lands_whole, setup, teardown),
    cmocka_unit_test_setup_teardown (test_matches_words, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unknown_competence, setup, teardown),
    cmocka_unit_test_setup_teardown (test_levels_off_the_scale, setup, teardown),
    cmocka_unit_test_setup_teardown (test_bad_kind, setup, teardown),
    cmocka_unit_test_setup_teardown (test_duplicate_id, setup, teardown),
    cmocka_unit_test_setup_teardown (test_session_place_before_end, setup, teardown),
    cmocka_unit_test (test_session_place_with_slash_and_at),
    cmocka_unit_test_setup_teardown (test_malformed_xml, setup, teardown),
    cmocka_unit_test_setup_teardown (test_xxe_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_wrong_namespace, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refused_file_keeps_earlier_import, setup, teardown),
    cmocka_unit_test_setup_teardown (test_schema_violation, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
