/*
 * exporters.c — finds and opens the exporters' module once, and the core
 * entry points that hand their work to it.
 */
#include "exporters.h"

#include "atomic-file.h"
#include "context.h"
#include "date.h"
#include "modules.h"

/* Defined only where the module's objects are linked into the program
 * itself, as in the unit tests; the program proper loads the module. */
extern const DkExporters dk_exporters_module __attribute__ ((weak));

const DkExporters *
dk_exporters (DkLang lang, GError **error)
{
  static DkModule module = DK_MODULE_INIT (DK_EXPORTERS_MODULE, DK_EXPORTERS_SYMBOL,
                                           N_("cannot load the exporters' module %s: %s"));
  return dk_module_table (&module, &dk_exporters_module != NULL ? &dk_exporters_module : NULL, lang, error);
}

char *
dk_report_render_json (const DkReport *report, GError **error)
{
  const DkExporters *x = dk_exporters (dk_report_lang (report), error);
  return x != NULL ? x->report_json (report) : NULL;
}

GBytes *
dk_report_xlsx_bytes (const DkReport *report, GError **error)
{
  const DkExporters *x = dk_exporters (dk_report_lang (report), error);
  return x != NULL ? x->xlsx_bytes (report, error) : NULL;
}

gboolean
dk_report_write_xlsx (const DkReport *report, const char *path, GError **error)
{
  g_autoptr (GBytes) xlsx = dk_report_xlsx_bytes (report, error);
  return dk_file_replace_bytes (path, xlsx, dk_report_lang (report), error);
}

GBytes *
dk_report_pdf_bytes (const DkReport *report, const DkContext *ctx, GError **error)
{
  const DkExporters *x = dk_exporters (dk_report_lang (report), error);
  if (x == NULL)
    return NULL;
  g_autofree char *today = dk_context_today (ctx);
  g_autofree char *extracted = dk_date_format_long (today, dk_report_lang (report));
  return x->report_pdf_bytes (report, extracted, error);
}

gboolean
dk_report_write_pdf (const DkReport *report, const DkContext *ctx, const char *path, GError **error)
{
  g_autoptr (GBytes) pdf = dk_report_pdf_bytes (report, ctx, error);
  return dk_file_replace_bytes (path, pdf, dk_report_lang (report), error);
}
