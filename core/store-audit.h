/*
 * store-audit.h — reading the audit log, filtered; and an import's audit:
 * the levels it changed, in chunks.
 *
 * An import of ratings may change a million people at once.  Rather than an
 * audit row per person, it writes one audit row (no person, field "import")
 * and the changed people's old and new levels as entries in chunks, one
 * chunk per AUDIT_BUCKET consecutive person ids (table audit_levels,
 * migration 5).  A person's audit reads one chunk per import:
 * dk_store_audit_rows decodes their entries into the same rows an audit row
 * per person gave; erasure takes their entries out of the chunks.  The chunks
 * hold person ids and levels, nothing else.
 */
#ifndef DK_STORE_AUDIT_H
#define DK_STORE_AUDIT_H

#include "store.h"

#define DK_AUDIT_BUCKET_SHIFT 10   /* 1 024 person ids per chunk */

/* The levels as one readable string for the audit log:
 * "self 3 - ? 12 … manager - 3 … motivation 4 …", a level per competence
 * in the framework's order, "-" none, "?" don't know, a space between;
 * LEVELS holds 3 × N bytes (self, manager, motivation).  Caller frees. */
char *dk_levels_text (const guint8 *levels, guint n);

/* Writes one import's entries; people must come in ascending id order
 * (twice over is allowed: the chunks of the second pass are added). */
typedef struct {
  DkStore      *store;
  const DkContext *ctx;      /* who imports, and when */
  gint64        round;
  gint64        audit_id;    /* the import's audit row, written with the first chunk */
  gint64        bucket;
  GByteArray   *buf;         /* the chunk being filled */
  guint         entries;     /* in buf */
  sqlite3_stmt *put;
} DkAuditLevels;

void dk_audit_levels_init (DkAuditLevels *al, DkStore *store, const DkContext *ctx, gint64 round);
/* Adds PERSON's change: OLD (3 × OLD_N bytes; NULL when they had none) to
 * NEW (3 × NEW_N bytes). */
gboolean dk_audit_levels_add (DkAuditLevels *al, gint64 person, const guint8 *old, guint old_n,
                              const guint8 *new, guint new_n, GError **error);
/* Writes the chunk being filled. */
gboolean dk_audit_levels_flush (DkAuditLevels *al, GError **error);
void dk_audit_levels_clear (DkAuditLevels *al);

/* Which rows of the audit log to read; a NULL field filters nothing.
 * The values are as stored (codes, ids), compared exactly. */
typedef struct {
  const char *person;       /* an external id: the rows about them, an import's entries too */
  const char *actor;        /* who acted: a person's id, "hr:NAME", DK_ACTOR_ERASED … */
  const char *kind;         /* what changed: "rating", "plan", "person" … (the entity) */
  const char *from, *to;    /* dates YYYY-MM-DD, both included */
  gboolean    newest_first;
  guint       offset;       /* rows skipped */
  guint       limit;        /* rows at most; 0: every row */
} DkAuditFilter;

/* Returns the rows of the audit log FILTER picks (DkAuditRow*, with their
 * person and whether they are unshared; caller owns), oldest first unless
 * FILTER->newest_first.  Sets *MORE (may be NULL) to whether rows beyond
 * FILTER->limit remain.  NULL with ERROR when the store fails, or
 * DK_STORE_ERROR_UNKNOWN_ID when FILTER->person names nobody. */
GPtrArray *dk_store_audit_rows (DkStore *store, const DkAuditFilter *filter, gboolean *more,
                                GError **error);

/* Returns how many entries PERSON has in the chunks, or -1. */
int dk_audit_levels_count (DkStore *store, gint64 person, GError **error);
/* Takes PERSON's entries out of the chunks (in the caller's transaction). */
gboolean dk_audit_levels_erase (DkStore *store, gint64 person, GError **error);

#endif
