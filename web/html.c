/*
 * html.c — the escaping HTML writer (html.h).
 */
#include "html.h"
#include "report-model.h"

#include <stdarg.h>
#include <string.h>

DkHtml *
dk_html_new (void)
{
  DkHtml *h = g_new0 (DkHtml, 1);
  h->out = g_string_sized_new (32768);   /* the team page of 50 people is 25 KB */
  return h;
}

char *
dk_html_free_to_string (DkHtml *h, gsize *len)
{
  *len = h->out->len;
  char *s = g_string_free (h->out, FALSE);
  g_free (h);
  return s;
}

void
dk_html_text (DkHtml *h, const char *text)
{
  dk_html_escape_append (h->out, text);
}

void
dk_html_textf (DkHtml *h, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *text = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  dk_html_escape_append (h->out, text);
}

static gboolean
name_ok (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

void
dk_html_open (DkHtml *h, const char *tag, ...)
{
  g_return_if_fail (name_ok (tag));
  /* appends, not printf: a page opens thousands of elements */
  g_string_append_c (h->out, '<');
  dk_html_append (h->out, tag, strlen (tag));
  va_list ap;
  va_start (ap, tag);
  const char *name;
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      if (value == NULL)
        break;
      if (!name_ok (name))
        {
          g_critical ("dk_html_open: bad attribute name");
          continue;
        }
      g_string_append_c (h->out, ' ');
      dk_html_append (h->out, name, strlen (name));
      dk_html_append (h->out, "=\"", 2);
      dk_html_escape_append (h->out, value);
      g_string_append_c (h->out, '"');
    }
  va_end (ap);
  g_string_append_c (h->out, '>');
}

void
dk_html_close (DkHtml *h, const char *tag)
{
  g_return_if_fail (name_ok (tag));
  dk_html_append (h->out, "</", 2);
  dk_html_append (h->out, tag, strlen (tag));
  g_string_append_c (h->out, '>');
}

void
dk_html_element (DkHtml *h, const char *tag, const char *text)
{
  dk_html_open (h, tag, NULL);
  dk_html_text (h, text);
  dk_html_close (h, tag);
}

void
dk_html_svg (DkHtml *h, const char *svg)
{
  g_return_if_fail (svg != NULL && g_str_has_prefix (svg, "<svg"));
  g_string_append (h->out, svg);
}

void
dk_html_report (DkHtml *h, const DkReport *report)
{
  g_autofree char *part = dk_report_render_html_part (report);
  g_string_append (h->out, part);
}

void
dk_html_markup_literal_ (DkHtml *h, const char *markup)
{
  dk_html_append (h->out, markup, strlen (markup));
}
