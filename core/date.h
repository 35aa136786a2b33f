/*
 * date.h — calendar dates as digikomp reads and writes them: YYYY-MM-DD,
 * real dates of the Gregorian calendar.
 */
#ifndef DK_DATE_H
#define DK_DATE_H

#include "dk.h"

/* Returns TRUE when TEXT is a real date written YYYY-MM-DD (2026-02-30 is
 * not).  Thread-safe. */
gboolean dk_date_valid (const char *text);

#endif
