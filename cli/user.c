/*
 * user.c — `digikomp user`: the accounts of the web interface (core/account.h):
 * passwords, grants, disabling, the list, and invitation links for a mail
 * merge.  Each change is audited with the acting user (cli_actor).
 */
#include "account.h"
#include "cli.h"
#include "report-model.h"
#include "store.h"
#include "views-account.h"
#include "web/web.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Parses the common options and exactly N operands after the command's
 * name; returns FALSE (a usage error printed) otherwise. */
static gboolean
parse_args (const char *name, const char *params, const char *summary, const GOptionEntry *entries,
            CliCommon *common, int *argc, char ***argv, int n)
{
  g_autoptr (GOptionContext) octx = cli_context_new (name, params, summary, entries, common);
  if (!cli_parse (octx, argc, argv, common))
    return FALSE;
  if (*argc != n + 1)
    {
      cli_usage_error (_("usage: digikomp %s %s"), name, params);
      return FALSE;
    }
  return TRUE;
}

/* As parse_args, then opens the store; NULL with *RC the exit code when
 * either fails. */
static DkStore *
parse_and_open (const char *name, const char *params, const char *summary, const GOptionEntry *entries,
                CliCommon *common, int *argc, char ***argv, int n, int *rc)
{
  DkStore *store = NULL;
  if (!parse_args (name, params, summary, entries, common, argc, argv, n))
    *rc = CLI_USAGE;
  else if ((store = cli_store_open (common, FALSE)) == NULL)
    *rc = CLI_FAILED;
  return store;
}

/* Reads one line from standard input, without echo on a terminal (PROMPT
 * shown there); NULL at the end of input. */
static char *
read_secret (const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  if (tty)
    {
      fprintf (stderr, "%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  char buf[1024];
  char *line = fgets (buf, sizeof buf, stdin) != NULL ? g_strdup (buf) : NULL;
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fprintf (stderr, "\n");
    }
  if (line != NULL)
    line[strcspn (line, "\r\n")] = '\0';
  return line;
}

static int
user_password (int argc, char **argv)
{
  CliCommon common = { 0 };
  int rc = CLI_OK;
  g_autoptr (DkStore) store = parse_and_open (
      "user password", "PERSON",
      _("Sets the password PERSON signs in with: read from standard input when it is\n"
        "not a terminal, else asked for twice. At least 12 characters, and not the\n"
        "person's id or name. Ends the person's sessions."),
      NULL, &common, &argc, &argv, 1, &rc);
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPerson) person = NULL;
  g_autofree char *password = NULL;
  if (rc == CLI_OK && (person = dk_store_person (store, argv[1], &error)) == NULL)
    {
      g_clear_error (&error);
      g_set_error (&error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID, _("no such person: %s"), argv[1]);
      rc = cli_fail (_("cannot set the password"), error);
    }
  else if (rc == CLI_OK)
    {
      password = read_secret (_("New password: "));
      g_autofree char *again = password != NULL && isatty (STDIN_FILENO) ? read_secret (_("Again: ")) : NULL;
      const DkWeb *web = NULL;
      g_autofree char *hash = NULL;
      if (password == NULL)
        rc = cli_usage_error (_("no password on standard input"));
      else if (isatty (STDIN_FILENO) && g_strcmp0 (password, again) != 0)
        rc = cli_usage_error (_("the two passwords differ"));
      else if (!dk_password_acceptable (person, password, common.lang, &error))
        rc = cli_fail (_("cannot set the password"), error);
      else if ((web = cli_web ()) == NULL)
        rc = CLI_FAILED;
      else if ((hash = web->password_hash (password, &error)) == NULL)
        rc = cli_fail (_("cannot set the password"), error);
      else
        {
          DkContext ctx = cli_context (&common);
          if (!dk_account_set_password (store, &ctx, argv[1], hash, &error))
            rc = cli_fail (_("cannot set the password"), error);
        }
      if (password != NULL)
        memset (password, 0, strlen (password));
    }
  cli_common_clear (&common);
  return rc;
}

/* user grant / user revoke */
static int
grant_or_revoke (int argc, char **argv, gboolean grant)
{
  CliCommon common = { 0 };
  int rc = CLI_OK;
  if (!parse_args (grant ? "user grant" : "user revoke", "PERSON hr|admin|coordinator:UNIT|trainer:ACTIVITY",
                   grant ? _("Gives PERSON a grant: HR's work, admin's, a coordinator's for a unit and its\n"
                             "sub-units, or a trainer's for an activity of the catalogue.")
                         : _("Takes a grant from PERSON."),
                   NULL, &common, &argc, &argv, 2))
    rc = CLI_USAGE;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkStore) store = NULL;
  DkGrant *g = NULL;
  if (rc == CLI_OK && (g = dk_grant_parse (argv[2], common.lang, &error)) == NULL)
    rc = cli_fail (grant ? _("cannot grant") : _("cannot revoke"), error);
  else if (rc == CLI_OK && (store = cli_store_open (&common, FALSE)) == NULL)
    rc = CLI_FAILED;
  else if (rc == CLI_OK)
    {
      DkContext ctx = cli_context (&common);
      if (!(grant ? dk_account_grant : dk_account_revoke) (store, &ctx, argv[1], g, &error))
        rc = cli_fail (grant ? _("cannot grant") : _("cannot revoke"), error);
    }
  dk_grant_free (g);
  cli_common_clear (&common);
  return rc;
}

static int
user_grant (int argc, char **argv)
{
  return grant_or_revoke (argc, argv, TRUE);
}

static int
user_revoke (int argc, char **argv)
{
  return grant_or_revoke (argc, argv, FALSE);
}

static int
user_disable (int argc, char **argv)
{
  CliCommon common = { 0 };
  int rc = CLI_OK;
  g_autoptr (DkStore) store = parse_and_open (
      "user disable", "PERSON",
      _("Disables PERSON's account: they can no longer sign in, their sessions end\n"
        "at once and their unused invitation links stop working."),
      NULL, &common, &argc, &argv, 1, &rc);
  g_autoptr (GError) error = NULL;
  if (rc == CLI_OK)
    {
      DkContext ctx = cli_context (&common);
      if (!dk_account_disable (store, &ctx, argv[1], &error))
        rc = cli_fail (_("cannot disable the account"), error);
    }
  cli_common_clear (&common);
  return rc;
}

static int
user_list (int argc, char **argv)
{
  CliCommon common = { 0 };
  int rc = CLI_OK;
  g_autoptr (DkStore) store = parse_and_open ("user list", "",
                                              _("Lists the accounts: who may sign in, how, with which grants."),
                                              NULL, &common, &argc, &argv, 0, &rc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  if (rc == CLI_OK && (accounts = dk_accounts (store, &error)) == NULL)
    rc = cli_fail (_("cannot list the accounts"), error);
  else if (rc == CLI_OK)
    {
      g_autoptr (DkReport) report = dk_view_accounts (accounts, common.lang);
      rc = cli_emit_report (report, &common);
    }
  cli_common_clear (&common);
  return rc;
}

/* What an invitation run collects: the registered people of a round. */
typedef struct {
  GArray *people;   /* gint64 store ids */
} Registered;

static gboolean
collect (const DkScanRow *row, gpointer data)
{
  Registered *reg = data;
  g_array_append_val (reg->people, row->person_id);
  return TRUE;
}

static int
user_invite (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *round = NULL, *unit = NULL, *public_url = NULL;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round whose people are invited"), N_("ROUND") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("Only the people of this unit and its sub-units"), N_("UNIT") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &public_url,
      N_("The address of the web interface in the links (default: config.ini's, else http://127.0.0.1:8080/)"), N_("URL") },
    { NULL }
  };
  int rc = CLI_OK;
  if (!parse_args ("user invite", "--round ROUND [--unit UNIT] --output links.csv",
                   _("Writes a one-time sign-in link, valid for 14 days, for each active person of the\n"
                     "round who has no disabled account: CSV with person, name, email, link and\n"
                     "expires, for a mail merge. Opening a link shows a button; pressing it signs in\n"
                     "and uses the link up."),
                   entries, &common, &argc, &argv, 0))
    rc = CLI_USAGE;
  else if (common.output == NULL)
    rc = cli_usage_error (_("user invite needs --output FILE.csv: the links are secrets"));
  g_autoptr (DkStore) store = rc == CLI_OK ? cli_store_open (&common, FALSE) : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkRound) r = NULL;
  g_autoptr (GPtrArray) units = NULL;
  const DkWeb *web = NULL;
  if (rc == CLI_OK && store == NULL)
    rc = CLI_FAILED;
  else if (rc == CLI_OK && ((r = dk_store_round (store, round, &error)) == NULL
                            || (units = dk_store_units (store, &error)) == NULL
                            || (unit != NULL && dk_store_unit_ensure (store, unit, FALSE, &error) == 0)))
    rc = cli_fail (_("cannot invite"), error);
  else if (rc == CLI_OK && (web = cli_web ()) == NULL)
    rc = CLI_FAILED;
  if (rc != CLI_OK)
    {
      cli_common_clear (&common);
      return rc;
    }
  Registered reg = { g_array_new (FALSE, FALSE, sizeof (gint64)) };
  CliSetting base = cli_setting_web ("public-url", public_url);
  g_autofree char *url = base.value != NULL ? g_strdup (base.value) : g_strdup ("http://127.0.0.1:8080/");
  if (!g_str_has_suffix (url, "/"))
    {
      char *with = g_strconcat (url, "/", NULL);
      g_free (url);
      url = with;
    }
  DkContext ctx = cli_context (&common);
  g_autoptr (DkReport) report = dk_report_new (_("Invitations"), common.lang);
  DkTable *t = dk_table_new ("invitations", NULL);
  dk_table_add_column (t, "person", _("Person"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "name", _("Name"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "email", _("E-mail"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "link", _("Link"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "expires", _("Expires"), DK_COLUMN_TEXT);
  dk_report_add_table (report, t);
  g_autoptr (GDateTime) expires = g_date_time_new_from_unix_local (dk_context_now (&ctx) + DK_INVITATION_LIFETIME);
  g_autofree char *expires_text = g_date_time_format (expires, "%Y-%m-%d");
  if (!dk_store_round_scan (store, r->id, DK_SCAN_PERSON, collect, &reg, &error))
    rc = cli_fail (_("cannot invite"), error);
  for (guint i = 0; rc == CLI_OK && i < reg.people->len; i++)
    {
      gint64 id = g_array_index (reg.people, gint64, i);
      g_autoptr (DkPerson) p = dk_store_person_by_id (store, id, &error);
      if (p == NULL)
        {
          rc = cli_fail (_("cannot invite"), error);
          break;
        }
      if (unit != NULL && !dk_unit_path_under (p->unit_path, unit))
        continue;
      g_autofree char *hash = NULL;
      g_autofree char *token = web->token_new (&hash);
      g_autoptr (GError) refused = NULL;
      if (!dk_invitation_create (store, &ctx, id, r->id, hash, &refused)
          && g_error_matches (refused, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED))
        continue;
      if (refused != NULL)
        {
          g_propagate_error (&error, g_steal_pointer (&refused));
          rc = cli_fail (_("cannot invite"), error);
          break;
        }
      g_autofree char *link = g_strdup_printf ("%sinvite/%s", url, token);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, p->ext_id);
      dk_table_set_text (t, row, 1, p->name);
      dk_table_set_text (t, row, 2, p->email != NULL ? p->email : "");
      dk_table_set_text (t, row, 3, link);
      dk_table_set_text (t, row, 4, expires_text);
    }
  if (rc == CLI_OK)
    {
      g_autofree char *csv = dk_report_render_csv (report);
      if (!cli_output_write (common.output, csv, strlen (csv), &error))
        rc = cli_fail (_("cannot write the links"), error);
    }
  g_array_unref (reg.people);
  cli_setting_clear (&base);
  cli_common_clear (&common);
  return rc;
}

static const CliCommand subs[] = {
  { "password", user_password, N_("Set the password a person signs in with") },
  { "grant",    user_grant,    N_("Give a person HR's, admin's, a coordinator's or a trainer's work") },
  { "revoke",   user_revoke,   N_("Take a grant from a person") },
  { "disable",  user_disable,  N_("Stop an account: no sign-in, its sessions ended") },
  { "list",     user_list,     N_("List the accounts and their grants") },
  { "invite",   user_invite,   N_("Write one-time sign-in links for a round, for a mail merge") },
  { NULL, NULL, NULL }
};

int
cmd_user (int argc, char **argv)
{
  return cli_dispatch ("user", subs, argc, argv);
}
