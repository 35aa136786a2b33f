/*
 * count-disclosure.c — the disclosure checker of the count reports (`make
 * check-disclosure`): no combination of the figures `report coverage`,
 * `report goals` and `report participation` publish may give the count of
 * a group of 1 to k−1 people (docs/security.md, "Disclosure paths").
 *
 * For fixed organisations that reproduce the known attacks (people placed
 * directly in a parent unit, a small unit beside large ones, a person of a
 * rare gender) and random ones from a seed, it builds a store through
 * core's API: a roster, shared ratings in a round, a catalogue whose
 * activities cover some needs and some units only, plans with goals (some
 * done, some wishes), and participation in activities of two kinds.  It
 * then asks core for coverage (with its wishes) and goals of the
 * organisation and of every unit, and for participation, at k = 5 and
 * k = 3, and reads the numbers back from the tables.
 *
 * Knowing who is in which group, it turns each published count into an
 * equation: the indicator vector of the people (or plan items, or
 * participations in a kind of activity) it counts.  Every group of 1 to
 * k−1 people the reports could tell — each unit's figure, its direct
 * members, the people covered, the goals not done, a department's women,
 * a department's participants in one kind — must not be a linear
 * combination of the published vectors (exact elimination modulo the prime
 * 2^61 − 1, as tests/check/disclosure.c).  Any that is is printed, and
 * the checker fails; so does a published figure that is not the truth.
 *
 * Usage: count-disclosure [-v] [-n RANDOM_ORGANISATIONS] [-s FIRST_SEED]
 */
#include "support.h"
#include "check-support.h"
#include "catalogue.h"
#include "import.h"
#include "participation.h"
#include "plan.h"
#include "plan-report.h"
#include "planner.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One system: vectors over N atoms, the published ones in a basis kept
 * in echelon form (PIVOT[i]: the leading atom of row i, its entry 1). */
typedef struct {
  char      *name;
  guint      n;
  GPtrArray *rows;       /* guint64[n] */
  GArray    *pivot;      /* guint */
  GPtrArray *targets;    /* Target* */
} System;

typedef struct {
  guint64 *v;
  char    *label;
  guint    count;
} Target;

static void
target_free (gpointer p)
{
  Target *t = p;
  g_free (t->v);
  g_free (t->label);
  g_free (t);
}

static System *
system_new (const char *name, guint n)
{
  System *s = g_new0 (System, 1);
  s->name = g_strdup (name);
  s->n = n;
  s->rows = g_ptr_array_new_with_free_func (g_free);
  s->pivot = g_array_new (FALSE, FALSE, sizeof (guint));
  s->targets = g_ptr_array_new_with_free_func (target_free);
  return s;
}

static void
system_free (System *s)
{
  g_free (s->name);
  g_ptr_array_unref (s->rows);
  g_array_unref (s->pivot);
  g_ptr_array_unref (s->targets);
  g_free (s);
}

/* Reduces V against the basis in place; returns TRUE when it becomes 0. */
static gboolean
reduce (const System *s, guint64 *v)
{
  for (guint r = 0; r < s->rows->len; r++)
    {
      guint p = g_array_index (s->pivot, guint, r);
      if (v[p] == 0)
        continue;
      const guint64 *row = s->rows->pdata[r];
      guint64 f = v[p];
      for (guint i = 0; i < s->n; i++)
        if (row[i] != 0)
          v[i] = check_mod_sub (v[i], check_mod_mul (f, row[i]));
    }
  for (guint i = 0; i < s->n; i++)
    if (v[i] != 0)
      return FALSE;
  return TRUE;
}

/* Adds the published 0/1 vector ATOMS (a set of atom indices) to S. */
static void
publish (System *s, GHashTable *atoms)
{
  guint64 *v = g_new0 (guint64, MAX (s->n, 1));
  GHashTableIter it;
  gpointer a;
  g_hash_table_iter_init (&it, atoms);
  while (g_hash_table_iter_next (&it, &a, NULL))
    v[GPOINTER_TO_UINT (a) - 1] = 1;
  if (reduce (s, v))
    {
      g_free (v);
      return;
    }
  guint p = 0;
  while (v[p] == 0)
    p++;
  guint64 f = check_mod_inv (v[p]);
  for (guint i = 0; i < s->n; i++)
    v[i] = check_mod_mul (v[i], f);
  /* keep the basis reduced: earlier rows lose their entry at the new pivot */
  for (guint r = 0; r < s->rows->len; r++)
    {
      guint64 *row = s->rows->pdata[r];
      guint64 g = row[p];
      for (guint i = 0; g != 0 && i < s->n; i++)
        if (v[i] != 0)
          row[i] = check_mod_sub (row[i], check_mod_mul (g, v[i]));
    }
  g_ptr_array_add (s->rows, v);
  g_array_append_val (s->pivot, p);
}

/* Adds the group ATOMS of COUNT people to check when COUNT is 1…K−1. */
static void
target (System *s, GHashTable *atoms, guint count, guint k, char *label)
{
  if (count == 0 || count >= k || g_hash_table_size (atoms) == 0)
    {
      g_free (label);
      return;
    }
  Target *t = g_new0 (Target, 1);
  t->v = g_new0 (guint64, MAX (s->n, 1));
  GHashTableIter it;
  gpointer a;
  g_hash_table_iter_init (&it, atoms);
  while (g_hash_table_iter_next (&it, &a, NULL))
    t->v[GPOINTER_TO_UINT (a) - 1] = 1;
  t->label = label;
  t->count = count;
  g_ptr_array_add (s->targets, t);
}

/* Returns how many targets of S the published vectors give, printing each. */
static guint
solve (System *s, const char *org, guint k)
{
  guint found = 0;
  for (guint i = 0; i < s->targets->len; i++)
    {
      Target *t = s->targets->pdata[i];
      if (!reduce (s, t->v))
        continue;
      found++;
      printf ("DISCLOSED (%s, k = %u, %s): %s (%u) is a combination of the published figures\n", org, k,
                s->name, t->label, t->count);
    }
  return found;
}

/* ---- organisations ----------------------------------------------------------------- */

typedef struct {
  char     id[16];
  char    *unit;
  char     gender[2];
  gboolean manager;
  guint    level[2];        /* self levels on 1.1 and 1.2, all shared */
  guint    goals[2];        /* plan items on 1.1 and 1.2 */
  guint    done[2];         /* of them done */
  gboolean wish;            /* the plan's items are wishes */
  double   hours[2];        /* participation in a course (a1) and a webinar (a2), 0: none */
  guint    month[2];        /* its month: an index in months */
} Member;

/* The months participation falls in, over both halves of two years. */
static const char *const months[] = { "2026-03", "2026-09", "2027-02", "2027-05", "2027-08" };
#define N_MONTHS G_N_ELEMENTS (months)

typedef struct {
  char      *name;
  GPtrArray *members;       /* Member* */
  GPtrArray *units;         /* paths, parents first */
} Org;

static void
member_free (gpointer p)
{
  Member *m = p;
  g_free (m->unit);
  g_free (m);
}

static Org *
org_new (const char *name)
{
  Org *o = g_new0 (Org, 1);
  o->name = g_strdup (name);
  o->members = g_ptr_array_new_with_free_func (member_free);
  o->units = g_ptr_array_new_with_free_func (g_free);
  return o;
}

static void
org_free (gpointer p)
{
  Org *o = p;
  g_free (o->name);
  g_ptr_array_unref (o->members);
  g_ptr_array_unref (o->units);
  g_free (o);
}

static void
org_unit (Org *o, const char *path)
{
  for (guint i = 0; i < o->units->len; i++)
    if (strcmp (o->units->pdata[i], path) == 0)
      return;
  g_autofree char *parent = g_path_get_dirname (path);
  if (strcmp (parent, ".") != 0)
    org_unit (o, parent);
  g_ptr_array_add (o->units, g_strdup (path));
}

/* Adds N people to UNIT, of GENDERS in turn (the last repeating); with
 * SAME, each alike (a level below what is expected, a goal on 1.1, a
 * course of 2 hours), else drawn from RAND. */
static void
org_add (Org *o, const char *unit, guint n, const char *genders, GRand *rand)
{
  org_unit (o, unit);
  for (guint i = 0; i < n; i++)
    {
      Member *m = g_new0 (Member, 1);
      g_snprintf (m->id, sizeof m->id, "p%u", o->members->len + 1);
      m->unit = g_strdup (unit);
      char g = genders[MIN (i, strlen (genders) - 1)];
      m->gender[0] = g == '-' ? 0 : g;
      m->manager = g_rand_int_range (rand, 0, 5) == 0;
      for (guint c = 0; c < 2; c++)
        {
          m->level[c] = (guint) g_rand_int_range (rand, 1, 5);
          m->goals[c] = (guint) g_rand_int_range (rand, 0, 3);
          m->done[c] = m->goals[c] > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) m->goals[c] + 1) : 0;
          m->hours[c] = g_rand_int_range (rand, 0, 3) == 0 ? 0 : g_rand_int_range (rand, 1, 9) / 2.0;
          m->month[c] = (guint) g_rand_int_range (rand, 0, N_MONTHS);
        }
      m->wish = g_rand_int_range (rand, 0, 4) == 0;
      g_ptr_array_add (o->members, m);
    }
}

typedef struct {
  const char *unit;
  guint       n;
  const char *genders;
} FixedPart;

static const struct {
  const char *name;
  FixedPart   parts[5];
} fixed[] = {
  { "one person placed directly in a parent",
    { { "Org", 1, "M" }, { "Org/A", 7, "FMFMFMF" }, { "Org/B", 8, "MFMFMFMF" } } },
  { "three units of 5, 5 and 2", { { "Org/A", 5, "FMFMF" }, { "Org/B", 5, "MFMFM" }, { "Org/C", 2, "FM" } } },
  { "a rare gender in a unit", { { "Org/A", 6, "FFFMMX" }, { "Org/B", 7, "MMMFFF-" } } },
  { "sub-units and direct members",
    { { "Org/A", 2, "FM" }, { "Org/A/X", 6, "FMFMFM" }, { "Org/A/Y", 6, "MFMFMF" }, { "Org/B", 9, "FM" } } },
};

static Org *
random_org (guint seed)
{
  g_autofree char *name = g_strdup_printf ("random organisation, seed %u", seed);
  Org *o = org_new (name);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  static const char genders[] = "FFFFFFFFFMMMMMMMMMX-";
  org_add (o, "Org", (guint) g_rand_int_range (rand, 0, 3), "F", rand);
  guint n_units = (guint) g_rand_int_range (rand, 1, 4);
  for (guint u = 0; u < n_units; u++)
    {
      guint n_sub = (guint) g_rand_int_range (rand, 0, 3);
      for (guint s = 0; s <= n_sub; s++)
        {
          g_autofree char *path = s == 0 ? g_strdup_printf ("Org/U%u", u + 1)
                                         : g_strdup_printf ("Org/U%u/V%u", u + 1, s);
          guint n = (guint) g_rand_int_range (rand, s == 0 && n_sub > 0 ? 0 : 1, 9);
          for (guint i = 0; i < n; i++)
            {
              char g[2] = { genders[g_rand_int_range (rand, 0, sizeof genders - 1)], 0 };
              org_add (o, path, 1, g, rand);
            }
          org_unit (o, path);
        }
    }
  return o;
}

/* ---- the store ---------------------------------------------------------------------- */

/* A course for everyone from level 1 to 2 on 1.1 and 1.2, and a webinar
 * from 1 to 4 on 1.1 for the first unit under Org only. */
static void
store_catalogue (DkStore *store, const Org *o)
{
  g_autoptr (GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_activity_free);
  static const char *const ids[] = { "a1", "a2" }, *const kinds[] = { "course", "webinar" };
  for (guint i = 0; i < 2; i++)
    {
      DkActivity *a = dk_activity_new ();
      a->id = g_strdup (ids[i]);
      for (guint l = 0; l < DK_N_LANGS; l++)
        a->title[l] = g_strdup (ids[i]);
      a->kind = g_strdup (kinds[i]);
      a->format = g_strdup ("digital");
      a->hours = 2;
      a->language = g_strdup ("sv");
      a->roles = g_new0 (char *, 1);
      a->units = i == 0 ? g_new0 (char *, 1) : g_strsplit (o->units->len > 1 ? o->units->pdata[1] : "Org", ",", -1);
      a->themes = g_new0 (char *, 1);
      g_autofree char *problem = NULL;
      g_assert_true (dk_activity_add_develops (a, "1.1", 1, i == 0 ? 2 : 4, DK_LANG_EN, &problem));
      if (i == 0)
        g_assert_true (dk_activity_add_develops (a, "1.2", 1, 2, DK_LANG_EN, &problem));
      g_ptr_array_add (activities, a);
    }
  guint added, updated, unchanged;
  g_autoptr (GError) error = NULL;
  if (!dk_catalogue_store (store, activities, FALSE, &added, &updated, &unchanged, &dk_test_ctx, &error))
    g_error ("catalogue: %s", error->message);
}

static const char *const competences[] = { "1.1", "1.2" };

static void
store_plans (DkStore *store, const Org *o)
{
  g_autoptr (GError) error = NULL;
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      if (m->goals[0] + m->goals[1] == 0)
        continue;
      g_autoptr (DkPlan) plan = dk_plan_create (store, "r1", m->id, FALSE, &dk_test_ctx, &error);
      if (plan == NULL)
        g_error ("plan %s: %s", m->id, error->message);
      guint number = 0;
      for (guint c = 0; c < 2; c++)
        for (guint g = 0; g < m->goals[c]; g++)
          {
            g_autofree char *wish = m->wish ? g_strdup_printf ("Wish %u", g) : NULL;
            if (!dk_plan_add (store, "r1", m->id, competences[c], m->wish ? NULL : "a1", wish, 0, NULL,
                              &dk_test_ctx, &error))
              g_error ("plan add %s: %s", m->id, error->message);
            number++;
            if (g < m->done[c] && !dk_plan_set_status (store, "r1", m->id, number, "done", &dk_test_ctx, &error))
              g_error ("plan done %s: %s", m->id, error->message);
          }
    }
}

static void
store_participation (DkStore *store, const Org *o)
{
  g_autoptr (GError) error = NULL;
  static const char *const activities[] = { "a1", "a2" };
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      for (guint a = 0; a < 2; a++)
        /* attended, not completed: a completed activity would mark goals done */
        {
          g_autofree char *date = g_strdup_printf ("%s-01", months[m->month[a]]);
          if (m->hours[a] > 0 && !dk_participation_record (store, m->id, activities[a], date, m->hours[a],
                                                           "attended", &dk_test_ctx, &error))
            g_error ("participation %s: %s", m->id, error->message);
        }
    }
}

static DkStore *
org_store (const Org *o, char **path)
{
  DkStore *store = dk_test_store ("tests/data/framework/check.xml", path);
  g_autofree char *dir = g_path_get_dirname (*path);
  g_autoptr (GError) error = NULL;
  GString *roster = g_string_new ("person_id,name,unit,role,manager_id,gender\n");
  GString *ratings = g_string_new ("person_id,round,competence,self,manager,motivation,reason,shared,conversation\n");
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      g_string_append_printf (roster, "%s,Person %s,%s,%s,,%s\n", m->id, m->id, m->unit,
                              m->manager ? "manager" : "employee", m->gender);
      for (guint c = 0; c < 2; c++)
        g_string_append_printf (ratings, "%s,r1,%s,%u,,3,,yes,\n", m->id, competences[c], m->level[c]);
    }
  check_import_file (store, dir, "roster.csv", roster->str, NULL);
  g_assert_true (dk_store_round_open (store, "r1", "R1", "check", NULL, &dk_test_ctx, &error));
  check_import_file (store, dir, "ratings.csv", ratings->str, "r1");
  g_string_free (roster, TRUE);
  g_string_free (ratings, TRUE);
  store_catalogue (store, o);
  store_plans (store, o);
  store_participation (store, o);
  return store;
}

/* ---- the checks --------------------------------------------------------------------- */

typedef struct {
  const Org *org;
  guint      k;
  gboolean   verbose;
  DkStore   *store;
  guint      mismatches, disclosures, figures;
} Checker;

static gboolean
under (const char *path, const char *unit)
{
  return unit == NULL || dk_unit_path_under (path, unit);
}

/* Returns TRUE when PATH's parent is UNIT (PATH not UNIT itself). */
static gboolean
has_children (const Org *o, const char *unit)
{
  for (guint i = 0; i < o->units->len; i++)
    if (strcmp (o->units->pdata[i], unit) != 0 && dk_unit_path_under (o->units->pdata[i], unit))
      return TRUE;
  return FALSE;
}

static GHashTable *
set_new (void)
{
  return g_hash_table_new (g_direct_hash, g_direct_equal);
}

static void
set_add (GHashTable *set, guint atom)
{
  g_hash_table_add (set, GUINT_TO_POINTER (atom + 1));
}

/* Reads cell ROW, COL of T: publishes SET in S when it holds a number, and
 * counts a mismatch when that is not TRUTH. */
static void
read_cell (Checker *ck, System *s, const DkTable *t, guint row, const char *col, GHashTable *set, double truth,
           const char *what)
{
  double value = 0;
  int c = dk_table_find_column (t, col);
  g_assert_true (c >= 0);
  DkTableCellState state = dk_table_cell_value (t, row, (guint) c, &value);
  if (state == DK_TABLE_CELL_TEXT)
    value = g_ascii_strtod (dk_table_cell_text (t, row, (guint) c), NULL), state = DK_TABLE_CELL_NUMBER;
  if (state != DK_TABLE_CELL_NUMBER)
    return;
  ck->figures++;
  if (value < truth - 0.01 || value > truth + 0.01)
    {
      ck->mismatches++;
      printf ("MISMATCH (%s): %s shows %g, truth %g\n", ck->org->name, what, value, truth);
    }
  publish (s, set);
}

static const DkTable *
table_named (const DkReport *r, const char *name)
{
  for (guint i = 0; i < dk_report_n_tables (r); i++)
    if (strcmp (dk_table_name (dk_report_table (r, i)), name) == 0)
      return dk_report_table (r, i);
  g_error ("no table %s", name);
}

static int
row_of (const DkTable *t, const char *key)
{
  for (guint row = 0; row < dk_table_n_rows (t); row++)
    if (g_strcmp0 (dk_table_cell_text (t, row, 0), key) == 0)
      return (int) row;
  return -1;
}

/* Whether member M has a need on competence C, and whether an activity
 * open to them covers it. */
static gboolean
has_need (const Member *m, guint c)
{
  static const guint expected[2] = { 3, 2 }, expected_manager[2] = { 3, 3 };
  return m->level[c] < (m->manager ? expected_manager[c] : expected[c]);
}

/* The groups of a unit the count reports tell: for GROUP (a unit path,
 * NULL: the organisation) its members; for DIRECT only those placed in it. */
static gboolean
in_group (const Member *m, const char *group, gboolean direct)
{
  return direct ? g_strcmp0 (m->unit, group) == 0 : under (m->unit, group);
}

/* Returns the coverage report of UNIT (NULL: the organisation). */
static DkReport *
coverage_of (const Checker *ck, const char *unit)
{
  g_autoptr (GError) error = NULL;
  DkReport *r = dk_report_coverage (ck->store, "r1", unit, ck->k, &dk_test_ctx, &error);
  if (r == NULL)
    g_error ("coverage: %s", error->message);
  return r;
}

/* Coverage of competence C: atoms are the members. */
static void
check_coverage (Checker *ck, guint c, DkPlanner *planner)
{
  const Org *o = ck->org;
  g_autofree char *name = g_strdup_printf ("coverage %s", competences[c]);
  System *s = system_new (name, o->members->len);
  g_autofree gboolean *covered = g_new0 (gboolean, o->members->len);
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      covered[i] = dk_planner_covers (planner, competences[c], m->level[c], m->manager ? "manager" : "employee",
                                      m->unit);
    }
  for (int u = -1; u < (int) o->units->len; u++)
    {
      const char *unit = u < 0 ? NULL : o->units->pdata[u];
      g_autoptr (DkReport) r = coverage_of (ck, unit);
      const DkTable *t = table_named (r, "coverage");
      int row = row_of (t, competences[c]);
      g_assert_true (row >= 0);
      for (int direct = 0; direct < 2; direct++)
        {
          if (direct && (unit == NULL || !has_children (o, unit)))
            continue;
          g_autoptr (GHashTable) needs = set_new ();
          g_autoptr (GHashTable) uncovered = set_new ();
          g_autoptr (GHashTable) cov = set_new ();
          for (guint i = 0; i < o->members->len; i++)
            {
              const Member *m = o->members->pdata[i];
              if (!in_group (m, unit, direct) || !has_need (m, c))
                continue;
              set_add (needs, i);
              set_add (covered[i] ? cov : uncovered, i);
            }
          const char *where = unit != NULL ? unit : "the organisation";
          const char *how = direct ? ", placed directly" : "";
          if (!direct)
            {
              g_autofree char *w1 = g_strdup_printf ("%s: people with a need", where);
              g_autofree char *w2 = g_strdup_printf ("%s: not covered", where);
              read_cell (ck, s, t, (guint) row, "people_with_need", needs, g_hash_table_size (needs), w1);
              read_cell (ck, s, t, (guint) row, "not_covered", uncovered, g_hash_table_size (uncovered), w2);
            }
          target (s, needs, g_hash_table_size (needs), ck->k, g_strdup_printf ("%s%s: people with a need", where, how));
          target (s, uncovered, g_hash_table_size (uncovered), ck->k,
                  g_strdup_printf ("%s%s: not covered", where, how));
          target (s, cov, g_hash_table_size (cov), ck->k, g_strdup_printf ("%s%s: covered", where, how));
        }
    }
  ck->disclosures += solve (s, o->name, ck->k);
  system_free (s);
}

/* Goals on competence C: the people with one (atoms: members), and the
 * goals themselves (atoms: member × goal number). */
static void
check_goals (Checker *ck, guint c)
{
  const Org *o = ck->org;
  g_autofree char *pname = g_strdup_printf ("goals %s: people", competences[c]);
  g_autofree char *iname = g_strdup_printf ("goals %s: goals", competences[c]);
  System *people = system_new (pname, o->members->len), *items = system_new (iname, o->members->len * 2);
  for (int u = -1; u < (int) o->units->len; u++)
    {
      const char *unit = u < 0 ? NULL : o->units->pdata[u];
      g_autoptr (GError) error = NULL;
      g_autoptr (DkReport) r = dk_report_goals (ck->store, "r1", unit, ck->k, DK_LANG_EN, &error);
      if (r == NULL)
        g_error ("goals: %s", error->message);
      const DkTable *t = table_named (r, "goals");
      int row = row_of (t, competences[c]);
      for (int direct = 0; direct < 2; direct++)
        {
          if (direct && (unit == NULL || !has_children (o, unit)))
            continue;
          g_autoptr (GHashTable) who = set_new ();
          g_autoptr (GHashTable) all = set_new ();
          g_autoptr (GHashTable) done = set_new ();
          g_autoptr (GHashTable) open = set_new ();
          g_autoptr (GHashTable) done_people = set_new ();
          g_autoptr (GHashTable) open_people = set_new ();
          for (guint i = 0; i < o->members->len; i++)
            {
              const Member *m = o->members->pdata[i];
              if (!in_group (m, unit, direct) || m->goals[c] == 0)
                continue;
              set_add (who, i);
              for (guint g = 0; g < m->goals[c]; g++)
                {
                  set_add (all, i * 2 + g);
                  set_add (g < m->done[c] ? done : open, i * 2 + g);
                  set_add (g < m->done[c] ? done_people : open_people, i);
                }
            }
          const char *where = unit != NULL ? unit : "the organisation";
          const char *how = direct ? ", placed directly" : "";
          if (!direct && row >= 0)
            {
              g_autofree char *w = g_strdup_printf ("%s: goals", where);
              read_cell (ck, people, t, (guint) row, "people", who, g_hash_table_size (who), w);
              read_cell (ck, items, t, (guint) row, "items", all, g_hash_table_size (all), w);
              read_cell (ck, items, t, (guint) row, "done", done, g_hash_table_size (done), w);
            }
          else if (!direct && g_hash_table_size (all) > 0)
            {
              ck->mismatches++;
              printf ("MISMATCH (%s): %s has no row for %s\n", o->name, where, competences[c]);
            }
          target (people, who, g_hash_table_size (who), ck->k, g_strdup_printf ("%s%s: people", where, how));
          /* a group of goals is as small as the people whose goals they are */
          target (items, done, g_hash_table_size (done), ck->k, g_strdup_printf ("%s%s: goals done", where, how));
          target (items, open, g_hash_table_size (open), ck->k, g_strdup_printf ("%s%s: goals not done", where, how));
        }
    }
  ck->disclosures += solve (people, o->name, ck->k) + solve (items, o->name, ck->k);
  system_free (people);
  system_free (items);
}

/* Returns TRUE when member M's plan names "Wish N" on competence C (each
 * plan of wishes names "Wish 0" on a competence it has a goal on, "Wish 1"
 * when it has two). */
static gboolean
names_wish (const Member *m, guint c, guint n)
{
  return m->wish && m->goals[c] > n;
}

/* The wishes of every report of coverage, in one system (atoms: the
 * members, whose one plan names a wish or not): each wish shown for a unit,
 * and its "Other wishes", the plans under it naming a wish it does not
 * show.  Small groups: each wish's plans under a unit or placed directly in
 * it, and each unit's other wishes when they are left out. */
static void
check_wishes (Checker *ck)
{
  const Org *o = ck->org;
  System *s = system_new ("wishes", o->members->len);
  for (int u = -1; u < (int) o->units->len; u++)
    {
      const char *unit = u < 0 ? NULL : o->units->pdata[u];
      const char *where = unit != NULL ? unit : "the organisation";
      g_autoptr (DkReport) r = coverage_of (ck, unit);
      const DkTable *t = table_named (r, "wishes");
      g_autoptr (GHashTable) other = set_new ();
      for (guint c = 0; c < 2; c++)
        for (guint n = 0; n < 2; n++)
          {
            g_autofree char *wish = g_strdup_printf ("Wish %u", n);
            int row = -1;
            for (guint i = 0; i < dk_table_n_rows (t); i++)
              if (g_strcmp0 (dk_table_cell_text (t, i, 0), competences[c]) == 0
                  && g_strcmp0 (dk_table_cell_text (t, i, 1), wish) == 0)
                row = (int) i;
            for (int direct = 0; direct < 2; direct++)
              {
                if (direct && (unit == NULL || !has_children (o, unit)))
                  continue;
                g_autoptr (GHashTable) plans = set_new ();
                for (guint i = 0; i < o->members->len; i++)
                  if (in_group (o->members->pdata[i], unit, direct) && names_wish (o->members->pdata[i], c, n))
                    set_add (plans, i);
                g_autofree char *label = g_strdup_printf ("%s%s: plans naming %s %s", where,
                                                          direct ? ", placed directly" : "", competences[c], wish);
                if (!direct && row >= 0)
                  read_cell (ck, s, t, (guint) row, "plans", plans, g_hash_table_size (plans), label);
                for (guint i = 0; !direct && row < 0 && i < o->members->len; i++)
                  if (in_group (o->members->pdata[i], unit, FALSE) && names_wish (o->members->pdata[i], c, n))
                    set_add (other, i);
                target (s, plans, g_hash_table_size (plans), ck->k, g_strdup (label));
              }
          }
      int row = -1;
      for (guint i = 0; i < dk_table_n_rows (t); i++)
        if (g_strcmp0 (dk_table_cell_text (t, i, 1), "Other wishes") == 0)
          row = (int) i;
      g_autofree char *label = g_strdup_printf ("%s: plans naming other wishes", where);
      if (row >= 0)
        read_cell (ck, s, t, (guint) row, "plans", other, g_hash_table_size (other), label);
      else
        target (s, other, g_hash_table_size (other), ck->k, g_strdup (label));
    }
  ck->disclosures += solve (s, o->name, ck->k);
  system_free (s);
}

/* Returns the department of PATH: its first two levels. */
static char *
department (const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", 3);
  return parts[1] != NULL ? g_strdup_printf ("%s/%s", parts[0], parts[1]) : g_strdup (parts[0]);
}

static gboolean
gender_is (const Member *m, guint g)
{
  return g == 0 ? strcmp (m->gender, "F") == 0 : g == 1 ? strcmp (m->gender, "M") == 0
                                                        : strcmp (m->gender, "F") != 0 && strcmp (m->gender, "M") != 0;
}

/* A period a participation report may be asked for: the months FIRST to
 * LAST (indices in months), or all of them (FROM NULL). */
typedef struct {
  guint first, last;
  char *from, *to;
} Period;

/* Returns every period a report may be asked for (docs/metrics.md): all the
 * participation, and each calendar year and half-year. */
static GArray *
periods_new (void)
{
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (Period));
  Period all = { 0, N_MONTHS - 1, NULL, NULL };
  g_array_append_val (periods, all);
  static const char *const years[] = { "2026", "2027" };
  static const char *const starts[] = { "01-01", "01-01", "07-01" }, *const ends[] = { "12-31", "06-30", "12-31" };
  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
      {
        g_autofree char *first = g_strdup_printf ("%s-%.2s", years[y], starts[i]);
        g_autofree char *last = g_strdup_printf ("%s-%.2s", years[y], ends[i]);
        Period p = { N_MONTHS, 0, g_strdup_printf ("%s-%s", years[y], starts[i]),
                     g_strdup_printf ("%s-%s", years[y], ends[i]) };
        for (guint m = 0; m < N_MONTHS; m++)
          if (strcmp (months[m], first) >= 0 && strcmp (months[m], last) <= 0)
            p.first = MIN (p.first, m), p.last = MAX (p.last, m);
        g_array_append_val (periods, p);
      }
  return periods;
}

static void
periods_free (GArray *periods)
{
  for (guint i = 0; i < periods->len; i++)
    {
      g_free (g_array_index (periods, Period, i).from);
      g_free (g_array_index (periods, Period, i).to);
    }
  g_array_unref (periods);
}

/* The groups the participation report tells, in one period: D a department
 * (−1: everyone), G a gender (−1: any), KIND a kind of activity (−1: any). */
typedef struct {
  GHashTable *who, *pairs;
  double      hours;
  char       *label;
} Group;

static void
group_clear (Group *g)
{
  g_hash_table_unref (g->who);
  g_hash_table_unref (g->pairs);
  g_free (g->label);
}

/* Returns the members of group D, G, KIND who took part in PERIOD, their
 * participations (member × kind) and hours. */
static Group
group_of (const Org *o, const GPtrArray *depts, int d, int g, int kind, const Period *period)
{
  Group gr = { set_new (), set_new (), 0, NULL };
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      g_autofree char *md = department (m->unit);
      if ((d >= 0 && strcmp (md, depts->pdata[d]) != 0) || (g >= 0 && !gender_is (m, (guint) g)))
        continue;
      for (guint a = 0; a < 2; a++)
        if (m->hours[a] > 0 && (kind < 0 || (guint) kind == a) && m->month[a] >= period->first
            && m->month[a] <= period->last)
          set_add (gr.who, i), set_add (gr.pairs, i * 2 + a), gr.hours += m->hours[a];
    }
  gr.label = g_strdup_printf ("%s%s%s, %s – %s", d >= 0 ? (char *) depts->pdata[d] : "everyone",
                              g < 0 ? "" : g == 0 ? ", women" : g == 1 ? ", men" : ", others",
                              kind < 0 ? "" : kind == 0 ? ", course" : ", webinar", period->from ? period->from : "…",
                              period->to ? period->to : "…");
  return gr;
}

/* Reads the figures of group D, G, KIND in the participation report R. */
static void
read_group (Checker *ck, System *people, System *hours, const DkReport *r, const GPtrArray *depts, int d, int g,
            int kind, const Group *gr)
{
  const DkTable *total = table_named (r, "participation"), *by_unit = table_named (r, "by_unit");
  const DkTable *by_kind = table_named (r, "by_kind");
  static const char *const kinds[] = { "Course", "Webinar" };   /* the kinds of make_catalogue, in words */
  guint n = g_hash_table_size (gr->who);
  if (d < 0 && kind < 0)
    {
      static const char *const figures[] = { "of whom women", "of whom men", "of whom other or not given" };
      int row = row_of (total, g < 0 ? "Participants" : figures[g]);
      read_cell (ck, people, total, (guint) row, "actual", gr->who, n, gr->label);
      if (g < 0)
        read_cell (ck, hours, total, (guint) row_of (total, "Hours in total"), "actual", gr->pairs, gr->hours,
                   gr->label);
    }
  else if (g < 0 && (d < 0 || kind < 0))
    {
      const DkTable *t = d >= 0 ? by_unit : by_kind;
      int row = row_of (t, d >= 0 ? (const char *) depts->pdata[d] : kinds[kind]);
      if (row >= 0)
        {
          read_cell (ck, people, t, (guint) row, "participants", gr->who, n, gr->label);
          read_cell (ck, hours, t, (guint) row, "hours", gr->pairs, gr->hours, gr->label);
        }
      else if (n > 0)
        ck->mismatches++, printf ("MISMATCH (%s): no row for %s\n", ck->org->name, gr->label);
    }
}

/* Returns the set of A's members not in B. */
static GHashTable *
set_minus (GHashTable *a, GHashTable *b)
{
  GHashTable *d = set_new ();
  GHashTableIter it;
  gpointer x;
  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &x, NULL))
    if (!g_hash_table_contains (b, x))
      g_hash_table_add (d, x);
  return d;
}

/* Returns how many members the participations PAIRS (member × 2 + kind + 1) are of. */
static guint
pair_people (GHashTable *pairs)
{
  g_autoptr (GHashTable) who = set_new ();
  GHashTableIter it;
  gpointer x;
  g_hash_table_iter_init (&it, pairs);
  while (g_hash_table_iter_next (&it, &x, NULL))
    g_hash_table_add (who, GUINT_TO_POINTER ((GPOINTER_TO_UINT (x) - 1) / 2 + 1));
  return g_hash_table_size (who);
}

/* Participation in every period a report may be asked for: the
 * participants (atoms: members) and their hours (atoms: member × kind, each
 * in one month).  Small groups: each period's groups, and between a period
 * and one within it, the people of a group who took part in the longer and
 * not in the shorter, and the hours of the months the shorter leaves out. */
static void
check_participation (Checker *ck)
{
  const Org *o = ck->org;
  System *people = system_new ("participants", o->members->len);
  System *hours = system_new ("hours", o->members->len * 2);
  g_autoptr (GPtrArray) depts = g_ptr_array_new_with_free_func (g_free);
  for (guint u = 0; u < o->units->len; u++)
    {
      g_autofree char *d = department (o->units->pdata[u]);
      gboolean seen = FALSE;
      for (guint i = 0; i < depts->len; i++)
        seen = seen || strcmp (depts->pdata[i], d) == 0;
      if (!seen)
        g_ptr_array_add (depts, g_steal_pointer (&d));
    }
  GArray *periods = periods_new ();
  guint n_groups = (depts->len + 1) * 4 * 3;
  Group *groups = g_new0 (Group, periods->len * n_groups);
  for (guint pi = 0; pi < periods->len; pi++)
    {
      const Period *period = &g_array_index (periods, Period, pi);
      DkParticipationQuery q = { period->from, period->to, 0, 0, ck->k };
      g_autoptr (GError) error = NULL;
      g_autoptr (DkReport) r = dk_report_participation (ck->store, &q, DK_LANG_EN, &error);
      if (r == NULL)
        g_error ("participation: %s", error->message);
      for (guint gi = 0; gi < n_groups; gi++)
        {
          int d = (int) (gi / 12) - 1, g = (int) (gi / 3 % 4) - 1, kind = (int) (gi % 3) - 1;
          Group *gr = &groups[pi * n_groups + gi];
          *gr = group_of (o, depts, d, g, kind, period);
          read_group (ck, people, hours, r, depts, d, g, kind, gr);
          guint n = g_hash_table_size (gr->who);
          /* the groups the report publishes, and each department's genders */
          if (kind < 0 || (d < 0 && g < 0))
            target (people, gr->who, n, ck->k, g_strdup (gr->label));
          if (g < 0)
            target (hours, gr->pairs, n, ck->k, g_strdup_printf ("the hours of %s", gr->label));
        }
    }
  for (guint p1 = 0; p1 < periods->len; p1++)
    for (guint p2 = 0; p2 < periods->len; p2++)
      {
        const Period *outer = &g_array_index (periods, Period, p1), *inner = &g_array_index (periods, Period, p2);
        if (p1 == p2 || inner->first < outer->first || inner->last > outer->last)
          continue;
        for (guint gi = 0; gi < n_groups; gi++)
          {
            int d = (int) (gi / 12) - 1, g = (int) (gi / 3 % 4) - 1, kind = (int) (gi % 3) - 1;
            const Group *a = &groups[p1 * n_groups + gi], *b = &groups[p2 * n_groups + gi];
            g_autoptr (GHashTable) who = set_minus (a->who, b->who);
            g_autoptr (GHashTable) pairs = set_minus (a->pairs, b->pairs);
            if (kind < 0 || (d < 0 && g < 0))
              target (people, who, g_hash_table_size (who), ck->k,
                      g_strdup_printf ("%s, not in %s – %s", a->label, inner->from, inner->to));
            if (g < 0)
              target (hours, pairs, pair_people (pairs), ck->k,
                      g_strdup_printf ("the hours of %s, not in %s – %s", a->label, inner->from, inner->to));
          }
      }
  for (guint i = 0; i < periods->len * n_groups; i++)
    group_clear (&groups[i]);
  g_free (groups);
  periods_free (periods);
  ck->disclosures += solve (people, o->name, ck->k) + solve (hours, o->name, ck->k);
  system_free (people);
  system_free (hours);
}

static guint
check_org (const Org *o, guint k, gboolean verbose)
{
  g_autofree char *path = NULL;
  Checker ck = { o, k, verbose, org_store (o, &path), 0, 0, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) catalogue = dk_catalogue_load (ck.store, &error);
  g_assert_nonnull (catalogue);
  g_autofree char *today = dk_context_today (&dk_test_ctx);
  DkPlanner *planner = dk_planner_new (catalogue, today);
  for (guint c = 0; c < 2; c++)
    {
      check_coverage (&ck, c, planner);
      check_goals (&ck, c);
    }
  check_wishes (&ck);
  check_participation (&ck);
  dk_planner_free (planner);
  if (verbose)
    printf ("%s, k = %u: %u people, %u figures read, %u disclosed, %u mismatches\n", o->name, k,
            o->members->len, ck.figures, ck.disclosures, ck.mismatches);
  dk_store_close (ck.store);
  check_remove_store (path);
  return ck.disclosures + ck.mismatches;
}

int
main (int argc, char **argv)
{
  gboolean verbose = FALSE;
  int n_random = 30, first_seed = 1;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "print each organisation", NULL },
    { "random", 'n', 0, G_OPTION_ARG_INT, &n_random, "random organisations", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &first_seed, "first seed", "SEED" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) oc = g_option_context_new ("— the count reports' disclosure checker");
  g_option_context_add_main_entries (oc, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (oc, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  dk_test_messages_load ();
  g_autoptr (GPtrArray) orgs = g_ptr_array_new_with_free_func (org_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      Org *o = org_new (fixed[i].name);
      g_autoptr (GRand) rand = g_rand_new_with_seed (i + 1);
      for (const FixedPart *p = fixed[i].parts; p < fixed[i].parts + 5 && p->unit != NULL; p++)
        org_add (o, p->unit, p->n, p->genders, rand);
      g_ptr_array_add (orgs, o);
    }
  for (int s = first_seed; s < first_seed + n_random; s++)
    g_ptr_array_add (orgs, random_org ((guint) s));
  guint failures = 0;
  static const guint ks[] = { 5, 3 };
  for (guint i = 0; i < orgs->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (ks); j++)
      failures += check_org (orgs->pdata[i], ks[j], verbose);
  printf ("count-disclosure: %u organisations, %s\n", orgs->len,
          failures == 0 ? "nothing disclosed" : "DISCLOSURES OR MISMATCHES FOUND");
  return failures == 0 ? 0 : 1;
}
