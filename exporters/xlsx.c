/*
 * xlsx.c — a report as an XLSX workbook (libxlsxwriter): one sheet per
 * table, numbers as numbers, percentages as fractions formatted 0.0%.
 */
#include "module.h"
#include "report-model-private.h"
#include "atomic-file.h"

#include <string.h>
#include <xlsxwriter.h>

/* Returns a sheet name Excel accepts (≤ 31 characters, none of []:*?/\),
 * unique within the workbook thanks to the table's position. */
static char *
sheet_name (const DkTable *t, guint index)
{
  g_autofree char *clean = g_strdup (t->name != NULL ? t->name : "table");
  g_strdelimit (clean, "[]:*?/\\", '_');
  g_autofree char *numbered = g_strdup_printf ("%u %s", index + 1, clean);
  /* Cut at a character boundary. */
  const char *end = g_utf8_offset_to_pointer (numbered, MIN (31, g_utf8_strlen (numbered, -1)));
  return g_strndup (numbered, (gsize) (end - numbered));
}

typedef struct {
  lxw_format *header, *percent, *level, *points, *level_change, *hours;
} Formats;

static void
write_cell (lxw_worksheet *ws, const Formats *f, int row, int col, const DkColumn *c,
            const DkCell *cell)
{
  switch (cell->state)
    {
    case DK_CELL_EMPTY:
      return;
    case DK_CELL_SUPPRESSED:
      worksheet_write_string (ws, row, col, DK_SUPPRESSED_MARK, NULL);
      return;
    case DK_CELL_TEXT:
      {
        /* write_string never makes a formula; the prefix keeps a copied
         * cell harmless too, as in CSV. */
        g_autofree char *safe = dk_neutralise_formula (cell->text);
        worksheet_write_string (ws, row, col, safe, NULL);
        return;
      }
    case DK_CELL_NUMBER:
      break;
    }
  lxw_format *fmt = c->kind == DK_COLUMN_PERCENT ? f->percent
                    : c->kind == DK_COLUMN_LEVEL ? f->level
                    : c->kind == DK_COLUMN_HOURS ? f->hours
                    : c->kind == DK_COLUMN_POINTS ? f->points
                    : c->kind == DK_COLUMN_LEVEL_CHANGE ? f->level_change : NULL;
  worksheet_write_number (ws, row, col, cell->number, fmt);
}

static void
write_sheet (lxw_workbook *wb, const Formats *f, const DkTable *t, guint index)
{
  g_autofree char *name = sheet_name (t, index);
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);
  for (guint c = 0; c < dk_table_n_columns (t); c++)
    {
      const DkColumn *col = dk_table_column (t, c);
      worksheet_write_string (ws, 0, (lxw_col_t) c, col->label, f->header);
      double width = MAX (10, MIN (50, g_utf8_strlen (col->label, -1) + 2));
      if (col->kind == DK_COLUMN_TEXT)
        width = MAX (width, 24);
      worksheet_set_column (ws, (lxw_col_t) c, (lxw_col_t) c, width, NULL);
    }
  for (guint r = 0; r < dk_table_n_rows (t); r++)
    for (guint c = 0; c < dk_table_n_columns (t); c++)
      write_cell (ws, f, (int) r + 1, (int) c, dk_table_column (t, c), dk_table_cell (t, r, c));
  worksheet_freeze_panes (ws, 1, 0);
}

/* Writes the workbook of the report (USER_DATA) to TMP (a DkFileWriter). */
static gboolean
write_workbook (const char *tmp, const char *path, gconstpointer user_data, GError **error)
{
  const DkReport *r = user_data;
  lxw_workbook *wb = workbook_new (tmp);
  if (wb == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("cannot create %s"), path);
      return FALSE;
    }
  Formats f;
  f.header = workbook_add_format (wb);
  format_set_bold (f.header);
  format_set_bg_color (f.header, 0xEEF2F7);
  f.percent = workbook_add_format (wb);
  format_set_num_format (f.percent, "0.0%");
  f.level = workbook_add_format (wb);
  format_set_num_format (f.level, "0.00");
  f.points = workbook_add_format (wb);
  format_set_num_format (f.points, "+0.0;-0.0;0.0");
  f.hours = workbook_add_format (wb);
  format_set_num_format (f.hours, "0.0");
  f.level_change = workbook_add_format (wb);
  format_set_num_format (f.level_change, "+0.00;-0.00;0.00");
  for (guint i = 0; i < r->tables->len; i++)
    write_sheet (wb, &f, g_ptr_array_index (r->tables, i), i);
  if (r->tables->len == 0)
    workbook_add_worksheet (wb, NULL);
  lxw_error rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("cannot write %s: %s"), path,
                   lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
dk_export_xlsx (const DkReport *r, const char *path, GError **error)
{
  return dk_file_replace (path, write_workbook, r, error);
}
