/*
 * module.c — the one symbol the program looks up in digikomp-xml.so, and
 * libxml2's process-wide set-up, made when the module is loaded.
 */
#include "module.h"
#include "xml.h"

#include <gmodule.h>

/* Runs once, when the module is loaded (under the dynamic loader's lock,
 * before dk_module_table hands out the table) or, where the module's
 * objects are linked into a program, before main: either way before any
 * thread can parse. */
__attribute__ ((constructor)) static void
module_loaded (void)
{
  dk_xml_init ();
}

G_MODULE_EXPORT const DkXmlReaders dk_xml_readers_module = {
  dk_xml_framework_read_file,
  dk_xml_framework_load,
  dk_xml_catalogue_read,
};
