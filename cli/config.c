/*
 * config.c — `digikomp config show`: each setting, its value and where it
 * came from (cli/settings.c resolves them).
 */
#include "cli.h"
#include "config.h"

#include <stdio.h>

/* Adds setting NAME (UNSET: the msgid shown when it has no value) to SHOWN,
 * keeping S's value in KEEP to be freed with it. */
static void
add_setting (GArray *shown, GPtrArray *keep, const char *name, const char *unset, CliSetting s)
{
  DkSettingShown x = { name, s.value, unset, s.source, s.origin };
  g_array_append_val (shown, x);
  g_ptr_array_add (keep, s.value);
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
      g_autoptr (GArray) shown = g_array_new (FALSE, FALSE, sizeof (DkSettingShown));
      g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
      const char *open_round = N_("(the open round)"), *none = N_("(none)");
      add_setting (shown, keep, "db", open_round, cli_setting_db (common.db));
      add_setting (shown, keep, "lang", open_round, lang);
      add_setting (shown, keep, "min-group", open_round, cli_setting_min_group (min_group));
      add_setting (shown, keep, "round", open_round, cli_setting_round (round));
      static const char *const web[] = { "listen", "public-url", "trust-header", "trusted-proxy" };
      char *names[G_N_ELEMENTS (web)];
      for (guint i = 0; i < G_N_ELEMENTS (web); i++)
        {
          names[i] = g_strdup_printf ("web.%s", web[i]);
          g_ptr_array_add (keep, names[i]);
          add_setting (shown, keep, names[i], none, cli_setting_web (web[i], NULL));
        }
      g_autofree char *path = dk_config_default_path ();
      g_autoptr (DkReport) report = dk_view_settings ((const DkSettingShown *) (void *) shown->data, shown->len,
                                                      path, g_file_test (path, G_FILE_TEST_EXISTS), common.lang);
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
