/*
 * render-csv.c — a report as CSV (RFC 4180), one header per table.
 */
#include "report-model-private.h"

#include <string.h>

static void
csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",;\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Several tables are separated by an empty line; each has its own header. */
char *
dk_report_render_csv (const DkReport *r)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < r->tables->len; i++)
    {
      const DkTable *t = g_ptr_array_index (r->tables, i);
      if (i > 0)
        g_string_append (out, "\r\n");
      for (guint c = 0; c < t->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          csv_field (out, dk_table_column (t, c)->key);
        }
      g_string_append (out, "\r\n");
      for (guint row = 0; row < t->rows->len; row++)
        {
          for (guint c = 0; c < t->columns->len; c++)
            {
              g_autofree char *s = dk_cell_machine (dk_table_column (t, c),
                                                    dk_table_cell (t, row, c));
              if (c > 0)
                g_string_append_c (out, ',');
              csv_field (out, s);
            }
          g_string_append (out, "\r\n");
        }
    }
  return g_string_free (out, FALSE);
}
