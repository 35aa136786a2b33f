/*
 * xml.h — reading outside XML safely, and validating it against a RELAX NG
 * schema, with every problem reported as "FILE:LINE: message".
 *
 * Safety: a document with a DOCTYPE is refused before it is parsed (no
 * external DTD, no entity of any kind, so neither XXE nor "billion laughs"
 * can start); the parser runs with network access off, substitutes no
 * entities and keeps libxml2's limits on sizes and depth (no XML_PARSE_HUGE).
 *
 * Every message is in the language of the ERRORS it goes to (errors.h): the
 * language of whoever gave the file.
 *
 * Part of the XML readers' module (core/xml-readers.h), the one place that
 * links libxml2.  Schemas are compiled into the module (see Makefile:
 * build/gen/), so it validates the same way wherever it runs.
 */
#ifndef DK_XML_H
#define DK_XML_H

#include <libxml/tree.h>

#include "errors.h"

/* The largest XML file digikomp reads: far above any framework or catalogue
 * (the shipped frameworks are some 13 kB). */
#define DK_XML_MAX_BYTES (16 * 1024 * 1024)

/* The most attributes (namespace declarations included) one element may
 * have, and the most elements a document may have: libxml2's check of
 * duplicate attributes takes time quadratic in their number, and a
 * document's tree takes memory in proportion to its elements, so these
 * bound the parser's work, not the file's size alone.  The shipped files
 * use at most 5 attributes on an element and some 500 elements. */
#define DK_XML_MAX_ATTRIBUTES 64
#define DK_XML_MAX_ELEMENTS 200000

/* Sets libxml2's process-wide state once, before any thread parses: its
 * parser's tables and an entity loader that refuses every external entity.
 * The module's loading calls it (xml/module.c); nothing else should. */
void dk_xml_init (void);

/* Reads the XML file PATH into *DATA (g_free; NUL-terminated) and *LEN,
 * refusing a regular file larger than DK_XML_MAX_BYTES before reading it,
 * and anything else (a pipe, a device) once it passes the limit, so that
 * memory stays bounded whatever a file holds.  Returns TRUE, or FALSE with either ERROR
 * set (G_FILE_ERROR: the file cannot be read) or the size problem added to
 * ERRORS (bad input). */
gboolean dk_xml_read_file (const char *path, char **data, gsize *len, DkErrors *errors,
                           GError **error);

/* Parses LEN bytes of DATA (NAME stands for the file in messages).  Returns
 * the document (free with xmlFreeDoc) or NULL after adding every problem to
 * ERRORS.  A DOCTYPE, an element with more than DK_XML_MAX_ATTRIBUTES
 * attributes or more than DK_XML_MAX_ELEMENTS elements is refused before
 * libxml2 sees the text, in time linear in LEN. */
xmlDocPtr dk_xml_parse (const char *data, gsize len, const char *name, DkErrors *errors);

/* Validates DOC against the RELAX NG schema SCHEMA (LEN bytes of RNG text),
 * adding every problem to ERRORS.  Returns TRUE when valid. */
gboolean dk_xml_validate (xmlDocPtr doc, const char *schema, gsize len, const char *name,
                          DkErrors *errors);

/* Returns TRUE when NODE is an element NAME in namespace NS. */
gboolean dk_xml_is (const xmlNode *node, const char *ns, const char *name);

/* Returns a copy of attribute NAME of NODE (no namespace), or NULL (g_free). */
char *dk_xml_attr (const xmlNode *node, const char *name);

/* Returns a copy of NODE's text content, whitespace collapsed (g_free). */
char *dk_xml_text (const xmlNode *node);

/* Returns the language of NODE's xml:lang as DK_LANG_SV / DK_LANG_EN in
 * *OUT and TRUE, or FALSE for another or no language. */
gboolean dk_xml_lang (const xmlNode *node, DkLang *out);

/* Stores the text of NODE in TEXTS[lang] (sv, en; other languages, and a
 * language already seen, ignored). */
void dk_xml_lang_text (const xmlNode *node, char **texts);

/* Returns attribute NAME of NODE as a number (0 when absent; the schema
 * checked its form). */
guint dk_xml_attr_uint (const xmlNode *node, const char *name);

/* The schemas compiled in (build/gen/schemas.c). */
extern const char dk_schema_framework[];
extern const gsize dk_schema_framework_len;
extern const char dk_schema_catalogue[];
extern const gsize dk_schema_catalogue_len;

#endif
