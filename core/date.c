/* date.c — calendar dates, YYYY-MM-DD. */
#include "date.h"

#include <stdio.h>
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

gboolean
dk_date_check (const char *text, GQuark domain, gint code, DkLang lang, GError **error)
{
  if (text == NULL || dk_date_valid (text))
    return TRUE;
  g_set_error (error, domain, code, T_ (lang, "'%s' is not a date; write it as YYYY-MM-DD"), text);
  return FALSE;
}

/* Month names are part of a language's date style, like its decimal
 * separator, so they live here rather than in the message catalogue. */
static const char *const months[DK_N_LANGS][12] = {
  [DK_LANG_SV] = { "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                   "september", "oktober", "november", "december" },
  [DK_LANG_EN] = { "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December" },
};

/* Reads the date (and, when present, the time) at the start of TEXT. */
static gboolean
parse_moment (const char *text, int *y, int *m, int *d, int *hh, int *mm, gboolean *has_time)
{
  if (text == NULL || strlen (text) < 10)
    return FALSE;
  g_autofree char *date = g_strndup (text, 10);
  if (!dk_date_valid (date) || sscanf (date, "%d-%d-%d", y, m, d) != 3)
    return FALSE;
  *has_time = text[10] == 'T' && sscanf (text + 11, "%d:%d", hh, mm) == 2;
  return text[10] == '\0' || *has_time;
}

char *
dk_date_format_long (const char *date, DkLang lang)
{
  int y, m, d, hh, mm;
  gboolean has_time;
  if (!parse_moment (date, &y, &m, &d, &hh, &mm, &has_time))
    return g_strdup (date);
  return g_strdup_printf ("%d %s %d", d, months[lang][m - 1], y);
}

/* "13.00" in Swedish, "13:00" in English. */
static char *
clock_time (int hh, int mm, DkLang lang)
{
  return g_strdup_printf ("%02d%c%02d", hh, lang == DK_LANG_SV ? '.' : ':', mm);
}

/* "29 april 2027 kl. 13.00", "29 April 2027, 13:00". */
static char *
moment (const char *text, DkLang lang)
{
  int y, m, d, hh, mm;
  gboolean has_time;
  g_autofree char *day = dk_date_format_long (text, lang);
  if (!parse_moment (text, &y, &m, &d, &hh, &mm, &has_time) || !has_time)
    return g_steal_pointer (&day);
  g_autofree char *at = clock_time (hh, mm, lang);
  return g_strdup_printf (lang == DK_LANG_SV ? "%s kl. %s" : "%s, %s", day, at);
}

char *
dk_date_format_session (const char *start, const char *end, DkLang lang)
{
  int y0, m0, d0, h0, n0, y1, m1, d1, h1, n1;
  gboolean t0, t1;
  g_autofree char *from = moment (start, lang);
  if (end == NULL || !parse_moment (start, &y0, &m0, &d0, &h0, &n0, &t0)
      || !parse_moment (end, &y1, &m1, &d1, &h1, &n1, &t1))
    return g_steal_pointer (&from);
  if (y0 == y1 && m0 == m1 && d0 == d1)
    {
      if (!t0 || !t1)
        return g_steal_pointer (&from);
      g_autofree char *until = clock_time (h1, n1, lang);
      return g_strdup_printf ("%s–%s", from, until);   /* an en dash: a range */
    }
  g_autofree char *until = moment (end, lang);
  return g_strdup_printf ("%s – %s", from, until);
}
