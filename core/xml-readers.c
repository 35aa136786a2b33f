/*
 * xml-readers.c — opens the XML readers' module once, and the framework
 * entry points that hand their work to it.
 */
#include "xml-readers.h"

#include "modules.h"

static const DkXmlReaders *
load (GError **error)
{
  g_autofree char *path = NULL, *why = NULL;
  const DkXmlReaders *table = dk_module_symbol (DK_XML_READERS_MODULE, DK_XML_READERS_SYMBOL, &path, &why);
  if (table == NULL)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("cannot open %s: %s"),
                 path, why);
  return table;
}

/* Defined only where the module's objects are linked into the program
 * itself, as in the unit tests and the fuzz targets; the program proper
 * loads the module. */
extern const DkXmlReaders dk_xml_readers_module __attribute__ ((weak));

const DkXmlReaders *
dk_xml_readers (GError **error)
{
  static const DkXmlReaders *readers;
  if (readers == NULL)
    readers = &dk_xml_readers_module != NULL ? &dk_xml_readers_module : load (error);
  return readers;
}

char *
dk_framework_read_file (const char *path, gsize *len, GError **error)
{
  const DkXmlReaders *x = dk_xml_readers (error);
  return x != NULL ? x->framework_read_file (path, len, error) : NULL;
}

DkFramework *
dk_framework_load_from_data (const char *data, gsize len, const char *name, GError **error)
{
  const DkXmlReaders *x = dk_xml_readers (error);
  return x != NULL ? x->framework_load (data, len, name, TRUE, error) : NULL;
}

DkFramework *
dk_framework_load_trusted (const char *data, gsize len, const char *name, GError **error)
{
  const DkXmlReaders *x = dk_xml_readers (error);
  return x != NULL ? x->framework_load (data, len, name, FALSE, error) : NULL;
}

DkFramework *
dk_framework_load (const char *path, GError **error)
{
  gsize len = 0;
  g_autofree char *data = dk_framework_read_file (path, &len, error);
  return data != NULL ? dk_framework_load_from_data (data, len, path, error) : NULL;
}
