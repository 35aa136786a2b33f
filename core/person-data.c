/*
 * person-data.c — a person's own data: export and erasure (what they read
 * and write in the store: core/store-person.c).
 */
#include "person-data.h"

#include "exporters.h"

/* ---- export: written by the exporters' module (json-glib) ----------------------- */

char *
dk_person_export_json (DkStore *store, const char *person, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  const DkExporters *x = p != NULL ? dk_exporters (error) : NULL;
  return x != NULL ? x->person_json (store, p, error) : NULL;
}

/* ---- erasure (the store's side: core/store-person.c) -------------------------------- */

gboolean
dk_person_erase (DkStore *store, const char *person, gboolean dry_run, DkEraseSummary *summary,
                 const DkContext *ctx, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  if (p == NULL || !dk_store_person_erasure_count (store, p, summary, error))
    return FALSE;
  if (dry_run)
    return TRUE;
  gboolean ok = dk_store_begin (store, error) && dk_store_person_erase_rows (store, p, ctx, error)
                && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}
