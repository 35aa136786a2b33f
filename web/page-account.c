/*
 * page-account.c — the pages of a person's account: sign-in by password
 * and by invitation, sign-out, the settings and the person's own data.
 */
#include "crypto.h"
#include "page.h"
#include "person-data.h"

#include <string.h>

/* The sign-in form, with MESSAGE above it when not NULL. */
static void
login_form (Request *r, int status, const char *message, const char *username)
{
  DkWebSession *session = dk_web_session (r);
  if (session == NULL)
    return;
  DkHtml *h = dk_page_start (r, T ("Sign in"));
  if (message != NULL)
    {
      dk_html_open (h, "p", "class", "error", "role", "alert", NULL);
      dk_html_text (h, message);
      dk_html_close (h, "p");
    }
  dk_page_form_start (h, "/login", session->csrf);
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
  dk_page_button (h, T ("Sign in"), TRUE);
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
  DkHtml *h = dk_page_start (r, T ("This link cannot be used"));
  dk_html_element (h, "p", state == DK_INVITATION_USED
                               ? T ("This link has been used already: each link works once.")
                               : T ("This link has expired: a link works for 14 days."));
  dk_page_link_para (h, "/login", T ("Sign in with your password"));
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
  DkWebSession *session = dk_web_session (r);
  if (session == NULL)
    return;
  /* a GET uses nothing up (a mail scanner may fetch the link): the button does */
  DkHtml *h = dk_page_start (r, T ("Welcome to digikomp"));
  dk_html_element (h, "p", T ("This link signs you in to rate your digital competence and see your development plan."));
  g_autofree char *action = g_strdup_printf ("/invite/%s", r->param);
  dk_page_form_start (h, action, session->csrf);
  dk_page_button (h, T ("Sign in"), TRUE);
  dk_web_answer_page (r, 200, h);
}

void
dk_page_invite_post (Request *r)
{
  gint64 person = invitation (r, TRUE);
  if (person != 0 && dk_web_sign_in (r, person, "invitation"))
    dk_web_redirect (r, "/");
}

void
dk_page_settings_form (Request *r)
{
  DkHtml *h = dk_page_start (r, T ("Settings"));
  dk_html_element (h, "h2", T ("Language"));
  dk_page_form_start (h, "/settings", r->session->csrf);
  dk_html_open (h, "label", "for", "lang", NULL);
  dk_html_text (h, T ("The language of the pages"));
  dk_html_close (h, "label");
  dk_html_open (h, "select", "id", "lang", "name", "lang", NULL);
  dk_html_open (h, "option", "value", "sv", "lang", "sv", r->ctx.lang == DK_LANG_SV ? "selected" : NULL, "", NULL);
  dk_html_text (h, "svenska");
  dk_html_close (h, "option");
  dk_html_open (h, "option", "value", "en", "lang", "en", r->ctx.lang == DK_LANG_EN ? "selected" : NULL, "", NULL);
  dk_html_text (h, "English");
  dk_html_close (h, "option");
  dk_html_close (h, "select");
  dk_page_button (h, T ("Save"), TRUE);

  dk_html_element (h, "h2", T ("Your data"));
  dk_html_element (h, "p", T ("You can download everything digikomp stores about you: your details from the staff "
                              "list, your self-ratings and your manager's ratings, your plans, the activities you "
                              "took part in, your account and when you signed in, and the log of changes about you."));
  dk_html_element (h, "p", T ("The file is in the JSON format, which other programs can read."));
  DK_HTML_MARKUP (h, "<p>");
  dk_html_open (h, "a", "href", "/me/data.json", "download", "digikomp-data.json", NULL);
  dk_html_text (h, T ("Download your data"));
  dk_html_close (h, "a");
  DK_HTML_MARKUP (h, "</p>");
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
    dk_web_redirect (r, "/settings");
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
