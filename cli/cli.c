/*
 * cli.c — option parsing, error display and exit codes shared by commands.
 */
#include "cli.h"
#include "atomic-file.h"
#include "config.h"
#include "framework.h"
#include "csv.h"
#include "gap.h"
#include "hint.h"
#include "catalogue.h"
#include "import.h"
#include "number.h"
#include "plan.h"
#include "store.h"
#include "report-model.h"

#include <unistd.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which errors mean "the input data was bad": exit 3, nothing changed.
 * A code of -1 matches every code of the domain. */
static const struct {
  GQuark (*domain) (void);
  int code;
} bad_input_errors[] = {
  { dk_framework_error_quark, DK_FRAMEWORK_ERROR_INVALID },
  { dk_store_error_quark, DK_STORE_ERROR_INVALID },
  { dk_store_error_quark, DK_STORE_ERROR_UNKNOWN_ID },
  { dk_import_error_quark, DK_IMPORT_ERROR_INVALID },
  { dk_gap_error_quark, DK_GAP_ERROR_INVALID },
  { dk_csv_error_quark, DK_CSV_ERROR_INVALID },
  { dk_plan_error_quark, DK_PLAN_ERROR_INVALID },
  { dk_catalogue_error_quark, DK_CATALOGUE_ERROR_INVALID },
  { dk_config_error_quark, DK_CONFIG_ERROR_INVALID },
  { dk_number_error_quark, DK_NUMBER_ERROR_INVALID },
};

gboolean
cli_error_is_bad_input (const GError *error)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_input_errors); i++)
    if (error->domain == bad_input_errors[i].domain ()
        && (bad_input_errors[i].code == -1 || error->code == bad_input_errors[i].code))
      return TRUE;
  return FALSE;
}

/* Returns the command that helps with ERROR, worded after its message's
 * "; " (caller frees), or NULL when its hint is none. */
static char *
hint_text (const GError *error)
{
  const char *a, *b;
  switch (dk_error_hint (error, &a, &b))
    {
    case DK_HINT_NONE:               return NULL;
    case DK_HINT_STORE_INIT:         return g_strdup_printf (_("create one with: digikomp init --db %s --framework FILE"), a);
    case DK_HINT_FRAMEWORK_REGISTER: return g_strdup (_("register it with: digikomp init --framework FILE"));
    case DK_HINT_ROSTER_IMPORT:      return g_strdup (_("if the roster is not imported yet, import it with: "
                                                        "digikomp import roster FILE.csv"));
    case DK_HINT_UNIT_LIST:          return g_strdup (_("see the units with: digikomp report response --by unit"));
    case DK_HINT_ROUND_OPEN:         return g_strdup (_("open one with: digikomp round open ID --title TITLE --framework ID"));
    case DK_HINT_ROUND_LIST:         return g_strdup (_("see the rounds with: digikomp round list"));
    case DK_HINT_ROUND_OPEN_LIST:    return g_strdup (_("see the open round with: digikomp round list"));
    case DK_HINT_ROUND_NAME:         return g_strdup (_("name one with --round"));
    case DK_HINT_SHARE:              return g_strdup_printf (_("the employee shares it with: digikomp assess %s --share"), a);
    case DK_HINT_CATALOGUE_LIST:     return a != NULL ? g_strdup_printf (_("see: digikomp catalogue list --competence %s"), a)
                                                      : g_strdup (_("see: digikomp catalogue list"));
    case DK_HINT_PLAN_CREATE:        return g_strdup_printf (_("create one with: digikomp plan create %s --round %s"), a, b);
    case DK_HINT_PLAN_SHOW:          return g_strdup_printf (_("see it with: digikomp plan show %s"), a);
    case DK_HINT_PLAN_ITEMS:         return g_strdup_printf (_("see the items with: digikomp plan show %s"), a);
    case DK_HINT_PLAN_ADD:           return g_strdup_printf (_("change it with: digikomp plan add %s"), a);
    case DK_HINT_PLAN_ADD_FIRST:     return g_strdup_printf (_("add one before agreeing it: digikomp plan add %s "
                                                               "--competence C --activity ID"), a);
    case DK_HINT_PLAN_AGREE:         return g_strdup_printf (_("a plan is followed up after: digikomp plan agree %s "
                                                               "--by MANAGER"), a);
    case DK_HINT_PLAN_REOPEN:        return g_strdup_printf (_("to change it: digikomp plan reopen %s --by MANAGER"), a);
    case DK_HINT_PLAN_REOPEN_ITEMS:  return g_strdup_printf (_("reopen it to change its items: digikomp plan reopen %s "
                                                               "--by MANAGER"), a);
    }
  return NULL;
}

int
cli_fail (const char *what, const GError *error)
{
  g_autofree char *hint = hint_text (error);
  g_autofree char *text = hint != NULL ? g_strdup_printf ("%s; %s", error->message, hint) : NULL;
  /* a message may quote the data (a name, an id): its controls escaped */
  g_autofree char *msg = dk_text_escape_controls (text != NULL ? text : error->message, TRUE);
  if (strchr (msg, '\n') != NULL)
    fprintf (stderr, "digikomp: %s:\n%s\n", what, msg);
  else
    fprintf (stderr, "digikomp: %s: %s\n", what, msg);
  return cli_error_is_bad_input (error) ? CLI_BAD_INPUT : CLI_FAILED;
}

int
cli_usage_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_autofree char *msg = dk_text_escape_controls (text, TRUE);
  fprintf (stderr, "digikomp: %s\n", msg);
  return CLI_USAGE;
}

GOptionContext *
cli_context_new (const char *command, const char *params, const char *summary,
                 const GOptionEntry *entries, CliCommon *common)
{
  /* GOption writes "Usage: PRGNAME [OPTION…] PARAMS": the program's name is
   * the whole command, so that it reads "digikomp round open [OPTION…] ID"
   * (a process runs one command, so this is set once) */
  g_autofree char *prgname = g_strdup_printf ("digikomp %s", command);
  g_set_prgname (prgname);
  GOptionContext *ctx = g_option_context_new (params);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (ctx, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (common != NULL)
    {
      for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
        if (strcmp (e->long_name, "round") == 0 && e->arg == G_OPTION_ARG_STRING)
          common->round = e->arg_data;
        else if (strcmp (e->long_name, "min-group") == 0 && e->arg == G_OPTION_ARG_INT)
          {
            common->min_group = e->arg_data;
            *common->min_group = CLI_MIN_GROUP_UNSET;   /* so that -k 0 is seen, and refused */
          }
      const GOptionEntry common_entries[] = {
        { "db", 0, 0, G_OPTION_ARG_FILENAME, &common->db,
          N_("The store (default: $DIGIKOMP_DB, then the configuration file, then ./digikomp.db)"), N_("PATH") },
        { "format", 'f', 0, G_OPTION_ARG_STRING, &common->format,
          N_("Output format"), N_("FORMAT") },
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &common->output,
          N_("Write to FILE instead of standard output"), N_("FILE") },
        { "lang", 0, 0, G_OPTION_ARG_STRING, &common->lang_name,
          N_("Language of titles and messages: sv or en (default: the locale, then the configuration file)"), N_("LANG") },
        { NULL }
      };
      g_option_context_add_main_entries (ctx, common_entries, GETTEXT_PACKAGE);
    }
  return ctx;
}

gboolean
cli_parse (GOptionContext *ctx, int *argc, char ***argv, CliCommon *common)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "digikomp: %s\n", error->message);
      return FALSE;
    }
  /* "--" ends the options; GLib leaves it among the operands when one after
   * it begins with '-' (person erase -- -rf) */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        memmove (*argv + i, *argv + i + 1, sizeof (char *) * (gsize) (*argc - i - 1));
        (*argv)[--*argc] = NULL;
        break;
      }
  if (common == NULL)
    return TRUE;
  if (common->lang_name != NULL && !dk_lang_parse (common->lang_name, &common->lang))
    {
      cli_usage_error (_("--lang must be sv or en, not '%s'"), common->lang_name);
      return FALSE;
    }
  CliSetting lang = cli_setting_lang (common->lang_name);
  dk_lang_parse (lang.value, &common->lang);
  cli_setting_clear (&lang);
  CliSetting db = cli_setting_db (common->db);
  if (*db.value == '\0')
    {
      cli_usage_error (db.source == CLI_FROM_ENVIRONMENT
                           ? _("DIGIKOMP_DB is set but empty; set it to the store's file, or unset it")
                           : _("--db needs the store's file, not an empty name"));
      cli_setting_clear (&db);
      return FALSE;
    }
  g_free (common->db);
  common->db = g_steal_pointer (&db.value);
  if (common->round != NULL)
    {
      CliSetting round = cli_setting_round (*common->round);
      g_free (*common->round);
      *common->round = g_steal_pointer (&round.value);
    }
  if (common->min_group != NULL)
    {
      CliSetting k = cli_setting_min_group (*common->min_group);
      *common->min_group = atoi (k.value);
      cli_setting_clear (&k);
    }
  return TRUE;
}

void
cli_common_clear (CliCommon *common)
{
  g_clear_pointer (&common->db, g_free);
  g_clear_pointer (&common->format, g_free);
  g_clear_pointer (&common->output, g_free);
  g_clear_pointer (&common->lang_name, g_free);
}

DkLang
cli_messages_lang (void)
{
  DkLang lang = DK_LANG_EN;
  const char *set = g_getenv ("LANGUAGE");
  if (set != NULL)
    dk_lang_parse (set, &lang);
  return lang;
}

gboolean
cli_output_write (const char *path, const char *data, gsize len, GError **error)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("cannot write to standard output: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  return dk_file_replace_contents (path, data, len, cli_messages_lang (), error);
}

gboolean
cli_output_write_document (const char *path, const char *data, GError **error)
{
  if ((path == NULL || strcmp (path, "-") == 0) && isatty (STDOUT_FILENO))
    {
      g_autofree char *shown = dk_text_escape_controls (data, TRUE);
      return cli_output_write (path, shown, strlen (shown), error);
    }
  return cli_output_write (path, data, strlen (data), error);
}

DkStore *
cli_store_open (const CliCommon *common, gboolean create)
{
  g_autoptr (GError) error = NULL;
  DkStore *store = dk_store_open (common->db, create, common->lang, &error);
  if (store == NULL)
    cli_fail (_("cannot open the store"), error);
  return store;
}

void
cli_add_encoding_option (GOptionContext *ctx, char **name)
{
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, name,
      N_("The CSV file's encoding: utf-8 (default) or windows-1252 (what Excel saves as "
         "\"CSV (semikolonavgränsad)\")"), N_("ENCODING") },
    { NULL }
  };
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
}

gboolean
cli_encoding (const char *name, DkCsvEncoding *encoding)
{
  if (dk_csv_encoding_parse (name, encoding))
    return TRUE;
  cli_usage_error (_("--encoding must be utf-8 or windows-1252, not '%s'"), name);
  return FALSE;
}

gboolean
cli_unit_option (char **unit)
{
  if (*unit == NULL)
    return TRUE;
  char *path = dk_unit_path_normalize (*unit);
  if (path == NULL)
    {
      cli_usage_error (_("--unit '%s' is not a unit path like Förvaltning/Avdelning/Enhet "
                         "(no empty, '.' or '..' parts)"), *unit);
      return FALSE;
    }
  g_free (*unit);
  *unit = path;
  return TRUE;
}

int
cli_parse_level (const char *text, gboolean dont_know_ok)
{
  if (dont_know_ok && strcmp (text, "?") == 0)
    return DK_LEVEL_DONT_KNOW;
  guint64 v;
  if (!g_ascii_string_to_unsigned (text, 10, 1, DK_MAX_LEVEL, &v, NULL))
    return -1;
  return (int) v;
}

gboolean
cli_use_colour (void)
{
  return isatty (STDOUT_FILENO) && g_getenv ("NO_COLOR") == NULL;
}

int
cli_dispatch (const char *group, const CliCommand *subs, int argc, char **argv)
{
  gboolean help = argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0);
  if (argc >= 2 && !help)
    for (const CliCommand *s = subs; s->name != NULL; s++)
      if (strcmp (s->name, argv[1]) == 0)
        return s->run (argc - 1, argv + 1);
  FILE *out = help ? stdout : stderr;
  if (argc >= 2 && !help)
    fprintf (out, _("digikomp: '%s %s' is not a command\n"), group, argv[1]);
  fprintf (out, _("Usage: digikomp %s COMMAND [OPTIONS]\n\nCommands:\n"), group);
  for (const CliCommand *s = subs; s->name != NULL; s++)
    fprintf (out, "  %-12s %s\n", s->name, _(s->summary));
  return help ? CLI_OK : CLI_USAGE;
}

static gint64
fixed_clock (gpointer data)
{
  return *(const gint64 *) data;
}

const char *
cli_actor (void)
{
  const char *user = g_getenv ("DIGIKOMP_USER");
  return user != NULL && *user != '\0' ? user : g_get_user_name ();
}

DkContext
cli_context (const CliCommon *common)
{
  static gint64 fixed;
  DkContext ctx = dk_context_init (cli_actor (), common->lang);
  const char *now = g_getenv ("DIGIKOMP_NOW");
  if (now == NULL || *now == '\0')
    return ctx;
  /* a date alone is noon, so that the day is the same in every time zone */
  g_autofree char *iso = strlen (now) == 10 ? g_strdup_printf ("%sT12:00:00Z", now) : g_strdup (now);
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) t = g_date_time_new_from_iso8601 (iso, utc);
  if (t != NULL)
    {
      fixed = g_date_time_to_unix (t);
      ctx.clock = fixed_clock;
      ctx.clock_data = &fixed;
    }
  return ctx;
}

const DkContext *
cli_acting_as (const DkContext *ctx, const char *by)
{
  static DkContext as;
  as = *ctx;
  as.actor = by;
  return &as;
}

int
cli_emit_report (const DkReport *report, const CliCommon *common)
{
  DkFormat format;
  if (!dk_format_parse (common->format, &format))
    return cli_usage_error (_("unknown format '%s'; use table, csv, json, html, xlsx or pdf"),
                            common->format);
  g_autoptr (GError) error = NULL;
  if (format == DK_FORMAT_XLSX || format == DK_FORMAT_PDF)
    {
      if (common->output == NULL || strcmp (common->output, "-") == 0)
        return cli_usage_error (format == DK_FORMAT_XLSX ? _("the xlsx format needs --output FILE.xlsx")
                                                         : _("the pdf format needs --output FILE.pdf"));
      DkContext ctx = cli_context (common);
      gboolean ok = format == DK_FORMAT_XLSX ? dk_report_write_xlsx (report, common->output, &error)
                                             : dk_report_write_pdf (report, &ctx, common->output, &error);
      return ok ? CLI_OK : cli_fail (_("cannot write the report"), error);
    }
  g_autofree char *text = NULL;
  switch (format)
    {
    case DK_FORMAT_CSV:  text = dk_report_render_csv (report); break;
    case DK_FORMAT_JSON: text = dk_report_render_json (report, &error); break;
    case DK_FORMAT_HTML: text = dk_report_render_html (report); break;
    default:
      text = dk_report_render_text (report, common->output == NULL && cli_use_colour ());
    }
  /* the table is escaped already; JSON escapes control characters itself */
  gboolean document = format == DK_FORMAT_CSV || format == DK_FORMAT_HTML;
  if (text == NULL
      || !(document ? cli_output_write_document (common->output, text, &error)
                    : cli_output_write (common->output, text, strlen (text), &error)))
    return cli_fail (_("cannot write the report"), error);
  return CLI_OK;
}
