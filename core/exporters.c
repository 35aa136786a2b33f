/*
 * exporters.c — finds and opens the exporters' module once, and the core
 * entry points that hand their work to it.
 */
#include "exporters.h"

#include "context.h"
#include "date.h"
#include "modules.h"

/* Defined only where the module's objects are linked into the program
 * itself, as in the unit tests; the program proper loads the module. */
extern const DkExporters dk_exporters_module __attribute__ ((weak));

const DkExporters *
dk_exporters (GError **error)
{
  static DkModule module = DK_MODULE_INIT (DK_EXPORTERS_MODULE, DK_EXPORTERS_SYMBOL,
                                           N_("cannot load the exporters' module %s: %s"));
  return dk_module_table (&module, &dk_exporters_module != NULL ? &dk_exporters_module : NULL, error);
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
