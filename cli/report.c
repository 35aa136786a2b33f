/*
 * report.c — `digikomp report KIND`: HR's group reports.
 */
#include "cli.h"
#include "date.h"
#include "plan-report.h"
#include "number.h"
#include "report.h"
#include "report-build.h"

#include <stdio.h>
#include <string.h>

/* Parses --by: at most one of unit/role/gender and one of area/competence. */
static gboolean
parse_by (const char *by, DkGroupBy *group, DkScopeBy *scope)
{
  *group = DK_GROUP_ORGANISATION;
  *scope = DK_SCOPE_ALL;
  if (by == NULL)
    return TRUE;
  g_auto (GStrv) parts = g_strsplit (by, ",", -1);
  for (char **p = parts; *p != NULL; p++)
    {
      const char *d = g_strstrip (*p);
      if (strcmp (d, "unit") == 0 && *group == DK_GROUP_ORGANISATION)
        *group = DK_GROUP_UNIT;
      else if (strcmp (d, "role") == 0 && *group == DK_GROUP_ORGANISATION)
        *group = DK_GROUP_ROLE;
      else if (strcmp (d, "gender") == 0 && *group == DK_GROUP_ORGANISATION)
        *group = DK_GROUP_GENDER;
      else if (strcmp (d, "area") == 0 && *scope == DK_SCOPE_ALL)
        *scope = DK_SCOPE_AREA;
      else if (strcmp (d, "competence") == 0 && *scope == DK_SCOPE_ALL)
        *scope = DK_SCOPE_COMPETENCE;
      else
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  CliCommon common;
  char     *round, *compare, *by, *unit, *from, *to;
  char     *depth, *target_participants, *target_hours_avg;   /* NULL: not given */
  int       min_group;
  gboolean  panel;
} Options;

/* The reports, and which of them an option applies to. */
enum {
  GAP = 1 << 0,            /* needs, average, motivation, response, conversations */
  SUMMARY = 1 << 1,
  COVERAGE_GOALS = 1 << 2,
  PARTICIPATION = 1 << 3,
};

static guint
report_group (const char *kind)
{
  if (strcmp (kind, "summary") == 0)
    return SUMMARY;
  if (strcmp (kind, "coverage") == 0 || strcmp (kind, "goals") == 0)
    return COVERAGE_GOALS;
  if (strcmp (kind, "participation") == 0)
    return PARTICIPATION;
  return GAP;
}

/* Refuses an option that report KIND would ignore (exit 2). */
static int
check_options (const char *kind, const Options *o)
{
  const struct { const char *name; gboolean given; guint applies; } options[] = {
    { "--compare", o->compare != NULL, GAP | SUMMARY },
    { "--panel", o->panel, GAP },
    { "--by", o->by != NULL, GAP },
    { "--unit", o->unit != NULL, GAP | COVERAGE_GOALS },
    { "--depth", o->depth != NULL, GAP },
    { "--from", o->from != NULL, PARTICIPATION | SUMMARY },
    { "--to", o->to != NULL, PARTICIPATION | SUMMARY },
    { "--target-participants", o->target_participants != NULL, PARTICIPATION | SUMMARY },
    { "--target-hours-avg", o->target_hours_avg != NULL, PARTICIPATION | SUMMARY },
  };
  guint group = report_group (kind);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given && !(options[i].applies & group))
      return cli_usage_error (_("report %s does not take %s; see: digikomp help report"), kind, options[i].name);
  if (o->panel && o->compare == NULL)
    return cli_usage_error (_("--panel compares two rounds: it needs --compare ROUND"));
  return CLI_OK;
}

/* Refuses a comparison of ROUND with itself or with a later round. */
static int
check_compare (const DkRound *round, const DkRound *previous)
{
  if (previous->id == round->id)
    return cli_usage_error (_("--compare names round %s itself; compare with an earlier round"), round->code);
  if (!dk_round_before (previous, round))
    return cli_usage_error (_("--compare %s names a later round than %s; compare with an earlier round, or "
                              "swap them: --round %s --compare %s"),
                            previous->code, round->code, previous->code, round->code);
  return CLI_OK;
}

/* Parses the number TEXT of OPTION into *VALUE (at most MAX); a usage error
 * when it is not one.  NULL leaves *VALUE. */
static gboolean
parse_count (const char *option, const char *text, guint64 min, guint64 max, guint *value)
{
  guint64 v = 0;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &v, NULL))
    {
      cli_usage_error (_("%s takes a whole number from %u to %u, not '%s'"), option, (guint) min, (guint) max, text);
      return FALSE;
    }
  *value = (guint) v;
  return TRUE;
}

/* Reads the period and the targets of the participation report into *Q.
 * Returns CLI_OK, or the exit code of a usage error it printed. */
static int
participation_query (const Options *o, DkParticipationQuery *q)
{
  *q = (DkParticipationQuery) { o->from, o->to, 0, 0, (guint) o->min_group };
  g_autoptr (GError) error = NULL;
  if (o->from != NULL && !dk_date_valid (o->from))
    return cli_usage_error (_("--from '%s' is not a date YYYY-MM-DD"), o->from);
  if (o->to != NULL && !dk_date_valid (o->to))
    return cli_usage_error (_("--to '%s' is not a date YYYY-MM-DD"), o->to);
  if (o->from != NULL && o->to != NULL && strcmp (o->from, o->to) > 0)
    return cli_usage_error (_("the period runs backwards: --from %s is after --to %s"), o->from, o->to);
  const char *field;
  if (!dk_participation_period_check (o->from, o->to, o->common.lang, &field, &error))
    return cli_usage_error ("--%s: %s", field, error->message);
  if (!parse_count ("--target-participants", o->target_participants, 1, G_MAXUINT, &q->target_participants))
    return CLI_USAGE;
  if (o->target_hours_avg != NULL && !dk_hours_parse (o->target_hours_avg, &q->target_hours_avg, o->common.lang, &error))
    return cli_usage_error (_("--target-hours-avg: %s"), error->message);
  return CLI_OK;
}

/* The reports about learning rather than ratings. */
static int
run_learning_report (const char *kind, Options *o)
{
  g_autoptr (DkStore) store = cli_store_open (&o->common, FALSE);
  if (store == NULL)
    return CLI_FAILED;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkReport) report = NULL;
  DkContext ctx = cli_context (&o->common);
  if (strcmp (kind, "coverage") == 0)
    report = dk_report_coverage (store, o->round, o->unit, (guint) o->min_group, &ctx, &error);
  else if (strcmp (kind, "goals") == 0)
    report = dk_report_goals (store, o->round, o->unit, (guint) o->min_group, o->common.lang, &error);
  else
    {
      DkParticipationQuery q;
      int rc = participation_query (o, &q);
      if (rc != CLI_OK)
        return rc;
      report = dk_report_participation (store, &q, o->common.lang, &error);
    }
  if (report == NULL)
    return cli_fail (_("cannot make the report"), error);
  return cli_emit_report (report, &o->common);
}

static int
run_report (const char *kind_name, Options *o)
{
  DkReportKind kind = DK_REPORT_NEEDS;
  DkReportQuery q = { .unit = o->unit, .min_group = (guint) o->min_group, .panel = o->panel,
                      .lang = o->common.lang };
  gboolean summary = strcmp (kind_name, "summary") == 0;
  guint group = report_group (kind_name);
  if (group == GAP && !dk_report_kind_parse (kind_name, &kind))
    return cli_usage_error (_("unknown report '%s'; choose needs, average, motivation, response, "
                              "conversations, summary, coverage, goals or participation"), kind_name);
  int rc = check_options (kind_name, o);
  if (rc != CLI_OK)
    return rc;
  if (!cli_unit_option (&o->unit))
    return CLI_USAGE;
  q.unit = o->unit;
  if (o->min_group < DK_GAP_MIN_GROUP_FLOOR)
    return cli_usage_error (_("--min-group must be at least %d: smaller groups could reveal a person"),
                            DK_GAP_MIN_GROUP_FLOOR);
  if (group == COVERAGE_GOALS || group == PARTICIPATION)
    return run_learning_report (kind_name, o);
  if (!parse_count ("--depth", o->depth, 0, 1000, &q.depth))
    return CLI_USAGE;
  if (!parse_by (o->by, &q.group_by, &q.scope_by))
    return cli_usage_error (_("--by takes one of unit, role, gender and one of area, competence, "
                              "separated by a comma, not '%s'"), o->by);
  q.kind = kind;
  /* only HTML shows the charts; an unknown format fails when the report is written */
  DkFormat format;
  q.no_charts = dk_format_parse (o->common.format, &format) && format != DK_FORMAT_HTML;
  DkParticipationQuery pq;
  if (summary && (rc = participation_query (o, &pq)) != CLI_OK)
    return rc;

  g_autoptr (DkStore) store = cli_store_open (&o->common, FALSE);
  if (store == NULL)
    return CLI_FAILED;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkRound) round = dk_store_round (store, o->round, &error);
  g_autoptr (DkRound) previous = NULL;
  if (round == NULL)
    return cli_fail (_("cannot make the report"), error);
  if (o->compare != NULL && (previous = dk_store_round (store, o->compare, &error)) == NULL)
    return cli_fail (_("cannot make the report"), error);
  if (previous != NULL && (rc = check_compare (round, previous)) != CLI_OK)
    return rc;
  g_autoptr (DkReport) report = dk_report_build (
      store, round, previous, &q, summary,
      summary && (o->target_participants != NULL || o->target_hours_avg != NULL) ? &pq : NULL, &error);
  if (report == NULL)
    return cli_fail (_("cannot make the report"), error);
  return cli_emit_report (report, &o->common);
}

int
cmd_report (int argc, char **argv)
{
  Options o = { 0 };
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &o.round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { "compare", 'c', 0, G_OPTION_ARG_STRING, &o.compare, N_("Compare with an earlier round"), N_("ROUND") },
    { "panel", 0, 0, G_OPTION_ARG_NONE, &o.panel, N_("Compare only people registered in both rounds"), NULL },
    { "by", 'b', 0, G_OPTION_ARG_STRING, &o.by,
      N_("Group by unit, role or gender, and/or by area or competence (e.g. unit,area)"), N_("DIMS") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &o.unit, N_("Only this unit and its sub-units"), N_("PATH") },
    { "depth", 0, 0, G_OPTION_ARG_STRING, &o.depth, N_("Units: show this many levels of the tree (0: all)"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from,
      N_("participation: from this date, the first of a calendar year or half-year"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to,
      N_("participation: to this date, the last of that year or half-year"), N_("DATE") },
    { "target-participants", 0, 0, G_OPTION_ARG_STRING, &o.target_participants,
      N_("participation: the target number of participants"), N_("N") },
    { "target-hours-avg", 0, 0, G_OPTION_ARG_STRING, &o.target_hours_avg,
      N_("participation: the target hours per participant"), N_("H") },
    { "min-group", 'k', 0, G_OPTION_ARG_INT, &o.min_group,
      N_("Suppress figures from fewer people than this (default 5, at least 3)"), N_("K") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "report", "needs|average|motivation|response|conversations|summary|coverage|goals|participation",
      _("HR's group reports.  A unit includes its sub-units.  Self-ratings that are not\n"
        "shared are not counted.  Formats: table, csv, json, html, xlsx and pdf (these two\n"
        "need --output).  The summary adds participation against the targets when given."),
      entries, &o.common);
  int rc;
  if (!cli_parse (ctx, &argc, &argv, &o.common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp report KIND [--round R] [--compare R0] [--by DIMS]; "
                            "see digikomp report --help"));
  else
    rc = run_report (argv[1], &o);
  g_free (o.round);
  g_free (o.compare);
  g_free (o.by);
  g_free (o.unit);
  g_free (o.from);
  g_free (o.to);
  g_free (o.depth);
  g_free (o.target_participants);
  g_free (o.target_hours_avg);
  cli_common_clear (&o.common);
  return rc;
}
