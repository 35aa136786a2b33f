/*
 * dk.h — what every digikomp module shares: the translation macros and the
 * two languages every title is kept in.
 *
 * core/ never prints and never exits; it reports failures through GError with
 * a domain and codes of its own per module.  Only cli/ turns them into text
 * and exit codes.
 */
#ifndef DK_H
#define DK_H

#include <glib.h>
#include <glib/gi18n-lib.h>

/* The languages of titles, descriptors and messages.  Titles are stored for
 * both; a missing one falls back to the other language. */
typedef enum {
  DK_LANG_SV = 0,
  DK_LANG_EN = 1,
  DK_N_LANGS
} DkLang;

/* The longest free texts digikomp stores, in characters, whoever writes
 * them (a page, an import): longer ones are refused, not cut. */
#define DK_COMMENT_MAX 2000   /* a self-rating's comment */
#define DK_REASON_MAX  1000   /* a manager's reason for their level */
#define DK_WISH_MAX    500    /* a wished-for activity, in a plan */
#define DK_NOTES_MAX   2000   /* a plan's follow-up notes */

/* Returns the language named "sv" or "en" in *out and TRUE, or FALSE for any
 * other name. */
gboolean dk_lang_parse (const char *name, DkLang *out);

/* Returns "sv" or "en" (static). */
const char *dk_lang_code (DkLang lang);

/* Translation in a language the caller names, not the process's locale, so
 * that one server can answer two people in two languages at once.
 * dk_messages_load reads the catalogues (LOCALEDIR/LANG/LC_MESSAGES/
 * digikomp.mo) once per process: call it before starting threads; later
 * calls do nothing and return TRUE.  Returns FALSE with ERROR when a
 * catalogue exists but cannot be read. */
gboolean dk_messages_load (const char *localedir, GError **error);

/* Returns MSGID in LANG (static: the catalogue's, or MSGID itself when
 * untranslated or English).  Thread-safe after dk_messages_load.  Like
 * gettext, a format in, a format out: the compiler checks the arguments of
 * T_ ("%s …", x) against MSGID. */
const char *dk_gettext (DkLang lang, const char *msgid) G_GNUC_FORMAT (2);

/* As dk_gettext, for a message with a plural form: N picks the form (both
 * languages use "one" for 1 and "other" otherwise). */
const char *dk_ngettext (DkLang lang, const char *msgid, const char *plural, gulong n)
  G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* Marks MSGID for translation into LANG: core/'s form of _(). */
#define T_(lang, msgid) dk_gettext ((lang), (msgid))

/* Progress of long work, for a caller that shows it.  FUNC gets the items
 * handled so far in the current phase and the fraction of the whole job
 * done (0.0 to 1.0).  A job of several phases gives each its part FROM..TO
 * of the whole (dk_progress_phase); the count starts again in each phase. */
typedef void (*DkProgressFunc) (guint64 count, double fraction, gpointer user_data);

typedef struct {
  DkProgressFunc func;        /* NULL: nobody listens */
  gpointer       user_data;
  double         from, to;    /* the part of the whole job: 0, 1 for all of it */
} DkProgress;

/* Returns the part FROM..TO (fractions of PROGRESS's own part) of PROGRESS,
 * which may be NULL (the result then reports nothing). */
DkProgress dk_progress_phase (const DkProgress *progress, double from, double to);

/* Reports COUNT items done, FRACTION of PROGRESS's part (PROGRESS may be
 * NULL).  Cheap enough to call for every item: FUNC runs only every 1024th
 * item and when the part is complete. */
void dk_progress_report (const DkProgress *progress, guint64 count, double fraction);

/* Returns the path of NAME in the running program's directory when it
 * exists there (a new string, caller frees), else NULL: how a program run
 * from the build tree finds its message catalogues and its modules. */
char *dk_beside_program (const char *name);

#endif
