/*
 * errors.h — collecting every "FILE:LINE: what is wrong" of one input, up to
 * a limit, and handing them back as one GError (one error per line).
 *
 * Readers of outside data (framework and catalogue XML, CSV importers) report
 * all the problems of a file, not just the first, so that a user can fix them
 * in one go.  The collection names the language of the person who gave the
 * file (who runs the import): every reader that adds to it writes in that
 * language, whichever thread it runs in.
 */
#ifndef DK_ERRORS_H
#define DK_ERRORS_H

#include "dk.h"

#define DK_ERRORS_DEFAULT_LIMIT 100

typedef struct _DkErrors {
  GString *text;     /* the lines so far, "\n"-separated; NULL while empty */
  guint    count;    /* errors added, including those past the limit */
  guint    limit;    /* lines kept */
  DkLang   lang;     /* the language the lines are written in */
} DkErrors;

/* Initialises E to keep at most LIMIT lines (0 = DK_ERRORS_DEFAULT_LIMIT),
 * written in LANG. */
void dk_errors_init (DkErrors *e, guint limit, DkLang lang);

/* Adds "FILE:LINE: message" (or "FILE: message" when LINE is 0). */
void dk_errors_add (DkErrors *e, const char *file, guint line,
                    const char *fmt, ...) G_GNUC_PRINTF (4, 5);

/* Adds MESSAGE as it is: it already names its file and line (an error of
 * a lower layer, such as the CSV reader). */
void dk_errors_add_message (DkErrors *e, const char *message);

/* Returns TRUE when at least one error was added. */
gboolean dk_errors_any (const DkErrors *e);

/* Returns TRUE when the limit has been reached: callers may stop reading. */
gboolean dk_errors_full (const DkErrors *e);

/* When errors were added, sets ERROR (DOMAIN, CODE) to all the lines, with a
 * last line saying (in E's language) how many more were left out, and returns TRUE; else
 * returns FALSE.  Clears E either way. */
gboolean dk_errors_propagate (DkErrors *e, GError **error, GQuark domain, int code);

/* Frees what E holds; E may be reused after dk_errors_init. */
void dk_errors_clear (DkErrors *e);

#endif
