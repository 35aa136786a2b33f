/*
 * page-plan.c — the person's own development plan: the page, its
 * downloads (PDF, iCalendar) and the wished-for activities they add to a
 * draft.  The plan is the one of an open round, else of the newest round
 * the person has one in.
 */
#include "page.h"
#include "plan-export.h"

#include <string.h>


gboolean
dk_page_own_plan (Request *r, DkPlan **plan, GError **error)
{
  *plan = NULL;
  g_autoptr (GPtrArray) rounds = dk_store_rounds (r->store, error);
  if (rounds == NULL)
    return FALSE;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = rounds->len; i-- > 0;)
      {
        const DkRound *round = rounds->pdata[i];
        if (round->open != (pass == 0))
          continue;
        g_autoptr (GError) missing = NULL;
        *plan = dk_plan_get (r->store, round->code, r->who->ext_id, r->ctx.lang, &missing);
        if (*plan != NULL)
          return TRUE;
        if (!g_error_matches (missing, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND))
          {
            g_propagate_error (error, g_steal_pointer (&missing));
            return FALSE;
          }
      }
  return TRUE;
}

static gboolean
is_draft (const DkPlan *plan)
{
  return strcmp (plan->state, "draft") == 0 || strcmp (plan->state, "suggested") == 0;
}

/* What the plan's state means for the person, in a sentence. */
static const char *
state_sentence (Request *r, const DkPlan *plan)
{
  if (is_draft (plan))
    return T ("This plan is a draft. You and your manager have not agreed it yet. You can add your own wishes to it.");
  if (strcmp (plan->state, "followed-up") == 0)
    return T ("You and your manager have agreed this plan and followed it up.");
  return T ("You and your manager have agreed this plan.");
}

/* The page for a person without a plan, with STATUS. */
static void
no_plan (Request *r, int status)
{
  DkHtml *h = dk_page_start (r, T ("Your development plan"));
  dk_html_element (h, "p", T ("You have no plan yet."));
  dk_html_element (h, "p", T ("Your manager makes the plan with you in the development conversation, "
                              "after you have shared your self-rating. Then you find it here."));
  dk_page_main_action (h, "/catalogue", T ("See the activities you can take"));
  dk_web_answer_page (r, status, h);
}

/* Returns the person's plan (caller frees), or NULL having answered R:
 * with the page saying there is none (STATUS), or 500. */
static DkPlan *
plan_or_answer (Request *r, int status)
{
  g_autoptr (GError) error = NULL;
  DkPlan *plan = NULL;
  if (!dk_page_own_plan (r, &plan, &error))
    dk_web_fail (r, error);
  else if (plan == NULL)
    no_plan (r, status);
  return plan;
}

/* Writes the items of GROUPS (DkPlanDocGroup*) under their competences. */
static void
write_groups (Request *r, DkHtml *h, GPtrArray *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const DkPlanDocGroup *g = groups->pdata[i];
      dk_html_element (h, "h3", g->competence);
      for (guint k = 0; k < g->items->len; k++)
        {
          const DkPlanDocItem *x = g->items->pdata[k];
          DK_HTML_MARKUP (h, "<article class=\"item\">");
          dk_html_element (h, "h4", x->title);
          DK_HTML_MARKUP (h, "<ul>");
          if (x->kind != NULL)
            dk_page_kind (r, h, x->kind, x->format, x->hours);
          dk_page_fact (h, T ("Status: %s"), x->status);
          if (x->reason != NULL)
            dk_page_fact (h, T ("Why: %s"), x->reason);
          if (x->preparation != NULL)
            dk_page_fact (h, T ("Before: %s"), x->preparation);
          if (x->follow_up != NULL)
            dk_page_fact (h, T ("After: %s"), x->follow_up);
          for (char **s = x->sessions; *s != NULL; s++)
            dk_page_fact (h, T ("Session: %s"), *s);
          DK_HTML_MARKUP (h, "</ul></article>");
        }
    }
}

/* A wish as the form holds it, with what is wrong with it. */
typedef struct {
  const char *competence, *text;
  const char *problem;       /* NULL: none */
  gboolean    on_text;       /* the problem is the text's, else the competence's */
} Wish;

/* Writes the wish form, filled in from W (may be NULL). */
static void
wish_form (Request *r, DkHtml *h, const DkPlanDoc *doc, const Wish *w)
{
  DK_HTML_MARKUP (h, "<section class=\"wish\" id=\"wish\">");
  dk_html_element (h, "h2", T ("Wish for an activity"));
  dk_html_element (h, "p", T ("Is there something you want to learn? Write it here. Your manager sees it in the plan."));
  dk_page_form_start (h, "/plan/wishes", r->session->csrf);
  gboolean bad_comp = w != NULL && w->problem != NULL && !w->on_text;
  gboolean bad_text = w != NULL && w->problem != NULL && w->on_text;
  if (bad_comp)
    dk_page_error (h, "wish-competence-error", w->problem);
  dk_html_open (h, "label", "for", "wish-competence", NULL);
  dk_html_text (h, T ("What the wish is about"));
  dk_html_close (h, "label");
  dk_html_open (h, "select", "id", "wish-competence", "name", "competence",
                bad_comp ? "aria-invalid" : NULL, "true", "aria-describedby", "wish-competence-error", NULL);
  for (guint i = 0; i < doc->levels->len; i++)
    {
      const DkPlanDocLevel *l = doc->levels->pdata[i];
      gboolean chosen = w != NULL && g_strcmp0 (w->competence, l->id) == 0;
      dk_html_open (h, "option", "value", l->id, chosen ? "selected" : NULL, "", NULL);
      dk_html_textf (h, "%s %s", l->id, l->title);
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  if (bad_text)
    dk_page_error (h, "wish-text-error", w->problem);
  dk_html_open (h, "label", "for", "wish-text", NULL);
  dk_html_text (h, T ("Your wish, in your own words"));
  dk_html_close (h, "label");
  g_autofree char *max = g_strdup_printf ("%d", DK_WISH_MAX);
  dk_html_open (h, "textarea", "id", "wish-text", "name", "text", "rows", "3", "maxlength", max,
                "required", "", bad_text ? "aria-invalid" : NULL, "true",
                "aria-describedby", "wish-text-error", NULL);
  dk_html_text (h, w != NULL && w->text != NULL ? w->text : "");
  dk_html_close (h, "textarea");
  dk_page_button (h, T ("Add the wish"), TRUE);
  DK_HTML_MARKUP (h, "</section>");
}

/* Answers with the plan page, STATUS, and the wish W (may be NULL) in its
 * form. */
static void
plan_page (Request *r, int status, const Wish *w)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPlan) plan = plan_or_answer (r, 200);
  if (plan == NULL)
    return;
  g_autoptr (DkPlanDoc) doc = dk_plan_doc_load (r->store, plan->round, r->who->ext_id, &r->ctx, &error);
  if (doc == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  DkHtml *h = dk_page_start (r, T ("Your development plan"));
  dk_html_element (h, "p", state_sentence (r, plan));
  DK_HTML_MARKUP (h, "<dl class=\"status\">");
  dk_html_element (h, "dt", T ("Round"));
  dk_html_element (h, "dd", doc->round);
  dk_html_element (h, "dt", T ("State"));
  dk_html_element (h, "dd", dk_plan_word (plan->state, r->ctx.lang));
  if (doc->agreed != NULL)
    {
      dk_html_element (h, "dt", T ("Agreed"));
      dk_html_element (h, "dd", doc->agreed);
    }
  DK_HTML_MARKUP (h, "</dl><ul class=\"downloads\">");
  dk_page_link_item (h, "/plan.pdf", T ("Download the plan as PDF, to print"));
  dk_page_link_item (h, "/plan.ics", T ("Add the sessions to your calendar (iCalendar file)"));
  DK_HTML_MARKUP (h, "</ul>");

  dk_html_element (h, "h2", T ("Activities"));
  if (doc->groups->len == 0)
    dk_html_element (h, "p", T ("The plan has no activities yet."));
  write_groups (r, h, doc->groups);
  if (doc->wishes->len > 0)
    {
      dk_html_element (h, "h2", T ("Your wishes"));
      write_groups (r, h, doc->wishes);
    }
  if (doc->follow_ups->len > 0)
    {
      dk_html_element (h, "h2", T ("Follow-ups"));
      DK_HTML_MARKUP (h, "<dl class=\"follow-ups\">");
      for (guint i = 0; i + 1 < doc->follow_ups->len; i += 2)
        {
          dk_html_element (h, "dt", doc->follow_ups->pdata[i]);
          dk_html_element (h, "dd", doc->follow_ups->pdata[i + 1] != NULL ? doc->follow_ups->pdata[i + 1] : "");
        }
      DK_HTML_MARKUP (h, "</dl>");
    }
  if (is_draft (plan))
    wish_form (r, h, doc, w);
  else
    dk_html_element (h, "p", T ("Do you want to change the plan? Talk to your manager: they can open it for changes again."));
  dk_web_answer_page (r, status, h);
}

void
dk_page_plan (Request *r)
{
  plan_page (r, 200, NULL);
}

/* Answers with the plan as FORMAT, a file to download named NAME of TYPE. */
static void
plan_download (Request *r, DkPlanFormat format, const char *type, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPlan) plan = plan_or_answer (r, 404);
  if (plan == NULL)
    return;
  GBytes *bytes = dk_plan_export (r->store, plan->round, r->who->ext_id, format, &r->ctx, &error);
  if (bytes == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  gsize len;
  char *data = g_bytes_unref_to_data (bytes, &len);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", name);
  dk_web_header (r, "Content-Disposition", disposition);
  dk_web_answer (r, 200, type, data, len);
}

void
dk_page_plan_pdf (Request *r)
{
  plan_download (r, DK_PLAN_FORMAT_PDF, "application/pdf", "plan.pdf");
}

void
dk_page_plan_ics (Request *r)
{
  plan_download (r, DK_PLAN_FORMAT_ICS, "text/calendar; charset=utf-8", "plan.ics");
}

/* Answers 409 for a wish the plan (PLAN, NULL: none) cannot take. */
static void
wish_refused (Request *r, const DkPlan *plan)
{
  DkHtml *h = dk_page_start (r, T ("The wish was not added"));
  if (plan == NULL)
    {
      dk_html_element (h, "p", T ("You have no plan yet, so there is nothing to add the wish to."));
      dk_html_element (h, "p", T ("Your manager makes the plan with you in the development conversation. "
                                  "Bring your wish to the conversation, or add it here when the plan is a draft."));
    }
  else
    {
      dk_html_element (h, "p", T ("Your plan is agreed. Wishes are added while a plan is a draft."));
      dk_html_element (h, "p", T ("Talk to your manager: they can open the plan for changes again."));
    }
  dk_page_main_action (h, "/plan", T ("Back to your plan"));
  dk_web_answer_page (r, 409, h);
}

void
dk_page_plan_wish (Request *r)
{
  Wish w = { g_hash_table_lookup (r->form, "competence"), g_hash_table_lookup (r->form, "text"), NULL, FALSE };
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPlan) plan = NULL;
  if (!dk_page_own_plan (r, &plan, &error))
    {
      dk_web_fail (r, error);
      return;
    }
  if (plan == NULL || !is_draft (plan))
    {
      wish_refused (r, plan);
      return;
    }
  g_autoptr (DkFramework) fw = NULL;
  g_autoptr (DkRound) round = dk_store_round (r->store, plan->round, &error);
  g_autoptr (DkAssessment) a = round != NULL ? dk_store_assessment (r->store, round->id, r->who->person_id, &error)
                                             : NULL;
  if (a == NULL || (fw = dk_store_round_framework (r->store, round, &error)) == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  const DkCompetence *comp = w.competence != NULL ? dk_framework_competence_by_id (fw, w.competence) : NULL;
  g_autofree char *text = w.text != NULL ? g_strstrip (g_strdup (w.text)) : g_strdup ("");
  if (comp == NULL || !dk_framework_applies (fw, a->role, comp->index))
    w.problem = T ("Choose what the wish is about from the list.");
  else if (*text == '\0')
    {
      w.problem = T ("Write your wish.");
      w.on_text = TRUE;
    }
  else if (g_utf8_strlen (text, -1) > DK_WISH_MAX)
    {
      w.problem = T ("The wish is too long: write at most 500 characters.");
      w.on_text = TRUE;
    }
  if (w.problem != NULL)
    {
      plan_page (r, 400, &w);
      return;
    }
  if (!dk_plan_add (r->store, plan->round, r->who->ext_id, comp->id, NULL, text, 0, NULL, &r->ctx, &error))
    {
      /* agreed meanwhile, by the manager in another window */
      if (g_error_matches (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED))
        {
          g_clear_pointer (&plan, dk_plan_free);
          dk_page_own_plan (r, &plan, NULL);
          wish_refused (r, plan);
        }
      else
        dk_web_fail (r, error);
      return;
    }
  dk_web_redirect (r, "/plan#wish");
}
