/*
 * server.h — what the server's HTTP layer (server.c) and its pages
 * (page*.c) share: one request, as a handler sees it.  Private to web/.
 *
 * A Request lives on one worker thread from its first byte to its answer;
 * its store is that thread's own DkStore.
 */
#ifndef DK_WEB_SERVER_H
#define DK_WEB_SERVER_H

#include "access.h"
#include "account.h"
#include "html.h"
#include "store.h"
#include "web.h"

/* How long a request waits for another connection's write lock (ms). */
#define DK_WEB_BUSY_TIMEOUT_MS  5000
/* How long a session lives: idle, and in all (DESIGN.md). */
#define DK_WEB_SESSION_IDLE     (30 * 60)
#define DK_WEB_SESSION_ABSOLUTE (8 * 60 * 60)

typedef struct _Server Server;
typedef struct _Request Request;

struct _Request {
  Server        *server;
  const DkServeOptions *options;
  const char    *method;        /* "GET", "POST", … */
  char          *path;          /* %-decoded, without the query */
  GHashTable    *query;         /* field → value */
  GHashTable    *form;          /* a POST's fields, or NULL */
  const char    *pattern;       /* the route's pattern, for the log ("/invite/TOKEN") */
  char          *param;         /* the route's first parameter (TOKEN, ID), or NULL */
  char          *param2;        /* its second (N), or NULL */
  DkPerson      *person;        /* a /people/ID/… route's person (ID), or NULL */
  char           client[64];    /* the client's address (a trusted proxy's X-Forwarded-For) */
  DkStore       *store;
  DkContext      ctx;           /* actor: the signed-in person; lang: the page's */
  DkAccount     *who;           /* the signed-in account, or NULL */
  DkWebSession     *session;       /* the request's session, or NULL */
  char          *session_hash;  /* its id's hash, or NULL */

  /* the answer */
  int            status;
  const char    *type;
  char          *body;
  gsize          body_len;
  GPtrArray     *headers;       /* name, value, name, value… (owned) */
};

/* Sets R's answer: STATUS, content TYPE (static) and BODY (taken, LEN bytes). */
void dk_web_answer (Request *r, int status, const char *type, char *body, gsize len);
/* Sets R's answer to the page H (taken) with STATUS. */
void dk_web_answer_page (Request *r, int status, DkHtml *h);
/* Sets R's answer to a redirect (303) to PATH on this server. */
void dk_web_redirect (Request *r, const char *path);
/* Adds the header NAME: VALUE (both copied) to R's answer. */
void dk_web_header (Request *r, const char *name, const char *value);
/* Answers 404, the answer to anything denied. */
void dk_web_not_found (Request *r);

/* Returns R's session, creating a signed-out one (with its cookie) when
 * R has none; NULL when the store fails (R then answers 500). */
DkWebSession *dk_web_session (Request *r);

/* Signs the person PERSON in by METHOD: a new session id (never the one
 * the browser brought), its cookie, the audit row.  FALSE when the store
 * fails (R then answers 500). */
gboolean dk_web_sign_in (Request *r, gint64 person, const char *method);

/* Signs R's person out: the session deleted, its cookie cleared. */
gboolean dk_web_sign_out (Request *r);

/* Returns how many seconds the sign-in of USERNAME from R's client must
 * wait, 0 when it may try now. */
gint64 dk_web_throttled (Request *r, const char *username);
/* Counts a failed sign-in of USERNAME from R's client; with SUCCESS
 * forgets the account's failures instead. */
void dk_web_sign_in_result (Request *r, const char *username, gboolean success);

/* Answers 500 for ERROR (logged, never shown). */
void dk_web_fail (Request *r, const GError *error);

/* The handlers (page*.c).  Each is called after dk_access_allows said yes
 * to its route's rule and, for a POST, after the CSRF checks. */
void dk_page_health (Request *r);
void dk_page_style (Request *r);
void dk_page_login (Request *r);
void dk_page_login_post (Request *r);
void dk_page_logout (Request *r);
void dk_page_invite (Request *r);
void dk_page_invite_post (Request *r);
void dk_page_home (Request *r);
void dk_page_settings (Request *r);
void dk_page_settings_form (Request *r);
void dk_page_plan (Request *r);
void dk_page_plan_pdf (Request *r);
void dk_page_plan_ics (Request *r);
void dk_page_plan_wish (Request *r);
void dk_page_catalogue (Request *r);
void dk_page_accessibility (Request *r);
void dk_page_admin_users (Request *r);
void dk_page_admin_user_post (Request *r);
void dk_page_admin_person_data (Request *r);
void dk_page_admin_invite (Request *r);
/* the erasure of a person (page-erase.c) */
void dk_page_admin_erase_form (Request *r);
void dk_page_admin_erase (Request *r);
/* /admin/audit (page-audit.c) */
void dk_page_admin_audit (Request *r);
void dk_page_my_data (Request *r);
void dk_page_assessment (Request *r);
void dk_page_assessment_post (Request *r);
void dk_page_assessment_summary (Request *r);
void dk_page_assessment_share (Request *r);
/* the manager's (page-team.c, page-conversation.c, page-people-plan.c):
 * R->person is the person of /people/ID/…, whose recorded manager R's
 * person is */
void dk_page_team (Request *r);
void dk_page_conversation (Request *r);
void dk_page_conversation_summary (Request *r);
void dk_page_conversation_post (Request *r);
void dk_page_ratings_post (Request *r);
void dk_page_people_plan (Request *r);
void dk_page_people_plan_create (Request *r);
void dk_page_people_plan_add (Request *r);
void dk_page_people_plan_status (Request *r);
void dk_page_people_plan_agree (Request *r);
void dk_page_people_plan_follow_up (Request *r);
void dk_page_people_plan_reopen (Request *r);
/* /imports (page-imports.c) */
void dk_page_imports (Request *r);
void dk_page_imports_post (Request *r);
/* /participation (page-participation.c) */
void dk_page_participation (Request *r);
void dk_page_participation_post (Request *r);
/* Returns TRUE when WHO may record some participation: HR, or a coordinator
 * or trainer grant that DK_ACCESS_PARTICIPATION allows for its own target.
 * Reads only WHO; thread-safe. */
gboolean dk_web_participation_any (const DkAccount *who);

/* HR's and coordinators' (page-reports.c, page-rounds.c) */
void dk_page_reports (Request *r);
void dk_page_report (Request *r);
void dk_page_rounds (Request *r);
void dk_page_rounds_post (Request *r);

/* Returns the hash a password of an unknown user is checked against, so
 * that it costs the same time as a known one's (static). */
const char *dk_web_dummy_hash (Server *server);

/* Returns the address people reach PATH ("/invite/…") at: the public URL,
 * with its own path, else the address listened on (caller frees). */
char *dk_web_public_link (Request *r, const char *path);

#endif
