/*
 * person.c — `digikomp person export|erase`: a person's own data.
 */
#include "cli.h"
#include "person-data.h"
#include "report-model.h"

#include <stdio.h>
#include <string.h>

static int
person_export (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "person export", "PERSON",
      _("Writes everything stored about PERSON as JSON (the right of access)."), NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp person export PERSON [--output FILE]"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autofree char *json = store ? dk_person_export_json (store, argv[1], &error) : NULL;
      if (store == NULL)
        rc = CLI_FAILED;
      else if (json == NULL)
        rc = cli_fail (_("cannot export the person"), error);
      else if (!cli_output_write (common.output, json, strlen (json), &error))
        rc = cli_fail (_("cannot write the export"), error);
    }
  cli_common_clear (&common);
  return rc;
}

static int
person_erase (int argc, char **argv)
{
  CliCommon common = { 0 };
  gboolean confirm = FALSE;
  /* hidden: how long to wait for readers before the data is overwritten on
   * disk, in seconds (the tests' short wait) */
  int wait = DK_ERASE_OVERWRITE_WAIT_MS / 1000;
  const GOptionEntry entries[] = {
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirm, N_("Really erase: it cannot be undone"), NULL },
    { "overwrite-wait", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &wait, NULL, NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "person erase", "PERSON",
      _("Erases PERSON: the person, their ratings in open rounds, comments, reasons and the\n"
        "audit rows about them.  Closed rounds keep their figures through anonymous rows\n"
        "that name nobody.  Without --confirm, says what would be removed."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2 || wait < 0)
    rc = cli_usage_error (_("usage: digikomp person erase PERSON --confirm"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      DkEraseSummary s;
      DkContext dctx = cli_context (&common);
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!dk_person_erase (store, argv[1], !confirm, (guint) wait * 1000, &s, &dctx, &error))
        rc = cli_fail (_("cannot erase the person"), error);
      else
        {
          printf (confirm ? _("Erased %s: %u assessments in open rounds removed, %u in closed rounds "
                              "anonymised, %u comments or reasons and %u audit rows removed; %u people "
                              "no longer have a manager.\n")
                          : _("Would erase %s: %u assessments in open rounds removed, %u in closed rounds "
                              "anonymised, %u comments or reasons and %u audit rows removed; %u people "
                              "would have no manager.\n"),
                  argv[1], s.assessments_deleted, s.assessments_anonymised, s.notes, s.audit_rows, s.reports);
          if (!confirm)
            rc = cli_usage_error (_("nothing erased; add --confirm to erase"));
          else if (!s.overwritten)
            {
              fprintf (stderr, _("digikomp: %s is erased, but not yet overwritten on disk: other "
                                 "processes are reading the store; it will be once they are done\n"),
                       argv[1]);
              rc = CLI_FAILED;
            }
        }
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_person (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "export", person_export, N_("Everything stored about a person, as JSON") },
    { "erase", person_erase, N_("Erase a person's data") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("person", subs, argc, argv);
}
