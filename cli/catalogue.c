/*
 * catalogue.c — `digikomp catalogue import|list|show`.
 */
#include "cli.h"
#include "catalogue.h"
#include "import.h"
#include "views-catalogue.h"

#include <stdio.h>
#include <string.h>

static int
catalogue_import (int argc, char **argv)
{
  CliCommon common = { 0 };
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and count, but write nothing"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "catalogue import", "FILE.xml|FILE.csv",
      _("Adds or replaces learning activities from a catalogue, XML or CSV (docs/formats.md).\n"
        "Every problem is reported as FILE:LINE and then nothing is written."), entries, &common);
  g_autofree char *encoding_name = NULL;
  cli_add_encoding_option (ctx, &encoding_name);
  DkCsvEncoding encoding;
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp catalogue import FILE.xml|FILE.csv [--dry-run]"));
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
      else if (!dk_import_catalogue (store, argv[1], encoding, dry_run, &s, &dctx, &error))
        rc = cli_fail (_("cannot import the catalogue"), error);
      else
        {
          if (dry_run)
            printf (_("Dry run, nothing written. "));
          printf (_("Activities: %llu rows; %llu added, %llu replaced, %llu unchanged\n"),
                  (unsigned long long) s.rows, (unsigned long long) s.added, (unsigned long long) s.updated,
                  (unsigned long long) s.unchanged);
        }
    }
  cli_common_clear (&common);
  return rc;
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
      g_autoptr (DkReport) report = dk_view_catalogue (all, competence, theme, common.lang);
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
      g_autoptr (DkReport) report = dk_view_activity (a, common.lang);
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
