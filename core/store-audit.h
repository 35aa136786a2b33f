/*
 * store-audit.h — an import's audit: the levels it changed, in chunks.
 *
 * An import of ratings may change a million people at once.  Rather than an
 * audit row per person, it writes one audit row (no person, field "import")
 * and the changed people's old and new levels as entries in chunks, one
 * chunk per AUDIT_BUCKET consecutive person ids (table audit_levels,
 * migration 5).  A person's audit reads one chunk per import:
 * dk_person_audit decodes their entries into the same rows an audit row per
 * person gave; erasure takes their entries out of the chunks.  The chunks
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
  const char   *actor;
  gint64        round;
  gint64        audit_id;    /* the import's audit row, written with the first chunk */
  gint64        bucket;
  GByteArray   *buf;         /* the chunk being filled */
  guint         entries;     /* in buf */
  sqlite3_stmt *put;
} DkAuditLevels;

void dk_audit_levels_init (DkAuditLevels *al, DkStore *store, const char *actor, gint64 round);
/* Adds PERSON's change: OLD (3 × OLD_N bytes; NULL when they had none) to
 * NEW (3 × NEW_N bytes). */
gboolean dk_audit_levels_add (DkAuditLevels *al, gint64 person, const guint8 *old, guint old_n,
                              const guint8 *new, guint new_n, GError **error);
/* Writes the chunk being filled. */
gboolean dk_audit_levels_flush (DkAuditLevels *al, GError **error);
void dk_audit_levels_clear (DkAuditLevels *al);

/* Appends to ROWS (DkAuditRow*) a row of the audit log from STMT's columns
 * 1-5 (at, actor, entity, round code, field) with OLD_VALUE and NEW_VALUE
 * (taken), and to IDS (gint64) its audit id, column 0. */
void dk_audit_row_take (sqlite3_stmt *stmt, char *old_value, char *new_value, GPtrArray *rows,
                        GArray *ids);
/* Appends PERSON's (store id) entries to ROWS (DkAuditRow*) and their
 * audit ids to IDS (gint64), in no particular order. */
gboolean dk_audit_levels_of_person (DkStore *store, gint64 person, GPtrArray *rows, GArray *ids,
                                    GError **error);
/* Returns how many entries PERSON has in the chunks, or -1. */
int dk_audit_levels_count (DkStore *store, gint64 person, GError **error);
/* Takes PERSON's entries out of the chunks (in the caller's transaction). */
gboolean dk_audit_levels_erase (DkStore *store, gint64 person, GError **error);

#endif
