/*
 * round.c — `digikomp round open|close|list`.
 */
#include "cli.h"
#include "store.h"
#include "report-model.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

static int
round_open (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *title = NULL, *framework = NULL;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The round's title"), N_("TITLE") },
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework,
      N_("The framework the round uses: ID or ID@VERSION (default: the latest version)"), N_("ID") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "round open", "ID", _("Opens a rating round and registers every active person in it."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2 || title == NULL || framework == NULL)
    rc = cli_usage_error (_("usage: digikomp round open ID --title TITLE --framework ID[@VERSION]"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) fw = g_strsplit (framework, "@", 2);
      DkContext ctx = cli_context (&common);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_store_round_open (store, argv[1], title, fw[0], fw[1], &ctx, &error))
        rc = cli_fail (_("cannot open the round"), error);
      else
        {
          g_autoptr (DkRound) round = dk_store_round (store, argv[1], &error);
          gint64 registered = round != NULL ? dk_store_round_registered (store, round, &error) : -1;
          if (registered < 0)
            rc = cli_fail (_("cannot open the round"), error);
          else
            printf (_("Round %s opened on %s@%s; %lld people registered.\n"),
                    argv[1], round->framework_id, round->framework_version, (long long) registered);
        }
    }
  cli_common_clear (&common);
  return rc;
}

static int
round_close (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "round close", "ID", _("Closes a round: its ratings can no longer change."), NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp round close ID"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      DkContext ctx = cli_context (&common);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_store_round_close (store, argv[1], &ctx, &error))
        rc = cli_fail (_("cannot close the round"), error);
      else
        printf (_("Round %s closed.\n"), argv[1]);
    }
  cli_common_clear (&common);
  return rc;
}

static int
round_list (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new ("round list", NULL, _("Lists the rounds."),
                                                    NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autoptr (DkReport) rounds = store ? dk_view_rounds (store, common.lang, &error) : NULL;
      if (store == NULL)
        rc = CLI_FAILED;
      else if (rounds == NULL)
        rc = cli_fail (_("cannot list the rounds"), error);
      else
        rc = cli_emit_report (rounds, &common);
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_round (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "open", round_open, N_("Open a round and register the active people") },
    { "close", round_close, N_("Close a round") },
    { "list", round_list, N_("List the rounds") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("round", subs, argc, argv);
}
