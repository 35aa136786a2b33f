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

/* Returns the language named "sv" or "en" in *out and TRUE, or FALSE for any
 * other name. */
gboolean dk_lang_parse (const char *name, DkLang *out);

/* Returns "sv" or "en" (static). */
const char *dk_lang_code (DkLang lang);

/* Returns the language of the current message locale (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG): Swedish when it starts with "sv", else English. */
DkLang dk_lang_from_locale (void);

/* Returns the path of NAME in the running program's directory when it
 * exists there (a new string, caller frees), else NULL: how a program run
 * from the build tree finds its message catalogues and its module. */
char *dk_beside_program (const char *name);

#endif
