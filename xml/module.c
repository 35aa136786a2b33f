/*
 * module.c — the one symbol the program looks up in digikomp-xml.so.
 */
#include "module.h"

#include <gmodule.h>

G_MODULE_EXPORT const DkXmlReaders dk_xml_readers_module = {
  dk_xml_framework_read_file,
  dk_xml_framework_load,
  dk_xml_catalogue_read,
};
