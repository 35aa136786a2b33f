/*
 * framework.c — the framework model: its compiled form and its look-ups.
 * Reading the XML is the XML readers' module's (xml/framework.c), which
 * fills the structure of framework-private.h.
 */
#include "framework-private.h"

#include <string.h>

G_DEFINE_QUARK (dk-framework-error-quark, dk_framework_error)


/* ---- freeing ------------------------------------------------------------------ */

static void
free_texts (char **texts)
{
  for (guint l = 0; l < DK_N_LANGS; l++)
    g_free (texts[l]);
}

void
dk_area_free (DkArea *a)
{
  g_free (a->id);
  free_texts (a->title);
  g_free (a);
}

void
dk_competence_free (DkCompetence *c)
{
  g_free (c->id);
  free_texts (c->title);
  free_texts (c->description);
  g_strfreev (c->digcomp);
  g_free (c);
}

void
dk_role_free (DkRole *r)
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
  if (fw == NULL || !g_atomic_ref_count_dec (&fw->refs))
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

DkFramework *
dk_framework_ref (DkFramework *fw)
{
  g_atomic_ref_count_inc (&fw->refs);
  return fw;
}

DkFramework *
dk_framework_new_empty (void)
{
  DkFramework *fw = g_new0 (DkFramework, 1);
  g_atomic_ref_count_init (&fw->refs);
  fw->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_area_free);
  fw->competences = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_competence_free);
  fw->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_role_free);
  fw->competence_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  fw->role_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  fw->area_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return fw;
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
  g_autoptr (DkFramework) fw = dk_framework_new_empty ();
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

gboolean
dk_framework_area_for_every_role (const DkFramework *fw, const DkArea *area)
{
  guint n = fw->roles->len;
  guint64 every = n >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << n) - 1;
  return (area->role_mask & every) == every;
}

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
