/*
 * catalogue.c — `digikomp catalogue import|list|show`.
 */
#include "cli.h"
#include "catalogue.h"
#include "import.h"
#include "report-model.h"

#include <stdio.h>
#include <string.h>

static int
catalogue_import (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "catalogue import", "FILE.xml|FILE.csv",
      _("Adds or replaces learning activities from a catalogue, XML or CSV (docs/formats.md).\n"
        "Every problem is reported as FILE:LINE and then nothing is written."), NULL, &common);
  g_autofree char *encoding_name = NULL;
  cli_add_encoding_option (ctx, &encoding_name);
  DkCsvEncoding encoding;
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp catalogue import FILE.xml|FILE.csv"));
  else if (!cli_encoding (encoding_name, &encoding))
    rc = CLI_USAGE;
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      DkImportSummary s;
      DkContext dctx = cli_context (&common);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_import_catalogue (store, argv[1], encoding, &s, &dctx, &error))
        rc = cli_fail (_("cannot import the catalogue"), error);
      else
        printf (_("Activities: %llu rows; %llu added, %llu replaced\n"), (unsigned long long) s.rows,
                (unsigned long long) s.added, (unsigned long long) s.updated);
    }
  cli_common_clear (&common);
  return rc;
}

static gboolean
matches (const DkActivity *a, const char *competence, const char *theme)
{
  return (competence == NULL || dk_activity_develops (a, competence) != NULL)
         && (theme == NULL || g_strv_contains ((const char *const *) a->themes, theme));
}

static int
catalogue_list (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *competence = NULL, *theme = NULL;
  const GOptionEntry entries[] = {
    { "competence", 'c', 0, G_OPTION_ARG_STRING, &competence, N_("Only activities developing this competence"), N_("ID") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme, N_("Only activities of this theme"), N_("THEME") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new ("catalogue list", NULL, _("Lists the learning activities."),
                                                    entries, &common);
  if (!cli_parse (ctx, &argc, &argv, &common))
    return CLI_USAGE;
  g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = store ? dk_catalogue_load (store, &error) : NULL;
  int rc;
  if (store == NULL)
    rc = CLI_FAILED;
  else if (all == NULL)
    rc = cli_fail (_("cannot read the catalogue"), error);
  else
    {
      g_autoptr (DkReport) report = dk_report_new (_("Learning activities"), common.lang);
      DkTable *t = dk_table_new ("activities", NULL);
      const char *keys[] = { "id", "title", "kind", "format", "hours", "develops", "themes" };
      const char *labels[] = { N_("Id"), N_("Title"), N_("Kind"), N_("Format"), N_("Hours"), N_("Develops"), N_("Themes") };
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        dk_table_add_column (t, keys[i], _(labels[i]), i == 4 ? DK_COLUMN_HOURS : DK_COLUMN_TEXT);
      for (guint i = 0; i < all->len; i++)
        {
          const DkActivity *a = all->pdata[i];
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
          dk_table_set_text (t, row, 1, dk_activity_title (a, common.lang));
          dk_table_set_text (t, row, 2, a->kind);
          dk_table_set_text (t, row, 3, a->format);
          dk_table_set_number (t, row, 4, a->hours);
          dk_table_set_text (t, row, 5, dev->str);
          dk_table_set_text (t, row, 6, themes);
          g_string_free (dev, TRUE);
        }
      dk_report_add_table (report, t);
      rc = cli_emit_report (report, &common);
    }
  cli_common_clear (&common);
  return rc;
}

static int
catalogue_show (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new ("catalogue show", "ID", _("Shows one learning activity."),
                                                    NULL, &common);
  if (!cli_parse (ctx, &argc, &argv, &common))
    return CLI_USAGE;
  int rc = CLI_OK;
  g_autoptr (DkStore) store = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  const DkActivity *a = NULL;
  if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp catalogue show ID"));
  else if ((store = cli_store_open (&common, FALSE)) == NULL)
    rc = CLI_FAILED;
  else if ((all = dk_catalogue_load (store, &error)) == NULL)
    rc = cli_fail (_("cannot read the catalogue"), error);
  else if ((a = dk_catalogue_find (all, argv[1])) == NULL)
    {
      fprintf (stderr, "digikomp: ");
      fprintf (stderr, _("no such activity: '%s'; see: digikomp catalogue list"), argv[1]);
      fputc ('\n', stderr);
      rc = CLI_BAD_INPUT;
    }
  else
    {
      g_autoptr (DkReport) report = dk_report_new (dk_activity_title (a, common.lang), common.lang);
      DkTable *t = dk_table_new ("activity", NULL);
      dk_table_add_column (t, "field", _("Field"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "value", _("Value"), DK_COLUMN_TEXT);
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
            g_string_append_printf (sessions, _(" (%u seats)"), x->seats);
        }
      const char *fields[][2] = {
        { N_("Id"), a->id }, { N_("Kind"), a->kind }, { N_("Format"), a->format }, { N_("Hours"), hours },
        { N_("Language"), a->language }, { N_("Develops"), dev->str },
        { N_("For roles"), *roles ? roles : _("everyone") }, { N_("For units"), *units ? units : _("everyone") },
        { N_("Themes"), themes }, { N_("Sessions"), sessions->len ? sessions->str : _("always available") },
        { N_("Description"), a->description[common.lang] }, { N_("Preparation"), a->preparation },
        { N_("Follow-up"), a->follow_up },
        { N_("Easy Swedish"), a->easy_swedish ? _("yes") : _("no") },
        { N_("Read aloud"), a->read_aloud ? _("yes") : _("no") },
      };
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          guint row = dk_table_add_row (t);
          dk_table_set_text (t, row, 0, _(fields[i][0]));
          dk_table_set_text (t, row, 1, fields[i][1]);
        }
      g_string_free (dev, TRUE);
      g_string_free (sessions, TRUE);
      dk_report_add_table (report, t);
      rc = cli_emit_report (report, &common);
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_catalogue (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "import", catalogue_import, N_("Import learning activities from XML or CSV") },
    { "list", catalogue_list, N_("List the activities") },
    { "show", catalogue_show, N_("Show one activity") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("catalogue", subs, argc, argv);
}
