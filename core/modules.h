/*
 * modules.h — finding and opening digikomp's loadable modules: the
 * exporters' (core/exporters.h) and the XML readers' (core/xml-readers.h).
 * Each holds code whose libraries would cost every command their loading
 * time at start, and is opened only by the commands that need it.
 */
#ifndef DK_MODULES_H
#define DK_MODULES_H

#include "dk.h"

/* Opens the module FILE and returns its symbol SYMBOL, looking for FILE
 * beside the running program (the build tree), then in ../lib/digikomp
 * from the program's directory (an installed program, wherever it was
 * installed), then in DK_MODULEDIR.  Every symbol of the module is bound at
 * once, so that a missing one fails here; the module stays loaded for the
 * life of the process.  Returns NULL when it cannot be opened or lacks
 * SYMBOL, with *PATH (where it was looked for last) and *WHY (the loader's
 * reason) set; the caller frees both. */
gpointer dk_module_symbol (const char *file, const char *symbol, char **path, char **why);

#endif
