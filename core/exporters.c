/*
 * exporters.c — finds and opens the exporters' module once, and the core
 * entry points that hand their work to it.
 */
#include "exporters.h"

#include "context.h"
#include "date.h"
#include "modules.h"

static const DkExporters *
load (GError **error)
{
  g_autofree char *path = NULL, *why = NULL;
  const DkExporters *table = dk_module_symbol (DK_EXPORTERS_MODULE, DK_EXPORTERS_SYMBOL, &path, &why);
  if (table == NULL)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("cannot load the exporters' module %s: %s"),
                 path, why);
  return table;
}

/* Defined only where the module's objects are linked into the program
 * itself, as in the unit tests; the program proper loads the module. */
extern const DkExporters dk_exporters_module __attribute__ ((weak));

const DkExporters *
dk_exporters (GError **error)
{
  static const DkExporters *exporters;
  if (exporters == NULL)
    exporters = &dk_exporters_module != NULL ? &dk_exporters_module : load (error);
  return exporters;
}

char *
dk_report_render_json (const DkReport *report, GError **error)
{
  const DkExporters *x = dk_exporters (error);
  return x != NULL ? x->report_json (report) : NULL;
}

gboolean
dk_report_write_xlsx (const DkReport *report, const char *path, GError **error)
{
  const DkExporters *x = dk_exporters (error);
  return x != NULL && x->write_xlsx (report, path, error);
}

gboolean
dk_report_write_pdf (const DkReport *report, const DkContext *ctx, const char *path, GError **error)
{
  const DkExporters *x = dk_exporters (error);
  if (x == NULL)
    return FALSE;
  g_autofree char *today = dk_context_today (ctx);
  g_autofree char *extracted = dk_date_format_long (today, dk_report_lang (report));
  return x->write_report_pdf (report, extracted, path, error);
}
