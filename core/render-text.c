/*
 * render-text.c — a report as aligned tables for the terminal, with colour
 * when asked.
 */
#include "report-model-private.h"

#include <string.h>

static gboolean
bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069);
}

char *
dk_text_escape_controls (const char *text, gboolean keep_newlines)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);
  const char *p = text != NULL ? text : "", *end = p + strlen (p);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p++);
          continue;
        }
      const char *next = g_utf8_next_char (p);
      if ((c == '\n' || (c == '\r' && *next == '\n')) && keep_newlines)
        g_string_append_c (out, (char) c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        g_string_append_printf (out, "\\x%02x", (guint) c);
      else if (bidi_control (c))
        g_string_append_printf (out, "\\u%04X", (guint) c);
      else if (c == '\\' && next < end && (*next == 'x' || *next == 'u' || *next == 'n' || *next == 't'))
        g_string_append (out, "\\\\");
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return g_string_free (out, FALSE);
}

/* Appends TEXT with its controls escaped (dk_text_escape_controls). */
static void
append_shown (GString *out, const char *text)
{
  g_autofree char *shown = dk_text_escape_controls (text, FALSE);
  g_string_append (out, shown);
}

static gboolean
right_aligned (const DkColumn *col)
{
  return col->kind != DK_COLUMN_TEXT;
}

static void
pad (GString *out, const char *text, guint width, gboolean right)
{
  guint len = (guint) g_utf8_strlen (text, -1);
  if (right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

static void
render_text_table (GString *out, const DkTable *t, DkLang lang, gboolean colour)
{
  guint nc = t->columns->len, nr = t->rows->len;
  g_autofree guint *width = g_new0 (guint, nc);
  g_autofree char **texts = g_new0 (char *, (gsize) nc * nr + 1);
  g_autofree char **labels = g_new0 (char *, nc + 1);
  for (guint c = 0; c < nc; c++)
    {
      labels[c] = dk_text_escape_controls (dk_table_column (t, c)->label, FALSE);
      width[c] = (guint) g_utf8_strlen (labels[c], -1);
    }
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        const DkCell *cl = dk_table_cell (t, r, c);
        g_autofree char *raw = dk_cell_display (dk_table_column (t, c), cl, lang);
        char *s = dk_text_escape_controls (raw, FALSE);
        if (cl->emphasis && !colour)
          {
            char *marked = g_strconcat (s, "*", NULL);
            g_free (s);
            s = marked;
          }
        texts[r * nc + c] = s;
        width[c] = MAX (width[c], (guint) g_utf8_strlen (s, -1));
      }

  if (t->title != NULL)
    {
      append_shown (out, t->title);
      g_string_append_c (out, '\n');
    }
  for (guint c = 0; c < nc; c++)
    {
      pad (out, labels[c], width[c], right_aligned (dk_table_column (t, c)));
      g_string_append (out, c + 1 < nc ? "  " : "\n");
    }
  for (guint c = 0; c < nc; c++)
    {
      for (guint i = 0; i < width[c]; i++)
        g_string_append (out, "─");
      g_string_append (out, c + 1 < nc ? "  " : "\n");
    }
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        gboolean em = colour && dk_table_cell (t, r, c)->emphasis;
        if (em)
          g_string_append (out, "\033[1;31m");
        pad (out, texts[r * nc + c], width[c], right_aligned (dk_table_column (t, c)));
        if (em)
          g_string_append (out, "\033[0m");
        g_string_append (out, c + 1 < nc ? "  " : "\n");
      }
  if (nr == 0)
    g_string_append_printf (out, "%s\n", dk_table_empty_text (lang));
  for (guint i = 0; i < nc * nr; i++)
    g_free (texts[i]);
  for (guint c = 0; c < nc; c++)
    g_free (labels[c]);
}

char *
dk_report_render_text (const DkReport *r, gboolean colour)
{
  GString *out = g_string_new (NULL);
  if (r->title != NULL)
    {
      append_shown (out, r->title);
      g_string_append (out, "\n\n");
    }
  for (guint i = 0; i < r->tables->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      render_text_table (out, g_ptr_array_index (r->tables, i), r->lang, colour);
    }
  if (r->notes->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < r->notes->len; i++)
    {
      append_shown (out, g_ptr_array_index (r->notes, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
