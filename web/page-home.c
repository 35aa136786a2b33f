/*
 * page-home.c — the start page: what the signed-in person can do next.
 */
#include "page.h"

/* The person's own next steps in the open rounds they are in. */
static gboolean
own_steps (Request *r, DkHtml *h, GError **error)
{
  g_autoptr (GPtrArray) rounds = dk_store_rounds (r->store, error);
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      const DkRound *round = rounds->pdata[i];
      if (!round->open)
        continue;
      g_autoptr (GError) missing = NULL;
      g_autoptr (DkAssessment) a = dk_store_assessment (r->store, round->id, r->who->person_id, &missing);
      if (a == NULL)
        {
          if (!g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&missing));
              return FALSE;
            }
          continue;
        }
      g_autofree char *text = g_strdup_printf (
          (a->flags & DK_ASSESS_SHARED) ? T ("Look at your self-rating in %s, shared with your manager")
                                        : T ("Rate your own competence in %s"),
          round->title != NULL ? round->title : round->code);
      dk_page_link_item (h, "/assessment", text);
      dk_page_link_item (h, "/plan", T ("Read your development plan"));
    }
  return TRUE;
}

void
dk_page_home (Request *r)
{
  if (r->who == NULL)
    {
      dk_web_redirect (r, "/login");
      return;
    }
  DkHtml *h = dk_page_start (r, T ("What to do next"));
  DK_HTML_MARKUP (h, "<ul class=\"next\">");
  g_autoptr (GError) error = NULL;
  if (!own_steps (r, h, &error))
    {
      gsize len;
      g_free (dk_html_free_to_string (h, &len));
      dk_web_fail (r, error);
      return;
    }
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
          g_autofree char *path = escaped != NULL ? g_strdup_printf ("/reports/share?unit=%s", escaped)
                                                  : g_strdup ("/reports/share");
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
  dk_page_link_item (h, "/me/data.json", T ("Download everything stored about you"));
  DK_HTML_MARKUP (h, "</ul>");

  dk_html_element (h, "h2", T ("Language"));
  dk_page_form_start (h, "/settings", r->session->csrf);
  dk_html_open (h, "label", "for", "lang", NULL);
  dk_html_text (h, T ("The language of the pages"));
  dk_html_close (h, "label");
  dk_html_open (h, "select", "id", "lang", "name", "lang", NULL);
  dk_html_open (h, "option", "value", "sv", r->ctx.lang == DK_LANG_SV ? "selected" : NULL, "", NULL);
  dk_html_text (h, "svenska");
  dk_html_close (h, "option");
  dk_html_open (h, "option", "value", "en", r->ctx.lang == DK_LANG_EN ? "selected" : NULL, "", NULL);
  dk_html_text (h, "English");
  dk_html_close (h, "option");
  dk_html_close (h, "select");
  dk_page_button (h, T ("Save"), TRUE);
  dk_web_answer_page (r, 200, h);
}

