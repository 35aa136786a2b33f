/*
 * page-admin.c — the admin's pages (DK_ACCESS_ADMIN): who has an account
 * and which grants, as `digikomp user list` shows them.
 *
 * The admin sees names, ids, e-mail addresses and grants: nobody's
 * ratings.  Granting, revoking and disabling use the core calls of
 * `digikomp user`, audited with the admin as actor; inviting is done with
 * `digikomp user invite` for now.
 */
#include "person-data.h"
#include "page.h"

#include <string.h>

/* Writes ACCOUNT's grants, comma-separated ("—" when none). */
static void
write_grants (DkHtml *h, const DkAccount *account)
{
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint k = 0; k < account->grants->len; k++)
    {
      g_autofree char *g = dk_grant_text (account->grants->pdata[k]);
      g_string_append_printf (text, "%s%s", k > 0 ? ", " : "", g);
    }
  dk_html_element (h, "td", text->len > 0 ? text->str : "—");
}

/* Writes a form that POSTs ACTION (with GRANT, may be NULL) about
 * ACCOUNT, its button saying TEXT. */
static void
write_action (Request *r, DkHtml *h, const DkAccount *account, const char *action, const char *grant,
              const char *text)
{
  g_autofree char *path = g_strdup_printf ("/admin/users/%s", account->ext_id);
  dk_page_form_start (h, path, r->session->csrf);
  dk_page_hidden (h, "action", action);
  if (grant != NULL)
    dk_page_hidden (h, "grant", grant);
  dk_page_button (h, text, TRUE);
}

/* Writes ACCOUNT's grant field, with TYPED and MESSAGE (NULL: none) when
 * a POST about it was refused. */
static void
write_grant_form (Request *r, DkHtml *h, const DkAccount *account, const char *typed, const char *message)
{
  g_autofree char *path = g_strdup_printf ("/admin/users/%s", account->ext_id);
  g_autofree char *id = g_strdup_printf ("grant-%s", account->ext_id);
  g_autofree char *error_id = g_strdup_printf ("grant-%s-error", account->ext_id);
  dk_page_form_start (h, path, r->session->csrf);
  dk_page_hidden (h, "action", "grant");
  g_autofree char *label = g_strdup_printf (T ("Grant to %s"), account->ext_id);
  dk_page_label (h, id, label);
  if (message != NULL)
    dk_page_error (h, error_id, message);
  dk_html_open (h, "input", "type", "text", "id", id, "name", "grant", "value", typed != NULL ? typed : "",
                message != NULL ? "aria-describedby" : NULL, error_id, NULL);
  dk_page_button (h, T ("Grant"), TRUE);
}

/* Answers STATUS with the list of accounts; MESSAGE (NULL: none) at the
 * grant field of the account PERSON (an external id) with TYPED kept. */
static void
answer_users (Request *r, int status, const char *person, const char *typed, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = dk_accounts (r->store, &error);
  if (accounts == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  DkHtml *h = dk_page_start (r, T ("Accounts"));
  dk_html_element (h, "p", T ("Everyone who has an account, and what they may do besides their own pages."));
  if (message != NULL)
    dk_page_error (h, NULL, person != NULL ? T ("The change was not made. See the message at the field.") : message);
  dk_html_open (h, "table", "class", "accounts", NULL);
  DK_HTML_MARKUP (h, "<thead><tr>");
  dk_html_element (h, "th", T ("Id"));
  dk_html_element (h, "th", T ("Name"));
  dk_html_element (h, "th", T ("Status"));
  dk_html_element (h, "th", T ("Grants"));
  dk_html_element (h, "th", T ("Change"));
  DK_HTML_MARKUP (h, "</tr></thead><tbody>");
  for (guint i = 0; i < accounts->len; i++)
    {
      const DkAccount *a = accounts->pdata[i];
      gboolean here = person != NULL && g_strcmp0 (person, a->ext_id) == 0;
      DK_HTML_MARKUP (h, "<tr>");
      dk_html_element (h, "td", a->ext_id);
      dk_html_element (h, "td", a->name);
      dk_html_element (h, "td", a->disabled ? T ("disabled")
                                : a->password != NULL ? T ("active") : T ("no password yet"));
      write_grants (h, a);
      DK_HTML_MARKUP (h, "<td>");
      for (guint k = 0; k < a->grants->len; k++)
        {
          g_autofree char *g = dk_grant_text (a->grants->pdata[k]);
          g_autofree char *text = g_strdup_printf (T ("Revoke %s"), g);
          write_action (r, h, a, "revoke", g, text);
        }
      if (!a->disabled)
        {
          write_grant_form (r, h, a, here ? typed : NULL, here ? message : NULL);
          write_action (r, h, a, "disable", NULL, T ("Disable"));
        }
      DK_HTML_MARKUP (h, "</td></tr>");
    }
  DK_HTML_MARKUP (h, "</tbody></table>");
  dk_html_element (h, "p", T ("To invite, use digikomp user invite on the server."));
  dk_web_answer_page (r, status, h);
}

void
dk_page_admin_users (Request *r)
{
  answer_users (r, 200, NULL, NULL, NULL);
}

/* POST /admin/users/ID: field action "grant" or "revoke" (with field
 * grant) or "disable", with the signed-in admin as the audit's actor;
 * 303 to /admin/users, or 400 with the list and the message at the field. */
void
dk_page_admin_user_post (Request *r)
{
  const char *action = r->form != NULL ? g_hash_table_lookup (r->form, "action") : NULL;
  const char *typed = r->form != NULL ? g_hash_table_lookup (r->form, "grant") : NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkAccount) account = dk_account_find (r->store, r->param, &error);
  if (account == NULL)
    {
      dk_web_not_found (r);
      return;
    }
  gboolean ok;
  g_clear_error (&error);
  if (g_strcmp0 (action, "disable") == 0)
    ok = dk_account_disable (r->store, &r->ctx, account->ext_id, &error);
  else if (g_strcmp0 (action, "grant") == 0 || g_strcmp0 (action, "revoke") == 0)
    {
      g_autoptr (GError) parse_error = NULL;
      DkGrant *grant = dk_grant_parse (typed != NULL ? typed : "", r->ctx.lang, &parse_error);
      if (grant == NULL)
        {
          answer_users (r, 400, account->ext_id, typed,
                        T ("Write hr, admin, coordinator:UNIT or trainer:ACTIVITY."));
          return;
        }
      ok = action[0] == 'g' ? dk_account_grant (r->store, &r->ctx, account->ext_id, grant, &error)
                            : dk_account_revoke (r->store, &r->ctx, account->ext_id, grant, &error);
      dk_grant_free (grant);
    }
  else
    {
      answer_users (r, 400, NULL, NULL, T ("Choose a change: grant, revoke or disable."));
      return;
    }
  if (ok)
    dk_web_redirect (r, "/admin/users");
  else if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID)
           || g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID))
    answer_users (r, 400, account->ext_id, typed, error->message);
  else
    dk_web_fail (r, error);
}

/* GET /admin/people/ID/data.json: everything stored about person ID, as
 * `digikomp person export` writes it; 404 when ID names nobody. */
void
dk_page_admin_person_data (Request *r)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = dk_person_export_json (r->store, r->param, &error);
  if (json == NULL && (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID)
                       || g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND)))
    dk_web_not_found (r);
  else if (json == NULL)
    dk_web_fail (r, error);
  else
    {
      gsize len = strlen (json);
      dk_web_answer (r, 200, "application/json", g_steal_pointer (&json), len);
    }
}
