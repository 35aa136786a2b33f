/*
 * plan-export.h — a personal plan for the person to keep: Markdown, a
 * printable HTML page with the radar chart of expected against effective
 * levels, PDF (A4, cairo and pango, fonts embedded), iCalendar (one event
 * per dated session of the planned activities, with the preparation task as
 * its description) and JSON.
 */
#ifndef DK_PLAN_EXPORT_H
#define DK_PLAN_EXPORT_H

#include "plan.h"

typedef enum {
  DK_PLAN_FORMAT_MD,
  DK_PLAN_FORMAT_HTML,
  DK_PLAN_FORMAT_PDF,
  DK_PLAN_FORMAT_ICS,
  DK_PLAN_FORMAT_JSON,
} DkPlanFormat;

/* Returns the format named NAME (md, html, pdf, ics, json; NULL: md). */
gboolean dk_plan_format_parse (const char *name, DkPlanFormat *out);

/* Returns PERSON's plan in ROUND rendered as FORMAT (not PDF), a new
 * NUL-terminated string (caller frees), or NULL with ERROR. */
char *dk_plan_render (DkStore *store, const char *round, const char *person, DkPlanFormat format,
                      DkLang lang, GError **error);

/* Writes PERSON's plan as PDF to PATH through dk_file_replace (atomic-file.h). */
gboolean dk_plan_write_pdf (DkStore *store, const char *round, const char *person, DkLang lang,
                            const char *path, GError **error);

/* Writes the plan of every person in UNIT (a path) and its sub-units who
 * has one in ROUND into directory DIR (created when missing), one file per
 * person named by person id and FORMAT ("K10040.pdf"; bytes other than
 * ASCII letters, digits, '-', '_' and a '.' not at the start become %XX,
 * '%' too: "a/b" is "a%2Fb.pdf", and no two ids share a file).  Returns the paths
 * written (char*; caller owns), or NULL with ERROR; files written before a
 * failure stay. */
GPtrArray *dk_plan_export_unit (DkStore *store, const char *round, const char *unit, DkPlanFormat format,
                                DkLang lang, const char *dir, GError **error);

#endif
