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
  const char *bad_field;   /* the field the problem is about, or NULL */
  const char *problem;
  const char *code, *title, *framework;
} Problem;

/* Writes a text field NAME of the open form labelled LABEL. */
static void
open_field (DkHtml *h, const Problem *p, const char *name, const char *label, const char *value)
{
  g_autofree char *id = g_strdup_printf ("round-%s", name);
  g_autofree char *error_id = g_strdup_printf ("%s-error", id);
  gboolean bad = p != NULL && g_strcmp0 (p->bad_field, name) == 0;
  dk_page_label (h, id, label);
  if (bad)
    dk_page_error (h, error_id, p->problem);
  dk_html_open (h, "input", "type", "text", "id", id, "name", name, "value", value != NULL ? value : "",
                bad ? "aria-invalid" : NULL, "true", "aria-describedby", error_id, NULL);
}

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
  if (p != NULL)
    dk_page_error (h, "errors", g_strcmp0 (p->bad_field, "round") == 0 || g_strcmp0 (p->bad_field, "action") == 0
                                ? p->problem
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
  open_field (h, p, "code", T ("Round (a short code, like 2027)"), p != NULL ? p->code : NULL);
  open_field (h, p, "title", T ("Title"), p != NULL ? p->title : NULL);
  gboolean bad = p != NULL && g_strcmp0 (p->bad_field, "framework") == 0;
  dk_page_label (h, "round-framework", T ("Framework"));
  if (bad)
    dk_page_error (h, "round-framework-error", p->problem);
  dk_html_open (h, "select", "id", "round-framework", "name", "framework", bad ? "aria-invalid" : NULL, "true",
                "aria-describedby", "round-framework-error", NULL);
  for (guint i = frameworks->len; i-- > 0;)
    {
      const DkFramework *fw = frameworks->pdata[i];
      g_autofree char *value = g_strdup_printf ("%s@%s", dk_framework_id (fw), dk_framework_version (fw));
      dk_html_open (h, "option", "value", value, NULL);
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
  dk_web_answer_page (r, p != NULL ? 400 : 200, h);
}

void
dk_page_rounds (Request *r)
{
  rounds_page (r, NULL);
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
  Problem p = { .code = form_field (r, "code"), .title = form_field (r, "title"),
                .framework = form_field (r, "framework") };
  if (g_strcmp0 (action, "close") == 0)
    {
      if (dk_store_round_close (r->store, form_field (r, "round") ? form_field (r, "round") : "", &r->ctx, &error))
        {
          dk_web_redirect (r, "/rounds");
          return;
        }
      p.bad_field = "round";
    }
  else if (g_strcmp0 (action, "open") == 0)
    {
      if (p.code == NULL)
        p.bad_field = "code", p.problem = T ("Give the round a code.");
      else if (p.title == NULL)
        p.bad_field = "title", p.problem = T ("Give the round a title.");
      else if (p.framework == NULL)
        p.bad_field = "framework", p.problem = T ("Choose a framework.");
      else
        {
          g_auto (GStrv) fw = g_strsplit (p.framework, "@", 2);
          if (dk_store_round_open (r->store, p.code, p.title, fw[0], fw[1], &r->ctx, &error))
            {
              dk_web_redirect (r, "/rounds");
              return;
            }
          p.bad_field = g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND) ? "framework" : "code";
        }
    }
  else
    p.bad_field = "action", p.problem = T ("Choose to open or to close a round.");
  if (error != NULL && (error->domain != DK_STORE_ERROR || error->code == DK_STORE_ERROR_SQL))
    {
      dk_web_fail (r, error);
      return;
    }
  if (p.problem == NULL)
    p.problem = error->message;
  rounds_page (r, &p);
}
