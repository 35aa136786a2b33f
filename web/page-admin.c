/*
 * page-admin.c — the admin's pages (DK_ACCESS_ADMIN): who has an account
 * and which grants, as `digikomp user list` shows them.
 *
 * The admin sees names, ids, e-mail addresses and grants: nobody's
 * ratings.  Granting, revoking and disabling use the core calls of
 * `digikomp user`, audited with the admin as actor, and so does inviting
 * one person (`digikomp user invite` invites a round's people at once).
 * The list is the view `digikomp user list` prints (core/views-account.h).
 */
#include "crypto.h"
#include "person-data.h"
#include "page.h"
#include "views-account.h"

#include <string.h>

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

/* What a refused POST typed, and where the page shows why. */
typedef struct {
  const char *person;    /* the account whose grant field it was, or NULL */
  gboolean    invite;    /* the invitation's field */
  const char *typed;
  const char *message;   /* NULL: nothing was refused */
} Refused;

/* Writes the links to ACCOUNT's data, to the changes about them in the
 * audit log and, unless it is R's own, to its erasure. */
static void
write_data_links (Request *r, DkHtml *h, const DkAccount *account)
{
  g_autofree char *data = dk_page_admin_person_path (account->ext_id, "data.json");
  g_autofree char *data_text = g_strdup_printf (T ("Download the data of %s"), account->ext_id);
  dk_page_link_para (h, data, data_text);
  const char *names[] = { "person" };
  const char *values[] = { account->ext_id };
  g_autofree char *audit = dk_page_query_path ("/admin/audit", names, values, 1);
  g_autofree char *audit_text = g_strdup_printf (T ("Audit log of %s"), account->ext_id);
  dk_page_link_para (h, audit, audit_text);
  if (account->person_id == r->who->person_id)
    return;
  g_autofree char *erase = dk_page_admin_person_path (account->ext_id, "erase");
  g_autofree char *erase_text = g_strdup_printf (T ("Erase %s"), account->ext_id);
  dk_page_link_para (h, erase, erase_text);
}

/* Writes the form that makes an invitation link, with REFUSED's typed
 * value and message when it was refused. */
static void
write_invite_form (Request *r, DkHtml *h, const Refused *refused)
{
  gboolean here = refused != NULL && refused->invite;
  dk_html_element (h, "h2", T ("Invite"));
  dk_html_element (h, "p", T ("Make a one-time sign-in link for one person, valid for 14 days, and send it to "
                              "them yourself. For everyone in a round at once, use digikomp user invite on the "
                              "server."));
  dk_page_form_start (h, "/admin/invitations", r->session->csrf);
  dk_page_label (h, "invite-person", T ("The person's id"));
  if (here)
    dk_page_error (h, "invite-person-error", refused->message);
  dk_html_open (h, "input", "type", "text", "id", "invite-person", "name", "person", "autocomplete", "off",
                "value", here ? refused->typed : "", here ? "aria-describedby" : NULL, "invite-person-error",
                NULL);
  dk_page_button (h, T ("Make a link"), TRUE);
}

/* Writes the row of ACCOUNT: the cells of the accounts' view T's row ROW,
 * then its changes and its data. */
static void
write_account_row (Request *r, DkHtml *h, const DkTable *t, guint row, const DkAccount *a, const Refused *refused)
{
  gboolean here = refused != NULL && g_strcmp0 (refused->person, a->ext_id) == 0;
  DK_HTML_MARKUP (h, "<tr>");
  for (guint c = 0; c < dk_table_n_columns (t); c++)
    {
      const char *text = dk_table_cell_text (t, row, c);
      const char *tag = c == DK_VIEW_ACCOUNT_PERSON ? "th" : "td";
      dk_html_open (h, tag, tag[1] == 'h' ? "scope" : NULL, "row", NULL);
      dk_html_text (h, text != NULL && *text != '\0' ? text : "—");
      dk_html_close (h, tag);
    }
  DK_HTML_MARKUP (h, "<td>");
  for (guint k = 0; k < a->grants->len; k++)
    {
      g_autofree char *g = dk_grant_text (a->grants->pdata[k]);
      g_autofree char *text = g_strdup_printf (T ("Revoke %s"), g);
      write_action (r, h, a, "revoke", g, text);
    }
  if (!a->disabled)
    {
      write_grant_form (r, h, a, here ? refused->typed : NULL, here ? refused->message : NULL);
      write_action (r, h, a, "disable", NULL, T ("Disable"));
    }
  DK_HTML_MARKUP (h, "</td><td>");
  write_data_links (r, h, a);
  DK_HTML_MARKUP (h, "</td></tr>");
}

/* Answers STATUS with the list of accounts (the view `digikomp user list`
 * prints) and the invitation form; REFUSED (NULL: nothing) says at which
 * field a refused POST's message and typed value go. */
static void
answer_users (Request *r, int status, const Refused *refused)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = dk_accounts (r->store, &error);
  if (accounts == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  g_autoptr (DkReport) view = dk_view_accounts (accounts, r->ctx.lang);
  const DkTable *t = dk_report_table (view, 0);
  DkHtml *h = dk_page_start (r, T ("Accounts"));
  dk_html_element (h, "p", T ("Everyone who has an account, and what they may do besides their own pages."));
  if (refused != NULL)
    dk_page_error (h, NULL, refused->person != NULL || refused->invite
                              ? T ("The change was not made. See the message at the field.") : refused->message);
  const char *heads[DK_VIEW_ACCOUNT_GRANTS + 3];
  for (guint c = 0; c <= DK_VIEW_ACCOUNT_GRANTS; c++)
    heads[c] = dk_table_column_label (t, c);
  heads[DK_VIEW_ACCOUNT_GRANTS + 1] = T ("Change");
  heads[DK_VIEW_ACCOUNT_GRANTS + 2] = T ("Their data");
  dk_page_table_start (h, "accounts", T ("Accounts"), heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < accounts->len; i++)
    write_account_row (r, h, t, i, accounts->pdata[i], refused);
  dk_page_table_end (h);
  write_invite_form (r, h, refused);
  dk_page_link_para (h, "/admin/audit", T ("Read the audit log"));
  dk_web_answer_page (r, status, h);
}

void
dk_page_admin_users (Request *r)
{
  answer_users (r, 200, NULL);
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
  Refused at_grant = { account->ext_id, FALSE, typed, NULL };
  if (g_strcmp0 (action, "disable") == 0)
    ok = dk_account_disable (r->store, &r->ctx, account->ext_id, &error);
  else if (g_strcmp0 (action, "grant") == 0 || g_strcmp0 (action, "revoke") == 0)
    {
      g_autoptr (GError) parse_error = NULL;
      DkGrant *grant = dk_grant_parse (typed != NULL ? typed : "", r->ctx.lang, &parse_error);
      if (grant == NULL)
        {
          at_grant.message = T ("Write hr, admin, coordinator:UNIT or trainer:ACTIVITY.");
          answer_users (r, 400, &at_grant);
          return;
        }
      ok = action[0] == 'g' ? dk_account_grant (r->store, &r->ctx, account->ext_id, grant, &error)
                            : dk_account_revoke (r->store, &r->ctx, account->ext_id, grant, &error);
      dk_grant_free (grant);
    }
  else
    {
      Refused no_action = { NULL, FALSE, NULL, T ("Choose a change: grant, revoke or disable.") };
      answer_users (r, 400, &no_action);
      return;
    }
  if (ok)
    dk_web_redirect (r, "/admin/users");
  else if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID)
           || g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID))
    {
      at_grant.message = error->message;
      answer_users (r, 400, &at_grant);
    }
  else
    dk_web_fail (r, error);
}

/* Answers the page that shows LINK for PERSON once, and until when it works. */
static void
answer_invitation (Request *r, const DkPerson *person, const char *link)
{
  g_autoptr (GDateTime) expires = g_date_time_new_from_unix_local (dk_context_now (&r->ctx)
                                                                   + DK_INVITATION_LIFETIME);
  g_autofree char *until = g_date_time_format (expires, "%Y-%m-%d");
  g_autofree char *title = g_strdup_printf (T ("An invitation link for %s"), person->name);
  g_autofree char *done = g_strdup_printf (T ("The link for %s (%s) is made."), person->name, person->ext_id);
  DkHtml *h = dk_page_start_outcome (r, title, NULL, done);
  dk_html_element (h, "p", T ("Copy the link and send it to the person. It is shown only now: digikomp keeps "
                              "no copy of it."));
  DK_HTML_MARKUP (h, "<p class=\"link\"><code>");
  dk_html_text (h, link);
  DK_HTML_MARKUP (h, "</code></p>");
  dk_html_open (h, "ul", "class", "link", NULL);
  if (person->email != NULL)
    dk_page_fact (h, T ("E-mail: %s"), person->email);
  g_autofree char *lifetime = g_strdup_printf (T ("%s (14 days from now)"), until);
  dk_page_fact (h, T ("Works once, until: %s"), lifetime);
  DK_HTML_MARKUP (h, "</ul>");
  dk_page_link_para (h, "/admin/users", T ("Back to the accounts"));
  dk_web_answer_page (r, 200, h);
}

/* POST /admin/invitations: field person (an id); makes a
 * one-time link for them, audited with the admin as actor, and shows it
 * once; 400 with the list and the message at the field when they cannot
 * be invited. */
void
dk_page_admin_invite (Request *r)
{
  const char *typed = g_hash_table_lookup (r->form, "person");
  g_autofree char *wanted = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPerson) person = *wanted != '\0' ? dk_store_person_find (r->store, wanted, &error) : NULL;
  g_autofree char *hash = NULL;
  g_autofree char *token = NULL;
  if (error == NULL && person == NULL)
    g_set_error_literal (&error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED, T ("Nobody in the staff list has this id."));
  else if (error == NULL)
    {
      token = dk_web_token_new (&hash);
      dk_invitation_create (r->store, &r->ctx, person->id, 0, hash, &error);
    }
  if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED))
    {
      Refused at_invite = { NULL, TRUE, typed != NULL ? typed : "", error->message };
      answer_users (r, 400, &at_invite);
      return;
    }
  if (error != NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  g_autofree char *path = g_strdup_printf ("/invite/%s", token);
  g_autofree char *link = dk_web_public_link (r, path);
  answer_invitation (r, person, link);
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
