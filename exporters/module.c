/*
 * module.c — the one symbol the program looks up in digikomp-export.so.
 */
#include "module.h"

#include <gmodule.h>

G_MODULE_EXPORT const DkExporters dk_exporters_module = {
  dk_export_calendar,
  dk_export_report_json,
  dk_export_person_json,
  dk_export_plan_json,
  dk_export_xlsx_bytes,
  dk_export_report_pdf_bytes,
  dk_export_pdf_bytes,
};
