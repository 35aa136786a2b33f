/*
 * main.c — the digikomp command: finds the command in the table and runs it.
 */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

const CliCommand cli_commands[] = {
  { "init",      cmd_init,      N_("Create a store and register a framework") },
  { "framework", cmd_framework, N_("Validate and show competence frameworks") },
  { "import",    cmd_import,    N_("Import a roster or ratings from CSV") },
  { "round",     cmd_round,     N_("Open, close and list rating rounds") },
  { "assess",    cmd_assess,    N_("Rate your own competence (self-rating)") },
  { "rate",      cmd_rate,      N_("Set one self, motivation or manager level") },
  { "conversation", cmd_conversation, N_("The development conversation: record it, or show its sheet") },
  { "team",      cmd_team,      N_("A manager's team: gaps per person and competence") },
  { "catalogue", cmd_catalogue, N_("Import and browse learning activities") },
  { "plan",      cmd_plan,      N_("Personal development plans: suggest, agree, follow up, export") },
  { "attend",    cmd_attend,    N_("Record participation in a learning activity") },
  { "report",    cmd_report,    N_("Group reports: share with needs, averages, motivation, response") },
  { "audit",     cmd_audit,     N_("Every recorded change about a person") },
  { "person",    cmd_person,    N_("A person's own data: export it, or erase it") },
  { "serve",     cmd_serve,     N_("Serve the web interface for employees, managers and HR") },
  { "user",      cmd_user,      N_("Accounts of the web interface: passwords, grants, invitations") },
  { "config",    cmd_config,    N_("Show the settings and where each came from") },
  { "help",      cmd_help,      N_("Show help for a command") },
  { NULL, NULL, NULL }
};

static const CliCommand *
find_command (const char *name)
{
  for (const CliCommand *c = cli_commands; c->name != NULL; c++)
    if (strcmp (c->name, name) == 0)
      return c;
  return NULL;
}

static void
print_usage (FILE *out)
{
  fprintf (out, _("Usage: digikomp [--version] [--help] COMMAND [ARGS...]\n\n"));
  fprintf (out, _("Digital-competence assessment and learning plans.\n\nCommands:\n"));
  for (const CliCommand *c = cli_commands; c->name != NULL; c++)
    fprintf (out, "  %-14s %s\n", c->name, _(c->summary));
  fprintf (out, _("\nRun 'digikomp help COMMAND' or 'digikomp COMMAND --help' for a command's options.\n"));
}

/* Returns the first argument that is not an option (--lang takes a value). */
static const char *
first_operand (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--lang") == 0)
        i++;
      else if (argv[i][0] != '-')
        return argv[i];
    }
  return NULL;
}

int
cmd_help (int argc, char **argv)
{
  const char *topic = first_operand (argc, argv);
  if (topic == NULL)
    {
      print_usage (stdout);
      return CLI_OK;
    }
  const CliCommand *c = find_command (topic);
  if (c == NULL)
    return cli_usage_error (_("no such command: %s"), topic);
  char *help_argv[] = { (char *) topic, (char *) "--help", NULL };
  return c->run (2, help_argv);
}

/* Returns the value of a --lang option anywhere on the command line, so that
 * messages printed while parsing are already in that language. */
static const char *
lang_option (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--lang") == 0 && i + 1 < argc)
        return argv[i + 1];
      if (g_str_has_prefix (argv[i], "--lang="))
        return argv[i] + strlen ("--lang=");
    }
  return NULL;
}

/* Returns the directory of the message catalogues: $DIGIKOMP_LOCALEDIR, else
 * locale/ beside an uninstalled binary (build/locale), else the installed one. */
static char *
locale_dir (void)
{
  const char *env = g_getenv ("DIGIKOMP_LOCALEDIR");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  char *beside = dk_beside_program ("locale");
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_DIR))
    return beside;
  g_free (beside);
  return g_strdup (DK_LOCALEDIR);
}

/* Makes gettext speak the language of the settings (cli_setting_lang), from
 * the next setlocale on.  Machines often lack the sv_SE.UTF-8 locale;
 * LANGUAGE still selects the Swedish messages.  A bad --lang is left to the
 * command to report. */
static void
use_language (int argc, char **argv)
{
  const char *option = lang_option (argc, argv);
  DkLang parsed;
  CliSetting lang = cli_setting_lang (option != NULL && dk_lang_parse (option, &parsed) ? option : NULL);
  g_setenv ("LANGUAGE", lang.value, TRUE);
  cli_setting_clear (&lang);
}

static void
setup_locale (void)
{
  const char *loc = setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the plain C locale; C.UTF-8 keeps C's rules
   * and lets LANGUAGE choose the messages. */
  if (loc == NULL || strcmp (loc, "C") == 0 || strcmp (loc, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");

  g_autofree char *dir = locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, dir);
  dk_messages_load (dir, NULL);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char **argv)
{
  /* gettext takes the language at setlocale, so the configuration (which
   * may name it) is read first; a bad one is read again to report it in the
   * language of the option or the environment */
  gboolean config_ok = cli_config_load (NULL);
  use_language (argc, argv);
  setup_locale ();
  g_autoptr (GError) error = NULL;
  if (!config_ok && !cli_config_load (&error))
    return cli_fail (_("cannot read the configuration file"), error);
  if (argc < 2)
    {
      print_usage (stderr);
      return CLI_USAGE;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("digikomp %s\n", DK_VERSION);
      return CLI_OK;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    return cmd_help (1, argv);

  const CliCommand *c = find_command (argv[1]);
  if (c == NULL)
    return cli_usage_error (_("'%s' is not a digikomp command; see 'digikomp --help'"), argv[1]);
  return c->run (argc - 1, argv + 1);
}
