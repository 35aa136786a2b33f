/*
 * svg.c — bar, heat-map and radar charts as SVG.
 */
#include "svg.h"
#include "report-model.h"

#include <math.h>

static const char *series_colours[] = { "#9fb3c8", "#1f5f99", "#e07b39", "#4c9a5b" };

/* Series S of C's: the earlier round light, this round dark; one series
 * alone is this round. */
static const char *
series_colour (const DkBarChart *c, guint s)
{
  return series_colours[(c->n_series == 1 ? 1 : s) % G_N_ELEMENTS (series_colours)];
}

/* A coordinate as SVG reads it, with a dot whatever the locale: d0 (x).s
 * has no decimals, d1 (x).s one; the text lives until the end of the
 * statement that calls it. */
typedef struct { char s[G_ASCII_DTOSTR_BUF_SIZE]; } Coord;
static Coord d0 (double v) { Coord c; g_ascii_formatd (c.s, sizeof c.s, "%.0f", v); return c; }
static Coord d1 (double v) { Coord c; g_ascii_formatd (c.s, sizeof c.s, "%.1f", v); return c; }

static void
text (GString *out, double x, double y, const char *anchor, const char *extra, const char *s)
{
  g_autofree char *e = dk_html_escape (s);
  g_string_append_printf (out, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s>%s</text>\n",
                          d1 (x).s, d1 (y).s, anchor, extra, e);
}

static char *
value_text (double v, gboolean percent, DkLang lang)
{
  if (!percent)
    return dk_format_level (v, lang);
  return dk_format_percent (v, lang);
}

char *
dk_svg_bar_chart (const DkBarChart *c)
{
  const double left = 50, top = 30, height = 220, group_w = 24.0 * c->n_series + 24;
  const double width = left + group_w * MAX (c->n_categories, 1) + 20;
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %s\""
                               " width=\"%s\" height=\"%s\" font-family=\"sans-serif\" font-size=\"11\">\n",
                          d0 (width).s, d0 (top + height + 60).s, d0 (width).s, d0 (top + height + 60).s);
  for (int i = 0; i <= 4; i++)
    {
      double v = c->min + (c->max - c->min) * i / 4.0, y = top + height - height * i / 4.0;
      g_autofree char *label = value_text (v, c->percent, c->lang);
      g_string_append_printf (out, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#dde3ea\"/>\n",
                              d0 (left).s, d1 (y).s, d0 (width - 10).s, d1 (y).s);
      text (out, left - 4, y + 4, "end", "", label);
    }
  for (guint k = 0; k < c->n_categories; k++)
    {
      double gx = left + group_w * k + 12;
      for (guint s = 0; s < c->n_series; s++)
        {
          guint i = s * c->n_categories + k;
          double x = gx + 24.0 * s;
          if (!c->present[i])
            {
              g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"20\" height=\"4\" fill=\"#bbb\"/>\n",
                                      d1 (x).s, d1 (top + height - 4).s);
              text (out, x + 10, top + height - 8, "middle", " fill=\"#777\"", "–");
              continue;
            }
          /* the bar's height, too, at the precision its label shows */
          double v = dk_published_value (c->values[i], c->percent ? DK_COLUMN_PERCENT : DK_COLUMN_LEVEL);
          double f = CLAMP ((v - c->min) / (c->max - c->min), 0, 1);
          g_autofree char *label = value_text (v, c->percent, c->lang);
          g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"20\" height=\"%s\" fill=\"%s\"/>\n",
                                  d1 (x).s, d1 (top + height - f * height).s, d1 (f * height).s,
                                  series_colour (c, s));
          text (out, x + 10, top + height - f * height - 3, "middle", " font-size=\"9\"", label);
        }
      text (out, gx + 12.0 * c->n_series - 2, top + height + 16, "middle", "", c->categories[k]);
    }
  for (guint s = 0; s < c->n_series; s++)
    {
      double x = left + 110.0 * s;
      g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                              d0 (x).s, d0 (top + height + 32).s, series_colour (c, s));
      text (out, x + 16, top + height + 42, "start", "", c->series[s]);
    }
  g_string_append (out, "</svg>");
  return g_string_free (out, FALSE);
}

/* From light (no needs) to dark red (everyone has needs). */
static void
heat_colour (double f, char *buf, gsize len)
{
  f = CLAMP (f, 0, 1);
  int r = (int) (255 - 75 * f), g = (int) (245 - 200 * f), b = (int) (235 - 200 * f);
  g_snprintf (buf, len, "#%02x%02x%02x", r, g, b);
}

char *
dk_svg_heat_map (const DkHeatMap *m)
{
  const double label_w = 330, cell_w = 64, cell_h = 22, top = 24;
  const double width = label_w + cell_w * m->n_cols + 10, height = top + cell_h * m->n_rows + 10;
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %s\""
                               " width=\"%s\" height=\"%s\" font-family=\"sans-serif\" font-size=\"11\">\n",
                          d0 (width).s, d0 (height).s, d0 (width).s, d0 (height).s);
  for (guint c = 0; c < m->n_cols; c++)
    text (out, label_w + cell_w * c + cell_w / 2, top - 8, "middle", " font-weight=\"bold\"", m->cols[c]);
  for (guint r = 0; r < m->n_rows; r++)
    {
      double y = top + cell_h * r;
      text (out, label_w - 6, y + 15, "end", "", m->rows[r]);
      for (guint c = 0; c < m->n_cols; c++)
        {
          guint i = r * m->n_cols + c;
          char fill[8] = "#eeeeee";
          g_autofree char *label = NULL;
          if (m->state[i] == DK_HEAT_VALUE)
            {
              heat_colour (dk_published_value (m->values[i], DK_COLUMN_PERCENT), fill, sizeof fill);
              label = dk_format_percent (m->values[i], m->lang);
            }
          else
            label = g_strdup (m->state[i] == DK_HEAT_SUPPRESSED ? "–" : "");
          g_string_append_printf (out, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"#fff\"/>\n",
                                  d0 (label_w + cell_w * c).s, d0 (y).s, d0 (cell_w).s, d0 (cell_h).s, fill);
          text (out, label_w + cell_w * c + cell_w / 2, y + 15, "middle",
                m->state[i] == DK_HEAT_VALUE && m->values[i] > 0.6 ? " fill=\"#fff\"" : "", label);
        }
    }
  g_string_append (out, "</svg>");
  return g_string_free (out, FALSE);
}

static void
radar_point (const DkRadar *r, guint axis, guint n, double level, double *x, double *y)
{
  const double cx = 200, cy = 200, radius = 150;
  double f = r->max > r->min ? (level - r->min + 1) / (double) (r->max - r->min + 1) : 0;
  if (level <= 0)
    f = 0;
  double angle = -G_PI / 2 + 2 * G_PI * axis / n;
  *x = cx + radius * f * cos (angle);
  *y = cy + radius * f * sin (angle);
}

static void
radar_polygon (GString *out, const DkRadar *r, const guint *levels, guint n, const guint *axes,
               const char *colour, const char *dash)
{
  g_string_append (out, "<polygon points=\"");
  for (guint i = 0; i < n; i++)
    {
      double x, y;
      radar_point (r, i, n, levels[axes[i]], &x, &y);
      g_string_append_printf (out, "%s,%s ", d1 (x).s, d1 (y).s);
    }
  g_string_append_printf (out, "\" fill=\"%s\" fill-opacity=\"0.15\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                          colour, colour, dash);
}

char *
dk_svg_radar (const DkRadar *r)
{
  g_autofree guint *axes = g_new0 (guint, r->n_axes);
  guint n = 0;
  for (guint i = 0; i < r->n_axes; i++)
    if (r->expected[i] > 0)
      axes[n++] = i;
  GString *out = g_string_new ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 440\""
                               " width=\"400\" height=\"440\" font-family=\"sans-serif\" font-size=\"11\">\n");
  for (guint l = r->min; l <= r->max && n > 2; l++)
    {
      g_string_append (out, "<polygon points=\"");
      for (guint i = 0; i < n; i++)
        {
          double x, y;
          radar_point (r, i, n, l, &x, &y);
          g_string_append_printf (out, "%s,%s ", d1 (x).s, d1 (y).s);
        }
      g_string_append (out, "\" fill=\"none\" stroke=\"#dde3ea\"/>\n");
    }
  for (guint i = 0; i < n; i++)
    {
      double x, y;
      radar_point (r, i, n, r->max + 0.8, &x, &y);
      text (out, x, y + 4, "middle", "", r->axes[axes[i]]);
      if (r->effective[axes[i]] == 0)
        {
          /* no level: a hollow mark on the axis at the centre side */
          radar_point (r, i, n, r->min, &x, &y);
          g_string_append_printf (out, "<circle cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"#fff\" stroke=\"#b00020\"/>\n",
                                  d1 (x).s, d1 (y).s);
        }
    }
  if (n > 2)
    {
      radar_polygon (out, r, r->expected, n, axes, "#777777", " stroke-dasharray=\"5,3\"");
      radar_polygon (out, r, r->effective, n, axes, "#1f5f99", "");
    }
  g_string_append (out, "<line x1=\"20\" y1=\"420\" x2=\"40\" y2=\"420\" stroke=\"#777\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n");
  text (out, 46, 424, "start", "", r->expected_label);
  g_string_append (out, "<line x1=\"200\" y1=\"420\" x2=\"220\" y2=\"420\" stroke=\"#1f5f99\" stroke-width=\"2\"/>\n");
  text (out, 226, 424, "start", "", r->effective_label);
  g_string_append (out, "</svg>");
  return g_string_free (out, FALSE);
}
