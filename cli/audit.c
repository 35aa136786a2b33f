/*
 * audit.c — `digikomp audit`: every recorded change about a person.
 */
#include "cli.h"
#include "views-audit.h"

int
cmd_audit (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "audit", "PERSON", _("Lists every recorded change about PERSON: who, when, what, old and new."),
      NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp audit PERSON"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      DkAuditFilter filter = { .person = argv[1] };
      /* who acted in the reader's words, but JSON keeps the stored code for programs */
      gboolean stored_forms = g_strcmp0 (common.format, "json") == 0;
      g_autoptr (DkReport) report = store != NULL ? dk_view_audit (store, &filter, stored_forms, NULL,
                                                                   common.lang, &error)
                                                  : NULL;
      if (store == NULL)
        rc = CLI_FAILED;
      else if (report == NULL)
        rc = cli_fail (_("cannot read the audit log"), error);
      else
        rc = cli_emit_report (report, &common);
    }
  cli_common_clear (&common);
  return rc;
}
