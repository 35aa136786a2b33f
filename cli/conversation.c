/*
 * conversation.c — `digikomp conversation`: record that the development
 * conversation was held (--held DATE), or show its sheet.
 */
#include "cli.h"
#include "store.h"
#include "views.h"

#include <stdio.h>

static int
conversation_sheet (const char *person, const char *round, const CliCommon *common)
{
  g_autoptr (DkStore) store = cli_store_open (common, FALSE);
  if (store == NULL)
    return CLI_FAILED;
  g_autoptr (GError) error = NULL;
  /* only HTML shows the chart; an unknown format fails when the sheet is written */
  DkFormat format;
  gboolean charts = !dk_format_parse (common->format, &format) || format == DK_FORMAT_HTML;
  g_autoptr (DkReport) report = dk_view_conversation (store, person, round, charts, common->lang, &error);
  if (report == NULL)
    return cli_fail (_("cannot show the conversation sheet"), error);
  return cli_emit_report (report, common);
}

int
cmd_conversation (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *round = NULL, *held = NULL;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { "held", 0, 0, G_OPTION_ARG_STRING, &held, N_("Record that the conversation was held on DATE (YYYY-MM-DD, from the round's opening to today)"), N_("DATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "conversation", "PERSON",
      _("Without --held, shows the conversation sheet: per competence the expected, self,\n"
        "manager and effective levels, the gap and the motivation.  With --held, records\n"
        "that the conversation took place (only after the self-rating is shared)."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp conversation PERSON [--round R] [--held DATE]"));
  else if (held == NULL)
    rc = conversation_sheet (argv[1], round, &common);
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      DkContext ctx = cli_context (&common);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_store_conversation_held (store, round, argv[1], held, &ctx, &error))
        rc = cli_fail (_("cannot record the conversation"), error);
      else
        printf (_("Conversation with %s recorded on %s.\n"), argv[1], held);
    }
  cli_common_clear (&common);
  return rc;
}
