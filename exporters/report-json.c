/*
 * report-json.c — a report as JSON (json-glib).
 *
 * {"title": …, "notes": […], "tables": [{"name", "title", "columns": [{key,
 * label, kind}], "rows": [{KEY: value, …, "suppressed": [KEY…]}]}]}
 * Numbers are numbers (percent as the fraction 0..1); an empty cell is
 * absent; a suppressed cell is null and its key is listed in "suppressed".
 */
#include "module.h"
#include "report-model-private.h"

#include "json.h"

static const char *
kind_name (DkColumnKind kind)
{
  static const char *const names[] = {
    [DK_COLUMN_TEXT] = "text", [DK_COLUMN_INTEGER] = "integer", [DK_COLUMN_LEVEL] = "level",
    [DK_COLUMN_PERCENT] = "percent", [DK_COLUMN_POINTS] = "points",
    [DK_COLUMN_LEVEL_CHANGE] = "level-change", [DK_COLUMN_HOURS] = "hours",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (names) == DK_COLUMN_HOURS + 1);
  return names[kind];
}

static void
add_columns (JsonBuilder *b, const DkTable *t)
{
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < dk_table_n_columns (t); c++)
    {
      const DkColumn *col = dk_table_column (t, c);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, col->key);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, col->label);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kind_name (col->kind));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_row (JsonBuilder *b, const DkTable *t, guint r)
{
  g_autoptr (GPtrArray) suppressed = g_ptr_array_new ();
  g_autoptr (GPtrArray) own_kinds = g_ptr_array_new ();
  json_builder_begin_object (b);
  for (guint c = 0; c < dk_table_n_columns (t); c++)
    {
      const DkColumn *col = dk_table_column (t, c);
      const DkCell *cell = dk_table_cell (t, r, c);
      if (cell->state == DK_CELL_EMPTY)
        continue;
      json_builder_set_member_name (b, col->key);
      if (cell->state == DK_CELL_SUPPRESSED)
        {
          json_builder_add_null_value (b);
          g_ptr_array_add (suppressed, col->key);
        }
      else if (cell->state == DK_CELL_TEXT)
        json_builder_add_string_value (b, cell->text);
      else if (dk_cell_kind (col, cell) == DK_COLUMN_INTEGER)
        json_builder_add_int_value (b, (gint64) cell->number);
      else
        json_builder_add_double_value (b, cell->number);
      if (cell->state == DK_CELL_NUMBER && cell->own_kind)
        g_ptr_array_add (own_kinds, GUINT_TO_POINTER (c));
    }
  /* a number whose kind is not its column's says what it is */
  if (own_kinds->len > 0)
    {
      json_builder_set_member_name (b, "kinds");
      json_builder_begin_object (b);
      for (guint i = 0; i < own_kinds->len; i++)
        {
          guint c = GPOINTER_TO_UINT (own_kinds->pdata[i]);
          json_builder_set_member_name (b, dk_table_column (t, c)->key);
          json_builder_add_string_value (b, kind_name (dk_table_cell (t, r, c)->kind));
        }
      json_builder_end_object (b);
    }
  if (suppressed->len > 0)
    {
      json_builder_set_member_name (b, "suppressed");
      json_builder_begin_array (b);
      for (guint i = 0; i < suppressed->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (suppressed, i));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_table (JsonBuilder *b, const DkTable *t)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, t->name);
  if (t->title != NULL)
    {
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, t->title);
    }
  add_columns (b, t);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < dk_table_n_rows (t); r++)
    add_row (b, t, r);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

char *
dk_export_report_json (const DkReport *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, r->title);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (r->notes, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "tables");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->tables->len; i++)
    add_table (b, g_ptr_array_index (r->tables, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  return dk_json_to_text (b);
}
