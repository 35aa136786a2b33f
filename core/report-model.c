/*
 * report-model.c — the table and report model and number formatting.  The
 * renderings live in render-*.c (text, CSV, HTML) and the exporters' module
 * (JSON, XLSX).
 */
#include "report-model-private.h"
#include "enum.h"

#include <math.h>
#include <string.h>

gboolean
dk_format_parse (const char *name, DkFormat *out)
{
  static const char *names[] = { "table", "csv", "json", "html", "xlsx", "pdf" };
  int i = name == NULL ? DK_FORMAT_TABLE : dk_enum_index (names, G_N_ELEMENTS (names), name);
  if (i >= 0)
    *out = (DkFormat) i;
  return i >= 0;
}

/* ---- the model -------------------------------------------------------------- */

static void
column_free (DkColumn *c)
{
  g_free (c->key);
  g_free (c->label);
  g_free (c);
}

DkTable *
dk_table_new (const char *name, const char *title)
{
  DkTable *t = g_new0 (DkTable, 1);
  t->name = g_strdup (name);
  t->title = g_strdup (title);
  t->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  t->rows = g_ptr_array_new_with_free_func (g_free);
  return t;
}

static void
row_free (DkTable *t, DkCell *row)
{
  for (guint c = 0; c < t->columns->len; c++)
    g_free (row[c].text);
}

void
dk_table_free (DkTable *t)
{
  if (t == NULL)
    return;
  for (guint r = 0; r < t->rows->len; r++)
    row_free (t, g_ptr_array_index (t->rows, r));
  g_ptr_array_unref (t->rows);
  g_ptr_array_unref (t->columns);
  g_free (t->name);
  g_free (t->title);
  g_free (t);
}

guint
dk_table_add_column (DkTable *t, const char *key, const char *label, DkColumnKind kind)
{
  g_return_val_if_fail (t->rows->len == 0, 0);
  DkColumn *c = g_new0 (DkColumn, 1);
  c->key = g_strdup (key);
  c->label = g_strdup (label);
  c->kind = kind;
  g_ptr_array_add (t->columns, c);
  return t->columns->len - 1;
}

guint
dk_table_add_row (DkTable *t)
{
  g_ptr_array_add (t->rows, g_new0 (DkCell, t->columns->len));
  return t->rows->len - 1;
}

static DkCell *
cell (DkTable *t, guint row, guint col)
{
  g_assert (row < t->rows->len && col < t->columns->len);
  DkCell *c = (DkCell *) g_ptr_array_index (t->rows, row) + col;
  g_clear_pointer (&c->text, g_free);
  return c;
}

void
dk_table_set_text (DkTable *t, guint row, guint col, const char *text)
{
  DkCell *c = cell (t, row, col);
  c->state = text != NULL ? DK_CELL_TEXT : DK_CELL_EMPTY;
  c->text = g_strdup (text);
}

double
dk_published_value (double value, DkColumnKind kind)
{
  double scale;
  switch (kind)
    {
    case DK_COLUMN_PERCENT:      scale = 1000; break;   /* 38.5 % is 0.385 */
    case DK_COLUMN_POINTS:
    case DK_COLUMN_HOURS:        scale = 10; break;
    case DK_COLUMN_LEVEL:
    case DK_COLUMN_LEVEL_CHANGE: scale = 100; break;
    default:                     scale = 1; break;
    }
  /* + 0.0: a value that rounds to zero is zero, not −0 */
  return round (value * scale) / scale + 0.0;
}

/* Stores VALUE of KIND in cell ROW, COL at the precision it is published at. */
static DkCell *
set_number (DkTable *t, guint row, guint col, double value, DkColumnKind kind)
{
  DkCell *c = cell (t, row, col);
  c->state = isfinite (value) ? DK_CELL_NUMBER : DK_CELL_EMPTY;
  c->number = isfinite (value) ? dk_published_value (value, kind) : 0;
  return c;
}

void
dk_table_set_number (DkTable *t, guint row, guint col, double value)
{
  set_number (t, row, col, value, dk_table_column (t, col)->kind);
}

void
dk_table_set_value (DkTable *t, guint row, guint col, double value, DkColumnKind kind)
{
  DkCell *c = set_number (t, row, col, value, kind);
  c->own_kind = TRUE;
  c->kind = kind;
}

DkColumnKind
dk_cell_kind (const DkColumn *col, const DkCell *c)
{
  return c->own_kind ? c->kind : col->kind;
}

void
dk_table_set_suppressed (DkTable *t, guint row, guint col)
{
  DkCell *c = cell (t, row, col);
  c->state = DK_CELL_SUPPRESSED;
  c->number = 0;
}

void
dk_table_set_emphasis (DkTable *t, guint row, guint col, gboolean emphasis)
{
  g_assert (row < t->rows->len && col < t->columns->len);
  ((DkCell *) g_ptr_array_index (t->rows, row))[col].emphasis = emphasis;
}

guint dk_table_n_rows (const DkTable *t) { return t->rows->len; }

const char *
dk_table_empty_text (DkLang lang)
{
  return T_ (lang, "(nothing to show)");
}
guint dk_table_n_columns (const DkTable *t) { return t->columns->len; }
const char *dk_table_name (const DkTable *t) { return t->name; }

const char *
dk_table_column_key (const DkTable *t, guint col)
{
  g_return_val_if_fail (col < t->columns->len, NULL);
  return ((const DkColumn *) g_ptr_array_index (t->columns, col))->key;
}

const char *
dk_table_column_label (const DkTable *t, guint col)
{
  g_return_val_if_fail (col < t->columns->len, NULL);
  return ((const DkColumn *) g_ptr_array_index (t->columns, col))->label;
}

int
dk_table_find_column (const DkTable *t, const char *key)
{
  for (guint i = 0; i < t->columns->len; i++)
    if (strcmp (((const DkColumn *) g_ptr_array_index (t->columns, i))->key, key) == 0)
      return (int) i;
  return -1;
}

DkTableCellState
dk_table_cell_value (const DkTable *t, guint row, guint col, double *value)
{
  g_return_val_if_fail (row < t->rows->len && col < t->columns->len, DK_TABLE_CELL_EMPTY);
  const DkCell *c = dk_table_cell (t, row, col);
  switch (c->state)
    {
    case DK_CELL_TEXT:       return DK_TABLE_CELL_TEXT;
    case DK_CELL_SUPPRESSED: return DK_TABLE_CELL_SUPPRESSED;
    case DK_CELL_NUMBER:
      if (value != NULL)
        *value = c->number;
      return DK_TABLE_CELL_NUMBER;
    case DK_CELL_EMPTY:      break;
    }
  return DK_TABLE_CELL_EMPTY;
}

const char *
dk_table_cell_text (const DkTable *t, guint row, guint col)
{
  g_return_val_if_fail (row < t->rows->len && col < t->columns->len, NULL);
  const DkCell *c = dk_table_cell (t, row, col);
  return c->state == DK_CELL_TEXT ? c->text : NULL;
}

const DkCell *
dk_table_cell (const DkTable *t, guint row, guint col)
{
  return (const DkCell *) g_ptr_array_index (t->rows, row) + col;
}

const DkColumn *
dk_table_column (const DkTable *t, guint col)
{
  return g_ptr_array_index (t->columns, col);
}

DkReport *
dk_report_new (const char *title, DkLang lang)
{
  DkReport *r = g_new0 (DkReport, 1);
  r->title = g_strdup (title);
  r->lang = lang;
  r->notes = g_ptr_array_new_with_free_func (g_free);
  r->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_table_free);
  r->chart_captions = g_ptr_array_new_with_free_func (g_free);
  r->charts = g_ptr_array_new_with_free_func (g_free);
  r->fact_labels = g_ptr_array_new_with_free_func (g_free);
  r->fact_values = g_ptr_array_new_with_free_func (g_free);
  r->terms = g_ptr_array_new_with_free_func (g_free);
  r->definitions = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
dk_report_free (DkReport *r)
{
  if (r == NULL)
    return;
  g_free (r->title);
  g_ptr_array_unref (r->notes);
  g_ptr_array_unref (r->tables);
  g_ptr_array_unref (r->chart_captions);
  g_ptr_array_unref (r->charts);
  g_ptr_array_unref (r->fact_labels);
  g_ptr_array_unref (r->fact_values);
  g_ptr_array_unref (r->terms);
  g_ptr_array_unref (r->definitions);
  g_free (r);
}

void dk_report_add_note (DkReport *r, const char *note) { g_ptr_array_add (r->notes, g_strdup (note)); }
void dk_report_add_table (DkReport *r, DkTable *t) { g_ptr_array_add (r->tables, t); }
DkLang dk_report_lang (const DkReport *r) { return r->lang; }
const char *dk_report_title (const DkReport *r) { return r->title; }

guint dk_report_n_tables (const DkReport *r) { return r->tables->len; }

const DkTable *
dk_report_table (const DkReport *r, guint i)
{
  g_return_val_if_fail (i < r->tables->len, NULL);
  return g_ptr_array_index (r->tables, i);
}

void
dk_report_add_fact (DkReport *r, const char *label, const char *value)
{
  g_ptr_array_add (r->fact_labels, g_strdup (label));
  g_ptr_array_add (r->fact_values, g_strdup (value));
}

void
dk_report_add_definition (DkReport *r, const char *term, const char *text)
{
  g_ptr_array_add (r->terms, g_strdup (term));
  g_ptr_array_add (r->definitions, g_strdup (text));
}

void
dk_report_take_tables (DkReport *r, DkReport *from)
{
  g_ptr_array_set_free_func (from->tables, NULL);
  for (guint i = 0; i < from->tables->len; i++)
    g_ptr_array_add (r->tables, from->tables->pdata[i]);
  g_ptr_array_set_size (from->tables, 0);
  g_ptr_array_set_free_func (from->tables, (GDestroyNotify) dk_table_free);
}

void
dk_report_add_chart (DkReport *r, const char *caption, const char *svg)
{
  g_ptr_array_add (r->chart_captions, g_strdup (caption));
  g_ptr_array_add (r->charts, g_strdup (svg));
}

/* ---- numbers ------------------------------------------------------------------- */

/* Formats VALUE with DECIMALS decimals in LANG's decimal separator. */
static char *
format_decimal (double value, int decimals, gboolean sign, DkLang lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char spec[8];
  g_snprintf (spec, sizeof spec, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, spec, value);
  /* a value that rounds to zero is shown as zero, without a sign */
  gboolean zero = strspn (buf, "-0.") == strlen (buf);
  if (zero && buf[0] == '-')
    memmove (buf, buf + 1, strlen (buf));
  GString *s = g_string_new (NULL);
  if (sign && value > 0 && !zero)
    g_string_append_c (s, '+');
  for (const char *p = buf; *p != '\0'; p++)
    {
      if (*p == '.' && lang == DK_LANG_SV)
        g_string_append_c (s, ',');
      else if (*p == '-' && lang == DK_LANG_SV)
        g_string_append (s, "−");   /* Swedish typography: a real minus sign */
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

char *
dk_format_percent (double fraction, DkLang lang)
{
  g_autofree char *n = format_decimal (fraction * 100.0, 1, FALSE, lang);
  return g_strdup_printf ("%s %%", n);
}

char *
dk_format_points (double points, DkLang lang)
{
  return format_decimal (points, 1, TRUE, lang);
}

char *
dk_format_level (double level, DkLang lang)
{
  return format_decimal (level, 2, FALSE, lang);
}

char *
dk_format_hours (double hours, DkLang lang)
{
  return format_decimal (hours, 1, FALSE, lang);
}

char *
dk_format_level_change (double levels, DkLang lang)
{
  return format_decimal (levels, 2, TRUE, lang);
}

char *
dk_cell_display (const DkColumn *col, const DkCell *c, DkLang lang)
{
  switch (c->state)
    {
    case DK_CELL_EMPTY:      return g_strdup ("");
    case DK_CELL_SUPPRESSED: return g_strdup (DK_SUPPRESSED_MARK);
    case DK_CELL_TEXT:       return g_strdup (c->text);
    case DK_CELL_NUMBER:     break;
    }
  switch (dk_cell_kind (col, c))
    {
    case DK_COLUMN_PERCENT: return dk_format_percent (c->number, lang);
    case DK_COLUMN_POINTS:  return dk_format_points (c->number, lang);
    case DK_COLUMN_LEVEL:   return dk_format_level (c->number, lang);
    case DK_COLUMN_LEVEL_CHANGE: return dk_format_level_change (c->number, lang);
    case DK_COLUMN_HOURS:   return dk_format_hours (c->number, lang);
    default:                return format_decimal (c->number, 0, FALSE, lang);
    }
}

char *
dk_cell_machine (const DkColumn *col, const DkCell *c)
{
  switch (c->state)
    {
    case DK_CELL_EMPTY:      return g_strdup ("");
    case DK_CELL_SUPPRESSED: return g_strdup (DK_SUPPRESSED_MARK);
    case DK_CELL_TEXT:       return dk_neutralise_formula (c->text);
    case DK_CELL_NUMBER:     break;
    }
  switch (dk_cell_kind (col, c))
    {
    case DK_COLUMN_PERCENT: return format_decimal (c->number * 100.0, 1, FALSE, DK_LANG_EN);
    case DK_COLUMN_POINTS:
    case DK_COLUMN_HOURS:   return format_decimal (c->number, 1, FALSE, DK_LANG_EN);
    case DK_COLUMN_LEVEL:
    case DK_COLUMN_LEVEL_CHANGE: return format_decimal (c->number, 2, FALSE, DK_LANG_EN);
    default:                return format_decimal (c->number, 0, FALSE, DK_LANG_EN);
    }
}

char *
dk_neutralise_formula (const char *text)
{
  if (text != NULL && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    return g_strconcat ("'", text, NULL);
  return g_strdup (text != NULL ? text : "");
}
