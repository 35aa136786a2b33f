/*
 * framework.c — loading and validating competence frameworks.
 *
 * Three passes: the safe parse (xml.c), the RELAX NG schema, then the
 * reference checks below, which the schema cannot express.  Every problem
 * of every pass is collected, so a file's author sees them all at once.
 */
#include "framework.h"
#include "xml.h"

#include <stdlib.h>
#include <string.h>

#define NS "urn:digikomp:framework:1"

G_DEFINE_QUARK (dk-framework-error-quark, dk_framework_error)

struct _DkFramework {
  char       *id, *version;
  char       *title[DK_N_LANGS];
  DkScale     scale, motivation;
  guint       high;
  GPtrArray  *areas;         /* DkArea* */
  GPtrArray  *competences;   /* DkCompetence* */
  GPtrArray  *roles;         /* DkRole* */
  GHashTable *competence_by_id, *role_by_id, *area_by_id;
  guint8      expected[DK_MAX_ROLES][DK_MAX_COMPETENCES];
};

/* ---- freeing ------------------------------------------------------------------ */

static void
free_texts (char **texts)
{
  for (guint l = 0; l < DK_N_LANGS; l++)
    g_free (texts[l]);
}

static void
area_free (DkArea *a)
{
  g_free (a->id);
  free_texts (a->title);
  g_free (a);
}

static void
competence_free (DkCompetence *c)
{
  g_free (c->id);
  free_texts (c->title);
  free_texts (c->description);
  g_strfreev (c->digcomp);
  g_free (c);
}

static void
role_free (DkRole *r)
{
  g_free (r->id);
  free_texts (r->title);
  g_free (r);
}

static void
scale_clear (DkScale *s)
{
  guint n = s->max >= s->min && s->label != NULL ? s->max - s->min + 1 : 0;
  for (guint i = 0; i < n; i++)
    {
      free_texts (s->label[i]);
      free_texts (s->descriptor[i]);
    }
  g_free (s->label);
  g_free (s->descriptor);
}

void
dk_framework_free (DkFramework *fw)
{
  if (fw == NULL)
    return;
  g_free (fw->id);
  g_free (fw->version);
  free_texts (fw->title);
  scale_clear (&fw->scale);
  scale_clear (&fw->motivation);
  g_ptr_array_unref (fw->areas);
  g_ptr_array_unref (fw->competences);
  g_ptr_array_unref (fw->roles);
  g_hash_table_unref (fw->competence_by_id);
  g_hash_table_unref (fw->role_by_id);
  g_hash_table_unref (fw->area_by_id);
  g_free (fw);
}

static DkFramework *
framework_new (void)
{
  DkFramework *fw = g_new0 (DkFramework, 1);
  fw->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_free);
  fw->competences = g_ptr_array_new_with_free_func ((GDestroyNotify) competence_free);
  fw->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) role_free);
  fw->competence_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  fw->role_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  fw->area_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return fw;
}

/* ---- building the model ------------------------------------------------------------ */

typedef struct {
  DkFramework *fw;
  const char  *name;
  DkErrors    *errors;
} Loader;

static gboolean
read_scale (Loader *ld, const xmlNode *node, DkScale *scale)
{
  scale->min = dk_xml_attr_uint (node, "min");
  scale->max = dk_xml_attr_uint (node, "max");
  if (scale->max < scale->min || scale->max > DK_MAX_LEVEL)
    {
      dk_errors_add (ld->errors, ld->name, (guint) node->line,
                     _("the scale must run from a min to a max of at most %u, not %u..%u"),
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
                         _("level %u is off the scale %u..%u"), v, scale->min, scale->max);
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
      dk_errors_add (ld->errors, ld->name, (guint) node->line, _("duplicate %s id '%s'"), what, id);
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
          dk_errors_add (ld->errors, ld->name, (guint) r->line, _("more than %u roles"), DK_MAX_ROLES);
          return;
        }
      DkRole *role = g_new0 (DkRole, 1);
      role->id = dk_xml_attr (r, "id");
      role->index = ld->fw->roles->len;
      for (const xmlNode *t = r->children; t != NULL; t = t->next)
        if (dk_xml_is (t, NS, "title"))
          dk_xml_lang_text (t, role->title);
      if (unique_id (ld, ld->fw->role_by_id, _("role"), role->id, role, r))
        g_ptr_array_add (ld->fw->roles, role);
      else
        role_free (role);
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
                       _("area is limited to role '%s', which is not defined"), *id);
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
                       _("expectation names role '%s', which is not defined"), role_id);
      else if (!(comp->area->role_mask >> role->index & 1))
        dk_errors_add (ld->errors, ld->name, (guint) e->line,
                       _("competence %s does not apply to role '%s' (its area is limited), "
                         "so it cannot have an expectation for it"), comp->id, role_id);
      else if (given >> role->index & 1)
        dk_errors_add (ld->errors, ld->name, (guint) e->line,
                       _("a second expectation for role '%s' on competence %s"), role_id, comp->id);
      else
        {
          given |= G_GUINT64_CONSTANT (1) << role->index;
          if (level >= fw->scale.min && level <= fw->scale.max)
            fw->expected[role->index][comp->index] = (guint8) level;
          else
            dk_errors_add (ld->errors, ld->name, (guint) e->line,
                           _("level %u for role '%s' is off the scale %u..%u"), level, role_id,
                           fw->scale.min, fw->scale.max);
        }
    }
  for (guint r = 0; r < fw->roles->len; r++)
    if ((comp->area->role_mask >> r & 1) && !(given >> r & 1))
      dk_errors_add (ld->errors, ld->name, (guint) node->line,
                     _("competence %s has no expectation for role '%s'"), comp->id,
                     ((DkRole *) g_ptr_array_index (fw->roles, r))->id);
}

static void
read_competence (Loader *ld, const xmlNode *node, const DkArea *area)
{
  DkFramework *fw = ld->fw;
  if (fw->competences->len == DK_MAX_COMPETENCES)
    {
      dk_errors_add (ld->errors, ld->name, (guint) node->line, _("more than %u competences"),
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
  if (!unique_id (ld, fw->competence_by_id, _("competence"), c->id, c, node))
    {
      competence_free (c);
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
  if (!unique_id (ld, ld->fw->area_by_id, _("area"), area->id, area, node))
    {
      area_free (area);
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
                         _("high motivation %u is off the motivation scale %u..%u"), fw->high,
                         fw->motivation.min, fw->motivation.max);
      }
    else if (dk_xml_is (n, NS, "roles"))
      read_roles (ld, n);
  for (const xmlNode *n = root->children; n != NULL; n = n->next)
    if (dk_xml_is (n, NS, "area"))
      read_area (ld, n);
}

static DkFramework *
load (const char *data, gsize len, const char *name, gboolean validate, GError **error)
{
  DkErrors errors;
  dk_errors_init (&errors, 0);
  xmlDocPtr doc = dk_xml_parse (data, len, name, &errors);
  xmlNodePtr root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL && !dk_xml_is (root, NS, "framework"))
    dk_errors_add (&errors, name, (guint) root->line,
                   _("the root element must be <framework> in namespace %s"), NS);
  else if (root != NULL && validate)
    dk_xml_validate (doc, dk_schema_framework, dk_schema_framework_len, name, &errors);

  g_autoptr (DkFramework) fw = framework_new ();
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

DkFramework *
dk_framework_load_from_data (const char *data, gsize len, const char *name, GError **error)
{
  return load (data, len, name, TRUE, error);
}

DkFramework *
dk_framework_load_trusted (const char *data, gsize len, const char *name, GError **error)
{
  return load (data, len, name, FALSE, error);
}

char *
dk_framework_read_file (const char *path, gsize *len, GError **error)
{
  char *data = NULL;
  g_autoptr (GError) io = NULL;
  DkErrors errors;
  dk_errors_init (&errors, 0);
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

DkFramework *
dk_framework_load (const char *path, GError **error)
{
  gsize len = 0;
  g_autofree char *data = dk_framework_read_file (path, &len, error);
  return data != NULL ? dk_framework_load_from_data (data, len, path, error) : NULL;
}

/* ---- the compiled form ---------------------------------------------------------------------- */

/* Bump COMPILED_FORMAT whenever COMPILED_TYPE or its meaning changes: older
 * blobs are then ignored and the XML is parsed. */
#define COMPILED_FORMAT 1
#define TEXTS "(msms)"
#define SCALE "(uua(" TEXTS TEXTS "))"
#define COMPILED_TYPE "(uss" TEXTS SCALE SCALE "ua(s" TEXTS "t)a(su" TEXTS TEXTS "as)a(s" TEXTS ")ay)"

G_STATIC_ASSERT (DK_N_LANGS == 2);

static GVariant *
texts_value (char *const *texts)
{
  return g_variant_new (TEXTS, texts[DK_LANG_SV], texts[DK_LANG_EN]);
}

/* The readers below take values apart with the accessors, not with
 * g_variant_get: parsing its format strings costs more than the rest. */

static GVariant *
child (GVariant *v, gsize i)
{
  return g_variant_get_child_value (v, i);
}

static char *
child_string (GVariant *v, gsize i)
{
  g_autoptr (GVariant) c = child (v, i);
  return g_variant_dup_string (c, NULL);
}

static guint64
child_number (GVariant *v, gsize i)
{
  g_autoptr (GVariant) c = child (v, i);
  return g_variant_is_of_type (c, G_VARIANT_TYPE_UINT64) ? g_variant_get_uint64 (c) : g_variant_get_uint32 (c);
}

static void
texts_read (GVariant *v, char **texts)
{
  for (gsize l = 0; l < DK_N_LANGS; l++)
    {
      g_autoptr (GVariant) maybe = child (v, l);
      g_autoptr (GVariant) text = g_variant_get_maybe (maybe);
      texts[l] = text != NULL ? g_variant_dup_string (text, NULL) : NULL;
    }
}

/* Reads the texts at child I of V. */
static void
child_texts (GVariant *v, gsize i, char **texts)
{
  g_autoptr (GVariant) c = child (v, i);
  texts_read (c, texts);
}

static GVariant *
scale_value (const DkScale *s)
{
  GVariantBuilder levels;
  g_variant_builder_init (&levels, G_VARIANT_TYPE ("a(" TEXTS TEXTS ")"));
  guint n = s->label != NULL ? s->max - s->min + 1 : 0;
  for (guint i = 0; i < n; i++)
    g_variant_builder_add (&levels, "(@" TEXTS "@" TEXTS ")", texts_value (s->label[i]),
                           texts_value (s->descriptor[i]));
  return g_variant_new ("(uu@a(" TEXTS TEXTS "))", s->min, s->max, g_variant_builder_end (&levels));
}

static gboolean
scale_read (GVariant *v, DkScale *s)
{
  g_autoptr (GVariant) levels = child (v, 2);
  s->min = (guint) child_number (v, 0);
  s->max = (guint) child_number (v, 1);
  gsize n = g_variant_n_children (levels);
  if (n == 0)
    return TRUE;
  if (s->max < s->min || n != s->max - s->min + 1)
    return FALSE;
  s->label = g_malloc0_n (n, sizeof *s->label);
  s->descriptor = g_malloc0_n (n, sizeof *s->descriptor);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) level = child (levels, i);
      child_texts (level, 0, s->label[i]);
      child_texts (level, 1, s->descriptor[i]);
    }
  return TRUE;
}

GBytes *
dk_framework_compile (const DkFramework *fw)
{
  GVariantBuilder areas, competences, roles;
  g_variant_builder_init (&areas, G_VARIANT_TYPE ("a(s" TEXTS "t)"));
  for (guint i = 0; i < fw->areas->len; i++)
    {
      const DkArea *a = fw->areas->pdata[i];
      g_variant_builder_add (&areas, "(s@" TEXTS "t)", a->id, texts_value (a->title), a->role_mask);
    }
  g_variant_builder_init (&competences, G_VARIANT_TYPE ("a(su" TEXTS TEXTS "as)"));
  for (guint i = 0; i < fw->competences->len; i++)
    {
      const DkCompetence *c = fw->competences->pdata[i];
      g_variant_builder_add (&competences, "(su@" TEXTS "@" TEXTS "^as)", c->id, c->area->index,
                             texts_value (c->title), texts_value (c->description), c->digcomp);
    }
  g_variant_builder_init (&roles, G_VARIANT_TYPE ("a(s" TEXTS ")"));
  for (guint i = 0; i < fw->roles->len; i++)
    {
      const DkRole *r = fw->roles->pdata[i];
      g_variant_builder_add (&roles, "(s@" TEXTS ")", r->id, texts_value (r->title));
    }
  guint n_roles = fw->roles->len, n_comp = fw->competences->len;
  g_autofree guint8 *expected = g_new0 (guint8, (gsize) n_roles * n_comp + 1);
  for (guint r = 0; r < n_roles; r++)
    memcpy (expected + (gsize) r * n_comp, fw->expected[r], n_comp);
  GVariant *v = g_variant_ref_sink (g_variant_new (
      "(uss@" TEXTS "@" SCALE "@" SCALE "u@a(s" TEXTS "t)@a(su" TEXTS TEXTS "as)@a(s" TEXTS ")@ay)",
      COMPILED_FORMAT, fw->id, fw->version, texts_value (fw->title), scale_value (&fw->scale),
      scale_value (&fw->motivation), fw->high, g_variant_builder_end (&areas),
      g_variant_builder_end (&competences), g_variant_builder_end (&roles),
      g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, expected, (gsize) n_roles * n_comp, 1)));
  GBytes *bytes = g_variant_get_data_as_bytes (v);
  g_variant_unref (v);
  return bytes;
}

static void
areas_read (DkFramework *fw, GVariant *v)
{
  for (gsize i = 0; i < g_variant_n_children (v); i++)
    {
      g_autoptr (GVariant) area = child (v, i);
      DkArea *a = g_new0 (DkArea, 1);
      a->id = child_string (area, 0);
      child_texts (area, 1, a->title);
      a->role_mask = child_number (area, 2);
      a->index = (guint) i;
      g_ptr_array_add (fw->areas, a);
      g_hash_table_insert (fw->area_by_id, a->id, a);
    }
}

static gboolean
competences_read (DkFramework *fw, GVariant *v)
{
  if (g_variant_n_children (v) > DK_MAX_COMPETENCES)
    return FALSE;
  for (gsize i = 0; i < g_variant_n_children (v); i++)
    {
      g_autoptr (GVariant) comp = child (v, i);
      g_autoptr (GVariant) digcomp = child (comp, 4);
      DkCompetence *c = g_new0 (DkCompetence, 1);
      c->id = child_string (comp, 0);
      guint64 area = child_number (comp, 1);
      child_texts (comp, 2, c->title);
      child_texts (comp, 3, c->description);
      c->digcomp = g_variant_dup_strv (digcomp, NULL);
      c->index = (guint) i;
      g_ptr_array_add (fw->competences, c);
      g_hash_table_insert (fw->competence_by_id, c->id, c);
      if (area >= fw->areas->len)
        return FALSE;
      c->area = fw->areas->pdata[area];
    }
  return TRUE;
}

static gboolean
roles_read (DkFramework *fw, GVariant *v)
{
  if (g_variant_n_children (v) > DK_MAX_ROLES)
    return FALSE;
  for (gsize i = 0; i < g_variant_n_children (v); i++)
    {
      g_autoptr (GVariant) role = child (v, i);
      DkRole *r = g_new0 (DkRole, 1);
      r->id = child_string (role, 0);
      child_texts (role, 1, r->title);
      r->index = (guint) i;
      g_ptr_array_add (fw->roles, r);
      g_hash_table_insert (fw->role_by_id, r->id, r);
    }
  return TRUE;
}

DkFramework *
dk_framework_load_compiled (const void *data, gsize len)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  g_autoptr (GVariant) v = g_variant_ref_sink (
      g_variant_new_from_bytes (G_VARIANT_TYPE (COMPILED_TYPE), bytes, FALSE));
  if (child_number (v, 0) != COMPILED_FORMAT)
    return NULL;
  g_autoptr (GVariant) scale = child (v, 4), motivation = child (v, 5), areas = child (v, 7);
  g_autoptr (GVariant) competences = child (v, 8), roles = child (v, 9), expected = child (v, 10);
  g_autoptr (DkFramework) fw = framework_new ();
  fw->id = child_string (v, 1);
  fw->version = child_string (v, 2);
  child_texts (v, 3, fw->title);
  fw->high = (guint) child_number (v, 6);
  gsize n_expected = 0;
  const guint8 *levels = g_variant_get_fixed_array (expected, &n_expected, 1);
  areas_read (fw, areas);
  if (!scale_read (scale, &fw->scale) || !scale_read (motivation, &fw->motivation)
      || !competences_read (fw, competences) || !roles_read (fw, roles)
      || n_expected != (gsize) fw->roles->len * fw->competences->len)
    return NULL;
  for (guint r = 0; r < fw->roles->len; r++)
    memcpy (fw->expected[r], levels + (gsize) r * fw->competences->len, fw->competences->len);
  return g_steal_pointer (&fw);
}

/* ---- look-ups ------------------------------------------------------------------------ */

static const char *
pick (char *const *texts, DkLang lang)
{
  if (texts[lang] != NULL)
    return texts[lang];
  return texts[lang == DK_LANG_SV ? DK_LANG_EN : DK_LANG_SV];
}

const char *dk_framework_id (const DkFramework *fw) { return fw->id; }
const char *dk_framework_version (const DkFramework *fw) { return fw->version; }

const char *
dk_framework_title (const DkFramework *fw, DkLang lang)
{
  const char *t = pick (fw->title, lang);
  return t != NULL ? t : fw->id;
}

const DkScale *dk_framework_scale (const DkFramework *fw) { return &fw->scale; }
const DkScale *dk_framework_motivation_scale (const DkFramework *fw) { return &fw->motivation; }
guint dk_framework_motivation_high (const DkFramework *fw) { return fw->high; }
guint dk_framework_n_areas (const DkFramework *fw) { return fw->areas->len; }
const DkArea *dk_framework_area (const DkFramework *fw, guint i) { return g_ptr_array_index (fw->areas, i); }
const DkArea *dk_framework_area_by_id (const DkFramework *fw, const char *id) { return g_hash_table_lookup (fw->area_by_id, id); }
guint dk_framework_n_competences (const DkFramework *fw) { return fw->competences->len; }
const DkCompetence *dk_framework_competence (const DkFramework *fw, guint i) { return g_ptr_array_index (fw->competences, i); }
const DkCompetence *dk_framework_competence_by_id (const DkFramework *fw, const char *id) { return g_hash_table_lookup (fw->competence_by_id, id); }
guint dk_framework_n_roles (const DkFramework *fw) { return fw->roles->len; }
const DkRole *dk_framework_role (const DkFramework *fw, guint i) { return g_ptr_array_index (fw->roles, i); }
const DkRole *dk_framework_role_by_id (const DkFramework *fw, const char *id) { return g_hash_table_lookup (fw->role_by_id, id); }

guint
dk_framework_expected (const DkFramework *fw, guint role, guint comp)
{
  return role < DK_MAX_ROLES && comp < DK_MAX_COMPETENCES ? fw->expected[role][comp] : 0;
}

gboolean
dk_framework_applies (const DkFramework *fw, guint role, guint comp)
{
  return dk_framework_expected (fw, role, comp) != 0;
}

const char *
dk_area_title (const DkArea *a, DkLang lang)
{
  const char *t = a != NULL ? pick (a->title, lang) : NULL;
  return t != NULL ? t : a != NULL ? a->id : "";
}

const char *
dk_competence_title (const DkCompetence *c, DkLang lang)
{
  const char *t = c != NULL ? pick (c->title, lang) : NULL;
  return t != NULL ? t : c != NULL ? c->id : "";
}

const char *
dk_role_title (const DkRole *r, DkLang lang)
{
  const char *t = r != NULL ? pick (r->title, lang) : NULL;
  return t != NULL ? t : r != NULL ? r->id : "";
}

const char *
dk_scale_label (const DkScale *s, guint level, DkLang lang)
{
  if (s->label == NULL || level < s->min || level > s->max)
    return NULL;
  return pick (s->label[level - s->min], lang);
}

const char *
dk_scale_descriptor (const DkScale *s, guint level, DkLang lang)
{
  if (s->descriptor == NULL || level < s->min || level > s->max)
    return NULL;
  return pick (s->descriptor[level - s->min], lang);
}
