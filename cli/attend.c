/*
 * attend.c — `digikomp attend`: record participation in a learning activity.
 */
#include "cli.h"
#include "number.h"
#include "participation.h"
#include <stdio.h>

int
cmd_attend (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *date = NULL, *status = NULL, *hours_text = NULL;
  double hours = 0;
  g_autoptr (GError) bad_hours = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When, YYYY-MM-DD"), N_("DATE") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours_text, N_("Hours of participation"), N_("H") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("registered, attended, completed (default) or no-show"), N_("STATUS") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "attend", "PERSON ACTIVITY",
      _("Records participation in an activity; completing one marks the plan items naming it done."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 3 || date == NULL || hours_text == NULL)
    rc = cli_usage_error (_("usage: digikomp attend PERSON ACTIVITY --date DATE --hours H [--status S]"));
  else if (!dk_hours_parse (hours_text, &hours, common.lang, &bad_hours))
    rc = cli_usage_error (_("--hours: %s"), bad_hours->message);
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      DkContext dctx = cli_context (&common);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_participation_record (store, argv[1], argv[2], date, hours,
                                         status != NULL ? status : "completed", &dctx, &error))
        rc = cli_fail (_("cannot record the participation"), error);
      else
        printf (_("%s: %s on %s recorded.\n"), argv[1], argv[2], date);
    }
  cli_common_clear (&common);
  return rc;
}
