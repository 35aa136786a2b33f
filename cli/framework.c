/*
 * framework.c — `digikomp framework validate|show`.
 */
#include "cli.h"
#include "framework.h"
#include "views-framework.h"

#include <stdio.h>
#include <string.h>

static int
framework_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "framework validate", "FILE...",
      _("Checks framework files against the schema and their references; prints a\n"
        "summary line for each valid file and every error of an invalid one."),
      NULL, NULL);
  if (!cli_parse (ctx, &argc, &argv, NULL))
    return CLI_USAGE;
  if (argc < 2)
    return cli_usage_error (_("usage: digikomp framework validate FILE..."));
  int rc = CLI_OK;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DkFramework) fw = dk_framework_load (argv[i], cli_messages_lang (), &error);
      if (fw == NULL)
        {
          int r = cli_fail (_("invalid framework"), error);
          rc = MAX (rc, r);
          continue;
        }
      const DkScale *scale = dk_framework_scale (fw);
      printf (_("%s: valid: %s version %s, %u areas, %u competences, %u roles, scale %u–%u\n"),
              argv[i], dk_framework_id (fw), dk_framework_version (fw), dk_framework_n_areas (fw),
              dk_framework_n_competences (fw), dk_framework_n_roles (fw), scale->min, scale->max);
    }
  return rc;
}

static int
framework_show (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "framework show", "FILE",
      _("Shows a framework: its scale, areas and competences, and the expected level of\n"
        "each role on each competence (– where it does not apply)."),
      NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp framework show FILE [--lang sv|en] [--format FORMAT]"));
  else
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DkFramework) fw = dk_framework_load (argv[1], common.lang, &error);
      if (fw == NULL)
        rc = cli_fail (_("invalid framework"), error);
      else
        {
          g_autoptr (DkReport) report = dk_view_framework (fw, common.lang);
          rc = cli_emit_report (report, &common);
        }
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_framework (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "validate", framework_validate, N_("Check framework files") },
    { "show", framework_show, N_("Show a framework's competences and expected levels") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("framework", subs, argc, argv);
}
