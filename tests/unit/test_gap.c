/* test_gap.c — the gap engine on a small organisation whose every figure is
 * worked out by hand below (docs/metrics.md walks through the same example).
 *
 * Framework tests/data/framework/small.xml: 1.1 (employee 3, manager 4),
 * 1.2 (employee 2, manager 3), 2.1 (managers only, 3).
 *
 *   person  unit   shared conv  1.1 self/mgr  1.2 self  2.1  motivation
 *   M       Org    yes    yes   4             2 (need)  3    2.1: 5
 *   a1      Org/A  yes    yes   2 (need)      3              1.1: 5, 1.2: 2
 *   a2      Org/A  yes    no    3             ?              1.1: 4
 *   a3      Org/A  NO     no    1             -              (not counted)
 *   b1      Org/B  yes    yes   2 -> 3        1 (need)       1.1: 3, 1.2: 4
 *   b2      Org/B  yes    no    4             2
 *   b3      Org/B  -      -     (no answers)
 */
#include "support.h"
#include "gap.h"
#include "import.h"
#include "report.h"

#include <math.h>

static const char roster[] =
  "person_id,name,unit,role,manager_id,gender\n"
  "M,Mona,Org,manager,,F\n"
  "a1,Anna,Org/A,employee,M,F\n"
  "a2,Ali,Org/A,employee,M,M\n"
  "a3,Aino,Org/A,employee,M,F\n"
  "b1,Bo,Org/B,employee,M,M\n"
  "b2,Britt,Org/B,employee,M,F\n"
  "b3,Bengt,Org/B,employee,M,M\n";

static const char ratings[] =
  "person_id,round,competence,self,manager,motivation,reason,shared,conversation\n"
  "M,r1,1.1,4,,,,yes,2026-02-01\n"
  "M,r1,1.2,2,,,,yes,2026-02-01\n"
  "M,r1,2.1,3,,5,,yes,2026-02-01\n"
  "a1,r1,1.1,2,,5,,yes,2026-02-02\n"
  "a1,r1,1.2,3,,2,,yes,2026-02-02\n"
  "a2,r1,1.1,3,,4,,yes,\n"
  "a2,r1,1.2,?,,,,yes,\n"
  "a3,r1,1.1,1,,1,,no,\n"
  "b1,r1,1.1,2,3,3,Visade mer,yes,2026-02-03\n"
  "b1,r1,1.2,1,,4,,yes,2026-02-03\n"
  "b2,r1,1.1,4,,,,yes,\n"
  "b2,r1,1.2,2,,,,yes,\n";

typedef struct {
  DkStore     *store;
  char        *path;
  DkRound     *round;
  DkFramework *fw;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  f->store = dk_test_store ("tests/data/framework/small.xml", &f->path);
  g_autofree char *r = dk_test_write_file ("roster.csv", roster);
  g_autofree char *k = dk_test_write_file ("ratings.csv", ratings);
  DkImportSummary s;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (f->store, r, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  assert_true (dk_store_round_open (f->store, "r1", "R1", "small", NULL, &dk_test_ctx, &error));
  assert_true (dk_import_ratings (f->store, k, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error));
  f->round = dk_store_round (f->store, "r1", &error);
  f->fw = dk_store_round_framework (f->store, f->round, &error);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  dk_framework_free (f->fw);
  dk_round_free (f->round);
  dk_store_close (f->store);
  g_free (f->path);
  g_free (f);
  return 0;
}

static DkGap *
compute (Fixture *f, DkGroupBy by, DkScopeBy scope)
{
  DkGapQuery q = { by, scope, 0, NULL, NULL };
  g_autoptr (GError) error = NULL;
  DkGap *gap = dk_gap_compute (f->store, f->round, f->fw, &q, &error);
  assert_non_null (gap);
  return gap;
}

static void
assert_metric (const DkGapCell *cell, DkMetric m, guint k, double expected)
{
  double v = -1;
  gboolean suppressed = TRUE;
  assert_true (dk_gap_metric (cell, m, k, &v, &suppressed));
  assert_false (suppressed);
  if (fabs (v - expected) > 1e-9)
    fail_msg ("metric %d: %f, expected %f", m, v, expected);
}

static void
assert_suppressed (const DkGapCell *cell, DkMetric m, guint k)
{
  double v = -1;
  gboolean suppressed = FALSE;
  assert_false (dk_gap_metric (cell, m, k, &v, &suppressed));
  assert_true (suppressed);
}

static void
test_whole_organisation (void **state)
{
  Fixture *f = *state;
  g_autoptr (DkGap) gap = compute (f, DK_GROUP_ORGANISATION, DK_SCOPE_ALL);
  /* "all competences" are those of area 1, which applies to every role */
  const DkGapCell *c = dk_gap_cell (gap, 0, 0);
  assert_int_equal (c->people, 7);
  /* with a level: M a1 a2 b1 b2 (a3 did not share, b3 did not answer) */
  assert_int_equal (c->people_level, 5);
  /* with a need: M (1.2: 3 > 2), a1 (1.1: 3 > 2), b1 (1.2: 2 > 1) */
  assert_metric (c, DK_METRIC_SHARE_WITH_NEEDS, 5, 3.0 / 5.0);
  /* pairs with a level: M 2, a1 2, a2 1, b1 2, b2 2 = 9; with a need 3 */
  assert_metric (c, DK_METRIC_SHARE_OF_NEEDS, 5, 3.0 / 9.0);
  /* effective levels: M 4+2, a1 2+3, a2 3, b1 3+1 (manager's 3), b2 4+2 = 24 */
  assert_metric (c, DK_METRIC_AVERAGE, 5, 24.0 / 9.0);
  /* applicable pairs: 7 people x 2 = 14; answered (shared): 10 */
  assert_metric (c, DK_METRIC_RESPONSE, 5, 10.0 / 14.0);
  /* one don't-know (a2 1.2) of 10 answers */
  assert_metric (c, DK_METRIC_DONT_KNOW, 5, 1.0 / 10.0);
  /* shared and held: M a1 b1 = 3 of 7 registered */
  assert_metric (c, DK_METRIC_CONVERSATION, 5, 3.0 / 7.0);
  /* motivation: 5 answers from 3 people (a1 a2 b1): suppressed at 5, shown at 3 */
  assert_suppressed (c, DK_METRIC_HIGH_MOTIVATION, 5);
  assert_metric (c, DK_METRIC_HIGH_MOTIVATION, 3, 3.0 / 5.0);
}

static void
test_role_limited_area_in_own_scope (void **state)
{
  Fixture *f = *state;
  /* area 2 (managers only) is counted apart from all competences: a need
   * there would not raise the headline share with needs */
  g_autoptr (DkGap) gap = compute (f, DK_GROUP_ORGANISATION, DK_SCOPE_ALL);
  assert_int_equal (dk_gap_n_scopes (gap), 2);
  assert_string_equal (dk_gap_scope_key (gap, 0), "");
  assert_int_equal (dk_gap_find_scope (gap, "2"), 1);
  const DkGapCell *all = dk_gap_cell (gap, 0, 0), *limited = dk_gap_cell (gap, 0, 1);
  assert_int_equal (all->pairs_registered, 14);
  assert_int_equal (limited->people, 1);
  assert_int_equal (limited->pairs_level, 1);
  assert_int_equal (limited->motivation_answers, 1);
}

static void
test_unshared_rating_not_counted (void **state)
{
  Fixture *f = *state;
  /* a3's unshared 1.1 = 1 would be a fourth need (4 of 6) if it counted */
  g_autoptr (DkGap) gap = compute (f, DK_GROUP_ORGANISATION, DK_SCOPE_ALL);
  assert_int_equal (dk_gap_cell (gap, 0, 0)->people_need, 3);
  assert_int_equal (dk_gap_cell (gap, 0, 0)->motivation_answers, 5);
}

static void
test_units_include_sub_units (void **state)
{
  Fixture *f = *state;
  g_autoptr (DkGap) gap = compute (f, DK_GROUP_UNIT, DK_SCOPE_ALL);
  assert_int_equal (dk_gap_n_groups (gap), 3);
  int org = dk_gap_find_group (gap, "Org"), a = dk_gap_find_group (gap, "Org/A");
  assert_true (org >= 0 && a >= 0);
  assert_int_equal (dk_gap_cell (gap, (guint) org, 0)->people, 7);
  /* Org/A: a1 a2 have levels, 1 need; 2 people is below any minimum group */
  const DkGapCell *ca = dk_gap_cell (gap, (guint) a, 0);
  assert_int_equal (ca->people, 3);
  assert_int_equal (ca->people_level, 2);
  assert_suppressed (ca, DK_METRIC_SHARE_WITH_NEEDS, 3);
  /* its response rate counts 3 registered people: 4 of 6 pairs answered */
  assert_metric (ca, DK_METRIC_RESPONSE, 3, 4.0 / 6.0);
}

static void
test_depth_limits_units (void **state)
{
  Fixture *f = *state;
  DkGapQuery q = { DK_GROUP_UNIT, DK_SCOPE_ALL, 1, NULL, NULL };
  g_autoptr (DkGap) gap = dk_gap_compute (f->store, f->round, f->fw, &q, NULL);
  assert_int_equal (dk_gap_n_groups (gap), 1);
  assert_int_equal (dk_gap_cell (gap, 0, 0)->people, 7);
  DkGapQuery under = { DK_GROUP_ROLE, DK_SCOPE_ALL, 0, "Org/B", NULL };
  g_autoptr (DkGap) b = dk_gap_compute (f->store, f->round, f->fw, &under, NULL);
  int employee = dk_gap_find_group (b, "employee"), manager = dk_gap_find_group (b, "manager");
  assert_int_equal (dk_gap_cell (b, (guint) employee, 0)->people, 3);
  assert_int_equal (dk_gap_cell (b, (guint) manager, 0)->people, 0);
}

static void
test_scopes (void **state)
{
  Fixture *f = *state;
  g_autoptr (DkGap) comp = compute (f, DK_GROUP_ORGANISATION, DK_SCOPE_COMPETENCE);
  /* 1.1: levels M 4, a1 2, a2 3, b1 3, b2 4; a need only for a1 (M expects 4) */
  const DkGapCell *c11 = dk_gap_cell (comp, 0, (guint) dk_gap_find_scope (comp, "1.1"));
  assert_metric (c11, DK_METRIC_SHARE_WITH_NEEDS, 5, 1.0 / 5.0);
  assert_metric (c11, DK_METRIC_AVERAGE, 5, 16.0 / 5.0);
  g_autoptr (DkGap) area = compute (f, DK_GROUP_ORGANISATION, DK_SCOPE_AREA);
  /* area 2 applies to the one manager only */
  const DkGapCell *a2 = dk_gap_cell (area, 0, (guint) dk_gap_find_scope (area, "2"));
  assert_int_equal (a2->people, 1);
  assert_suppressed (a2, DK_METRIC_SHARE_WITH_NEEDS, 3);
}

static void
test_gender_and_role (void **state)
{
  Fixture *f = *state;
  g_autoptr (DkGap) g = compute (f, DK_GROUP_GENDER, DK_SCOPE_ALL);
  /* women: M a1 a3 b2 registered; levels M a1 b2; needs M a1 */
  const DkGapCell *w = dk_gap_cell (g, (guint) dk_gap_find_group (g, "F"), 0);
  assert_int_equal (w->people, 4);
  assert_metric (w, DK_METRIC_SHARE_WITH_NEEDS, 3, 2.0 / 3.0);
  g_autoptr (DkGap) r = compute (f, DK_GROUP_ROLE, DK_SCOPE_ALL);
  const DkGapCell *e = dk_gap_cell (r, (guint) dk_gap_find_group (r, "employee"), 0);
  assert_int_equal (e->people_level, 4);
  assert_int_equal (e->people_need, 2);
}

static void
test_people_of_round (void **state)
{
  Fixture *f = *state;
  g_autoptr (DkPersonSet) all = dk_gap_people_of_round (f->store, f->round, NULL);
  g_autoptr (DkPerson) a1 = dk_store_person (f->store, "a1", NULL);
  assert_true (dk_person_set_contains (all, a1->id));
  assert_false (dk_person_set_contains (all, 9999));
}

/* A class per person: the first number 0, the others apart only in their
 * top bits, which a table that hashed the low bits would pile up. */
static guint64
class_per_person (const DkScanRow *row, gpointer data)
{
  gint64 *first = data;
  if (*first == 0)
    *first = row->person_id;
  return (guint64) (row->person_id - *first) << 40;
}

static void
test_many_classes (void **state)
{
  (void) state;
  enum { N = 3000 };   /* past the class index's first size and several doublings */
  g_autofree char *path = NULL;
  g_autoptr (DkStore) store = dk_test_store ("tests/data/framework/small.xml", &path);
  g_autoptr (GString) r = g_string_new ("person_id,name,unit,role,manager_id,gender\n");
  g_autoptr (GString) k = g_string_new ("person_id,round,competence,self,manager,motivation,reason,shared,conversation\n");
  for (guint i = 0; i < N; i++)
    {
      g_string_append_printf (r, "p%04u,P,Org,employee,,F\n", i);
      g_string_append_printf (k, "p%04u,r1,1.1,%u,,,,yes,\n", i, 1 + i % 4);
    }
  g_autofree char *rf = dk_test_write_file ("many-roster.csv", r->str);
  g_autofree char *kf = dk_test_write_file ("many-ratings.csv", k->str);
  DkImportSummary sum;
  g_autoptr (GError) error = NULL;
  assert_true (dk_import_roster (store, rf, DK_CSV_UTF8, FALSE, FALSE, &sum, NULL, &dk_test_ctx, &error));
  assert_true (dk_store_round_open (store, "r1", "R1", "small", NULL, &dk_test_ctx, &error));
  assert_true (dk_import_ratings (store, kf, DK_CSV_UTF8, "r1", FALSE, FALSE, &sum, NULL, &dk_test_ctx, &error));
  g_autoptr (DkRound) round = dk_store_round (store, "r1", &error);
  g_autoptr (DkFramework) fw = dk_store_round_framework (store, round, &error);
  gint64 first = 0;
  DkGapQuery q = { .group_by = DK_GROUP_CLASS, .scope_by = DK_SCOPE_ALL, .classify = class_per_person,
                   .classify_data = &first };
  g_autoptr (DkGap) gap = dk_gap_compute (store, round, fw, &q, &error);
  assert_non_null (gap);
  assert_int_equal (dk_gap_n_groups (gap), N);
  for (guint g = 0; g < N; g++)
    {
      /* in the order the scan met them, one person each, at level 1 + g % 4 */
      assert_true (dk_gap_group_class (gap, g) == (guint64) g << 40);
      const DkGapCell *c = dk_gap_cell (gap, g, 0);
      assert_int_equal (c->people, 1);
      assert_int_equal (c->level_sum, 1 + g % 4);
    }
}

static guint64
one_class (const DkScanRow *row, gpointer data)
{
  (void) row;
  (void) data;
  return 0;
}

/* The class scan keeps its round's people with the store, for the pattern
 * of another round; a change to the round drops them. */
static void
test_people_kept_until_a_change (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  DkGapQuery q = { .group_by = DK_GROUP_CLASS, .scope_by = DK_SCOPE_ALL, .classify = one_class };
  assert_true (dk_store_read_begin (f->store, &error));
  g_autoptr (DkGap) gap = dk_gap_compute (f->store, f->round, f->fw, &q, &error);
  assert_non_null (gap);
  g_autoptr (DkPersonSet) kept = dk_gap_people_of_round (f->store, f->round, &error);
  assert_true (dk_store_read_end (f->store, &error));
  g_autoptr (DkPerson) b3 = dk_store_person (f->store, "b3", &error);
  assert_true (dk_person_set_contains (kept, b3->id));

  g_autofree char *more = dk_test_write_file ("roster-more.csv", "person_id,name,unit,role,manager_id,gender\n"
                                                                 "c1,Cia,Org/B,employee,M,F\n");
  DkImportSummary sum;
  assert_true (dk_import_roster (f->store, more, DK_CSV_UTF8, FALSE, FALSE, &sum, NULL, &dk_test_ctx, &error));
  g_autoptr (DkPerson) c1 = dk_store_person (f->store, "c1", &error);
  assert_non_null (c1);
  assert_true (dk_store_read_begin (f->store, &error));
  g_autoptr (DkPersonSet) now = dk_gap_people_of_round (f->store, f->round, &error);
  assert_true (dk_store_read_end (f->store, &error));
  assert_false (dk_person_set_contains (kept, c1->id));
  assert_true (dk_person_set_contains (now, c1->id));
  assert_true (dk_person_set_contains (now, b3->id));
}

static void
test_person_view_hides_unshared (void **state)
{
  Fixture *f = *state;
  g_autoptr (DkPerson) a3 = dk_store_person (f->store, "a3", NULL);
  g_autoptr (DkAssessment) a = dk_store_assessment (f->store, f->round->id, a3->id, NULL);
  g_autofree DkPersonGap *manager_view = dk_gap_person (f->fw, a, FALSE);
  g_autofree DkPersonGap *own_view = dk_gap_person (f->fw, a, TRUE);
  assert_int_equal (manager_view[0].self, DK_LEVEL_NONE);
  assert_int_equal (manager_view[0].effective, 0);
  assert_int_equal (own_view[0].self, 1);
  assert_int_equal (own_view[0].gap, 2);
  assert_false (own_view[2].applies);   /* 2.1 is for managers */
}

/* The most scopes all competences can have: 64 competences, each in an
 * area limited to managers, are 65 scopes ("" and one per area). */
static void
test_every_area_role_limited (void **state)
{
  (void) state;
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<framework xmlns=\"urn:digikomp:framework:1\" id=\"limited\" version=\"1\">\n"
                               "<title xml:lang=\"en\">Limited</title><scale min=\"1\" max=\"5\">");
  for (int l = 1; l <= 5; l++)
    g_string_append_printf (xml, "<level value=\"%d\"/>", l);
  g_string_append (xml, "</scale><motivation min=\"1\" max=\"5\" high=\"4\"/><roles>"
                        "<role id=\"employee\"><title xml:lang=\"en\">E</title></role>"
                        "<role id=\"manager\"><title xml:lang=\"en\">M</title></role></roles>\n");
  GString *ratings = g_string_new ("person_id,round,competence,self,manager,motivation,reason,shared,conversation\n");
  for (int a = 1; a <= DK_MAX_COMPETENCES; a++)
    {
      g_string_append_printf (xml, "<area id=\"%d\" roles=\"manager\"><title xml:lang=\"en\">A%d</title>"
                                   "<competence id=\"%d.1\"><title xml:lang=\"en\">C</title>"
                                   "<expect role=\"manager\" level=\"3\"/></competence></area>\n", a, a, a);
      g_string_append_printf (ratings, "M,r1,%d.1,2,,4,,yes,\n", a);
    }
  g_string_append (xml, "</framework>\n");
  g_autofree char *fw_path = dk_test_write_file ("limited.xml", xml->str);
  g_autofree char *r_path = dk_test_write_file ("limited-ratings.csv", ratings->str);
  g_autofree char *roster = dk_test_write_file ("limited-roster.csv",
                                                "person_id,name,unit,role,manager_id,gender\nM,Mona,Org,manager,,F\n");
  g_string_free (xml, TRUE);
  g_string_free (ratings, TRUE);
  g_autofree char *dir = g_path_get_dirname (fw_path);
  g_autofree char *db = g_build_filename (dir, "limited.db", NULL);
  g_autoptr (GError) error = NULL;
  DkStore *store = dk_store_open (db, TRUE, DK_LANG_EN, &error);
  g_assert_no_error (error);
  dk_framework_free (dk_store_register_framework (store, fw_path, &dk_test_ctx, &error));
  g_assert_no_error (error);
  DkImportSummary sum;
  assert_true (dk_import_roster (store, roster, DK_CSV_UTF8, FALSE, FALSE, &sum, NULL, &dk_test_ctx, &error));
  assert_true (dk_store_round_open (store, "r1", "R1", "limited", NULL, &dk_test_ctx, &error));
  assert_true (dk_import_ratings (store, r_path, DK_CSV_UTF8, "r1", FALSE, FALSE, &sum, NULL, &dk_test_ctx, &error));
  g_autoptr (DkRound) round = dk_store_round (store, "r1", &error);
  g_autoptr (DkFramework) fw = dk_store_round_framework (store, round, &error);
  DkGapQuery q = { DK_GROUP_ORGANISATION, DK_SCOPE_ALL, 0, NULL, NULL };
  g_autoptr (DkGap) gap = dk_gap_compute (store, round, fw, &q, &error);
  g_assert_no_error (error);
  assert_int_equal (dk_gap_n_scopes (gap), DK_MAX_COMPETENCES + 1);
  assert_int_equal (dk_gap_cell (gap, 0, 0)->people, 0);   /* no area for every role */
  const DkGapCell *last = dk_gap_cell (gap, 0, DK_MAX_COMPETENCES);
  assert_int_equal (last->people_need, 1);
  assert_int_equal (last->motivation_high, 1);
  dk_store_close (store);
}

/* A cancelled computation or report is an error, never the figures of the
 * part of the round scanned so far. */
/* The assessments of PEOPLE (DkPerson*) in F's round. */
static GPtrArray *
assessments_of (Fixture *f, GPtrArray *people)
{
  GPtrArray *as = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_assessment_free);
  for (guint i = 0; i < people->len; i++)
    {
      const DkPerson *p = people->pdata[i];
      g_ptr_array_add (as, dk_store_assessment (f->store, f->round->id, p->id, NULL));
      assert_non_null (as->pdata[as->len - 1]);
    }
  return as;
}

/* Given people count as the scan counts a group of them: the whole
 * organisation's cells are the same, and M's team is worked out by hand. */
static void
test_people_as_a_group (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPerson) m = dk_store_person (f->store, "M", &error);
  g_autoptr (GPtrArray) team = dk_store_people_managed_by (f->store, m->id, FALSE, &error);
  assert_int_equal (team->len, 6);
  g_autoptr (GPtrArray) everyone = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_person_free);
  g_ptr_array_add (everyone, g_steal_pointer (&m));
  for (guint i = 0; i < team->len; i++)
    g_ptr_array_add (everyone, dk_store_person_by_id (f->store, ((DkPerson *) team->pdata[i])->id, &error));
  for (DkScopeBy scope = DK_SCOPE_ALL; scope <= DK_SCOPE_COMPETENCE; scope++)
    {
      g_autoptr (GPtrArray) as = assessments_of (f, everyone);
      g_autoptr (DkGap) scan = compute (f, DK_GROUP_ORGANISATION, scope);
      g_autoptr (DkGap) given = dk_gap_compute_people (f->fw, as, scope);
      assert_int_equal (dk_gap_n_groups (given), 1);
      assert_int_equal (dk_gap_n_scopes (given), dk_gap_n_scopes (scan));
      for (guint i = 0; i < dk_gap_n_scopes (scan); i++)
        {
          assert_string_equal (dk_gap_scope_key (given, i), dk_gap_scope_key (scan, i));
          assert_memory_equal (dk_gap_cell (given, 0, i), dk_gap_cell (scan, 0, i), sizeof (DkGapCell));
        }
    }
  /* M's team: a1 a2 b1 b2 have a level (a3 did not share), a1 and b1 a need */
  g_autoptr (GPtrArray) as = assessments_of (f, team);
  g_autoptr (DkGap) gap = dk_gap_compute_people (f->fw, as, DK_SCOPE_ALL);
  const DkGapCell *c = dk_gap_cell (gap, 0, (guint) dk_gap_find_scope (gap, ""));
  assert_int_equal (c->people, 6);
  assert_metric (c, DK_METRIC_SHARE_WITH_NEEDS, 3, 2.0 / 4.0);
  assert_suppressed (c, DK_METRIC_SHARE_WITH_NEEDS, 5);
}

static void
test_cancelled_is_an_error (void **state)
{
  Fixture *f = *state;
  g_autoptr (GError) error = NULL;
  DkTestCanceller stop = { .after = 0 };
  DkContext ctx = dk_test_cancelling_context (&stop);
  DkGapQuery q = { DK_GROUP_UNIT, DK_SCOPE_ALL, 0, NULL, &ctx };
  assert_null (dk_gap_compute (f->store, f->round, f->fw, &q, &error));
  assert_true (g_error_matches (error, DK_CONTEXT_ERROR, DK_CONTEXT_ERROR_CANCELLED));
  assert_int_equal (stop.asked, 1);
  g_clear_error (&error);

  g_autoptr (DkReport) report = dk_report_new ("needs", DK_LANG_EN);
  DkReportQuery rq = { .kind = DK_REPORT_NEEDS, .group_by = DK_GROUP_UNIT, .scope_by = DK_SCOPE_ALL,
                       .min_group = 1, .lang = DK_LANG_EN, .ctx = &ctx };
  assert_false (dk_report_add_gap_table (report, f->store, f->round, NULL, &rq, &error));
  assert_true (g_error_matches (error, DK_CONTEXT_ERROR, DK_CONTEXT_ERROR_CANCELLED));
  assert_int_equal (stop.asked, 2);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_whole_organisation, setup, teardown),
    cmocka_unit_test_setup_teardown (test_role_limited_area_in_own_scope, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unshared_rating_not_counted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_units_include_sub_units, setup, teardown),
    cmocka_unit_test_setup_teardown (test_depth_limits_units, setup, teardown),
    cmocka_unit_test_setup_teardown (test_scopes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_gender_and_role, setup, teardown),
    cmocka_unit_test_setup_teardown (test_people_of_round, setup, teardown),
    cmocka_unit_test (test_many_classes),
    cmocka_unit_test_setup_teardown (test_people_kept_until_a_change, setup, teardown),
    cmocka_unit_test_setup_teardown (test_person_view_hides_unshared, setup, teardown),
    cmocka_unit_test (test_every_area_role_limited),
    cmocka_unit_test_setup_teardown (test_people_as_a_group, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cancelled_is_an_error, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
