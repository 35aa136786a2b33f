/*
 * module.c — the one symbol the program looks up in digikomp-export.so.
 */
#include "module.h"

#include <errno.h>
#include <gmodule.h>
#include <stdio.h>
#include <unistd.h>

gboolean
dk_export_finish (const char *tmp, const char *path, const char *failure, GError **error)
{
  if (failure == NULL && rename (tmp, path) == 0)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("cannot write %s: %s"), path,
               failure != NULL ? failure : g_strerror (errno));
  unlink (tmp);
  return FALSE;
}

G_MODULE_EXPORT const DkExporters dk_exporters_module = {
  dk_export_xlsx,
  dk_export_pdf,
  dk_export_calendar,
  dk_export_report_json,
  dk_export_person_json,
  dk_export_plan_json,
};
