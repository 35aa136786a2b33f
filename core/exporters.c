/*
 * exporters.c — finds and opens the exporters' module once, and the core
 * entry points that hand their work to it.
 */
#include "exporters.h"

#include <gmodule.h>

char *
dk_beside_program (const char *name)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return NULL;
  g_autofree char *dir = g_path_get_dirname (exe);
  char *path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_free (path);
  return NULL;
}

static const DkExporters *
load (GError **error)
{
  g_autofree char *path = dk_beside_program (DK_EXPORTERS_MODULE);
  if (path == NULL)
    path = g_build_filename (DK_MODULEDIR, DK_EXPORTERS_MODULE, NULL);
  /* Every symbol bound now: a missing one fails here, not in mid-export. */
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  gpointer table = NULL;
  if (module == NULL || !g_module_symbol (module, DK_EXPORTERS_SYMBOL, &table))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("cannot load the exporters' module %s: %s"),
                   path, g_module_error ());
      if (module != NULL)
        g_module_close (module);
      return NULL;
    }
  /* Kept for the life of the process: the writers are called through it. */
  g_module_make_resident (module);
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
