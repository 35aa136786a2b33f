/*
 * report-model-private.h — the table model's insides, shared by the renderers.
 */
#ifndef DK_REPORT_MODEL_PRIVATE_H
#define DK_REPORT_MODEL_PRIVATE_H

#include "report-model.h"

/* What a suppressed cell shows, in every format. */
#define DK_SUPPRESSED_MARK "–"

/* What a table without rows shows to people (terminal, HTML), in LANG.
 * Static; do not free. */
const char *dk_table_empty_text (DkLang lang);

typedef enum { DK_CELL_EMPTY, DK_CELL_TEXT, DK_CELL_NUMBER, DK_CELL_SUPPRESSED } DkCellState;

typedef struct {
  DkCellState state;
  gboolean    emphasis;
  gboolean    own_kind;   /* KIND below, not the column's, says what the number is */
  DkColumnKind kind;
  double      number;
  char       *text;
} DkCell;

typedef struct {
  char        *key;
  char        *label;
  DkColumnKind kind;
} DkColumn;

struct _DkTable {
  char      *name;
  char      *title;
  GPtrArray *columns;   /* DkColumn* */
  GPtrArray *rows;      /* DkCell[n_columns] */
};

struct _DkReport {
  char      *title;
  DkLang     lang;
  GPtrArray *notes;
  GPtrArray *tables;
  GPtrArray *chart_captions;
  GPtrArray *charts;
  GPtrArray *fact_labels, *fact_values;   /* char*, pairwise */
  GPtrArray *terms, *definitions;         /* char*, pairwise */
};

const DkCell *dk_table_cell (const DkTable *t, guint row, guint col);
const DkColumn *dk_table_column (const DkTable *t, guint col);

/* Returns what cell C of column COL holds: its own kind, else the column's. */
DkColumnKind dk_cell_kind (const DkColumn *col, const DkCell *c);

/* Returns the cell as people read it, in LANG (caller frees). */
char *dk_cell_display (const DkColumn *col, const DkCell *c, DkLang lang);
/* Returns the cell for machines: numbers with a dot, percent as a
 * percentage, formula-like text neutralised (caller frees). */
char *dk_cell_machine (const DkColumn *col, const DkCell *c);
/* Returns TEXT with a leading ' when a spreadsheet would run it. */
char *dk_neutralise_formula (const char *text);

#endif
