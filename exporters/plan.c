/*
 * plan.c — a personal plan on paper (PDF: A4, cairo and pango, fonts
 * embedded) and its sessions as a calendar (iCalendar, libical).
 */
#include "module.h"
#include "atomic-file.h"

#include <cairo-pdf.h>
#include <libical/ical.h>
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

/* "2026-10-05T09:00" → a floating local time. */
static struct icaltimetype
ical_time (const char *iso)
{
  char compact[32] = { 0 };
  guint n = 0;
  for (const char *p = iso; *p != '\0' && n + 1 < sizeof compact; p++)
    if (*p != '-' && *p != ':')
      compact[n++] = *p;
  if (n == 8)
    g_strlcat (compact, "T000000", sizeof compact);
  else if (n == 13)
    g_strlcat (compact, "00", sizeof compact);
  return icaltime_from_string (compact);
}

char *
dk_export_calendar (const DkCalendarEvent *events, guint n)
{
  icalcomponent *cal = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT, icalproperty_new_version ("2.0"),
                                            icalproperty_new_prodid ("-//digikomp//plan//SV"), (void *) 0);
  for (const DkCalendarEvent *e = events; e < events + n; e++)
    {
      icalcomponent *ev = icalcomponent_vanew (ICAL_VEVENT_COMPONENT, icalproperty_new_uid (e->uid),
                                               icalproperty_new_summary (e->summary),
                                               icalproperty_new_dtstart (ical_time (e->start)),
                                               icalproperty_new_dtend (ical_time (e->end)), (void *) 0);
      if (e->place != NULL)
        icalcomponent_add_property (ev, icalproperty_new_location (e->place));
      if (e->description != NULL)
        icalcomponent_add_property (ev, icalproperty_new_description (e->description));
      icalcomponent_add_component (cal, ev);
    }
  char *text = g_strdup (icalcomponent_as_ical_string (cal));
  icalcomponent_free (cal);
  return text;
}
