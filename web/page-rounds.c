/*
 * page-rounds.c — HR's rounds (GET|POST /rounds): the rounds as `digikomp
 * round list` shows them, a form to open one and one to close an open one
 * (the same core calls as cli/round.c, audited as the signed-in person),
 * and for each open round its response and conversation rates per unit,
 * from the core's response and conversations reports and suppressed as
 * they are.  Names of who has not started are for their own manager only
 * (/team), never here.
 *
 * POST fields: `action` open (with `code`, `title`, `framework` ID@VERSION)
 * or close (with `round`).
 */
#include "page.h"
#include "report-build.h"
#include "views.h"

#include <string.h>

typedef struct {
  DkPageForm  fields;      /* the problem, when a change was refused */
  const char *code, *title, *framework;
} Problem;

/* Writes the running round ROUND's rates per unit. */
static gboolean
follow (Request *r, DkHtml *h, const DkRound *round, GError **error)
{
  g_autofree char *heading = g_strdup_printf (T ("Round %s, running"), round->code);
  dk_html_element (h, "h2", heading);
  const DkReportKind shown[] = { DK_REPORT_RESPONSE, DK_REPORT_CONVERSATIONS };
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      DkReportQuery q = { .kind = shown[i], .group_by = DK_GROUP_UNIT, .min_group = r->options->min_group,
                          .lang = r->ctx.lang, .ctx = &r->ctx };
      g_autoptr (DkReport) report = dk_report_build (r->store, round, NULL, &q, FALSE, NULL, error);
      if (report == NULL)
        return FALSE;
      dk_html_element (h, "h3", dk_report_title (report));
      dk_html_report (h, report);
    }
  dk_html_element (h, "p", T ("A manager sees on their team page who of their people has not started."));
  return TRUE;
}

/* Answers the rounds page, with P's problem when a change was refused and
 * what P's person typed. */
static void
rounds_page (Request *r, const Problem *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rounds = dk_store_rounds (r->store, &error);
  g_autoptr (GPtrArray) frameworks = rounds != NULL ? dk_store_frameworks (r->store, &error) : NULL;
  g_autoptr (DkReport) list = frameworks != NULL ? dk_view_rounds (r->store, r->ctx.lang, &error) : NULL;
  if (list == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  DkHtml *h = dk_page_start (r, T ("Rounds"));
  const DkPageForm *f = &p->fields;
  if (f->problem != NULL)
    dk_page_error (h, "errors", g_strcmp0 (f->bad_field, "round") == 0 || g_strcmp0 (f->bad_field, "action") == 0
                                ? f->problem
                                : T ("Nothing was changed. Correct what is marked and press the button again."));
  dk_html_report (h, list);
  for (guint i = rounds->len; i-- > 0;)
    if (((DkRound *) rounds->pdata[i])->open && !follow (r, h, rounds->pdata[i], &error))
      {
        dk_page_fail (r, h, error);
        return;
      }

  dk_html_element (h, "h2", T ("Open a round"));
  dk_page_form_start (h, "/rounds", r->session->csrf);
  dk_page_hidden (h, "action", "open");
  dk_page_input_field (h, f, "code", T ("Round (a short code, like 2027)"), "text", p->code);
  dk_page_input_field (h, f, "title", T ("Title"), "text", p->title);
  dk_page_select_open (h, f, "framework", T ("Framework"));
  for (guint i = frameworks->len; i-- > 0;)
    {
      const DkFramework *fw = frameworks->pdata[i];
      g_autofree char *value = g_strdup_printf ("%s@%s", dk_framework_id (fw), dk_framework_version (fw));
      dk_html_open (h, "option", "value", value, g_strcmp0 (value, p->framework) == 0 ? "selected" : NULL, "",
                    NULL);
      dk_html_textf (h, "%s (%s)", dk_framework_title (fw, r->ctx.lang), value);
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  dk_page_button (h, T ("Open the round"), TRUE);

  for (guint i = 0; i < rounds->len; i++)
    {
      const DkRound *round = rounds->pdata[i];
      if (!round->open)
        continue;
      g_autofree char *heading = g_strdup_printf (T ("Close round %s"), round->code);
      dk_html_element (h, "h2", heading);
      dk_html_element (h, "p", T ("When a round is closed, its ratings can no longer change."));
      dk_page_form_start (h, "/rounds", r->session->csrf);
      dk_page_hidden (h, "action", "close");
      dk_page_hidden (h, "round", round->code);
      dk_page_button (h, heading, TRUE);
    }
  dk_web_answer_page (r, f->problem != NULL ? 400 : 200, h);
}

void
dk_page_rounds (Request *r)
{
  Problem none = { .fields.prefix = "round" };
  rounds_page (r, &none);
}

static const char *
form_field (Request *r, const char *name)
{
  const char *v = g_hash_table_lookup (r->form, name);
  return v != NULL && *v != '\0' ? v : NULL;
}

void
dk_page_rounds_post (Request *r)
{
  const char *action = form_field (r, "action");
  g_autoptr (GError) error = NULL;
  Problem p = { .fields.prefix = "round", .code = form_field (r, "code"), .title = form_field (r, "title"),
                .framework = form_field (r, "framework") };
  const char *field = NULL;   /* the field ERROR is about */
  if (g_strcmp0 (action, "close") == 0)
    {
      if (dk_store_round_close (r->store, form_field (r, "round") ? form_field (r, "round") : "", &r->ctx, &error))
        {
          dk_web_redirect (r, "/rounds");
          return;
        }
      field = "round";
    }
  else if (g_strcmp0 (action, "open") == 0)
    {
      if (p.code == NULL)
        dk_page_form_refuse (&p.fields, "code", g_strdup (T ("Give the round a code.")));
      else if (p.title == NULL)
        dk_page_form_refuse (&p.fields, "title", g_strdup (T ("Give the round a title.")));
      else if (p.framework == NULL)
        dk_page_form_refuse (&p.fields, "framework", g_strdup (T ("Choose a framework.")));
      else
        {
          g_auto (GStrv) fw = g_strsplit (p.framework, "@", 2);
          if (dk_store_round_open (r->store, p.code, p.title, fw[0], fw[1], &r->ctx, &error))
            {
              dk_web_redirect (r, "/rounds");
              return;
            }
          field = g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND) ? "framework" : "code";
        }
    }
  else
    dk_page_form_refuse (&p.fields, "action", g_strdup (T ("Choose to open or to close a round.")));
  if (error != NULL && (error->domain != DK_STORE_ERROR || error->code == DK_STORE_ERROR_SQL))
    {
      dk_web_fail (r, error);
      return;
    }
  if (error != NULL)
    dk_page_form_refuse (&p.fields, field, g_strdup (error->message));
  rounds_page (r, &p);
  dk_page_form_clear (&p.fields);
}
