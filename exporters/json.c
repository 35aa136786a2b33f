/* json.c — small additions to json-glib. */
#include "json.h"

#include <string.h>

void
dk_json_add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* Appends the number token N (LEN bytes) to OUT in its shortest form that
 * reads back as the same double: json-glib writes every double with 17
 * digits, 0.385 as 0.38500000000000001. */
static void
append_number (GString *out, const char *n, gsize len)
{
  g_autofree char *token = g_strndup (n, len);
  if (strpbrk (token, ".eE") == NULL)
    {
      g_string_append (out, token);   /* an integer: as written */
      return;
    }
  double v = g_ascii_strtod (token, NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (int digits = 1; digits <= 17; digits++)
    {
      char spec[8];
      g_snprintf (spec, sizeof spec, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, spec, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");   /* a double stays one: 3.0, not 3 */
}

/* Returns TEXT (json-glib's output) with each number outside a string in
 * its shortest form (append_number). */
static char *
shortest_numbers (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 2);
  gboolean in_string = FALSE;
  for (const char *p = text; *p != '\0';)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *p++);
          else if (*p == '"')
            in_string = FALSE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          gsize len = strspn (p, "-+0123456789.eE");
          append_number (out, p, len);
          p += len;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

char *
dk_json_to_text (JsonBuilder *b)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  g_autofree char *text = json_generator_to_data (gen, NULL);
  g_autofree char *shortest = shortest_numbers (text);
  return g_strconcat (shortest, "\n", NULL);
}
