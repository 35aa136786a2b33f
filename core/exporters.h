/*
 * exporters.h — the heavy writers (XLSX through libxlsxwriter, PDF through
 * cairo and pango, iCalendar through libical, JSON through json-glib and
 * GIO) live in a loadable module, digikomp-export.so, opened only when a
 * command writes one of those formats: linking their libraries into the program would cost every
 * command, the conversation view included, tens of milliseconds of library
 * loading at start.
 *
 * The module exports one symbol, DK_EXPORTERS_SYMBOL, a DkExporters.  It
 * may call the program's dk_* functions (the program exports them).
 */
#ifndef DK_EXPORTERS_H
#define DK_EXPORTERS_H

#include "plan-export.h"
#include "report-model.h"

#define DK_EXPORTERS_SYMBOL "dk_exporters_module"
#define DK_EXPORTERS_MODULE "digikomp-export.so"

/* One event of a calendar: times as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
 * (floating local time); PLACE and DESCRIPTION may be NULL. */
typedef struct {
  const char *uid;
  const char *summary;
  const char *start;
  const char *end;
  const char *place;
  const char *description;
} DkCalendarEvent;

typedef struct {
  /* Returns the N EVENTS as an iCalendar text (caller frees), each stamped
   * (DTSTAMP) with STAMP, seconds since the epoch. */
  char *(*calendar) (const DkCalendarEvent *events, guint n, gint64 stamp);
  /* Each returns pretty-printed JSON with a final newline (caller frees):
   * a report (see dk_report_render_json), everything stored about a person
   * (see dk_person_export_json; NULL with ERROR when the store fails), a
   * personal plan (its items' reasons in LANG as "reason", their stored
   * form as "reason_code": null for a text kept from an older store). */
  char *(*report_json) (const DkReport *report);
  char *(*person_json) (DkStore *store, const DkPerson *person, GError **error);
  char *(*plan_json) (const DkPlanContext *ctx, const DkPlan *plan, DkLang lang);
  /* Each returns a document in memory (caller unrefs; NULL with ERROR): a
   * report as XLSX (through a 0600 temporary file, read back and removed:
   * libxlsxwriter writes only files), a report as a typeset A4 PDF (see
   * dk_report_pdf_bytes; EXTRACTED is the date of extraction as the reader
   * writes it), a plan as a typeset A4 PDF.  A file is written from these
   * bytes, so a file and a server's response never differ. */
  GBytes *(*xlsx_bytes) (const DkReport *report, GError **error);
  GBytes *(*report_pdf_bytes) (const DkReport *report, const char *extracted, GError **error);
  GBytes *(*pdf_bytes) (const DkPlanDoc *plan, GError **error);
} DkExporters;

/* Returns the module's writers (static), loading the module on first use
 * from beside the running program (the build tree), else from DK_MODULEDIR
 * (installed).  NULL with a G_FILE_ERROR, in LANG, when it cannot be loaded.
 * Thread-safe: the module is opened once (dk_module_table), and its writers
 * keep no state between calls. */
const DkExporters *dk_exporters (DkLang lang, GError **error);

#endif
