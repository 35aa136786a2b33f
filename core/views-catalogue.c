/*
 * views-catalogue.c — the catalogue listing and one activity in full.
 */
#include "views-catalogue.h"

static gboolean
matches (const DkActivity *a, const char *competence, const char *theme)
{
  return (competence == NULL || dk_activity_develops (a, competence) != NULL)
         && (theme == NULL || g_strv_contains ((const char *const *) a->themes, theme));
}

DkReport *
dk_view_catalogue (const GPtrArray *catalogue, const char *competence, const char *theme, DkLang lang)
{
  DkReport *report = dk_report_new (T_ (lang, "Learning activities"), lang);
  DkTable *t = dk_table_new ("activities", NULL);
  const char *keys[] = { "id", "title", "kind", "format", "hours", "develops", "themes" };
  const char *labels[] = { N_("Id"), N_("Title"), N_("Kind"), N_("Format"), N_("Hours"), N_("Develops"), N_("Themes") };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    dk_table_add_column (t, keys[i], T_ (lang, labels[i]), i == 4 ? DK_COLUMN_HOURS : DK_COLUMN_TEXT);
  for (guint i = 0; i < catalogue->len; i++)
    {
      const DkActivity *a = catalogue->pdata[i];
      if (!matches (a, competence, theme))
        continue;
      GString *dev = g_string_new (NULL);
      for (guint d = 0; d < a->develops->len; d++)
        {
          const DkDevelops *x = &g_array_index (a->develops, DkDevelops, d);
          g_string_append_printf (dev, "%s%s:%u..%u", d ? " " : "", x->competence, x->from, x->to);
        }
      g_autofree char *themes = g_strjoinv (" ", a->themes);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, a->id);
      dk_table_set_text (t, row, 1, dk_activity_title (a, lang));
      dk_table_set_text (t, row, 2, a->kind);
      dk_table_set_text (t, row, 3, a->format);
      dk_table_set_number (t, row, 4, a->hours);
      dk_table_set_text (t, row, 5, dev->str);
      dk_table_set_text (t, row, 6, themes);
      g_string_free (dev, TRUE);
    }
  dk_report_add_table (report, t);
  return report;
}

DkReport *
dk_view_activity (const DkActivity *a, DkLang lang)
{
  DkReport *report = dk_report_new (dk_activity_title (a, lang), lang);
  DkTable *t = dk_table_new ("activity", NULL);
  dk_table_add_column (t, "field", T_ (lang, "Field"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "value", T_ (lang, "Value"), DK_COLUMN_TEXT);
  g_autofree char *hours = g_strdup_printf ("%g", a->hours);
  g_autofree char *roles = g_strjoinv (" ", a->roles), *units = g_strjoinv (" | ", a->units);
  g_autofree char *themes = g_strjoinv (" ", a->themes);
  GString *dev = g_string_new (NULL), *sessions = g_string_new (NULL);
  for (guint d = 0; d < a->develops->len; d++)
    {
      const DkDevelops *x = &g_array_index (a->develops, DkDevelops, d);
      g_string_append_printf (dev, "%s%s %u→%u", d ? ", " : "", x->competence, x->from, x->to);
    }
  for (guint s = 0; s < a->sessions->len; s++)
    {
      const DkSession *x = &g_array_index (a->sessions, DkSession, s);
      g_string_append_printf (sessions, "%s%s – %s %s", s ? "; " : "", x->start, x->end, x->place ? x->place : "");
      if (x->seats > 0)
        g_string_append_printf (sessions, T_ (lang, " (%u seats)"), x->seats);
    }
  const char *yes = T_ (lang, "yes"), *no = T_ (lang, "no"), *everyone = T_ (lang, "everyone");
  const char *fields[][2] = {
    { N_("Id"), a->id }, { N_("Kind"), a->kind }, { N_("Format"), a->format }, { N_("Hours"), hours },
    { N_("Language"), a->language }, { N_("Develops"), dev->str },
    { N_("For roles"), *roles ? roles : everyone }, { N_("For units"), *units ? units : everyone },
    { N_("Themes"), themes }, { N_("Sessions"), sessions->len ? sessions->str : T_ (lang, "always available") },
    { N_("Description"), a->description[lang] }, { N_("Preparation"), a->preparation },
    { N_("Follow-up"), a->follow_up },
    { N_("Easy Swedish"), a->easy_swedish ? yes : no },
    { N_("Read aloud"), a->read_aloud ? yes : no },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, T_ (lang, fields[i][0]));
      dk_table_set_text (t, row, 1, fields[i][1]);
    }
  g_string_free (dev, TRUE);
  g_string_free (sessions, TRUE);
  dk_report_add_table (report, t);
  return report;
}
