/*
 * number.h — the numbers people write for digikomp to read: hours.
 *
 * One parser for every reader (the catalogue, participation, `attend`,
 * the targets of `report participation`), so that they all accept the same
 * texts: not strtod's hexadecimal, exponents, "nan" or "inf".
 */
#ifndef DK_NUMBER_H
#define DK_NUMBER_H

#include "dk.h"

#define DK_NUMBER_ERROR (dk_number_error_quark ())
GQuark dk_number_error_quark (void);

typedef enum {
  DK_NUMBER_ERROR_INVALID,   /* not a number of the kind asked for (exit 3) */
} DkNumberError;

/* The most hours one activity, participation or target may have. */
#define DK_HOURS_MAX 1000

/* Parses TEXT as hours: digits, then optionally a decimal point or comma and
 * one or two digits ("8", "1.5", "2,25"), from 0 to DK_HOURS_MAX.  Returns
 * TRUE with *HOURS set, or FALSE with ERROR (DK_NUMBER_ERROR_INVALID) saying
 * what hours look like in LANG.  Thread-safe. */
gboolean dk_hours_parse (const char *text, double *hours, DkLang lang, GError **error);

#endif
