/*
 * views-audit.h — the audit log as a DkReport: what `digikomp audit PERSON`
 * renders, and the admin's page /admin/audit renders the same.
 */
#ifndef DK_VIEWS_AUDIT_H
#define DK_VIEWS_AUDIT_H

#include "report-model.h"
#include "store-audit.h"

/* Returns the rows of the audit log FILTER picks as one table (when, by,
 * the person when FILTER names none, what, round, field, old, new), as
 * anyone but the person reads them (dk_audit_for_others: an unshared
 * self-rating's values hidden), titled "Changes about PERSON" or "Audit
 * log"; newest first, the table says so in its title.  Who acted, what
 * changed, the field ("self 1.1") and an entry from paper ("3 (from
 * paper)") are in LANG's words unless STORED_FORMS (for programs: JSON),
 * which keeps the stored codes.  Sets *MORE (may be NULL) to whether rows beyond
 * FILTER->limit remain.  NULL with ERROR as dk_store_audit_rows.  Caller
 * frees. */
DkReport *dk_view_audit (DkStore *store, const DkAuditFilter *filter, gboolean stored_forms, gboolean *more,
                         DkLang lang, GError **error);

/* The kinds of change the audit log records (its entities), as stored, in
 * the order a form lists them; N_KINDS set to how many.  Static. */
const char *const *dk_audit_kinds (guint *n_kinds);

/* Returns KIND (one of dk_audit_kinds) in LANG's words; anything else as
 * it is.  Static or KIND.  Thread-safe. */
const char *dk_audit_kind_word (const char *kind, DkLang lang);

#endif
