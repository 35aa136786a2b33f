/*
 * plan-pdf.c — a personal plan on paper: PDF, A4, cairo and pango, fonts
 * embedded.
 */
#include "module.h"
#include "atomic-file.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#define A4_WIDTH  595.0
#define A4_HEIGHT 842.0
#define MARGIN    56.0

/* Draws the Markdown text line by line, headings larger, on as many A4
 * pages as it takes. */
static void
draw_pdf (cairo_t *cr, const char *markdown)
{
  g_auto (GStrv) lines = g_strsplit (markdown, "\n", -1);
  double y = MARGIN;
  PangoLayout *layout = pango_cairo_create_layout (cr);
  pango_layout_set_width (layout, (int) ((A4_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (char **line = lines; *line != NULL; line++)
    {
      const char *text = *line;
      const char *font = "DejaVu Sans 10";
      if (g_str_has_prefix (text, "# "))
        font = "DejaVu Sans Bold 16", text += 2;
      else if (g_str_has_prefix (text, "## "))
        font = "DejaVu Sans Bold 12", text += 3;
      if (g_str_has_prefix (text, "|---"))
        continue;
      PangoFontDescription *desc = pango_font_description_from_string (font);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
      g_autofree char *plain = g_strdup (text);
      /* Markdown emphasis is not needed on paper */
      for (char *p = plain; *p != '\0'; p++)
        if (*p == '*')
          *p = ' ';
      pango_layout_set_text (layout, plain, -1);
      int w, h;
      pango_layout_get_pixel_size (layout, &w, &h);
      if (y + h > A4_HEIGHT - MARGIN)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, layout);
      y += h + 2;
    }
  g_object_unref (layout);
}

/* Draws the Markdown plan (USER_DATA) as PDF to TMP (a DkFileWriter). */
static gboolean
write_pdf (const char *tmp, const char *path, gconstpointer user_data, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (tmp, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  draw_pdf (cr, user_data);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("cannot write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
dk_export_pdf (const char *markdown, const char *path, GError **error)
{
  return dk_file_replace (path, write_pdf, markdown, error);
}
