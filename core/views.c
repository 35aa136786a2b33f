/*
 * views.c — the conversation sheet and the team grid.
 */
#include "views.h"
#include "gap.h"
#include "svg.h"

#include <string.h>

typedef struct {
  DkRound      *round;
  DkPerson     *person;
  DkFramework  *fw;
  DkAssessment *a;
  DkPersonGap  *gaps;
} Sheet;

static void
sheet_clear (Sheet *s)
{
  dk_round_free (s->round);
  dk_person_free (s->person);
  dk_framework_free (s->fw);
  dk_assessment_free (s->a);
  g_free (s->gaps);
}

static gboolean
sheet_load (DkStore *store, const char *person, const char *round, Sheet *s, GError **error)
{
  memset (s, 0, sizeof *s);
  if ((s->round = dk_store_round (store, round, error)) == NULL
      || (s->person = dk_store_person (store, person, error)) == NULL
      || (s->fw = dk_store_round_framework (store, s->round, error)) == NULL
      || (s->a = dk_store_assessment (store, s->round->id, s->person->id, error)) == NULL)
    return FALSE;
  s->gaps = dk_gap_person (s->fw, s->a, FALSE);
  return TRUE;
}

/* Sets a level cell: the level, "?" for don't know, empty for none. */
static void
set_level (DkTable *t, guint row, guint col, guint level)
{
  if (level == DK_LEVEL_DONT_KNOW)
    dk_table_set_text (t, row, col, "?");
  else if (level != DK_LEVEL_NONE)
    dk_table_set_number (t, row, col, level);
}

/* Returns TRUE when ERROR (set or not) says only that there is nothing to
 * read: no such row.  A failing store is not "none". */
static gboolean
none_or_error (GError **missing, GError **error)
{
  if (*missing == NULL || g_error_matches (*missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (missing));
  return FALSE;
}

/* The previous round's effective levels of the same person, by competence
 * id (a new table; empty when there is no earlier assessment), or NULL with
 * ERROR when the store fails. */
static GHashTable *
previous_levels (DkStore *store, const Sheet *s, GError **error)
{
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkRound) prev = dk_store_round_previous (store, s->round, &missing);
  /* Rounds usually share a framework: parse it once. */
  gboolean same = prev != NULL && prev->framework_rowid == s->round->framework_rowid;
  g_autoptr (DkFramework) own = prev != NULL && !same ? dk_store_round_framework (store, prev, &missing) : NULL;
  const DkFramework *fw = same ? s->fw : own;
  g_autoptr (DkAssessment) a = fw != NULL ? dk_store_assessment (store, prev->id, s->person->id, &missing) : NULL;
  if (!none_or_error (&missing, error))
    return NULL;
  GHashTable *levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (a == NULL)
    return levels;
  g_autofree DkPersonGap *gaps = dk_gap_person (fw, a, FALSE);
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    if (gaps[c].effective != 0)
      g_hash_table_insert (levels, g_strdup (gaps[c].competence->id), GUINT_TO_POINTER (gaps[c].effective));
  return levels;
}

static DkTable *
sheet_table (DkStore *store, const Sheet *s, DkLang lang, GError **error)
{
  g_autoptr (GPtrArray) notes = dk_store_rating_notes (store, s->round->id, s->person->id, error);
  if (notes == NULL)
    return NULL;
  g_autoptr (GHashTable) before = previous_levels (store, s, error);
  if (before == NULL)
    return NULL;
  DkTable *t = dk_table_new ("conversation", T_ (lang, "Competences"));
  const char *keys[] = { "area", "competence", "title", "expected", "self", "manager", "effective",
                         "gap", "motivation", "dont_know", "previous", "reason" };
  const char *labels[] = { N_("Area"), N_("Competence"), N_("Title"), N_("Expected"), N_("Self"),
                           N_("Manager"), N_("Effective"), N_("Gap"), N_("Motivation"),
                           N_("Don't know"), N_("Previous round"), N_("Manager's reason") };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    dk_table_add_column (t, keys[i], T_ (lang, labels[i]),
                         i >= 3 && i <= 8 ? DK_COLUMN_INTEGER : i == 10 ? DK_COLUMN_INTEGER : DK_COLUMN_TEXT);
  for (guint c = 0; c < dk_framework_n_competences (s->fw); c++)
    {
      const DkPersonGap *g = &s->gaps[c];
      if (!g->applies)
        continue;
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, g->competence->area->id);
      dk_table_set_text (t, row, 1, g->competence->id);
      dk_table_set_text (t, row, 2, dk_competence_title (g->competence, lang));
      dk_table_set_number (t, row, 3, g->expected);
      set_level (t, row, 4, g->self);
      set_level (t, row, 5, g->manager);
      if (g->effective != 0)
        {
          dk_table_set_number (t, row, 6, g->effective);
          dk_table_set_number (t, row, 7, g->gap);
        }
      if (g->motivation != 0)
        dk_table_set_number (t, row, 8, g->motivation);
      if (g->self == DK_LEVEL_DONT_KNOW)
        dk_table_set_text (t, row, 9, T_ (lang, "yes"));
      gpointer prev = g_hash_table_lookup (before, g->competence->id);
      if (prev != NULL)
        dk_table_set_number (t, row, 10, GPOINTER_TO_UINT (prev));
      for (guint n = 0; n < notes->len; n++)
        {
          DkRatingNote *note = g_ptr_array_index (notes, n);
          if (strcmp (note->competence, g->competence->id) == 0 && note->reason != NULL)
            dk_table_set_text (t, row, 11, note->reason);
        }
      if (g->gap > 0)
        for (guint col = 6; col <= 7; col++)
          dk_table_set_emphasis (t, row, col, TRUE);
    }
  return t;
}

char *
dk_view_radar (const DkFramework *fw, const DkPersonGap *gaps, const char *expected_label,
               const char *effective_label)
{
  guint n = dk_framework_n_competences (fw);
  g_autofree const char **axes = g_new0 (const char *, n);
  g_autofree guint *expected = g_new0 (guint, n), *effective = g_new0 (guint, n);
  for (guint c = 0; c < n; c++)
    {
      axes[c] = gaps[c].competence->id;
      expected[c] = gaps[c].expected;
      effective[c] = gaps[c].effective;
    }
  const DkScale *scale = dk_framework_scale (fw);
  DkRadar radar = { n, axes, expected, effective, scale->min, scale->max, expected_label, effective_label };
  return dk_svg_radar (&radar);
}

DkReport *
dk_view_conversation (DkStore *store, const char *person, const char *round, gboolean charts, DkLang lang,
                      GError **error)
{
  Sheet s;
  DkReport *report = NULL;
  if (sheet_load (store, person, round, &s, error))
    {
      DkTable *t = sheet_table (store, &s, lang, error);
      if (t != NULL)
        {
          const DkRole *role = dk_framework_role (s.fw, s.a->role);
          g_autofree char *title = g_strdup_printf (T_ (lang, "Development conversation: %s (%s), %s, round %s"),
                                                    s.person->name, s.person->ext_id,
                                                    dk_role_title (role, lang), s.round->code);
          report = dk_report_new (title, lang);
          dk_report_add_note (report, s.person->unit_path);
          if (!(s.a->flags & DK_ASSESS_SHARED))
            dk_report_add_note (report, T_ (lang, "The self-rating is not shared yet, so it is not shown."));
          else if (s.a->conversation_at != NULL)
            {
              g_autofree char *held = g_strdup_printf (T_ (lang, "Conversation held on %s."), s.a->conversation_at);
              dk_report_add_note (report, held);
            }
          dk_report_add_note (report, T_ (lang, "Gap = expected − effective level; a positive gap is a need (marked)."));
          g_autofree char *radar = charts ? dk_view_radar (s.fw, s.gaps, T_ (lang, "Expected level"),
                                                           T_ (lang, "Effective level"))
                                          : NULL;
          if (radar != NULL)
            dk_report_add_chart (report, T_ (lang, "Expected and effective levels"), radar);
          dk_report_add_table (report, t);
        }
    }
  sheet_clear (&s);
  return report;
}

/* ---- the team grid ---------------------------------------------------------------- */

static gboolean
team_row (DkTable *t, DkStore *store, const DkRound *round, const DkFramework *fw,
          const DkPerson *p, DkLang lang, GError **error)
{
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkAssessment) a = dk_store_assessment (store, round->id, p->id, &missing);
  if (!none_or_error (&missing, error))
    return FALSE;
  guint row = dk_table_add_row (t), n = dk_framework_n_competences (fw);
  dk_table_set_text (t, row, 0, p->ext_id);
  dk_table_set_text (t, row, 1, p->name);
  if (a == NULL)
    {
      dk_table_set_text (t, row, 2, T_ (lang, "not registered"));
      return TRUE;
    }
  dk_table_set_text (t, row, 2, (a->flags & DK_ASSESS_SHARED) ? T_ (lang, "yes") : T_ (lang, "no"));
  dk_table_set_text (t, row, 3, a->conversation_at != NULL ? a->conversation_at : T_ (lang, "no"));
  g_autofree DkPersonGap *gaps = dk_gap_person (fw, a, FALSE);
  for (guint c = 0; c < n; c++)
    {
      if (!gaps[c].applies)
        dk_table_set_text (t, row, 4 + c, "·");
      else if (gaps[c].effective != 0)
        {
          dk_table_set_number (t, row, 4 + c, gaps[c].gap);
          dk_table_set_emphasis (t, row, 4 + c, gaps[c].gap > 0);
        }
    }
  return TRUE;
}

DkReport *
dk_view_team (DkStore *store, const char *manager, const char *round, gboolean subtree,
              DkLang lang, GError **error)
{
  g_autoptr (DkRound) r = dk_store_round (store, round, error);
  g_autoptr (DkPerson) m = r != NULL ? dk_store_person (store, manager, error) : NULL;
  g_autoptr (DkFramework) fw = m != NULL ? dk_store_round_framework (store, r, error) : NULL;
  g_autoptr (GPtrArray) people = fw != NULL ? dk_store_people_managed_by (store, m->id, subtree, error) : NULL;
  if (people == NULL)
    return NULL;
  if (people->len == 0)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID,
                   T_ (lang, "no such manager: '%s' (%s manages nobody in the roster); the team is that of a "
                     "manager_id of the roster"), m->ext_id, m->name);
      return NULL;
    }
  g_autofree char *title = g_strdup_printf (T_ (lang, "Team of %s (%s), round %s"), m->name, m->ext_id, r->code);
  DkReport *report = dk_report_new (title, lang);
  dk_report_add_note (report, T_ (lang, "Each cell is the gap: expected − effective level; a positive gap is a need. "
                                "Empty: no level (not answered, don't know, or not shared); ·: does not apply."));
  DkTable *t = dk_table_new ("team", NULL);
  dk_table_add_column (t, "person_id", T_ (lang, "Person"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "name", T_ (lang, "Name"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "shared", T_ (lang, "Shared"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "conversation", T_ (lang, "Conversation"), DK_COLUMN_TEXT);
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      dk_table_add_column (t, comp->id, comp->id, DK_COLUMN_INTEGER);
    }
  for (guint i = 0; i < people->len; i++)
    if (!team_row (t, store, r, fw, g_ptr_array_index (people, i), lang, error))
      {
        dk_table_free (t);
        dk_report_free (report);
        return NULL;
      }
  dk_report_add_table (report, t);
  return report;
}

DkReport *
dk_view_rounds (DkStore *store, DkLang lang, GError **error)
{
  g_autoptr (GPtrArray) rounds = dk_store_rounds (store, error);
  if (rounds == NULL)
    return NULL;
  g_autoptr (DkReport) report = dk_report_new (T_ (lang, "Rounds"), lang);
  DkTable *t = dk_table_new ("rounds", NULL);
  dk_table_add_column (t, "round", T_ (lang, "Round"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "title", T_ (lang, "Title"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "framework", T_ (lang, "Framework"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "state", T_ (lang, "State"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "opened", T_ (lang, "Opened"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "closed", T_ (lang, "Closed"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "registered", T_ (lang, "Registered"), DK_COLUMN_INTEGER);
  for (guint i = 0; i < rounds->len; i++)
    {
      const DkRound *r = g_ptr_array_index (rounds, i);
      gint64 registered = dk_store_round_registered (store, r, error);
      if (registered < 0)
        {
          dk_table_free (t);
          return NULL;
        }
      g_autofree char *fw = g_strdup_printf ("%s@%s", r->framework_id, r->framework_version);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, r->code);
      dk_table_set_text (t, row, 1, r->title);
      dk_table_set_text (t, row, 2, fw);
      dk_table_set_text (t, row, 3, r->open ? T_ (lang, "open") : T_ (lang, "closed"));
      dk_table_set_text (t, row, 4, r->opened_at);
      dk_table_set_text (t, row, 5, r->closed_at);
      dk_table_set_number (t, row, 6, (double) registered);
    }
  dk_report_add_table (report, t);
  return g_steal_pointer (&report);
}
