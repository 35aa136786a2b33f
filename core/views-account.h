/*
 * views-account.h — the accounts of the web interface as a DkReport: who may
 * sign in, whether they have a password, whether the account is disabled,
 * and their grants.  What `digikomp user list` renders and what the admin's
 * /admin/users page shows row by row.
 */
#ifndef DK_VIEWS_ACCOUNT_H
#define DK_VIEWS_ACCOUNT_H

#include "account.h"
#include "report-model.h"

/* The columns of dk_view_accounts' table, in order. */
enum {
  DK_VIEW_ACCOUNT_PERSON,
  DK_VIEW_ACCOUNT_NAME,
  DK_VIEW_ACCOUNT_PASSWORD,
  DK_VIEW_ACCOUNT_STATE,
  DK_VIEW_ACCOUNT_GRANTS,
};

/* Returns ACCOUNTS (DkAccount*, as dk_accounts gives them) as one table,
 * a row per account in their order: person, name, password ("set" or
 * "none"), state ("active" or "disabled") and the grants separated by
 * spaces, in LANG.  Caller frees; ACCOUNTS stay the caller's.  Thread-safe. */
DkReport *dk_view_accounts (const GPtrArray *accounts, DkLang lang);

#endif
