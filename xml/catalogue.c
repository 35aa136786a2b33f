/*
 * catalogue.c — reading the catalogue XML (the XML readers' module):
 * parsed safely, validated against the catalogue schema, then each
 * activity built and handed to the importer (importers/catalogue.c), which
 * checks it the same way as a row of the CSV form.
 */
#include "module.h"
#include "xml.h"

#define NS "urn:digikomp:catalogue:1"

typedef struct {
  const DkCatalogueXmlHandler *handler;
  gpointer    user_data;
  const char *file;
  DkErrors   *errors;
} Reader;

static gboolean
attr_flag (const xmlNode *node, const char *name)
{
  g_autofree char *v = dk_xml_attr (node, name);
  return g_strcmp0 (v, "true") == 0 || g_strcmp0 (v, "1") == 0;
}

/* Returns the texts of NODE's children NAME as a NULL-terminated vector. */
static char **
child_texts (const xmlNode *node, const char *name)
{
  GPtrArray *out = g_ptr_array_new ();
  for (const xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (dk_xml_is (c, NS, name))
      g_ptr_array_add (out, dk_xml_text (c));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static void
read_develops (Reader *r, DkActivity *a, const xmlNode *node)
{
  g_autofree char *comp = dk_xml_attr (node, "competence"), *problem = NULL;
  guint from = dk_xml_attr_uint (node, "from"), to = dk_xml_attr_uint (node, "to"), line = (guint) node->line;
  if (!dk_activity_add_develops (a, comp, from, to, r->errors->lang, &problem))
    dk_errors_add (r->errors, r->file, line, "%s", problem);
  else
    r->handler->develops (a, line, r->user_data);
}

static void
read_session (Reader *r, DkActivity *a, const xmlNode *node)
{
  g_autofree char *start = dk_xml_attr (node, "start"), *end = dk_xml_attr (node, "end");
  g_autofree char *place = dk_xml_attr (node, "place"), *problem = NULL;
  if (!dk_activity_add_session (a, start, end, place, dk_xml_attr_uint (node, "seats"), r->errors->lang,
                                &problem))
    dk_errors_add (r->errors, r->file, (guint) node->line, "%s", problem);
}

static void
read_activity (Reader *r, const xmlNode *node)
{
  guint before = r->errors->count, line = (guint) node->line;
  DkActivity *a = dk_activity_new ();
  a->id = dk_xml_attr (node, "id");
  a->kind = dk_xml_attr (node, "kind");
  a->format = dk_xml_attr (node, "format");
  a->language = dk_xml_attr (node, "language");
  const xmlNode *audience = NULL;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (dk_xml_is (c, NS, "title"))
      dk_xml_lang_text (c, a->title);
    else if (dk_xml_is (c, NS, "description"))
      dk_xml_lang_text (c, a->description);
    else if (dk_xml_is (c, NS, "develops"))
      read_develops (r, a, c);
    else if (dk_xml_is (c, NS, "audience"))
      audience = c;
    else if (dk_xml_is (c, NS, "session"))
      read_session (r, a, c);
    else if (dk_xml_is (c, NS, "accessibility"))
      {
        a->easy_swedish = attr_flag (c, "easy-swedish");
        a->read_aloud = attr_flag (c, "read-aloud");
      }
    else if (dk_xml_is (c, NS, "preparation"))
      a->preparation = dk_xml_text (c);
    else if (dk_xml_is (c, NS, "follow-up"))
      a->follow_up = dk_xml_text (c);
  a->roles = child_texts (audience, "role");
  a->units = child_texts (audience, "unit");
  a->themes = child_texts (node, "theme");
  g_autofree char *hours = dk_xml_attr (node, "hours");
  r->handler->activity (a, hours, line, audience != NULL ? (guint) audience->line : line,
                        r->errors->count == before, r->user_data);
}

void
dk_xml_catalogue_read (const char *data, gsize len, const char *name, const DkCatalogueXmlHandler *handler,
                       gpointer user_data, DkErrors *errors, guint64 *rows)
{
  Reader r = { handler, user_data, name, errors };
  xmlDocPtr doc = dk_xml_parse (data, len, name, errors);
  xmlNodePtr root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL && !dk_xml_is (root, NS, "catalogue"))
    dk_errors_add (errors, name, (guint) root->line,
                   T_ (errors->lang, "the root element must be <catalogue> in namespace %s"), NS);
  else if (root != NULL && dk_xml_validate (doc, dk_schema_catalogue, dk_schema_catalogue_len, name, errors))
    {
      g_autofree char *code = dk_xml_attr (root, "framework"), *version = dk_xml_attr (root, "version");
      handler->catalogue (code, version, user_data);
      for (const xmlNode *n = root->children; n != NULL && !dk_errors_full (errors); n = n->next)
        if (dk_xml_is (n, NS, "activity"))
          {
            read_activity (&r, n);
            (*rows)++;
          }
    }
  xmlFreeDoc (doc);
}
