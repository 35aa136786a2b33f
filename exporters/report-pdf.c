/*
 * report-pdf.c — any report as a printed document (A4, pdf-layout.h), the
 * board's report (the summary) first among them: the title, the facts
 * (organisation, rounds) and the date of extraction, the notes; per table
 * a bar chart of its figures round against round, when it has few enough
 * rows to read as one, and the table itself with rules; then the
 * definitions of the figures.  The figures are the DkReport's own, as the
 * other formats show them: a suppressed cell is "–" here too.
 */
#include "module.h"
#include "pdf-layout.h"
#include "report-model-private.h"

#include <math.h>
#include <string.h>

#define CHART_MAX_ROWS 8

/* The columns as printed: a code and its title ("area", "area_title") are
 * one column, "4  Digital säkerhet". */
typedef struct {
  guint   first, n;     /* the table's columns shown here */
  double  weight;       /* the share of the width it wants */
} View;

static GArray *
views_of (const DkTable *t, DkLang lang)
{
  GArray *views = g_array_new (FALSE, TRUE, sizeof (View));
  for (guint c = 0; c < dk_table_n_columns (t); c++)
    {
      const DkColumn *col = dk_table_column (t, c);
      View v = { c, 1, 0 };
      if (col->kind == DK_COLUMN_TEXT && c + 1 < dk_table_n_columns (t)
          && g_str_has_suffix (dk_table_column (t, c + 1)->key, "_title"))
        v.n = 2;
      /* as wide as its longest cell, or nearly its heading's longest word */
      glong widest = 0, word = 0;
      for (const char *p = col->label; *p != '\0'; p = g_utf8_next_char (p))
        word = *p == ' ' ? 0 : word + 1, widest = MAX (widest, word + 1);
      for (guint r = 0; r < dk_table_n_rows (t); r++)
        {
          glong len = 0;
          for (guint k = 0; k < v.n; k++)
            {
              g_autofree char *s = dk_cell_display (dk_table_column (t, c + k), dk_table_cell (t, r, c + k), lang);
              len += g_utf8_strlen (s, -1) + 2;
            }
          widest = MAX (widest, len);
        }
      v.weight = col->kind == DK_COLUMN_TEXT ? CLAMP (widest, 6, 28) : MAX (widest, 6) + 2;
      g_array_append_val (views, v);
      c += v.n - 1;
    }
  double sum = 0;
  for (guint i = 0; i < views->len; i++)
    sum += g_array_index (views, View, i).weight;
  for (guint i = 0; i < views->len; i++)
    g_array_index (views, View, i).weight /= sum;
  return views;
}

/* Returns the text of view V in row R (caller frees). */
static char *
view_text (const DkTable *t, const View *v, guint r, DkLang lang)
{
  GString *s = g_string_new (NULL);
  for (guint k = 0; k < v->n; k++)
    {
      g_autofree char *part = dk_cell_display (dk_table_column (t, v->first + k), dk_table_cell (t, r, v->first + k),
                                               lang);
      if (*part != '\0')
        g_string_append_printf (s, "%s%s", s->len > 0 ? "  " : "", part);
    }
  return g_string_free (s, FALSE);
}

static void
print_table (DkPdf *pdf, const DkTable *t, DkLang lang)
{
  g_autoptr (GArray) views = views_of (t, lang);
  g_autofree DkPdfColumn *columns = g_new0 (DkPdfColumn, views->len);
  for (guint i = 0; i < views->len; i++)
    {
      const View *v = &g_array_index (views, View, i);
      const DkColumn *col = dk_table_column (t, v->first);
      /* a code and its title under the code's heading ("Area") */
      columns[i] = (DkPdfColumn) { col->label, v->weight, col->kind != DK_COLUMN_TEXT };
    }
  dk_pdf_table_begin (pdf, columns, views->len);
  g_autofree char **cells = g_new0 (char *, views->len);
  g_autofree gboolean *emphasis = g_new0 (gboolean, views->len);
  for (guint r = 0; r < dk_table_n_rows (t); r++)
    {
      for (guint i = 0; i < views->len; i++)
        {
          const View *v = &g_array_index (views, View, i);
          cells[i] = view_text (t, v, r, lang);
          emphasis[i] = dk_table_cell (t, r, v->first)->emphasis;
        }
      dk_pdf_table_row (pdf, (const char *const *) cells, emphasis);
      for (guint i = 0; i < views->len; i++)
        g_free (cells[i]);
    }
  dk_pdf_table_end (pdf);
  if (dk_table_n_rows (t) == 0)
    dk_pdf_text (pdf, DK_PDF_SMALL, 0, dk_table_empty_text (lang));
}

/* ---- charts ------------------------------------------------------------------------- */

/* A bar chart of one or two columns of a table: the earlier and this round. */
typedef struct {
  const DkTable *table;
  DkLang         lang;
  guint          series[2], n_series;
  DkColumnKind   kind;      /* PERCENT or LEVEL */
  GArray        *rows;      /* guint: the rows shown (those of the kind) */
  double         max;
} Chart;

/* Finds what a table's chart shows: the first pair "earlier, this round"
 * followed by their change, else the first figure column.  FALSE when it
 * has none or too many rows. */
static gboolean
chart_of (const DkTable *t, DkLang lang, Chart *ch)
{
  memset (ch, 0, sizeof *ch);
  ch->table = t;
  ch->lang = lang;
  guint n = dk_table_n_columns (t);
  for (guint c = 0; c < n && ch->n_series == 0; c++)
    {
      DkColumnKind k = dk_table_column (t, c)->kind;
      if (k != DK_COLUMN_PERCENT && k != DK_COLUMN_LEVEL)
        continue;
      ch->kind = k;
      ch->series[ch->n_series++] = c;
      DkColumnKind change = k == DK_COLUMN_PERCENT ? DK_COLUMN_POINTS : DK_COLUMN_LEVEL_CHANGE;
      if (c + 2 < n && dk_table_column (t, c + 1)->kind == k && dk_table_column (t, c + 2)->kind == change)
        ch->series[ch->n_series++] = c + 1;
    }
  if (ch->n_series == 0 || dk_table_n_rows (t) > CHART_MAX_ROWS)
    return FALSE;
  ch->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < dk_table_n_rows (t); r++)
    {
      gboolean of_kind = TRUE;
      for (guint s = 0; s < ch->n_series; s++)
        {
          const DkCell *cell = dk_table_cell (t, r, ch->series[s]);
          if (cell->state == DK_CELL_NUMBER && dk_cell_kind (dk_table_column (t, ch->series[s]), cell) != ch->kind)
            of_kind = FALSE;
          else if (cell->state == DK_CELL_NUMBER)
            ch->max = MAX (ch->max, cell->number);
        }
      if (of_kind)
        g_array_append_val (ch->rows, r);
    }
  static const double tops[] = { 0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1.0 };
  double top = ch->kind == DK_COLUMN_LEVEL ? MAX (1, ceil (ch->max)) : 1.0;
  for (guint i = 0; ch->kind == DK_COLUMN_PERCENT && i < G_N_ELEMENTS (tops); i++)
    if (ch->max * 1.05 <= tops[i])
      {
        top = tops[i];
        break;
      }
  ch->max = top;
  if (ch->rows->len == 0)
    g_clear_pointer (&ch->rows, g_array_unref);
  return ch->rows != NULL;
}

#define BAR       9.0
#define ROW_GAP   7.0
#define LEGEND_H  18.0
#define AXIS_H    16.0

static double
chart_height (const Chart *ch)
{
  return LEGEND_H + ch->rows->len * (ch->n_series * BAR + ROW_GAP) + AXIS_H;
}

static void
series_colour (cairo_t *cr, const Chart *ch, guint s)
{
  if (ch->n_series == 2 && s == 0)
    cairo_set_source_rgb (cr, DK_PDF_SERIES0);
  else
    cairo_set_source_rgb (cr, DK_PDF_SERIES1);
}

static void
draw_chart (cairo_t *cr, double x, double y, double w, double h, gconstpointer data)
{
  const Chart *ch = data;
  const DkTable *t = ch->table;
  double label_w = w * 0.36, bars_x = x + label_w, bars_w = w - label_w - 46;
  /* the legend: which colour is which round */
  double lx = bars_x;
  for (guint s = 0; s < ch->n_series; s++)
    {
      series_colour (cr, ch, s);
      cairo_rectangle (cr, lx, y + 3, 10, 8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, DK_PDF_INK);
      const char *label = dk_table_column (t, ch->series[s])->label;
      dk_pdf_label (cr, lx + 14, y + 7, label, 8.5, FALSE, 0, TRUE);
      lx += 24 + 6.0 * g_utf8_strlen (label, -1);
    }
  double top = y + LEGEND_H, bottom = y + h - AXIS_H;
  /* the grid, in quarters of the axis */
  for (guint q = 0; q <= 4; q++)
    {
      double gx = bars_x + bars_w * q / 4;
      cairo_set_source_rgb (cr, 0.85, 0.86, 0.88);
      cairo_set_line_width (cr, q == 0 ? 0.8 : 0.4);
      cairo_move_to (cr, gx, top - 2);
      cairo_line_to (cr, gx, bottom);
      cairo_stroke (cr);
      DkColumn axis = { NULL, NULL, ch->kind };
      DkCell tick = { .state = DK_CELL_NUMBER, .number = ch->max * q / 4 };
      g_autofree char *text = dk_cell_display (&axis, &tick, ch->lang);
      cairo_set_source_rgb (cr, DK_PDF_RULE);
      dk_pdf_label (cr, gx, bottom + 3, text, 7.5, FALSE, 0.5, FALSE);
    }
  double ry = top;
  g_autoptr (GArray) views = views_of (t, ch->lang);
  for (guint i = 0; i < ch->rows->len; i++)
    {
      guint r = g_array_index (ch->rows, guint, i);
      double row_h = ch->n_series * BAR;
      g_autofree char *label = view_text (t, &g_array_index (views, View, 0), r, ch->lang);
      cairo_set_source_rgb (cr, DK_PDF_INK);
      /* a long label is cut to the room it has, with an ellipsis */
      glong room = (glong) (label_w / 5.2);
      if (g_utf8_strlen (label, -1) > room)
        {
          g_autofree char *cut = g_utf8_substring (label, 0, room - 1);
          g_free (label);
          label = g_strconcat (g_strchomp (cut), "…", NULL);
        }
      dk_pdf_label (cr, bars_x - 6, ry + row_h / 2, label, 8.5, FALSE, 1, TRUE);
      for (guint s = 0; s < ch->n_series; s++)
        {
          const DkColumn *col = dk_table_column (t, ch->series[s]);
          const DkCell *cell = dk_table_cell (t, r, ch->series[s]);
          double by = ry + s * BAR, bw = 0;
          if (cell->state == DK_CELL_NUMBER)
            {
              bw = bars_w * MIN (cell->number / ch->max, 1.0);
              series_colour (cr, ch, s);
              cairo_rectangle (cr, bars_x, by + 0.8, bw, BAR - 1.6);
              cairo_fill (cr);
            }
          g_autofree char *value = dk_cell_display (col, cell, ch->lang);
          cairo_set_source_rgb (cr, DK_PDF_INK);
          dk_pdf_label (cr, bars_x + bw + 3, by + BAR / 2, value, 7.5, FALSE, 0, TRUE);
        }
      ry += row_h + ROW_GAP;
    }
}

/* ---- the document ------------------------------------------------------------------------ */

typedef struct {
  const DkReport *report;
  const char     *extracted;
} Doc;

static void
draw_report (DkPdf *pdf, gconstpointer data)
{
  const Doc *d = data;
  const DkReport *r = d->report;
  DkLang lang = r->lang;
  dk_pdf_text (pdf, DK_PDF_TITLE, 0, r->title);
  dk_pdf_space (pdf, 10);
  guint n = r->fact_labels->len;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree const char **values = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    labels[i] = r->fact_labels->pdata[i], values[i] = r->fact_values->pdata[i];
  labels[n] = T_ (lang, "Extracted");
  values[n] = d->extracted;
  dk_pdf_fields (pdf, 110, labels, values, n + 1);
  dk_pdf_space (pdf, 6);
  for (guint i = 0; i < r->notes->len; i++)
    dk_pdf_text (pdf, DK_PDF_SMALL, 0, r->notes->pdata[i]);
  for (guint i = 0; i < r->tables->len; i++)
    {
      const DkTable *t = r->tables->pdata[i];
      Chart ch;
      gboolean chart = chart_of (t, lang, &ch);
      dk_pdf_space (pdf, 18);
      /* the heading stays with the chart, or with the table's first rows */
      dk_pdf_keep (pdf, 26 + (chart ? chart_height (&ch) : 50));
      if (t->title != NULL)
        dk_pdf_text (pdf, DK_PDF_HEADING, 0, t->title);
      dk_pdf_space (pdf, 6);
      if (chart)
        {
          dk_pdf_figure (pdf, chart_height (&ch), draw_chart, &ch);
          dk_pdf_space (pdf, 8);
          g_array_unref (ch.rows);
        }
      print_table (pdf, t, lang);
    }
  if (r->terms->len == 0)
    return;
  dk_pdf_space (pdf, 18);
  dk_pdf_keep (pdf, 80);
  dk_pdf_text (pdf, DK_PDF_HEADING, 0, T_ (lang, "What the figures mean"));
  dk_pdf_space (pdf, 4);
  for (guint i = 0; i < r->terms->len; i++)
    {
      dk_pdf_keep (pdf, 30);
      dk_pdf_text (pdf, DK_PDF_BOLD, 0, r->terms->pdata[i]);
      dk_pdf_text (pdf, DK_PDF_BODY, 0, r->definitions->pdata[i]);
      dk_pdf_space (pdf, 5);
    }
}

GBytes *
dk_export_report_pdf_bytes (const DkReport *report, const char *extracted, GError **error)
{
  Doc d = { report, extracted };
  g_autofree char *footer = g_strdup_printf (T_ (report->lang, "%s · extracted %s"), report->title, extracted);
  return dk_pdf_bytes (report->title, footer, report->lang, draw_report, &d, error);
}
