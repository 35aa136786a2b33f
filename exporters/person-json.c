/*
 * person-json.c — everything stored about a person as JSON (json-glib), for
 * dk_person_export_json.
 */
#include "module.h"
#include "person-data.h"

#include "json.h"
#include <string.h>

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
      g_autoptr (GError) missing = NULL;
      g_autoptr (DkAssessment) a = dk_store_assessment (store, r->id, p->id, &missing);
      if (a == NULL && g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
        continue;   /* not registered in this round */
      if (a == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&missing));
          return FALSE;
        }
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

/* Adds member NAME: an array of objects, one per row of RECORDS (NULL:
 * FALSE), with the column names as keys and text values. */
static gboolean
add_records (JsonBuilder *b, const char *name, DkRecords *records)
{
  g_autoptr (DkRecords) r = records;
  if (r == NULL)
    return FALSE;
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < dk_records_n_rows (r); i++)
    {
      json_builder_begin_object (b);
      for (guint c = 0; c < dk_records_n_columns (r); c++)
        dk_json_add_string (b, dk_records_column (r, c), dk_records_text (r, i, c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

char *
dk_export_person_json (DkStore *store, const DkPerson *p, GError **error)
{
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
      || !add_records (b, "plan_items", dk_store_person_plan_items (store, p->id, error))
      || !add_records (b, "plan_follow_ups", dk_store_person_follow_ups (store, p->id, error))
      || !add_records (b, "participation", dk_store_person_participation (store, p->id, error))
      || !add_audit (b, store, p->ext_id, error))
    return NULL;
  json_builder_end_object (b);
  return dk_json_to_text (b);
}
