/*
 * store-org.c — the organisation: units as a tree, people.
 */
#include "hint.h"
#include "store-private.h"
#include "enum.h"

#include <string.h>

gboolean
dk_gender_parse (const char *text, DkGender *out)
{
  static const char *codes[] = { "", "F", "M", "X" };
  int i = dk_enum_index (codes, G_N_ELEMENTS (codes), text);
  if (i >= 0)
    *out = (DkGender) i;
  return i >= 0;
}

const char *
dk_gender_code (DkGender g)
{
  static const char *codes[] = { "", "F", "M", "X" };
  return g < DK_N_GENDERS ? codes[g] : "";
}

void
dk_unit_free (DkUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->name);
  g_free (unit->path);
  g_free (unit);
}

GPtrArray *
dk_store_units (DkStore *store, GError **error)
{
  /* Paths sort parents before children ("A" < "A/B"), so depth is known
   * when a child is read. */
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT id, coalesce(parent_id, 0), name, path FROM unit ORDER BY path", error);
  if (stmt == NULL)
    return NULL;
  GPtrArray *units = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_unit_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading units"), error)) == DK_STORE_STEP_ROW)
    {
      DkUnit *u = g_new0 (DkUnit, 1);
      u->id = sqlite3_column_int64 (stmt, 0);
      u->parent = sqlite3_column_int64 (stmt, 1);
      u->name = dk_store_column_dup (stmt, 2);
      u->path = dk_store_column_dup (stmt, 3);
      u->depth = 1;
      for (const char *p = u->path; *p != '\0'; p++)
        u->depth += *p == '/';
      g_ptr_array_add (units, u);
    }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    {
      g_ptr_array_unref (units);
      return NULL;
    }
  return units;
}

static gint64
unit_lookup (DkStore *store, const char *path, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT id FROM unit WHERE path = ?", error);
  if (stmt == NULL)
    return -1;
  dk_store_bind_text (stmt, 1, path);
  DkStoreStep step = dk_store_step (store, stmt, S_("reading units"), error);
  gint64 id = step == DK_STORE_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : step == DK_STORE_STEP_DONE ? 0 : -1;
  sqlite3_finalize (stmt);
  return id;
}

static gint64
unit_insert (DkStore *store, gint64 parent, const char *name, const char *path,
             GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "INSERT INTO unit (parent_id, name, path) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  if (parent != 0)
    sqlite3_bind_int64 (stmt, 1, parent);
  dk_store_bind_text (stmt, 2, name);
  dk_store_bind_text (stmt, 3, path);
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok ? sqlite3_last_insert_rowid (store->db) : 0;
}

char *
dk_unit_path_normalize (const char *path)
{
  g_auto (GStrv) segments = g_strsplit (path != NULL ? path : "", "/", -1);
  for (char **s = segments; *s != NULL; s++)
    {
      g_strstrip (*s);
      if (**s == '\0' || strcmp (*s, ".") == 0 || strcmp (*s, "..") == 0)
        return NULL;
    }
  return g_strjoinv ("/", segments);
}

gboolean
dk_unit_path_under (const char *path, const char *root)
{
  gsize n = strlen (root);
  return strncmp (path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

gint64
dk_store_unit_ensure (DkStore *store, const char *path, gboolean create, GError **error)
{
  gint64 id = unit_lookup (store, path, error);
  if (id != 0)
    return id < 0 ? 0 : id;
  if (!create)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID,
                   S_("no such unit: '%s'"), path);
      dk_error_set_hint (error, DK_HINT_UNIT_LIST, NULL, NULL);
      return 0;
    }
  const char *slash = strrchr (path, '/');
  gint64 parent = 0;
  if (slash != NULL)
    {
      g_autofree char *parent_path = g_strndup (path, (gsize) (slash - path));
      parent = dk_store_unit_ensure (store, parent_path, TRUE, error);
      if (parent == 0)
        return 0;
    }
  return unit_insert (store, parent, slash != NULL ? slash + 1 : path, path, error);
}

/* ---- people ----------------------------------------------------------------- */

#define PERSON_COLUMNS                                                              \
  "p.id, p.ext_id, p.name, p.email, p.unit_id, u.path, p.role, coalesce(p.manager_id, 0),"\
  " m.ext_id, p.gender, p.active, p.active_from, p.active_to"                       \
  " FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id"

void
dk_person_free (DkPerson *p)
{
  if (p == NULL)
    return;
  g_free (p->ext_id);
  g_free (p->name);
  g_free (p->email);
  g_free (p->unit_path);
  g_free (p->role);
  g_free (p->manager_ext_id);
  g_free (p->active_from);
  g_free (p->active_to);
  g_free (p);
}

static DkPerson *
person_from_row (sqlite3_stmt *stmt)
{
  DkPerson *p = g_new0 (DkPerson, 1);
  p->id = sqlite3_column_int64 (stmt, 0);
  p->ext_id = dk_store_column_dup (stmt, 1);
  p->name = dk_store_column_dup (stmt, 2);
  p->email = dk_store_column_dup (stmt, 3);
  p->unit_id = sqlite3_column_int64 (stmt, 4);
  p->unit_path = dk_store_column_dup (stmt, 5);
  p->role = dk_store_column_dup (stmt, 6);
  p->manager_id = sqlite3_column_int64 (stmt, 7);
  p->manager_ext_id = dk_store_column_dup (stmt, 8);
  dk_gender_parse ((const char *) sqlite3_column_text (stmt, 9), &p->gender);
  p->active = sqlite3_column_int (stmt, 10) != 0;
  p->active_from = dk_store_column_dup (stmt, 11);
  p->active_to = dk_store_column_dup (stmt, 12);
  return p;
}

static DkPerson *
person_query_one (DkStore *store, const char *where, const char *text, gint64 id,
                  const char *missing_name, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " PERSON_COLUMNS " WHERE %s", where);
  sqlite3_stmt *stmt = dk_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    dk_store_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  DkPerson *p = NULL;
  DkStoreStep step = dk_store_step (store, stmt, S_("reading a person"), error);
  if (step == DK_STORE_STEP_ROW)
    p = person_from_row (stmt);
  else if (step == DK_STORE_STEP_DONE)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID, S_("no such person: '%s'"), missing_name);
      dk_error_set_hint (error, DK_HINT_ROSTER_IMPORT, NULL, NULL);
    }
  sqlite3_finalize (stmt);
  return p;
}

DkPerson *
dk_store_person (DkStore *store, const char *ext_id, GError **error)
{
  return person_query_one (store, "p.ext_id = ?", ext_id, 0, ext_id, error);
}

gint64
dk_store_person_count (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT count(*) FROM person", error);
  if (stmt == NULL)
    return -1;
  gint64 n = dk_store_step (store, stmt, S_("reading people"), error) == DK_STORE_STEP_ROW
             ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_finalize (stmt);
  return n;
}

gboolean
dk_store_people_foreach (DkStore *store, DkPersonRowFunc func, gpointer user_data, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT id, ext_id, role, unit_id, gender, active FROM person"
                                                " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  DkStoreStep step = DK_STORE_STEP_DONE;
  gboolean go_on = TRUE;
  while (go_on && (step = dk_store_step (store, stmt, S_("reading people"), error)) == DK_STORE_STEP_ROW)
    {
      DkPersonRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .ext_id = (const char *) sqlite3_column_text (stmt, 1),
        .role = (const char *) sqlite3_column_text (stmt, 2),
        .unit_id = sqlite3_column_int64 (stmt, 3),
        .gender = DK_GENDER_NONE,
        .active = sqlite3_column_int (stmt, 5) != 0,
      };
      dk_gender_parse ((const char *) sqlite3_column_text (stmt, 4), &row.gender);
      go_on = func (&row, user_data);
    }
  sqlite3_finalize (stmt);
  return !go_on || step != DK_STORE_STEP_ERROR;
}

DkPerson *
dk_store_person_find (DkStore *store, const char *ext_id, GError **error)
{
  g_autoptr (GError) missing = NULL;
  DkPerson *p = dk_store_person (store, ext_id, &missing);
  if (p == NULL && !g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID))
    g_propagate_error (error, g_steal_pointer (&missing));
  return p;
}

DkPerson *
dk_store_person_by_id (DkStore *store, gint64 id, GError **error)
{
  g_autofree char *name = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return person_query_one (store, "p.id = ?", NULL, id, name, error);
}

GPtrArray *
dk_store_people_managed_by (DkStore *store, gint64 manager, gboolean subtree, GError **error)
{
  const char *sql = subtree
      ? "WITH RECURSIVE below(id) AS (SELECT id FROM person WHERE manager_id = ?1"
        " UNION SELECT p.id FROM person p JOIN below b ON p.manager_id = b.id)"
        " SELECT " PERSON_COLUMNS " WHERE p.id IN below AND p.active ORDER BY p.name"
      : "SELECT " PERSON_COLUMNS " WHERE p.manager_id = ?1 AND p.active ORDER BY p.name";
  sqlite3_stmt *stmt = dk_store_prepare_kept (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, manager);
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_person_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading people"), error)) == DK_STORE_STEP_ROW)
    g_ptr_array_add (people, person_from_row (stmt));
  dk_store_release (store, stmt);
  if (step == DK_STORE_STEP_ERROR)
    {
      g_ptr_array_unref (people);
      return NULL;
    }
  return people;
}

/* Audits each field of NEW that differs from OLD (OLD NULL: a new person). */
static gboolean
audit_person_changes (DkStore *store, const DkPerson *old, const DkPerson *new,
                      const DkContext *ctx, GError **error)
{
  if (old == NULL)
    {
      /* one row for a new person: a roster of a million people is a
       * million rows, not nine million */
      g_autofree char *added = g_strdup_printf ("%s; %s; %s; manager %s; %s", new->name, new->unit_path,
                                                new->role, new->manager_ext_id ? new->manager_ext_id : "-",
                                                dk_gender_code (new->gender));
      return dk_store_audit (store, ctx, "person", new->id, 0, "added", NULL, added, error);
    }
  const struct { const char *field; const char *before, *after; } fields[] = {
    { "name", old ? old->name : NULL, new->name },
    { "email", old ? old->email : NULL, new->email },
    { "unit", old ? old->unit_path : NULL, new->unit_path },
    { "role", old ? old->role : NULL, new->role },
    { "manager", old ? old->manager_ext_id : NULL, new->manager_ext_id },
    { "gender", old ? dk_gender_code (old->gender) : NULL, dk_gender_code (new->gender) },
    { "active", old ? (old->active ? "yes" : "no") : NULL, new->active ? "yes" : "no" },
    { "active_from", old ? old->active_from : NULL, new->active_from },
    { "active_to", old ? old->active_to : NULL, new->active_to },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].before, fields[i].after) != 0
        && !dk_store_audit (store, ctx, "person", new->id, 0, fields[i].field,
                            fields[i].before, fields[i].after, error))
      return FALSE;
  return TRUE;
}

static gboolean
person_write (DkStore *store, const DkPerson *p, gboolean insert, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store,
      insert ? "INSERT INTO person (name, email, unit_id, role, manager_id, gender, active,"
               " active_from, active_to, ext_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
             : "UPDATE person SET name = ?, email = ?, unit_id = ?, role = ?, manager_id = ?,"
               " gender = ?, active = ?, active_from = ?, active_to = ? WHERE ext_id = ?",
      error);
  if (stmt == NULL)
    return FALSE;
  dk_store_bind_text (stmt, 1, p->name);
  dk_store_bind_text (stmt, 2, p->email);
  sqlite3_bind_int64 (stmt, 3, p->unit_id);
  dk_store_bind_text (stmt, 4, p->role);
  if (p->manager_id != 0)
    sqlite3_bind_int64 (stmt, 5, p->manager_id);
  dk_store_bind_text (stmt, 6, dk_gender_code (p->gender));
  sqlite3_bind_int (stmt, 7, p->active);
  dk_store_bind_text (stmt, 8, p->active_from);
  dk_store_bind_text (stmt, 9, p->active_to);
  dk_store_bind_text (stmt, 10, p->ext_id);
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
person_differs (const DkPerson *a, const DkPerson *b)
{
  return g_strcmp0 (a->name, b->name) || g_strcmp0 (a->email, b->email)
         || a->unit_id != b->unit_id || g_strcmp0 (a->role, b->role)
         || a->manager_id != b->manager_id || a->gender != b->gender
         || a->active != b->active || g_strcmp0 (a->active_from, b->active_from)
         || g_strcmp0 (a->active_to, b->active_to);
}

/* A round counts each person in their current unit while it is open and
 * in their unit at closing once closed: a move changes the unit of the
 * person's assessments in the open rounds (in the caller's transaction),
 * and closing leaves the rows as they are.  The unit stays in the row, so
 * that a report's scan needs no join. */
static gboolean
move_in_open_rounds (DkStore *store, const DkPerson *person, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "UPDATE assessment SET unit_id = ?1 WHERE person_id = ?2"
             " AND round_id IN (SELECT id FROM round WHERE state = 'open')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->unit_id);
  sqlite3_bind_int64 (stmt, 2, person->id);
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
dk_store_person_put (DkStore *store, DkPerson *person, const DkContext *ctx, int *changed,
                     GError **error)
{
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkPerson) old = dk_store_person (store, person->ext_id, &missing);
  if (old == NULL && !g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID))
    {
      g_propagate_error (error, g_steal_pointer (&missing));
      return FALSE;
    }
  *changed = old == NULL ? 1 : person_differs (old, person) ? 2 : 0;
  if (*changed == 0)
    {
      person->id = old->id;
      return TRUE;
    }
  if (!person_write (store, person, old == NULL, error))
    return FALSE;
  person->id = old != NULL ? old->id : sqlite3_last_insert_rowid (store->db);
  return (old == NULL || old->unit_id == person->unit_id || move_in_open_rounds (store, person, error))
         && audit_person_changes (store, old, person, ctx, error);
}

gint64
dk_store_people_deactivate_missing (DkStore *store, GHashTable *keep, const DkContext *ctx,
                                    GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT id, ext_id FROM person WHERE active", error);
  if (stmt == NULL)
    return -1;
  g_autoptr (GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading people"), error)) == DK_STORE_STEP_ROW)
    if (!g_hash_table_contains (keep, sqlite3_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (gone, id);
      }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    return -1;

  stmt = dk_store_prepare (store, "UPDATE person SET active = 0 WHERE id = ?", error);
  if (stmt == NULL)
    return -1;
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < gone->len; i++)
    {
      gint64 id = g_array_index (gone, gint64, i);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      ok = dk_store_step_done (store, stmt, error)
           && dk_store_audit (store, ctx, "person", id, 0, "active", "yes", "no", error);
    }
  sqlite3_finalize (stmt);
  return ok ? (gint64) gone->len : -1;
}
