/*
 * plan-report.c — coverage, goals and participation reports.
 */
#include "plan-report.h"
#include "count-suppression.h"
#include "date.h"

#include <stdlib.h>
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

/* The plans of a round that name wishes, as classes of the same unit and
 * the same wishes (the atoms of the wishes' pattern). */
typedef struct {
  guint   unit;
  GArray *wishes;     /* guint, ascending: indices in Wishes.named */
  guint32 plans;
} PlanClass;

typedef struct {
  GArray *named;      /* Wish, by competence and wish, plans 0 */
  GArray *classes;    /* PlanClass */
} Wishes;

static void
wishes_clear (Wishes *w)
{
  for (guint i = 0; w->classes != NULL && i < w->classes->len; i++)
    g_array_unref (g_array_index (w->classes, PlanClass, i).wishes);
  g_clear_pointer (&w->classes, g_array_unref);
  g_clear_pointer (&w->named, g_array_unref);
}

/* Reads the records R (dk_store_plan_wishes_by_unit) over the units of T
 * into *W. */
static void
wishes_read (Wishes *w, const DkRecords *r, const DkUnitTree *t)
{
  w->named = g_array_new (FALSE, FALSE, sizeof (Wish));
  w->classes = g_array_new (FALSE, FALSE, sizeof (PlanClass));
  g_autoptr (GHashTable) plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);  /* id → class + 1 */
  g_autoptr (GPtrArray) plan_wishes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GArray) plan_units = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < dk_records_n_rows (r); i++)
    {
      const char *competence = dk_records_text (r, i, 0), *text = dk_records_text (r, i, 1);
      const Wish *last = w->named->len > 0 ? &g_array_index (w->named, Wish, w->named->len - 1) : NULL;
      if (last == NULL || strcmp (last->competence, competence) != 0 || strcmp (last->wish, text) != 0)
        {
          Wish fresh = { competence, text, 0 };
          g_array_append_val (w->named, fresh);
        }
      guint wish = w->named->len - 1, unit = dk_unit_tree_of_id (t, (gint64) dk_records_number (r, i, 2));
      g_auto (GStrv) ids = g_strsplit (dk_records_text (r, i, 4), ",", -1);
      for (char **id = ids; *id != NULL; id++)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (plans, *id));
          if (at == 0)
            {
              g_ptr_array_add (plan_wishes, g_array_new (FALSE, FALSE, sizeof (guint)));
              g_array_append_val (plan_units, unit);
              g_hash_table_insert (plans, g_strdup (*id), GUINT_TO_POINTER (at = plan_wishes->len));
            }
          g_array_append_val (plan_wishes->pdata[at - 1], wish);   /* rows come by wish: ascending */
        }
    }
  g_autoptr (GHashTable) classes = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                          (GDestroyNotify) g_bytes_unref, NULL);
  for (guint i = 0; i < plan_wishes->len; i++)
    {
      GArray *named = plan_wishes->pdata[i];
      guint unit = g_array_index (plan_units, guint, i);
      g_autoptr (GByteArray) key = g_byte_array_new ();
      g_byte_array_append (key, (const guint8 *) &unit, sizeof unit);
      g_byte_array_append (key, (const guint8 *) named->data, named->len * sizeof (guint));
      g_autoptr (GBytes) bytes = g_bytes_new (key->data, key->len);
      gpointer at;
      if (!g_hash_table_lookup_extended (classes, bytes, NULL, &at))
        {
          PlanClass c = { unit, g_array_ref (named), 0 };
          g_array_append_val (w->classes, c);
          g_hash_table_insert (classes, g_bytes_ref (bytes), at = GUINT_TO_POINTER (w->classes->len - 1));
        }
      g_array_index (w->classes, PlanClass, GPOINTER_TO_UINT (at)).plans++;
    }
}

/* The cells of the wishes' pattern over N units: each wish × unit (the
 * plans under the unit naming it), each wish × unit's direct members, then
 * each unit's other wishes. */
#define WISH_CELL(w, v, n) ((w) * (n) + (v))
#define WISH_DIRECT(nw, w, v, n) (((nw) + (w)) * (n) + (v))
#define OTHER_CELL(nw, v, n) (2 * (nw) * (n) + (v))

/* Returns the cells of W's pattern over the units of T: with HIDDEN (the
 * wishes' fates), each unit's other wishes too, the plans under it that
 * name a wish HIDDEN for it. */
static DkCountCells *
wish_cells (const Wishes *w, const DkUnitTree *t, const gboolean *hidden)
{
  guint n = dk_unit_tree_size (t), nw = w->named->len;
  DkCountCells *c = dk_count_cells_new (2 * nw * n + n);
  for (guint a = 0; a < w->classes->len; a++)
    {
      const PlanClass *pc = &g_array_index (w->classes, PlanClass, a);
      for (guint i = 0; i < pc->wishes->len; i++)
        {
          guint wish = g_array_index (pc->wishes, guint, i);
          for (guint v = pc->unit;; v = dk_unit_tree_parent (t, v))
            {
              dk_count_cells_add (c, WISH_CELL (wish, v, n), a, pc->plans);
              if (v == 0)
                break;
            }
          if (dk_unit_tree_has_children (t, pc->unit))
            dk_count_cells_add (c, WISH_DIRECT (nw, wish, pc->unit, n), a, pc->plans);
        }
      for (guint v = pc->unit; hidden != NULL; v = dk_unit_tree_parent (t, v))
        {
          gboolean other = FALSE;
          for (guint i = 0; i < pc->wishes->len; i++)
            other = other || hidden[WISH_CELL (g_array_index (pc->wishes, guint, i), v, n)];
          if (other)
            dk_count_cells_add (c, OTHER_CELL (nw, v, n), a, pc->plans);
          if (v == 0)
            break;
        }
    }
  return c;
}

/* Returns which cells of W's pattern over the units of T are hidden for
 * the minimum group K: first the wishes' (a unit's figure for a wish is
 * shown, its direct members are a part, and the small sub-units of a unit
 * are one more part), then, their fates fixed, each unit's other wishes:
 * shown when K or more plans name one, where no difference with the
 * wishes' figures and other units' other wishes gives a small group. */
static gboolean *
wishes_hidden (const Wishes *w, const DkUnitTree *t, guint k)
{
  guint n = dk_unit_tree_size (t), nw = w->named->len, nc = 2 * nw * n + n;
  g_autofree DkCellKind *kind = g_new (DkCellKind, nc);
  g_autofree guint *margin = g_new0 (guint, nc);
  for (guint i = 0; i < 2 * nw * n; i++)
    {
      gboolean direct = i >= nw * n;
      guint v = i % n, wish = i / n % nw;
      kind[i] = direct ? DK_CELL_PART : DK_CELL_SHOWN;
      /* a unit's sub-units and its direct members are one margin of it */
      margin[i] = direct ? 1 + WISH_CELL (wish, v, n) : v != 0 ? 1 + WISH_CELL (wish, dk_unit_tree_parent (t, v), n) : 0;
    }
  for (guint v = 0; v < n; v++)
    kind[OTHER_CELL (nw, v, n)] = DK_CELL_PART;   /* not in the first problem: empty */
  g_autoptr (DkCountCells) first = wish_cells (w, t, NULL);
  g_autofree gboolean *wishes = dk_count_cells_solve (first, w->classes->len, kind, margin, k);
  g_autoptr (DkCountCells) second = wish_cells (w, t, wishes);
  for (guint i = 0; i < nw * n; i++)
    kind[i] = wishes[i] ? DK_CELL_FIXED_HIDDEN : DK_CELL_FIXED_SHOWN;
  for (guint v = 0; v < n; v++)
    kind[OTHER_CELL (nw, v, n)] = dk_count_cells_count (second, OTHER_CELL (nw, v, n)) >= k ? DK_CELL_SHOWN
                                                                                            : DK_CELL_PART;
  return dk_count_cells_solve (second, w->classes->len, kind, margin, k);
}

/* Adds to REPORT the wishes its plans name (in ROUND, of the people in
 * unit index U of T): each whose count the wishes' pattern shows for U (K
 * or more plans, and no difference of units giving fewer); the rest counted
 * together as other wishes where the pattern shows that, else left out,
 * with a note saying which.  Returns FALSE with ERROR on a store failure. */
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
  Wishes w = { 0 };
  wishes_read (&w, r, tree);
  guint n = dk_unit_tree_size (tree), nw = w.named->len;
  g_autofree gboolean *hidden = wishes_hidden (&w, tree, k);
  g_autoptr (DkCountCells) cells = wish_cells (&w, tree, hidden);
  g_autoptr (GArray) named = g_array_new (FALSE, FALSE, sizeof (Wish));
  for (guint i = 0; i < nw; i++)
    {
      Wish x = g_array_index (w.named, Wish, i);
      x.plans = dk_count_cells_count (cells, WISH_CELL (i, u, n));
      if (x.plans > 0 && !hidden[WISH_CELL (i, u, n)])
        g_array_append_val (named, x);
    }
  g_array_sort (named, compare_wishes);
  for (guint i = 0; i < named->len; i++)
    {
      const Wish *x = &g_array_index (named, Wish, i);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, x->competence);
      dk_table_set_text (t, row, 1, x->wish);
      dk_table_set_number (t, row, 2, x->plans);
    }
  guint32 others = nw > 0 ? dk_count_cells_count (cells, OTHER_CELL (nw, u, n)) : 0;
  gboolean shown = others > 0 && !hidden[OTHER_CELL (nw, u, n)];
  if (shown)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 1, T_ (lang, "Other wishes"));
      dk_table_set_number (t, row, 2, others);
    }
  g_autofree char *note = others == 0 ? NULL
      : g_strdup_printf (shown
                         ? T_ (lang, "Wishes that fewer than %u plans name are counted together as other wishes.")
                         : T_ (lang, "Wishes that fewer than %u plans name are left out."), k);
  if (note != NULL)
    dk_report_add_note (report, note);
  dk_report_add_table (report, t);
  wishes_clear (&w);
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

gboolean
dk_participation_period_check (const char *from, const char *to, DkLang lang, const char **field, GError **error)
{
  gboolean starts_half = from != NULL && dk_date_valid (from)
                         && (strcmp (from + 5, "01-01") == 0 || strcmp (from + 5, "07-01") == 0);
  *field = starts_half ? "to" : "from";
  if (from == NULL && to == NULL)
    return TRUE;
  if (from == NULL || to == NULL)
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, "%s",
                 T_ (lang, "the period needs its first and its last day, or neither for all the participation "
                           "recorded"));
  else if (!dk_date_valid (from) || !dk_date_valid (to))
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, T_ (lang, "'%s' is not a date YYYY-MM-DD"),
                 dk_date_valid (from) ? to : from);
  else if (!starts_half)
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                 T_ (lang, "the period must start on %.4s-01-01 or %.4s-07-01, not %s: a report covers a calendar "
                           "year or a half of one"), from, from, from);
  else if (strcmp (from + 5, "01-01") == 0 && strncmp (from, to, 4) == 0
           && (strcmp (to + 5, "06-30") == 0 || strcmp (to + 5, "12-31") == 0))
    return TRUE;
  else if (strcmp (from + 5, "07-01") == 0 && strncmp (from, to, 4) == 0 && strcmp (to + 5, "12-31") == 0)
    return TRUE;
  else if (strcmp (from + 5, "01-01") == 0)
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                 T_ (lang, "the period must end on %.4s-06-30 or %.4s-12-31, not %s: a report covers a calendar "
                           "year or a half of one"), from, from, to);
  else
    g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                 T_ (lang, "the period must end on %.4s-12-31, not %s: a report covers a calendar year or a half "
                           "of one"), from, to);
  return FALSE;
}

/* All the participation recorded: each participant a person, in a
 * department (the first two levels of their unit's path) and of a gender;
 * each participant's hours per kind of activity and month; and the periods
 * a report may ask for, whose figures are protected together. */
typedef struct {
  GPtrArray *depts, *kinds;    /* names, sorted */
  GPtrArray *months;           /* YYYY-MM, sorted: the months with participation */
  GArray    *people;           /* Participant */
  GArray    *pairs;            /* Pair, by person, then kind, then month */
  GArray    *ranges;           /* Range: 0 every month, then the months of each year */
} Participation;

enum { WOMEN, MEN, OTHER, N_PARTICIPATION_GENDERS };

typedef struct {
  guint dept;                  /* index in depts, or depts->len for none */
  guint gender;
  guint first_pair, n_pairs;
} Participant;

typedef struct {
  guint  person, kind, month;
  double hours;
} Pair;

/* Months FIRST to LAST (indices in months), inclusive. */
typedef struct {
  guint first, last;
} Range;

static void
participation_clear (Participation *p)
{
  g_clear_pointer (&p->depts, g_ptr_array_unref);
  g_clear_pointer (&p->kinds, g_ptr_array_unref);
  g_clear_pointer (&p->months, g_ptr_array_unref);
  g_clear_pointer (&p->people, g_array_unref);
  g_clear_pointer (&p->pairs, g_array_unref);
  g_clear_pointer (&p->ranges, g_array_unref);
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

/* Returns the month (1–12) of P's month index I. */
static guint
month_of_year (const Participation *p, guint i)
{
  return (guint) atoi ((const char *) p->months->pdata[i] + 5);
}

/* Sets P's ranges: every month, then each year's and each half-year's. */
static void
participation_ranges (Participation *p)
{
  p->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Range all = { 0, p->months->len - 1 };
  if (p->months->len > 0)
    g_array_append_val (p->ranges, all);
  for (guint y = 0, next; y < p->months->len; y = next)
    {
      guint half = y;   /* the first month of the second half, or the next year's */
      for (next = y; next < p->months->len && strncmp (p->months->pdata[next], p->months->pdata[y], 4) == 0; next++)
        if (month_of_year (p, next) <= 6)
          half = next + 1;
      Range periods[] = { { y, next - 1 }, { y, half - 1 }, { half, next - 1 } };
      /* a year without a first (second) half has none: HALF − 1 may wrap */
      for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
        if (periods[i].first <= periods[i].last && periods[i].last < next)
          g_array_append_val (p->ranges, periods[i]);
    }
}

/* Reads the records R (dk_store_participation_by_month) into *P. */
static void
participation_read (Participation *p, const DkRecords *r)
{
  g_autoptr (GHashTable) depts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = dk_records_n_rows (r);
  for (guint i = 0; i < n; i++)
    {
      char *dept = department_of (dk_records_text (r, i, 1));
      if (dept != NULL)
        g_hash_table_add (depts, dept);
      g_hash_table_add (kinds, g_strdup (dk_records_text (r, i, 3)));
      g_hash_table_add (months, g_strdup (dk_records_text (r, i, 4)));
    }
  p->depts = sorted_names (depts);
  p->kinds = sorted_names (kinds);
  p->months = sorted_names (months);
  p->people = g_array_new (FALSE, FALSE, sizeof (Participant));
  p->pairs = g_array_sized_new (FALSE, FALSE, sizeof (Pair), n);
  for (guint i = 0; i < n; i++)
    {
      if (i == 0 || strcmp (dk_records_text (r, i, 0), dk_records_text (r, i - 1, 0)) != 0)
        {
          g_autofree char *dept = department_of (dk_records_text (r, i, 1));
          const char *gender = dk_records_text (r, i, 2);
          Participant x = { dept != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (depts, dept)) : p->depts->len,
                            g_strcmp0 (gender, "F") == 0 ? WOMEN : g_strcmp0 (gender, "M") == 0 ? MEN : OTHER,
                            i, 0 };
          g_array_append_val (p->people, x);
        }
      g_array_index (p->people, Participant, p->people->len - 1).n_pairs++;
      Pair pair = { p->people->len - 1, GPOINTER_TO_UINT (g_hash_table_lookup (kinds, dk_records_text (r, i, 3))),
                    GPOINTER_TO_UINT (g_hash_table_lookup (months, dk_records_text (r, i, 4))),
                    dk_records_number (r, i, 5) };
      g_array_append_val (p->pairs, pair);
    }
  participation_ranges (p);
}

/* The cells of one period of the participants' pattern: the total, the
 * genders, the departments, the kinds, then the parts: the participants
 * placed in no unit, and each department × gender.  The hours' pattern has
 * the same cells up to the parts, then each department × kind. */
#define CELL_TOTAL 0u
#define CELL_GENDER(g) (1u + (g))
#define CELL_DEPT(p, d) (1u + N_PARTICIPATION_GENDERS + (d))
#define CELL_KIND(p, k) (CELL_DEPT (p, (p)->depts->len) + (k))
#define CELL_NO_DEPT(p) CELL_KIND (p, (p)->kinds->len)
#define CELL_DEPT_GENDER(p, d, g) (CELL_NO_DEPT (p) + 1 + (d) * N_PARTICIPATION_GENDERS + (g))
#define N_PEOPLE_CELLS(p) CELL_DEPT_GENDER (p, (p)->depts->len, 0)
#define CELL_DEPT_KIND(p, d, k) (CELL_NO_DEPT (p) + 1 + (d) * (p)->kinds->len + (k))
#define N_HOURS_CELLS(p) CELL_DEPT_KIND (p, (p)->depts->len, 0)

/* Writes into CELLS the cells of one period, of the participants' pattern
 * (of the hours', with HOURS) that person X is in over months A to B; returns
 * how many (CELLS has room for 4 + 2 × the kinds). */
static guint
person_cells (const Participation *p, guint x, guint a, guint b, gboolean hours, guint *cells)
{
  const Participant *who = &g_array_index (p->people, Participant, x);
  guint n = 0, nd = p->depts->len, last_kind = G_MAXUINT;
  for (guint i = who->first_pair; i < who->first_pair + who->n_pairs; i++)
    {
      const Pair *pair = &g_array_index (p->pairs, Pair, i);
      if (pair->month < a || pair->month > b || pair->kind == last_kind)
        continue;
      last_kind = pair->kind;   /* pairs come by kind: each kind once */
      if (n == 0)
        {
          cells[n++] = CELL_TOTAL;
          cells[n++] = who->dept < nd ? CELL_DEPT (p, who->dept) : CELL_NO_DEPT (p);
          if (!hours)
            cells[n++] = CELL_GENDER (who->gender);
          if (!hours && who->dept < nd)
            cells[n++] = CELL_DEPT_GENDER (p, who->dept, who->gender);
        }
      cells[n++] = CELL_KIND (p, pair->kind);
      if (hours && who->dept < nd)
        cells[n++] = CELL_DEPT_KIND (p, who->dept, pair->kind);
    }
  return n;
}

/* Adds to OUT[cell] (N_HOURS_CELLS) the people of each cell of the hours'
 * pattern over months A to B. */
static void
hours_people (const Participation *p, guint a, guint b, guint32 *out)
{
  g_autofree guint *cells = g_new (guint, 4 + 2 * p->kinds->len);
  for (guint x = 0; x < p->people->len; x++)
    for (guint i = 0, n = person_cells (p, x, a, b, TRUE, cells); i < n; i++)
      out[cells[i]]++;
}

/* Returns the participants as classes of the same department, gender and
 * kinds and months (they are in the same cells of every period: one atom):
 * an array [class] of a person of it, and in *COUNTS how many it has. */
static GArray *
people_classes (const Participation *p, GArray **counts)
{
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                        (GDestroyNotify) g_bytes_unref, NULL);
  GArray *classes = g_array_new (FALSE, FALSE, sizeof (guint));
  *counts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) key = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint x = 0; x < p->people->len; x++)
    {
      const Participant *who = &g_array_index (p->people, Participant, x);
      /* the key: department and gender, then each kind and month (neighbours
       * in their structs) */
      g_array_set_size (key, 0);
      g_array_append_vals (key, &who->dept, 2);
      for (guint i = who->first_pair; i < who->first_pair + who->n_pairs; i++)
        g_array_append_vals (key, &g_array_index (p->pairs, Pair, i).kind, 2);
      g_autoptr (GBytes) bytes = g_bytes_new (key->data, key->len * sizeof (guint));
      gpointer at;
      if (!g_hash_table_lookup_extended (index, bytes, NULL, &at))
        {
          g_array_append_val (classes, x);
          guint32 zero = 0;
          g_array_append_val (*counts, zero);
          g_hash_table_insert (index, g_bytes_ref (bytes), at = GUINT_TO_POINTER (classes->len - 1));
        }
      g_array_index (*counts, guint32, GPOINTER_TO_UINT (at))++;
    }
  return classes;
}

/* Makes C's CELL, a period's total, the last the solver hides when it is
 * K or more: where a combination of cells gives a small group, the solver
 * hides its smallest cell, and the participants in total and their hours
 * are what funders ask for.  (Counts above 2^30 are never small.) */
static void
funders_last (DkCountCells *c, guint cell, guint k)
{
  guint32 count = dk_count_cells_count (c, cell);
  if (count >= k)
    dk_count_cells_set_count (c, cell, count + (1u << 30));
}

static gboolean
range_within (const Range *inner, const Range *outer)
{
  return inner->first >= outer->first && inner->last <= outer->last
         && (inner->first != outer->first || inner->last != outer->last);
}

/* Adds to C, as parts, each cell of a period minus the same cell of a
 * period within it, when that gives 1 to K − 1 participants: the people who
 * took part in the longer period and not in the shorter.  Cells of the
 * same group are N apart from one period to the next. */
static void
add_people_differences (DkCountCells *c, const Participation *p, guint n, guint k)
{
  for (guint r1 = 0; r1 < p->ranges->len; r1++)
    for (guint r2 = 1; r2 < p->ranges->len; r2++)
      {
        if (!range_within (&g_array_index (p->ranges, Range, r2), &g_array_index (p->ranges, Range, r1)))
          continue;
        for (guint i = 0; i < n; i++)
          {
            guint32 d = dk_count_cells_count (c, r1 * n + i) - dk_count_cells_count (c, r2 * n + i);
            if (d > 0 && d < k)
              dk_count_cells_add_difference (c, r1 * n + i, r2 * n + i, d);
          }
      }
}

/* Returns which cells of the participants' pattern are hidden for the
 * minimum group K, [period × N_PEOPLE_CELLS + cell] and more: the atoms
 * are the classes of people_classes, each period's cells are shown or parts
 * as in one report, and so is each difference of periods
 * (add_people_differences).  Their people go to *PEOPLE, as the hidden. */
static gboolean *
participants_hidden (const Participation *p, guint k, guint32 **people)
{
  guint nc = N_PEOPLE_CELLS (p), nr = p->ranges->len;
  g_autoptr (GArray) counts = NULL;
  g_autoptr (GArray) classes = people_classes (p, &counts);
  g_autoptr (DkCountCells) c = dk_count_cells_new (nr * nc);
  g_autofree guint *cells = g_new (guint, 4 + 2 * p->kinds->len);
  for (guint a = 0; a < classes->len; a++)
    for (guint r = 0; r < nr; r++)
      {
        const Range *range = &g_array_index (p->ranges, Range, r);
        guint n = person_cells (p, g_array_index (classes, guint, a), range->first, range->last, FALSE, cells);
        for (guint i = 0; i < n; i++)
          dk_count_cells_add (c, r * nc + cells[i], a, g_array_index (counts, guint32, a));
      }
  add_people_differences (c, p, nc, k);
  *people = g_new (guint32, MAX (nr * nc, 1));
  for (guint i = 0; i < nr * nc; i++)
    (*people)[i] = dk_count_cells_count (c, i);
  for (guint r = 0; r < nr; r++)
    funders_last (c, r * nc + CELL_TOTAL, k);
  guint n = dk_count_cells_size (c);
  g_autofree DkCellKind *kind = g_new (DkCellKind, n);
  g_autofree guint *margin = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    {
      guint r = i / nc, cell = i % nc;
      kind[i] = i < nr * nc && cell < CELL_NO_DEPT (p) ? DK_CELL_SHOWN : DK_CELL_PART;
      /* within a period the genders add up to the total, and so do the
       * departments with the participants placed in no unit */
      if (i < nr * nc && cell >= CELL_GENDER (0) && cell < CELL_DEPT (p, 0))
        margin[i] = 1 + 2 * r;
      else if (i < nr * nc && ((cell >= CELL_DEPT (p, 0) && cell < CELL_KIND (p, 0)) || cell == CELL_NO_DEPT (p)))
        margin[i] = 2 + 2 * r;
    }
  return dk_count_cells_solve (c, classes->len, kind, margin, k);
}

/* The atoms of the hours' pattern: the participations of one department
 * (or none) in one kind in one month, in that order; returns an array
 * [department × kinds × months + kind × months + month] of the atom's
 * index + 1 (0: none), and in *N how many atoms. */
static guint *
hours_atoms (const Participation *p, guint *n)
{
  guint nk = p->kinds->len, nm = p->months->len;
  guint *atom = g_new0 (guint, (p->depts->len + 1) * nk * nm + 1);
  for (guint i = 0; i < p->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (p->pairs, Pair, i);
      guint dept = g_array_index (p->people, Participant, pair->person).dept;
      atom[(dept * nk + pair->kind) * nm + pair->month] = 1;
    }
  *n = 0;
  for (guint i = 0; i < (p->depts->len + 1) * nk * nm; i++)
    if (atom[i] != 0)
      atom[i] = ++*n;
  return atom;
}

/* The people of each hours' cell of each period, and of the months up to
 * (PREFIX) and from (SUFFIX) each month: what a period leaves of a longer
 * one is one of these. */
typedef struct {
  guint32 *per_range, *prefix, *suffix;   /* [… × N_HOURS_CELLS + cell] */
  int     *range_of;                      /* [a × months + b]: the period's index, or −1 */
} HoursPeople;

/* Returns the people of the hours' cell CELL over months A to B: a period
 * of P, or months from the first or to the last (0 when A > B). */
static guint32
piece_people (const Participation *p, const HoursPeople *h, guint a, guint b, guint cell)
{
  guint nm = p->months->len, nc = N_HOURS_CELLS (p);
  if (a > b || b >= nm)
    return 0;
  int r = h->range_of[a * nm + b];
  return r >= 0 ? h->per_range[(guint) r * nc + cell] : a == 0 ? h->prefix[b * nc + cell] : h->suffix[a * nc + cell];
}

/* Adds to C, as parts, each hours' cell of a period minus the same cell of
 * a period within it (hours add up over months: the hours of the months
 * before and after it) when each of the two has fewer than K people: their
 * sum may be of fewer than K, and is taken as such. */
static void
add_hours_differences (DkCountCells *c, const Participation *p, const HoursPeople *h, guint k)
{
  guint n = N_HOURS_CELLS (p);
  for (guint r1 = 0; r1 < p->ranges->len; r1++)
    for (guint r2 = 1; r2 < p->ranges->len; r2++)
      {
        const Range *outer = &g_array_index (p->ranges, Range, r1), *inner = &g_array_index (p->ranges, Range, r2);
        if (!range_within (inner, outer))
          continue;
        for (guint i = 0; i < n; i++)
          {
            guint32 before = inner->first > 0 ? piece_people (p, h, outer->first, inner->first - 1, i) : 0;
            guint32 after = piece_people (p, h, inner->last + 1, outer->last, i);
            if (before + after > 0 && before < k && after < k)
              dk_count_cells_add_difference (c, r1 * n + i, r2 * n + i, MAX (before, after));
          }
      }
}

/* Fills H for P: the people of each hours' cell of each period, and of
 * the months up to and from each month. */
static void
hours_people_fill (const Participation *p, HoursPeople *h)
{
  guint nc = N_HOURS_CELLS (p), nm = p->months->len;
  h->per_range = g_new0 (guint32, MAX (p->ranges->len * nc, 1));
  h->prefix = g_new0 (guint32, MAX (nm * nc, 1));
  h->suffix = g_new0 (guint32, MAX (nm * nc, 1));
  h->range_of = g_new (int, MAX (nm * nm, 1));
  for (guint i = 0; i < nm * nm; i++)
    h->range_of[i] = -1;
  for (guint r = 0; r < p->ranges->len; r++)
    {
      const Range *range = &g_array_index (p->ranges, Range, r);
      h->range_of[range->first * nm + range->last] = (int) r;
      hours_people (p, range->first, range->last, h->per_range + r * nc);
    }
  for (guint m = 0; m < nm; m++)
    {
      hours_people (p, 0, m, h->prefix + m * nc);
      hours_people (p, m, nm - 1, h->suffix + m * nc);
    }
}

static void
hours_people_clear (HoursPeople *h)
{
  g_free (h->per_range);
  g_free (h->prefix);
  g_free (h->suffix);
  g_free (h->range_of);
}

/* Returns which hours are hidden for the minimum group K, [period ×
 * N_HOURS_CELLS + cell] (the genders' are not published): the hours of the
 * cells PEOPLE_HIDDEN hides are, and more where the hours shown would give
 * the hours of fewer than K people by subtraction, within a period or
 * between periods.  The atoms are hours_atoms; a cell is about its people. */
static gboolean *
hours_hidden (const Participation *p, const gboolean *people_hidden, guint k)
{
  guint np = N_PEOPLE_CELLS (p), nc = N_HOURS_CELLS (p), nr = p->ranges->len, nk = p->kinds->len;
  guint nm = p->months->len, n_atoms;
  g_autofree guint *atom = hours_atoms (p, &n_atoms);
  g_autoptr (DkCountCells) c = dk_count_cells_new (nr * nc);
  HoursPeople h = { 0 };
  hours_people_fill (p, &h);
  for (guint r = 0; r < nr; r++)
    {
      const Range *range = &g_array_index (p->ranges, Range, r);
      for (guint d = 0; d <= p->depts->len; d++)
        for (guint kind = 0; kind < nk; kind++)
          for (guint m = range->first; m <= range->last; m++)
            {
              guint a = atom[(d * nk + kind) * nm + m];
              if (a == 0)
                continue;
              guint base = r * nc;
              dk_count_cells_add (c, base + CELL_TOTAL, a - 1, 1);
              dk_count_cells_add (c, base + (d < p->depts->len ? CELL_DEPT (p, d) : CELL_NO_DEPT (p)), a - 1, 1);
              dk_count_cells_add (c, base + CELL_KIND (p, kind), a - 1, 1);
              if (d < p->depts->len)
                dk_count_cells_add (c, base + CELL_DEPT_KIND (p, d, kind), a - 1, 1);
            }
      for (guint i = 0; i < nc; i++)
        dk_count_cells_set_count (c, r * nc + i, h.per_range[r * nc + i]);
    }
  add_hours_differences (c, p, &h, k);
  hours_people_clear (&h);
  for (guint r = 0; r < nr; r++)
    funders_last (c, r * nc + CELL_TOTAL, k);
  guint n = dk_count_cells_size (c);
  g_autofree DkCellKind *kind = g_new (DkCellKind, n);
  g_autofree guint *margin = g_new0 (guint, n);
  for (guint i = 0; i < n; i++)
    {
      guint r = i / nc, cell = i % nc;
      gboolean published = i < nr * nc && (cell == CELL_TOTAL || (cell >= CELL_DEPT (p, 0) && cell < CELL_NO_DEPT (p)));
      kind[i] = !published ? DK_CELL_PART : people_hidden[r * np + cell] ? DK_CELL_FIXED_HIDDEN : DK_CELL_SHOWN;
      if (i < nr * nc && ((cell >= CELL_DEPT (p, 0) && cell < CELL_KIND (p, 0)) || cell == CELL_NO_DEPT (p)))
        margin[i] = 2 + 2 * r;
    }
  return dk_count_cells_solve (c, n_atoms, kind, margin, k);
}

/* Returns the table NAME titled TITLE of the N groups NAMES (each put
 * into words in LANG by WORD, NULL: as they are), their participants and
 * hours, suppressed where PEOPLE_HIDDEN and HOURS_HIDDEN hide them. */
static DkTable *
groups_table (const char *name, const char *title, const GPtrArray *names,
              const char *(*word) (const char *name, DkLang lang), const guint32 *participants,
              const double *hours, const gboolean *people_hidden, const gboolean *hours_hidden, DkLang lang)
{
  DkTable *t = dk_table_new (name, title);
  dk_table_add_column (t, "group", T_ (lang, "Group"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "participants", T_ (lang, "Participants"), DK_COLUMN_INTEGER);
  dk_table_add_column (t, "hours", T_ (lang, "Hours"), DK_COLUMN_HOURS);
  for (guint i = 0; i < names->len; i++)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, word != NULL ? word (names->pdata[i], lang) : names->pdata[i]);
      dk_table_set_number (t, row, 1, participants[i]);
      dk_table_set_number (t, row, 2, hours[i]);
      if (people_hidden[i])
        dk_table_set_suppressed (t, row, 1);
      if (hours_hidden[i])
        dk_table_set_suppressed (t, row, 2);
    }
  return t;
}

/* The figures of the participation report, per cell of the participants'
 * pattern (hours of the genders are not published). */
typedef struct {
  guint32  *people;
  double   *hours;
  gboolean *people_hidden, *hours_hidden;
} Figures;

static void
figures_clear (Figures *f)
{
  g_free (f->people);
  g_free (f->hours);
  g_free (f->people_hidden);
  g_free (f->hours_hidden);
}

/* Returns the index in P's ranges of the period FROM to TO (one that
 * dk_participation_period_check accepts; NULL: every month), or −1 when no
 * month of it has participation. */
static int
range_of_period (const Participation *p, const char *from, const char *to)
{
  guint a = 0, b = p->months->len;   /* the months [a, b) of the period */
  while (from != NULL && a < b && strncmp (p->months->pdata[a], from, 7) < 0)
    a++;
  while (to != NULL && b > a && strncmp (p->months->pdata[b - 1], to, 7) > 0)
    b--;
  for (guint r = 0; a < b && r < p->ranges->len; r++)
    if (g_array_index (p->ranges, Range, r).first == a && g_array_index (p->ranges, Range, r).last == b - 1)
      return (int) r;
  return -1;
}

static void
participation_figures (const Participation *p, guint k, int period, Figures *f)
{
  guint nd = p->depts->len, n = CELL_NO_DEPT (p) + 1, np = N_PEOPLE_CELLS (p), nh = N_HOURS_CELLS (p);
  f->people = g_new0 (guint32, n);
  f->hours = g_new0 (double, n);
  f->people_hidden = g_new0 (gboolean, n);
  f->hours_hidden = g_new0 (gboolean, n);
  if (period < 0)
    return;   /* no participation in the period: nothing to hide */
  g_autofree guint32 *people = NULL;
  g_autofree gboolean *people_hidden = participants_hidden (p, k, &people);
  g_autofree gboolean *hours = hours_hidden (p, people_hidden, k);
  const Range *range = &g_array_index (p->ranges, Range, period);
  guint r = (guint) period;
  for (guint i = 0; i < n; i++)
    f->people[i] = people[r * np + i];
  for (guint i = 0; i < p->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (p->pairs, Pair, i);
      guint dept = g_array_index (p->people, Participant, pair->person).dept;
      if (pair->month < range->first || pair->month > range->last)
        continue;
      f->hours[CELL_TOTAL] += pair->hours;
      f->hours[dept < nd ? CELL_DEPT (p, dept) : CELL_NO_DEPT (p)] += pair->hours;
      f->hours[CELL_KIND (p, pair->kind)] += pair->hours;
    }
  /* the parts of a hidden total are hidden too, as they have always been;
   * hours go with their people, and where the hours in total are hidden
   * (another period's differs by the hours of a few) so are the others */
  gboolean total = people_hidden[r * np + CELL_TOTAL], hours_total = total || hours[r * nh + CELL_TOTAL];
  for (guint i = 0; i < n; i++)
    {
      f->people_hidden[i] = total || people_hidden[r * np + i];
      f->hours_hidden[i] = f->people_hidden[i] || hours_total || (i >= CELL_DEPT (p, 0) && hours[r * nh + i]);
    }
}

static DkReport *
participation_report (DkStore *store, const DkParticipationQuery *q, DkLang lang, GError **error)
{
  const char *field;
  if (!dk_participation_period_check (q->from, q->to, lang, &field, error))
    return NULL;
  g_autoptr (DkRecords) records = dk_store_participation_by_month (store, error);
  if (records == NULL)
    return NULL;
  guint k = q->min_group;
  Participation p = { 0 };
  participation_read (&p, records);
  Figures f = { 0 };
  participation_figures (&p, k, range_of_period (&p, q->from, q->to), &f);
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
    if ((row < 4 ? f.people_hidden : f.hours_hidden)[cells[row]])
      dk_table_set_suppressed (t, row, 1);
  dk_report_add_table (report, t);
  guint d0 = CELL_DEPT (&p, 0), k0 = CELL_KIND (&p, 0);
  dk_report_add_table (report, groups_table ("by_unit", T_ (lang, "Per department"), p.depts, NULL, f.people + d0,
                                             f.hours + d0, f.people_hidden + d0,
                                             f.hours_hidden + d0, lang));
  dk_report_add_table (report, groups_table ("by_kind", T_ (lang, "Per kind of activity"), p.kinds,
                                             dk_activity_kind_word, f.people + k0, f.hours + k0,
                                             f.people_hidden + k0, f.hours_hidden + k0, lang));
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
