/* number.c — hours as people write them. */
#include "number.h"

G_DEFINE_QUARK (dk-number-error-quark, dk_number_error)

gboolean
dk_hours_parse (const char *text, double *hours, DkLang lang, GError **error)
{
  /* whole hours and hundredths, counted as integers: no rounding, and no
   * form strtod accepts that a person would not write */
  guint64 whole = 0, hundredths = 0;
  const char *p = text != NULL ? text : "";
  gboolean ok = g_ascii_isdigit (*p);
  for (; ok && g_ascii_isdigit (*p) && whole <= DK_HOURS_MAX; p++)
    whole = whole * 10 + (guint64) (*p - '0');
  if (ok && (*p == '.' || *p == ','))
    {
      p++;
      ok = g_ascii_isdigit (p[0]);
      for (guint d = 0; ok && d < 2; d++)
        hundredths = hundredths * 10 + (g_ascii_isdigit (*p) ? (guint64) (*p++ - '0') : 0);
    }
  ok = ok && *p == '\0' && whole * 100 + hundredths <= DK_HOURS_MAX * 100;
  if (!ok)
    {
      g_set_error (error, DK_NUMBER_ERROR, DK_NUMBER_ERROR_INVALID,
                   T_ (lang, "hours '%s' is not a number from 0 to %d with at most two decimals (like 1.5)"),
                   text != NULL ? text : "", DK_HOURS_MAX);
      return FALSE;
    }
  *hours = (double) (whole * 100 + hundredths) / 100.0;
  return TRUE;
}
