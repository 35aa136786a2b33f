/*
 * views-framework.c — a framework as a report: its scale, its competences
 * and the expected level of each role.
 */
#include "views-framework.h"

static DkTable *
competence_table (const DkFramework *fw, DkLang lang)
{
  DkTable *t = dk_table_new ("competences", T_ (lang, "Competences"));
  dk_table_add_column (t, "area", T_ (lang, "Area"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "area_title", T_ (lang, "Area title"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "competence", T_ (lang, "Competence"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "title", T_ (lang, "Title"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "digcomp", T_ (lang, "DigComp 2.2"), DK_COLUMN_TEXT);
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      g_autofree char *refs = g_strjoinv (" ", comp->digcomp);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, comp->area->id);
      dk_table_set_text (t, row, 1, dk_area_title (comp->area, lang));
      dk_table_set_text (t, row, 2, comp->id);
      dk_table_set_text (t, row, 3, dk_competence_title (comp, lang));
      dk_table_set_text (t, row, 4, refs);
    }
  return t;
}

/* The role × competence matrix of expected levels, "–" where a competence
 * does not apply to a role. */
static DkTable *
expectation_table (const DkFramework *fw, DkLang lang)
{
  DkTable *t = dk_table_new ("expectations", T_ (lang, "Expected level per role"));
  dk_table_add_column (t, "competence", T_ (lang, "Competence"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "title", T_ (lang, "Title"), DK_COLUMN_TEXT);
  for (guint r = 0; r < dk_framework_n_roles (fw); r++)
    {
      const DkRole *role = dk_framework_role (fw, r);
      dk_table_add_column (t, role->id, dk_role_title (role, lang), DK_COLUMN_INTEGER);
    }
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, comp->id);
      dk_table_set_text (t, row, 1, dk_competence_title (comp, lang));
      for (guint r = 0; r < dk_framework_n_roles (fw); r++)
        if (dk_framework_applies (fw, r, c))
          dk_table_set_number (t, row, 2 + r, dk_framework_expected (fw, r, c));
        else
          dk_table_set_text (t, row, 2 + r, "–");
    }
  return t;
}

static DkTable *
scale_table (const DkFramework *fw, DkLang lang)
{
  const DkScale *s = dk_framework_scale (fw);
  DkTable *t = dk_table_new ("scale", T_ (lang, "Scale"));
  dk_table_add_column (t, "level", T_ (lang, "Level"), DK_COLUMN_INTEGER);
  dk_table_add_column (t, "label", T_ (lang, "Label"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "descriptor", T_ (lang, "Descriptor"), DK_COLUMN_TEXT);
  for (guint l = s->min; l <= s->max; l++)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_number (t, row, 0, l);
      dk_table_set_text (t, row, 1, dk_scale_label (s, l, lang));
      dk_table_set_text (t, row, 2, dk_scale_descriptor (s, l, lang));
    }
  return t;
}

DkReport *
dk_view_framework (const DkFramework *fw, DkLang lang)
{
  g_autofree char *title = g_strdup_printf ("%s (%s %s)", dk_framework_title (fw, lang),
                                            dk_framework_id (fw), dk_framework_version (fw));
  DkReport *report = dk_report_new (title, lang);
  dk_report_add_table (report, scale_table (fw, lang));
  dk_report_add_table (report, competence_table (fw, lang));
  dk_report_add_table (report, expectation_table (fw, lang));
  g_autofree char *note = g_strdup_printf (T_ (lang, "High motivation: %u or more on %u–%u."),
                                           dk_framework_motivation_high (fw),
                                           dk_framework_motivation_scale (fw)->min,
                                           dk_framework_motivation_scale (fw)->max);
  dk_report_add_note (report, note);
  return report;
}
