/*
 * table.c — the table and report model, number formatting, and the text
 * and CSV renderings.  JSON, HTML and XLSX live in render-*.c.
 */
#include "table-private.h"

#include <math.h>
#include <string.h>

gboolean
dk_format_parse (const char *name, DkFormat *out)
{
  static const char *names[] = { "table", "csv", "json", "html", "xlsx" };
  if (name == NULL)
    {
      *out = DK_FORMAT_TABLE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        *out = (DkFormat) i;
        return TRUE;
      }
  return FALSE;
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

void
dk_table_set_number (DkTable *t, guint row, guint col, double value)
{
  DkCell *c = cell (t, row, col);
  c->state = isfinite (value) ? DK_CELL_NUMBER : DK_CELL_EMPTY;
  c->number = value;
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
dk_table_empty_text (void)
{
  return _("(nothing to show)");
}
guint dk_table_n_columns (const DkTable *t) { return t->columns->len; }
const char *dk_table_name (const DkTable *t) { return t->name; }

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
  g_free (r);
}

void dk_report_add_note (DkReport *r, const char *note) { g_ptr_array_add (r->notes, g_strdup (note)); }
void dk_report_add_table (DkReport *r, DkTable *t) { g_ptr_array_add (r->tables, t); }
DkLang dk_report_lang (const DkReport *r) { return r->lang; }

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
  switch (col->kind)
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
  switch (col->kind)
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

/* ---- text ------------------------------------------------------------------------ */

static gboolean
right_aligned (const DkColumn *col)
{
  return col->kind != DK_COLUMN_TEXT;
}

static void
pad (GString *out, const char *text, guint width, gboolean right)
{
  guint len = (guint) g_utf8_strlen (text, -1);
  if (right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

static void
render_text_table (GString *out, const DkTable *t, DkLang lang, gboolean colour)
{
  guint nc = t->columns->len, nr = t->rows->len;
  g_autofree guint *width = g_new0 (guint, nc);
  g_autofree char **texts = g_new0 (char *, (gsize) nc * nr + 1);
  for (guint c = 0; c < nc; c++)
    width[c] = (guint) g_utf8_strlen (dk_table_column (t, c)->label, -1);
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        const DkCell *cl = dk_table_cell (t, r, c);
        char *s = dk_cell_display (dk_table_column (t, c), cl, lang);
        if (cl->emphasis && !colour)
          {
            char *marked = g_strconcat (s, "*", NULL);
            g_free (s);
            s = marked;
          }
        texts[r * nc + c] = s;
        width[c] = MAX (width[c], (guint) g_utf8_strlen (s, -1));
      }

  if (t->title != NULL)
    g_string_append_printf (out, "%s\n", t->title);
  for (guint c = 0; c < nc; c++)
    {
      pad (out, dk_table_column (t, c)->label, width[c], right_aligned (dk_table_column (t, c)));
      g_string_append (out, c + 1 < nc ? "  " : "\n");
    }
  for (guint c = 0; c < nc; c++)
    {
      for (guint i = 0; i < width[c]; i++)
        g_string_append (out, "─");
      g_string_append (out, c + 1 < nc ? "  " : "\n");
    }
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        gboolean em = colour && dk_table_cell (t, r, c)->emphasis;
        if (em)
          g_string_append (out, "\033[1;31m");
        pad (out, texts[r * nc + c], width[c], right_aligned (dk_table_column (t, c)));
        if (em)
          g_string_append (out, "\033[0m");
        g_string_append (out, c + 1 < nc ? "  " : "\n");
      }
  if (nr == 0)
    g_string_append_printf (out, "%s\n", dk_table_empty_text ());
  for (guint i = 0; i < nc * nr; i++)
    g_free (texts[i]);
}

char *
dk_report_render_text (const DkReport *r, gboolean colour)
{
  GString *out = g_string_new (NULL);
  if (r->title != NULL)
    g_string_append_printf (out, "%s\n\n", r->title);
  for (guint i = 0; i < r->tables->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      render_text_table (out, g_ptr_array_index (r->tables, i), r->lang, colour);
    }
  if (r->notes->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < r->notes->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (r->notes, i));
  return g_string_free (out, FALSE);
}

/* ---- CSV -------------------------------------------------------------------------- */

static void
csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",;\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Several tables are separated by an empty line; each has its own header. */
char *
dk_report_render_csv (const DkReport *r)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < r->tables->len; i++)
    {
      const DkTable *t = g_ptr_array_index (r->tables, i);
      if (i > 0)
        g_string_append (out, "\r\n");
      for (guint c = 0; c < t->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          csv_field (out, dk_table_column (t, c)->key);
        }
      g_string_append (out, "\r\n");
      for (guint row = 0; row < t->rows->len; row++)
        {
          for (guint c = 0; c < t->columns->len; c++)
            {
              g_autofree char *s = dk_cell_machine (dk_table_column (t, c),
                                                    dk_table_cell (t, row, c));
              if (c > 0)
                g_string_append_c (out, ',');
              csv_field (out, s);
            }
          g_string_append (out, "\r\n");
        }
    }
  return g_string_free (out, FALSE);
}
