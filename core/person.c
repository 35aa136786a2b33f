/*
 * person.c — a person's own data: audit trail, export, erasure.
 */
#include "person.h"

#include "dk-json.h"
#include <string.h>

void
dk_audit_row_free (DkAuditRow *row)
{
  if (row == NULL)
    return;
  g_free (row->at);
  g_free (row->actor);
  g_free (row->entity);
  g_free (row->round);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row);
}

static char *
column_dup (sqlite3_stmt *stmt, int i)
{
  const unsigned char *t = sqlite3_column_text (stmt, i);
  return t != NULL ? g_strdup ((const char *) t) : NULL;
}

GPtrArray *
dk_person_audit (DkStore *store, const char *person, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  if (p == NULL)
    return NULL;
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (dk_store_db (store),
                          "SELECT a.at, a.actor, a.entity, r.code, a.field, a.old_value, a.new_value"
                          " FROM audit a LEFT JOIN round r ON r.id = a.round_id"
                          " WHERE a.person_id = ? ORDER BY a.id", -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, _("reading the audit log"), error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, p->id);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_audit_row_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DkAuditRow *row = g_new0 (DkAuditRow, 1);
      row->at = column_dup (stmt, 0);
      row->actor = column_dup (stmt, 1);
      row->entity = column_dup (stmt, 2);
      row->round = column_dup (stmt, 3);
      row->field = column_dup (stmt, 4);
      row->old_value = column_dup (stmt, 5);
      row->new_value = column_dup (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  return rows;
}

/* ---- export ----------------------------------------------------------------------- */

static void
member_level (JsonBuilder *b, const char *name, guint8 level)
{
  json_builder_set_member_name (b, name);
  if (level == DK_LEVEL_NONE || level == DK_LEVEL_DONT_KNOW)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, level);
}

static void
add_competences (JsonBuilder *b, const DkFramework *fw, const DkAssessment *a, GPtrArray *notes)
{
  json_builder_set_member_name (b, "competences");
  json_builder_begin_array (b);
  for (guint c = 0; c < MIN (a->n, dk_framework_n_competences (fw)); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      if (!dk_framework_applies (fw, a->role, c))
        continue;
      json_builder_begin_object (b);
      dk_json_add_string (b, "competence", comp->id);
      member_level (b, "self", a->self[c]);
      json_builder_set_member_name (b, "dont_know");
      json_builder_add_boolean_value (b, a->self[c] == DK_LEVEL_DONT_KNOW);
      member_level (b, "manager", a->manager[c]);
      member_level (b, "motivation", a->motivation[c]);
      for (guint n = 0; n < notes->len; n++)
        {
          DkRatingNote *note = g_ptr_array_index (notes, n);
          if (strcmp (note->competence, comp->id) != 0)
            continue;
          dk_json_add_string (b, "comment", note->comment);
          dk_json_add_string (b, "reason", note->reason);
          dk_json_add_string (b, "adjusted_by", note->adjusted_by);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static gboolean
add_assessments (JsonBuilder *b, DkStore *store, const DkPerson *p, GError **error)
{
  g_autoptr (GPtrArray) rounds = dk_store_rounds (store, error);
  if (rounds == NULL)
    return FALSE;
  json_builder_set_member_name (b, "assessments");
  json_builder_begin_array (b);
  for (guint i = 0; i < rounds->len; i++)
    {
      DkRound *r = g_ptr_array_index (rounds, i);
      g_autoptr (DkAssessment) a = dk_store_assessment (store, r->id, p->id, NULL);
      if (a == NULL)
        continue;
      g_autoptr (DkFramework) fw = dk_store_round_framework (store, r, error);
      g_autoptr (GPtrArray) notes = fw ? dk_store_rating_notes (store, r->id, p->id, error) : NULL;
      if (notes == NULL)
        return FALSE;
      json_builder_begin_object (b);
      dk_json_add_string (b, "round", r->code);
      dk_json_add_string (b, "framework", r->framework_id);
      json_builder_set_member_name (b, "shared");
      json_builder_add_boolean_value (b, (a->flags & DK_ASSESS_SHARED) != 0);
      dk_json_add_string (b, "shared_at", a->shared_at);
      dk_json_add_string (b, "conversation", a->conversation_at);
      add_competences (b, fw, a, notes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static gboolean
add_audit (JsonBuilder *b, DkStore *store, const char *person, GError **error)
{
  g_autoptr (GPtrArray) rows = dk_person_audit (store, person, error);
  if (rows == NULL)
    return FALSE;
  json_builder_set_member_name (b, "audit");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      DkAuditRow *row = g_ptr_array_index (rows, i);
      json_builder_begin_object (b);
      dk_json_add_string (b, "at", row->at);
      dk_json_add_string (b, "by", row->actor);
      dk_json_add_string (b, "what", row->entity);
      dk_json_add_string (b, "round", row->round);
      dk_json_add_string (b, "field", row->field);
      dk_json_add_string (b, "old", row->old_value);
      dk_json_add_string (b, "new", row->new_value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

/* Adds member NAME: an array of objects, one per row of SQL (?1 = the
 * person's store id), with the column names as keys and text values. */
static gboolean
add_rows (JsonBuilder *b, DkStore *store, const char *name, const char *sql, gint64 person, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (dk_store_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    return dk_store_sql_error (store, name, error);
  sqlite3_bind_int64 (stmt, 1, person);
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        dk_json_add_string (b, sqlite3_column_name (stmt, c), (const char *) sqlite3_column_text (stmt, c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  sqlite3_finalize (stmt);
  return TRUE;
}

char *
dk_person_export_json (DkStore *store, const char *person, GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  if (p == NULL)
    return NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "person");
  json_builder_begin_object (b);
  dk_json_add_string (b, "person_id", p->ext_id);
  dk_json_add_string (b, "name", p->name);
  dk_json_add_string (b, "email", p->email);
  dk_json_add_string (b, "unit", p->unit_path);
  dk_json_add_string (b, "role", p->role);
  dk_json_add_string (b, "manager_id", p->manager_ext_id);
  dk_json_add_string (b, "gender", dk_gender_code (p->gender));
  json_builder_set_member_name (b, "active");
  json_builder_add_boolean_value (b, p->active);
  dk_json_add_string (b, "active_from", p->active_from);
  dk_json_add_string (b, "active_to", p->active_to);
  json_builder_end_object (b);
  if (!add_assessments (b, store, p, error)
      || !add_rows (b, store, "plan_items",
                    "SELECT r.code AS round, pl.state, pl.agreed_at, pl.agreed_by, pl.follow_up_at,"
                    " pl.follow_up_notes, i.competence, i.target, i.activity_id AS activity, i.wish, i.due,"
                    " i.status FROM plan pl JOIN round r ON r.id = pl.round_id"
                    " LEFT JOIN plan_item i ON i.plan_id = pl.id WHERE pl.person_id = ?1 ORDER BY pl.id, i.id",
                    p->id, error)
      || !add_rows (b, store, "participation",
                    "SELECT activity_id AS activity, date, hours, status FROM participation"
                    " WHERE person_id = ?1 ORDER BY date", p->id, error)
      || !add_audit (b, store, person, error))
    return NULL;
  json_builder_end_object (b);
  return dk_json_to_text (b);
}

/* ---- erasure -------------------------------------------------------------------------- */

/* Runs SQL with ?1 = the person's store id (?2 = their external id) and
 * returns how many rows changed, or -1. */
static int
run (DkStore *store, const char *sql, const DkPerson *p, GError **error)
{
  sqlite3 *db = dk_store_db (store);
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, _("erasing"), error);
      return -1;
    }
  sqlite3_bind_int64 (stmt, 1, p->id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, p->ext_id, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step (stmt);
  int changes = sqlite3_changes (db);
  int count = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : changes;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      dk_store_sql_error (store, _("erasing"), error);
      return -1;
    }
  return count;
}

static gboolean
count_erasure (DkStore *store, const DkPerson *p, DkEraseSummary *s, GError **error)
{
  int v[4] = {
    run (store, "SELECT count(*) FROM assessment a JOIN round r ON r.id = a.round_id"
                " WHERE a.person_id = ?1 AND r.state = 'open'", p, error),
    run (store, "SELECT count(*) FROM assessment a JOIN round r ON r.id = a.round_id"
                " WHERE a.person_id = ?1 AND r.state = 'closed'", p, error),
    run (store, "SELECT count(*) FROM rating_note WHERE person_id = ?1", p, error),
    run (store, "SELECT count(*) FROM audit WHERE person_id = ?1", p, error),
  };
  int reports = run (store, "SELECT count(*) FROM person WHERE manager_id = ?1", p, error);
  if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0 || reports < 0)
    return FALSE;
  *s = (DkEraseSummary) { (guint) v[0], (guint) v[1], (guint) v[2], (guint) v[3], (guint) reports };
  return TRUE;
}

static gboolean
erase_rows (DkStore *store, const DkPerson *p, GError **error)
{
  static const char *steps[] = {
    "DELETE FROM assessment WHERE person_id = ?1 AND round_id IN"
    " (SELECT id FROM round WHERE state = 'open')",
    /* closed rounds keep the row, under a new anonymous (negative) id */
    "UPDATE assessment SET person_id = (SELECT min(0, coalesce(min(person_id), 0)) - 1"
    " FROM assessment), shared_at = NULL, conversation_at = CASE WHEN conversation_at IS NULL"
    " THEN NULL ELSE '' END WHERE person_id = ?1",
    "DELETE FROM rating_note WHERE person_id = ?1",
    "DELETE FROM audit WHERE person_id = ?1",
    "UPDATE audit SET actor = 'erased person' WHERE actor = ?2 OR actor = 'hr:' || ?2",
    "UPDATE rating_note SET adjusted_by = 'erased person' WHERE adjusted_by = ?2",
    "UPDATE person SET manager_id = NULL WHERE manager_id = ?1",
    "DELETE FROM person WHERE id = ?1",
  };
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* anonymise one closed-round row at a time: each gets its own id */
      if (i == 1)
        while (run (store, "SELECT count(*) FROM assessment WHERE person_id = ?1", p, error) > 0)
          {
            g_autofree char *one = g_strdup_printf ("%s AND round_id = (SELECT min(round_id) FROM"
                                                    " assessment WHERE person_id = ?1)", steps[1]);
            if (run (store, one, p, error) < 0)
              return FALSE;
          }
      else if (run (store, steps[i], p, error) < 0)
        return FALSE;
    }
  return dk_store_audit (store, dk_store_actor (), "person", 0, 0, "erased", NULL,
                         _("one person's data"), error);
}

gboolean
dk_person_erase (DkStore *store, const char *person, gboolean dry_run, DkEraseSummary *summary,
                 GError **error)
{
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  if (p == NULL || !count_erasure (store, p, summary, error))
    return FALSE;
  if (dry_run)
    return TRUE;
  gboolean ok = dk_store_begin (store, error) && erase_rows (store, p, error)
                && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}
