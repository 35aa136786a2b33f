/*
 * init.c — `digikomp init`: create a store and register a framework.
 */
#include "cli.h"
#include "framework.h"
#include "store.h"

#include <stdio.h>

int
cmd_init (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *framework = NULL;
  const GOptionEntry entries[] = {
    { "framework", 0, 0, G_OPTION_ARG_FILENAME, &framework,
      N_("The framework XML to register"), N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "init", NULL,
      _("Creates the store (mode 0600) if it does not exist and registers the framework in it.\n"
        "Run it again on an existing store to register another framework or a new version."),
      entries, &common);
  int rc = CLI_OK;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkFramework) checked = NULL;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (framework == NULL)
    rc = cli_usage_error (_("init needs --framework FILE (e.g. frameworks/kommun-digcomp-12.xml)"));
  /* checked before the store is created: a refused framework leaves no
   * empty store behind */
  else if ((checked = dk_framework_load (framework, common.lang, &error)) == NULL)
    rc = cli_fail (_("cannot register the framework"), error);
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, TRUE);
      DkContext dctx = cli_context (&common);
      g_autoptr (DkFramework) fw = store ? dk_store_register_framework (store, framework, &dctx, &error) : NULL;
      if (store == NULL)
        rc = CLI_FAILED;
      else if (fw == NULL)
        rc = cli_fail (_("cannot register the framework"), error);
      else
        printf (_("%s: framework %s version %s registered\n"), common.db,
                dk_framework_id (fw), dk_framework_version (fw));
    }
  cli_common_clear (&common);
  return rc;
}
