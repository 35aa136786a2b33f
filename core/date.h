/*
 * date.h — calendar dates as digikomp reads and writes them: YYYY-MM-DD,
 * real dates of the Gregorian calendar; and dates and times as people read
 * them on paper, in Swedish or English style.
 */
#ifndef DK_DATE_H
#define DK_DATE_H

#include "dk.h"

/* Returns TRUE when TEXT is a real date written YYYY-MM-DD (2026-02-30 is
 * not).  Thread-safe. */
gboolean dk_date_valid (const char *text);

/* Returns TRUE when TEXT is NULL (no date given) or dk_date_valid; else
 * FALSE with ERROR in DOMAIN and CODE, in LANG: "'TEXT' is not a date; write it as
 * YYYY-MM-DD".  Thread-safe. */
gboolean dk_date_check (const char *text, GQuark domain, gint code, DkLang lang, GError **error);

/* Returns DATE (YYYY-MM-DD, or the date part of YYYY-MM-DDTHH:MM) written
 * out in LANG: "29 april 2027", "29 April 2027"; TEXT itself when it is not
 * such a date.  Caller frees.  Thread-safe. */
char *dk_date_format_long (const char *date, DkLang lang);

/* Returns a session from START to END (ISO 8601 dates, with or without
 * "THH:MM") in LANG: "29 april 2027 kl. 13.00–14.30", "29 April 2027,
 * 13:00–14:30"; a session over several days names both ends.  END may be
 * NULL.  Caller frees.  Thread-safe. */
char *dk_date_format_session (const char *start, const char *end, DkLang lang);

#endif
