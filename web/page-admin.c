/*
 * page-admin.c — the admin's pages (DK_ACCESS_ADMIN): who has an account
 * and which grants, as `digikomp user list` shows them.
 *
 * The admin sees names, ids, e-mail addresses and grants: nobody's
 * ratings.  Inviting, disabling, granting and revoking are done with
 * `digikomp user` for now.
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

void
dk_page_admin_users (Request *r)
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
  dk_html_open (h, "table", "class", "accounts", NULL);
  DK_HTML_MARKUP (h, "<thead><tr>");
  dk_html_element (h, "th", T ("Id"));
  dk_html_element (h, "th", T ("Name"));
  dk_html_element (h, "th", T ("Status"));
  dk_html_element (h, "th", T ("Grants"));
  DK_HTML_MARKUP (h, "</tr></thead><tbody>");
  for (guint i = 0; i < accounts->len; i++)
    {
      const DkAccount *a = accounts->pdata[i];
      DK_HTML_MARKUP (h, "<tr>");
      dk_html_element (h, "td", a->ext_id);
      dk_html_element (h, "td", a->name);
      dk_html_element (h, "td", a->disabled ? T ("disabled")
                                : a->password != NULL ? T ("active") : T ("no password yet"));
      write_grants (h, a);
      DK_HTML_MARKUP (h, "</tr>");
    }
  DK_HTML_MARKUP (h, "</tbody></table>");
  dk_html_element (h, "p", T ("To invite, disable, grant or revoke, use digikomp user on the server."));
  dk_web_answer_page (r, 200, h);
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
