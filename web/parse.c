/*
 * parse.c — form, query and cookie readers (parse.h).
 */
#include "parse.h"

#include <string.h>

/* Appends LEN bytes of S, %-decoded (and '+' as a space when PLUS), to OUT;
 * FALSE on a bad escape or a NUL. */
static gboolean
decode (GString *out, const char *s, gsize len, gboolean plus)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];
      if (c == '%')
        {
          if (i + 2 >= len)
            return FALSE;
          int hi = g_ascii_xdigit_value (s[i + 1]), lo = g_ascii_xdigit_value (s[i + 2]);
          if (hi < 0 || lo < 0)
            return FALSE;
          c = (char) (hi * 16 + lo);
          i += 2;
        }
      else if (c == '+' && plus)
        c = ' ';
      if (c == '\0')
        return FALSE;
      g_string_append_c (out, c);
    }
  return TRUE;
}

/* Returns LEN bytes of S decoded as valid UTF-8, or NULL. */
static char *
decode_text (const char *s, gsize len, gboolean plus)
{
  GString *out = g_string_sized_new (len);
  if (!decode (out, s, len, plus) || !g_utf8_validate (out->str, (gssize) out->len, NULL))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

GHashTable *
dk_web_parse_form (const char *data, gsize len)
{
  g_autoptr (GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize start = 0;
  guint n = 0;
  while (start < len)
    {
      const char *amp = memchr (data + start, '&', len - start);
      gsize end = amp != NULL ? (gsize) (amp - data) : len;
      if (end > start)
        {
          if (++n > DK_WEB_MAX_FIELDS)
            return NULL;
          const char *eq = memchr (data + start, '=', end - start);
          gsize name_end = eq != NULL ? (gsize) (eq - data) : end;
          char *name = decode_text (data + start, name_end - start, TRUE);
          char *value = eq != NULL ? decode_text (eq + 1, end - name_end - 1, TRUE) : g_strdup ("");
          if (name == NULL || value == NULL)
            {
              g_free (name);
              g_free (value);
              return NULL;
            }
          if (g_hash_table_contains (fields, name))
            {
              g_free (name);
              g_free (value);
            }
          else
            g_hash_table_insert (fields, name, value);
        }
      start = end + 1;
    }
  return g_steal_pointer (&fields);
}

char *
dk_web_parse_cookie (const char *header, const char *name)
{
  if (header == NULL)
    return NULL;
  gsize name_len = strlen (name);
  char *found = NULL;
  const char *p = header;
  while (*p != '\0')
    {
      while (*p == ' ' || *p == '\t' || *p == ';')
        p++;
      const char *end = strchr (p, ';');
      if (end == NULL)
        end = p + strlen (p);
      const char *eq = memchr (p, '=', (gsize) (end - p));
      if (eq != NULL && (gsize) (eq - p) == name_len && strncmp (p, name, name_len) == 0)
        {
          if (found != NULL)
            {
              g_free (found);
              return NULL;
            }
          const char *v = eq + 1, *v_end = end;
          while (v_end > v && (v_end[-1] == ' ' || v_end[-1] == '\t'))
            v_end--;
          found = g_strndup (v, (gsize) (v_end - v));
        }
      p = end;
    }
  return found;
}

char *
dk_web_parse_path (const char *url, const char **query)
{
  const char *q = strchr (url, '?');
  gsize len = q != NULL ? (gsize) (q - url) : strlen (url);
  if (query != NULL)
    *query = q != NULL ? q + 1 : url + len;
  return decode_text (url, len, FALSE);
}

/* Returns a copy of the value of PARAM ("name", "filename") in the header
 * line LINE (LEN bytes) of a multipart part, or NULL. */
static char *
part_param (const char *line, gsize len, const char *param)
{
  g_autofree char *l = g_strndup (line, len);
  g_autofree char *key = g_strdup_printf ("; %s=\"", param);
  const char *p = strstr (l, key);
  if (p == NULL)
    return NULL;
  p += strlen (key);
  const char *q = strchr (p, '"');
  return q != NULL ? g_strndup (p, (gsize) (q - p)) : NULL;
}

GHashTable *
dk_web_parse_multipart (const char *data, gsize len, const char *content_type)
{
  const char *b = content_type != NULL ? strstr (content_type, "boundary=") : NULL;
  if (b == NULL)
    return NULL;
  b += strlen ("boundary=");
  g_autofree char *delim = g_strdup_printf ("\r\n--%.*s", (int) strcspn (b, "; \""), b);
  gsize dl = strlen (delim);
  g_autoptr (GHashTable) t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* the body starts with the delimiter without its CRLF */
  if (len < dl - 2 || memcmp (data, delim + 2, dl - 2) != 0)
    return NULL;
  const char *p = data + dl - 2, *end = data + len;
  guint n = 0;
  while (p + 2 <= end && memcmp (p, "\r\n", 2) == 0)
    {
      p += 2;
      const char *head_end = g_strstr_len (p, end - p, "\r\n\r\n");
      if (head_end == NULL)
        return NULL;
      char *name = NULL, *filename = NULL;
      for (const char *line = p; line < head_end;)
        {
          const char *eol = g_strstr_len (line, head_end + 2 - line, "\r\n");
          gsize ll = (gsize) (eol - line);
          if (ll > 20 && g_ascii_strncasecmp (line, "Content-Disposition:", 20) == 0)
            {
              g_free (name);
              g_free (filename);
              name = part_param (line, ll, "name");
              filename = part_param (line, ll, "filename");
            }
          line = eol + 2;
        }
      const char *body = head_end + 4;
      const char *next = NULL;
      for (const char *q = body; q + dl <= end && next == NULL; q++)
        if (memcmp (q, delim, dl) == 0)
          next = q;
      if (next == NULL || name == NULL || ++n > DK_WEB_MAX_FIELDS || memchr (body, '\0', next - body) != NULL
          || !g_utf8_validate (body, next - body, NULL))
        {
          g_free (name);
          g_free (filename);
          return NULL;
        }
      if (filename != NULL && !g_hash_table_contains (t, name))
        g_hash_table_insert (t, g_strconcat (name, ":filename", NULL), filename);
      else
        g_free (filename);
      if (!g_hash_table_contains (t, name))
        g_hash_table_insert (t, name, g_strndup (body, (gsize) (next - body)));
      else
        g_free (name);
      p = next + dl;
    }
  if (p + 2 > end || memcmp (p, "--", 2) != 0)
    return NULL;
  return g_steal_pointer (&t);
}
