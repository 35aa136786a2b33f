/*
 * framework.c — loading and validating competence frameworks from their XML
 * (the XML readers' module; core/framework.h says what a framework is).
 *
 * Three passes: the safe parse (xml.c), the RELAX NG schema, then the
 * reference checks below, which the schema cannot express.  Every problem
 * of every pass is collected, so a file's author sees them all at once.
 */
#include "framework-private.h"
#include "module.h"
#include "xml.h"

#define NS "urn:digikomp:framework:1"

/* ---- building the model ------------------------------------------------------------ */

typedef struct {
  DkFramework *fw;
  const char  *name;
  DkErrors    *errors;
} Loader;

/* A problem's message in the language of the loader's errors (its caller's). */
#define L_(msgid) T_ (ld->errors->lang, msgid)

static gboolean
read_scale (Loader *ld, const xmlNode *node, DkScale *scale)
{
  scale->min = dk_xml_attr_uint (node, "min");
  scale->max = dk_xml_attr_uint (node, "max");
  if (scale->max < scale->min || scale->max > DK_MAX_LEVEL)
    {
      dk_errors_add (ld->errors, ld->name, (guint) node->line,
                     L_ ("the scale must run from a min to a max of at most %u, not %u..%u"),
                     DK_MAX_LEVEL, scale->min, scale->max);
      scale->min = scale->max = 0;
      return FALSE;
    }
  guint n = scale->max - scale->min + 1;
  scale->label = g_malloc0_n (n, sizeof *scale->label);
  scale->descriptor = g_malloc0_n (n, sizeof *scale->descriptor);
  for (const xmlNode *l = node->children; l != NULL; l = l->next)
    {
      if (!dk_xml_is (l, NS, "level"))
        continue;
      guint v = dk_xml_attr_uint (l, "value");
      if (v < scale->min || v > scale->max)
        {
          dk_errors_add (ld->errors, ld->name, (guint) l->line,
                         L_ ("level %u is off the scale %u..%u"), v, scale->min, scale->max);
          continue;
        }
      for (const xmlNode *t = l->children; t != NULL; t = t->next)
        if (dk_xml_is (t, NS, "label"))
          dk_xml_lang_text (t, scale->label[v - scale->min]);
        else if (dk_xml_is (t, NS, "descriptor"))
          dk_xml_lang_text (t, scale->descriptor[v - scale->min]);
    }
  return TRUE;
}

/* Adds ID to TABLE, or reports a duplicate.  Returns TRUE when new. */
static gboolean
unique_id (Loader *ld, GHashTable *table, const char *what, const char *id, gpointer value,
           const xmlNode *node)
{
  if (g_hash_table_contains (table, id))
    {
      dk_errors_add (ld->errors, ld->name, (guint) node->line, L_ ("duplicate %s id '%s'"), what, id);
      return FALSE;
    }
  g_hash_table_insert (table, (gpointer) id, value);
  return TRUE;
}

static void
read_roles (Loader *ld, const xmlNode *node)
{
  for (const xmlNode *r = node->children; r != NULL; r = r->next)
    {
      if (!dk_xml_is (r, NS, "role"))
        continue;
      if (ld->fw->roles->len == DK_MAX_ROLES)
        {
          dk_errors_add (ld->errors, ld->name, (guint) r->line, L_ ("more than %u roles"), DK_MAX_ROLES);
          return;
        }
      DkRole *role = g_new0 (DkRole, 1);
      role->id = dk_xml_attr (r, "id");
      role->index = ld->fw->roles->len;
      for (const xmlNode *t = r->children; t != NULL; t = t->next)
        if (dk_xml_is (t, NS, "title"))
          dk_xml_lang_text (t, role->title);
      if (unique_id (ld, ld->fw->role_by_id, L_ ("role"), role->id, role, r))
        g_ptr_array_add (ld->fw->roles, role);
      else
        dk_role_free (role);
    }
}

static guint64
read_area_roles (Loader *ld, const xmlNode *node)
{
  g_autofree char *list = dk_xml_attr (node, "roles");
  if (list == NULL)
    return G_MAXUINT64;
  guint64 mask = 0;
  g_auto (GStrv) ids = g_strsplit_set (list, " \t\r\n", -1);
  for (char **id = ids; *id != NULL; id++)
    {
      if (**id == '\0')
        continue;
      const DkRole *role = g_hash_table_lookup (ld->fw->role_by_id, *id);
      if (role == NULL)
        dk_errors_add (ld->errors, ld->name, (guint) node->line,
                       L_ ("area is limited to role '%s', which is not defined"), *id);
      else
        mask |= G_GUINT64_CONSTANT (1) << role->index;
    }
  return mask;
}

/* Reads the expectations of COMP and checks that exactly the roles it
 * applies to have one, each on the scale. */
static void
read_expectations (Loader *ld, const xmlNode *node, const DkCompetence *comp)
{
  DkFramework *fw = ld->fw;
  guint64 given = 0;
  for (const xmlNode *e = node->children; e != NULL; e = e->next)
    {
      if (!dk_xml_is (e, NS, "expect"))
        continue;
      g_autofree char *role_id = dk_xml_attr (e, "role");
      guint level = dk_xml_attr_uint (e, "level");
      const DkRole *role = g_hash_table_lookup (fw->role_by_id, role_id);
      if (role == NULL)
        dk_errors_add (ld->errors, ld->name, (guint) e->line,
                       L_ ("expectation names role '%s', which is not defined"), role_id);
      else if (!(comp->area->role_mask >> role->index & 1))
        dk_errors_add (ld->errors, ld->name, (guint) e->line,
                       L_ ("competence %s does not apply to role '%s' (its area is limited), "
                           "so it cannot have an expectation for it"), comp->id, role_id);
      else if (given >> role->index & 1)
        dk_errors_add (ld->errors, ld->name, (guint) e->line,
                       L_ ("a second expectation for role '%s' on competence %s"), role_id, comp->id);
      else
        {
          given |= G_GUINT64_CONSTANT (1) << role->index;
          if (level >= fw->scale.min && level <= fw->scale.max)
            fw->expected[role->index][comp->index] = (guint8) level;
          else
            dk_errors_add (ld->errors, ld->name, (guint) e->line,
                           L_ ("level %u for role '%s' is off the scale %u..%u"), level, role_id,
                           fw->scale.min, fw->scale.max);
        }
    }
  for (guint r = 0; r < fw->roles->len; r++)
    if ((comp->area->role_mask >> r & 1) && !(given >> r & 1))
      dk_errors_add (ld->errors, ld->name, (guint) node->line,
                     L_ ("competence %s has no expectation for role '%s'"), comp->id,
                     ((DkRole *) g_ptr_array_index (fw->roles, r))->id);
}

static void
read_competence (Loader *ld, const xmlNode *node, const DkArea *area)
{
  DkFramework *fw = ld->fw;
  if (fw->competences->len == DK_MAX_COMPETENCES)
    {
      dk_errors_add (ld->errors, ld->name, (guint) node->line, L_ ("more than %u competences"),
                     DK_MAX_COMPETENCES);
      return;
    }
  DkCompetence *c = g_new0 (DkCompetence, 1);
  c->id = dk_xml_attr (node, "id");
  c->area = area;
  c->index = fw->competences->len;
  GPtrArray *digcomp = g_ptr_array_new ();
  for (const xmlNode *t = node->children; t != NULL; t = t->next)
    if (dk_xml_is (t, NS, "title"))
      dk_xml_lang_text (t, c->title);
    else if (dk_xml_is (t, NS, "description"))
      dk_xml_lang_text (t, c->description);
    else if (dk_xml_is (t, NS, "digcomp"))
      g_ptr_array_add (digcomp, dk_xml_attr (t, "ref"));
  g_ptr_array_add (digcomp, NULL);
  c->digcomp = (char **) g_ptr_array_free (digcomp, FALSE);
  if (!unique_id (ld, fw->competence_by_id, L_ ("competence"), c->id, c, node))
    {
      dk_competence_free (c);
      return;
    }
  g_ptr_array_add (fw->competences, c);
  read_expectations (ld, node, c);
}

static void
read_area (Loader *ld, const xmlNode *node)
{
  DkArea *area = g_new0 (DkArea, 1);
  area->id = dk_xml_attr (node, "id");
  area->index = ld->fw->areas->len;
  area->role_mask = read_area_roles (ld, node);
  if (!unique_id (ld, ld->fw->area_by_id, L_ ("area"), area->id, area, node))
    {
      dk_area_free (area);
      return;
    }
  g_ptr_array_add (ld->fw->areas, area);
  for (const xmlNode *t = node->children; t != NULL; t = t->next)
    if (dk_xml_is (t, NS, "title"))
      dk_xml_lang_text (t, area->title);
    else if (dk_xml_is (t, NS, "competence"))
      read_competence (ld, t, area);
}

static void
read_framework (Loader *ld, const xmlNode *root)
{
  DkFramework *fw = ld->fw;
  fw->id = dk_xml_attr (root, "id");
  fw->version = dk_xml_attr (root, "version");
  /* Roles and the scale first: areas refer to both. */
  for (const xmlNode *n = root->children; n != NULL; n = n->next)
    if (dk_xml_is (n, NS, "title"))
      dk_xml_lang_text (n, fw->title);
    else if (dk_xml_is (n, NS, "scale"))
      read_scale (ld, n, &fw->scale);
    else if (dk_xml_is (n, NS, "motivation") && read_scale (ld, n, &fw->motivation))
      {
        fw->high = dk_xml_attr_uint (n, "high");
        if (fw->high < fw->motivation.min || fw->high > fw->motivation.max)
          dk_errors_add (ld->errors, ld->name, (guint) n->line,
                         L_ ("high motivation %u is off the motivation scale %u..%u"), fw->high,
                         fw->motivation.min, fw->motivation.max);
      }
    else if (dk_xml_is (n, NS, "roles"))
      read_roles (ld, n);
  for (const xmlNode *n = root->children; n != NULL; n = n->next)
    if (dk_xml_is (n, NS, "area"))
      read_area (ld, n);
}

DkFramework *
dk_xml_framework_load (const char *data, gsize len, const char *name, gboolean validate, DkLang lang,
                       GError **error)
{
  DkErrors errors;
  dk_errors_init (&errors, 0, lang);
  xmlDocPtr doc = dk_xml_parse (data, len, name, &errors);
  xmlNodePtr root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL && !dk_xml_is (root, NS, "framework"))
    dk_errors_add (&errors, name, (guint) root->line,
                   T_ (lang, "the root element must be <framework> in namespace %s"), NS);
  else if (root != NULL && validate)
    dk_xml_validate (doc, dk_schema_framework, dk_schema_framework_len, name, &errors);

  g_autoptr (DkFramework) fw = dk_framework_new_empty ();
  if (!dk_errors_any (&errors))
    {
      Loader ld = { fw, name, &errors };
      read_framework (&ld, root);
    }
  xmlFreeDoc (doc);
  if (dk_errors_propagate (&errors, error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_INVALID))
    return NULL;
  return g_steal_pointer (&fw);
}

char *
dk_xml_framework_read_file (const char *path, gsize *len, DkLang lang, GError **error)
{
  char *data = NULL;
  g_autoptr (GError) io = NULL;
  DkErrors errors;
  dk_errors_init (&errors, 0, lang);
  if (!dk_xml_read_file (path, &data, len, &errors, &io))
    {
      if (io != NULL)
        g_set_error (error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_IO, "%s", io->message);
      else
        dk_errors_propagate (&errors, error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_INVALID);
    }
  dk_errors_clear (&errors);
  return data;
}
