/*
 * plan-reason.c — a planner's reason: its stored form, its text in either
 * language, and the texts stores kept before migration 10.
 */
#include "plan-reason.h"
#include "catalogue.h"
#include "enum.h"

#include <string.h>

#define VERSION "v1"

/* A reason read back, with strings of its own. */
typedef struct {
  char      *competence;
  guint      level, to;
  char      *format;       /* or NULL */
  double     hours;        /* < 0: none */
  GPtrArray *covers;       /* char* */
  guint      towards;
  gboolean   easy_swedish;
} Parts;

static void
parts_init (Parts *p)
{
  memset (p, 0, sizeof *p);
  p->hours = -1;
  p->covers = g_ptr_array_new_with_free_func (g_free);
}

static void
parts_clear (Parts *p)
{
  g_free (p->competence);
  g_free (p->format);
  g_ptr_array_unref (p->covers);
}

/* Appends VALUE percent-escaped: no ';', ':', ',', '=' or '%' is left. */
static void
append_escaped (GString *s, const char *value)
{
  g_string_append_uri_escaped (s, value, NULL, TRUE);
}

/* Returns "1.5" (the C locale's %g) in BUF. */
static const char *
hours_ascii (double hours, char buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%g", hours);
}

char *
dk_reason_encode (const DkReason *r)
{
  GString *s = g_string_new (VERSION ";develops=");
  append_escaped (s, r->competence);
  g_string_append_printf (s, ":%u:%u", r->level, r->to);
  if (r->format != NULL)
    {
      g_string_append (s, ";format=");
      append_escaped (s, r->format);
    }
  if (r->hours >= 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (s, ";hours=%s", hours_ascii (r->hours, buf));
    }
  for (guint i = 0; r->covers != NULL && r->covers[i] != NULL; i++)
    {
      g_string_append (s, i == 0 ? ";covers=" : ",");
      append_escaped (s, r->covers[i]);
    }
  if (r->towards > 0)
    g_string_append_printf (s, ";towards=%u", r->towards);
  if (r->easy_swedish)
    g_string_append (s, ";easy-swedish");
  return g_string_free (s, FALSE);
}

/* ---- reading the stored form ------------------------------------------------------- */

/* Returns TEXT as a level (digits only) in *OUT. */
static gboolean
number (const char *text, guint *out)
{
  guint64 n = 0;
  if (!g_ascii_isdigit (*text) || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &n, NULL))
    return FALSE;
  *out = (guint) n;
  return TRUE;
}

/* Returns TEXT as hours ("1.5", or "1,5" with DECIMAL ',') in *OUT, when
 * it is exactly how the planner writes that number. */
static gboolean
hours_number (const char *text, char decimal, double *out)
{
  g_autofree char *ascii = g_strdup (text);
  if (decimal != '.')
    {
      if (strchr (ascii, '.') != NULL)
        return FALSE;
      g_strdelimit (ascii, (char[]) { decimal, '\0' }, '.');
    }
  char *end = NULL;
  double h = g_ascii_strtod (ascii, &end);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (*ascii == '\0' || *end != '\0' || !(h >= 0) || strcmp (hours_ascii (h, buf), ascii) != 0)
    return FALSE;
  *out = h;
  return TRUE;
}

/* Returns TEXT unescaped in *OUT (a new string), FALSE for a bad escape or
 * an empty value. */
static gboolean
unescaped (const char *text, char **out)
{
  *out = *text != '\0' ? g_uri_unescape_string (text, NULL) : NULL;
  return *out != NULL;
}

/* Reads one field KEY=VALUE (or a flag) of the stored form into P. */
static gboolean
decode_field (const char *field, Parts *p)
{
  const char *eq = strchr (field, '=');
  g_autofree char *key = eq != NULL ? g_strndup (field, eq - field) : g_strdup (field);
  const char *value = eq != NULL ? eq + 1 : NULL;
  if (value == NULL)
    {
      if (strcmp (key, "easy-swedish") != 0 || p->easy_swedish)
        return FALSE;
      p->easy_swedish = TRUE;
      return TRUE;
    }
  if (strcmp (key, "develops") == 0 && p->competence == NULL)
    {
      g_auto (GStrv) v = g_strsplit (value, ":", -1);
      return g_strv_length (v) == 3 && number (v[1], &p->level) && number (v[2], &p->to)
             && unescaped (v[0], &p->competence);
    }
  if (strcmp (key, "format") == 0 && p->format == NULL)
    return unescaped (value, &p->format);
  if (strcmp (key, "hours") == 0 && p->hours < 0)
    return hours_number (value, '.', &p->hours);
  if (strcmp (key, "covers") == 0 && p->covers->len == 0)
    {
      g_auto (GStrv) v = g_strsplit (value, ",", -1);
      for (guint i = 0; v[i] != NULL; i++)
        {
          char *c = NULL;
          if (!unescaped (v[i], &c))
            return FALSE;
          g_ptr_array_add (p->covers, c);
        }
      return TRUE;
    }
  if (strcmp (key, "towards") == 0 && p->towards == 0)
    return number (value, &p->towards) && p->towards > 0;
  return FALSE;
}

/* Reads STORED, a reason in the stored form, into P (initialised). */
static gboolean
decode (const char *stored, Parts *p)
{
  if (stored == NULL || !g_str_has_prefix (stored, VERSION ";"))
    return FALSE;
  g_auto (GStrv) fields = g_strsplit (stored + strlen (VERSION ";"), ";", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    if (!decode_field (fields[i], p))
      return FALSE;
  return p->competence != NULL;
}

gboolean
dk_reason_is_code (const char *stored)
{
  Parts p;
  parts_init (&p);
  gboolean ok = decode (stored, &p);
  parts_clear (&p);
  return ok;
}

char *
dk_reason_render (const char *stored, DkLang lang)
{
  if (stored == NULL)
    return NULL;
  Parts p;
  parts_init (&p);
  if (!decode (stored, &p))
    {
      parts_clear (&p);
      return g_strdup (stored);
    }
  GString *r = g_string_new (NULL);
  g_string_append_printf (r, T_ (lang, "develops %s from %u to %u"), p.competence, p.level, p.to);
  if (p.format != NULL)
    g_string_append_printf (r, "; %s", dk_activity_format_word (p.format, lang));
  if (p.hours >= 0)
    {
      char hours[G_ASCII_DTOSTR_BUF_SIZE];
      hours_ascii (p.hours, hours);
      if (lang == DK_LANG_SV)
        g_strdelimit (hours, ".", ',');   /* "1,5 h" */
      g_string_append_printf (r, "; %s h", hours);
    }
  if (p.covers->len > 0)
    {
      g_ptr_array_add (p.covers, NULL);
      g_autofree char *list = g_strjoinv (", ", (char **) p.covers->pdata);
      g_string_append_printf (r, T_ (lang, "; also covers %s"), list);
    }
  if (p.towards > 0)
    g_string_append_printf (r, T_ (lang, "; a step towards %u"), p.towards);
  if (p.easy_swedish)
    g_string_append_printf (r, "; %s", T_ (lang, "easy Swedish"));
  parts_clear (&p);
  return g_string_free (r, FALSE);
}

/* ---- the texts of stores before migration 10 ------------------------------------------ *
 * The planner wrote its reasons in the language of the command that made
 * the plan, English or Swedish, exactly so.  These are those words, fixed:
 * a later change of the translations must not change what is read back. */

typedef struct {
  const char *develops, *from, *to;       /* "develops C from L to T" */
  const char *formats[3];                  /* dk_activity_formats' words */
  char        decimal;                     /* of the hours: "1.5 h", "1,5 h" */
  const char *covers, *towards, *easy;     /* "also covers A, B", "a step towards T" */
} OldWords;

static const OldWords old_words[] = {
  { "develops", "from", "to", { "on-site", "digital", "mixed" }, '.', "also covers ", "a step towards ",
    "easy Swedish" },
  { "utvecklar", "från", "till", { "på plats", "digitalt", "blandat" }, ',', "täcker också ", "ett steg mot ",
    "lätt svenska" },
};

/* Reads the first part, "develops C from L to T", into P. */
static gboolean
old_develops (const char *part, Parts *p)
{
  g_auto (GStrv) w = g_strsplit (part, " ", -1);
  if (g_strv_length (w) != 6 || *w[1] == '\0')
    return FALSE;
  for (guint l = 0; l < G_N_ELEMENTS (old_words); l++)
    if (strcmp (w[0], old_words[l].develops) == 0 && strcmp (w[2], old_words[l].from) == 0
        && strcmp (w[4], old_words[l].to) == 0 && number (w[3], &p->level) && number (w[5], &p->to))
      {
        p->competence = g_strdup (w[1]);
        return TRUE;
      }
  return FALSE;
}

/* Reads the activity's format word (either language) into P. */
static gboolean
old_format (const char *part, Parts *p)
{
  for (guint l = 0; l < G_N_ELEMENTS (old_words); l++)
    {
      int i = dk_enum_index (old_words[l].formats, G_N_ELEMENTS (old_words[l].formats), part);
      if (i >= 0)
        {
          p->format = g_strdup (dk_activity_formats[i]);
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads the hours, "1.5 h" or "1,5 h", into P. */
static gboolean
old_hours (const char *part, Parts *p)
{
  if (!g_str_has_suffix (part, " h"))
    return FALSE;
  g_autofree char *n = g_strndup (part, strlen (part) - 2);
  for (guint l = 0; l < G_N_ELEMENTS (old_words); l++)
    if (hours_number (n, old_words[l].decimal, &p->hours))
      return TRUE;
  return FALSE;
}

/* Reads one of the parts that may follow the hours, in their order (*NEXT:
 * 0 covers, 1 towards, 2 easy Swedish, 3 none left), into P. */
static gboolean
old_optional (const char *part, guint *next, Parts *p)
{
  for (guint l = 0; l < G_N_ELEMENTS (old_words); l++)
    {
      const OldWords *o = &old_words[l];
      if (*next <= 0 && g_str_has_prefix (part, o->covers) && part[strlen (o->covers)] != '\0')
        {
          g_auto (GStrv) list = g_strsplit (part + strlen (o->covers), ", ", -1);
          for (guint i = 0; list[i] != NULL; i++)
            {
              if (*list[i] == '\0' || strchr (list[i], ' ') != NULL)
                return FALSE;
              g_ptr_array_add (p->covers, g_strdup (list[i]));
            }
          *next = 1;
          return TRUE;
        }
      if (*next <= 1 && g_str_has_prefix (part, o->towards)
          && number (part + strlen (o->towards), &p->towards) && p->towards > 0)
        {
          *next = 2;
          return TRUE;
        }
      if (*next <= 2 && strcmp (part, o->easy) == 0)
        {
          *next = 3;
          p->easy_swedish = TRUE;
          return TRUE;
        }
    }
  return FALSE;
}

char *
dk_reason_from_text (const char *text)
{
  if (text == NULL)
    return NULL;
  g_auto (GStrv) parts = g_strsplit (text, "; ", -1);
  Parts p;
  parts_init (&p);
  guint n = g_strv_length (parts), next = 0;
  gboolean ok = n >= 3 && old_develops (parts[0], &p) && old_format (parts[1], &p) && old_hours (parts[2], &p);
  for (guint i = 3; ok && i < n; i++)
    ok = old_optional (parts[i], &next, &p);
  char *code = NULL;
  if (ok)
    {
      g_ptr_array_add (p.covers, NULL);
      DkReason r = { p.competence, p.level, p.to, p.format, p.hours,
                     p.covers->len > 1 ? (const char *const *) p.covers->pdata : NULL, p.towards,
                     p.easy_swedish };
      code = dk_reason_encode (&r);
    }
  parts_clear (&p);
  return code;
}
