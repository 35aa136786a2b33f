/*
 * xml-readers.c — opens the XML readers' module once, and the framework
 * entry points that hand their work to it.
 */
#include "xml-readers.h"

#include "modules.h"

/* Defined only where the module's objects are linked into the program
 * itself, as in the unit tests and the fuzz targets; the program proper
 * loads the module. */
extern const DkXmlReaders dk_xml_readers_module __attribute__ ((weak));

const DkXmlReaders *
dk_xml_readers (DkLang lang, GError **error)
{
  static DkModule module = DK_MODULE_INIT (DK_XML_READERS_MODULE, DK_XML_READERS_SYMBOL,
                                           N_("cannot open %s: %s"));
  return dk_module_table (&module, &dk_xml_readers_module != NULL ? &dk_xml_readers_module : NULL, lang,
                          error);
}

char *
dk_framework_read_file (const char *path, gsize *len, DkLang lang, GError **error)
{
  const DkXmlReaders *x = dk_xml_readers (lang, error);
  return x != NULL ? x->framework_read_file (path, len, lang, error) : NULL;
}

DkFramework *
dk_framework_load_from_data (const char *data, gsize len, const char *name, DkLang lang, GError **error)
{
  const DkXmlReaders *x = dk_xml_readers (lang, error);
  return x != NULL ? x->framework_load (data, len, name, TRUE, lang, error) : NULL;
}

DkFramework *
dk_framework_load_trusted (const char *data, gsize len, const char *name, DkLang lang, GError **error)
{
  const DkXmlReaders *x = dk_xml_readers (lang, error);
  return x != NULL ? x->framework_load (data, len, name, FALSE, lang, error) : NULL;
}

DkFramework *
dk_framework_load (const char *path, DkLang lang, GError **error)
{
  gsize len = 0;
  g_autofree char *data = dk_framework_read_file (path, &len, lang, error);
  return data != NULL ? dk_framework_load_from_data (data, len, path, lang, error) : NULL;
}
