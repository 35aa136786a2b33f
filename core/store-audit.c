/*
 * store-audit.c — an import's audit: the levels it changed, in chunks
 * (store-audit.h).
 *
 * A chunk's data: a version byte (1), then its entries, each
 *   person id   8 bytes, little-endian
 *   old_n       1 byte, 0 when the person had no levels before
 *   old levels  3 × old_n bytes (self, manager, motivation)
 *   new_n       1 byte
 *   new levels  3 × new_n bytes
 */
#include "store-audit.h"
#include "person-data.h"
#include "store-private.h"

#include <string.h>

#define CHUNK_VERSION 1

char *
dk_levels_text (const guint8 *levels, guint n)
{
  static const char *parts[] = { "self ", " manager ", " motivation " };
  GString *s = g_string_sized_new (3 * 3 * n + 32);
  n = MIN (n, DK_MAX_COMPETENCES);
  for (guint k = 0; k < 3; k++)
    {
      g_string_append (s, parts[k]);
      for (guint c = 0; c < n; c++)
        {
          guint8 v = levels[k * n + c];
          if (c > 0)
            g_string_append_c (s, ' ');
          if (v == DK_LEVEL_NONE || v == DK_LEVEL_DONT_KNOW)
            g_string_append_c (s, v == DK_LEVEL_NONE ? '-' : '?');
          else
            g_string_append_printf (s, "%u", v);   /* any scale: 12 is "12" */
        }
    }
  return g_string_free (s, FALSE);
}

/* ---- writing ---------------------------------------------------------------------- */

void
dk_audit_levels_init (DkAuditLevels *al, DkStore *store, const char *actor, gint64 round)
{
  memset (al, 0, sizeof *al);
  al->store = store;
  al->actor = actor;
  al->round = round;
  al->buf = g_byte_array_sized_new (1 << 16);
}

void
dk_audit_levels_clear (DkAuditLevels *al)
{
  sqlite3_finalize (al->put);
  al->put = NULL;
  g_clear_pointer (&al->buf, g_byte_array_unref);
}

gboolean
dk_audit_levels_flush (DkAuditLevels *al, GError **error)
{
  if (al->entries == 0)
    return TRUE;
  if (al->audit_id == 0)
    {
      if (!dk_store_audit (al->store, al->actor, "rating", 0, al->round, "import", NULL, NULL, error))
        return FALSE;
      al->audit_id = sqlite3_last_insert_rowid (dk_store_db (al->store));
    }
  if (al->put == NULL
      && (al->put = dk_store_prepare (al->store, "INSERT INTO audit_levels (audit_id, bucket, data)"
                                                 " VALUES (?, ?, ?)", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (al->put, 1, al->audit_id);
  sqlite3_bind_int64 (al->put, 2, al->bucket);
  sqlite3_bind_blob (al->put, 3, al->buf->data, (int) al->buf->len, SQLITE_STATIC);
  gboolean ok = dk_store_step_once (al->store, al->put, error);
  g_byte_array_set_size (al->buf, 0);
  al->entries = 0;
  return ok;
}

gboolean
dk_audit_levels_add (DkAuditLevels *al, gint64 person, const guint8 *old, guint old_n,
                     const guint8 *new, guint new_n, GError **error)
{
  gint64 bucket = person >> DK_AUDIT_BUCKET_SHIFT;
  if (al->entries > 0 && bucket != al->bucket && !dk_audit_levels_flush (al, error))
    return FALSE;
  if (al->entries == 0)
    {
      guint8 version = CHUNK_VERSION;
      g_byte_array_append (al->buf, &version, 1);
      al->bucket = bucket;
    }
  guint8 head[9];
  guint64 id = (guint64) person;
  for (guint i = 0; i < 8; i++)
    head[i] = (guint8) (id >> (8 * i));
  head[8] = old != NULL ? (guint8) old_n : 0;
  g_byte_array_append (al->buf, head, 9);
  if (old != NULL)
    g_byte_array_append (al->buf, old, 3 * old_n);
  guint8 n = (guint8) new_n;
  g_byte_array_append (al->buf, &n, 1);
  g_byte_array_append (al->buf, new, 3 * new_n);
  al->entries++;
  return TRUE;
}

/* ---- reading ---------------------------------------------------------------------- */

void
dk_audit_row_take (sqlite3_stmt *stmt, char *old_value, char *new_value, GPtrArray *rows, GArray *ids)
{
  DkAuditRow *row = g_new0 (DkAuditRow, 1);
  row->at = dk_store_column_dup (stmt, 1);
  row->actor = dk_store_column_dup (stmt, 2);
  row->entity = dk_store_column_dup (stmt, 3);
  row->round = dk_store_column_dup (stmt, 4);
  row->field = dk_store_column_dup (stmt, 5);
  row->old_value = old_value;
  row->new_value = new_value;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_ptr_array_add (rows, row);
  g_array_append_val (ids, id);
}

/* One entry of a chunk, pointing into its data. */
typedef struct {
  gint64        person;
  const guint8 *old, *new;   /* old NULL: none */
  guint         old_n, new_n;
  gsize         start, end;  /* the entry's bytes */
} Entry;

/* Reads the entry at *POS of DATA; FALSE at the end or on a damaged chunk. */
static gboolean
next_entry (const guint8 *data, gsize len, gsize *pos, Entry *e)
{
  gsize p = *pos;
  if (p == 0)
    {
      if (len == 0 || data[0] != CHUNK_VERSION)
        return FALSE;
      p = 1;
    }
  if (p + 9 > len)
    return FALSE;
  e->start = p;
  guint64 id = 0;
  for (guint i = 0; i < 8; i++)
    id |= (guint64) data[p + i] << (8 * i);
  e->person = (gint64) id;
  e->old_n = data[p + 8];
  p += 9;
  if (e->old_n > DK_MAX_COMPETENCES || p + 3 * e->old_n + 1 > len)
    return FALSE;
  e->old = e->old_n > 0 ? data + p : NULL;
  p += 3 * e->old_n;
  e->new_n = data[p++];
  if (e->new_n > DK_MAX_COMPETENCES || p + 3 * e->new_n > len)
    return FALSE;
  e->new = data + p;
  p += 3 * e->new_n;
  e->end = *pos = p;
  return TRUE;
}

gboolean
dk_audit_levels_of_person (DkStore *store, gint64 person, GPtrArray *rows, GArray *ids,
                           GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT a.id, a.at, a.actor, a.entity, r.code, a.field, l.data FROM audit_levels l"
             " JOIN audit a ON a.id = l.audit_id LEFT JOIN round r ON r.id = a.round_id"
             " WHERE l.bucket = ? ORDER BY l.audit_id, l.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person >> DK_AUDIT_BUCKET_SHIFT);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading the audit log"), error)) == DK_STORE_STEP_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 6);
      gsize len = (gsize) sqlite3_column_bytes (stmt, 6), pos = 0;
      Entry e;
      while (next_entry (data, len, &pos, &e))
        {
          if (e.person != person)
            continue;
          dk_audit_row_take (stmt, e.old != NULL ? dk_levels_text (e.old, e.old_n) : NULL,
                             dk_levels_text (e.new, e.new_n), rows, ids);
        }
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

/* Visits the chunks of PERSON's bucket: counts PERSON's entries, and when
 * ERASE, writes each chunk back without them (or deletes it when nothing is
 * left).  Returns the count, or -1. */
static int
visit (DkStore *store, gint64 person, gboolean erase, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT id, data FROM audit_levels WHERE bucket = ?",
                                         error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, person >> DK_AUDIT_BUCKET_SHIFT);
  /* rewritten chunks are kept until the scan is done */
  g_autoptr (GArray) chunk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  int count = 0;
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("erasing"), error)) == DK_STORE_STEP_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 1);
      gsize len = (gsize) sqlite3_column_bytes (stmt, 1), pos = 0;
      GByteArray *out = g_byte_array_new ();
      guint8 version = CHUNK_VERSION;
      g_byte_array_append (out, &version, 1);
      int here = 0;
      Entry e;
      while (next_entry (data, len, &pos, &e))
        if (e.person == person)
          here++;
        else
          g_byte_array_append (out, data + e.start, (guint) (e.end - e.start));
      count += here;
      if (erase && here > 0)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (chunk_ids, id);
          g_ptr_array_add (kept, out);
        }
      else
        g_byte_array_unref (out);
    }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    return -1;
  for (guint i = 0; i < chunk_ids->len; i++)
    {
      GByteArray *out = g_ptr_array_index (kept, i);
      sqlite3_stmt *w = dk_store_prepare (store, out->len > 1
                                                   ? "UPDATE audit_levels SET data = ?2 WHERE id = ?1"
                                                   : "DELETE FROM audit_levels WHERE id = ?1", error);
      if (w == NULL)
        return -1;
      sqlite3_bind_int64 (w, 1, g_array_index (chunk_ids, gint64, i));
      if (out->len > 1)
        sqlite3_bind_blob (w, 2, out->data, (int) out->len, SQLITE_STATIC);
      gboolean ok = dk_store_step_done (store, w, error);
      sqlite3_finalize (w);
      if (!ok)
        return -1;
    }
  return count;
}

int
dk_audit_levels_count (DkStore *store, gint64 person, GError **error)
{
  return visit (store, person, FALSE, error);
}

gboolean
dk_audit_levels_erase (DkStore *store, gint64 person, GError **error)
{
  return visit (store, person, TRUE, error) >= 0;
}
