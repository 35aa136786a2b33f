/*
 * store-private.h — what the store's source files share; not for other
 * modules (they use store.h and dk_store_db).
 */
#ifndef DK_STORE_PRIVATE_H
#define DK_STORE_PRIVATE_H

#include "store.h"

struct _DkStore {
  sqlite3      *db;
  /* prepared once: bulk imports run them many times */
  sqlite3_stmt *audit;
  sqlite3_stmt *assessment_put;
  sqlite3_stmt *note_put;
  sqlite3_stmt *assessment_update;
  GHashTable   *kept;        /* SQL → Kept (store.c): dk_store_prepare_kept's */
  GHashTable   *memo;        /* key → Memo (store.c): dk_store_memo_lookup's */
  gint64        memo_version[2];  /* what the memo's values were derived from */
  guint         busy_ms;   /* the busy timeout set last */
  guint         read_depth;  /* dk_store_read_begin calls not yet ended */
  gboolean      read_own;    /* the outermost one began a transaction */
  gint64        now_second;  /* dk_store_now's last: the second, its zone, its text */
  GTimeZone    *now_tz;
  char          now_text[32];
  DkLang        lang;      /* the language of the store's messages (dk_store_set_lang) */
};

/* MSGID in the language of STORE (a variable named store in scope): how
 * the store's source files word their messages.  xgettext reads S_ as _. */
#define S_(msgid) T_ (store->lang, msgid)

/* Returns a prepared statement (caller finalizes) or NULL with ERROR. */
sqlite3_stmt *dk_store_prepare (DkStore *store, const char *sql, GError **error);
/* Returns the statement for SQL that STORE prepared once and keeps
 * (SQLITE_PREPARE_PERSISTENT), or NULL with ERROR: for the reads that each
 * web request repeats, whose prepares were a sixth of a page.  Give it back
 * with dk_store_release, never sqlite3_finalize.  When the kept one is
 * still out (a caller up the stack has it), a statement of its own is
 * prepared, which dk_store_release then finalizes. */
sqlite3_stmt *dk_store_prepare_kept (DkStore *store, const char *sql, GError **error);
/* Gives back STMT (NULL: nothing) from dk_store_prepare_kept: resets it and
 * clears its bindings, or finalizes one that is not kept. */
void dk_store_release (DkStore *store, sqlite3_stmt *stmt);
/* Steps STMT once; TRUE on DONE or ROW. */
gboolean dk_store_step_done (DkStore *store, sqlite3_stmt *stmt, GError **error);
/* Steps STMT once as dk_store_step_done, then finalizes it. */
gboolean dk_store_step_finalize (DkStore *store, sqlite3_stmt *stmt, GError **error);
/* Steps STMT once as dk_store_step_done, then resets it and clears its
 * bindings: how a statement kept for many calls (the store's cached ones)
 * that was bound without a copy is stepped, so that no binding outlives the
 * caller's data. */
gboolean dk_store_step_once (DkStore *store, sqlite3_stmt *stmt, GError **error);
/* Binds TEXT, or NULL when TEXT is NULL. */
void dk_store_bind_text (sqlite3_stmt *stmt, int i, const char *text);
/* The same without a copy (the hot inserts, which step right after
 * binding): TEXT must stay unchanged until the statement is finalized or
 * stepped with dk_store_step_once. */
void dk_store_bind_static (sqlite3_stmt *stmt, int i, const char *text);
/* Returns a copy of text column I, or NULL. */
char *dk_store_column_dup (sqlite3_stmt *stmt, int i);
/* Returns CTX's time now in CTX's time zone as YYYY-MM-DDTHH:MM:SS (owned
 * by the store, valid until the next call). */
const char *dk_store_now (DkStore *store, const DkContext *ctx);

/* Returns the store id of framework ID at VERSION (NULL: latest), or 0. */
gint64 dk_store_framework_rowid (DkStore *store, const char *id, const char *version,
                                 GError **error);
DkFramework *dk_store_framework_by_rowid (DkStore *store, gint64 rowid, GError **error);

#endif
