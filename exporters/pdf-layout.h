/*
 * pdf-layout.h — typesetting A4 documents with cairo and pango: running
 * text that wraps, headings kept with what follows, tables with rules whose
 * rows never split across pages (the header row repeats on a new page),
 * figures drawn with cairo, and on every page a footer with the date of
 * printing and "page N of M".  The personal plan (plan-pdf.c) and the
 * board's report (report-pdf.c) are laid out with it.
 *
 * Text is DejaVu Sans through fontconfig; cairo embeds the subsets used, so
 * the PDF shows Swedish characters the same on any machine.  A document is
 * laid out twice: once to count its pages, once to write them.  Not
 * thread-safe per document; separate documents may be made in parallel.
 */
#ifndef DK_PDF_LAYOUT_H
#define DK_PDF_LAYOUT_H

#include "dk.h"

#include <cairo.h>

typedef struct _DkPdf DkPdf;

typedef enum {
  DK_PDF_TITLE,       /* the document's title */
  DK_PDF_HEADING,     /* a section */
  DK_PDF_SUBHEADING,  /* a group within a section */
  DK_PDF_BODY,
  DK_PDF_BOLD,
  DK_PDF_SMALL,       /* notes, captions */
} DkPdfStyle;

/* Lays out the document's pages with DRAW (given DATA) and returns them as
 * A4 PDF (caller unrefs).  TITLE goes in the PDF's metadata; FOOTER is printed at
 * the left of every page's foot (the date of printing), "page N of M" in
 * LANG at its right.  NULL with
 * ERROR when cairo fails. */
GBytes *dk_pdf_bytes (const char *title, const char *footer, DkLang lang,
                      void (*draw) (DkPdf *pdf, gconstpointer data), gconstpointer data,
                      GError **error);

/* The width of the text column, in points. */
double dk_pdf_width (const DkPdf *pdf);
DkLang dk_pdf_lang (const DkPdf *pdf);

/* Adds POINTS of vertical space (none at the top of a page). */
void dk_pdf_space (DkPdf *pdf, double points);

/* Starts a new page unless HEIGHT points still fit on this one: keeps a
 * heading with the first lines below it. */
void dk_pdf_keep (DkPdf *pdf, double height);

/* Sets TEXT (plain, not markup) in STYLE, INDENT points from the left,
 * wrapped to the column; lines that do not fit go to the next page. */
void dk_pdf_text (DkPdf *pdf, DkPdfStyle style, double indent, const char *text);

/* Sets "LABEL  VALUE" pairs in two columns (LABEL bold, LABEL_WIDTH
 * points wide); pairs whose VALUE is NULL are left out. */
void dk_pdf_fields (DkPdf *pdf, double label_width, const char *const *labels,
                    const char *const *values, guint n);

/* ---- tables ---------------------------------------------------------------- */

typedef struct {
  const char *label;
  double      width;   /* a share of the column's width; the shares add up to 1 */
  gboolean    right;   /* numbers: right-aligned */
} DkPdfColumn;

/* Starts a table of N COLUMNS (copied) and sets its header row; a table of
 * more than six columns is set smaller.  A page break before a row repeats
 * the header on the new page. */
void dk_pdf_table_begin (DkPdf *pdf, const DkPdfColumn *columns, guint n);
/* Adds a row of the table's N CELLS (NULL: empty); cells marked in
 * EMPHASIS (may be NULL) are set bold in the accent colour.  Long cells wrap;
 * the row moves to the next page whole. */
void dk_pdf_table_row (DkPdf *pdf, const char *const *cells, const gboolean *emphasis);
void dk_pdf_table_end (DkPdf *pdf);

/* ---- figures ---------------------------------------------------------------- */

/* Draws a figure HEIGHT points high across the column with DRAW, which gets
 * the cairo context and the figure's box; on the next page when it does not
 * fit on this one. */
void dk_pdf_figure (DkPdf *pdf, double height,
                    void (*draw) (cairo_t *cr, double x, double y, double w, double h, gconstpointer data),
                    gconstpointer data);

/* Draws TEXT in a figure at X, Y in SIZE points: ALIGN 0 left, 0.5 centred,
 * 1 right of X; Y is the top of the text, or its middle with MIDDLE. */
void dk_pdf_label (cairo_t *cr, double x, double y, const char *text, double size, gboolean bold,
                   double align, gboolean middle);

/* The colours of every document: text, rules, the accent (a need, the
 * current round) and the second series (expected, the earlier round). */
#define DK_PDF_INK      0.13, 0.13, 0.15
#define DK_PDF_RULE     0.55, 0.57, 0.60
#define DK_PDF_ACCENT   0.64, 0.13, 0.16
#define DK_PDF_SERIES1  0.11, 0.33, 0.55
#define DK_PDF_SERIES0  0.62, 0.70, 0.78

#endif
