/*
 * xml-readers.h — every reader of XML (the safe parser and RELAX NG
 * validation of xml/xml.c, the framework XML loader, the catalogue XML
 * reader) lives in a loadable module, digikomp-xml.so, opened only by the
 * commands that read XML: `init`, `framework validate|show`, `catalogue
 * import` of an XML file, and any command whose store holds a framework
 * without its compiled form.  Linking libxml2 into the program would cost
 * every command, the conversation view included, the loading of libxml2
 * and what it pulls in (ICU, libstdc++, liblzma) at start.
 *
 * The module exports one symbol, DK_XML_READERS_SYMBOL, a DkXmlReaders.  It
 * calls the program's dk_* functions (the program exports them).  The
 * framework entry points of framework.h hand their work to it.
 */
#ifndef DK_XML_READERS_H
#define DK_XML_READERS_H

#include "catalogue.h"
#include "errors.h"
#include "framework.h"

#define DK_XML_READERS_SYMBOL "dk_xml_readers_module"
#define DK_XML_READERS_MODULE "digikomp-xml.so"

/* What the catalogue XML reader hands over as it reads; USER_DATA is the
 * reader's caller's. */
typedef struct {
  /* The framework id and version the catalogue names (either may be NULL),
   * before any activity. */
  void (*catalogue) (const char *framework, const char *version, gpointer user_data);
  /* ACTIVITY's last develops entry was added, from LINE. */
  void (*develops) (DkActivity *activity, guint line, gpointer user_data);
  /* ACTIVITY (the callee takes it) was read from LINE, its audience from
   * AUDIENCE_LINE (LINE when it has none); HOURS is the attribute as written
   * (NULL when absent).  CLEAN is FALSE when reading it added an error. */
  void (*activity) (DkActivity *activity, const char *hours, guint line, guint audience_line,
                    gboolean clean, gpointer user_data);
} DkCatalogueXmlHandler;

typedef struct {
  /* See dk_framework_read_file. */
  char *(*framework_read_file) (const char *path, gsize *len, DkLang lang, GError **error);
  /* See dk_framework_load_from_data (VALIDATE) and dk_framework_load_trusted. */
  DkFramework *(*framework_load) (const char *data, gsize len, const char *name, gboolean validate,
                                  DkLang lang, GError **error);
  /* Parses LEN bytes of catalogue XML in DATA (NAME stands for the file in
   * messages) and validates it against the catalogue schema, then hands its
   * activities in document order to HANDLER, counting them in *ROWS, until
   * ERRORS is full.  Every problem goes to ERRORS as "NAME:LINE: message",
   * in ERRORS's language. */
  void (*catalogue) (const char *data, gsize len, const char *name, const DkCatalogueXmlHandler *handler,
                     gpointer user_data, DkErrors *errors, guint64 *rows);
} DkXmlReaders;

/* Returns the module's readers (static), loading the module on first use
 * (see dk_module_symbol).  NULL with a G_FILE_ERROR, in LANG, when it
 * cannot be loaded.  Thread-safe: the module is opened once (dk_module_table), and
 * loading it initialises libxml2 (xml/module.c). */
const DkXmlReaders *dk_xml_readers (DkLang lang, GError **error);

#endif
