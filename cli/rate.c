/*
 * rate.c — `digikomp rate`: set one self, motivation or manager level,
 * non-interactively.
 */
#include "cli.h"
#include "store.h"

#include <stdio.h>
#include <string.h>

int
cmd_rate (int argc, char **argv)
{
  CliCommon common = { 0 };
  gboolean self = FALSE, manager = FALSE, motivation = FALSE;
  g_autofree char *round = NULL, *reason = NULL, *by = NULL;
  const GOptionEntry entries[] = {
    { "self", 0, 0, G_OPTION_ARG_NONE, &self, N_("Set the self-rating (a level or ?)"), NULL },
    { "motivation", 0, 0, G_OPTION_ARG_NONE, &motivation, N_("Set the motivation to develop"), NULL },
    { "manager", 0, 0, G_OPTION_ARG_NONE, &manager, N_("Adjust the level as the manager"), NULL },
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the manager adjusts the level"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who adjusts, or enters a paper form for PERSON: the manager's person id, or hr:NAME"), N_("PERSON") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "rate", _("(--self|--motivation|--manager) PERSON COMPETENCE LEVEL"),
      _("Sets one level of PERSON in a round; every change is audited.\n"
        "A manager adjustment needs --reason and --by, and a shared self-rating.\n"
        "--self or --motivation with --by MANAGER enters PERSON's paper form: audited\n"
        "as entered by MANAGER for PERSON, and the rating counts as shared."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 4 || self + manager + motivation != 1)
    rc = cli_usage_error (_("usage: digikomp rate (--self|--motivation|--manager) PERSON COMPETENCE LEVEL"));
  else if (manager && by == NULL)
    rc = cli_usage_error (_("a manager adjustment needs --by MANAGER (or --by hr:NAME)"));
  else if (manager && (reason == NULL || *reason == '\0'))
    rc = cli_usage_error (_("a manager adjustment needs a reason (--reason TEXT)"));
  else if (cli_parse_level (argv[3], self) < 0)
    rc = cli_usage_error (_("'%s' is not a level%s"), argv[3], self ? _(" or ?") : "");
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      guint level = (guint) cli_parse_level (argv[3], self);
      DkContext dctx = cli_context (&common);
      /* --by someone else than PERSON: they enter PERSON's paper form */
      gboolean paper = by != NULL && !manager && strcmp (by, argv[1]) != 0;
      const DkContext *as = by != NULL ? cli_acting_as (&dctx, by) : &dctx;
      gboolean ok = store != NULL
                    && (paper ? dk_store_rate_from_paper (store, round, argv[1], argv[2], level, motivation, as,
                                                      &error)
                        : self ? dk_store_rate_self (store, round, argv[1], argv[2], level, as, &error)
                        : motivation ? dk_store_rate_motivation (store, round, argv[1], argv[2], level, as, &error)
                        : dk_store_rate_manager (store, round, argv[1], argv[2], level, reason, as, &error));
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!ok)
        rc = cli_fail (_("cannot set the level"), error);
    }
  cli_common_clear (&common);
  return rc;
}
