/*
 * page-participation.c — /participation: recording that a person took part
 * in a learning activity, as `digikomp attend` does (dk_participation_record,
 * audited as the signed-in person).
 *
 * Who may record (core/access.h, DK_ACCESS_PARTICIPATION): HR for anyone;
 * a coordinator for the people of their units; a trainer for their own
 * activity's sessions.  The page shows no ratings to anyone: it names
 * people and activities only.
 */
#include "number.h"
#include "page.h"
#include "participation.h"
#include "date.h"
#include "plan-report.h"
#include "report-model.h"

#include <string.h>

gboolean
dk_web_participation_any (const DkAccount *who)
{
  if (dk_access_allows (who, DK_ACCESS_HR, NULL))
    return TRUE;
  for (guint i = 0; who != NULL && i < who->grants->len; i++)
    {
      const DkGrant *g = who->grants->pdata[i];
      DkAccessTarget t = { 0 };
      if (g->kind == DK_GRANT_COORDINATOR)
        t.unit = g->target;
      else if (g->kind == DK_GRANT_TRAINER)
        t.activity = g->target;
      else
        continue;
      if (dk_access_allows (who, DK_ACCESS_PARTICIPATION, &t))
        return TRUE;
    }
  return FALSE;
}

/* Writes one labelled input NAME of TYPE, holding VALUE (may be NULL). */
static void
field (DkHtml *h, const char *name, const char *type, const char *label, const char *value)
{
  dk_page_label (h, name, label);
  dk_html_open (h, "input", "id", name, "name", name, "type", type, "required", "",
                "value", value != NULL ? value : "", NULL);
}

/* Writes the fund report, as `digikomp report participation`, of the period
 * FROM to TO of the query (as typed: NULL where not given), with the form
 * that asks for it; without the report where PERIOD_BAD.  Returns FALSE
 * when it answered a failure. */
static gboolean
fund_report (Request *r, DkHtml *h, const char *from, const char *to, gboolean period_bad)
{
  DkParticipationQuery q = { from, to, 0, 0, r->options->min_group };
  const char *target = dk_page_query_value (r, "target-participants");
  q.target_participants = target != NULL ? (guint) g_ascii_strtoull (target, NULL, 10) : 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkReport) report = period_bad ? NULL : dk_report_participation (r->store, &q, r->ctx.lang, &error);
  if (!period_bad && report == NULL)
    {
      dk_page_fail (r, h, error);
      return FALSE;
    }
  dk_html_element (h, "h2", T ("Participation by period and gender"));
  dk_html_open (h, "form", "method", "get", "action", "/participation", NULL);
  dk_page_participation_period_hint (r, h);
  /* TRANSLATORS: the first day of the period the report counts */
  dk_page_label (h, "from", T ("From date"));
  dk_html_open (h, "input", "id", "from", "name", "from", "type", "date", "value", from != NULL ? from : "", NULL);
  /* TRANSLATORS: the last day of the period the report counts */
  dk_page_label (h, "to", T ("To date"));
  dk_html_open (h, "input", "id", "to", "name", "to", "type", "date", "value", to != NULL ? to : "", NULL);
  dk_page_label (h, "target-participants", T ("Target participants"));
  dk_html_open (h, "input", "id", "target-participants", "name", "target-participants", "inputmode", "numeric",
                "value", target != NULL ? target : "", NULL);
  dk_page_button (h, T ("Show"), TRUE);
  if (report != NULL)
    {
      g_autofree char *text = dk_report_render_text (report, FALSE);
      dk_html_open (h, "pre", "class", "report", "tabindex", "0", NULL);
      dk_html_text (h, text);
      dk_html_close (h, "pre");
    }
  return TRUE;
}

/* Answers the form with STATUS, PROBLEM (may be NULL) or DONE (may be NULL)
 * above it, the posted values kept; PERIOD_BAD when PROBLEM is about the
 * fund report's period. */
static void
participation_form (Request *r, int status, const char *problem, const char *done, gboolean period_bad)
{
  DkHtml *h = dk_page_start_outcome (r, T ("Record participation"), problem, done);
  GHashTable *f = status == 400 ? r->form : NULL;
#define KEPT(name) (f != NULL ? (const char *) g_hash_table_lookup (f, name) : NULL)
  dk_page_form_start (h, "/participation", r->session->csrf);
  field (h, "person", "text", T ("Person id"), KEPT ("person"));
  field (h, "activity", "text", T ("Activity id"), KEPT ("activity"));
  field (h, "date", "date", T ("Date"), KEPT ("date"));
  field (h, "hours", "text", T ("Hours"), KEPT ("hours"));
#undef KEPT
  dk_page_button (h, T ("Record"), TRUE);
  /* the fund report: for HR, whose reports cover the whole organisation */
  if (dk_access_allows (r->who, DK_ACCESS_HR, NULL)
      && !fund_report (r, h, dk_page_query_value (r, "from"), dk_page_query_value (r, "to"), period_bad))
    return;
  dk_web_answer_page (r, status, h);
}

void
dk_page_participation (Request *r)
{
  /* a period the report does not protect is refused, as on the command line */
  const char *from = dk_page_query_value (r, "from"), *to = dk_page_query_value (r, "to"), *field;
  g_autofree char *problem = dk_access_allows (r->who, DK_ACCESS_HR, NULL)
                             ? dk_page_participation_period_problem (r, from, to, &field) : NULL;
  participation_form (r, problem != NULL ? 400 : 200, problem, NULL, problem != NULL);
}

void
dk_page_participation_post (Request *r)
{
  const char *person = g_hash_table_lookup (r->form, "person");
  const char *activity = g_hash_table_lookup (r->form, "activity");
  const char *date = g_hash_table_lookup (r->form, "date");
  const char *hours_text = g_hash_table_lookup (r->form, "hours");
  if (person == NULL || activity == NULL || date == NULL || hours_text == NULL
      || *person == '\0' || *activity == '\0')
    {
      participation_form (r, 400, T ("Give the person, the activity, the date and the hours."), NULL, FALSE);
      return;
    }
  g_autoptr (GError) error = NULL;
  DkPerson *p = dk_store_person_find (r->store, person, &error);
  if (error != NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  /* a person or activity the signed-in one may not record for is as absent
   * as one that does not exist */
  DkAccessTarget t = { .unit = p != NULL ? p->unit_path : NULL, .activity = activity };
  gboolean allowed = p != NULL && dk_access_allows (r->who, DK_ACCESS_PARTICIPATION, &t);
  g_clear_pointer (&p, dk_person_free);
  if (!allowed)
    {
      dk_web_not_found (r);
      return;
    }
  double hours = 0;
  if (!dk_hours_parse (hours_text, &hours, r->ctx.lang, &error)
      || !dk_participation_record (r->store, person, activity, date, hours, "completed", &r->ctx, &error))
    {
      participation_form (r, 400, error->message, NULL, FALSE);
      return;
    }
  g_autofree char *done = g_strdup_printf (T ("%s: %s on %s recorded."), person, activity, date);
  participation_form (r, 200, NULL, done, FALSE);
}
