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

/* Answers the form with STATUS, PROBLEM (may be NULL) or DONE (may be NULL)
 * above it, the posted values kept. */
static void
participation_form (Request *r, int status, const char *problem, const char *done)
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
  /* the fund report, as `digikomp report participation`: for HR, whose
   * reports cover the whole organisation */
  if (dk_access_allows (r->who, DK_ACCESS_HR, NULL))
    {
      const char *from = g_hash_table_lookup (r->query, "from"), *to = g_hash_table_lookup (r->query, "to");
      DkParticipationQuery q = { from != NULL && dk_date_valid (from) ? from : NULL,
                                 to != NULL && dk_date_valid (to) ? to : NULL, 0, 0, r->options->min_group };
      const char *target = g_hash_table_lookup (r->query, "target-participants");
      q.target_participants = target != NULL ? (guint) g_ascii_strtoull (target, NULL, 10) : 0;
      g_autoptr (GError) error = NULL;
      g_autoptr (DkReport) report = dk_report_participation (r->store, &q, r->ctx.lang, &error);
      if (report == NULL)
        {
          dk_page_fail (r, h, error);
          return;
        }
      dk_html_element (h, "h2", T ("Participation by period and gender"));
      dk_html_open (h, "form", "method", "get", "action", "/participation", NULL);
      /* TRANSLATORS: the first day of the period the report counts */
      dk_page_label (h, "from", T ("From date"));
      dk_html_open (h, "input", "id", "from", "name", "from", "type", "date", "value", q.from != NULL ? q.from : "", NULL);
      /* TRANSLATORS: the last day of the period the report counts */
      dk_page_label (h, "to", T ("To date"));
      dk_html_open (h, "input", "id", "to", "name", "to", "type", "date", "value", q.to != NULL ? q.to : "", NULL);
      dk_page_label (h, "target-participants", T ("Target participants"));
      dk_html_open (h, "input", "id", "target-participants", "name", "target-participants", "inputmode", "numeric",
                    "value", target != NULL ? target : "", NULL);
      dk_page_button (h, T ("Show"), TRUE);
      g_autofree char *text = dk_report_render_text (report, FALSE);
      dk_html_open (h, "pre", "class", "report", "tabindex", "0", NULL);
      dk_html_text (h, text);
      dk_html_close (h, "pre");
    }
  dk_web_answer_page (r, status, h);
}

void
dk_page_participation (Request *r)
{
  participation_form (r, 200, NULL, NULL);
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
      participation_form (r, 400, T ("Give the person, the activity, the date and the hours."), NULL);
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
      participation_form (r, 400, error->message, NULL);
      return;
    }
  g_autofree char *done = g_strdup_printf (T ("%s: %s on %s recorded."), person, activity, date);
  participation_form (r, 200, NULL, done);
}
