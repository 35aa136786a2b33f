/*
 * person-data.c — a person's own data: export and erasure (what they read
 * and write in the store: core/store-person.c).
 */
#include "person-data.h"

#include "enum.h"
#include "exporters.h"

#include <string.h>

/* ---- export: written by the exporters' module (json-glib) ----------------------- */

char *
dk_person_export_json (DkStore *store, const char *person, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  const DkExporters *x = p != NULL ? dk_exporters (dk_store_lang (store), error) : NULL;
  return x != NULL ? x->person_json (store, p, error) : NULL;
}

/* Replaces every DK_ACTOR_ERASED in *VALUE by SHOWN. */
static void
erased_shown_in (char **value, const char *shown)
{
  if (*value == NULL || strstr (*value, DK_ACTOR_ERASED) == NULL)
    return;
  g_auto (GStrv) parts = g_strsplit (*value, DK_ACTOR_ERASED, -1);
  g_free (*value);
  *value = g_strjoinv (shown, parts);
}

/* ---- the audit trail as others see it --------------------------------------------------- */

/* Returns VALUE, an import's levels ("self 2 - 3 manager - 4 motivation 5 -"),
 * with the self and motivation levels replaced by HIDDEN (caller frees). */
static char *
levels_hidden (const char *value, const char *hidden)
{
  g_auto (GStrv) words = g_strsplit (value, " ", -1);
  GString *out = g_string_new (NULL);
  gboolean hiding = FALSE, told = FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean part = strcmp (words[i], "self") == 0 || strcmp (words[i], "motivation") == 0
                      || strcmp (words[i], "manager") == 0;
      if (part)
        {
          hiding = strcmp (words[i], "manager") != 0;
          told = FALSE;
        }
      if (hiding && !part && told)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, hiding && !part ? hidden : words[i]);
      told |= hiding && !part;
    }
  return g_string_free (out, FALSE);
}

/* Hides the private values of ROW (a rating row of a round not shared). */
static void
audit_row_hide (DkAuditRow *row, const char *hidden)
{
  if (row->field == NULL)
    return;
  if (g_str_has_prefix (row->field, "self ") || g_str_has_prefix (row->field, "motivation "))
    {
      g_free (row->old_value);
      g_free (row->new_value);
      row->old_value = g_strdup (hidden);
      row->new_value = g_strdup (hidden);
    }
  else if (strcmp (row->field, "import") == 0)
    for (char **v = &row->old_value; v != NULL; v = v == &row->old_value ? &row->new_value : NULL)
      if (*v != NULL)
        {
          char *h = levels_hidden (*v, hidden);
          g_free (*v);
          *v = h;
        }
}

GPtrArray *
dk_audit_for_others (DkStore *store, const DkAuditFilter *filter, gboolean *more, DkLang lang,
                     GError **error)
{
  g_autoptr (GPtrArray) rows = dk_store_audit_rows (store, filter, more, error);
  if (rows == NULL)
    return NULL;
  const char *hidden = T_ (lang, "(not shared)");
  const char *erased = dk_actor_word (DK_ACTOR_ERASED, lang);
  for (guint i = 0; i < rows->len; i++)
    {
      DkAuditRow *row = rows->pdata[i];
      /* an erased manager: "manager (erased)" in a person's values (the
       * actor stays a code: dk_actor_word words it) */
      if (g_strcmp0 (row->entity, "person") == 0)
        {
          erased_shown_in (&row->old_value, erased);
          erased_shown_in (&row->new_value, erased);
        }
      if (row->unshared)
        audit_row_hide (row, hidden);
    }
  return g_steal_pointer (&rows);
}

const char *
dk_actor_word (const char *actor, DkLang lang)
{
  static const char *const codes[] = { DK_ACTOR_IMPORT, DK_ACTOR_ERASED, "erased person", DK_ACTOR_UNKNOWN };
  static const char *const words[] = { N_("import"), N_("(erased)"), N_("(erased)"), N_("unknown") };
  int i = dk_enum_index (codes, G_N_ELEMENTS (codes), actor);
  return i >= 0 ? T_ (lang, words[i]) : actor;
}

/* ---- erasure (the store's side: core/store-person.c) -------------------------------- */

gboolean
dk_person_erase (DkStore *store, const char *person, gboolean dry_run, guint wait_ms,
                 DkEraseSummary *summary, const DkContext *ctx, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  if (p == NULL || !dk_store_person_erasure_count (store, p, summary, error))
    return FALSE;
  summary->overwritten = FALSE;
  if (dry_run)
    return TRUE;
  gboolean ok = dk_store_exec (store, "PRAGMA secure_delete = ON", error) && dk_store_begin (store, error)
                && dk_store_person_erase_rows (store, p, ctx, error) && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  dk_store_exec (store, "PRAGMA secure_delete = OFF", NULL);
  return ok && dk_store_checkpoint (store, wait_ms, &summary->overwritten, error);
}
