/*
 * module.h — the readers of the XML readers' module (core/xml-readers.h
 * says what each does); module.c gathers them into the table the program
 * loads.
 */
#ifndef DK_XML_MODULE_H
#define DK_XML_MODULE_H

#include "xml-readers.h"

char *dk_xml_framework_read_file (const char *path, gsize *len, DkLang lang, GError **error);
DkFramework *dk_xml_framework_load (const char *data, gsize len, const char *name, gboolean validate,
                                    DkLang lang, GError **error);
void dk_xml_catalogue_read (const char *data, gsize len, const char *name, const DkCatalogueXmlHandler *handler,
                            gpointer user_data, DkErrors *errors, guint64 *rows);

#endif
