/*
 * report-model.h — reports as tables, and their renderings: an aligned terminal
 * table, CSV, JSON, HTML (one self-contained file, charts as inline SVG) and
 * XLSX.  Every report and view of digikomp is built as a DkReport, so the
 * rules below hold in every format:
 *
 *  - A SUPPRESSED cell (a group smaller than the minimum) shows "–".  Setting
 *    one takes no value, so a suppressed figure cannot leak into any format.
 *  - Text written to CSV or XLSX that begins with =, +, -, @, a tab or a
 *    carriage return is prefixed with ', so a spreadsheet never runs it.
 *  - Text in HTML and SVG is escaped.
 *
 * Numbers are formatted by column kind: PERCENT cells hold a fraction 0..1
 * ("24.0 %", Swedish "24,0 %"); POINTS cells hold a difference in
 * percentage points; LEVEL cells a mean level and LEVEL_CHANGE cells a
 * difference of mean levels (two decimals, so that small changes between
 * rounds show rather than round away); HOURS cells hours (one decimal).
 * Machine formats keep numbers as numbers: CSV writes percent and points as
 * percentages with a dot ("24.0"), JSON writes the fraction (0.24).
 *
 * A number is stored at the precision it is published at
 * (dk_published_value), so that no format can give away more than the
 * terminal shows: a share of 5 in 13 is 38.5 in CSV and 0.385 in JSON and
 * XLSX, never 0.38461538461538464.
 */
#ifndef DK_REPORT_MODEL_H
#define DK_REPORT_MODEL_H

#include "dk.h"

typedef enum {
  DK_COLUMN_TEXT,
  DK_COLUMN_INTEGER,
  DK_COLUMN_LEVEL,
  DK_COLUMN_PERCENT,
  DK_COLUMN_POINTS,
  DK_COLUMN_LEVEL_CHANGE,
  DK_COLUMN_HOURS,
} DkColumnKind;

typedef enum {
  DK_FORMAT_TABLE,
  DK_FORMAT_CSV,
  DK_FORMAT_JSON,
  DK_FORMAT_HTML,
  DK_FORMAT_XLSX,
  DK_FORMAT_PDF,
} DkFormat;

typedef struct _DkTable DkTable;
typedef struct _DkReport DkReport;

/* Returns the format named NAME ("table", "csv", "json", "html", "xlsx", "pdf") in
 * *OUT and TRUE, or FALSE.  NULL means "table". */
gboolean dk_format_parse (const char *name, DkFormat *out);

/* ---- tables ---------------------------------------------------------------- */

/* Returns a new empty table.  NAME is a short machine name (JSON key, XLSX
 * sheet); TITLE is shown above it (may be NULL). */
DkTable *dk_table_new (const char *name, const char *title);
void dk_table_free (DkTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkTable, dk_table_free)

/* Adds a column: KEY is the CSV header and JSON key, LABEL the translated
 * heading.  Returns its index. */
guint dk_table_add_column (DkTable *table, const char *key, const char *label,
                           DkColumnKind kind);

/* Adds a row of empty cells and returns its index. */
guint dk_table_add_row (DkTable *table);

/* Returns VALUE of KIND at the precision it is published at in every
 * format: a PERCENT fraction to 3 decimals (one decimal of a percent),
 * POINTS and HOURS to 1, LEVEL and LEVEL_CHANGE to 2, counts to whole
 * numbers (halves away from zero; never −0).  Pure; thread-safe. */
double dk_published_value (double value, DkColumnKind kind);

void dk_table_set_text (DkTable *table, guint row, guint col, const char *text);
/* Sets a number, stored as dk_published_value gives it for the column's kind. */
void dk_table_set_number (DkTable *table, guint row, guint col, double value);
/* Sets a number of KIND in a column whose other rows hold numbers of
 * another kind (a table of figures, one per row, some percentages, some
 * levels): every format reads the cell by KIND. */
void dk_table_set_value (DkTable *table, guint row, guint col, double value, DkColumnKind kind);
/* Marks a cell as from a group too small to show. */
void dk_table_set_suppressed (DkTable *table, guint row, guint col);
/* Highlights a cell (a need, in a conversation sheet). */
void dk_table_set_emphasis (DkTable *table, guint row, guint col, gboolean emphasis);

guint dk_table_n_rows (const DkTable *table);
guint dk_table_n_columns (const DkTable *table);
const char *dk_table_name (const DkTable *table);

/* Reading a table back, as a reader of its rendering would (the disclosure
 * checker, tests/check/disclosure.c).  Each is thread-safe on a table no
 * one changes; strings belong to TABLE. */

/* Returns the key of column COL (< dk_table_n_columns). */
const char *dk_table_column_key (const DkTable *table, guint col);
/* Returns the heading of column COL (< dk_table_n_columns), as translated
 * when the table was built. */
const char *dk_table_column_label (const DkTable *table, guint col);
/* Returns the index of the column whose key is KEY, or -1. */
int dk_table_find_column (const DkTable *table, const char *key);

/* What a cell holds. */
typedef enum {
  DK_TABLE_CELL_EMPTY,       /* nothing: no data */
  DK_TABLE_CELL_TEXT,
  DK_TABLE_CELL_NUMBER,
  DK_TABLE_CELL_SUPPRESSED,  /* "–": the table holds no value for it */
} DkTableCellState;

/* Returns what cell (ROW, COL) holds; when it holds a number and VALUE is
 * not NULL, sets *VALUE to it exactly as set (a fraction for PERCENT
 * columns, points for POINTS).  ROW and COL must be in the table. */
DkTableCellState dk_table_cell_value (const DkTable *table, guint row, guint col, double *value);
/* Returns the text of cell (ROW, COL), or NULL when it holds none. */
const char *dk_table_cell_text (const DkTable *table, guint row, guint col);

/* ---- reports ------------------------------------------------------------------ */

/* Returns a new report titled TITLE whose numbers follow LANG. */
DkReport *dk_report_new (const char *title, DkLang lang);
void dk_report_free (DkReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkReport, dk_report_free)

/* Adds a line shown under the title (e.g. the suppression rule). */
void dk_report_add_note (DkReport *report, const char *note);
/* Adds TABLE; the report takes ownership. */
void dk_report_add_table (DkReport *report, DkTable *table);
/* Adds an SVG chart (markup, copied) with CAPTION; shown in HTML only. */
void dk_report_add_chart (DkReport *report, const char *caption, const char *svg);

/* Adds a fact about the whole report shown under its title on paper
 * ("Organisation", "Kulturförvaltningen"); both copied. */
void dk_report_add_fact (DkReport *report, const char *label, const char *value);
/* Adds the definition of a figure, in plain words, for the reader of the
 * printed report; both copied. */
void dk_report_add_definition (DkReport *report, const char *term, const char *text);
/* Moves the tables of FROM to the end of REPORT (FROM keeps none). */
void dk_report_take_tables (DkReport *report, DkReport *from);

DkLang dk_report_lang (const DkReport *report);
/* Returns REPORT's title (owned by REPORT). */
const char *dk_report_title (const DkReport *report);

/* Returns how many tables REPORT holds, and table I (< that; owned by
 * REPORT), in the order they were added. */
guint dk_report_n_tables (const DkReport *report);
const DkTable *dk_report_table (const DkReport *report, guint i);

/* Renderings: each returns a new NUL-terminated string (caller frees). */
char *dk_report_render_text (const DkReport *report, gboolean colour);
char *dk_report_render_csv (const DkReport *report);
/* JSON comes from the exporters' module: NULL with ERROR when it cannot be
 * loaded. */
char *dk_report_render_json (const DkReport *report, GError **error);
char *dk_report_render_html (const DkReport *report);
/* Returns REPORT's notes, charts (inline SVG) and tables for a page that
 * frames them: no document, no style; each table with its title as its
 * caption, scoped headings, in a region that scrolls sideways, with the
 * id "table-NAME" (NAME the table's; a second table of that name gets
 * "table-NAME-I", I its index) for a link to it (caller frees).
 * Thread-safe. */
char *dk_report_render_html_part (const DkReport *report);

/* Returns the report as an XLSX workbook in memory (caller unrefs), or NULL
 * with ERROR: what dk_report_write_xlsx writes. */
GBytes *dk_report_xlsx_bytes (const DkReport *report, GError **error);

/* Writes the report as XLSX to PATH: a temporary file beside PATH renamed
 * into place, so an interrupted export leaves no half file.  Returns FALSE
 * with ERROR on failure. */
gboolean dk_report_write_xlsx (const DkReport *report, const char *path, GError **error);

/* Writes the report as a typeset A4 PDF to PATH (atomically, as XLSX): the
 * title, the facts, the date of extraction (today by CTX's clock), the
 * notes, a chart and a ruled table per table, the definitions.  Text in
 * the report's language.  Returns FALSE with ERROR on failure. */
struct _DkContext;
/* Returns the PDF dk_report_write_pdf writes, in memory (caller unrefs), or
 * NULL with ERROR. */
GBytes *dk_report_pdf_bytes (const DkReport *report, const struct _DkContext *ctx, GError **error);
gboolean dk_report_write_pdf (const DkReport *report, const struct _DkContext *ctx, const char *path,
                              GError **error);

/* ---- numbers in a language ------------------------------------------------------ */

/* Each returns a new string (caller frees). */
char *dk_format_percent (double fraction, DkLang lang);   /* "24.0 %", "24,0 %" */
char *dk_format_points (double points, DkLang lang);      /* "+5.0", "−4,0" */
char *dk_format_level (double level, DkLang lang);        /* "3.42", "3,42" */
char *dk_format_hours (double hours, DkLang lang);        /* "26.5", "26,5" */
char *dk_format_level_change (double levels, DkLang lang); /* "+0.04", "−0,04" */

/* Returns TEXT escaped for HTML and SVG (caller frees); control
 * characters that XML does not allow (C0 but tab, newline and carriage
 * return) become U+FFFD. */
char *dk_html_escape (const char *text);
/* Appends TEXT (NULL: nothing) to OUT escaped as dk_html_escape escapes
 * it, without a copy of its own (a page appends thousands).  Thread-safe. */
void dk_html_escape_append (GString *out, const char *text);
/* Appends the N bytes at S to OUT as they are: how the HTML writers
 * append, in place when the buffer has room.  Thread-safe. */
void dk_html_append (GString *out, const char *s, gsize n);

/* Returns FORMAT with each "%s" replaced by the next string argument (a
 * NULL is empty), escaped and isolated in <bdi>, and the rest of FORMAT escaped
 * ("%%" is "%"), as HTML (caller frees): a name written right to left, or
 * with U+202E, does not reorder the text around it. */
char *dk_html_with_names (const char *format, ...);

/* Returns TEXT for a terminal (caller frees): control characters (C0 but
 * a newline, or CR LF, when KEEP_NEWLINES, DEL, C1) become "\x1b"-style escapes,
 * bidirectional formatting characters (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069) "\u202E"-style ones, bytes that are not
 * UTF-8 "\xff"-style ones, and a backslash before such an escape is
 * doubled, so that what a name holds is shown, never run: a terminal
 * sequence (ESC ] 0 ; … BEL) cannot retitle the window, U+202E cannot
 * reorder the line, a newline cannot break a table's row. */
char *dk_text_escape_controls (const char *text, gboolean keep_newlines);

#endif
