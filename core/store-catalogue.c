/*
 * store-catalogue.c — the catalogue of learning activities in the store:
 * each activity one row, its lists in the text forms the importers read
 * (develops "1.1:1..3 2.1:2..4", sessions "START/END@PLACE|…", seats "12 8").
 */
#include "store-private.h"
#include "catalogue.h"

static char *
develops_text (const DkActivity *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < a->develops->len; i++)
    {
      const DkDevelops *d = &g_array_index (a->develops, DkDevelops, i);
      g_string_append_printf (s, "%s%s:%u..%u", i ? " " : "", d->competence, d->from, d->to);
    }
  return g_string_free (s, FALSE);
}

static char *
sessions_text (const DkActivity *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < a->sessions->len; i++)
    {
      const DkSession *x = &g_array_index (a->sessions, DkSession, i);
      g_string_append_printf (s, "%s%s/%s%s%s", i ? "|" : "", x->start, x->end, x->place ? "@" : "",
                              x->place ? x->place : "");
    }
  return g_string_free (s, FALSE);
}

static char *
seats_text (const DkActivity *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < a->sessions->len; i++)
    g_string_append_printf (s, "%s%u", i ? " " : "", g_array_index (a->sessions, DkSession, i).seats);
  return g_string_free (s, FALSE);
}

/* Binds activity A to STMT's parameters ?1..?19: the columns of the
 * table activity in the order of dk_catalogue_store's INSERT. */
static void
activity_bind (sqlite3_stmt *stmt, const DkActivity *a)
{
  g_autofree char *develops = develops_text (a), *sessions = sessions_text (a), *seats = seats_text (a);
  g_autofree char *roles = g_strjoinv (" ", a->roles), *units = g_strjoinv ("|", a->units);
  g_autofree char *themes = g_strjoinv (" ", a->themes);
  const char *texts[] = { a->id, a->kind, a->format, NULL, a->language, a->title[DK_LANG_SV],
                          a->title[DK_LANG_EN], a->description[DK_LANG_SV], a->description[DK_LANG_EN],
                          develops, roles, units, themes, sessions, NULL, NULL, a->preparation, a->follow_up,
                          seats };
  sqlite3_reset (stmt);
  for (int i = 0; i < (int) G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, texts[i], -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_null (stmt, i + 1);
  sqlite3_bind_double (stmt, 4, a->hours);
  sqlite3_bind_int (stmt, 15, a->easy_swedish);
  sqlite3_bind_int (stmt, 16, a->read_aloud);
}

/* How the store's activity with the id of an imported one compares with it. */
typedef enum { ACTIVITY_FAILED, ACTIVITY_ABSENT, ACTIVITY_DIFFERENT, ACTIVITY_SAME } ActivityState;

/* Returns how the stored activity with A's id compares with A, by COMPARE
 * (the statement of dk_catalogue_store); ACTIVITY_FAILED with ERROR. */
static ActivityState
activity_state (DkStore *store, sqlite3_stmt *compare, const DkActivity *a, GError **error)
{
  activity_bind (compare, a);
  DkStoreStep step = dk_store_step (store, compare, S_("reading the catalogue"), error);
  ActivityState state = step == DK_STORE_STEP_ERROR ? ACTIVITY_FAILED
                        : step == DK_STORE_STEP_DONE ? ACTIVITY_ABSENT
                        : sqlite3_column_int (compare, 0) ? ACTIVITY_SAME : ACTIVITY_DIFFERENT;
  sqlite3_reset (compare);
  return state;
}

gboolean
dk_catalogue_store (DkStore *store, GPtrArray *activities, gboolean dry_run, guint *added, guint *updated,
                    guint *unchanged, const DkContext *ctx, GError **error)
{
  *added = *updated = *unchanged = 0;
  if (!dk_store_begin (store, error))
    return FALSE;
  sqlite3_stmt *put = dk_store_prepare (store,
      "INSERT OR REPLACE INTO activity (id, kind, format, hours, language, title_sv, title_en,"
      " description_sv, description_en, develops, roles, units, themes, sessions, easy_swedish,"
      " read_aloud, preparation, follow_up, seats) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)", error);
  sqlite3_stmt *compare = put != NULL ? dk_store_prepare (store,
      "SELECT kind IS ?2 AND format IS ?3 AND hours IS ?4 AND language IS ?5 AND title_sv IS ?6"
      " AND title_en IS ?7 AND description_sv IS ?8 AND description_en IS ?9 AND develops IS ?10"
      " AND roles IS ?11 AND units IS ?12 AND themes IS ?13 AND sessions IS ?14 AND easy_swedish IS ?15"
      " AND read_aloud IS ?16 AND preparation IS ?17 AND follow_up IS ?18 AND seats IS ?19"
      " FROM activity WHERE id = ?1", error) : NULL;
  gboolean ok = compare != NULL;
  for (guint i = 0; ok && i < activities->len; i++)
    {
      const DkActivity *a = activities->pdata[i];
      switch (activity_state (store, compare, a, error))
        {
        case ACTIVITY_FAILED: ok = FALSE; continue;
        case ACTIVITY_SAME: (*unchanged)++; continue;
        case ACTIVITY_DIFFERENT: (*updated)++; break;
        case ACTIVITY_ABSENT: (*added)++; break;
        }
      activity_bind (put, a);
      ok = sqlite3_step (put) == SQLITE_DONE || dk_store_sql_error (store, S_("storing the catalogue"), error);
    }
  sqlite3_finalize (compare);
  sqlite3_finalize (put);
  ok = ok && dk_store_audit (store, ctx, "catalogue", 0, 0, "import", NULL, "activities", error);
  return dk_store_finish (store, ok, dry_run, error);
}

/* Returns a copy of text column I, or NULL when it is NULL or empty. */
static char *
column (sqlite3_stmt *stmt, int i)
{
  const unsigned char *t = sqlite3_column_text (stmt, i);
  return t != NULL && *t != '\0' ? g_strdup ((const char *) t) : NULL;
}

static DkActivity *
activity_from_row (sqlite3_stmt *stmt)
{
  DkActivity *a = dk_activity_new ();
  char *problem = NULL;
  a->id = column (stmt, 0);
  a->kind = column (stmt, 1);
  a->format = column (stmt, 2);
  a->hours = sqlite3_column_double (stmt, 3);
  a->language = column (stmt, 4);
  a->title[DK_LANG_SV] = column (stmt, 5);
  a->title[DK_LANG_EN] = column (stmt, 6);
  a->description[DK_LANG_SV] = column (stmt, 7);
  a->description[DK_LANG_EN] = column (stmt, 8);
  /* the stored forms were checked when they were imported */
  dk_activity_parse_develops (a, (const char *) sqlite3_column_text (stmt, 9), DK_LANG_EN, &problem);
  g_clear_pointer (&problem, g_free);
  a->roles = dk_split_nonempty ((const char *) sqlite3_column_text (stmt, 10), " ");
  a->units = dk_split_nonempty ((const char *) sqlite3_column_text (stmt, 11), "|");
  a->themes = dk_split_nonempty ((const char *) sqlite3_column_text (stmt, 12), " ");
  dk_activity_parse_sessions (a, (const char *) sqlite3_column_text (stmt, 13), DK_LANG_EN, &problem);
  g_clear_pointer (&problem, g_free);
  dk_activity_parse_seats (a, (const char *) sqlite3_column_text (stmt, 18), DK_LANG_EN, &problem);
  g_clear_pointer (&problem, g_free);
  a->easy_swedish = sqlite3_column_int (stmt, 14);
  a->read_aloud = sqlite3_column_int (stmt, 15);
  a->preparation = column (stmt, 16);
  a->follow_up = column (stmt, 17);
  return a;
}

GHashTable *
dk_catalogue_ids (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT id FROM activity", error);
  if (stmt == NULL)
    return NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading the catalogue"), error)) == DK_STORE_STEP_ROW)
    g_hash_table_add (ids, dk_store_column_dup (stmt, 0));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&ids, g_hash_table_unref);
  return ids;
}

GPtrArray *
dk_catalogue_load (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (dk_store_db (store),
                          "SELECT id, kind, format, hours, language, title_sv, title_en, description_sv,"
                          " description_en, develops, roles, units, themes, sessions, easy_swedish,"
                          " read_aloud, preparation, follow_up, seats FROM activity ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, S_("reading the catalogue"), error);
      return NULL;
    }
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_activity_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading the catalogue"), error)) == DK_STORE_STEP_ROW)
    g_ptr_array_add (all, activity_from_row (stmt));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&all, g_ptr_array_unref);
  return all;
}
