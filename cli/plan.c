/*
 * plan.c — `digikomp plan …` (suggestions, the personal plan, its exports)
 * and `digikomp attend`.
 */
#include "cli.h"
#include "plan.h"
#include "plan-export.h"
#include "person-data.h"
#include "progress.h"
#include "views-plan.h"

#include <stdio.h>
#include <string.h>

/* Options every plan command takes. */
typedef struct {
  CliCommon common;
  char     *round;
  DkContext ctx;        /* who acts, in which language (after plan_begin) */
} PlanOptions;

static void
plan_options_clear (PlanOptions *o)
{
  g_free (o->round);
  cli_common_clear (&o->common);
}

/* Builds the context of COMMAND with EXTRA options, parses, and checks that
 * exactly N_ARGS operands follow.  Returns the store, or NULL with *RC set. */
static DkStore *
plan_begin (const char *command, const char *params, const char *summary, const GOptionEntry *extra,
            PlanOptions *o, int *argc, char ***argv, int n_args, int *rc)
{
  const GOptionEntry round_entry[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &o->round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (command, params, summary, round_entry, &o->common);
  if (extra != NULL)
    g_option_context_add_main_entries (ctx, extra, GETTEXT_PACKAGE);
  if (!cli_parse (ctx, argc, argv, &o->common))
    {
      *rc = CLI_USAGE;
      return NULL;
    }
  if (n_args >= 0 && *argc != n_args + 1)
    {
      *rc = cli_usage_error (_("usage: digikomp %s %s"), command, params);
      return NULL;
    }
  o->ctx = cli_context (&o->common);
  DkStore *store = cli_store_open (&o->common, FALSE);
  *rc = store != NULL ? CLI_OK : CLI_FAILED;
  return store;
}

static int
suggest_one (DkStore *store, PlanOptions *o, const char *person, DkStrategy strategy)
{
  DkPlanContext ctx = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) catalogue = NULL;
  if (!dk_plan_context_load (store, o->round, person, &ctx, &error)
      || (catalogue = dk_catalogue_load (store, &error)) == NULL)
    {
      dk_plan_context_clear (&ctx);
      return cli_fail (_("cannot suggest activities"), error);
    }
  g_autoptr (GPtrArray) needs = dk_plan_suggest (store, &ctx, catalogue, strategy, &o->ctx, &error);
  if (needs == NULL)
    {
      dk_plan_context_clear (&ctx);
      return cli_fail (_("cannot suggest activities"), error);
    }
  g_autoptr (DkReport) report = dk_view_suggestions (&ctx, needs, o->common.lang);
  dk_plan_context_clear (&ctx);
  return cli_emit_report (report, &o->common);
}

static int
plan_suggest (int argc, char **argv)
{
  PlanOptions o = { 0 };
  gboolean all = FALSE;
  g_autofree char *strategy = NULL, *unit = NULL;
  const GOptionEntry extra[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Write suggested plans for everyone with a need, for HR to review"), NULL },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("With --all: only this unit and its sub-units"), N_("PATH") },
    { "strategy", 's', 0, G_OPTION_ARG_STRING, &strategy, N_("gaps (default) or growth"), N_("STRATEGY") },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan suggest", "PERSON | --all",
                                          _("Ranks learning activities for each need, with the reason for each."),
                                          extra, &o, &argc, &argv, -1, &rc);
  if (store != NULL)
    {
      DkStrategy s = DK_STRATEGY_GAPS;
      if (strategy != NULL && strcmp (strategy, "growth") == 0)
        s = DK_STRATEGY_GROWTH;
      else if (strategy != NULL && strcmp (strategy, "gaps") != 0)
        rc = cli_usage_error (_("--strategy must be gaps or growth"));
      if (rc == CLI_OK && all && (o.common.format != NULL || o.common.output != NULL))
        rc = cli_usage_error (_("plan suggest --all writes the suggested plans into the store, not to a file; "
                                "read them with: digikomp plan show PERSON, or export them with: "
                                "digikomp plan export --unit PATH --output DIR/"));
      else if (rc == CLI_OK && !all && unit != NULL)
        rc = cli_usage_error (_("--unit goes with --all"));
      else if (rc == CLI_OK && !cli_unit_option (&unit))
        rc = CLI_USAGE;
      if (rc == CLI_OK && all && argc == 1)
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (CliProgress) progress = cli_progress_new (_("People"), o.common.lang);
          DkProgress hook = cli_progress_hook (progress);
          guint written = 0;
          gboolean ok = dk_plan_suggest_all (store, o.round, unit, &o.ctx, &written, &hook, &error);
          g_clear_pointer (&progress, cli_progress_free);
          if (!ok)
            rc = cli_fail (_("cannot suggest plans"), error);
          else
            printf (_("Suggested plans written for %u people; review them with: digikomp plan show PERSON\n"), written);
        }
      else if (rc == CLI_OK && !all && argc == 2)
        rc = suggest_one (store, &o, argv[1], s);
      else if (rc == CLI_OK)
        rc = cli_usage_error (_("usage: digikomp plan suggest PERSON, or plan suggest --all"));
    }
  plan_options_clear (&o);
  return rc;
}

/* Writes PLAN in COMMON's format; returns the command's exit code. */
static int
emit_plan (DkStore *store, const DkPlan *plan, const CliCommon *common)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) catalogue = dk_catalogue_load (store, &error);
  if (catalogue == NULL)
    return cli_fail (_("cannot read the catalogue"), error);
  g_autoptr (DkReport) report = dk_view_plan (plan, catalogue, g_strcmp0 (common->format, "json") == 0,
                                               common->lang);
  return cli_emit_report (report, common);
}

static int
plan_show (int argc, char **argv)
{
  PlanOptions o = { 0 };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan show", "PERSON", _("Shows a person's plan."), NULL,
                                          &o, &argc, &argv, 1, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DkPlan) plan = dk_plan_get (store, o.round, argv[1], o.common.lang, &error);
      if (plan == NULL)
        rc = cli_fail (_("cannot show the plan"), error);
      else
        rc = emit_plan (store, plan, &o.common);
    }
  plan_options_clear (&o);
  return rc;
}

static int
plan_create (int argc, char **argv)
{
  PlanOptions o = { 0 };
  gboolean from = FALSE;
  const GOptionEntry extra[] = {
    { "from-suggestions", 0, 0, G_OPTION_ARG_NONE, &from, N_("Start with the best activity for each need"), NULL },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan create", "PERSON", _("Creates a person's plan for the round."),
                                          extra, &o, &argc, &argv, 1, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DkPlan) plan = dk_plan_create (store, o.round, argv[1], from, &o.ctx, &error);
      if (plan == NULL)
        rc = cli_fail (_("cannot create the plan"), error);
      else
        rc = emit_plan (store, plan, &o.common);
    }
  plan_options_clear (&o);
  return rc;
}

static int
plan_add (int argc, char **argv)
{
  PlanOptions o = { 0 };
  g_autofree char *competence = NULL, *activity = NULL, *wish = NULL, *due = NULL;
  int target = 0;
  const GOptionEntry extra[] = {
    { "competence", 'c', 0, G_OPTION_ARG_STRING, &competence, N_("The competence the item develops"), N_("ID") },
    { "activity", 0, 0, G_OPTION_ARG_STRING, &activity, N_("An activity of the catalogue"), N_("ID") },
    { "wish", 0, 0, G_OPTION_ARG_STRING, &wish, N_("A wished-for activity, in words"), N_("TEXT") },
    { "target", 0, 0, G_OPTION_ARG_INT, &target, N_("The level to reach"), N_("LEVEL") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("When, YYYY-MM-DD"), N_("DATE") },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan add", "PERSON", _("Adds an item to a person's plan."),
                                          extra, &o, &argc, &argv, 1, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      if (competence == NULL || (activity == NULL) == (wish == NULL) || target < 0)
        rc = cli_usage_error (_("usage: digikomp plan add PERSON --competence C (--activity ID | --wish TEXT) "
                                "[--target L] [--due DATE]"));
      else if (!dk_plan_add (store, o.round, argv[1], competence, activity, wish, (guint) target, due, &o.ctx, &error))
        rc = cli_fail (_("cannot add to the plan"), error);
      else
        printf (_("Added to %s's plan.\n"), argv[1]);
    }
  plan_options_clear (&o);
  return rc;
}

static int
plan_agree (int argc, char **argv)
{
  PlanOptions o = { 0 };
  g_autofree char *by = NULL;
  const GOptionEntry extra[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("The manager's person id, or hr:NAME"), N_("MANAGER") },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan agree", "PERSON", _("Records that the manager agreed the plan."),
                                          extra, &o, &argc, &argv, 1, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      if (by == NULL)
        rc = cli_usage_error (_("plan agree needs --by MANAGER"));
      else if (!dk_plan_agree (store, o.round, argv[1], cli_acting_as (&o.ctx, by), &error))
        rc = cli_fail (_("cannot agree the plan"), error);
      else
        printf (_("%s's plan is agreed.\n"), argv[1]);
    }
  plan_options_clear (&o);
  return rc;
}

static int
plan_reopen (int argc, char **argv)
{
  PlanOptions o = { 0 };
  g_autofree char *by = NULL;
  const GOptionEntry extra[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("The manager's person id, or hr:NAME"), N_("MANAGER") },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan reopen", "PERSON",
                                          _("Takes an agreed plan back to a draft, so that it can change."),
                                          extra, &o, &argc, &argv, 1, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      if (by == NULL)
        rc = cli_usage_error (_("plan reopen needs --by MANAGER"));
      else if (!dk_plan_reopen (store, o.round, argv[1], cli_acting_as (&o.ctx, by), &error))
        rc = cli_fail (_("cannot reopen the plan"), error);
      else
        printf (_("%s's plan is a draft again; agree it again with: digikomp plan agree %s --by %s\n"),
                argv[1], argv[1], by);
    }
  plan_options_clear (&o);
  return rc;
}

static int
plan_follow_up (int argc, char **argv)
{
  PlanOptions o = { 0 };
  g_autofree char *on = NULL, *notes = NULL;
  const GOptionEntry extra[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date of the follow-up, YYYY-MM-DD"), N_("DATE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("What was said"), N_("TEXT") },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan follow-up", "PERSON", _("Records the follow-up of a plan."),
                                          extra, &o, &argc, &argv, 1, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      if (on == NULL || notes == NULL)
        rc = cli_usage_error (_("plan follow-up needs --on DATE and --notes TEXT"));
      else if (!dk_plan_follow_up (store, o.round, argv[1], on, notes, &o.ctx, &error))
        rc = cli_fail (_("cannot record the follow-up"), error);
      else
        printf (_("Follow-up of %s's plan recorded.\n"), argv[1]);
    }
  plan_options_clear (&o);
  return rc;
}

static int
set_status (int argc, char **argv, const char *status)
{
  PlanOptions o = { 0 };
  int rc;
  g_autofree char *command = g_strdup_printf ("plan %s", strcmp (status, "done") == 0 ? "done" : "cancel");
  g_autoptr (DkStore) store = plan_begin (command, "PERSON ITEM", _("Marks an item of a plan."), NULL,
                                          &o, &argc, &argv, 2, &rc);
  if (store != NULL)
    {
      g_autoptr (GError) error = NULL;
      guint64 item = 0;
      if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &item, NULL))
        rc = cli_usage_error (_("ITEM is the item's number in: digikomp plan show PERSON"));
      else if (!dk_plan_set_status (store, o.round, argv[1], (guint) item, status, &o.ctx, &error))
        rc = cli_fail (_("cannot change the item"), error);
      else
        printf (_("Item %s of %s's plan: %s.\n"), argv[2], argv[1], status);
    }
  plan_options_clear (&o);
  return rc;
}

static int plan_done (int argc, char **argv) { return set_status (argc, argv, "done"); }
static int plan_cancel (int argc, char **argv) { return set_status (argc, argv, "cancelled"); }

/* Writes the plans of everyone under UNIT with one into the directory OUTPUT. */
static int
export_unit (DkStore *store, const PlanOptions *o, const char *unit, DkPlanFormat format)
{
  if (o->common.output == NULL || strcmp (o->common.output, "-") == 0)
    return cli_usage_error (_("--unit needs --output DIR/"));
  g_autoptr (GError) error = NULL;
  DkContext ctx = cli_context (&o->common);
  g_autoptr (GPtrArray) written = dk_plan_export_unit (store, o->round, unit, format, &ctx,
                                                       o->common.output, &error);
  if (written == NULL)
    return cli_fail (_("cannot export the plans"), error);
  for (guint i = 0; i < written->len; i++)
    printf ("%s\n", (const char *) written->pdata[i]);
  printf (ngettext ("%u plan written to %s\n", "%u plans written to %s\n", written->len), written->len,
          o->common.output);
  return CLI_OK;
}

static int
export_person (DkStore *store, const PlanOptions *o, const char *person, DkPlanFormat format)
{
  g_autoptr (GError) error = NULL;
  if (format == DK_PLAN_FORMAT_PDF && (o->common.output == NULL || strcmp (o->common.output, "-") == 0))
    return cli_usage_error (_("the pdf format needs --output FILE.pdf"));
  DkContext ctx = cli_context (&o->common);
  if (format == DK_PLAN_FORMAT_PDF)
    return dk_plan_write_pdf (store, o->round, person, &ctx, o->common.output, &error)
           ? CLI_OK : cli_fail (_("cannot export the plan"), error);
  g_autofree char *text = dk_plan_render (store, o->round, person, format, &ctx, &error);
  gboolean document = format != DK_PLAN_FORMAT_JSON;
  if (text == NULL
      || !(document ? cli_output_write_document (o->common.output, text, &error)
                    : cli_output_write (o->common.output, text, strlen (text), &error)))
    return cli_fail (_("cannot export the plan"), error);
  return CLI_OK;
}

static int
plan_export (int argc, char **argv)
{
  PlanOptions o = { 0 };
  g_autofree char *unit = NULL;
  const GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit,
      N_("Every plan in this unit and its sub-units, one file per person in --output DIR/"), N_("PATH") },
    { NULL }
  };
  int rc;
  g_autoptr (DkStore) store = plan_begin ("plan export", "PERSON | --unit PATH --output DIR/",
                                          _("Exports a person's plan, or every plan of a unit: --format md, html, "
                                            "pdf, ics or json."),
                                          entries, &o, &argc, &argv, -1, &rc);
  DkPlanFormat format;
  if (store == NULL)
    ;
  else if (argc != (unit != NULL ? 1 : 2))
    rc = cli_usage_error (_("usage: digikomp plan export PERSON | --unit PATH --output DIR/ [--format F]"));
  else if (!dk_plan_format_parse (o.common.format, &format))
    rc = cli_usage_error (_("--format must be md, html, pdf, ics or json"));
  else if (!cli_unit_option (&unit))
    rc = CLI_USAGE;
  else if (unit != NULL)
    rc = export_unit (store, &o, unit, format);
  else
    rc = export_person (store, &o, argv[1], format);
  plan_options_clear (&o);
  return rc;
}

int
cmd_plan (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "suggest", plan_suggest, N_("Ranked activities for each need (or --all)") },
    { "create", plan_create, N_("Create a person's plan") },
    { "add", plan_add, N_("Add an activity or a wish") },
    { "agree", plan_agree, N_("The manager agrees the plan") },
    { "follow-up", plan_follow_up, N_("Record a follow-up of an agreed plan") },
    { "reopen", plan_reopen, N_("Take an agreed plan back to a draft") },
    { "done", plan_done, N_("Mark an item done") },
    { "cancel", plan_cancel, N_("Cancel an item") },
    { "show", plan_show, N_("Show a plan") },
    { "export", plan_export, N_("Export a plan: md, html, pdf, ics, json") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("plan", subs, argc, argv);
}
