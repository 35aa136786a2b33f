/*
 * pdf-layout.c — A4 pages with cairo and pango: text, tables, figures,
 * footers (pdf-layout.h).
 */
#include "pdf-layout.h"
#include "atomic-file.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#define A4_WIDTH   595.276
#define A4_HEIGHT  841.890
#define MARGIN_X   56.7    /* 2 cm */
#define MARGIN_TOP 56.7
#define FOOT_SPACE 62.0    /* from the foot of the page to the last line of text */
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 2.6
#define FONT       "DejaVu Sans"

struct _DkPdf {
  cairo_t     *cr;
  DkLang       lang;
  const char  *footer;
  guint        page, pages;    /* this page (from 1); pages: 0 while counting */
  double       y;              /* the next line's top */
  gboolean     fresh;          /* nothing on this page yet */
  DkPdfColumn *columns;        /* the open table's, or NULL */
  guint        n_columns;
  double       table_scale;    /* of the open table's text: smaller for many columns */
};

static const struct { double size; gboolean bold; } styles[] = {
  [DK_PDF_TITLE] = { 24, TRUE },      [DK_PDF_HEADING] = { 15, TRUE },
  [DK_PDF_SUBHEADING] = { 12, TRUE }, [DK_PDF_BODY] = { 11, FALSE },
  [DK_PDF_BOLD] = { 11, TRUE },       [DK_PDF_SMALL] = { 9.5, FALSE },
};

static double bottom (void) { return A4_HEIGHT - FOOT_SPACE; }
double dk_pdf_width (const DkPdf *pdf) { (void) pdf; return A4_WIDTH - 2 * MARGIN_X; }
DkLang dk_pdf_lang (const DkPdf *pdf) { return pdf->lang; }

/* Returns a layout of TEXT in SIZE points, wrapped at WIDTH (0: no wrap). */
static PangoLayout *
layout_new (cairo_t *cr, const char *text, double size, gboolean bold, double width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  /* sizes in points, as on paper: pango's default is 96 per inch */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  PangoFontDescription *desc = pango_font_description_new ();
  pango_font_description_set_family (desc, FONT);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;
  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
show (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
dk_pdf_label (cairo_t *cr, double x, double y, const char *text, double size, gboolean bold, double align,
              gboolean middle)
{
  PangoLayout *layout = layout_new (cr, text, size, bold, 0);
  show (cr, layout, x - align * layout_width (layout), middle ? y - layout_height (layout) / 2 : y);
  g_object_unref (layout);
}

/* "Printed 29 April 2027" at the left, "Page 1 of 3" at the right. */
static void
draw_footer (DkPdf *pdf)
{
  cairo_t *cr = pdf->cr;
  double y = A4_HEIGHT - FOOT_SPACE + 22;
  cairo_save (cr);
  cairo_set_source_rgb (cr, DK_PDF_RULE);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, MARGIN_X, y);
  cairo_line_to (cr, A4_WIDTH - MARGIN_X, y);
  cairo_stroke (cr);
  g_autofree char *page = g_strdup_printf (T_ (pdf->lang, "Page %u of %u"), pdf->page,
                                           MAX (pdf->pages, pdf->page));
  dk_pdf_label (cr, MARGIN_X, y + 5, pdf->footer, styles[DK_PDF_SMALL].size, FALSE, 0, FALSE);
  dk_pdf_label (cr, A4_WIDTH - MARGIN_X, y + 5, page, styles[DK_PDF_SMALL].size, FALSE, 1, FALSE);
  cairo_restore (cr);
}

static void
new_page (DkPdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = MARGIN_TOP;
  pdf->fresh = TRUE;
}

/* Breaks the page unless HEIGHT fits; returns TRUE when it broke. */
static gboolean
need (DkPdf *pdf, double height)
{
  if (pdf->fresh || pdf->y + height <= bottom ())
    return FALSE;
  new_page (pdf);
  return TRUE;
}

void
dk_pdf_space (DkPdf *pdf, double points)
{
  if (!pdf->fresh)
    pdf->y += points;
}

void
dk_pdf_keep (DkPdf *pdf, double height)
{
  need (pdf, height);
}

void
dk_pdf_text (DkPdf *pdf, DkPdfStyle style, double indent, const char *text)
{
  PangoLayout *layout = layout_new (pdf->cr, text, styles[style].size, styles[style].bold,
                                    dk_pdf_width (pdf) - indent);
  double h = layout_height (layout);
  need (pdf, h);
  cairo_set_source_rgb (pdf->cr, DK_PDF_INK);
  show (pdf->cr, layout, MARGIN_X + indent, pdf->y);
  g_object_unref (layout);
  pdf->y += h;
  pdf->fresh = FALSE;
}

void
dk_pdf_fields (DkPdf *pdf, double label_width, const char *const *labels, const char *const *values, guint n)
{
  double size = styles[DK_PDF_BODY].size;
  for (guint i = 0; i < n; i++)
    {
      if (values[i] == NULL)
        continue;
      PangoLayout *label = layout_new (pdf->cr, labels[i], size, TRUE, label_width - 6);
      PangoLayout *value = layout_new (pdf->cr, values[i], size, FALSE, dk_pdf_width (pdf) - label_width);
      double h = MAX (layout_height (label), layout_height (value));
      need (pdf, h);
      cairo_set_source_rgb (pdf->cr, DK_PDF_INK);
      show (pdf->cr, label, MARGIN_X, pdf->y);
      show (pdf->cr, value, MARGIN_X + label_width, pdf->y);
      g_object_unref (label);
      g_object_unref (value);
      pdf->y += h + 2.5;
      pdf->fresh = FALSE;
    }
}

/* ---- tables ------------------------------------------------------------------------ */

static void
rule (DkPdf *pdf, double width, gboolean strong)
{
  cairo_save (pdf->cr);
  if (strong)
    cairo_set_source_rgb (pdf->cr, DK_PDF_INK);
  else
    cairo_set_source_rgb (pdf->cr, 0.80, 0.81, 0.83);
  cairo_set_line_width (pdf->cr, width);
  cairo_move_to (pdf->cr, MARGIN_X, pdf->y);
  cairo_line_to (pdf->cr, MARGIN_X + dk_pdf_width (pdf), pdf->y);
  cairo_stroke (pdf->cr);
  cairo_restore (pdf->cr);
}

/* Returns the layouts of a row's cells and, in *HEIGHT, the row's height. */
static PangoLayout **
row_layouts (DkPdf *pdf, const char *const *cells, const gboolean *bold, double size, double *height)
{
  PangoLayout **layouts = g_new0 (PangoLayout *, pdf->n_columns);
  *height = 0;
  for (guint c = 0; c < pdf->n_columns; c++)
    {
      double w = pdf->columns[c].width * dk_pdf_width (pdf) - 2 * CELL_PAD_X;
      layouts[c] = layout_new (pdf->cr, cells[c], size, bold != NULL && bold[c], w);
      if (pdf->columns[c].right)
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
      *height = MAX (*height, layout_height (layouts[c]));
    }
  *height += 2 * CELL_PAD_Y;
  return layouts;
}

static void
draw_row (DkPdf *pdf, PangoLayout **layouts, const gboolean *accent, double height)
{
  double x = MARGIN_X;
  for (guint c = 0; c < pdf->n_columns; c++)
    {
      if (accent != NULL && accent[c])
        cairo_set_source_rgb (pdf->cr, DK_PDF_ACCENT);
      else
        cairo_set_source_rgb (pdf->cr, DK_PDF_INK);
      show (pdf->cr, layouts[c], x + CELL_PAD_X, pdf->y + CELL_PAD_Y);
      x += pdf->columns[c].width * dk_pdf_width (pdf);
      g_object_unref (layouts[c]);
    }
  g_free (layouts);
  pdf->y += height;
  pdf->fresh = FALSE;
}

static void
table_header (DkPdf *pdf, gboolean keep_with_row)
{
  const char **labels = g_new0 (const char *, pdf->n_columns);
  gboolean *bold = g_new0 (gboolean, pdf->n_columns);
  for (guint c = 0; c < pdf->n_columns; c++)
    labels[c] = pdf->columns[c].label, bold[c] = TRUE;
  double h;
  PangoLayout **layouts = row_layouts (pdf, labels, bold, (styles[DK_PDF_SMALL].size - 0.3) * pdf->table_scale, &h);
  /* a header alone at the foot of a page is no use: keep a row with it */
  need (pdf, h + (keep_with_row ? 18 : 0));
  rule (pdf, 1.1, TRUE);
  draw_row (pdf, layouts, NULL, h);
  rule (pdf, 0.6, TRUE);
  g_free (labels);
  g_free (bold);
}

void
dk_pdf_table_begin (DkPdf *pdf, const DkPdfColumn *columns, guint n)
{
  g_free (pdf->columns);
  pdf->columns = g_memdup2 (columns, n * sizeof *columns);
  pdf->n_columns = n;
  pdf->table_scale = n <= 6 ? 1.0 : 0.84;
  table_header (pdf, TRUE);
}

void
dk_pdf_table_row (DkPdf *pdf, const char *const *cells, const gboolean *emphasis)
{
  double h;
  PangoLayout **layouts = row_layouts (pdf, cells, emphasis, (styles[DK_PDF_BODY].size - 0.4) * pdf->table_scale, &h);
  if (!pdf->fresh && pdf->y + h > bottom ())
    {
      rule (pdf, 1.1, TRUE);
      new_page (pdf);
      table_header (pdf, FALSE);
    }
  draw_row (pdf, layouts, emphasis, h);
  rule (pdf, 0.3, FALSE);
}

void
dk_pdf_table_end (DkPdf *pdf)
{
  rule (pdf, 1.1, TRUE);
  g_clear_pointer (&pdf->columns, g_free);
  pdf->n_columns = 0;
}

/* ---- figures ------------------------------------------------------------------------ */

void
dk_pdf_figure (DkPdf *pdf, double height,
               void (*draw) (cairo_t *cr, double x, double y, double w, double h, gconstpointer data),
               gconstpointer data)
{
  need (pdf, height);
  cairo_save (pdf->cr);
  cairo_set_source_rgb (pdf->cr, DK_PDF_INK);
  draw (pdf->cr, MARGIN_X, pdf->y, dk_pdf_width (pdf), height, data);
  cairo_restore (pdf->cr);
  pdf->y += height;
  pdf->fresh = FALSE;
}

/* ---- the document --------------------------------------------------------------------- */

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  (void) closure, (void) data, (void) length;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  const char *title, *footer;
  DkLang      lang;
  void (*draw) (DkPdf *pdf, gconstpointer data);
  gconstpointer data;
  guint       pages;
} Job;

/* Lays the document out on SURFACE; returns its number of pages. */
static guint
lay_out (cairo_surface_t *surface, const Job *job)
{
  DkPdf pdf = { cairo_create (surface), job->lang, job->footer, 1, job->pages, MARGIN_TOP, TRUE, NULL, 0, 1.0 };
  job->draw (&pdf, job->data);
  draw_footer (&pdf);
  cairo_show_page (pdf.cr);
  cairo_destroy (pdf.cr);
  g_free (pdf.columns);
  return pdf.page;
}

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
dk_pdf_bytes (const char *title, const char *footer, DkLang lang,
              void (*draw) (DkPdf *pdf, gconstpointer data), gconstpointer data, GError **error)
{
  Job job = { title, footer, lang, draw, data, 0 };
  /* the first pass only counts the pages, for "page N of M" */
  cairo_surface_t *counting = cairo_pdf_surface_create_for_stream (discard, NULL, A4_WIDTH, A4_HEIGHT);
  job.pages = lay_out (counting, &job);
  cairo_surface_destroy (counting);

  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, out, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, job.title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "digikomp");
  lay_out (surface, &job);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, T_ (lang, "cannot write %s: %s"), title,
                   cairo_status_to_string (status));
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}
