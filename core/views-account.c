/*
 * views-account.c — the accounts and their grants.
 */
#include "views-account.h"

/* Returns ACCOUNT's grants as dk_grant_parse reads them, separated by
 * spaces (caller frees). */
static char *
grants_text (const DkAccount *account)
{
  GString *text = g_string_new (NULL);
  for (guint j = 0; j < account->grants->len; j++)
    {
      g_autofree char *g = dk_grant_text (account->grants->pdata[j]);
      g_string_append_printf (text, "%s%s", j > 0 ? " " : "", g);
    }
  return g_string_free (text, FALSE);
}

DkReport *
dk_view_accounts (const GPtrArray *accounts, DkLang lang)
{
  DkReport *report = dk_report_new (T_ (lang, "Accounts"), lang);
  static const char *const keys[] = { "person", "name", "password", "state", "grants" };
  static const char *const labels[] = { N_("Person"), N_("Name"), N_("Password"), N_("State"), N_("Grants") };
  DkTable *t = dk_table_new ("accounts", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
    dk_table_add_column (t, keys[c], T_ (lang, labels[c]), DK_COLUMN_TEXT);
  for (guint i = 0; i < accounts->len; i++)
    {
      const DkAccount *a = accounts->pdata[i];
      g_autofree char *grants = grants_text (a);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, DK_VIEW_ACCOUNT_PERSON, a->ext_id);
      dk_table_set_text (t, row, DK_VIEW_ACCOUNT_NAME, a->name);
      dk_table_set_text (t, row, DK_VIEW_ACCOUNT_PASSWORD, a->password != NULL ? T_ (lang, "set") : T_ (lang, "none"));
      dk_table_set_text (t, row, DK_VIEW_ACCOUNT_STATE, a->disabled ? T_ (lang, "disabled") : T_ (lang, "active"));
      dk_table_set_text (t, row, DK_VIEW_ACCOUNT_GRANTS, grants);
    }
  dk_report_add_table (report, t);
  return report;
}
