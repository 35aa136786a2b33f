/*
 * render-html.c — a report as one self-contained, printable HTML file:
 * inline CSS, charts as inline SVG, no scripts, no outside resources.
 */
#include "report-model-private.h"

#include <stdarg.h>
#include <string.h>

void
dk_html_append (GString *out, const char *s, gsize n)
{
  /* in place when it fits, as it nearly always does once a page's buffer
   * has grown: g_string_append_len checks for overlap and position at
   * every call, a sixth of the team page */
  if (out->len + n >= out->allocated_len)
    {
      g_string_append_len (out, s, (gssize) n);
      return;
    }
  memcpy (out->str + out->len, s, n);
  out->len += n;
  out->str[out->len] = '\0';
}

void
dk_html_escape_append (GString *out, const char *text)
{
  for (const char *p = text != NULL ? text : "";; p++)
    {
      /* the run of characters that stay as they are, in one append */
      gsize run = 0;
      while ((guchar) p[run] >= 0x20 && p[run] != '&' && p[run] != '<' && p[run] != '>' && p[run] != '"'
             && p[run] != '\'')
        run++;
      dk_html_append (out, p, run);
      p += run;
      switch (*p)
        {
        case '\0': return;
        case '&':  dk_html_append (out, "&amp;", 5); break;
        case '<':  dk_html_append (out, "&lt;", 4); break;
        case '>':  dk_html_append (out, "&gt;", 4); break;
        case '"':  dk_html_append (out, "&quot;", 6); break;
        case '\'': dk_html_append (out, "&#39;", 5); break;
        case '\t': case '\n': case '\r': dk_html_append (out, p, 1); break;
        default:   dk_html_append (out, "\xef\xbf\xbd", 3); break;   /* U+FFFD */
        }
    }
}

char *
dk_html_escape (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);
  dk_html_escape_append (out, text);
  return g_string_free (out, FALSE);
}

char *
dk_html_with_names (const char *format, ...)
{
  va_list ap;
  va_start (ap, format);
  GString *out = g_string_new (NULL);
  const char *p = format;
  while (*p != '\0')
    {
      const char *pc = strchr (p, '%');
      g_autofree char *plain = g_strndup (p, pc != NULL ? (gsize) (pc - p) : strlen (p));
      g_autofree char *e = dk_html_escape (plain);
      g_string_append (out, e);
      if (pc == NULL)
        break;
      if (pc[1] == 's')
        {
          g_autofree char *name = dk_html_escape (va_arg (ap, const char *));
          g_string_append_printf (out, "<bdi>%s</bdi>", name);
        }
      else if (pc[1] == '%')
        g_string_append_c (out, '%');
      p = pc[1] != '\0' ? pc + 2 : pc + 1;
    }
  va_end (ap);
  return g_string_free (out, FALSE);
}

static const char style[] =
  "body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2em;color:#1d2530;max-width:75em}"
  "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}"
  "table{border-collapse:collapse;margin:.5em 0 1.5em}"
  "th,td{padding:.25em .7em;border-bottom:1px solid #d5dbe3;text-align:left}"
  "th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}"
  "td.em{color:#b00020;font-weight:bold}td.sup{color:#777;text-align:center}"
  ".note{color:#4a5566;font-size:.9em}figure{margin:1em 0}figcaption{font-weight:bold}"
  "@media print{body{margin:0}h2{break-after:avoid}table,figure{break-inside:avoid}}";

/* Writes table T; with FRAGMENT, for a page that shows it: its title as
 * the caption, the headings scoped, each row headed by its first cell, and
 * the element id ID that a link to the table names. */
static void
render_table (GString *out, const DkTable *t, DkLang lang, gboolean fragment, const char *id)
{
  if (fragment)
    {
      g_string_append_printf (out, "<div id=\"%s\" class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"", id);
      dk_html_escape_append (out, t->title != NULL ? t->title : t->name);
      g_string_append (out, "\">\n<table>\n<caption><bdi>");
      dk_html_escape_append (out, t->title != NULL ? t->title : t->name);
      g_string_append (out, "</bdi></caption>\n");
    }
  else if (t->title != NULL)
    {
      g_string_append (out, "<h2><bdi>");
      dk_html_escape_append (out, t->title);
      g_string_append (out, "</bdi></h2>\n");
    }
  if (!fragment)
    g_string_append (out, "<table>\n");
  g_string_append (out, "<thead><tr>");
  for (guint c = 0; c < dk_table_n_columns (t); c++)
    {
      g_string_append (out, fragment ? "<th scope=\"col\">" : "<th>");
      dk_html_escape_append (out, dk_table_column (t, c)->label);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < dk_table_n_rows (t); r++)
    {
      g_string_append (out, "<tr>");
      for (guint c = 0; c < dk_table_n_columns (t); c++)
        {
          const DkColumn *col = dk_table_column (t, c);
          const DkCell *cell = dk_table_cell (t, r, c);
          g_autofree char *s = dk_cell_display (col, cell, lang);
          const char *cls = cell->state == DK_CELL_SUPPRESSED ? " class=\"sup\""
                            : cell->emphasis ? " class=\"em\""
                            : col->kind != DK_COLUMN_TEXT ? " class=\"n\"" : "";
          /* text (names, units) isolated: right to left or U+202E stays in its cell */
          gboolean text = col->kind == DK_COLUMN_TEXT && *s != '\0';
          const char *cell_tag = fragment && c == 0 ? "th" : "td";
          g_string_append_printf (out, "<%s%s%s>%s", cell_tag, cls, fragment && c == 0 ? " scope=\"row\"" : "",
                                  text ? "<bdi>" : "");
          dk_html_escape_append (out, s);
          g_string_append_printf (out, "%s</%s>", text ? "</bdi>" : "", cell_tag);
        }
      g_string_append (out, "</tr>\n");
    }
  if (dk_table_n_rows (t) == 0)
    {
      g_string_append_printf (out, "<tr><td colspan=\"%u\">", dk_table_n_columns (t));
      dk_html_escape_append (out, dk_table_empty_text (lang));
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, fragment ? "</tbody>\n</table>\n</div>\n" : "</tbody>\n</table>\n");
}

/* Writes R's notes and charts (svg.c escapes every text it draws). */
static void
render_notes_charts (GString *out, const DkReport *r)
{
  for (guint i = 0; i < r->notes->len; i++)
    {
      g_string_append (out, "<p class=\"note\">");
      dk_html_escape_append (out, g_ptr_array_index (r->notes, i));
      g_string_append (out, "</p>\n");
    }
  for (guint i = 0; i < r->charts->len; i++)
    {
      g_string_append (out, "<figure>\n<figcaption>");
      dk_html_escape_append (out, g_ptr_array_index (r->chart_captions, i));
      g_string_append_printf (out, "</figcaption>\n%s\n</figure>\n",
                              (char *) g_ptr_array_index (r->charts, i));
    }
}

char *
dk_report_render_html_part (const DkReport *r)
{
  GString *out = g_string_new (NULL);
  render_notes_charts (out, r);
  for (guint i = 0; i < r->tables->len; i++)
    {
      const DkTable *t = g_ptr_array_index (r->tables, i);
      /* "table-wishes": the table's name, unless an earlier table has it */
      gboolean first = TRUE;
      for (guint k = 0; k < i && first; k++)
        first = g_strcmp0 (((const DkTable *) g_ptr_array_index (r->tables, k))->name, t->name) != 0;
      g_autofree char *id = first ? g_strdup_printf ("table-%s", t->name) : g_strdup_printf ("table-%s-%u", t->name, i);
      render_table (out, t, r->lang, TRUE, id);
    }
  return g_string_free (out, FALSE);
}

char *
dk_report_render_html (const DkReport *r)
{
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
                          dk_lang_code (r->lang));
  dk_html_escape_append (out, r->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1><bdi>", style);
  dk_html_escape_append (out, r->title);
  g_string_append (out, "</bdi></h1>\n");
  render_notes_charts (out, r);
  for (guint i = 0; i < r->tables->len; i++)
    render_table (out, g_ptr_array_index (r->tables, i), r->lang, FALSE, NULL);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
