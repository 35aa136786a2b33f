/*
 * settings.c — the settings of a run and where each came from.
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

#include <string.h>


/* The configuration file, read once by cli_config_load for the whole run. */
static DkConfig *config;

/* Returns the name of the first locale variable that is set (LANGUAGE,
 * LC_ALL, LC_MESSAGES, LANG; static) with its language in *OUT, or NULL when
 * none is set or that one names neither Swedish nor English (C, POSIX, de). */
static const char *
locale_var (DkLang *out)
{
  static const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *v = g_getenv (vars[i]);
      if (v == NULL || *v == '\0')
        continue;
      if (g_str_has_prefix (v, "sv"))
        *out = DK_LANG_SV;
      else if (g_str_has_prefix (v, "en"))
        *out = DK_LANG_EN;
      else
        return NULL;
      return vars[i];
    }
  return NULL;
}

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
      name = locale_var (&lang);
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
  config = dk_config_load (path, cli_messages_lang (), error);
  return config != NULL;
}

/* Returns the first of OPTION, ENV and the configuration file's FROM_FILE
 * that is set, else FALLBACK (which may be NULL), with where it came from.
 * An environment variable set to "" is set: the caller refuses it rather
 * than quietly use another setting. */
static CliSetting
resolve (const char *option, const char *option_name, const char *env, const char *env_name,
         const char *from_file, const char *fallback)
{
  if (option != NULL)
    return (CliSetting) { g_strdup (option), CLI_FROM_OPTION, option_name };
  if (env != NULL)
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
  g_autofree char *opt = option != CLI_MIN_GROUP_UNSET ? g_strdup_printf ("%d", option) : NULL;
  g_autofree char *file = config && config->min_group > 0 ? g_strdup_printf ("%d", config->min_group) : NULL;
  g_autofree char *fallback = g_strdup_printf ("%d", DK_GAP_MIN_GROUP_DEFAULT);
  return resolve (opt, "--min-group", NULL, NULL, file, fallback);
}

CliSetting
cli_setting_round (const char *option)
{
  return resolve (option, "--round", NULL, NULL, config ? config->round : NULL, NULL);
}

CliSetting
cli_setting_web (const char *key, const char *option)
{
  static const struct { const char *key, *option, *fallback; gsize offset; } web[] = {
    { "listen", "--listen", "127.0.0.1:8080", G_STRUCT_OFFSET (DkConfig, listen) },
    { "public-url", "--public-url", NULL, G_STRUCT_OFFSET (DkConfig, public_url) },
    { "trust-header", "--trust-header", NULL, G_STRUCT_OFFSET (DkConfig, trust_header) },
    { "trusted-proxy", "--trusted-proxy", NULL, G_STRUCT_OFFSET (DkConfig, trusted_proxy) },
  };
  for (guint i = 0; i < G_N_ELEMENTS (web); i++)
    if (strcmp (web[i].key, key) == 0)
      return resolve (option, web[i].option, NULL, NULL,
                      config ? G_STRUCT_MEMBER (char *, config, web[i].offset) : NULL, web[i].fallback);
  g_return_val_if_reached ((CliSetting) { 0 });
}

void
cli_setting_clear (CliSetting *s)
{
  g_clear_pointer (&s->value, g_free);
}
