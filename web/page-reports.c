/*
 * page-reports.c — HR's reports (GET /reports, GET /reports/KIND): a GET
 * form (round, comparison round, grouping, unit, panel; the period for
 * participation and the summary) over the same DkReport that `digikomp
 * report KIND` prints (core/report-build.h), shown as accessible tables
 * with its charts, and downloaded as CSV, JSON, XLSX or PDF (`format`).
 *
 * A coordinator reaches these pages only for their unit and below: the
 * server checks the `unit` field against their grant before this runs (it
 * fills in their unit when none is given), and the reports that cannot be
 * limited to a unit (summary, participation) are HR's only.
 */
#include "page.h"
#include "report-build.h"
#include "report-model.h"

#include <string.h>

/* The reports, and which fields each takes (as cli/report.c). */
enum { GAP = 1 << 0, SUMMARY = 1 << 1, UNIT_ONLY = 1 << 2, PARTICIPATION = 1 << 3 };
enum { F_COMPARE = GAP | SUMMARY, F_PANEL = GAP, F_BY = GAP, F_UNIT = GAP | UNIT_ONLY,
       F_PERIOD = PARTICIPATION | SUMMARY };

static const struct { const char *kind; guint group; const char *title; } kinds[] = {
  { "needs", GAP, N_("Share with needs") },
  { "average", GAP, N_("Average rating") },
  { "motivation", GAP, N_("Motivation to develop") },
  { "response", GAP, N_("Response rate") },
  { "conversations", GAP, N_("Self-rating and conversation") },
  { "summary", SUMMARY, N_("Summary for management") },
  { "coverage", UNIT_ONLY, N_("Catalogue coverage") },
  { "goals", UNIT_ONLY, N_("Personal goals") },
  { "participation", PARTICIPATION, N_("Participation") },
};

/* The groupings of the form: the value of `by`, and its words. */
static const struct { const char *by; const char *words; } groupings[] = {
  { "", N_("The whole organisation") },
  { "unit", N_("Unit") },
  { "area", N_("Area") },
  { "competence", N_("Competence") },
  { "role", N_("Role") },
  { "gender", N_("Gender") },
  { "unit,area", N_("Unit × area") },
};

static const struct { const char *name; DkFormat format; const char *type; } formats[] = {
  { "csv", DK_FORMAT_CSV, "text/csv; charset=utf-8" },
  { "json", DK_FORMAT_JSON, "application/json" },
  { "xlsx", DK_FORMAT_XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "pdf", DK_FORMAT_PDF, "application/pdf" },
};

/* What the form asked, and what is wrong with it. */
typedef struct {
  guint       kind;          /* index in kinds[] */
  const char *round, *compare, *by, *unit, *from, *to, *format;
  gboolean    panel;
  DkPageForm  fields;        /* its problem */
} Form;

/* Keeps PROBLEM (taken) about field NAME unless F has a problem already. */
static void
refuse (Form *f, const char *name, char *problem)
{
  dk_page_form_refuse (&f->fields, name, problem);
}

/* Returns the round of ROUNDS that CODE names, else the newest open round,
 * else the newest; NULL when there is none (borrowed). */
static const DkRound *
pick_round (GPtrArray *rounds, const char *code)
{
  for (guint i = rounds->len; i-- > 0;)
    {
      const DkRound *round = rounds->pdata[i];
      if (code != NULL ? strcmp (round->code, code) == 0 : round->open)
        return round;
    }
  return code == NULL && rounds->len > 0 ? rounds->pdata[rounds->len - 1] : NULL;
}

/* Writes a select NAME labelled LABEL holding the rounds' codes, VALUE
 * chosen, with an empty first choice saying EMPTY (NULL: none). */
static void
round_select (DkHtml *h, const Form *f, GPtrArray *rounds, const char *name, const char *label,
              const char *value, const char *empty)
{
  dk_page_select_open (h, &f->fields, name, label);
  if (empty != NULL)
    {
      dk_html_open (h, "option", "value", "", NULL);
      dk_html_text (h, empty);
      dk_html_close (h, "option");
    }
  for (guint i = rounds->len; i-- > 0;)
    {
      const DkRound *round = rounds->pdata[i];
      dk_html_open (h, "option", "value", round->code, g_strcmp0 (value, round->code) == 0 ? "selected" : NULL,
                    "", NULL);
      dk_html_textf (h, "%s – %s", round->code, round->title);
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
}

/* Writes the form of F's report. */
static void
report_form (Request *r, DkHtml *h, const Form *f, GPtrArray *rounds, const char *round_code)
{
  guint group = kinds[f->kind].group;
  g_autofree char *action = g_strdup_printf ("/reports/%s", kinds[f->kind].kind);
  dk_html_open (h, "form", "method", "get", "action", action, "class", "report-form", NULL);
  if (group != PARTICIPATION)
    round_select (h, f, rounds, "round", T ("Round"), round_code, NULL);
  if (group & F_COMPARE)
    round_select (h, f, rounds, "compare", T ("Compare with the round"), f->compare,
                  T ("No comparison"));
  if (group & F_BY)
    {
      dk_page_select_open (h, &f->fields, "by", T ("Grouping"));
      for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
        {
          gboolean on = strcmp (groupings[i].by, f->by != NULL ? f->by : "") == 0;
          dk_html_open (h, "option", "value", groupings[i].by, on ? "selected" : NULL, "", NULL);
          dk_html_text (h, T_ (r->ctx.lang, groupings[i].words));
          dk_html_close (h, "option");
        }
      dk_html_close (h, "select");
    }
  if (group & F_UNIT)
    dk_page_input_field (h, &f->fields, "unit", T ("Unit (with its sub-units; empty: all)"), "text", f->unit);
  if (group & F_PERIOD)
    {
      dk_page_participation_period_hint (r, h);
      dk_page_input_field (h, &f->fields, "from", T ("From (YYYY-MM-DD)"), "text", f->from);
      dk_page_input_field (h, &f->fields, "to", T ("To (YYYY-MM-DD)"), "text", f->to);
    }
  if (group & F_PANEL)
    {
      gboolean bad = g_strcmp0 (f->fields.bad_field, "panel") == 0;
      if (bad)
        dk_page_error (h, "report-panel-error", f->fields.problem);
      DK_HTML_MARKUP (h, "<p class=\"check\">");
      dk_html_open (h, "input", "type", "checkbox", "id", "report-panel", "name", "panel", "value", "1",
                    "aria-describedby", "report-panel-error", "aria-invalid", bad ? "true" : "false",
                    f->panel ? "checked" : NULL, "", NULL);
      dk_page_label (h, "report-panel", T ("Only people registered in both rounds (panel)"));
      DK_HTML_MARKUP (h, "</p>");
    }
  dk_page_button (h, T ("Show the report"), TRUE);
}

/* Returns the query of F as a link's (escaped; caller frees), with FORMAT. */
static char *
report_link (const Form *f, const char *round, const char *format)
{
  const char *names[] = { "round", "compare", "by", "unit", "from", "to", "panel", "format" };
  const char *values[] = { round, f->compare, f->by, f->unit, f->from, f->to, f->panel ? "1" : NULL, format };
  g_autofree char *path = g_strdup_printf ("/reports/%s", kinds[f->kind].kind);
  return dk_page_query_path (path, names, values, G_N_ELEMENTS (names));
}

/* Checks F's fields that need no store; the first problem goes in F. */
static void
check_form (Request *r, Form *f, DkReportQuery *q, DkParticipationQuery *pq)
{
  guint group = kinds[f->kind].group;
  if (f->format != NULL && strcmp (f->format, "html") != 0)
    {
      gboolean known = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        known = known || strcmp (f->format, formats[i].name) == 0;
      if (!known)
        refuse (f, "format", g_strdup_printf (T ("There is no download as '%s'; choose CSV, JSON, XLSX or PDF."),
                                              f->format));
    }
  if (f->by != NULL)
    {
      gboolean known = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
        if (strcmp (f->by, groupings[i].by) == 0)
          {
            known = TRUE;
            q->group_by = strstr (f->by, "unit") != NULL ? DK_GROUP_UNIT
                          : strcmp (f->by, "role") == 0 ? DK_GROUP_ROLE
                          : strcmp (f->by, "gender") == 0 ? DK_GROUP_GENDER : DK_GROUP_ORGANISATION;
            q->scope_by = strstr (f->by, "area") != NULL ? DK_SCOPE_AREA
                          : strcmp (f->by, "competence") == 0 ? DK_SCOPE_COMPETENCE : DK_SCOPE_ALL;
          }
      if (!known || !(group & F_BY))
        refuse (f, "by", g_strdup (T ("Choose a grouping from the list.")));
    }
  if (f->unit != NULL)
    {
      char *path = dk_unit_path_normalize (f->unit);
      if (path == NULL || !(group & F_UNIT))
        refuse (f, "unit", g_strdup_printf (T ("'%s' is not a unit path like Förvaltning/Avdelning/Enhet."),
                                            f->unit));
      q->unit = path;
    }
  if (f->panel && f->compare == NULL)
    refuse (f, "panel", g_strdup (T ("A panel compares two rounds: choose a round to compare with.")));
  *pq = (DkParticipationQuery) { f->from, f->to, 0, 0, q->min_group };
  const char *field;
  char *problem = dk_page_participation_period_problem (r, f->from, f->to, &field);
  if (problem != NULL)
    refuse (f, field, problem);
}

/* Builds F's report over ROUND and PREVIOUS. */
static DkReport *
build (Request *r, Form *f, const DkRound *round, const DkRound *previous, const DkReportQuery *q,
       const DkParticipationQuery *pq, GError **error)
{
  const char *kind = kinds[f->kind].kind;
  switch (kinds[f->kind].group)
    {
    case UNIT_ONLY:
      if (strcmp (kind, "coverage") == 0)
        return dk_report_coverage (r->store, round->code, q->unit, q->min_group, &r->ctx, error);
      return dk_report_goals (r->store, round->code, q->unit, q->min_group, r->ctx.lang, error);
    case PARTICIPATION:
      return dk_report_participation (r->store, pq, r->ctx.lang, error);
    default:
      return dk_report_build (r->store, round, previous, q, kinds[f->kind].group == SUMMARY,
                              f->from != NULL || f->to != NULL ? pq : NULL, error);
    }
}

/* Answers REPORT as a download in F's format. */
static void
download (Request *r, const Form *f, const DkReport *report, const char *round)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (strcmp (f->format, formats[i].name) != 0)
        continue;
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = NULL;
      switch (formats[i].format)
        {
        case DK_FORMAT_XLSX: bytes = dk_report_xlsx_bytes (report, &error); break;
        case DK_FORMAT_PDF:  bytes = dk_report_pdf_bytes (report, &r->ctx, &error); break;
        case DK_FORMAT_JSON:
          {
            char *text = dk_report_render_json (report, &error);
            bytes = text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
            break;
          }
        default:
          {
            char *text = dk_report_render_csv (report);
            bytes = g_bytes_new_take (text, strlen (text));
          }
        }
      if (bytes == NULL)
        {
          dk_web_fail (r, error);
          return;
        }
      g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s%s%s.%s\"", kinds[f->kind].kind,
                                                      round != NULL ? "-" : "", round != NULL ? round : "",
                                                      formats[i].name);
      /* a round code is the store's: keep only what a file name may hold */
      for (char *c = disposition + strlen ("attachment; filename=\""); *c != '\0' && c[1] != '\0'; c++)
        if (!g_ascii_isalnum (*c) && *c != '-' && *c != '.' && *c != '_')
          *c = '_';
      dk_web_header (r, "Content-Disposition", disposition);
      gsize len;
      gpointer data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
      dk_web_answer (r, 200, formats[i].type, data, len);
      return;
    }
}

/* Writes the links to REPORT's downloads. */
static void
download_links (Request *r, DkHtml *h, const Form *f, const char *round)
{
  DK_HTML_MARKUP (h, "<h2 id=\"downloads\">");
  dk_html_text (h, T ("Download"));
  DK_HTML_MARKUP (h, "</h2><ul class=\"downloads\">");
  const char *words[] = { N_("CSV (text, for a spreadsheet)"), N_("JSON (for programs)"),
                          N_("XLSX (Excel)"), N_("PDF (to print)") };
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *link = report_link (f, round, formats[i].name);
      dk_page_link_item (h, link, T_ (r->ctx.lang, words[i]));
    }
  DK_HTML_MARKUP (h, "</ul>");
}

/* Writes the list of the reports R's person may read. */
static void
report_list (Request *r, DkHtml *h, guint current)
{
  gboolean hr = dk_access_allows (r->who, DK_ACCESS_HR, NULL);
  DK_HTML_MARKUP (h, "<nav class=\"reports\">");
  dk_html_open (h, "h2", "id", "report-list", NULL);
  dk_html_text (h, T ("Reports"));
  dk_html_close (h, "h2");
  DK_HTML_MARKUP (h, "<ul>");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!hr && (kinds[i].group & (SUMMARY | PARTICIPATION)))
        continue;
      g_autofree char *path = g_strdup_printf ("/reports/%s", kinds[i].kind);
      if (i == current)
        {
          DK_HTML_MARKUP (h, "<li>");
          dk_html_open (h, "a", "href", path, "aria-current", "page", NULL);
          dk_html_text (h, T_ (r->ctx.lang, kinds[i].title));
          dk_html_close (h, "a");
          DK_HTML_MARKUP (h, "</li>");
        }
      else
        dk_page_link_item (h, path, T_ (r->ctx.lang, kinds[i].title));
    }
  DK_HTML_MARKUP (h, "</ul></nav>");
}

void
dk_page_reports (Request *r)
{
  DkHtml *h = dk_page_start (r, T ("Reports"));
  dk_html_element (h, "p", T ("Group reports of the ratings and of learning. Figures from small groups "
                              "are never shown, so that no one can be recognised."));
  report_list (r, h, G_N_ELEMENTS (kinds));
  dk_web_answer_page (r, 200, h);
}

void
dk_page_report (Request *r)
{
  Form f = { .kind = G_N_ELEMENTS (kinds), .fields.prefix = "report" };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (r->param, kinds[i].kind) == 0)
      f.kind = i;
  /* the reports of the whole organisation are HR's */
  if (f.kind == G_N_ELEMENTS (kinds)
      || ((kinds[f.kind].group & (SUMMARY | PARTICIPATION)) && !dk_access_allows (r->who, DK_ACCESS_HR, NULL)))
    {
      dk_web_not_found (r);
      return;
    }
  f.round = dk_page_query_value (r, "round");
  f.compare = dk_page_query_value (r, "compare");
  f.by = dk_page_query_value (r, "by");
  f.unit = dk_page_query_value (r, "unit");
  f.from = dk_page_query_value (r, "from");
  f.to = dk_page_query_value (r, "to");
  f.format = dk_page_query_value (r, "format");
  f.panel = dk_page_query_value (r, "panel") != NULL;
  guint group = kinds[f.kind].group;
  if (!(group & F_COMPARE) && f.compare != NULL)
    refuse (&f, "compare", g_strdup (T ("This report does not compare rounds.")));
  if (!(group & F_PERIOD) && (f.from != NULL || f.to != NULL))
    refuse (&f, f.from != NULL ? "from" : "to", g_strdup (T ("This report does not take a period.")));

  DkReportQuery q = { .kind = DK_REPORT_NEEDS, .min_group = r->options->min_group, .panel = f.panel,
                      .lang = r->ctx.lang, .ctx = &r->ctx };
  if (group == GAP)
    dk_report_kind_parse (kinds[f.kind].kind, &q.kind);
  DkParticipationQuery pq;
  check_form (r, &f, &q, &pq);
  g_autofree char *owned_unit G_GNUC_UNUSED = (char *) q.unit;   /* check_form made q.unit */

  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rounds = dk_store_rounds (r->store, &error);
  if (rounds == NULL)
    {
      g_free (f.fields.problem);
      dk_web_fail (r, error);
      return;
    }
  const DkRound *round = NULL, *previous = NULL;
  if (group != PARTICIPATION)
    {
      round = pick_round (rounds, f.round);
      if (round == NULL)
        refuse (&f, "round", f.round != NULL ? g_strdup_printf (T ("There is no round '%s'."), f.round)
                                              : g_strdup (T ("There is no round yet.")));
      if (round != NULL && f.compare != NULL)
        {
          previous = pick_round (rounds, f.compare);
          if (previous == NULL)
            refuse (&f, "compare", g_strdup_printf (T ("There is no round '%s'."), f.compare));
          else if (!dk_round_before (previous, round))
            refuse (&f, "compare", g_strdup_printf (T ("Round %s is not earlier than round %s: compare with an "
                                                       "earlier round."), previous->code, round->code));
        }
    }
  g_autoptr (DkReport) report = NULL;
  if (f.fields.problem == NULL)
    {
      report = build (r, &f, round, previous, &q, &pq, &error);
      if (report == NULL && (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND)
                             || g_error_matches (error, DK_GAP_ERROR, DK_GAP_ERROR_INVALID)))
        refuse (&f, "unit", g_strdup (error->message));
      else if (report == NULL)
        {
          dk_web_fail (r, error);
          return;
        }
    }
  const char *code = round != NULL ? round->code : NULL;
  if (report != NULL && f.format != NULL && strcmp (f.format, "html") != 0)
    {
      download (r, &f, report, code);
      return;
    }
  DkHtml *h = dk_page_start (r, T_ (r->ctx.lang, kinds[f.kind].title));
  if (f.fields.problem != NULL)
    dk_page_error (h, "errors", T ("The report cannot be made. Correct what is marked and try again."));
  report_form (r, h, &f, rounds, code);
  if (report != NULL)
    {
      DK_HTML_MARKUP (h, "<section class=\"report\" aria-labelledby=\"report-title\">");
      dk_html_open (h, "h2", "id", "report-title", NULL);
      dk_html_text (h, dk_report_title (report));
      dk_html_close (h, "h2");
      dk_html_report (h, report);
      DK_HTML_MARKUP (h, "</section>");
      download_links (r, h, &f, code);
    }
  report_list (r, h, f.kind);
  dk_web_answer_page (r, f.fields.problem != NULL ? 400 : 200, h);
  g_free (f.fields.problem);
}
