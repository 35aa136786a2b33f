/*
 * modules.c — finds and opens the loadable modules, each once per process.
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

gconstpointer
dk_module_table (DkModule *module, gconstpointer linked, DkLang lang, GError **error)
{
  /* Double-checked: after the first call every caller reads TRIED with
   * acquire and the fields the releasing store published, without the lock. */
  if (!__atomic_load_n (&module->tried, __ATOMIC_ACQUIRE))
    {
      pthread_mutex_lock (&module->lock);
      if (!module->tried)
        {
          module->table = linked != NULL ? linked
                                         : dk_module_symbol (module->file, module->symbol,
                                                             &module->path, &module->why);
          __atomic_store_n (&module->tried, 1, __ATOMIC_RELEASE);
        }
      pthread_mutex_unlock (&module->lock);
    }
  if (module->table == NULL)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, T_ (lang, module->failure), module->path,
                 module->why);
  return module->table;
}
