/*
 * pages.c — the pages of the web interface's foundation: health, the
 * stylesheet, sign-in by password and by invitation, sign-out, the start
 * page, the settings and the person's own data.  Every page is rendered
 * through the escaping writer (html.h) and works without JavaScript.
 */
#include "crypto.h"
#include "person-data.h"
#include "server.h"

#include <gio/gio.h>
#include <string.h>

#define T(msgid) T_ (r->ctx.lang, msgid)

/* Writes the start of a form that POSTs to ACTION, with the session's
 * CSRF token. */
static void
form_start (DkHtml *h, const char *action, const char *csrf)
{
  dk_html_open (h, "form", "method", "post", "action", action, NULL);
  dk_html_open (h, "input", "type", "hidden", "name", "csrf", "value", csrf, NULL);
}

/* Writes a submit button saying TEXT and, with END, the form's end. */
static void
button (DkHtml *h, const char *text, gboolean end)
{
  dk_html_open (h, "button", "type", "submit", NULL);
  dk_html_text (h, text);
  dk_html_close (h, "button");
  if (end)
    dk_html_close (h, "form");
}

/* Returns a writer with the page's head and, when signed in, its header
 * (the person's name, the language and the sign-out buttons). */
static DkHtml *
page_start (Request *r, const char *title)
{
  DkHtml *h = dk_html_new ();
  DK_HTML_MARKUP (h, "<!DOCTYPE html>\n");
  dk_html_open (h, "html", "lang", dk_lang_code (r->ctx.lang), NULL);
  DK_HTML_MARKUP (h, "<head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
  dk_html_open (h, "title", NULL);
  dk_html_textf (h, "%s – digikomp", title);
  dk_html_close (h, "title");
  DK_HTML_MARKUP (h, "<link rel=\"stylesheet\" href=\"/style.css\"></head><body>");
  if (r->who != NULL)
    {
      DK_HTML_MARKUP (h, "<header><nav>");
      dk_html_open (h, "a", "href", "/", NULL);
      dk_html_text (h, "digikomp");
      dk_html_close (h, "a");
      dk_html_open (h, "span", "class", "who", NULL);
      dk_html_text (h, r->who->name);
      dk_html_close (h, "span");
      form_start (h, "/logout", r->session->csrf);
      button (h, T ("Sign out"), TRUE);
      DK_HTML_MARKUP (h, "</nav></header>");
    }
  DK_HTML_MARKUP (h, "<main>");
  dk_html_element (h, "h1", title);
  return h;
}

void
dk_page_health (Request *r)
{
  dk_web_answer (r, 200, "text/plain; charset=utf-8", g_strdup ("ok\n"), 3);
}

void
dk_page_style (Request *r)
{
  g_autoptr (GBytes) css = g_resources_lookup_data ("/se/digikomp/web/style.css", 0, NULL);
  gsize len = 0;
  const char *data = css != NULL ? g_bytes_get_data (css, &len) : "";
  dk_web_answer (r, 200, "text/css; charset=utf-8", g_strndup (data, len), len);
}

/* The sign-in form, with MESSAGE above it when not NULL. */
static void
login_form (Request *r, int status, const char *message, const char *username)
{
  DkSession *session = dk_web_session (r);
  if (session == NULL)
    return;
  DkHtml *h = page_start (r, T ("Sign in"));
  if (message != NULL)
    {
      dk_html_open (h, "p", "class", "error", "role", "alert", NULL);
      dk_html_text (h, message);
      dk_html_close (h, "p");
    }
  form_start (h, "/login", session->csrf);
  dk_html_open (h, "label", "for", "username", NULL);
  dk_html_text (h, T ("Your person id or e-mail"));
  dk_html_close (h, "label");
  dk_html_open (h, "input", "id", "username", "name", "username", "autocomplete", "username",
                "required", "", "value", username != NULL ? username : "", NULL);
  dk_html_open (h, "label", "for", "password", NULL);
  dk_html_text (h, T ("Password"));
  dk_html_close (h, "label");
  dk_html_open (h, "input", "id", "password", "name", "password", "type", "password",
                "autocomplete", "current-password", "required", "", NULL);
  button (h, T ("Sign in"), TRUE);
  dk_web_answer_page (r, status, h);
}

void
dk_page_login (Request *r)
{
  if (r->who != NULL)
    dk_web_redirect (r, "/");
  else
    login_form (r, 200, NULL, NULL);
}

void
dk_page_login_post (Request *r)
{
  const char *username = g_hash_table_lookup (r->form, "username");
  const char *password = g_hash_table_lookup (r->form, "password");
  if (username == NULL || password == NULL || *username == '\0')
    {
      login_form (r, 400, T ("Give your person id or e-mail and your password."), username);
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (DkAccount) a = dk_account_find (r->store, username, &error);
  if (a == NULL && !g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
    {
      dk_web_fail (r, error);
      return;
    }
  /* an account is throttled as one whether named by its id or its e-mail */
  g_autofree char *key = a != NULL ? g_strdup (a->ext_id) : g_utf8_casefold (username, -1);
  gint64 wait = dk_web_throttled (r, key);
  if (wait > 0)
    {
      g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, wait);
      dk_web_header (r, "Retry-After", after);
      g_autofree char *minutes = g_strdup_printf (T ("Too many failed sign-ins. Try again in %d minutes."),
                                                  (int) ((wait + 59) / 60));
      login_form (r, 429, minutes, username);
      return;
    }
  /* an unknown user costs the same check as a wrong password */
  gboolean usable = a != NULL && !a->disabled && a->password != NULL;
  gboolean right = dk_web_password_check (usable ? a->password : dk_web_dummy_hash (r->server), password);
  dk_web_sign_in_result (r, key, usable && right);
  if (!usable || !right)
    {
      login_form (r, 403, T ("The person id, e-mail or password is wrong."), username);
      return;
    }
  if (dk_web_sign_in (r, a->person_id, "password"))
    dk_web_redirect (r, "/");
}

void
dk_page_logout (Request *r)
{
  if (dk_web_sign_out (r))
    dk_web_redirect (r, "/login");
}

/* Answers for an invitation that cannot be used (STATE), or 404. */
static void
invitation_gone (Request *r, DkInvitationState state)
{
  if (state == DK_INVITATION_UNKNOWN)
    {
      dk_web_not_found (r);
      return;
    }
  DkHtml *h = page_start (r, T ("This link cannot be used"));
  dk_html_element (h, "p", state == DK_INVITATION_USED
                               ? T ("This link has been used already: each link works once.")
                               : T ("This link has expired: a link works for 14 days."));
  DK_HTML_MARKUP (h, "<p>");
  dk_html_open (h, "a", "href", "/login", NULL);
  dk_html_text (h, T ("Sign in with your password"));
  dk_html_close (h, "a");
  DK_HTML_MARKUP (h, "</p>");
  dk_html_element (h, "p", T ("No password? Ask HR for a new link."));
  dk_web_answer_page (r, 410, h);
}

/* Looks the invitation of R's token up (with USE, uses it up) and answers
 * for it unless it is valid; returns its person when it is, else 0. */
static gint64
invitation (Request *r, gboolean use)
{
  g_autofree char *hash = dk_web_token_hash (r->param);
  g_autoptr (GError) error = NULL;
  gint64 person;
  DkInvitationState state = (use ? dk_invitation_use : dk_invitation_state) (r->store, &r->ctx, hash,
                                                                           &person, &error);
  if (error != NULL)
    dk_web_fail (r, error);
  else if (state != DK_INVITATION_VALID)
    invitation_gone (r, state);
  return error == NULL && state == DK_INVITATION_VALID ? person : 0;
}

void
dk_page_invite (Request *r)
{
  if (invitation (r, FALSE) == 0)
    return;
  DkSession *session = dk_web_session (r);
  if (session == NULL)
    return;
  /* a GET uses nothing up (a mail scanner may fetch the link): the button does */
  DkHtml *h = page_start (r, T ("Welcome to digikomp"));
  dk_html_element (h, "p", T ("This link signs you in to rate your digital competence and see your development plan."));
  g_autofree char *action = g_strdup_printf ("/invite/%s", r->param);
  form_start (h, action, session->csrf);
  button (h, T ("Sign in"), TRUE);
  dk_web_answer_page (r, 200, h);
}

void
dk_page_invite_post (Request *r)
{
  gint64 person = invitation (r, TRUE);
  if (person != 0 && dk_web_sign_in (r, person, "invitation"))
    dk_web_redirect (r, "/");
}

/* Adds a list item with a link to PATH saying TEXT. */
static void
next_step (DkHtml *h, const char *path, const char *text)
{
  DK_HTML_MARKUP (h, "<li>");
  dk_html_open (h, "a", "href", path, NULL);
  dk_html_text (h, text);
  dk_html_close (h, "a");
  DK_HTML_MARKUP (h, "</li>");
}

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
      next_step (h, "/assessment", text);
      next_step (h, "/plan", T ("Read your development plan"));
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
  DkHtml *h = page_start (r, T ("What to do next"));
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
    next_step (h, "/team", T ("Hold the development conversations of your team"));
  if (dk_access_allows (r->who, DK_ACCESS_HR, NULL))
    {
      next_step (h, "/rounds", T ("Open or close a rating round"));
      next_step (h, "/imports", T ("Import a roster or ratings"));
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
          next_step (h, path, text);
        }
      else if (g->kind == DK_GRANT_TRAINER)
        {
          g_autofree char *text = g_strdup_printf (T ("Record attendance at %s"), g->target);
          next_step (h, "/participation", text);
        }
      else if (g->kind == DK_GRANT_ADMIN)
        {
          next_step (h, "/admin/users", T ("Manage accounts"));
          next_step (h, "/admin/audit", T ("Read the audit log"));
        }
    }
  next_step (h, "/me/data.json", T ("Download everything stored about you"));
  DK_HTML_MARKUP (h, "</ul>");

  dk_html_element (h, "h2", T ("Language"));
  form_start (h, "/settings", r->session->csrf);
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
  button (h, T ("Save"), TRUE);
  dk_web_answer_page (r, 200, h);
}

void
dk_page_settings (Request *r)
{
  const char *lang = g_hash_table_lookup (r->form, "lang");
  DkLang parsed;
  if (lang == NULL || !dk_lang_parse (lang, &parsed))
    {
      char *body = g_strdup_printf ("%s\n", T ("Choose svenska or English."));
      dk_web_answer (r, 400, "text/plain; charset=utf-8", body, strlen (body));
      return;
    }
  g_autoptr (GError) error = NULL;
  if (!dk_account_set_lang (r->store, &r->ctx, r->who->person_id, dk_lang_code (parsed), &error))
    dk_web_fail (r, error);
  else
    dk_web_redirect (r, "/");
}

/* Appends S as a JSON string. */
static void
json_string (GString *out, const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p != '\0'; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else if (*p < 0x20)
      g_string_append_printf (out, "\\u%04x", *p);
    else
      g_string_append_c (out, (char) *p);
  g_string_append_c (out, '"');
}

/* Appends the time T (seconds since the epoch; 0: null) as ISO 8601 UTC. */
static void
json_time (GString *out, gint64 t)
{
  if (t == 0)
    {
      g_string_append (out, "null");
      return;
    }
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (t);
  g_autofree char *text = dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  json_string (out, text);
}

void
dk_page_my_data (Request *r)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *person = dk_person_export_json (r->store, r->who->ext_id, &error);
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GPtrArray) invitations = NULL;
  if (person == NULL || !dk_account_activity (r->store, r->who->person_id, &sessions, &invitations, &error))
    {
      dk_web_fail (r, error);
      return;
    }
  GString *out = g_string_new ("{\n  \"person\": ");
  g_string_append (out, g_strchomp (person));
  g_string_append (out, ",\n  \"account\": {\n    \"username\": ");
  json_string (out, r->who->ext_id);
  g_string_append (out, ",\n    \"created\": ");
  json_string (out, r->who->created_at);
  g_string_append_printf (out, ",\n    \"password\": %s,\n    \"disabled\": %s,\n    \"language\": ",
                          r->who->password != NULL ? "true" : "false", r->who->disabled ? "true" : "false");
  json_string (out, r->who->lang);
  g_string_append (out, ",\n    \"grants\": [");
  for (guint i = 0; i < r->who->grants->len; i++)
    {
      g_autofree char *text = dk_grant_text (r->who->grants->pdata[i]);
      g_string_append (out, i > 0 ? ", " : "");
      json_string (out, text);
    }
  g_string_append (out, "],\n    \"sessions\": [");
  for (guint i = 0; i < sessions->len; i++)
    {
      const DkSessionInfo *s = &g_array_index (sessions, DkSessionInfo, i);
      g_string_append (out, i > 0 ? ",\n      {\"created\": " : "\n      {\"created\": ");
      json_time (out, s->created);
      g_string_append (out, ", \"last_used\": ");
      json_time (out, s->last_used);
      g_string_append (out, "}");
    }
  g_string_append (out, "],\n    \"invitations\": [");
  for (guint i = 0; i < invitations->len; i++)
    {
      const DkInvitationInfo *inv = invitations->pdata[i];
      g_string_append (out, i > 0 ? ",\n      {\"round\": " : "\n      {\"round\": ");
      json_string (out, inv->round);
      g_string_append (out, ", \"created\": ");
      json_time (out, inv->created);
      g_string_append (out, ", \"expires\": ");
      json_time (out, inv->expires);
      g_string_append (out, ", \"used\": ");
      json_time (out, inv->used);
      g_string_append (out, "}");
    }
  g_string_append (out, "]\n  }\n}\n");
  gsize len = out->len;
  dk_web_answer (r, 200, "application/json", g_string_free (out, FALSE), len);
}
