/*
 * account.h — accounts of the web interface (`digikomp serve`): who may sign
 * in, with which grants, their sessions and their invitation links.
 *
 * Every person of the roster can have an account; its username is the
 * person's external id or e-mail.  The store keeps no secret in the clear:
 * a password as the Argon2id string of crypto_pwhash_str, a session id and
 * an invitation token as their hash (the caller hashes; core/ links no
 * cryptography, the web module does).  Times of sessions and invitations
 * are seconds since the epoch from the context's clock.
 *
 * Grants: "hr", "admin", "coordinator:UNIT" (a unit path: that unit and its
 * sub-units), "trainer:ACTIVITY" (an activity id of the catalogue).  A
 * manager needs no grant: being someone's recorded manager is the role.
 *
 * Every change is audited with the context's actor (entity "account").
 * The store rules of store.h apply: one DkStore, one thread at a time;
 * returned structures belong to the caller.
 */
#ifndef DK_ACCOUNT_H
#define DK_ACCOUNT_H

#include "context.h"
#include "store.h"

typedef enum {
  DK_GRANT_HR,
  DK_GRANT_ADMIN,
  DK_GRANT_COORDINATOR,   /* target: a unit path */
  DK_GRANT_TRAINER,       /* target: an activity id */
} DkGrantKind;

typedef struct {
  DkGrantKind kind;
  char       *target;     /* NULL for hr and admin */
} DkGrant;

void dk_grant_free (DkGrant *grant);

/* Parses TEXT ("hr", "admin", "coordinator:UNIT", "trainer:ACTIVITY").
 * Returns a new grant (caller frees), or NULL with ERROR
 * (DK_STORE_ERROR_INVALID, worded in LANG).  Thread-safe. */
DkGrant *dk_grant_parse (const char *text, DkLang lang, GError **error);

/* Returns GRANT as dk_grant_parse reads it (caller frees).  Thread-safe. */
char *dk_grant_text (const DkGrant *grant);

typedef struct {
  gint64     person_id;
  char      *ext_id;
  char      *name;
  char      *email;        /* or NULL */
  char      *password;     /* the crypto_pwhash_str string, or NULL: no password */
  gboolean   disabled;
  char      *lang;         /* "sv", "en" or NULL: the browser's */
  char      *created_at;   /* YYYY-MM-DDTHH:MM:SS */
  gboolean   manages;      /* someone's recorded manager */
  GPtrArray *grants;       /* DkGrant* */
} DkAccount;

void dk_account_free (DkAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkAccount, dk_account_free)

/* Returns the account whose person has the external id or (ignoring case)
 * the e-mail USERNAME, or NULL with NOT_FOUND when there is none. */
DkAccount *dk_account_find (DkStore *store, const char *username, GError **error);

/* Returns the account of PERSON (store id), or NULL with NOT_FOUND. */
DkAccount *dk_account_by_person (DkStore *store, gint64 person, GError **error);

/* Returns every account, by external id (DkAccount*). */
GPtrArray *dk_accounts (DkStore *store, GError **error);

/* Returns TRUE when PASSWORD may be PERSON's: at least 12 characters, and
 * neither their external id nor their name (ignoring case); else FALSE with
 * ERROR (DK_STORE_ERROR_INVALID) saying why in LANG.  Thread-safe. */
gboolean dk_password_acceptable (const DkPerson *person, const char *password, DkLang lang,
                                 GError **error);

/* The changes, each audited with CTX's actor and in one transaction.
 * PERSON is an external id (UNKNOWN_ID when it names nobody); an account is
 * created when the person has none.  Setting a password or disabling ends
 * the account's sessions; disabling also its unused invitations. */
gboolean dk_account_set_password (DkStore *store, const DkContext *ctx, const char *person,
                                  const char *hash, GError **error);
/* A coordinator's unit must exist, a trainer's activity too (UNKNOWN_ID).
 * Granting a grant held, or revoking one not held, changes nothing. */
gboolean dk_account_grant (DkStore *store, const DkContext *ctx, const char *person,
                           const DkGrant *grant, GError **error);
gboolean dk_account_revoke (DkStore *store, const DkContext *ctx, const char *person,
                            const DkGrant *grant, GError **error);
gboolean dk_account_disable (DkStore *store, const DkContext *ctx, const char *person,
                             GError **error);
/* LANG: "sv" or "en".  PERSON is a store id. */
gboolean dk_account_set_lang (DkStore *store, const DkContext *ctx, gint64 person,
                              const char *lang, GError **error);

/* ---- sessions ------------------------------------------------------------ */

typedef struct {
  gint64 person_id;    /* 0: not signed in (a form's session before sign-in) */
  char  *csrf;         /* the token every form of the session carries */
  gint64 created;
  gint64 last_used;
} DkWebSession;

void dk_session_free (DkWebSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkWebSession, dk_session_free)

/* Stores a session: HASH of its id, PERSON (0: signed out), CSRF, created
 * and last used now. */
gboolean dk_session_create (DkStore *store, const DkContext *ctx, const char *hash,
                            gint64 person, const char *csrf, GError **error);

/* Returns the session whose id hashes to HASH, unless it was last used more
 * than IDLE seconds ago, was created more than ABSOLUTE seconds ago, or its
 * account is disabled: then it is deleted and this is NULL with NOT_FOUND.
 * Its last use is written when it is at least a minute old. */
DkWebSession *dk_session_lookup (DkStore *store, const DkContext *ctx, const char *hash,
                              gint64 idle, gint64 absolute, GError **error);

/* Deletes the session HASH (none: no error). */
gboolean dk_session_delete (DkStore *store, const char *hash, GError **error);

/* Signs PERSON in: deletes the session OLD_HASH (NULL: none) and every
 * expired one, stores a new session NEW_HASH with CSRF, and audits the
 * sign-in by METHOD ("password", "invitation", "header") with CTX's actor,
 * all in one transaction. */
gboolean dk_session_sign_in (DkStore *store, const DkContext *ctx, const char *old_hash,
                             const char *new_hash, gint64 person, const char *csrf,
                             const char *method, gint64 absolute, GError **error);

/* Signs PERSON (store id) out: deletes the session HASH and audits it. */
gboolean dk_session_sign_out (DkStore *store, const DkContext *ctx, const char *hash,
                              gint64 person, GError **error);

/* ---- invitations ------------------------------------------------------------ */

typedef enum {
  DK_INVITATION_UNKNOWN,
  DK_INVITATION_VALID,
  DK_INVITATION_USED,
  DK_INVITATION_EXPIRED,
} DkInvitationState;

/* How long an invitation link works, in seconds: 14 days. */
#define DK_INVITATION_LIFETIME (14 * 24 * 60 * 60)

/* Stores an invitation for PERSON (store id) in ROUND (store id, or 0):
 * HASH of its token, valid DK_INVITATION_LIFETIME seconds from CTX's now.
 * Creates the account when there is none; audited.  FALSE with ERROR
 * DK_STORE_ERROR_REFUSED (worded in CTX's language) when the person is no
 * longer in the staff list or their account is disabled: a link would not
 * work for them. */
gboolean dk_invitation_create (DkStore *store, const DkContext *ctx, gint64 person,
                               gint64 round, const char *hash, GError **error);

/* Returns the state of the invitation HASH now, and its person in *PERSON
 * (0 when unknown).  DK_INVITATION_UNKNOWN with ERROR set on a store
 * failure. */
DkInvitationState dk_invitation_state (DkStore *store, const DkContext *ctx, const char *hash,
                                       gint64 *person, GError **error);

/* Uses up the invitation HASH when it is valid now (one use: of two at once
 * only one succeeds) and returns its state before; *PERSON its person. */
DkInvitationState dk_invitation_use (DkStore *store, const DkContext *ctx, const char *hash,
                                     gint64 *person, GError **error);

/* ---- the account's own data (GDPR access) --------------------------------- */

typedef struct {
  gint64 created, last_used;
} DkSessionInfo;

typedef struct {
  gint64 created, expires, used;   /* used: 0 when not */
  char  *round;                    /* the round's code, or NULL */
} DkInvitationInfo;

void dk_invitation_info_free (DkInvitationInfo *info);

/* Returns the sessions (DkSessionInfo, oldest first) and invitations
 * (DkInvitationInfo*, oldest first) of PERSON (store id): what the store
 * holds about the account besides DkAccount, without ids or tokens. */
gboolean dk_account_activity (DkStore *store, gint64 person, GArray **sessions,
                              GPtrArray **invitations, GError **error);

#endif
