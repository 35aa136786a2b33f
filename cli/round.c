/*
 * round.c — `digikomp round open|close|list`.
 */
#include "cli.h"
#include "store.h"
#include "report-model.h"

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
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_store_round_open (store, argv[1], title, fw[0], fw[1], cli_actor (), &error))
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
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_store_round_close (store, argv[1], cli_actor (), &error))
        rc = cli_fail (_("cannot close the round"), error);
      else
        printf (_("Round %s closed.\n"), argv[1]);
    }
  cli_common_clear (&common);
  return rc;
}

static int
print_rounds (DkStore *store, GPtrArray *rounds, const CliCommon *common)
{
  g_autoptr (DkReport) report = dk_report_new (_("Rounds"), common->lang);
  DkTable *t = dk_table_new ("rounds", NULL);
  dk_table_add_column (t, "round", _("Round"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "title", _("Title"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "framework", _("Framework"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "state", _("State"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "opened", _("Opened"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "closed", _("Closed"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "registered", _("Registered"), DK_COLUMN_INTEGER);
  for (guint i = 0; i < rounds->len; i++)
    {
      const DkRound *r = g_ptr_array_index (rounds, i);
      g_autoptr (GError) error = NULL;
      gint64 registered = dk_store_round_registered (store, r, &error);
      if (registered < 0)
        {
          dk_table_free (t);
          return cli_fail (_("cannot list the rounds"), error);
        }
      g_autofree char *fw = g_strdup_printf ("%s@%s", r->framework_id, r->framework_version);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, r->code);
      dk_table_set_text (t, row, 1, r->title);
      dk_table_set_text (t, row, 2, fw);
      dk_table_set_text (t, row, 3, r->open ? _("open") : _("closed"));
      dk_table_set_text (t, row, 4, r->opened_at);
      dk_table_set_text (t, row, 5, r->closed_at);
      dk_table_set_number (t, row, 6, (double) registered);
    }
  dk_report_add_table (report, t);
  return cli_emit_report (report, common);
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
      g_autoptr (GPtrArray) rounds = store ? dk_store_rounds (store, &error) : NULL;
      if (store == NULL)
        rc = CLI_FAILED;
      else if (rounds == NULL)
        rc = cli_fail (_("cannot list the rounds"), error);
      else
        rc = print_rounds (store, rounds, &common);
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
