/*
 * web.h — the web interface, `digikomp serve`, lives in a loadable module,
 * digikomp-web.so, opened only by `digikomp serve` and `digikomp user`:
 * linking libmicrohttpd (and GnuTLS with it) and libsodium into the program
 * would cost every other command their loading time at start.
 *
 * The module exports one symbol, DK_WEB_SYMBOL, a DkWeb.  It calls the
 * program's dk_* functions (the program exports them).
 */
#ifndef DK_WEB_H
#define DK_WEB_H

#include "context.h"

#define DK_WEB_SYMBOL "dk_web_module"
#define DK_WEB_MODULE "digikomp-web.so"

#define DK_WEB_ERROR (dk_web_error_quark ())
GQuark dk_web_error_quark (void);

typedef enum {
  DK_WEB_ERROR_FAILED,    /* the server cannot start: a bad address, a port taken */
  DK_WEB_ERROR_INVALID,   /* a bad setting (exit 3 would be wrong: it is usage) */
} DkWebError;

/* How the server runs: the options of `digikomp serve` and config.ini's
 * [web] group, resolved by the caller. */
typedef struct {
  const char *db;              /* the store */
  const char *listen;          /* "127.0.0.1:8080", "[::1]:8080"; port 0: any free one */
  const char *public_url;      /* NULL: http:// and the listen address */
  const char *trust_header;    /* the SSO header, or NULL */
  const char *trusted_proxy;   /* the only address it is taken from, or NULL */
  DkLang      lang;            /* pages' language when neither the person nor the browser says */
  DkClockFunc clock;           /* NULL: the system clock */
  gpointer    clock_data;
  guint       threads;         /* worker threads; 0: one per processor */
  guint       max_connections; /* in total */
  guint       max_per_address; /* per client address */
  guint       timeout;         /* seconds a connection may idle before it is dropped */
  gsize       max_body;        /* bytes of a request body; more is 413 */
  gsize       max_header;      /* bytes of a request's line and headers; more is refused */
  guint       min_group;       /* the smallest group a figure is shown for (k) */
  const char *round;           /* config.ini's round, the default of an upload's; NULL:
                                * the open one (as the command line's --round) */
} DkServeOptions;

typedef struct _DkWeb {
  /* Serves until SIGTERM or SIGINT, then finishes the requests in flight
   * and returns TRUE; FALSE with ERROR when it cannot start.  Prints
   * "listening on URL" on standard error once it accepts connections,
   * then one line per request.  Call from the main thread, before any
   * other thread exists (it blocks the two signals for every thread). */
  gboolean (*serve) (const DkServeOptions *options, GError **error);
  /* Returns PASSWORD hashed with Argon2id (crypto_pwhash_str), or NULL
   * with ERROR when memory runs short.  Caller frees.  Thread-safe. */
  char *(*password_hash) (const char *password, GError **error);
  /* Returns a new random token (256 bits, hex; caller frees) and its hash
   * as the store keeps it in *HASH (caller frees).  Thread-safe. */
  char *(*token_new) (char **hash);
} DkWeb;

#endif
