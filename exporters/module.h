/*
 * module.h — the writers of the exporters' module (core/exporters.h says
 * what each does); module.c gathers them into the table the program loads.
 */
#ifndef DK_EXPORT_MODULE_H
#define DK_EXPORT_MODULE_H

#include "exporters.h"

char *dk_export_calendar (const DkCalendarEvent *events, guint n, gint64 stamp);
char *dk_export_report_json (const DkReport *report);
char *dk_export_person_json (DkStore *store, const DkPerson *person, GError **error);
char *dk_export_plan_json (const DkPlanContext *ctx, const DkPlan *plan, DkLang lang);

GBytes *dk_export_xlsx_bytes (const DkReport *report, GError **error);
GBytes *dk_export_report_pdf_bytes (const DkReport *report, const char *extracted, GError **error);
GBytes *dk_export_pdf_bytes (const DkPlanDoc *plan, GError **error);

#endif
