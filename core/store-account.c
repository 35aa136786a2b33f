/*
 * store-account.c — accounts, grants, sessions and invitations (account.h).
 */
#include "account.h"
#include "store-private.h"

#include <string.h>

void
dk_grant_free (DkGrant *grant)
{
  if (grant == NULL)
    return;
  g_free (grant->target);
  g_free (grant);
}

DkGrant *
dk_grant_parse (const char *text, DkLang lang, GError **error)
{
  static const struct { const char *name; DkGrantKind kind; gboolean target; } kinds[] = {
    { "hr", DK_GRANT_HR, FALSE },
    { "admin", DK_GRANT_ADMIN, FALSE },
    { "coordinator", DK_GRANT_COORDINATOR, TRUE },
    { "trainer", DK_GRANT_TRAINER, TRUE },
  };
  const char *colon = strchr (text, ':');
  gsize len = colon != NULL ? (gsize) (colon - text) : strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strlen (kinds[i].name) == len && strncmp (text, kinds[i].name, len) == 0
        && (colon != NULL) == kinds[i].target && (colon == NULL || colon[1] != '\0'))
      {
        DkGrant *g = g_new0 (DkGrant, 1);
        g->kind = kinds[i].kind;
        g->target = colon != NULL ? g_strdup (colon + 1) : NULL;
        return g;
      }
  g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
               T_ (lang, "'%s' is not a grant; use hr, admin, coordinator:UNIT or trainer:ACTIVITY"), text);
  return NULL;
}

char *
dk_grant_text (const DkGrant *grant)
{
  static const char *const names[] = { "hr", "admin", "coordinator", "trainer" };
  return grant->target != NULL ? g_strdup_printf ("%s:%s", names[grant->kind], grant->target)
                               : g_strdup (names[grant->kind]);
}

void
dk_account_free (DkAccount *a)
{
  if (a == NULL)
    return;
  g_free (a->ext_id);
  g_free (a->name);
  g_free (a->email);
  g_free (a->password);
  g_free (a->lang);
  g_free (a->created_at);
  if (a->grants != NULL)
    g_ptr_array_unref (a->grants);
  g_free (a);
}

/* Runs SQL with the text parameters TEXTS (N of them, NULL binds NULL) and
 * the integers INTS after them; TRUE when it ran.  *CHANGES (may be NULL)
 * gets the rows changed. */
static gboolean
run (DkStore *store, const char *sql, const char *const *texts, guint n,
     const gint64 *ints, guint n_ints, int *changes, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    dk_store_bind_text (stmt, (int) i + 1, texts[i]);
  for (guint i = 0; i < n_ints; i++)
    sqlite3_bind_int64 (stmt, (int) (n + i) + 1, ints[i]);
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  if (ok && changes != NULL)
    *changes = sqlite3_changes (dk_store_db (store));
  return ok;
}

#define ACCOUNT_COLUMNS                                                          \
  "SELECT p.id, p.ext_id, p.name, p.email, a.password, a.disabled, a.lang,"     \
  " a.created_at, EXISTS (SELECT 1 FROM person m WHERE m.manager_id = p.id AND m.active)" \
  " FROM account a JOIN person p ON p.id = a.person_id "

static gboolean
read_grants (DkStore *store, DkAccount *a, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare_kept (
      store, "SELECT name FROM account_grant WHERE person_id = ? ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->person_id);
  a->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_grant_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading grants"), error)) == DK_STORE_STEP_ROW)
    {
      DkGrant *g = dk_grant_parse ((const char *) sqlite3_column_text (stmt, 0), store->lang, NULL);
      if (g != NULL)
        g_ptr_array_add (a->grants, g);
    }
  dk_store_release (store, stmt);
  return step != DK_STORE_STEP_ERROR;
}

/* Returns the accounts that WHERE (with the text KEY, or the id ID when KEY
 * is NULL) selects; NULL with ERROR on a store failure. */
static GPtrArray *
accounts_query (DkStore *store, const char *where, const char *key, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf (ACCOUNT_COLUMNS "%s ORDER BY p.ext_id", where);
  sqlite3_stmt *stmt = dk_store_prepare_kept (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    dk_store_bind_text (stmt, 1, key);
  else if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_account_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading accounts"), error)) == DK_STORE_STEP_ROW)
    {
      DkAccount *a = g_new0 (DkAccount, 1);
      a->person_id = sqlite3_column_int64 (stmt, 0);
      a->ext_id = dk_store_column_dup (stmt, 1);
      a->name = dk_store_column_dup (stmt, 2);
      a->email = dk_store_column_dup (stmt, 3);
      a->password = dk_store_column_dup (stmt, 4);
      a->disabled = sqlite3_column_int (stmt, 5) != 0;
      a->lang = dk_store_column_dup (stmt, 6);
      a->created_at = dk_store_column_dup (stmt, 7);
      a->manages = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (out, a);
    }
  dk_store_release (store, stmt);
  if (step == DK_STORE_STEP_ERROR)
    return NULL;
  for (guint i = 0; i < out->len; i++)
    if (!read_grants (store, out->pdata[i], error))
      return NULL;
  return g_steal_pointer (&out);
}

static DkAccount *
account_one (DkStore *store, const char *where, const char *key, gint64 id, const char *name,
             GError **error)
{
  g_autoptr (GPtrArray) found = accounts_query (store, where, key, id, error);
  if (found == NULL)
    return NULL;
  if (found->len != 1)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND, S_("no account for %s"), name);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

DkAccount *
dk_account_find (DkStore *store, const char *username, GError **error)
{
  if (strchr (username, '@') != NULL)
    return account_one (store, "WHERE lower(p.email) = lower(?1)", username, 0, username, error);
  return account_one (store, "WHERE p.ext_id = ?1", username, 0, username, error);
}

DkAccount *
dk_account_by_person (DkStore *store, gint64 person, GError **error)
{
  g_autofree char *name = g_strdup_printf ("#%" G_GINT64_FORMAT, person);
  return account_one (store, "WHERE p.id = ?1", NULL, person, name, error);
}

GPtrArray *
dk_accounts (DkStore *store, GError **error)
{
  return accounts_query (store, "", NULL, 0, error);
}

gboolean
dk_password_acceptable (const DkPerson *person, const char *password, DkLang lang, GError **error)
{
  if (g_utf8_strlen (password, -1) < 12)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
                   T_ (lang, "the password has fewer than 12 characters"));
      return FALSE;
    }
  g_autofree char *pw = g_utf8_casefold (password, -1);
  g_autofree char *id = g_utf8_casefold (person->ext_id, -1);
  g_autofree char *name = g_utf8_casefold (person->name, -1);
  if (strcmp (pw, id) == 0 || strcmp (pw, name) == 0)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
                   T_ (lang, "the password is the person's id or name"));
      return FALSE;
    }
  return TRUE;
}

/* Returns the store id of PERSON (an external id), making sure it has an
 * account; 0 with ERROR (UNKNOWN_ID) when nobody has that id.  In a
 * transaction. */
static gint64
account_ensure (DkStore *store, const DkContext *ctx, const char *ext_id, GError **error)
{
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkPerson) p = dk_store_person (store, ext_id, &missing);
  if (p == NULL)
    {
      if (g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
        g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID, S_("no such person: %s"), ext_id);
      else
        g_propagate_error (error, g_steal_pointer (&missing));
      return 0;
    }
  const char *texts[] = { dk_store_now (store, ctx) };
  int added = 0;
  if (!run (store, "INSERT OR IGNORE INTO account (created_at, person_id) VALUES (?1, ?2)",
            texts, 1, &p->id, 1, &added, error))
    return 0;
  if (added > 0 && !dk_store_audit (store, ctx, "account", p->id, 0,
                                    "account", NULL, "created", error))
    return 0;
  return p->id;
}

/* Runs FUNC on PERSON's account in one transaction. */
typedef gboolean (*ChangeFunc) (DkStore *store, const DkContext *ctx, gint64 person,
                                gconstpointer data, GError **error);

static gboolean
change (DkStore *store, const DkContext *ctx, const char *ext_id, ChangeFunc func,
        gconstpointer data, GError **error)
{
  if (!dk_store_begin (store, error))
    return FALSE;
  gint64 id = account_ensure (store, ctx, ext_id, error);
  if (id == 0 || !func (store, ctx, id, data, error) || !dk_store_commit (store, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static gboolean
end_sessions (DkStore *store, gint64 person, GError **error)
{
  return run (store, "DELETE FROM session WHERE person_id = ?1", NULL, 0, &person, 1, NULL, error);
}

static gboolean
set_password (DkStore *store, const DkContext *ctx, gint64 person, gconstpointer hash, GError **error)
{
  const char *texts[] = { hash };
  return run (store, "UPDATE account SET password = ?1 WHERE person_id = ?2", texts, 1, &person, 1, NULL, error)
         && end_sessions (store, person, error)
         /* never the hash itself in the audit log */
         && dk_store_audit (store, ctx, "account", person, 0, "password", NULL, "set", error);
}

gboolean
dk_account_set_password (DkStore *store, const DkContext *ctx, const char *person, const char *hash,
                         GError **error)
{
  return change (store, ctx, person, set_password, hash, error);
}

static gboolean
check_target (DkStore *store, const DkGrant *g, GError **error)
{
  if (g->kind == DK_GRANT_COORDINATOR)
    return dk_store_unit_ensure (store, g->target, FALSE, error) != 0;
  if (g->kind != DK_GRANT_TRAINER)
    return TRUE;
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT 1 FROM activity WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  dk_store_bind_text (stmt, 1, g->target);
  DkStoreStep step = dk_store_step (store, stmt, S_("reading the catalogue"), error);
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_DONE)
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID, S_("no such activity: %s"), g->target);
  return step == DK_STORE_STEP_ROW;
}

static gboolean
add_grant (DkStore *store, const DkContext *ctx, gint64 person, gconstpointer data, GError **error)
{
  g_autofree char *text = dk_grant_text (data);
  const char *texts[] = { text };
  int added = 0;
  return check_target (store, data, error)
         && run (store, "INSERT OR IGNORE INTO account_grant (name, person_id) VALUES (?1, ?2)",
                 texts, 1, &person, 1, &added, error)
         && (added == 0 || dk_store_audit (store, ctx, "account", person, 0,
                                           "grant", NULL, text, error));
}

static gboolean
revoke_grant (DkStore *store, const DkContext *ctx, gint64 person, gconstpointer data, GError **error)
{
  g_autofree char *text = dk_grant_text (data);
  const char *texts[] = { text };
  int removed = 0;
  return run (store, "DELETE FROM account_grant WHERE name = ?1 AND person_id = ?2",
              texts, 1, &person, 1, &removed, error)
         && (removed == 0 || dk_store_audit (store, ctx, "account", person, 0,
                                             "grant", text, NULL, error));
}

gboolean
dk_account_grant (DkStore *store, const DkContext *ctx, const char *person, const DkGrant *g,
                  GError **error)
{
  return change (store, ctx, person, add_grant, g, error);
}

gboolean
dk_account_revoke (DkStore *store, const DkContext *ctx, const char *person, const DkGrant *g,
                   GError **error)
{
  return change (store, ctx, person, revoke_grant, g, error);
}

static gboolean
disable (DkStore *store, const DkContext *ctx, gint64 person, gconstpointer data, GError **error)
{
  (void) data;
  int changed = 0;
  return run (store, "UPDATE account SET disabled = 1 WHERE person_id = ?1 AND NOT disabled",
              NULL, 0, &person, 1, &changed, error)
         && end_sessions (store, person, error)
         && run (store, "DELETE FROM invitation WHERE person_id = ?1 AND used IS NULL",
                 NULL, 0, &person, 1, NULL, error)
         && (changed == 0 || dk_store_audit (store, ctx, "account", person, 0,
                                             "disabled", NULL, "yes", error));
}

gboolean
dk_account_disable (DkStore *store, const DkContext *ctx, const char *person, GError **error)
{
  return change (store, ctx, person, disable, NULL, error);
}

gboolean
dk_account_set_lang (DkStore *store, const DkContext *ctx, gint64 person, const char *lang,
                     GError **error)
{
  g_autoptr (DkAccount) a = dk_account_by_person (store, person, error);
  if (a == NULL)
    return FALSE;
  if (g_strcmp0 (a->lang, lang) == 0)
    return TRUE;
  const char *texts[] = { lang };
  if (!dk_store_begin (store, error))
    return FALSE;
  if (!run (store, "UPDATE account SET lang = ?1 WHERE person_id = ?2", texts, 1, &person, 1, NULL, error)
      || !dk_store_audit (store, ctx, "account", person, 0, "lang", a->lang, lang, error)
      || !dk_store_commit (store, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- sessions ------------------------------------------------------------ */

void
dk_session_free (DkWebSession *s)
{
  if (s == NULL)
    return;
  g_free (s->csrf);
  g_free (s);
}

gboolean
dk_session_create (DkStore *store, const DkContext *ctx, const char *hash, gint64 person,
                   const char *csrf, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "INSERT INTO session (id, person_id, csrf, created, last_used) VALUES (?1, ?2, ?3, ?4, ?4)",
      error);
  if (stmt == NULL)
    return FALSE;
  dk_store_bind_text (stmt, 1, hash);
  if (person != 0)
    sqlite3_bind_int64 (stmt, 2, person);
  dk_store_bind_text (stmt, 3, csrf);
  sqlite3_bind_int64 (stmt, 4, dk_context_now (ctx));
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

DkWebSession *
dk_session_lookup (DkStore *store, const DkContext *ctx, const char *hash, gint64 idle,
                   gint64 absolute, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare_kept (
      store,
      "SELECT s.person_id, s.csrf, s.created, s.last_used, coalesce (a.disabled, 0)"
      " FROM session s LEFT JOIN account a ON a.person_id = s.person_id WHERE s.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  dk_store_bind_text (stmt, 1, hash);
  g_autoptr (DkWebSession) s = NULL;
  gboolean disabled = FALSE;
  DkStoreStep step = dk_store_step (store, stmt, S_("reading sessions"), error);
  if (step == DK_STORE_STEP_ROW)
    {
      s = g_new0 (DkWebSession, 1);
      s->person_id = sqlite3_column_int64 (stmt, 0);
      s->csrf = dk_store_column_dup (stmt, 1);
      s->created = sqlite3_column_int64 (stmt, 2);
      s->last_used = sqlite3_column_int64 (stmt, 3);
      disabled = sqlite3_column_int (stmt, 4) != 0;
    }
  dk_store_release (store, stmt);
  if (step == DK_STORE_STEP_ERROR)
    return NULL;
  gint64 now = dk_context_now (ctx);
  if (s != NULL && (disabled || now - s->last_used > idle || now - s->created > absolute))
    {
      if (!dk_session_delete (store, hash, error))
        return NULL;
      g_clear_pointer (&s, dk_session_free);
    }
  if (s == NULL)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND, S_("no such session"));
      return NULL;
    }
  if (now - s->last_used >= 60)
    {
      gint64 ints[] = { now };
      const char *texts[] = { hash };
      if (!run (store, "UPDATE session SET last_used = ?2 WHERE id = ?1", texts, 1, ints, 1, NULL, error))
        return NULL;
      s->last_used = now;
    }
  return g_steal_pointer (&s);
}

gboolean
dk_session_delete (DkStore *store, const char *hash, GError **error)
{
  const char *texts[] = { hash };
  return run (store, "DELETE FROM session WHERE id = ?1", texts, 1, NULL, 0, NULL, error);
}

gboolean
dk_session_sign_in (DkStore *store, const DkContext *ctx, const char *old_hash, const char *new_hash,
                    gint64 person, const char *csrf, const char *method, gint64 absolute,
                    GError **error)
{
  gint64 expired = dk_context_now (ctx) - absolute;
  if (!dk_store_begin (store, error))
    return FALSE;
  if ((old_hash != NULL && !dk_session_delete (store, old_hash, error))
      || !run (store, "DELETE FROM session WHERE created < ?1", NULL, 0, &expired, 1, NULL, error)
      || !dk_session_create (store, ctx, new_hash, person, csrf, error)
      || !dk_store_audit (store, ctx, "account", person, 0, "sign-in", NULL, method, error)
      || !dk_store_commit (store, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
dk_session_sign_out (DkStore *store, const DkContext *ctx, const char *hash, gint64 person,
                     GError **error)
{
  if (!dk_store_begin (store, error))
    return FALSE;
  if (!dk_session_delete (store, hash, error)
      || (person != 0 && !dk_store_audit (store, ctx, "account", person, 0,
                                          "sign-out", NULL, NULL, error))
      || !dk_store_commit (store, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- invitations ------------------------------------------------------------ */

/* Returns FALSE with ERROR (REFUSED) when P cannot use an invitation:
 * gone from the staff list, or their account disabled. */
static gboolean
invitation_allowed (DkStore *store, const DkContext *ctx, const DkPerson *p, GError **error)
{
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkAccount) account = dk_account_by_person (store, p->id, &missing);
  if (account == NULL && !g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&missing));
      return FALSE;
    }
  const char *why = !p->active ? T_ (ctx->lang, "%s is no longer in the staff list: they cannot be invited")
                    : account != NULL && account->disabled
                      ? T_ (ctx->lang, "%s's account is disabled: an invitation would not work")
                      : NULL;
  if (why != NULL)
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED, why, p->ext_id);
  return why == NULL;
}

gboolean
dk_invitation_create (DkStore *store, const DkContext *ctx, gint64 person, gint64 round,
                      const char *hash, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person_by_id (store, person, error);
  if (p == NULL || !invitation_allowed (store, ctx, p, error) || !dk_store_begin (store, error))
    return FALSE;
  gint64 now = dk_context_now (ctx);
  gint64 ints[] = { person, round, now, now + DK_INVITATION_LIFETIME };
  const char *texts[] = { hash };
  if (account_ensure (store, ctx, p->ext_id, error) == 0
      || !run (store,
               "INSERT INTO invitation (token, person_id, round_id, created, expires)"
               " VALUES (?1, ?2, nullif (?3, 0), ?4, ?5)", texts, 1, ints, 4, NULL, error)
      || !dk_store_audit (store, ctx, "account", person, round, "invitation",
                          NULL, "created", error)
      || !dk_store_commit (store, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

DkInvitationState
dk_invitation_state (DkStore *store, const DkContext *ctx, const char *hash, gint64 *person,
                     GError **error)
{
  *person = 0;
  sqlite3_stmt *stmt = dk_store_prepare (
      store,
      "SELECT i.person_id, i.expires, i.used, a.disabled FROM invitation i"
      " JOIN account a ON a.person_id = i.person_id WHERE i.token = ?1", error);
  if (stmt == NULL)
    return DK_INVITATION_UNKNOWN;
  dk_store_bind_text (stmt, 1, hash);
  DkInvitationState state = DK_INVITATION_UNKNOWN;
  if (dk_store_step (store, stmt, S_("reading invitations"), error) == DK_STORE_STEP_ROW
      && sqlite3_column_int (stmt, 3) == 0)
    {
      *person = sqlite3_column_int64 (stmt, 0);
      state = sqlite3_column_type (stmt, 2) != SQLITE_NULL ? DK_INVITATION_USED
              : dk_context_now (ctx) >= sqlite3_column_int64 (stmt, 1) ? DK_INVITATION_EXPIRED
              : DK_INVITATION_VALID;
    }
  sqlite3_finalize (stmt);
  return state;
}

DkInvitationState
dk_invitation_use (DkStore *store, const DkContext *ctx, const char *hash, gint64 *person,
                   GError **error)
{
  const char *texts[] = { hash };
  gint64 now = dk_context_now (ctx);
  int used = 0;
  if (!run (store, "UPDATE invitation SET used = ?2 WHERE token = ?1 AND used IS NULL AND expires > ?2",
            texts, 1, &now, 1, &used, error))
    return DK_INVITATION_UNKNOWN;
  if (used == 0)
    return dk_invitation_state (store, ctx, hash, person, error);
  DkInvitationState state = dk_invitation_state (store, ctx, hash, person, error);
  return state == DK_INVITATION_USED ? DK_INVITATION_VALID : state;
}

void
dk_invitation_info_free (DkInvitationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->round);
  g_free (info);
}

gboolean
dk_account_activity (DkStore *store, gint64 person, GArray **sessions, GPtrArray **invitations,
                     GError **error)
{
  sqlite3_stmt *s = dk_store_prepare (
      store, "SELECT created, last_used FROM session WHERE person_id = ? ORDER BY created", error);
  if (s == NULL)
    return FALSE;
  sqlite3_bind_int64 (s, 1, person);
  g_autoptr (GArray) out_s = g_array_new (FALSE, FALSE, sizeof (DkSessionInfo));
  DkStoreStep step;
  while ((step = dk_store_step (store, s, S_("reading sessions"), error)) == DK_STORE_STEP_ROW)
    {
      DkSessionInfo info = { sqlite3_column_int64 (s, 0), sqlite3_column_int64 (s, 1) };
      g_array_append_val (out_s, info);
    }
  sqlite3_finalize (s);
  if (step == DK_STORE_STEP_ERROR)
    return FALSE;
  sqlite3_stmt *i = dk_store_prepare (
      store, "SELECT i.created, i.expires, coalesce (i.used, 0), r.code FROM invitation i"
             " LEFT JOIN round r ON r.id = i.round_id WHERE i.person_id = ? ORDER BY i.created", error);
  if (i == NULL)
    return FALSE;
  sqlite3_bind_int64 (i, 1, person);
  g_autoptr (GPtrArray) out_i = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_invitation_info_free);
  while ((step = dk_store_step (store, i, S_("reading invitations"), error)) == DK_STORE_STEP_ROW)
    {
      DkInvitationInfo *info = g_new0 (DkInvitationInfo, 1);
      info->created = sqlite3_column_int64 (i, 0);
      info->expires = sqlite3_column_int64 (i, 1);
      info->used = sqlite3_column_int64 (i, 2);
      info->round = dk_store_column_dup (i, 3);
      g_ptr_array_add (out_i, info);
    }
  sqlite3_finalize (i);
  if (step == DK_STORE_STEP_ERROR)
    return FALSE;
  *sessions = g_steal_pointer (&out_s);
  *invitations = g_steal_pointer (&out_i);
  return TRUE;
}
