/*
 * config.c — `digikomp config show`: each setting, its value and where it
 * came from (cli/settings.c resolves them).
 */
#include "cli.h"
#include "config.h"
#include "report-model.h"

#include <stdio.h>

static void
add_setting (DkTable *t, const char *name, CliSetting s)
{
  guint row = dk_table_add_row (t);
  dk_table_set_text (t, row, 0, name);
  dk_table_set_text (t, row, 1, s.value != NULL ? s.value : _("(the open round)"));
  g_autofree char *from = NULL;
  switch (s.source)
    {
    case CLI_FROM_OPTION:      from = g_strdup_printf (_("option %s"), s.origin); break;
    case CLI_FROM_ENVIRONMENT: from = g_strdup_printf (_("environment %s"), s.origin); break;
    case CLI_FROM_CONFIG:      from = g_strdup_printf (_("config file %s"), s.origin); break;
    case CLI_FROM_DEFAULT:     from = g_strdup (_("default")); break;
    }
  dk_table_set_text (t, row, 2, from);
  cli_setting_clear (&s);
}

static int
config_show (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *round = NULL;
  int min_group = CLI_MIN_GROUP_UNSET;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round"), N_("ROUND") },
    { "min-group", 'k', 0, G_OPTION_ARG_INT, &min_group, N_("The smallest group shown"), N_("K") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "config show", NULL,
      _("Shows each setting, its value and where it came from: an option, the environment,\n"
        "the configuration file or the built-in default (in that order of precedence)."),
      entries, NULL);
  /* parsed without COMMON, so that the options given are shown as options */
  const GOptionEntry shown[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &common.db, N_("The store"), N_("PATH") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &common.lang_name, N_("The language: sv or en"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &common.format, N_("Output format"), N_("FORMAT") },
    { NULL }
  };
  g_option_context_add_main_entries (ctx, shown, GETTEXT_PACKAGE);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, NULL))
    rc = CLI_USAGE;
  else if (argc != 1)
    rc = cli_usage_error (_("usage: digikomp config show [OPTIONS]"));
  else if (common.lang_name != NULL && !dk_lang_parse (common.lang_name, &common.lang))
    rc = cli_usage_error (_("--lang must be sv or en, not '%s'"), common.lang_name);
  else
    {
      CliSetting lang = cli_setting_lang (common.lang_name);
      dk_lang_parse (lang.value, &common.lang);
      g_autoptr (DkReport) report = dk_report_new (_("Settings"), common.lang);
      DkTable *t = dk_table_new ("settings", NULL);
      dk_table_add_column (t, "setting", _("Setting"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "value", _("Value"), DK_COLUMN_TEXT);
      dk_table_add_column (t, "from", _("From"), DK_COLUMN_TEXT);
      add_setting (t, "db", cli_setting_db (common.db));
      add_setting (t, "lang", lang);
      add_setting (t, "min-group", cli_setting_min_group (min_group));
      add_setting (t, "round", cli_setting_round (round));
      static const char *const web[] = { "listen", "public-url", "trust-header", "trusted-proxy" };
      for (guint i = 0; i < G_N_ELEMENTS (web); i++)
        {
          g_autofree char *name = g_strdup_printf ("web.%s", web[i]);
          CliSetting s = cli_setting_web (web[i], NULL);
          if (s.value == NULL)
            s.value = g_strdup (_("(none)"));
          add_setting (t, name, s);
        }
      g_autofree char *path = dk_config_default_path ();
      g_autofree char *note = g_strdup_printf (
          g_file_test (path, G_FILE_TEST_EXISTS) ? _("Configuration file: %s") : _("Configuration file: %s (none)"), path);
      dk_report_add_note (report, note);
      dk_report_add_table (report, t);
      rc = cli_emit_report (report, &common);
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_config (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "show", config_show, N_("Show the effective settings and where each came from") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("config", subs, argc, argv);
}
