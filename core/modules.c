/*
 * modules.c — finds and opens the loadable modules.
 */
#include "modules.h"

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

gpointer
dk_module_symbol (const char *file, const char *symbol, char **path, char **why)
{
  /* BINDIR and MODULEDIR as the Makefile sets them: PREFIX/bin, PREFIX/lib/digikomp */
  g_autofree char *installed = g_build_filename ("..", "lib", "digikomp", file, NULL);
  *path = dk_beside_program (file);
  if (*path == NULL)
    *path = dk_beside_program (installed);
  if (*path == NULL)
    *path = g_build_filename (DK_MODULEDIR, file, NULL);
  GModule *module = g_module_open (*path, G_MODULE_BIND_LOCAL);
  gpointer table = NULL;
  if (module == NULL || !g_module_symbol (module, symbol, &table))
    {
      *why = g_strdup (g_module_error ());
      if (module != NULL)
        g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  *why = NULL;
  return table;
}
