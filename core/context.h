/*
 * context.h — who acts, in which language, at what time, and whether the
 * caller still wants the answer: what every call into core/ that changes
 * something or renders text takes from its caller.
 *
 * core/ is one library for two callers: a short command (cli/) and a
 * long-running, multi-threaded server (web/).  So core reads no environment,
 * no locale and no process-wide clock of its own: the command line builds a
 * DkContext from --by, --lang, the environment and config.ini; the server
 * builds one per request from the signed-in person and their language.
 *
 * A DkContext is a plain value the caller owns (usually on its stack).  core
 * only reads it, so one context may be shared by several threads as long as
 * nobody changes it meanwhile.
 */
#ifndef DK_CONTEXT_H
#define DK_CONTEXT_H

#include "dk.h"

/* Returns the current time as seconds since the Unix epoch (UTC). */
typedef gint64 (*DkClockFunc) (gpointer user_data);

/* Returns TRUE when the caller no longer wants the work done.  A server
 * passes g_cancellable_is_cancelled with its GCancellable; core itself does
 * not link GIO, which would cost every command 1.3 ms at start. */
typedef gboolean (*DkCancelFunc) (gpointer user_data);

#define DK_CONTEXT_ERROR (dk_context_error_quark ())
GQuark dk_context_error_quark (void);

typedef enum {
  DK_CONTEXT_ERROR_CANCELLED,   /* the caller cancelled the work; nothing changed */
} DkContextError;

typedef struct _DkContext {
  const char   *actor;        /* who acts: a person's id, "hr:NAME", "import"…; written
                               * in every audit row.  NULL: "unknown" */
  DkLang        lang;         /* the language of rendered text and messages */
  DkClockFunc   clock;        /* NULL: the system clock */
  gpointer      clock_data;
  GTimeZone    *tz;           /* for dates ("today"); NULL: local time */
  DkCancelFunc  cancelled;    /* NULL: cannot be cancelled */
  gpointer      cancel_data;
  DkProgress   *progress;     /* NULL: nobody listens */
} DkContext;

/* The actors that are no person, as the store keeps them: codes, in no
 * reader's language (dk_actor_word, person-data.h, puts them into words). */
#define DK_ACTOR_IMPORT  "import"          /* a ratings import set the manager's level */
#define DK_ACTOR_ERASED  "(erased)"        /* stands for a person since erased, wherever
                                             * their id stood in others' data (stores
                                             * erased before kept "erased person") */
#define DK_ACTOR_UNKNOWN "unknown"         /* a context that named nobody */

/* Returns a context for ACTOR in LANG with the system clock, no
 * cancellation and no progress: fill in the rest by hand. */
DkContext dk_context_init (const char *actor, DkLang lang);

/* Returns CTX's actor, "unknown" when it has none (static or CTX's). */
const char *dk_context_actor (const DkContext *ctx);

/* Returns the time now per CTX's clock, in seconds since the epoch. */
gint64 dk_context_now (const DkContext *ctx);

/* Returns the time now per CTX's clock in CTX's time zone (caller unrefs). */
GDateTime *dk_context_now_local (const DkContext *ctx);

/* Returns today's date per CTX's clock, "YYYY-MM-DD" (caller frees). */
char *dk_context_today (const DkContext *ctx);

/* Returns TRUE when CTX's work was cancelled, setting ERROR
 * (DK_CONTEXT_ERROR_CANCELLED) to say so.  Cheap: call it in long loops. */
gboolean dk_context_cancelled (const DkContext *ctx, GError **error);

/* Returns MSGID translated into CTX's language (static, owned by the
 * catalogue; MSGID itself for English or when untranslated).  Thread-safe. */
const char *dk_context_gettext (const DkContext *ctx, const char *msgid);

#endif
