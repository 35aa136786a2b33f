/*
 * xml.c — safe XML reading and RELAX NG validation.
 */
#include "xml.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  DkErrors   *errors;
  const char *name;
} Sink;

static void
collect_error (void *data, xmlErrorPtr err)
{
  Sink *sink = data;
  g_autofree char *msg = g_strstrip (g_strdup (err->message != NULL ? err->message : "error"));
  dk_errors_add (sink->errors, sink->name, err->line > 0 ? (guint) err->line : 0, "%s", msg);
}

/* Finds a DOCTYPE in the prolog (before the root element) and returns its
 * line, or 0 when there is none. */
static guint
doctype_line (const char *data, gsize len)
{
  const char *p = data, *end = data + len;
  guint line = 1;
  while (p < end)
    {
      if (*p == '\n')
        line++;
      if (g_ascii_isspace (*p) || (guchar) *p >= 0x80)   /* whitespace, a BOM */
        {
          p++;
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return line;
      const char *close = NULL, *terminator = NULL;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p + 4, end - p - 4, terminator = "-->");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = g_strstr_len (p + 2, end - p - 2, terminator = "?>");
      if (close == NULL)
        return 0;   /* the root element (or garbage the parser reports) */
      for (; p < close; p++)
        line += *p == '\n';
      p = close + strlen (terminator);
    }
  return 0;
}

/* Returns the end of the first TERMINATOR at or after P (before END),
 * counting the lines it passes into *LINE; NULL when there is none. */
static const char *
skip_past (const char *p, const char *end, const char *terminator, guint *line)
{
  const char *close = g_strstr_len (p, end - p, terminator);
  if (close == NULL)
    return NULL;
  for (; p < close; p++)
    *line += *p == '\n';
  return close + strlen (terminator);
}

/* Counts the elements of DATA and the attributes of each (an '=' outside
 * quotes in a start tag), skipping comments, CDATA and processing
 * instructions; adds a problem to ERRORS and returns FALSE when one passes
 * its limit.  A text that is not well-formed is left to the parser. */
static gboolean
within_bounds (const char *data, gsize len, const char *name, DkErrors *errors)
{
  const char *p = data, *end = data + len;
  guint line = 1, elements = 0;
  while (p != NULL && p < end)
    {
      if (*p != '<')
        {
          line += *p++ == '\n';
          continue;
        }
      gsize left = (gsize) (end - p);
      if (left >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p + 4, end, "-->", &line);
      else if (left >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = skip_past (p + 9, end, "]]>", &line);
      else if (left >= 2 && memcmp (p, "<?", 2) == 0)
        p = skip_past (p + 2, end, "?>", &line);
      else if (left >= 2 && (p[1] == '/' || p[1] == '!'))
        p = skip_past (p + 2, end, ">", &line);
      else
        {
          guint start = line, attributes = 0;
          if (++elements > DK_XML_MAX_ELEMENTS)
            {
              dk_errors_add (errors, name, line,
                             T_ (errors->lang, "the document has more than %d elements"), DK_XML_MAX_ELEMENTS);
              return FALSE;
            }
          char quote = 0;
          for (p++; p < end && (quote != 0 || *p != '>'); p++)
            {
              line += *p == '\n';
              if (quote != 0)
                quote = *p == quote ? 0 : quote;
              else if (*p == '"' || *p == '\'')
                quote = *p;
              else if (*p == '=' && ++attributes > DK_XML_MAX_ATTRIBUTES)
                {
                  dk_errors_add (errors, name, start,
                                 T_ (errors->lang, "an element has more than %d attributes"),
                                 DK_XML_MAX_ATTRIBUTES);
                  return FALSE;
                }
            }
        }
    }
  return TRUE;
}

static gboolean
too_big (const char *path, gint64 size, DkErrors *errors)
{
  if (size >= 0)
    dk_errors_add (errors, path, 0,
                   T_ (errors->lang, "the file is %.1f MiB; an XML file may be at most %d MiB"),
                   size / 1048576.0, DK_XML_MAX_BYTES / 1048576);
  else
    dk_errors_add (errors, path, 0,
                   T_ (errors->lang, "the file is larger than %d MiB, the most an XML file may be"),
                   DK_XML_MAX_BYTES / 1048576);
  return FALSE;
}

static gboolean
read_error (const char *path, int saved_errno, DkLang lang, GError **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), T_ (lang, "cannot read %s: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* The size of a regular file is known before reading; anything else (a
 * pipe, a device) is read only up to the limit. */
gboolean
dk_xml_read_file (const char *path, char **data, gsize *len, DkErrors *errors, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  GStatBuf st;
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      return read_error (path, saved, errors->lang, error);
    }
  if (S_ISREG (st.st_mode) && st.st_size > DK_XML_MAX_BYTES)
    {
      close (fd);
      return too_big (path, st.st_size, errors);
    }
  g_autoptr (GByteArray) buf = g_byte_array_new ();
  guint8 chunk[1 << 16];
  for (;;)
    {
      ssize_t n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;
          close (fd);
          if (n < 0)
            return read_error (path, saved, errors->lang, error);
          break;
        }
      if (buf->len + (gsize) n > DK_XML_MAX_BYTES)
        {
          close (fd);
          return too_big (path, -1, errors);
        }
      g_byte_array_append (buf, chunk, (guint) n);
    }
  *len = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  *data = (char *) g_byte_array_free (g_steal_pointer (&buf), FALSE);
  return TRUE;
}

/* Refuses every external entity, DTD or schema include a document names:
 * digikomp reads no file but the one it was given.  DOCTYPEs are refused
 * before parsing already; this holds even if a parser option changes. */
static xmlParserInputPtr
no_external_entities (const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
  (void) id;
  (void) ctxt;
  (void) url;
  return NULL;
}

/* libxml2's process-wide state, set before any thread parses: its own
 * tables (xmlInitParser is not safe to run in two threads at once) and the
 * entity loader, one for the whole process.  The error handler is not
 * here: libxml2 keeps that per thread, so dk_xml_parse sets its own. */
void
dk_xml_init (void)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (no_external_entities);
}

xmlDocPtr
dk_xml_parse (const char *data, gsize len, const char *name, DkErrors *errors)
{
  if (len == 0)
    {
      dk_errors_add (errors, name, 0, T_ (errors->lang, "the file is empty"));
      return NULL;
    }
  if (len > G_MAXINT)
    {
      dk_errors_add (errors, name, 0, T_ (errors->lang, "the file is too large"));
      return NULL;
    }
  guint line = doctype_line (data, len);
  if (line > 0)
    {
      dk_errors_add (errors, name, line,
                     T_ (errors->lang, "DOCTYPE declarations are not allowed (entities are refused for safety)"));
      return NULL;
    }
  if (!within_bounds (data, len, name, errors))
    return NULL;
  Sink sink = { errors, name };
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      dk_errors_add (errors, name, 0, T_ (errors->lang, "out of memory"));
      return NULL;
    }
  xmlSetStructuredErrorFunc (&sink, collect_error);
  xmlDocPtr doc = xmlCtxtReadMemory (ctxt, data, (int) len, name, NULL,
                                     XML_PARSE_NONET | XML_PARSE_NOWARNING);
  if (doc != NULL && (!ctxt->wellFormed || doc->intSubset != NULL || doc->extSubset != NULL))
    {
      if (ctxt->wellFormed)
        dk_errors_add (errors, name, 0, T_ (errors->lang, "DOCTYPE declarations are not allowed"));
      xmlFreeDoc (doc);
      doc = NULL;
    }
  if (doc == NULL && !dk_errors_any (errors))
    dk_errors_add (errors, name, 0, T_ (errors->lang, "not well-formed XML"));
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* Returns SCHEMA (LEN bytes of RNG text) compiled, once per process for
 * each schema: validation runs for every file, and a compiled schema is
 * only read while validating, so threads share it.  The lock is pthread's
 * so that ThreadSanitizer sees it (Debian's GLib is not instrumented). */
static xmlRelaxNGPtr
compiled_schema (const char *schema, gsize len)
{
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  static GHashTable *compiled = NULL;
  pthread_mutex_lock (&lock);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_direct_hash, g_direct_equal);
  xmlRelaxNGPtr rng = g_hash_table_lookup (compiled, schema);
  if (rng == NULL)
    {
      xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewMemParserCtxt (schema, (int) len);
      rng = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      g_assert (rng != NULL);   /* the schemas are ours and tested */
      g_hash_table_insert (compiled, (gpointer) schema, rng);
    }
  pthread_mutex_unlock (&lock);
  return rng;
}

gboolean
dk_xml_validate (xmlDocPtr doc, const char *schema, gsize len, const char *name, DkErrors *errors)
{
  xmlRelaxNGPtr rng = compiled_schema (schema, len);
  Sink sink = { errors, name };
  guint before = errors->count;
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (rng);
  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_error, &sink);
  int rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  if (rc != 0 && errors->count == before)
    dk_errors_add (errors, name, 0, T_ (errors->lang, "the document does not follow the schema"));
  return rc == 0;
}

gboolean
dk_xml_is (const xmlNode *node, const char *ns, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && strcmp ((const char *) node->ns->href, ns) == 0
         && strcmp ((const char *) node->name, name) == 0;
}

char *
dk_xml_attr (const xmlNode *node, const char *name)
{
  xmlChar *v = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) v);
  xmlFree (v);
  return copy;
}

char *
dk_xml_text (const xmlNode *node)
{
  xmlChar *v = xmlNodeGetContent (node);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = v != NULL ? (const char *) v : ""; *p != '\0'; p++)
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
      space = out->len > 0;
    else
      {
        if (space)
          g_string_append_c (out, ' ');
        space = FALSE;
        g_string_append_c (out, *p);
      }
  xmlFree (v);
  return g_string_free (out, FALSE);
}

gboolean
dk_xml_lang (const xmlNode *node, DkLang *out)
{
  xmlChar *lang = xmlNodeGetLang (node);
  g_autofree char *code = g_strndup ((const char *) lang, 2);
  xmlFree (lang);
  return dk_lang_parse (code, out);
}

void
dk_xml_lang_text (const xmlNode *node, char **texts)
{
  DkLang lang;
  if (dk_xml_lang (node, &lang) && texts[lang] == NULL)
    texts[lang] = dk_xml_text (node);
}

guint
dk_xml_attr_uint (const xmlNode *node, const char *name)
{
  g_autofree char *v = dk_xml_attr (node, name);
  return v != NULL ? (guint) MIN (g_ascii_strtoull (v, NULL, 10), G_MAXUINT) : 0;
}
