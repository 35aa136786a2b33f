/*
 * modules.h — finding and opening digikomp's loadable modules: the
 * exporters' (core/exporters.h) and the XML readers' (core/xml-readers.h).
 * Each holds code whose libraries would cost every command their loading
 * time at start, and is opened only by the commands that need it.
 */
#ifndef DK_MODULES_H
#define DK_MODULES_H

#include <pthread.h>

#include "dk.h"

/* One loadable module: where its table is, and once looked up, the table
 * or why it could not be had.  Each module has one static DkModule, made
 * with DK_MODULE_INIT; only dk_module_table touches its fields. */
typedef struct {
  const char     *file;      /* "digikomp-export.so" */
  const char     *symbol;    /* the table's symbol in it */
  const char     *failure;   /* a msgid (N_()) with two %s: where it was looked for, the loader's reason */
  pthread_mutex_t lock;      /* pthread's, not GLib's: ThreadSanitizer sees it (Debian's GLib is
                              * not instrumented, so a GMutex or g_once would look like no lock) */
  int             tried;     /* written under LOCK; read with acquire once set */
  gconstpointer   table;
  char           *path;
  char           *why;
} DkModule;

#define DK_MODULE_INIT(file, symbol, failure) \
  { (file), (symbol), (failure), PTHREAD_MUTEX_INITIALIZER, 0, NULL, NULL, NULL }

/* Returns MODULE's table: LINKED when the module's objects are linked into
 * the program itself (the unit tests, the fuzz targets), else the symbol
 * looked up in the module (see dk_module_symbol).  The module is opened at
 * most once per process, whatever the number of threads asking at once:
 * the first call opens it, the others wait for it and get the same table,
 * or the same failure as a G_FILE_ERROR in each caller's LANG (a missing
 * module does not appear while the process runs).  Thread-safe. */
gconstpointer dk_module_table (DkModule *module, gconstpointer linked, DkLang lang, GError **error);

/* Opens the module FILE and returns its symbol SYMBOL, looking for FILE
 * beside the running program (the build tree), then in ../lib/digikomp
 * from the program's directory (an installed program, wherever it was
 * installed), then in DK_MODULEDIR.  Every symbol of the module is bound at
 * once, so that a missing one fails here; the module stays loaded for the
 * life of the process.  Returns NULL when it cannot be opened or lacks
 * SYMBOL, with *PATH (where it was looked for last) and *WHY (the loader's
 * reason) set; the caller frees both.  Not for direct use: dk_module_table
 * calls it once per module. */
gpointer dk_module_symbol (const char *file, const char *symbol, char **path, char **why);

#endif
