/*
 * page-home.c — the start page: what the signed-in person can do next —
 * their self-rating, their plan and its next session, one clear button —
 * and the links of their other roles.
 */
#include "date.h"
#include "page.h"

#include <string.h>

/* How far the person's self-rating in their open round has come. */
typedef enum { RATING_NO_ROUND, RATING_NOT_STARTED, RATING_BEGUN, RATING_SHARED } RatingState;

/* Returns the state of OWN's self-rating, with the competences answered and
 * those that apply to the person's role. */
static RatingState
rating_state (const DkPageRound *own, guint *answered, guint *applies)
{
  *answered = *applies = 0;
  if (own->round == NULL)
    return RATING_NO_ROUND;
  for (guint i = 0; i < dk_framework_n_competences (own->fw) && i < own->a->n; i++)
    if (dk_framework_applies (own->fw, own->a->role, i))
      {
        (*applies)++;
        if (own->a->self[i] != DK_LEVEL_NONE)
          (*answered)++;
      }
  if (own->a->flags & DK_ASSESS_SHARED)
    return RATING_SHARED;
  return *answered > 0 ? RATING_BEGUN : RATING_NOT_STARTED;
}

static gboolean
plan_agreed (const DkPlan *plan)
{
  return plan != NULL && (strcmp (plan->state, "agreed") == 0 || strcmp (plan->state, "followed-up") == 0);
}

/* Sets *NEXT to the next session (from now on) of an activity still planned
 * in PLAN, when agreed: "Title: 13 October 2027, 09:00–13:00, Stadshuset";
 * NULL when there is none.  FALSE with ERROR when the store fails. */
static gboolean
next_session (Request *r, const DkPlan *plan, char **next, GError **error)
{
  *next = NULL;
  if (!plan_agreed (plan))
    return TRUE;
  g_autoptr (GPtrArray) catalogue = dk_catalogue_load (r->store, error);
  if (catalogue == NULL)
    return FALSE;
  g_autoptr (GDateTime) now = dk_context_now_local (&r->ctx);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  const DkActivity *best = NULL;
  const DkSession *first = NULL;
  for (guint i = 0; i < plan->items->len; i++)
    {
      const DkPlanItem *it = plan->items->pdata[i];
      const DkActivity *a = it->activity_id != NULL && strcmp (it->status, "planned") == 0
                                ? dk_catalogue_find (catalogue, it->activity_id) : NULL;
      for (guint k = 0; a != NULL && k < a->sessions->len; k++)
        {
          const DkSession *s = &g_array_index (a->sessions, DkSession, k);
          /* a session given by its date alone is still to come all that day */
          if (strncmp (s->start, from, strlen (s->start)) >= 0 && (first == NULL || strcmp (s->start, first->start) < 0))
            {
              best = a;
              first = s;
            }
        }
    }
  if (first != NULL)
    {
      g_autofree char *when = dk_date_format_session (first->start, first->end, r->ctx.lang);
      *next = first->place != NULL ? g_strdup_printf ("%s: %s, %s", dk_activity_title (best, r->ctx.lang), when, first->place)
                                   : g_strdup_printf ("%s: %s", dk_activity_title (best, r->ctx.lang), when);
    }
  return TRUE;
}

/* Writes what to do now: a sentence, the one main button, and where the
 * person's self-rating and plan stand.  Returns the button's path. */
static const char *
own_steps (Request *r, DkHtml *h, const DkPageRound *own, const DkPlan *plan, const char *next)
{
  guint answered, applies;
  RatingState rating = rating_state (own, &answered, &applies);
  const char *round = own->round == NULL ? NULL : own->round->title != NULL ? own->round->title : own->round->code;
  const char *say, *path, *button;
  if (rating == RATING_NOT_STARTED)
    {
      say = T ("Rate your own digital competence. You can stop at any time and go on later: your answers are saved.");
      path = "/assessment";
      button = T ("Start your self-rating");
    }
  else if (rating == RATING_BEGUN)
    {
      say = T ("You have begun your self-rating. Your answers are saved. Go on where you stopped.");
      path = "/assessment";
      button = T ("Go on with your self-rating");
    }
  else if (plan != NULL)
    {
      say = plan_agreed (plan) ? T ("Your plan is agreed. Read it, and add its sessions to your calendar.")
                               : T ("Your manager has started your plan. Read it, and add your own wishes.");
      path = "/plan";
      button = T ("Read your plan");
    }
  else
    {
      say = rating == RATING_SHARED
                ? T ("You have shared your self-rating with your manager. Next, you talk about it together and make your plan.")
                : T ("No rating round is open for you now. You can look at the activities you can take.");
      path = "/catalogue";
      button = T ("See the activities you can take");
    }
  dk_html_element (h, "p", say);
  dk_page_main_action (h, path, button);

  DK_HTML_MARKUP (h, "<dl class=\"status\">");
  if (rating != RATING_NO_ROUND)
    {
      DK_HTML_MARKUP (h, "<dt>");
      dk_html_textf (h, T ("Your self-rating in %s"), round);
      DK_HTML_MARKUP (h, "</dt><dd>");
      if (rating == RATING_SHARED)
        dk_html_text (h, T ("Shared with your manager. You can still change it: your manager sees the changes."));
      else if (rating == RATING_BEGUN)
        dk_html_textf (h, T ("Begun: %u of %u answered."), answered, applies);
      else
        dk_html_text (h, T ("Not started."));
      DK_HTML_MARKUP (h, "</dd>");
    }
  dk_html_element (h, "dt", T ("Your plan"));
  if (plan == NULL)
    dk_html_element (h, "dd", T ("None yet. Your manager makes it with you in the development conversation."));
  else if (strcmp (plan->state, "followed-up") == 0)
    dk_html_element (h, "dd", T ("Agreed and followed up."));
  else if (plan_agreed (plan))
    dk_html_element (h, "dd", T ("Agreed."));
  else
    dk_html_element (h, "dd", T ("A draft: not agreed yet."));
  if (plan_agreed (plan))
    {
      dk_html_element (h, "dt", T ("Your next session"));
      dk_html_element (h, "dd", next != NULL ? next : T ("No session is coming up."));
    }
  DK_HTML_MARKUP (h, "</dl>");
  return path;
}

void
dk_page_home (Request *r)
{
  if (r->who == NULL)
    {
      dk_web_redirect (r, "/login");
      return;
    }
  g_autoptr (GError) error = NULL;
  DkPageRound own;
  g_autoptr (DkPlan) plan = NULL;
  g_autofree char *next = NULL;
  if (!dk_page_person_round (r, r->who->person_id, NULL, FALSE, &own, &error) || !dk_page_own_plan (r, &plan, &error)
      || !next_session (r, plan, &next, &error))
    {
      dk_page_round_clear (&own);
      dk_web_fail (r, error);
      return;
    }
  DkHtml *h = dk_page_start (r, T ("What to do next"));
  const char *main = own_steps (r, h, &own, plan, next);
  dk_html_element (h, "h2", T ("More you can do"));
  DK_HTML_MARKUP (h, "<ul class=\"next\">");
  /* the main button's page is not listed twice */
  if (own.round != NULL && strcmp (main, "/assessment") != 0)
    dk_page_link_item (h, "/assessment", T ("Your self-rating"));
  if (strcmp (main, "/plan") != 0)
    dk_page_link_item (h, "/plan", T ("Your development plan"));
  if (strcmp (main, "/catalogue") != 0)
    dk_page_link_item (h, "/catalogue", T ("Activities you can take"));
  dk_page_round_clear (&own);
  if (dk_access_allows (r->who, DK_ACCESS_TEAM, NULL))
    dk_page_link_item (h, "/team", T ("Hold the development conversations of your team"));
  if (dk_access_allows (r->who, DK_ACCESS_HR, NULL))
    {
      dk_page_link_item (h, "/rounds", T ("Open or close a rating round"));
      dk_page_link_item (h, "/imports", T ("Import a roster or ratings"));
    }
  for (guint i = 0; i < r->who->grants->len; i++)
    {
      const DkGrant *g = r->who->grants->pdata[i];
      if (g->kind == DK_GRANT_HR || g->kind == DK_GRANT_COORDINATOR)
        {
          g_autofree char *escaped = g->target != NULL ? g_uri_escape_string (g->target, NULL, FALSE) : NULL;
          g_autofree char *path = escaped != NULL ? g_strdup_printf ("/reports/needs?unit=%s", escaped)
                                                  : g_strdup ("/reports/needs");
          g_autofree char *text = g->target != NULL ? g_strdup_printf (T ("Read the group reports of %s"), g->target)
                                                    : g_strdup (T ("Read the group reports"));
          dk_page_link_item (h, path, text);
        }
      else if (g->kind == DK_GRANT_TRAINER)
        {
          g_autofree char *text = g_strdup_printf (T ("Record attendance at %s"), g->target);
          dk_page_link_item (h, "/participation", text);
        }
      else if (g->kind == DK_GRANT_ADMIN)
        {
          dk_page_link_item (h, "/admin/users", T ("Manage accounts"));
          dk_page_link_item (h, "/admin/audit", T ("Read the audit log"));
        }
    }
  dk_page_link_item (h, "/settings", T ("Settings and your data"));
  DK_HTML_MARKUP (h, "</ul>");
  dk_web_answer_page (r, 200, h);
}
