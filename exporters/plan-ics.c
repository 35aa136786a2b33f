/*
 * plan-ics.c — a personal plan's dated sessions as a calendar (iCalendar,
 * libical).
 */
#include "module.h"

#include <libical/ical.h>

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
dk_export_calendar (const DkCalendarEvent *events, guint n, gint64 stamp)
{
  /* RFC 5545: every VEVENT has a DTSTAMP, in UTC */
  struct icaltimetype dtstamp = icaltime_from_timet_with_zone ((time_t) stamp, 0, icaltimezone_get_utc_timezone ());
  icalcomponent *cal = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT, icalproperty_new_version ("2.0"),
                                            icalproperty_new_prodid ("-//digikomp//plan//SV"), (void *) 0);
  for (const DkCalendarEvent *e = events; e < events + n; e++)
    {
      icalcomponent *ev = icalcomponent_vanew (ICAL_VEVENT_COMPONENT, icalproperty_new_uid (e->uid),
                                               icalproperty_new_dtstamp (dtstamp),
                                               icalproperty_new_summary (e->summary),
                                               icalproperty_new_dtstart (ical_time (e->start)),
                                               icalproperty_new_dtend (ical_time (e->end)), (void *) 0);
      if (e->place != NULL)
        icalcomponent_add_property (ev, icalproperty_new_location (e->place));
      if (e->description != NULL)
        icalcomponent_add_property (ev, icalproperty_new_description (e->description));
      icalcomponent_add_component (cal, ev);
    }
  /* the _r form: the plain one returns libical's ring buffer, shared by
   * every caller of a thread and overwritten by later calls */
  char *ical = icalcomponent_as_ical_string_r (cal);
  char *text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (cal);
  return text;
}
