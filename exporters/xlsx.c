/*
 * xlsx.c — a report as an XLSX workbook (libxlsxwriter), laid out as HR
 * would build it by hand: one sheet per table, named by its title in the
 * reader's language; a title row, the report's title (with the round) and
 * its notes (the suppression rule) above a frozen header row; columns as
 * wide as their contents; numbers as numbers — percentages as fractions
 * formatted 0.0%, changes with a sign — never text that looks like one.
 */
#include "module.h"
#include "report-model-private.h"
#include "atomic-file.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <pthread.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define SHEET_NAME_MAX 31   /* Excel's limit, in characters */

/* Returns a sheet name Excel accepts for table T: its title (≤ 31
 * characters, none of []:*?/\), made unique among USED (case-insensitively,
 * as Excel compares) with " (2)", " (3)"… */
static char *
sheet_name (const DkTable *t, GHashTable *used)
{
  g_autofree char *clean = g_strdup (t->title != NULL ? t->title : t->name != NULL ? t->name : "Tabell");
  g_strdelimit (clean, "[]:*?/\\", '-');
  g_strstrip (clean);
  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = SHEET_NAME_MAX - g_utf8_strlen (suffix, -1);
      /* cut at a character boundary */
      const char *end = g_utf8_offset_to_pointer (clean, MIN (room, g_utf8_strlen (clean, -1)));
      g_autofree char *stem = g_strndup (clean, (gsize) (end - clean));
      g_strchomp (stem);
      char *name = g_strconcat (stem, suffix, NULL);
      g_autofree char *key = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return name;
        }
      g_free (name);
    }
}

typedef struct {
  lxw_format *title, *subtitle, *note, *header, *text, *integer, *percent, *level, *points, *level_change,
             *hours, *suppressed;
} Formats;

static lxw_format *
number_format (const Formats *f, DkColumnKind kind)
{
  switch (kind)
    {
    case DK_COLUMN_PERCENT:      return f->percent;
    case DK_COLUMN_LEVEL:        return f->level;
    case DK_COLUMN_HOURS:        return f->hours;
    case DK_COLUMN_POINTS:       return f->points;
    case DK_COLUMN_LEVEL_CHANGE: return f->level_change;
    default:                     return f->integer;
    }
}

static void
write_cell (lxw_worksheet *ws, const Formats *f, int row, int col, const DkColumn *c, const DkCell *cell)
{
  switch (cell->state)
    {
    case DK_CELL_EMPTY:
      return;
    case DK_CELL_SUPPRESSED:
      worksheet_write_string (ws, row, col, DK_SUPPRESSED_MARK, f->suppressed);
      return;
    case DK_CELL_TEXT:
      {
        /* write_string never makes a formula; the prefix keeps a copied
         * cell harmless too, as in CSV. */
        g_autofree char *safe = dk_neutralise_formula (cell->text);
        worksheet_write_string (ws, row, col, safe, f->text);
        return;
      }
    case DK_CELL_NUMBER:
      break;
    }
  DkColumnKind kind = dk_cell_kind (c, cell);
  /* the model holds the number at its published precision already */
  worksheet_write_number (ws, row, col, cell->number, number_format (f, kind));
}

/* Returns how wide column C should be, in characters: its widest cell as
 * people read it, within reason. */
static double
column_width (const DkTable *t, guint c, DkLang lang)
{
  const DkColumn *col = dk_table_column (t, c);
  /* a heading may wrap onto two lines at a space */
  glong widest = 0, word = 0;
  for (const char *p = col->label; *p != '\0'; p = g_utf8_next_char (p))
    word = *p == ' ' ? 0 : word + 1, widest = MAX (widest, word);
  widest = MAX (widest, (g_utf8_strlen (col->label, -1) + 1) / 2);
  for (guint r = 0; r < dk_table_n_rows (t); r++)
    {
      g_autofree char *s = dk_cell_display (col, dk_table_cell (t, r, c), lang);
      widest = MAX (widest, g_utf8_strlen (s, -1));
    }
  return MIN (60, MAX (8, widest + 2));
}

static void
write_sheet (lxw_workbook *wb, const Formats *f, const DkReport *r, const DkTable *t, GHashTable *used)
{
  g_autofree char *name = sheet_name (t, used);
  lxw_worksheet *ws = workbook_add_worksheet (wb, name);
  guint n = dk_table_n_columns (t);
  int row = 0;
  worksheet_write_string (ws, row++, 0, t->title != NULL ? t->title : name, f->title);
  worksheet_write_string (ws, row++, 0, r->title, f->subtitle);
  for (guint i = 0; i < r->notes->len; i++)
    worksheet_write_string (ws, row++, 0, r->notes->pdata[i], f->note);
  row++;
  int header = row++;
  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (ws, header, (lxw_col_t) c, dk_table_column (t, c)->label, f->header);
      worksheet_set_column (ws, (lxw_col_t) c, (lxw_col_t) c, column_width (t, c, r->lang), NULL);
    }
  worksheet_set_row (ws, header, 30, NULL);
  for (guint i = 0; i < dk_table_n_rows (t); i++, row++)
    for (guint c = 0; c < n; c++)
      write_cell (ws, f, row, (int) c, dk_table_column (t, c), dk_table_cell (t, i, c));
  if (dk_table_n_rows (t) == 0)
    worksheet_write_string (ws, row, 0, dk_table_empty_text (r->lang), f->note);
  /* the title, the notes and the header stay in view while scrolling */
  worksheet_freeze_panes (ws, header + 1, 0);
  /* codes such as "1.1" are names, not numbers: Excel should not offer to
   * convert them */
  g_autofree char *all = g_strdup_printf ("A%d:%s%d", header + 2, "Z", row + 1);
  worksheet_ignore_errors (ws, LXW_IGNORE_NUMBER_STORED_AS_TEXT, all);
  if (n > 0)
    worksheet_autofilter (ws, header, 0, header + (int) dk_table_n_rows (t), (lxw_col_t) (n - 1));
}

static lxw_format *
format_new (lxw_workbook *wb, const char *num_format)
{
  lxw_format *f = workbook_add_format (wb);
  if (num_format != NULL)
    format_set_num_format (f, num_format);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static void
formats_init (lxw_workbook *wb, Formats *f)
{
  f->title = workbook_add_format (wb);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->subtitle = workbook_add_format (wb);
  format_set_font_size (f->subtitle, 11);
  f->note = workbook_add_format (wb);
  format_set_italic (f->note);
  format_set_font_color (f->note, 0x4A5566);
  f->header = format_new (wb, NULL);
  format_set_bold (f->header);
  format_set_text_wrap (f->header);
  format_set_bg_color (f->header, 0xEEF2F7);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  f->text = format_new (wb, NULL);
  f->integer = format_new (wb, "0");
  f->percent = format_new (wb, "0.0%");
  f->level = format_new (wb, "0.00");
  f->points = format_new (wb, "+0.0;-0.0;0.0");
  f->hours = format_new (wb, "0.0");
  f->level_change = format_new (wb, "+0.00;-0.00;0.00");
  f->suppressed = format_new (wb, NULL);
  format_set_align (f->suppressed, LXW_ALIGN_RIGHT);
  format_set_font_color (f->suppressed, 0x777777);
}

/* Held while a workbook closes.  libxlsxwriter writes docProps/core.xml's
 * dcterms:created and dcterms:modified through gmtime(), whose one static
 * result every thread shares: two workbooks closing at once (two
 * downloads on the server) could each stamp the other's time, or a torn
 * one.  pthread's, not GLib's, so that ThreadSanitizer sees it. */
static pthread_mutex_t closing = PTHREAD_MUTEX_INITIALIZER;

/* Returns workbook_close (WB) run with the C locale's numbers in this
 * thread: libxlsxwriter writes every cell's number with snprintf when it
 * closes the workbook, and under a locale with a decimal comma <v>0,297</v>
 * reads as text, or as 0.  The C locale object is static (no allocation);
 * messages are made after, in the reader's language.  One workbook closes
 * at a time (see CLOSING). */
static lxw_error
close_with_c_numbers (lxw_workbook *wb)
{
  locale_t c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  if (c == (locale_t) 0)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  locale_t was = uselocale (c);
  pthread_mutex_lock (&closing);
  lxw_error rc = workbook_close (wb);
  pthread_mutex_unlock (&closing);
  uselocale (was);
  freelocale (c);
  return rc;
}

/* Writes the workbook of the report (USER_DATA) to TMP (a DkFileWriter). */
static gboolean
write_workbook (const char *tmp, const char *path, gconstpointer user_data, GError **error)
{
  const DkReport *r = user_data;
  lxw_workbook *wb = workbook_new (tmp);
  if (wb == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, T_ (r->lang, "cannot create %s"), path);
      return FALSE;
    }
  Formats f;
  formats_init (wb, &f);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < r->tables->len; i++)
    write_sheet (wb, &f, r, g_ptr_array_index (r->tables, i), used);
  if (r->tables->len == 0)
    workbook_add_worksheet (wb, NULL);
  lxw_error rc = close_with_c_numbers (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, T_ (r->lang, "cannot write %s: %s"), path,
                   lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

GBytes *
dk_export_xlsx_bytes (const DkReport *r, GError **error)
{
  /* libxlsxwriter writes only files: a private (0600) temporary one, read
   * back and removed */
  g_autofree char *tmp = NULL;
  int fd = g_file_open_tmp ("digikomp-XXXXXX.xlsx", &tmp, error);
  if (fd < 0)
    return NULL;
  close (fd);
  char *data = NULL;
  gsize len = 0;
  gboolean ok = write_workbook (tmp, tmp, r, error) && g_file_get_contents (tmp, &data, &len, error);
  g_unlink (tmp);
  return ok ? g_bytes_new_take (data, len) : NULL;
}
