/* date.c — calendar dates, YYYY-MM-DD. */
#include "date.h"

#include <string.h>

gboolean
dk_date_valid (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", text);
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);
  return dt != NULL;
}
