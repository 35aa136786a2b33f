/*
 * render-text.c — a report as aligned tables for the terminal, with colour
 * when asked.
 */
#include "report-model-private.h"

#include <string.h>

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
  for (guint c = 0; c < nc; c++)
    width[c] = (guint) g_utf8_strlen (dk_table_column (t, c)->label, -1);
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        const DkCell *cl = dk_table_cell (t, r, c);
        char *s = dk_cell_display (dk_table_column (t, c), cl, lang);
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
    g_string_append_printf (out, "%s\n", t->title);
  for (guint c = 0; c < nc; c++)
    {
      pad (out, dk_table_column (t, c)->label, width[c], right_aligned (dk_table_column (t, c)));
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
    g_string_append_printf (out, "%s\n", dk_table_empty_text ());
  for (guint i = 0; i < nc * nr; i++)
    g_free (texts[i]);
}

char *
dk_report_render_text (const DkReport *r, gboolean colour)
{
  GString *out = g_string_new (NULL);
  if (r->title != NULL)
    g_string_append_printf (out, "%s\n\n", r->title);
  for (guint i = 0; i < r->tables->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      render_text_table (out, g_ptr_array_index (r->tables, i), r->lang, colour);
    }
  if (r->notes->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < r->notes->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (r->notes, i));
  return g_string_free (out, FALSE);
}
