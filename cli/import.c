/*
 * import.c — `digikomp import roster|ratings`.
 */
#include "cli.h"
#include "import.h"
#include "progress.h"

#include <stdio.h>

static void
print_summary (const char *what, const DkImportSummary *s, gboolean dry_run)
{
  if (dry_run)
    printf (_("Dry run, nothing written. "));
  printf (_("%s: %llu rows; %llu added, %llu updated, %llu unchanged"), what,
          (unsigned long long) s->rows, (unsigned long long) s->added,
          (unsigned long long) s->updated, (unsigned long long) s->unchanged);
  if (s->deactivated > 0)
    printf (_(", %llu marked inactive"), (unsigned long long) s->deactivated);
  printf ("\n");
}

static int
import_roster (int argc, char **argv)
{
  CliCommon common = { 0 };
  gboolean full = FALSE, dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "full", 0, 0, G_OPTION_ARG_NONE, &full,
      N_("The file is the whole organisation: mark people missing from it inactive"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and count, but write nothing"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "import roster", "FILE.csv",
      _("Adds or updates people and units from a roster CSV (docs/formats.md).\n"
        "Every bad row is reported as FILE:LINE and then nothing is written."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp import roster FILE.csv [--full] [--dry-run]"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autoptr (CliProgress) progress = cli_progress_new (_("People"), common.lang);
      DkProgress hook = cli_progress_hook (progress);
      DkImportSummary summary;
      gboolean ok = store != NULL && dk_import_roster (store, argv[1], full, dry_run, &summary, &hook, &error);
      g_clear_pointer (&progress, cli_progress_free);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!ok)
        rc = cli_fail (_("cannot import the roster"), error);
      else
        print_summary (_("People"), &summary, dry_run);
    }
  cli_common_clear (&common);
  return rc;
}

static int
import_ratings (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *round = NULL;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "import ratings", "FILE.csv",
      _("Imports self, manager and motivation levels (the long CSV form of docs/formats.md)\n"
        "into an open round.  Every bad row is reported as FILE:LINE and then nothing is written."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp import ratings FILE.csv [--round R]"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autoptr (CliProgress) progress = cli_progress_new (_("Ratings"), common.lang);
      DkProgress hook = cli_progress_hook (progress);
      DkImportSummary summary;
      gboolean ok = store != NULL && dk_import_ratings (store, argv[1], round, &summary, &hook, &error);
      g_clear_pointer (&progress, cli_progress_free);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!ok)
        rc = cli_fail (_("cannot import the ratings"), error);
      else
        print_summary (_("Assessments"), &summary, FALSE);
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_import (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "roster", import_roster, N_("People and units from a roster CSV") },
    { "ratings", import_ratings, N_("Ratings of a round from a CSV") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("import", subs, argc, argv);
}
