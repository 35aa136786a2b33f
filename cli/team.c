/*
 * team.c — `digikomp team`: a manager's team as a grid of gaps.
 */
#include "cli.h"
#include "views.h"

int
cmd_team (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *round = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Everyone below MANAGER, not only direct reports"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "team", "MANAGER",
      _("The manager's team as a person × competence grid of gaps, with who has not\n"
        "shared a self-rating and who has had no conversation.  A view for the manager:\n"
        "it shows individuals and never feeds HR's group reports."),
      entries, &common);
  int rc;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp team MANAGER [--round R] [--all]"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autoptr (DkReport) report = store ? dk_view_team (store, argv[1], round, all, common.lang, &error) : NULL;
      rc = store == NULL ? CLI_FAILED
           : report == NULL ? cli_fail (_("cannot show the team"), error)
           : cli_emit_report (report, &common);
    }
  cli_common_clear (&common);
  return rc;
}
