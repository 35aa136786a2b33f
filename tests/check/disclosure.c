/*
 * disclosure.c — the disclosure checker (`make check-disclosure`): no
 * combination of the group figures digikomp publishes for a round may give
 * a suppressed group's count (shared/DESIGN.md, "Suppression holds against
 * differencing"; docs/security.md, "Disclosure paths").
 *
 * For many small organisations — fixed ones that reproduce the known
 * attacks and random ones from a seed — it builds a store through core's
 * API (a roster, a closed round r1, a roster with joiners and leavers, an
 * open round r2, an erasure), then asks core for every report a user can
 * ask for: dk_report_add_gap_table for each kind × grouping (organisation,
 * units at every depth, role, gender) × scope (all, area, competence) ×
 * unit filter (none, each unit) × round (r1, r2, r2 compared with r1, the
 * panel), and dk_report_summary.  It reads the published numbers back from
 * the tables (dk_table_cell_value).
 *
 * Knowing who is in which group, it turns each published figure into an
 * equation over the round's people: the "People" column is the number of
 * the group's people in a family (with a level, with a motivation answer),
 * and a share is, at the precision shown, a count of them (with a need,
 * rated and had the conversation).  A group with 1 to k−1 people in the
 * family — every suppressed cell, each unit's direct members (also by role
 * and gender), each group's people outside the panel — is disclosed when
 * its indicator vector is a linear combination of the published ones: then
 * the same combination of published counts gives its count.  Any such
 * group is printed with the combination, and the checker fails.
 *
 * The registered people of a group are HR's own roster, not a secret:
 * their count is not checked, the conversations among them are.
 *
 * `make check` runs it (unless DK_DISCLOSURE=0); it is kept out of the
 * sanitizer and valgrind targets, where its tens of thousands of reports
 * would take too long.
 *
 * Usage: disclosure [-v] [-n RANDOM_ORGANISATIONS] [-s FIRST_SEED]
 */
#include "support.h"
#include "check-support.h"
#include "import.h"
#include "person-data.h"
#include "report.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- sets of people ----------------------------------------------------------------- */

#define MAX_PEOPLE 128

typedef struct {
  guint64 w[MAX_PEOPLE / 64];
} Bits;

static void bits_set (Bits *b, guint i) { b->w[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64); }
static gboolean bits_has (const Bits *b, guint i) { return (b->w[i / 64] >> (i % 64)) & 1; }

static guint
bits_count (const Bits *b)
{
  guint n = 0;
  for (guint i = 0; i < G_N_ELEMENTS (b->w); i++)
    n += (guint) __builtin_popcountll (b->w[i]);
  return n;
}

static Bits
bits_and (Bits a, const Bits *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (a.w); i++)
    a.w[i] &= b->w[i];
  return a;
}

static Bits
bits_minus (Bits a, const Bits *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (a.w); i++)
    a.w[i] &= ~b->w[i];
  return a;
}

static guint
bits_hash (gconstpointer p)
{
  const Bits *b = p;
  guint64 h = 1469598103934665603ull;
  for (guint i = 0; i < G_N_ELEMENTS (b->w); i++)
    h = (h ^ b->w[i]) * 1099511628211ull;
  return (guint) (h ^ (h >> 32));
}

static gboolean bits_equal (gconstpointer a, gconstpointer b) { return memcmp (a, b, sizeof (Bits)) == 0; }

/* ---- ground truth ----------------------------------------------------------------------- */

/* The families of people a "People" column counts, and what a share beside
 * it counts among them. */
typedef enum { FAM_LEVEL, FAM_MOTIVATION, FAM_REGISTERED, N_FAMILIES } Family;
typedef enum { COUNT_PEOPLE, COUNT_DERIVED, N_COUNTS } Count;
static const char *family_names[] = { "people with a level", "people with a motivation answer",
                                      "registered people" };
static const char *derived_names[] = { "people with a need", NULL, "rated and had the conversation" };

enum { IN_LEVEL = 1, IN_NEED = 2, IN_MOTIVATION = 4, IN_REGISTERED = 8, IN_CONVERSATION = 16 };

typedef struct {
  gint64      id;
  char       *unit;        /* the unit's path */
  char       *role;
  const char *gender;      /* "F", "M", "X", "" */
} Person;

typedef struct {
  DkRound    *round;
  GPtrArray  *people;      /* Person*, by store id */
  GHashTable *flags;       /* scope key → guint[people] (IN_*) */
  Bits        panel;       /* in both rounds */
} Truth;

static void
person_free (Person *p)
{
  g_free (p->unit);
  g_free (p->role);
  g_free (p);
}

/* Returns the members of FAMILY in SCOPE (a bit per person of T). */
static Bits
family_bits (const Truth *t, const char *scope, Family family, Count count)
{
  static const guint base[] = { IN_LEVEL, IN_MOTIVATION, IN_REGISTERED };
  static const guint derived[] = { IN_NEED, 0, IN_CONVERSATION };
  guint want = count == COUNT_PEOPLE ? base[family] : derived[family];
  Bits b = { { 0 } };
  const guint *f = g_hash_table_lookup (t->flags, scope);
  g_assert_nonnull (f);
  for (guint i = 0; i < t->people->len; i++)
    if (f[i] & want)
      bits_set (&b, i);
  return b;
}

typedef struct {
  Truth             *truth;
  const DkFramework *fw;
  GHashTable        *units;   /* id → path */
  DkScopeBy          scope_by;
} TruthScan;

static guint *
scope_flags (Truth *t, const char *key)
{
  guint *f = g_hash_table_lookup (t->flags, key);
  if (f == NULL)
    {
      f = g_new0 (guint, MAX_PEOPLE);
      g_hash_table_insert (t->flags, g_strdup (key), f);
    }
  return f;
}

/* One person's counters, as the gap engine counts them (one assessment,
 * dk_gap_compute_people), become their flags per scope. */
static gboolean
truth_row (const DkScanRow *row, gpointer user_data)
{
  TruthScan *ts = user_data;
  Truth *t = ts->truth;
  guint i;
  for (i = 0; i < t->people->len; i++)
    if (((Person *) t->people->pdata[i])->id == row->person_id)
      break;
  if (i == t->people->len)
    {
      g_assert (i < MAX_PEOPLE);
      Person *p = g_new0 (Person, 1);
      p->id = row->person_id;
      p->unit = g_strdup (g_hash_table_lookup (ts->units, &row->unit_id));
      p->role = g_strdup (dk_framework_role (ts->fw, row->role)->id);
      p->gender = dk_gender_code (row->gender < DK_N_GENDERS ? row->gender : DK_GENDER_NONE);
      g_ptr_array_add (t->people, p);
    }
  g_autoptr (DkAssessment) a = g_new0 (DkAssessment, 1);
  a->person_id = row->person_id;
  a->unit_id = row->unit_id;
  a->role = row->role;
  a->gender = row->gender;
  a->flags = row->flags;
  a->n = row->n;
  memcpy (a->self, row->self, row->n);
  memcpy (a->manager, row->manager, row->n);
  memcpy (a->motivation, row->motivation, row->n);
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_ptr_array_add (one, a);
  g_autoptr (DkGap) gap = dk_gap_compute_people (ts->fw, one, ts->scope_by);
  for (guint s = 0; s < dk_gap_n_scopes (gap); s++)
    {
      const DkGapCell *c = dk_gap_cell (gap, 0, s);
      if (c->people == 0)
        continue;
      guint *f = scope_flags (t, dk_gap_scope_key (gap, s));
      f[i] = IN_REGISTERED | (c->people_level ? IN_LEVEL : 0) | (c->people_need ? IN_NEED : 0)
             | (c->people_motivation ? IN_MOTIVATION : 0) | (c->people_conversation ? IN_CONVERSATION : 0);
    }
  return TRUE;
}

static void
truth_load (Truth *t, DkStore *store, const char *code, GHashTable *units)
{
  g_autoptr (GError) error = NULL;
  t->round = dk_store_round (store, code, &error);
  g_assert_no_error (error);
  t->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  t->flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (DkFramework) fw = dk_store_round_framework (store, t->round, &error);
  g_assert_no_error (error);
  for (DkScopeBy s = DK_SCOPE_ALL; s <= DK_SCOPE_COMPETENCE; s++)
    {
      TruthScan ts = { t, fw, units, s };
      g_assert_true (dk_store_round_scan (store, t->round->id, DK_SCAN_ALL, truth_row, &ts, &error));
    }
}

static void
truth_clear (Truth *t)
{
  dk_round_free (t->round);
  g_ptr_array_unref (t->people);
  g_hash_table_unref (t->flags);
}

/* ---- the organisations ------------------------------------------------------------------ */

typedef struct {
  char        id[16];
  char       *unit;
  const char *role, *gender;
  gboolean    in_r1, in_r2, erase;
} Member;

typedef struct {
  char      *name;
  guint      seed;
  GPtrArray *members;   /* Member* */
  gboolean   all_answer;
} Org;

static void
member_free (Member *m)
{
  g_free (m->unit);
  g_free (m);
}

static Org *
org_new (const char *name, guint seed)
{
  Org *o = g_new0 (Org, 1);
  o->name = g_strdup (name);
  o->seed = seed;
  o->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  return o;
}

static void
org_free (Org *o)
{
  g_free (o->name);
  g_ptr_array_unref (o->members);
  g_free (o);
}

/* Adds N people to UNIT; GENDERS and ROLES ("FMX-", "esm") give each one's
 * gender and role in turn, the last letter repeating. */
static Member *
org_add (Org *o, const char *unit, guint n, const char *genders, const char *roles)
{
  Member *m = NULL;
  for (guint i = 0; i < n; i++)
    {
      m = g_new0 (Member, 1);
      g_snprintf (m->id, sizeof m->id, "p%u", o->members->len + 1);
      m->unit = g_strdup (unit);
      char g = genders[MIN (i, strlen (genders) - 1)], r = roles[MIN (i, strlen (roles) - 1)];
      m->gender = g == 'F' ? "F" : g == 'M' ? "M" : g == 'X' ? "X" : "";
      m->role = r == 'm' ? "manager" : r == 's' ? "specialist" : "employee";
      m->in_r1 = m->in_r2 = TRUE;
      g_ptr_array_add (o->members, m);
    }
  return m;
}

/* The organisations of the known attacks (issue 16): one line per group
 * of people in a unit — how many, their genders and roles as org_add takes
 * them, and 'j' for joiners in r2, 'e' for people erased after r2. */
typedef struct {
  const char *unit;
  guint       n;
  const char *genders, *roles;
  char        fate;
} FixedPart;

static const struct {
  const char *name;
  FixedPart   parts[5];
} fixed[] = {
  { "Kulturförvaltningen: one person placed directly, gender X in Musik",
    { { "Kulturförvaltningen", 1, "M", "m", 0 },
      { "Kulturförvaltningen/Kulturskolan/Musik", 7, "FMFMFMX", "me", 0 },
      { "Kulturförvaltningen/Kulturskolan/Dans", 5, "FFMMF", "me", 0 },
      { "Kulturförvaltningen/Stadsbiblioteket", 8, "FMFFMMFM", "mse", 0 } } },
  { "three units of 5, 5 and 2",
    { { "Org/A", 5, "FMFMF", "me", 0 }, { "Org/B", 5, "MFMFM", "me", 0 }, { "Org/C", 2, "FM", "me", 0 } } },
  { "one small unit",
    { { "Org/A", 8, "FM", "mse", 0 }, { "Org/B", 7, "MF", "me", 0 }, { "Org/C", 3, "F", "e", 0 } } },
  { "two small units",
    { { "Org/A", 8, "FM", "me", 0 }, { "Org/B", 2, "F", "e", 0 }, { "Org/C", 3, "M", "e", 0 },
      { "Org/D", 6, "FFMMFM", "mse", 0 } } },
  { "a rare gender in a unit", { { "Org/A", 6, "FFFMMX", "me", 0 }, { "Org/B", 6, "MMMFF-", "me", 0 } } },
  { "a joiner between the rounds",
    { { "Org/A", 6, "FM", "me", 0 }, { "Org/B", 6, "MF", "me", 0 }, { "Org/A", 1, "F", "e", 'j' } } },
  { "an erased person",
    { { "Org/A", 6, "FM", "me", 0 }, { "Org/B", 6, "MF", "me", 0 }, { "Org/B", 1, "F", "e", 'e' } } },
  { "several roles",
    { { "Org/A", 7, "FMFMFMF", "mssseee", 0 }, { "Org/B", 6, "MFMFMF", "mse", 0 },
      { "Org/C", 5, "FFMMX", "mmsee", 0 } } },
};

static GPtrArray *
fixed_orgs (void)
{
  GPtrArray *orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) org_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      Org *o = org_new (fixed[i].name, 0);
      o->all_answer = TRUE;
      for (const FixedPart *p = fixed[i].parts; p < fixed[i].parts + 5 && p->unit != NULL; p++)
        {
          guint first = o->members->len;
          org_add (o, p->unit, p->n, p->genders, p->roles);
          for (guint m = first; m < o->members->len; m++)
            {
              ((Member *) o->members->pdata[m])->in_r1 = p->fate != 'j';
              ((Member *) o->members->pdata[m])->erase = p->fate == 'e';
            }
        }
      g_ptr_array_add (orgs, o);
    }
  return orgs;
}

/* A random organisation: a top unit, one to three units under it, some
 * with sub-units, some people placed directly in parents; mostly women
 * and men, now and then X or no gender given; joiners, leavers and an
 * erasure now and then. */
static Org *
random_org (guint seed)
{
  g_autofree char *name = g_strdup_printf ("random organisation, seed %u", seed);
  Org *o = org_new (name, seed);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  static const char genders[] = "FFFFFFFFFMMMMMMMMMX-";
  org_add (o, "Org", (guint) g_rand_int_range (rand, 0, 3), "F", "m");
  guint n_units = (guint) g_rand_int_range (rand, 1, 4);
  for (guint u = 0; u < n_units; u++)
    {
      g_autofree char *unit = g_strdup_printf ("Org/U%u", u + 1);
      guint n_sub = (guint) g_rand_int_range (rand, 0, 3);
      guint n_direct = (guint) g_rand_int_range (rand, n_sub > 0 ? 0 : 1, n_sub > 0 ? 3 : 9);
      for (guint s = 0; s <= n_sub; s++)
        {
          g_autofree char *path = s == 0 ? g_strdup (unit) : g_strdup_printf ("%s/V%u", unit, s);
          guint n = s == 0 ? n_direct : (guint) g_rand_int_range (rand, 1, 9);
          for (guint i = 0; i < n; i++)
            {
              char g[2] = { genders[g_rand_int_range (rand, 0, sizeof genders - 1)], 0 };
              int r = g_rand_int_range (rand, 0, 100);
              Member *m = org_add (o, path, 1, g, i == 0 && r < 40 ? "m" : r < 20 ? "s" : "e");
              int fate = g_rand_int_range (rand, 0, 100);
              m->in_r1 = fate >= 8;           /* a joiner */
              m->in_r2 = fate < 8 || fate >= 13;   /* else a leaver */
              m->erase = fate >= 13 && fate < 17;
            }
        }
    }
  return o;
}

static const char *const competences[] = { "1.1", "1.2", "2.1", "3.1" };

static gboolean
applies (const char *role, guint c)
{
  return c < 2 || (c == 2 && strcmp (role, "manager") == 0)
         || (c == 3 && strcmp (role, "employee") != 0);
}

static char *
roster_csv (const Org *o, gboolean r2)
{
  GString *s = g_string_new ("person_id,name,unit,role,manager_id,gender\n");
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      if (r2 ? m->in_r2 : m->in_r1)
        g_string_append_printf (s, "%s,Person %s,%s,%s,,%s\n", m->id, m->id, m->unit, m->role, m->gender);
    }
  return g_string_free (s, FALSE);
}

/* Ratings: with ALL_ANSWER everyone shares a self level on every
 * competence; else now and then none, "don't know", unshared, a manager's
 * level (on a shared rating, with a reason), no motivation. */
static char *
ratings_csv (const Org *o, gboolean r2, GRand *rand)
{
  const char *round = r2 ? "r2" : "r1";
  GString *s = g_string_new ("person_id,round,competence,self,manager,motivation,reason,shared,conversation\n");
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      if (!(r2 ? m->in_r2 : m->in_r1) || (!o->all_answer && g_rand_int_range (rand, 0, 10) == 0))
        continue;
      gboolean shared = o->all_answer || g_rand_int_range (rand, 0, 100) < 85;
      gboolean talked = g_rand_boolean (rand);
      for (guint c = 0; c < G_N_ELEMENTS (competences); c++)
        {
          if (!applies (m->role, c))
            continue;
          int r = g_rand_int_range (rand, 0, 100);
          char self[4] = "", manager[4] = "", motivation[4] = "";
          if (o->all_answer || r >= 20)
            g_snprintf (self, sizeof self, "%d", g_rand_int_range (rand, 1, 6));
          else if (r >= 10)
            strcpy (self, "?");
          if (!o->all_answer && shared && g_rand_int_range (rand, 0, 5) == 0)
            g_snprintf (manager, sizeof manager, "%d", g_rand_int_range (rand, 1, 6));
          if (o->all_answer || g_rand_int_range (rand, 0, 10) < 7)
            g_snprintf (motivation, sizeof motivation, "%d", g_rand_int_range (rand, 1, 6));
          g_string_append_printf (s, "%s,%s,%s,%s,%s,%s,%s,%s,%s\n", m->id, round, competences[c], self, manager,
                                  motivation, *manager ? "Seen at work" : "", shared ? "yes" : "no",
                                  shared && talked ? "2026-03-01" : "");
        }
    }
  return g_string_free (s, FALSE);
}

/* Builds O's store: roster, round r1 rated and closed, the second roster,
 * round r2 rated, then the erasures. */
static DkStore *
org_store (const Org *o, char **path)
{
  DkStore *store = dk_test_store ("tests/data/framework/check.xml", path);
  g_autofree char *dir = g_path_get_dirname (*path);
  g_autoptr (GRand) rand = g_rand_new_with_seed (o->seed + 7919);
  g_autoptr (GError) error = NULL;
  g_autofree char *roster1 = roster_csv (o, FALSE), *roster2 = roster_csv (o, TRUE);
  g_autofree char *ratings1 = ratings_csv (o, FALSE, rand), *ratings2 = ratings_csv (o, TRUE, rand);
  check_import_file (store, dir, "roster1.csv", roster1, NULL);
  g_assert_true (dk_store_round_open (store, "r1", "R1", "check", NULL, &dk_test_ctx, &error));
  check_import_file (store, dir, "ratings1.csv", ratings1, "r1");
  g_assert_true (dk_store_round_close (store, "r1", &dk_test_ctx, &error));
  check_import_file (store, dir, "roster2.csv", roster2, NULL);
  g_assert_true (dk_store_round_open (store, "r2", "R2", "check", NULL, &dk_test_ctx, &error));
  check_import_file (store, dir, "ratings2.csv", ratings2, "r2");
  for (guint i = 0; i < o->members->len; i++)
    {
      const Member *m = o->members->pdata[i];
      DkEraseSummary summary;
      if (m->erase && !dk_person_erase (store, m->id, FALSE, 0, &summary, &dk_test_ctx, &error))
        g_error ("erase %s: %s", m->id, error->message);
    }
  return store;
}

/* ---- the equations ---------------------------------------------------------------------- */

/* The published vectors and the groups to check of one round, scope and
 * family. */
typedef struct {
  guint       round;     /* 0: r1, 1: r2 */
  char       *scope;
  Family      family;
  GHashTable *published[N_COUNTS];   /* Bits* → label */
  GHashTable *targets;               /* Bits* → label */
} System;

static void
system_free (System *s)
{
  g_free (s->scope);
  for (guint c = 0; c < N_COUNTS; c++)
    g_hash_table_unref (s->published[c]);
  g_hash_table_unref (s->targets);
  g_free (s);
}

typedef struct {
  const Org  *org;
  guint       k;
  gboolean    verbose;
  DkStore    *store;
  DkFramework *fw;
  GPtrArray  *units;       /* DkUnit* */
  Truth       truth[2];
  GHashTable *systems;     /* "round|scope|family" → System* */
  guint       tables, cells, mismatches, disclosures;
} Checker;

static System *
system_of (Checker *ck, guint round, const char *scope, Family family)
{
  g_autofree char *key = g_strdup_printf ("%u|%s|%u", round, scope, family);
  System *s = g_hash_table_lookup (ck->systems, key);
  if (s == NULL)
    {
      s = g_new0 (System, 1);
      s->round = round;
      s->scope = g_strdup (scope);
      s->family = family;
      for (guint c = 0; c < N_COUNTS; c++)
        s->published[c] = g_hash_table_new_full (bits_hash, bits_equal, g_free, g_free);
      s->targets = g_hash_table_new_full (bits_hash, bits_equal, g_free, g_free);
      g_hash_table_insert (ck->systems, g_steal_pointer (&key), s);
    }
  return s;
}

static void
put (GHashTable *set, const Bits *b, const char *label)
{
  if (bits_count (b) > 0 && !g_hash_table_contains (set, b))
    g_hash_table_insert (set, g_memdup2 (b, sizeof *b), g_strdup (label));
}

static void
publish (Checker *ck, guint round, const char *scope, Family family, Count count, const Bits *b,
         const char *label)
{
  put (system_of (ck, round, scope, family)->published[count], b, label);
}

/* Adds B as a group to check when it has 1 to k−1 people. */
static void
target (Checker *ck, guint round, const char *scope, Family family, const Bits *b, const char *label)
{
  guint n = bits_count (b);
  if (n > 0 && n < ck->k)
    put (system_of (ck, round, scope, family)->targets, b, label);
}

/* The people of round R in the group KEY of GROUP_BY, under UNIT (or
 * anywhere), in the panel when PANEL. */
static Bits
members (const Checker *ck, guint r, DkGroupBy group_by, const char *key, const char *unit, gboolean panel)
{
  const Truth *t = &ck->truth[r];
  Bits b = { { 0 } };
  for (guint i = 0; i < t->people->len; i++)
    {
      const Person *p = t->people->pdata[i];
      if ((unit != NULL && !dk_unit_path_under (p->unit, unit)) || (panel && !bits_has (&t->panel, i)))
        continue;
      gboolean in = TRUE;
      switch (group_by)
        {
        case DK_GROUP_ORGANISATION: break;
        case DK_GROUP_UNIT:   in = dk_unit_path_under (p->unit, key); break;
        case DK_GROUP_ROLE:   in = strcmp (p->role, key) == 0; break;
        case DK_GROUP_GENDER: in = strcmp (p->gender, key) == 0; break;
        case DK_GROUP_CLASS:  g_assert_not_reached ();   /* no report groups by it */
        }
      if (in)
        bits_set (&b, i);
    }
  return b;
}

static const char *
gender_of_title (const char *title)
{
  static const char *const map[][2] = { { "Women", "F" }, { "Men", "M" }, { "Other", "X" }, { "Not given", "" } };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i][0], title) == 0)
      return map[i][1];
  g_error ("unknown gender title '%s'", title);
}

static const char *
role_of_title (const Checker *ck, const char *title)
{
  for (guint r = 0; r < dk_framework_n_roles (ck->fw); r++)
    if (strcmp (dk_role_title (dk_framework_role (ck->fw, r), DK_LANG_EN), title) == 0)
      return dk_framework_role (ck->fw, r)->id;
  g_error ("unknown role title '%s'", title);
}

/* Returns whether a share VALUE of N people, shown at the precision of the
 * machine formats (DESIGN.md: 0.385 in JSON, 38.5 in CSV), gives the count
 * of people it is a share of: one count only rounds to it.  The tables
 * hold the exact fraction; what is published is the rounded one. */
static gboolean
count_recoverable (double value, guint n, guint truth)
{
  double shown = round (value * 1000.0);
  guint candidates = 0;
  for (guint c = 0; c <= n; c++)
    candidates += round ((double) c / n * 1000.0) == shown;
  return candidates == 1 && round ((double) truth / n * 1000.0) == shown;
}

typedef struct {
  const char *name;      /* the table's name: its first metric's key */
  Family      family;
  gboolean    derived;   /* the first metric is a share of people of the family */
} TableKind;

static const TableKind table_kinds[] = {
  { "share_with_needs", FAM_LEVEL, TRUE },
  { "average", FAM_LEVEL, FALSE },
  { "high_motivation", FAM_MOTIVATION, FALSE },
  { "response_rate", FAM_REGISTERED, FALSE },
  { "conversation_rate", FAM_REGISTERED, TRUE },
};

/* A share cell of group G in round R: published, it gives the derived
 * count; suppressed, G is a group to check. */
static void
share_cell (Checker *ck, const DkTable *t, guint row, int col, guint r, const char *scope, Family family,
            gboolean derived, const Bits *g, const char *label, gboolean recovered)
{
  if (col < 0)
    return;
  double v = 0;
  DkTableCellState st = dk_table_cell_value (t, row, (guint) col, &v);
  Bits fam = family_bits (&ck->truth[r], scope, family, COUNT_PEOPLE);
  Bits in = bits_and (*g, &fam);
  if (st == DK_TABLE_CELL_SUPPRESSED && !recovered)
    target (ck, r, scope, family, &in, label);
  if (!derived || (st != DK_TABLE_CELL_NUMBER && !recovered))
    return;
  Bits d = family_bits (&ck->truth[r], scope, family, COUNT_DERIVED);
  Bits have = bits_and (in, &d);
  if (recovered || count_recoverable (v, bits_count (&in), bits_count (&have)))
    publish (ck, r, scope, family, COUNT_DERIVED, &in, label);
}

/* Reads a table of dk_report_add_gap_table (or the summary's like it) for
 * round R (compared with round R − 1 when COMPARED) under UNIT, PANEL. */
static void
read_gap_table (Checker *ck, const DkTable *t, guint r, gboolean compared, const char *unit, gboolean panel,
                const char *what)
{
  const TableKind *kind = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (table_kinds); i++)
    if (strcmp (dk_table_name (t), table_kinds[i].name) == 0)
      kind = &table_kinds[i];
  if (kind == NULL)
    return;
  ck->tables++;
  DkGroupBy by = DK_GROUP_ORGANISATION;
  int gcol = -1, scol = -1;
  if ((gcol = dk_table_find_column (t, "unit")) >= 0)
    by = DK_GROUP_UNIT;
  else if ((gcol = dk_table_find_column (t, "role")) >= 0)
    by = DK_GROUP_ROLE;
  else if ((gcol = dk_table_find_column (t, "gender")) >= 0)
    by = DK_GROUP_GENDER;
  if ((scol = dk_table_find_column (t, "area")) < 0)
    scol = dk_table_find_column (t, "competence");
  int people = dk_table_find_column (t, "people"), now = dk_table_find_column (t, kind->name);
  g_autofree char *before_key = g_strdup_printf ("%s_%s", kind->name, ck->truth[0].round->code);
  g_autofree char *change_key = g_strdup_printf ("%s_change", kind->name);
  int before = compared ? dk_table_find_column (t, before_key) : -1;
  int change = compared ? dk_table_find_column (t, change_key) : -1;
  g_assert_true (people >= 0 && now >= 0);
  for (guint row = 0; row < dk_table_n_rows (t); row++)
    {
      ck->cells++;
      const char *text = gcol >= 0 ? dk_table_cell_text (t, row, (guint) gcol) : "";
      const char *key = by == DK_GROUP_ROLE ? role_of_title (ck, text)
                        : by == DK_GROUP_GENDER ? gender_of_title (text) : text;
      const char *scope = scol >= 0 ? dk_table_cell_text (t, row, (guint) scol) : "";
      g_autofree char *label = g_strdup_printf ("%s, row %s%s%s", what, *text ? text : "organisation",
                                                *scope ? " × " : "", scope);
      Bits g = members (ck, r, by, key, unit, panel);
      Bits fam = family_bits (&ck->truth[r], scope, kind->family, COUNT_PEOPLE);
      Bits in = bits_and (g, &fam);
      double v = 0;
      DkTableCellState st = dk_table_cell_value (t, row, (guint) people, &v);
      if (st == DK_TABLE_CELL_NUMBER)
        {
          if ((guint) v != bits_count (&in))
            {
              ck->mismatches++;
              fprintf (stderr, "checker's model differs: %s: People %g, the checker counts %u\n", label, v,
                       bits_count (&in));
            }
          publish (ck, r, scope, kind->family, COUNT_PEOPLE, &in, label);
        }
      else if (st == DK_TABLE_CELL_SUPPRESSED)
        target (ck, r, scope, kind->family, &in, label);
      /* a change beside one suppressed round gives that round's figure */
      double ignored;
      gboolean delta = change >= 0 && dk_table_cell_value (t, row, (guint) change, &ignored) == DK_TABLE_CELL_NUMBER;
      gboolean now_hidden = dk_table_cell_value (t, row, (guint) now, NULL) != DK_TABLE_CELL_NUMBER;
      gboolean before_hidden = before >= 0 && dk_table_cell_value (t, row, (guint) before, NULL) != DK_TABLE_CELL_NUMBER;
      share_cell (ck, t, row, now, r, scope, kind->family, kind->derived, &g, label,
                  delta && now_hidden && !before_hidden);
      if (before >= 0)
        {
          g_autofree char *was = g_strdup_printf ("%s (%s)", label, ck->truth[0].round->code);
          Bits g0 = members (ck, 0, by, key, unit, panel);
          if (g_hash_table_contains (ck->truth[0].flags, scope))
            share_cell (ck, t, row, before, 0, scope, kind->family, kind->derived, &g0, was,
                        delta && before_hidden && !now_hidden);
        }
    }
}

/* The summary's headline: shares of the whole organisation. */
static void
read_headline (Checker *ck, const DkTable *t, guint r, gboolean compared, const char *what)
{
  int cols[2] = { compared ? dk_table_find_column (t, "previous") : -1, dk_table_find_column (t, "current") };
  guint rounds[2] = { 0, r };
  for (guint row = 0; row < dk_table_n_rows (t); row++)
    {
      const char *figure = dk_table_cell_text (t, row, 0);
      Family family;
      const char *scope = "";
      if (strcmp (figure, "Share of employees with needs") == 0)
        family = FAM_LEVEL;
      else if (g_str_has_prefix (figure, "Share with needs, area "))
        {
          family = FAM_LEVEL;
          scope = figure + strlen ("Share with needs, area ");
        }
      else if (strcmp (figure, "Rated and had the conversation") == 0)
        family = FAM_REGISTERED;
      else
        continue;
      for (guint i = 0; i < 2; i++)
        {
          if (cols[i] < 0 || !g_hash_table_contains (ck->truth[rounds[i]].flags, scope))
            continue;
          g_autofree char *label = g_strdup_printf ("%s, %s (%s)", what, figure, ck->truth[rounds[i]].round->code);
          Bits g = members (ck, rounds[i], DK_GROUP_ORGANISATION, "", NULL, FALSE);
          share_cell (ck, t, row, cols[i], rounds[i], scope, family, TRUE, &g, label, FALSE);
        }
    }
}

static void
read_report (Checker *ck, const DkReport *report, guint r, gboolean compared, const char *unit, gboolean panel,
             const char *what)
{
  for (guint i = 0; i < dk_report_n_tables (report); i++)
    {
      const DkTable *t = dk_report_table (report, i);
      if (strcmp (dk_table_name (t), "headline") == 0)
        read_headline (ck, t, r, compared, what);
      else
        read_gap_table (ck, t, r, compared, unit, panel, what);
    }
}

static const char *kind_names[] = { "needs", "average", "motivation", "response", "conversations" };
static const char *by_names[] = { "organisation", "unit", "role", "gender" };
static const char *scope_names[] = { "all", "area", "competence" };

/* Asks core for every report a user can ask for, and reads them. */
static void
publish_all (Checker *ck)
{
  guint max_depth = 0;
  for (guint i = 0; i < ck->units->len; i++)
    max_depth = MAX (max_depth, ((DkUnit *) ck->units->pdata[i])->depth);
  /* r1 alone, r2 alone, r2 compared with r1, and the panel of both */
  static const struct { guint round; gboolean compared, panel; const char *name; } asks[] = {
    { 0, FALSE, FALSE, "r1" }, { 1, FALSE, FALSE, "r2" },
    { 1, TRUE, FALSE, "r2 --compare r1" }, { 1, TRUE, TRUE, "r2 --compare r1 --panel" },
  };
  for (guint a = 0; a < G_N_ELEMENTS (asks); a++)
    {
      const DkRound *round = ck->truth[asks[a].round].round;
      const DkRound *previous = asks[a].compared ? ck->truth[0].round : NULL;
      for (DkReportKind kind = DK_REPORT_NEEDS; kind <= DK_REPORT_CONVERSATIONS; kind++)
        for (DkGroupBy by = DK_GROUP_ORGANISATION; by <= DK_GROUP_GENDER; by++)
          for (int u = -1; u < (int) ck->units->len; u++)
            /* depths from 1 to one less than the deepest unit under the
             * filter's: the deepest shows as much as 0 (every level) */
            for (guint depth = 0, root = u >= 0 ? ((DkUnit *) ck->units->pdata[u])->depth : 1;
                 depth <= (by == DK_GROUP_UNIT ? max_depth - root : 0); depth++)
              for (DkScopeBy scope = DK_SCOPE_ALL; scope <= DK_SCOPE_COMPETENCE; scope++)
                {
                  const char *unit = u >= 0 ? ((DkUnit *) ck->units->pdata[u])->path : NULL;
                  DkReportQuery q = { kind, by, scope, depth, unit, ck->k, asks[a].panel, DK_LANG_EN, NULL };
                  g_autoptr (DkReport) report = dk_report_new ("check", DK_LANG_EN);
                  g_autoptr (GError) error = NULL;
                  if (!dk_report_add_gap_table (report, ck->store, round, previous, &q, &error))
                    g_error ("report: %s", error->message);
                  g_autofree char *depth_opt = depth > 0 ? g_strdup_printf (" --depth %u", depth) : g_strdup ("");
                  g_autofree char *what = g_strdup_printf (
                      "report %s %s --by %s%s --scope %s%s%s", kind_names[kind], asks[a].name, by_names[by],
                      depth_opt, scope_names[scope], unit ? " --unit " : "", unit ? unit : "");
                  read_report (ck, report, asks[a].round, asks[a].compared, unit, asks[a].panel, what);
                }
      if (asks[a].panel)
        continue;
      g_autoptr (GError) error = NULL;
      g_autoptr (DkReport) summary = dk_report_summary (ck->store, round, previous, ck->k, NULL, DK_LANG_EN, &error);
      if (summary == NULL)
        g_error ("summary: %s", error->message);
      g_autofree char *what = g_strdup_printf ("report summary %s", asks[a].name);
      read_report (ck, summary, asks[a].round, asks[a].compared, NULL, FALSE, what);
    }
}

/* Groups that no table shows as a row but whose count a reader could want:
 * each unit's direct members (also by role and by gender), and each group's
 * people outside the panel (joiners, leavers, the erased). */
static void
add_part_targets (Checker *ck)
{
  for (guint r = 0; r < 2; r++)
    {
      const Truth *t = &ck->truth[r];
      GHashTableIter it;
      gpointer scope;
      g_hash_table_iter_init (&it, t->flags);
      while (g_hash_table_iter_next (&it, &scope, NULL))
        for (Family f = 0; f < N_FAMILIES; f++)
          {
            Bits fam = family_bits (t, scope, f, COUNT_PEOPLE);
            for (int u = -1; u < (int) ck->units->len; u++)
              {
                const char *unit = u >= 0 ? ((DkUnit *) ck->units->pdata[u])->path : NULL;
                for (DkGroupBy by = DK_GROUP_ORGANISATION; by <= DK_GROUP_GENDER; by++)
                  {
                    guint n_keys = by == DK_GROUP_ROLE ? dk_framework_n_roles (ck->fw)
                                   : by == DK_GROUP_GENDER ? DK_N_GENDERS : 1;
                    if (by == DK_GROUP_UNIT)
                      continue;
                    for (guint k = 0; k < n_keys; k++)
                      {
                        const char *key = by == DK_GROUP_ROLE ? dk_framework_role (ck->fw, k)->id
                                          : by == DK_GROUP_GENDER ? dk_gender_code ((DkGender) k) : "";
                        Bits g = members (ck, r, by, key, unit, FALSE);
                        Bits out = bits_minus (bits_and (g, &fam), &t->panel);
                        g_autofree char *label = g_strdup_printf (
                            "%s%s%s%s outside the panel, round %s", unit ? unit : "organisation",
                            *key || by != DK_GROUP_ORGANISATION ? " × " : "", by == DK_GROUP_GENDER && !*key ? "no gender" : key,
                            "", t->round->code);
                        target (ck, r, scope, f, &out, label);
                        if (unit == NULL)
                          continue;
                        /* the direct members: in UNIT but in none of its sub-units */
                        Bits direct = { { 0 } };
                        for (guint i = 0; i < t->people->len; i++)
                          if (bits_has (&g, i) && strcmp (((Person *) t->people->pdata[i])->unit, unit) == 0)
                            bits_set (&direct, i);
                        direct = bits_and (direct, &fam);
                        g_autofree char *dlabel = g_strdup_printf (
                            "the people placed directly in %s%s%s, round %s", unit,
                            *key || by != DK_GROUP_ORGANISATION ? " × " : "",
                            by == DK_GROUP_GENDER && !*key ? "no gender" : key, t->round->code);
                        target (ck, r, scope, f, &direct, dlabel);
                      }
                  }
              }
          }
    }
}

typedef struct {
  guint64 *v;    /* over the people */
  guint64 *c;    /* over the published vectors: v = Σ c_j published_j */
  guint    pivot;
} Row;

/* Subtracts from V (over N people) each row of BASIS times V's entry at the
 * row's pivot, and as much of the rows' combinations from C (over M
 * published vectors). */
static void
reduce (GArray *basis, guint64 *v, guint64 *c, guint n, guint m)
{
  for (guint b = 0; b < basis->len; b++)
    {
      const Row *row = &g_array_index (basis, Row, b);
      guint64 f = v[row->pivot];
      if (f == 0)
        continue;
      for (guint i = 0; i < n; i++)
        v[i] = check_mod_sub (v[i], check_mod_mul (f, row->v[i]));
      for (guint i = 0; i < m; i++)
        c[i] = check_mod_sub (c[i], check_mod_mul (f, row->c[i]));
    }
}

/* Prints X, a coefficient modulo CHECK_PRIME, as the small integer it stands for. */
static void
print_coefficient (guint64 x, gboolean first)
{
  if (x < (1u << 20))
    printf (first ? "%" G_GUINT64_FORMAT : " + %" G_GUINT64_FORMAT, x);
  else if (CHECK_PRIME - x < (1u << 20))
    printf (first ? "−%" G_GUINT64_FORMAT : " − %" G_GUINT64_FORMAT, CHECK_PRIME - x);
  else
    printf (first ? "(a fraction)" : " + (a fraction)");
}

/* Checks each target of S against the published vectors of COUNT by
 * elimination; prints each one that is a combination of them.  Returns how
 * many were. */
static guint
solve (Checker *ck, const System *s, Count count)
{
  GHashTable *pub = s->published[count];
  guint n = MAX_PEOPLE, m = g_hash_table_size (pub);
  if (m == 0 || g_hash_table_size (s->targets) == 0)
    return 0;
  g_autofree const Bits **vectors = g_new0 (const Bits *, m);
  g_autofree const char **labels = g_new0 (const char *, m);
  GHashTableIter it;
  gpointer key, value;
  guint j = 0;
  g_hash_table_iter_init (&it, pub);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      vectors[j] = key;
      labels[j++] = value;
    }
  GArray *basis = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autofree guint64 *v = g_new (guint64, n), *c = g_new (guint64, m);
  for (j = 0; j < m; j++)
    {
      for (guint i = 0; i < n; i++)
        v[i] = bits_has (vectors[j], i);
      memset (c, 0, m * sizeof *c);
      c[j] = 1;
      reduce (basis, v, c, n, m);
      guint p = 0;
      while (p < n && v[p] == 0)
        p++;
      if (p == n)
        continue;
      guint64 inv = check_mod_inv (v[p]);
      Row row = { g_new (guint64, n), g_new (guint64, m), p };
      for (guint i = 0; i < n; i++)
        row.v[i] = check_mod_mul (v[i], inv);
      for (guint i = 0; i < m; i++)
        row.c[i] = check_mod_mul (c[i], inv);
      g_array_append_val (basis, row);
    }
  guint found = 0;
  g_hash_table_iter_init (&it, s->targets);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const Bits *t = key;
      for (guint i = 0; i < n; i++)
        v[i] = bits_has (t, i);
      memset (c, 0, m * sizeof *c);
      /* what is left is t − Σ f_b row_b, and C holds −Σ f_b c_b: when
       * nothing is left, t = Σ_j −c_j published_j */
      reduce (basis, v, c, n, m);
      for (guint i = 0; i < m; i++)
        c[i] = check_mod_sub (0, c[i]);
      gboolean zero = TRUE;
      for (guint i = 0; i < n && zero; i++)
        zero = v[i] == 0;
      if (!zero)
        continue;
      found++;
      ck->disclosures++;
      if (ck->disclosures > 20 && !ck->verbose)
        continue;
      const char *what = count == COUNT_PEOPLE ? family_names[s->family] : derived_names[s->family];
      printf ("DISCLOSED  %s, k = %u, round %s, scope %s, %s: %s (%u of them) =\n", ck->org->name, ck->k,
              ck->truth[s->round].round->code, *s->scope ? s->scope : "all competences", what,
              (const char *) value, bits_count (t));
      guint shown = 0;
      for (j = 0; j < m; j++)
        if (c[j] != 0 && shown++ < 12)
          {
            printf ("    ");
            print_coefficient (c[j], TRUE);
            printf (" × [%s]\n", labels[j]);
          }
      if (shown > 12)
        printf ("    … and %u more\n", shown - 12);
    }
  for (guint b = 0; b < basis->len; b++)
    {
      g_free (g_array_index (basis, Row, b).v);
      g_free (g_array_index (basis, Row, b).c);
    }
  g_array_free (basis, TRUE);
  return found;
}

/* ---- one organisation ---------------------------------------------------------------- */

/* Checks O at minimum group K; returns how many disclosures it found. */
static guint
check_org (const Org *o, guint k, gboolean verbose)
{
  Checker ck = { .org = o, .k = k, .verbose = verbose };
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  ck.store = org_store (o, &path);
  ck.units = dk_store_units (ck.store, &error);
  g_assert_no_error (error);
  g_autoptr (GHashTable) unit_paths = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ck.units->len; i++)
    {
      DkUnit *u = ck.units->pdata[i];
      g_hash_table_insert (unit_paths, &u->id, u->path);
    }
  truth_load (&ck.truth[0], ck.store, "r1", unit_paths);
  truth_load (&ck.truth[1], ck.store, "r2", unit_paths);
  for (guint r = 0; r < 2; r++)
    for (guint i = 0; i < ck.truth[r].people->len; i++)
      {
        gint64 id = ((Person *) ck.truth[r].people->pdata[i])->id;
        const Truth *other = &ck.truth[1 - r];
        for (guint j = 0; j < other->people->len; j++)
          if (((Person *) other->people->pdata[j])->id == id)
            bits_set (&ck.truth[r].panel, i);
      }
  ck.fw = dk_store_round_framework (ck.store, ck.truth[1].round, &error);
  g_assert_no_error (error);
  ck.systems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) system_free);

  publish_all (&ck);
  add_part_targets (&ck);
  guint checked = 0, published = 0;
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, ck.systems);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      System *s = value;
      checked += g_hash_table_size (s->targets);
      for (Count c = 0; c < N_COUNTS; c++)
        published += g_hash_table_size (s->published[c]);
      if (s->family != FAM_REGISTERED)
        solve (&ck, s, COUNT_PEOPLE);
      if (derived_names[s->family] != NULL)
        solve (&ck, s, COUNT_DERIVED);
    }
  if (verbose || ck.disclosures > 0 || ck.mismatches > 0)
    printf ("%s, k = %u: %u people in r1, %u in r2; %u tables, %u rows read; %u distinct counts published, "
            "%u small groups checked; %u disclosed%s\n", o->name, k, ck.truth[0].people->len,
            ck.truth[1].people->len, ck.tables, ck.cells, published, checked, ck.disclosures, ck.disclosures > 20 && !verbose ? " (the first 20 shown)" : "");
  guint bad = ck.disclosures + ck.mismatches;
  g_hash_table_unref (ck.systems);
  dk_framework_free (ck.fw);
  truth_clear (&ck.truth[0]);
  truth_clear (&ck.truth[1]);
  g_ptr_array_unref (ck.units);
  dk_store_close (ck.store);
  check_remove_store (path);
  return bad;
}

int
main (int argc, char **argv)
{
  gboolean verbose = FALSE;
  int n_random = 12, first_seed = 1;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Say what each organisation gave", NULL },
    { "random", 'n', 0, G_OPTION_ARG_INT, &n_random, "How many random organisations (12)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &first_seed, "The first random organisation's seed (1)", "SEED" },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("— the disclosure checker");
  g_option_context_add_main_entries (options, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      fprintf (stderr, "disclosure: %s\n", error->message);
      return 2;
    }
  g_autoptr (GPtrArray) orgs = fixed_orgs ();
  for (int i = 0; i < n_random; i++)
    g_ptr_array_add (orgs, random_org ((guint) (first_seed + i)));
  /* random organisations where a panel's group could be worked out from
   * the plain figures alone, before the plain pattern protected panels */
  static const guint panel_seeds[] = { 110, 119, 125, 132, 134 };
  for (guint i = 0; i < G_N_ELEMENTS (panel_seeds); i++)
    g_ptr_array_add (orgs, random_org (panel_seeds[i]));
  static const guint ks[] = { 5, 3 };
  guint bad = 0, bad_orgs = 0;
  for (guint i = 0; i < orgs->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (ks); j++)
      {
        guint n = check_org (orgs->pdata[i], ks[j], verbose);
        bad += n;
        bad_orgs += n > 0;
      }
  if (bad == 0)
    printf ("disclosure: %u organisations × k = 5, 3: no suppressed count can be worked out from the "
            "published ones\n", orgs->len);
  else
    printf ("disclosure: %u disclosures (or model differences) in %u of %u checks\n", bad, bad_orgs,
            orgs->len * (guint) G_N_ELEMENTS (ks));
  return bad == 0 ? 0 : 1;
}
