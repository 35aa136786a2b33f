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
dk_audit_levels_init (DkAuditLevels *al, DkStore *store, const DkContext *ctx, gint64 round)
{
  memset (al, 0, sizeof *al);
  al->store = store;
  al->ctx = ctx;
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
      if (!dk_store_audit (al->store, al->ctx, "rating", 0, al->round, "import", NULL, NULL, error))
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

/* Appends to ROWS a row from STMT's columns 1-5 (at, actor, entity, round
 * code, field) with OLD_VALUE, NEW_VALUE and PERSON (taken), and to IDS
 * its audit id, column 0. */
static DkAuditRow *
row_take (sqlite3_stmt *stmt, char *old_value, char *new_value, char *person, GPtrArray *rows, GArray *ids)
{
  DkAuditRow *row = g_new0 (DkAuditRow, 1);
  row->at = dk_store_column_dup (stmt, 1);
  row->actor = dk_store_column_dup (stmt, 2);
  row->entity = dk_store_column_dup (stmt, 3);
  row->round = dk_store_column_dup (stmt, 4);
  row->field = dk_store_column_dup (stmt, 5);
  row->old_value = old_value;
  row->new_value = new_value;
  row->person = person;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_ptr_array_add (rows, row);
  g_array_append_val (ids, id);
  return row;
}

/* The columns row_take reads, of audit a and round r. */
#define ROW_COLUMNS "a.id, a.at, a.actor, a.entity, r.code, a.field"
/* Whether a rating row is of a round in which PERSON_ID (an SQL
 * expression) has a self-rating not shared. */
#define UNSHARED(person_id)                                                                      \
  "(a.entity = 'rating' AND EXISTS (SELECT 1 FROM assessment s WHERE s.round_id = a.round_id"   \
  " AND s.person_id = " person_id " AND (s.flags & :shared) = 0))"

/* Appends FILTER's conditions but the person's to SQL, each with its
 * named parameter (bind_filter binds them). */
static void
append_filter (GString *sql, const DkAuditFilter *filter)
{
  if (filter->actor != NULL)
    g_string_append (sql, " AND a.actor = :actor");
  if (filter->kind != NULL)
    g_string_append (sql, " AND a.entity = :kind");
  if (filter->from != NULL)
    g_string_append (sql, " AND a.at >= :from");
  if (filter->to != NULL)
    g_string_append (sql, " AND a.at < date(:to, '+1 day')");   /* a range audit_at serves */
}

/* Binds the parameters of append_filter, :shared and, when STMT has it,
 * :person (PERSON's store id). */
static void
bind_filter (sqlite3_stmt *stmt, const DkAuditFilter *filter, gint64 person)
{
  const char *names[] = { ":actor", ":kind", ":from", ":to" };
  const char *values[] = { filter->actor, filter->kind, filter->from, filter->to };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      dk_store_bind_text (stmt, sqlite3_bind_parameter_index (stmt, names[i]), values[i]);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":shared"), DK_ASSESS_SHARED);
  int i = sqlite3_bind_parameter_index (stmt, ":person");
  if (i > 0)
    sqlite3_bind_int64 (stmt, i, person);
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

/* Appends P's entries in the chunks of the imports FILTER picks to ROWS
 * and their audit ids to IDS, in no particular order. */
static gboolean
levels_of_person (DkStore *store, const DkPerson *p, const DkAuditFilter *filter, GPtrArray *rows,
                  GArray *ids, GError **error)
{
  g_autoptr (GString) sql = g_string_new (
      "SELECT " ROW_COLUMNS ", l.data, " UNSHARED (":person") " FROM audit_levels l"
      " JOIN audit a ON a.id = l.audit_id LEFT JOIN round r ON r.id = a.round_id WHERE l.bucket = :bucket");
  append_filter (sql, filter);
  g_string_append (sql, " ORDER BY l.audit_id, l.id");
  sqlite3_stmt *stmt = dk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter, p->id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":bucket"), p->id >> DK_AUDIT_BUCKET_SHIFT);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading the audit log"), error)) == DK_STORE_STEP_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 6);
      gsize len = (gsize) sqlite3_column_bytes (stmt, 6), pos = 0;
      Entry e;
      while (next_entry (data, len, &pos, &e))
        {
          if (e.person != p->id)
            continue;
          DkAuditRow *row = row_take (stmt, e.old != NULL ? dk_levels_text (e.old, e.old_n) : NULL,
                                      dk_levels_text (e.new, e.new_n), g_strdup (p->ext_id), rows, ids);
          row->unshared = sqlite3_column_int (stmt, 7);
        }
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

/* Appends the audit rows FILTER picks, about P (NULL: anyone), to ROWS
 * and their ids to IDS, in FILTER's order when P is NULL; LIMIT rows at
 * the most (0: all) from FILTER's offset. */
static gboolean
rows_of (DkStore *store, const DkAuditFilter *filter, const DkPerson *p, guint limit, GPtrArray *rows,
         GArray *ids, GError **error)
{
  g_autoptr (GString) sql = g_string_new (
      "SELECT " ROW_COLUMNS ", a.old_value, a.new_value, p.ext_id, " UNSHARED ("a.person_id")
      " FROM audit a LEFT JOIN round r ON r.id = a.round_id LEFT JOIN person p ON p.id = a.person_id");
  g_string_append (sql, p != NULL ? " WHERE a.person_id = :person" : " WHERE 1");
  append_filter (sql, filter);
  g_string_append (sql, p == NULL && filter->newest_first ? " ORDER BY a.id DESC" : " ORDER BY a.id");
  if (limit > 0)
    g_string_append (sql, " LIMIT :limit OFFSET :offset");
  sqlite3_stmt *stmt = dk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter, p != NULL ? p->id : 0);
  if (limit > 0)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), filter->offset);
    }
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading the audit log"), error)) == DK_STORE_STEP_ROW)
    {
      DkAuditRow *row = row_take (stmt, dk_store_column_dup (stmt, 6), dk_store_column_dup (stmt, 7),
                                  dk_store_column_dup (stmt, 8), rows, ids);
      row->unshared = sqlite3_column_int (stmt, 9);
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_DONE;
}

typedef struct {
  gint64      id;
  DkAuditRow *row;
} Ordered;

static int
by_id (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const Ordered *) a)->id, y = ((const Ordered *) b)->id;
  return x < y ? -1 : x > y;
}

/* Returns FOUND (DkAuditRow*, taken) ordered by their audit ids IDS,
 * oldest first unless NEWEST_FIRST; the rows of one import keep their
 * order (reversed when newest first). */
static GPtrArray *
in_order (GPtrArray *found, GArray *ids, gboolean newest_first)
{
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (Ordered), found->len);
  for (guint i = 0; i < found->len; i++)
    {
      Ordered o = { g_array_index (ids, gint64, i), g_ptr_array_index (found, i) };
      g_array_append_val (order, o);
    }
  g_array_sort (order, by_id);   /* stable */
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_audit_row_free);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (rows, g_array_index (order, Ordered, newest_first ? order->len - 1 - i : i).row);
  return rows;
}

/* Returns the rows about P that FILTER picks, in its order, every one
 * (the caller takes the page). */
static GPtrArray *
rows_about (DkStore *store, const DkAuditFilter *filter, const DkPerson *p, GError **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* imports keep their changes in chunks: merged in by the import's audit id */
  gboolean ok = rows_of (store, filter, p, 0, found, ids, error)
                && levels_of_person (store, p, filter, found, ids, error);
  GPtrArray *rows = in_order (found, ids, filter->newest_first);
  if (!ok)
    g_clear_pointer (&rows, g_ptr_array_unref);
  return rows;
}

GPtrArray *
dk_store_audit_rows (DkStore *store, const DkAuditFilter *filter, gboolean *more, GError **error)
{
  g_autoptr (DkPerson) p = filter->person != NULL ? dk_store_person (store, filter->person, error) : NULL;
  if (filter->person != NULL && p == NULL)
    return NULL;
  g_autoptr (GPtrArray) rows = NULL;
  guint skip = 0;   /* rows before the page: only a person's are read from the first */
  if (p != NULL)
    {
      rows = rows_about (store, filter, p, error);
      skip = MIN (filter->offset, rows != NULL ? rows->len : 0);
    }
  else
    {
      g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_audit_row_free);
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* one row more than the page says whether more remain */
      if (rows_of (store, filter, NULL, filter->limit > 0 ? filter->limit + 1 : 0, found, ids, error))
        rows = g_steal_pointer (&found);
    }
  if (rows == NULL)
    return NULL;
  g_ptr_array_remove_range (rows, 0, skip);
  gboolean beyond = filter->limit > 0 && rows->len > filter->limit;
  if (beyond)
    g_ptr_array_set_size (rows, (gint) filter->limit);
  if (more != NULL)
    *more = beyond;
  return g_steal_pointer (&rows);
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
