/*
 * main.c — the digikomp command: finds the command in the table and runs it.
 */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

const CliCommand cli_commands[] = {
  { "framework", cmd_framework, N_("Validate and show competence frameworks") },
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

int
cmd_help (int argc, char **argv)
{
  if (argc < 2)
    {
      print_usage (stdout);
      return CLI_OK;
    }
  const CliCommand *c = find_command (argv[1]);
  if (c == NULL)
    return cli_usage_error (_("no such command: %s"), argv[1]);
  char *help_argv[] = { argv[1], (char *) "--help", NULL };
  return c->run (2, help_argv);
}

static void
setup_locale (void)
{
  setlocale (LC_ALL, "");
  const char *dir = g_getenv ("DIGIKOMP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL ? dir : DK_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int argc, char **argv)
{
  setup_locale ();
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
