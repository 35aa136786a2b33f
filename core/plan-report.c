/*
 * plan-report.c — coverage, goals and participation reports.
 */
#include "plan-report.h"
#include "count-suppression.h"

#include <string.h>

/* ---- small groups ------------------------------------------------------------------- */

/* Adds REPORT's note on the minimum group K. */
static void
add_min_group_note (DkReport *report, guint k)
{
  g_autofree char *note = g_strdup_printf (T_ (dk_report_lang (report),
                                               "Figures from fewer than %u people are shown as –."), k);
  dk_report_add_note (report, note);
}

/* ---- coverage ----------------------------------------------------------------------- */

/* Sub-classes of the people with a need on a competence. */
enum { COVERED, UNCOVERED, N_COVERAGE };

typedef struct {
  DkFramework *fw;
  DkPlanner   *planner;
  GHashTable  *units;      /* unit id → path */
  DkUnitTree  *tree;
  guint32    **counts;     /* [competence][unit index * N_COVERAGE + covered or not] */
} Coverage;

static gboolean
coverage_row (const DkScanRow *row, gpointer user_data)
{
  Coverage *c = user_data;
  if (!(row->flags & DK_ASSESS_SHARED) || row->role >= dk_framework_n_roles (c->fw))
    return TRUE;
  const char *unit = g_hash_table_lookup (c->units, &row->unit_id);
  guint u = dk_unit_tree_of_id (c->tree, row->unit_id);
  const char *role = dk_framework_role (c->fw, row->role)->id;
  for (guint i = 0; i < MIN (row->n, dk_framework_n_competences (c->fw)); i++)
    {
      guint expected = dk_framework_expected (c->fw, row->role, i);
      guint eff = dk_gap_effective (row->self[i], row->manager[i]);
      if (expected == 0 || eff == 0 || eff >= expected)
        continue;
      gboolean covered = dk_planner_covers (c->planner, dk_framework_competence (c->fw, i)->id, eff, role,
                                            unit != NULL ? unit : "");
      c->counts[i][u * N_COVERAGE + (covered ? COVERED : UNCOVERED)]++;
    }
  return TRUE;
}

static GHashTable *
unit_paths (DkStore *store, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (store, error);
  if (units == NULL)
    return NULL;
  GHashTable *paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < units->len; i++)
    {
      DkUnit *u = units->pdata[i];
      g_hash_table_insert (paths, g_memdup2 (&u->id, sizeof u->id), g_strdup (u->path));
    }
  return paths;
}

/* A wish named in the plans of a unit: how many plans. */
typedef struct {
  const char *competence, *wish;
  guint32     plans;
} Wish;

/* The most named first, as the table has always listed them. */
static int
compare_wishes (gconstpointer a, gconstpointer b)
{
  const Wish *x = a, *y = b;
  int c = strcmp (x->competence, y->competence);
  return x->plans != y->plans ? (x->plans < y->plans ? 1 : -1) : c != 0 ? c : strcmp (x->wish, y->wish);
}

/* Reads the wish of the records R (dk_store_plan_wishes_by_unit) from row
 * *AT on, up to the next wish, for unit index U of T and the minimum group
 * K: returns it with the plans under U, or with none when the pattern of
 * every unit's plans naming it hides U's (their ids then go to RARE). */
static Wish
read_wish (const DkRecords *r, guint *at, const DkUnitTree *t, guint u, guint k, GHashTable *rare)
{
  Wish w = { dk_records_text (r, *at, 0), dk_records_text (r, *at, 1), 0 };
  g_autofree guint32 *plans = g_new0 (guint32, dk_unit_tree_size (t));
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (; *at < dk_records_n_rows (r) && strcmp (dk_records_text (r, *at, 0), w.competence) == 0
         && strcmp (dk_records_text (r, *at, 1), w.wish) == 0; (*at)++)
    {
      guint v = dk_unit_tree_of_id (t, (gint64) dk_records_number (r, *at, 2));
      plans[v] += (guint32) dk_records_number (r, *at, 3);
      if (dk_unit_tree_under (t, v, u))
        g_ptr_array_add (ids, g_strsplit (dk_records_text (r, *at, 4), ",", -1));
    }
  w.plans = dk_count_units_sum (t, plans, 1, u, 1);
  if (w.plans == 0)
    return w;     /* nothing under U to hide */
  static const DkCountColumn cols[] = { { 1, DK_CELL_SHOWN, NULL } };
  g_autofree gboolean *hidden = dk_count_units_solve (t, plans, 1, cols, 1, k);
  if (hidden[u])
    w.plans = 0;
  /* the plans, not the wishes: one plan may name several */
  for (guint i = 0; hidden[u] && i < ids->len; i++)
    for (char **id = ids->pdata[i]; *id != NULL; id++)
      g_hash_table_add (rare, g_strdup (*id));
  return w;
}

/* Adds to REPORT the wishes its plans name (in ROUND, of the people in
 * unit index U of T): each whose count the pattern of every unit's plans
 * naming it shows for U (K or more plans, and no difference of units
 * giving fewer); the rest counted together as other wishes when K or more
 * plans name one of them, else left out, with a note saying which.
 * Returns FALSE with ERROR on a store failure. */
static gboolean
add_wishes_table (DkReport *report, DkStore *store, gint64 round, const DkUnitTree *tree, guint u, guint k,
                  GError **error)
{
  g_autoptr (DkRecords) r = dk_store_plan_wishes_by_unit (store, round, error);
  if (r == NULL)
    return FALSE;
  DkLang lang = dk_report_lang (report);
  DkTable *t = dk_table_new ("wishes", T_ (lang, "Wished-for activities named in plans"));
  dk_table_add_column (t, "competence", T_ (lang, "Competence"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "wish", T_ (lang, "Wish"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "plans", T_ (lang, "Plans"), DK_COLUMN_INTEGER);
  g_autoptr (GHashTable) rare = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) named = g_array_new (FALSE, FALSE, sizeof (Wish));
  for (guint at = 0; at < dk_records_n_rows (r);)
    {
      Wish w = read_wish (r, &at, tree, u, k, rare);
      if (w.plans > 0)
        g_array_append_val (named, w);
    }
  g_array_sort (named, compare_wishes);
  for (guint i = 0; i < named->len; i++)
    {
      const Wish *w = &g_array_index (named, Wish, i);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, w->competence);
      dk_table_set_text (t, row, 1, w->wish);
      dk_table_set_number (t, row, 2, w->plans);
    }
  guint others = g_hash_table_size (rare);
  if (others >= k)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 1, T_ (lang, "Other wishes"));
      dk_table_set_number (t, row, 2, others);
    }
  g_autofree char *note = others == 0 ? NULL
      : g_strdup_printf (others >= k
                         ? T_ (lang, "Wishes that fewer than %u plans name are counted together as other wishes.")
                         : T_ (lang, "Wishes that fewer than %u plans name are left out."), k);
  if (note != NULL)
    dk_report_add_note (report, note);
  dk_report_add_table (report, t);
  return TRUE;
}

/* Returns ROUND, or NULL with ERROR when it or UNIT (when not NULL) does
 * not exist; sets *UNIT_ID to UNIT's store id (0 for NULL). */
static DkRound *
round_and_unit (DkStore *store, const char *round, const char *unit, gint64 *unit_id, GError **error)
{
  DkRound *r = dk_store_round (store, round, error);
  *unit_id = 0;
  if (r != NULL && unit != NULL && (*unit_id = dk_store_unit_ensure (store, unit, FALSE, error)) == 0)
    g_clear_pointer (&r, dk_round_free);
  return r;
}

/* The report's title for ROUND, naming UNIT when there is one. */
static char *
learning_title (const char *what, const DkRound *r, const char *unit, DkLang lang)
{
  return unit != NULL ? g_strdup_printf (T_ (lang, "%s, round %s, %s"), what, r->code, unit)
                      : g_strdup_printf (T_ (lang, "%s, round %s"), what, r->code);
}

/* Adds to T one row per competence of C: the people with a need in unit
 * index U and those of them not covered, as the pattern of every unit for
 * the minimum group K shows them. */
static void
add_coverage_rows (DkTable *t, const Coverage *c, guint u, guint k, DkLang lang)
{
  /* people with a need = not covered + covered (never shown) */
  static const DkCountColumn cols[] = {
    { 1 << COVERED | 1 << UNCOVERED, DK_CELL_SHOWN, NULL },
    { 1 << UNCOVERED, DK_CELL_SHOWN, NULL },
    { 1 << COVERED, DK_CELL_PART, NULL },
  };
  for (guint i = 0; i < dk_framework_n_competences (c->fw); i++)
    {
      g_autofree gboolean *hidden = dk_count_units_solve (c->tree, c->counts[i], N_COVERAGE, cols, 3, k);
      guint row = dk_table_add_row (t);
      const DkCompetence *comp = dk_framework_competence (c->fw, i);
      dk_table_set_text (t, row, 0, comp->id);
      dk_table_set_text (t, row, 1, dk_competence_title (comp, lang));
      for (guint col = 0; col < 2; col++)
        {
          guint32 n = dk_count_units_sum (c->tree, c->counts[i], N_COVERAGE, u, cols[col].mask);
          dk_table_set_number (t, row, 2 + col, n);
          /* a part of a hidden whole is hidden too, as it has always been */
          if (hidden[u * 3 + col] || hidden[u * 3])
            dk_table_set_suppressed (t, row, 2 + col);
          else
            dk_table_set_emphasis (t, row, 2 + col, col == 1 && n > 0);
        }
    }
}

static DkReport *
coverage_report (DkStore *store, const char *round, const char *unit, guint k, const DkContext *ctx,
                 GError **error)
{
  gint64 unit_id;
  g_autoptr (DkRound) r = round_and_unit (store, round, unit, &unit_id, error);
  g_autoptr (GPtrArray) catalogue = r != NULL ? dk_catalogue_load (store, error) : NULL;
  if (catalogue == NULL)
    return NULL;
  Coverage c = { 0 };
  if ((c.fw = dk_store_round_framework (store, r, error)) == NULL || (c.units = unit_paths (store, error)) == NULL
      || (c.tree = dk_unit_tree_load (store, error)) == NULL)
    {
      g_clear_pointer (&c.units, g_hash_table_unref);
      dk_framework_free (c.fw);
      return NULL;
    }
  g_autofree char *today = dk_context_today (ctx);
  guint n = dk_framework_n_competences (c.fw);
  c.planner = dk_planner_new (catalogue, today);
  c.counts = g_new0 (guint32 *, n);
  for (guint i = 0; i < n; i++)
    c.counts[i] = g_new0 (guint32, dk_unit_tree_size (c.tree) * N_COVERAGE);
  DkReport *report = NULL;
  if (dk_store_round_scan (store, r->id, 0, coverage_row, &c, error))
    {
      g_autofree char *title = learning_title (T_ (ctx->lang, "Catalogue coverage"), r, unit, ctx->lang);
      report = dk_report_new (title, ctx->lang);
      dk_report_add_note (report, T_ (ctx->lang, "People with a need on each competence, and how many of them "
                                                 "no activity open to them covers — what HR should create next."));
      add_min_group_note (report, k);
      DkTable *t = dk_table_new ("coverage", T_ (ctx->lang, "Needs and coverage per competence"));
      dk_table_add_column (t, "competence", T_ (ctx->lang, "Competence"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "title", T_ (ctx->lang, "Title"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "people_with_need", T_ (ctx->lang, "People with a need"), DK_COLUMN_INTEGER);
      dk_table_add_column (t, "not_covered", T_ (ctx->lang, "Not covered"), DK_COLUMN_INTEGER);
      add_coverage_rows (t, &c, dk_unit_tree_of_id (c.tree, unit_id), k, ctx->lang);
      dk_report_add_table (report, t);
      if (!add_wishes_table (report, store, r->id, c.tree, dk_unit_tree_of_id (c.tree, unit_id), k, error))
        g_clear_pointer (&report, dk_report_free);
    }
  for (guint i = 0; i < n; i++)
    g_free (c.counts[i]);
  g_free (c.counts);
  dk_planner_free (c.planner);
  g_hash_table_unref (c.units);
  dk_unit_tree_free (c.tree);
  dk_framework_free (c.fw);
  return report;
}

/* ---- goals ---------------------------------------------------------------------------- */

/* Sub-classes of the plan items of a competence. */
enum { DONE, NOT_DONE, N_GOAL_STATES };

/* The plan items of one competence, per unit index. */
typedef struct {
  const char *competence;
  guint32    *people;     /* [unit] */
  guint32    *items;      /* [unit * N_GOAL_STATES + done or not] */
  guint32     shown[3];   /* items, people, done in the unit reported on */
} Goal;

static void
goal_free (gpointer data)
{
  Goal *g = data;
  g_free (g->people);
  g_free (g->items);
  g_free (g);
}

/* Returns the competences of the records R (dk_store_plan_goals_by_unit)
 * as Goals over the units of T, in R's order. */
static GPtrArray *
goals_per_unit (const DkRecords *r, const DkUnitTree *t)
{
  GPtrArray *goals = g_ptr_array_new_with_free_func (goal_free);
  guint n = dk_unit_tree_size (t);
  for (guint i = 0; i < dk_records_n_rows (r); i++)
    {
      const char *competence = dk_records_text (r, i, 0);
      Goal *g = goals->len > 0 ? goals->pdata[goals->len - 1] : NULL;
      if (g == NULL || strcmp (g->competence, competence) != 0)
        {
          g = g_new0 (Goal, 1);
          g->competence = competence;
          g->people = g_new0 (guint32, n);
          g->items = g_new0 (guint32, n * N_GOAL_STATES);
          g_ptr_array_add (goals, g);
        }
      guint u = dk_unit_tree_of_id (t, (gint64) dk_records_number (r, i, 1));
      guint32 items = (guint32) dk_records_number (r, i, 2), done = (guint32) dk_records_number (r, i, 4);
      g->people[u] += (guint32) dk_records_number (r, i, 3);
      g->items[u * N_GOAL_STATES + DONE] += done;
      g->items[u * N_GOAL_STATES + NOT_DONE] += items - done;
    }
  return goals;
}

/* The most planned first, as the table has always listed them. */
static int
compare_goals (gconstpointer a, gconstpointer b)
{
  const Goal *x = *(Goal *const *) a, *y = *(Goal *const *) b;
  return x->shown[0] != y->shown[0] ? (x->shown[0] < y->shown[0] ? 1 : -1) : strcmp (x->competence, y->competence);
}

/* Adds to T the row of G in unit index U: the people follow the pattern of
 * every unit's people for the minimum group K, the goals the people's, and
 * those done the pattern of every unit's goals (done + not done, never
 * shown). */
static void
add_goal_row (DkTable *t, const DkUnitTree *tree, const Goal *g, guint u, guint k)
{
  static const DkCountColumn people[] = { { 1, DK_CELL_SHOWN, NULL } };
  g_autofree gboolean *people_hidden = dk_count_units_solve (tree, g->people, 1, people, 1, k);
  const DkCountColumn items[] = {
    { 1 << DONE | 1 << NOT_DONE, DK_CELL_FIXED_SHOWN, people_hidden },
    { 1 << DONE, DK_CELL_SHOWN, NULL },
    { 1 << NOT_DONE, DK_CELL_PART, NULL },
  };
  g_autofree gboolean *items_hidden = dk_count_units_solve (tree, g->items, N_GOAL_STATES, items, 3, k);
  guint row = dk_table_add_row (t);
  dk_table_set_text (t, row, 0, g->competence);
  for (guint col = 0; col < 3; col++)
    {
      dk_table_set_number (t, row, 1 + col, g->shown[col]);
      if (people_hidden[u] || (col == 2 && items_hidden[u * 3 + 1]))
        dk_table_set_suppressed (t, row, 1 + col);
    }
}

static DkReport *
goals_report (DkStore *store, const char *round, const char *unit, guint k, DkLang lang, GError **error)
{
  gint64 unit_id;
  g_autoptr (DkRound) r = round_and_unit (store, round, unit, &unit_id, error);
  g_autoptr (DkUnitTree) tree = r != NULL ? dk_unit_tree_load (store, error) : NULL;
  g_autoptr (DkRecords) records = tree != NULL ? dk_store_plan_goals_by_unit (store, r->id, error) : NULL;
  if (records == NULL)
    return NULL;
  g_autoptr (GPtrArray) goals = goals_per_unit (records, tree);
  guint u = dk_unit_tree_of_id (tree, unit_id);
  for (guint i = goals->len; i-- > 0;)
    {
      Goal *g = goals->pdata[i];
      g->shown[0] = dk_count_units_sum (tree, g->items, N_GOAL_STATES, u, 1 << DONE | 1 << NOT_DONE);
      g->shown[1] = dk_count_units_sum (tree, g->people, 1, u, 1);
      g->shown[2] = dk_count_units_sum (tree, g->items, N_GOAL_STATES, u, 1 << DONE);
      if (g->shown[0] == 0)
        g_ptr_array_remove_index (goals, i);
    }
  g_ptr_array_sort (goals, compare_goals);
  DkTable *t = dk_table_new ("goals", T_ (lang, "Personal goals per competence"));
  static const char *const keys[] = { "competence", "items", "people", "done" };
  static const char *const labels[] = { N_("Competence"), N_("Goals"), N_("People"), N_("Done") };
  for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
    dk_table_add_column (t, keys[c], T_ (lang, labels[c]), c == 0 ? DK_COLUMN_TEXT : DK_COLUMN_INTEGER);
  for (guint i = 0; i < goals->len; i++)
    add_goal_row (t, tree, goals->pdata[i], u, k);
  g_autofree char *title = learning_title (T_ (lang, "Personal goals"), r, unit, lang);
  DkReport *report = dk_report_new (title, lang);
  add_min_group_note (report, k);
  dk_report_add_table (report, t);
  return report;
}

/* ---- participation ------------------------------------------------------------------------- */

/* Rows mix people and hours, so the figures are formatted here. */
static void
add_target_row (DkTable *t, const char *label, double actual, double target, gboolean has_target,
                gboolean hours, DkLang lang)
{
  guint row = dk_table_add_row (t);
  dk_table_set_text (t, row, 0, label);
  g_autofree char *a = hours ? dk_format_hours (actual, lang) : g_strdup_printf ("%.0f", actual);
  dk_table_set_text (t, row, 1, a);
  if (has_target)
    {
      g_autofree char *b = hours ? dk_format_hours (target, lang) : g_strdup_printf ("%.0f", target);
      dk_table_set_text (t, row, 2, b);
    }
}

/* The participants from FROM to TO: each a person, in a department (the
 * first two levels of their unit's path) and of a gender; each pair of a
 * participant and a kind of activity with its hours. */
typedef struct {
  GPtrArray *depts, *kinds;    /* names, sorted */
  GArray    *people;           /* Participant */
  GArray    *pairs;            /* Pair */
} Participation;

enum { WOMEN, MEN, OTHER, N_PARTICIPATION_GENDERS };

typedef struct {
  guint dept;                  /* index in depts, or depts->len for none */
  guint gender;
} Participant;

typedef struct {
  guint  person, kind;
  double hours;
} Pair;

static void
participation_clear (Participation *p)
{
  g_clear_pointer (&p->depts, g_ptr_array_unref);
  g_clear_pointer (&p->kinds, g_ptr_array_unref);
  g_clear_pointer (&p->people, g_array_unref);
  g_clear_pointer (&p->pairs, g_array_unref);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Returns the distinct NAMES (a set of strings, taken) as an array sorted
 * by strcmp, each name's index put into NAMES as its value. */
static GPtrArray *
sorted_names (GHashTable *names)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter it;
  gpointer name;
  g_hash_table_iter_init (&it, names);
  while (g_hash_table_iter_next (&it, &name, NULL))
    g_ptr_array_add (sorted, g_strdup (name));
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    g_hash_table_insert (names, g_strdup (sorted->pdata[i]), GUINT_TO_POINTER (i));
  return sorted;
}

/* Returns the department of the unit PATH (may be NULL): its first two levels. */
static char *
department_of (const char *path)
{
  if (path == NULL)
    return NULL;
  const char *slash = strchr (path, '/');
  slash = slash != NULL ? strchr (slash + 1, '/') : NULL;
  return slash != NULL ? g_strndup (path, (gsize) (slash - path)) : g_strdup (path);
}

/* Reads the records R (dk_store_participation_by_person) into *P. */
static void
participation_read (Participation *p, const DkRecords *r)
{
  g_autoptr (GHashTable) depts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = dk_records_n_rows (r);
  for (guint i = 0; i < n; i++)
    {
      char *dept = department_of (dk_records_text (r, i, 1));
      if (dept != NULL)
        g_hash_table_add (depts, dept);
      g_hash_table_add (kinds, g_strdup (dk_records_text (r, i, 3)));
    }
  p->depts = sorted_names (depts);
  p->kinds = sorted_names (kinds);
  p->people = g_array_new (FALSE, FALSE, sizeof (Participant));
  p->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  for (guint i = 0; i < n; i++)
    {
      if (i == 0 || strcmp (dk_records_text (r, i, 0), dk_records_text (r, i - 1, 0)) != 0)
        {
          g_autofree char *dept = department_of (dk_records_text (r, i, 1));
          const char *gender = dk_records_text (r, i, 2);
          Participant x = { dept != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (depts, dept)) : p->depts->len,
                            g_strcmp0 (gender, "F") == 0 ? WOMEN : g_strcmp0 (gender, "M") == 0 ? MEN : OTHER };
          g_array_append_val (p->people, x);
        }
      Pair pair = { p->people->len - 1, GPOINTER_TO_UINT (g_hash_table_lookup (kinds, dk_records_text (r, i, 3))),
                    dk_records_number (r, i, 4) };
      g_array_append_val (p->pairs, pair);
    }
}

/* The cells of the participants' pattern: the total, the genders, the
 * departments, the kinds, then the parts: the participants placed in no
 * unit, and each department × gender. */
#define CELL_TOTAL 0u
#define CELL_GENDER(g) (1u + (g))
#define CELL_DEPT(p, d) (1u + N_PARTICIPATION_GENDERS + (d))
#define CELL_KIND(p, k) (CELL_DEPT (p, (p)->depts->len) + (k))
#define CELL_NO_DEPT(p) CELL_KIND (p, (p)->kinds->len)
#define CELL_DEPT_GENDER(p, d, g) (CELL_NO_DEPT (p) + 1 + (d) * N_PARTICIPATION_GENDERS + (g))

/* Returns which cells of the participants' pattern are hidden for the
 * minimum group K: each participant is an atom. */
static gboolean *
participants_hidden (const Participation *p, guint k)
{
  guint nd = p->depts->len, n = CELL_DEPT_GENDER (p, nd, 0);
  g_autoptr (DkCountCells) c = dk_count_cells_new (n);
  g_autofree DkCellKind *kind = g_new (DkCellKind, n);
  g_autofree guint *margin = g_new0 (guint, n);
  for (guint i = 0; i < p->people->len; i++)
    {
      const Participant *x = &g_array_index (p->people, Participant, i);
      dk_count_cells_add (c, CELL_TOTAL, i, 1);
      dk_count_cells_add (c, CELL_GENDER (x->gender), i, 1);
      dk_count_cells_add (c, x->dept < nd ? CELL_DEPT (p, x->dept) : CELL_NO_DEPT (p), i, 1);
      if (x->dept < nd)
        dk_count_cells_add (c, CELL_DEPT_GENDER (p, x->dept, x->gender), i, 1);
    }
  /* a participant is in a kind's cell once, however many times they took part */
  for (guint i = 0; i < p->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (p->pairs, Pair, i);
      dk_count_cells_add (c, CELL_KIND (p, pair->kind), pair->person, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      kind[i] = i < CELL_NO_DEPT (p) ? DK_CELL_SHOWN : DK_CELL_PART;
      /* the genders add up to the total, and so do the departments with
       * the participants placed in no unit */
      margin[i] = i >= CELL_GENDER (0) && i < CELL_DEPT (p, 0) ? 1
                  : (i >= CELL_DEPT (p, 0) && i < CELL_KIND (p, 0)) || i == CELL_NO_DEPT (p) ? 2 : 0;
    }
  /* the participants in total are what funders ask for: where they are
   * not few, a smaller cell is hidden in their place */
  if (p->people->len >= k)
    kind[CELL_TOTAL] = DK_CELL_FIXED_SHOWN;
  return dk_count_cells_solve (c, p->people->len, kind, margin, k);
}

/* Returns which hours are hidden for the minimum group K, in the cells of
 * the participants' pattern (the genders' are not published): the hours of
 * the cells PEOPLE_HIDDEN hides are too, and more where the hours in total
 * (shown with the participants) minus those shown would give the hours of
 * fewer than K people.  Each pair of a participant and a kind is an atom;
 * a cell is about its PEOPLE (participation_figures counted them). */
static gboolean *
hours_hidden (const Participation *p, const guint32 *people, const gboolean *people_hidden, guint k)
{
  guint nd = p->depts->len, nk = p->kinds->len, parts = CELL_NO_DEPT (p) + 1, n = parts + nd * nk;
  g_autoptr (DkCountCells) c = dk_count_cells_new (n);
  g_autofree DkCellKind *kind = g_new (DkCellKind, n);
  g_autofree guint *margin = g_new0 (guint, n);
  for (guint i = 0; i < p->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (p->pairs, Pair, i);
      guint dept = g_array_index (p->people, Participant, pair->person).dept;
      dk_count_cells_add (c, CELL_TOTAL, i, 1);
      dk_count_cells_add (c, dept < nd ? CELL_DEPT (p, dept) : CELL_NO_DEPT (p), i, 1);
      dk_count_cells_add (c, CELL_KIND (p, pair->kind), i, 1);
      if (dept < nd)
        dk_count_cells_add (c, parts + dept * nk + pair->kind, i, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      /* a participant counts once in the total and in their department,
       * however many kinds they took part in */
      if (i == CELL_TOTAL || (i >= CELL_DEPT (p, 0) && i < CELL_KIND (p, 0)) || i == CELL_NO_DEPT (p))
        dk_count_cells_set_count (c, i, people[i]);
      gboolean published = i == CELL_TOTAL || (i >= CELL_DEPT (p, 0) && i < CELL_NO_DEPT (p));
      kind[i] = !published ? DK_CELL_PART : people_hidden[i] ? DK_CELL_FIXED_HIDDEN
                : i == CELL_TOTAL ? DK_CELL_FIXED_SHOWN : DK_CELL_SHOWN;
      margin[i] = (i >= CELL_DEPT (p, 0) && i < CELL_KIND (p, 0)) || i == CELL_NO_DEPT (p) ? 2 : 0;
    }
  return dk_count_cells_solve (c, p->pairs->len, kind, margin, k);
}

/* Returns the table NAME titled TITLE of the N groups NAMES, their
 * participants and hours in cells FIRST… of P's pattern, suppressed where
 * PEOPLE or HOURS hides them. */
static DkTable *
groups_table (const char *name, const char *title, const GPtrArray *names, const guint32 *participants,
              const double *hours, const gboolean *hidden, DkLang lang)
{
  DkTable *t = dk_table_new (name, title);
  dk_table_add_column (t, "group", T_ (lang, "Group"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "participants", T_ (lang, "Participants"), DK_COLUMN_INTEGER);
  dk_table_add_column (t, "hours", T_ (lang, "Hours"), DK_COLUMN_HOURS);
  for (guint i = 0; i < names->len; i++)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, names->pdata[i]);
      dk_table_set_number (t, row, 1, participants[i]);
      dk_table_set_number (t, row, 2, hours[i]);
      for (guint col = 1; hidden[i] && col < 3; col++)
        dk_table_set_suppressed (t, row, col);
    }
  return t;
}

/* The figures of the participation report, per cell of the participants'
 * pattern (hours of the genders are not published). */
typedef struct {
  guint32  *people;
  double   *hours;
  gboolean *hidden;    /* the people's or the hours' */
} Figures;

static void
figures_clear (Figures *f)
{
  g_free (f->people);
  g_free (f->hours);
  g_free (f->hidden);
}

static void
participation_figures (const Participation *p, guint k, Figures *f)
{
  guint nd = p->depts->len, n = CELL_NO_DEPT (p) + 1;
  f->people = g_new0 (guint32, n);
  f->hours = g_new0 (double, n);
  for (guint i = 0; i < p->people->len; i++)
    {
      const Participant *x = &g_array_index (p->people, Participant, i);
      f->people[CELL_TOTAL]++;
      f->people[CELL_GENDER (x->gender)]++;
      f->people[x->dept < nd ? CELL_DEPT (p, x->dept) : CELL_NO_DEPT (p)]++;
    }
  for (guint i = 0; i < p->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (p->pairs, Pair, i);
      guint dept = g_array_index (p->people, Participant, pair->person).dept;
      f->people[CELL_KIND (p, pair->kind)]++;
      f->hours[CELL_TOTAL] += pair->hours;
      f->hours[dept < nd ? CELL_DEPT (p, dept) : CELL_NO_DEPT (p)] += pair->hours;
      f->hours[CELL_KIND (p, pair->kind)] += pair->hours;
    }
  f->hidden = participants_hidden (p, k);
  g_autofree gboolean *hours = hours_hidden (p, f->people, f->hidden, k);
  /* the genders' hours are not published; the parts of a hidden total
   * are hidden too, as they have always been */
  gboolean total = f->hidden[CELL_TOTAL] || hours[CELL_TOTAL];
  for (guint i = 0; i < n; i++)
    f->hidden[i] = total || f->hidden[i] || (hours[i] && (i < CELL_GENDER (0) || i >= CELL_DEPT (p, 0)));
}

static DkReport *
participation_report (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  g_autoptr (DkRecords) records = dk_store_participation_by_person (store, q->from, q->to, error);
  if (records == NULL)
    return NULL;
  guint k = q->min_group;
  Participation p = { 0 };
  participation_read (&p, records);
  Figures f = { 0 };
  participation_figures (&p, k, &f);
  g_autofree char *title = g_strdup_printf (T_ (lang, "Participation %s – %s"), q->from ? q->from : "…",
                                            q->to ? q->to : "…");
  DkReport *report = dk_report_new (title, lang);
  dk_report_add_note (report,
                      T_ (lang, "Participants attended or completed an activity; hours are summed over them."));
  add_min_group_note (report, k);
  DkTable *t = dk_table_new ("participation", T_ (lang, "Participants and hours"));
  dk_table_add_column (t, "figure", T_ (lang, "Figure"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "actual", T_ (lang, "Actual"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "target", T_ (lang, "Target"), DK_COLUMN_TEXT);
  double participants = f.people[CELL_TOTAL], hours = f.hours[CELL_TOTAL];
  double avg = participants > 0 ? hours / participants : 0;
  add_target_row (t, T_ (lang, "Participants"), participants, q->target_participants, q->target_participants > 0,
                  FALSE, lang);
  add_target_row (t, T_ (lang, "of whom women"), f.people[CELL_GENDER (WOMEN)], 0, FALSE, FALSE, lang);
  add_target_row (t, T_ (lang, "of whom men"), f.people[CELL_GENDER (MEN)], 0, FALSE, FALSE, lang);
  add_target_row (t, T_ (lang, "of whom other or not given"), f.people[CELL_GENDER (OTHER)], 0, FALSE, FALSE,
                  lang);
  add_target_row (t, T_ (lang, "Hours in total"), hours, q->target_hours_avg * q->target_participants,
                  q->target_hours_avg > 0 && q->target_participants > 0, TRUE, lang);
  add_target_row (t, T_ (lang, "Hours per participant"), avg, q->target_hours_avg, q->target_hours_avg > 0,
                  TRUE, lang);
  /* rows 0 and 4–5: the participants and their hours; rows 1–3 the genders */
  static const guint cells[] = { CELL_TOTAL, CELL_GENDER (WOMEN), CELL_GENDER (MEN), CELL_GENDER (OTHER),
                                 CELL_TOTAL, CELL_TOTAL };
  for (guint row = 0; row < G_N_ELEMENTS (cells); row++)
    if (f.hidden[cells[row]])
      dk_table_set_suppressed (t, row, 1);
  dk_report_add_table (report, t);
  guint d0 = CELL_DEPT (&p, 0), k0 = CELL_KIND (&p, 0);
  dk_report_add_table (report, groups_table ("by_unit", T_ (lang, "Per department"), p.depts, f.people + d0,
                                             f.hours + d0, f.hidden + d0, lang));
  dk_report_add_table (report, groups_table ("by_kind", T_ (lang, "Per kind of activity"), p.kinds, f.people + k0,
                                             f.hours + k0, f.hidden + k0, lang));
  figures_clear (&f);
  participation_clear (&p);
  return report;
}

/* Ends the read transaction the public functions below read REPORT in,
 * and returns REPORT, or NULL with ERROR when REPORT is NULL or the end
 * fails. */
static DkReport *
read_done (DkStore *store, DkReport *report, GError **error)
{
  if (!dk_store_read_end (store, report != NULL ? error : NULL))
    g_clear_pointer (&report, dk_report_free);
  return report;
}

DkReport *
dk_report_coverage (DkStore *store, const char *round, const char *unit, guint min_group,
                    const DkContext *ctx, GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, coverage_report (store, round, unit, min_group, ctx, error), error)
         : NULL;
}

DkReport *
dk_report_goals (DkStore *store, const char *round, const char *unit, guint min_group, DkLang lang,
                 GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, goals_report (store, round, unit, min_group, lang, error), error)
         : NULL;
}

DkReport *
dk_report_participation (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  return dk_store_read_begin (store, error)
         ? read_done (store, participation_report (store, q, lang, error), error)
         : NULL;
}
