/*
 * config.c — the settings of a run and where each came from, and
 * `digikomp config show`.
 *
 * One resolver decides every setting: the command-line option wins, then the
 * environment (DIGIKOMP_DB; the locale for the language, when it names
 * Swedish or English), then the configuration file
 * ($XDG_CONFIG_HOME/digikomp/config.ini, core/config.h), then the built-in
 * default.
 */
#include "cli.h"
#include "config.h"
#include "gap.h"
#include "report.h"
#include "table.h"

#include <stdio.h>

/* The configuration file, read once by cli_config_load for the whole run. */
static DkConfig *config;

/* The locale's language as the process started, before main sets LANGUAGE
 * for gettext: the environment's word on the language is the user's. */
static const char *
env_lang (const char **var)
{
  static gboolean done;
  static const char *name, *code;
  if (!done)
    {
      DkLang lang;
      name = dk_lang_locale_var (&lang);
      code = name != NULL ? dk_lang_code (lang) : NULL;
      done = TRUE;
    }
  *var = name;
  return code;
}

gboolean
cli_config_load (GError **error)
{
  if (config != NULL)
    return TRUE;
  g_autofree char *path = dk_config_default_path ();
  const char *unused;
  env_lang (&unused);
  config = dk_config_load (path, error);
  return config != NULL;
}

/* Returns the first of OPTION, ENV and the configuration file's FROM_FILE
 * that is set, else FALLBACK (which may be NULL), with where it came from. */
static CliSetting
resolve (const char *option, const char *option_name, const char *env, const char *env_name,
         const char *from_file, const char *fallback)
{
  if (option != NULL)
    return (CliSetting) { g_strdup (option), CLI_FROM_OPTION, option_name };
  if (env != NULL && *env != '\0')
    return (CliSetting) { g_strdup (env), CLI_FROM_ENVIRONMENT, env_name };
  if (from_file != NULL)
    return (CliSetting) { g_strdup (from_file), CLI_FROM_CONFIG, config->path };
  return (CliSetting) { g_strdup (fallback), CLI_FROM_DEFAULT, NULL };
}

CliSetting
cli_setting_db (const char *option)
{
  return resolve (option, "--db", g_getenv ("DIGIKOMP_DB"), "DIGIKOMP_DB",
                  config ? config->db : NULL, "digikomp.db");
}

CliSetting
cli_setting_lang (const char *option)
{
  const char *var;
  const char *env = env_lang (&var);
  return resolve (option, "--lang", env, var, config ? config->lang : NULL, "en");
}

CliSetting
cli_setting_min_group (int option)
{
  g_autofree char *opt = option != 0 ? g_strdup_printf ("%d", option) : NULL;
  g_autofree char *file = config && config->min_group > 0 ? g_strdup_printf ("%d", config->min_group) : NULL;
  g_autofree char *fallback = g_strdup_printf ("%d", DK_GAP_MIN_GROUP_DEFAULT);
  return resolve (opt, "--min-group", NULL, NULL, file, fallback);
}

CliSetting
cli_setting_round (const char *option)
{
  return resolve (option, "--round", NULL, NULL, config ? config->round : NULL, NULL);
}

void
cli_setting_clear (CliSetting *s)
{
  g_clear_pointer (&s->value, g_free);
}

/* ---- digikomp config show -------------------------------------------------- */

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
  int min_group = 0;
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
