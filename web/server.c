/*
 * server.c — `digikomp serve`'s HTTP layer on libmicrohttpd: epoll with its
 * thread pool, one DkStore per worker thread, the routes and who may use
 * them (core/access.h), sessions and their cookie, the CSRF checks, the
 * headers of every answer, sign-in throttling, the limits, one log line per
 * request, and stopping on SIGTERM after the requests in flight.
 */
#include "server.h"
#include "page.h"
#include "crypto.h"
#include "parse.h"

#include <microhttpd.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Failed sign-ins: at most this many per account, and per client address,
 * in a window; then the next try waits for the window's end. */
#define THROTTLE_WINDOW       (15 * 60)
#define THROTTLE_PER_ACCOUNT  5
#define THROTTLE_PER_ADDRESS  20

/* How long SIGTERM waits for the requests in flight. */
#define DRAIN_SECONDS 30

typedef struct {
  gint64 since;
  guint  count;
} Failures;

struct _Server {
  const DkServeOptions *options;
  char                 *origin;        /* "https://kompetens.example.se" */
  gboolean              secure;        /* the public URL is https */
  const char           *cookie;        /* the session cookie's name */
  char                 *dummy_hash;
  GMutex                lock;          /* guards failures */
  GHashTable           *failures;      /* "account:NAME" / "address:ADDR" → Failures* */
  gint                  in_flight;     /* requests begun and not yet answered */
  gint                  stopping;      /* SIGTERM came: new requests get 503 */
};

static void
close_store (gpointer store)
{
  dk_store_close (store);
}

/* Each worker thread's own store, closed when the thread ends. */
static GPrivate thread_store = G_PRIVATE_INIT (close_store);

/* ---- routes ----------------------------------------------------------------- */

typedef struct {
  const char   *method;
  const char   *pattern;    /* a trailing "TOKEN" segment matches any one segment */
  DkAccessRule  rule;
  void        (*handler) (Request *r);
} Route;

static const Route routes[] = {
  { "GET",  "/health",        DK_ACCESS_PUBLIC,    dk_page_health },
  { "GET",  "/style.css",     DK_ACCESS_PUBLIC,    dk_page_style },
  { "GET",  "/login",         DK_ACCESS_PUBLIC,    dk_page_login },
  { "POST", "/login",         DK_ACCESS_PUBLIC,    dk_page_login_post },
  { "POST", "/logout",        DK_ACCESS_SIGNED_IN, dk_page_logout },
  { "GET",  "/invite/TOKEN",  DK_ACCESS_PUBLIC,    dk_page_invite },
  { "POST", "/invite/TOKEN",  DK_ACCESS_PUBLIC,    dk_page_invite_post },
  /* signed out, the start page sends to the login */
  { "GET",  "/",              DK_ACCESS_PUBLIC,    dk_page_home },
  { "GET",  "/settings",      DK_ACCESS_SIGNED_IN, dk_page_settings_form },
  { "POST", "/settings",      DK_ACCESS_SIGNED_IN, dk_page_settings },
  { "GET",  "/me/data.json",  DK_ACCESS_OWN,       dk_page_my_data },
  { "GET",  "/assessment",    DK_ACCESS_OWN,       dk_page_assessment },
  { "POST", "/assessment",    DK_ACCESS_OWN,       dk_page_assessment_post },
  { "GET",  "/assessment/summary", DK_ACCESS_OWN,  dk_page_assessment_summary },
  { "POST", "/assessment/share",   DK_ACCESS_OWN,  dk_page_assessment_share },
  { "GET",  "/plan",          DK_ACCESS_OWN,       dk_page_plan },
  { "GET",  "/plan.pdf",      DK_ACCESS_OWN,       dk_page_plan_pdf },
  { "GET",  "/plan.ics",      DK_ACCESS_OWN,       dk_page_plan_ics },
  { "POST", "/plan/wishes",   DK_ACCESS_OWN,       dk_page_plan_wish },
  { "GET",  "/catalogue",     DK_ACCESS_SIGNED_IN, dk_page_catalogue },
  { "GET",  "/accessibility", DK_ACCESS_PUBLIC,    dk_page_accessibility },
  { "GET",  "/admin/users",   DK_ACCESS_ADMIN,     dk_page_admin_users },
  { "POST", "/admin/users/ID", DK_ACCESS_ADMIN,    dk_page_admin_user_post },
  { "GET",  "/admin/people/ID/data.json", DK_ACCESS_ADMIN, dk_page_admin_person_data },
  { "GET",  "/admin/people/ID/erase", DK_ACCESS_ADMIN, dk_page_admin_erase_form },
  { "POST", "/admin/people/ID/erase", DK_ACCESS_ADMIN, dk_page_admin_erase },
  { "POST", "/admin/invitations", DK_ACCESS_ADMIN,    dk_page_admin_invite },
  { "GET",  "/admin/audit",   DK_ACCESS_ADMIN,     dk_page_admin_audit },
  /* the manager's pages */
  { "GET",  "/team",                          DK_ACCESS_TEAM,    dk_page_team },
  { "GET",  "/people/ID/assessment",          DK_ACCESS_MANAGED, dk_page_assessment },
  { "POST", "/people/ID/assessment",          DK_ACCESS_MANAGED, dk_page_assessment_post },
  { "GET",  "/people/ID/conversation",        DK_ACCESS_MANAGED, dk_page_conversation },
  { "GET",  "/people/ID/conversation/summary", DK_ACCESS_MANAGED, dk_page_conversation_summary },
  { "POST", "/people/ID/conversation",        DK_ACCESS_MANAGED, dk_page_conversation_post },
  { "POST", "/people/ID/ratings",             DK_ACCESS_MANAGED, dk_page_ratings_post },
  { "GET",  "/people/ID/plan",                DK_ACCESS_MANAGED, dk_page_people_plan },
  { "POST", "/people/ID/plan",                DK_ACCESS_MANAGED, dk_page_people_plan_create },
  { "POST", "/people/ID/plan/items",          DK_ACCESS_MANAGED, dk_page_people_plan_add },
  { "POST", "/people/ID/plan/items/N",        DK_ACCESS_MANAGED, dk_page_people_plan_status },
  { "POST", "/people/ID/plan/agree",          DK_ACCESS_MANAGED, dk_page_people_plan_agree },
  { "POST", "/people/ID/plan/follow-ups",     DK_ACCESS_MANAGED, dk_page_people_plan_follow_up },
  { "POST", "/people/ID/plan/reopen",         DK_ACCESS_MANAGED, dk_page_people_plan_reopen },
  { "GET",  "/imports",        DK_ACCESS_HR,      dk_page_imports },
  { "POST", "/imports",        DK_ACCESS_HR,      dk_page_imports_post },
  /* recording participation: the handler checks the person and activity */
  { "GET",  "/participation",  DK_ACCESS_PARTICIPATION, dk_page_participation },
  { "POST", "/participation",  DK_ACCESS_PARTICIPATION, dk_page_participation_post },
  /* HR's and coordinators' */
  { "GET",  "/reports",       DK_ACCESS_REPORTS,   dk_page_reports },
  { "GET",  "/reports/KIND",  DK_ACCESS_REPORTS,   dk_page_report },
  { "GET",  "/rounds",        DK_ACCESS_HR,        dk_page_rounds },
  { "POST", "/rounds",        DK_ACCESS_HR,        dk_page_rounds_post },
};

/* Sets TARGET's unit for a report of R: the `unit` field, normalised; for
 * a coordinator who is not HR and names none, their own unit, which the
 * field then holds.  UNIT keeps what TARGET points to. */
static void
report_unit (Request *r, DkAccessTarget *target, char **unit)
{
  const char *given = g_hash_table_lookup (r->query, "unit");
  if (given != NULL && *given != '\0')
    {
      /* a path that is no path is under no one's unit */
      *unit = dk_unit_path_normalize (given);
      target->unit = *unit != NULL ? *unit : "\x01";
      return;
    }
  if (r->who == NULL || dk_access_allows (r->who, DK_ACCESS_HR, NULL))
    return;
  for (guint i = 0; i < r->who->grants->len; i++)
    {
      const DkGrant *g = r->who->grants->pdata[i];
      if (g->kind == DK_GRANT_COORDINATOR)
        {
          *unit = g_strdup (g->target);
          g_hash_table_replace (r->query, g_strdup ("unit"), g_strdup (g->target));
          target->unit = *unit;
          return;
        }
    }
}

/* Returns TRUE when PATH matches PATTERN segment by segment: a segment of
 * capitals (TOKEN, ID, N) matches any one non-empty segment, the first two
 * of them kept in SEG and LEN. */
static gboolean
route_matches (const char *pattern, const char *path, const char *seg[2], gsize len[2])
{
  guint n = 0;
  seg[0] = seg[1] = NULL;
  len[0] = len[1] = 0;
  const char *p = pattern, *q = path;
  while (*p != '\0' || *q != '\0')
    {
      if (*p != '/' || *q != '/')
        return FALSE;
      p++;
      q++;
      gsize pl = strcspn (p, "/"), ql = strcspn (q, "/");
      gboolean param = pl > 0;
      for (gsize i = 0; i < pl && param; i++)
        param = g_ascii_isupper (p[i]);
      if (param)
        {
          if (ql == 0 || n == 2)
            return FALSE;
          seg[n] = q;
          len[n++] = ql;
        }
      else if (pl != ql || strncmp (p, q, pl) != 0)
        return FALSE;
      p += pl;
      q += ql;
    }
  return TRUE;
}

/* ---- answers ------------------------------------------------------------------ */

void
dk_web_answer (Request *r, int status, const char *type, char *body, gsize len)
{
  g_free (r->body);
  r->status = status;
  r->type = type;
  r->body = body;
  r->body_len = len;
}

void
dk_web_header (Request *r, const char *name, const char *value)
{
  g_ptr_array_add (r->headers, g_strdup (name));
  g_ptr_array_add (r->headers, g_strdup (value));
}

void
dk_web_answer_page (Request *r, int status, DkHtml *h)
{
  dk_page_end (r, h);
  gsize len;
  char *body = dk_html_free_to_string (h, &len);
  dk_web_answer (r, status, "text/html; charset=utf-8", body, len);
}

void
dk_web_redirect (Request *r, const char *path)
{
  dk_web_header (r, "Location", path);
  dk_web_answer (r, 303, "text/plain; charset=utf-8", g_strdup (""), 0);
}

void
dk_web_not_found (Request *r)
{
  DkLang lang = r->ctx.lang;
  char *body = g_strdup_printf ("%s\n", T_ (lang, "There is no such page."));
  dk_web_answer (r, 404, "text/plain; charset=utf-8", body, strlen (body));
}

void
dk_web_fail (Request *r, const GError *error)
{
  g_printerr ("digikomp serve: %s %s: %s\n", r->method, r->pattern, error != NULL ? error->message : "?");
  char *body = g_strdup_printf ("%s\n", T_ (r->ctx.lang, "Something went wrong; try again later."));
  dk_web_answer (r, 500, "text/plain; charset=utf-8", body, strlen (body));
}

/* ---- sessions -------------------------------------------------------------- */

static void
set_cookie (Request *r, const char *value)
{
  Server *s = r->server;
  g_autofree char *cookie = g_strdup_printf ("%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", s->cookie,
                                             value, s->secure ? "; Secure" : "",
                                             *value == '\0' ? "; Max-Age=0" : "");
  dk_web_header (r, "Set-Cookie", cookie);
}

DkWebSession *
dk_web_session (Request *r)
{
  if (r->session != NULL)
    return r->session;
  g_autofree char *hash = NULL;
  g_autofree char *id = dk_web_token_new (&hash);
  g_autofree char *csrf = dk_web_token ();
  g_autoptr (GError) error = NULL;
  if (!dk_session_create (r->store, &r->ctx, hash, 0, csrf, &error))
    {
      dk_web_fail (r, error);
      return NULL;
    }
  set_cookie (r, id);
  r->session = g_new0 (DkWebSession, 1);
  r->session->csrf = g_steal_pointer (&csrf);
  r->session->created = r->session->last_used = dk_context_now (&r->ctx);
  g_free (r->session_hash);
  r->session_hash = g_steal_pointer (&hash);
  return r->session;
}

gboolean
dk_web_sign_in (Request *r, gint64 person, const char *method)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkAccount) who = dk_account_by_person (r->store, person, &error);
  if (who == NULL)
    {
      dk_web_fail (r, error);
      return FALSE;
    }
  g_autofree char *hash = NULL;
  g_autofree char *id = dk_web_token_new (&hash);
  g_autofree char *csrf = dk_web_token ();
  DkContext ctx = r->ctx;
  ctx.actor = who->ext_id;
  if (!dk_session_sign_in (r->store, &ctx, r->session_hash, hash, person, csrf, method,
                           DK_WEB_SESSION_ABSOLUTE, &error))
    {
      dk_web_fail (r, error);
      return FALSE;
    }
  set_cookie (r, id);
  dk_session_free (r->session);
  r->session = g_new0 (DkWebSession, 1);
  r->session->person_id = person;
  r->session->csrf = g_steal_pointer (&csrf);
  g_free (r->session_hash);
  r->session_hash = g_steal_pointer (&hash);
  dk_account_free (r->who);
  r->who = g_steal_pointer (&who);
  r->ctx.actor = r->who->ext_id;
  return TRUE;
}

gboolean
dk_web_sign_out (Request *r)
{
  g_autoptr (GError) error = NULL;
  if (r->session_hash != NULL
      && !dk_session_sign_out (r->store, &r->ctx, r->session_hash, r->session->person_id, &error))
    {
      dk_web_fail (r, error);
      return FALSE;
    }
  set_cookie (r, "");
  return TRUE;
}

/* Finds R's session from its cookie, and its account. */
static gboolean
find_session (Request *r, struct MHD_Connection *conn)
{
  const char *header = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE);
  g_autofree char *id = dk_web_parse_cookie (header, r->server->cookie);
  if (id == NULL || strlen (id) != 64)
    return TRUE;
  g_autofree char *hash = dk_web_token_hash (id);
  g_autoptr (GError) error = NULL;
  r->session = dk_session_lookup (r->store, &r->ctx, hash, DK_WEB_SESSION_IDLE,
                                  DK_WEB_SESSION_ABSOLUTE, &error);
  if (r->session == NULL)
    {
      if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
        return TRUE;
      dk_web_fail (r, error);
      return FALSE;
    }
  r->session_hash = g_steal_pointer (&hash);
  if (r->session->person_id == 0)
    return TRUE;
  r->who = dk_account_by_person (r->store, r->session->person_id, &error);
  if (r->who == NULL)
    {
      dk_web_fail (r, error);
      return FALSE;
    }
  r->ctx.actor = r->who->ext_id;
  return TRUE;
}

/* The trusted proxy's header: a request from the proxy that names a person
 * with an account is that person (signed in anew when its session is not
 * theirs). */
static gboolean
trusted_header (Request *r, struct MHD_Connection *conn, gboolean from_proxy)
{
  const char *name = r->options->trust_header;
  if (name == NULL || !from_proxy)
    return TRUE;
  const char *user = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, name);
  if (user == NULL || *user == '\0')
    return TRUE;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkAccount) a = dk_account_find (r->store, user, &error);
  if (a == NULL || a->disabled)
    return TRUE;
  if (r->who != NULL && r->who->person_id == a->person_id)
    return TRUE;
  return dk_web_sign_in (r, a->person_id, "header");
}

/* ---- throttling ------------------------------------------------------------- */

const char *
dk_web_dummy_hash (Server *server)
{
  return server->dummy_hash;
}

char *
dk_web_public_link (Request *r, const char *path)
{
  const char *base = r->options->public_url != NULL ? r->options->public_url : r->server->origin;
  gsize len = strlen (base);
  while (len > 0 && base[len - 1] == '/')
    len--;
  return g_strdup_printf ("%.*s%s", (int) len, base, path);
}

/* Returns the seconds KEY must wait (under the lock). */
static gint64
wait_for (Server *s, const char *key, guint most, gint64 now)
{
  Failures *f = g_hash_table_lookup (s->failures, key);
  if (f == NULL || now - f->since >= THROTTLE_WINDOW)
    return 0;
  return f->count >= most ? f->since + THROTTLE_WINDOW - now : 0;
}

gint64
dk_web_throttled (Request *r, const char *username)
{
  Server *s = r->server;
  g_autofree char *account = g_strdup_printf ("account:%s", username);
  g_autofree char *address = g_strdup_printf ("address:%s", r->client);
  gint64 now = dk_context_now (&r->ctx);
  g_mutex_lock (&s->lock);
  gint64 wait = MAX (wait_for (s, account, THROTTLE_PER_ACCOUNT, now),
                     wait_for (s, address, THROTTLE_PER_ADDRESS, now));
  g_mutex_unlock (&s->lock);
  return wait;
}

static void
count_failure (Server *s, const char *key, gint64 now)
{
  Failures *f = g_hash_table_lookup (s->failures, key);
  if (f == NULL)
    {
      f = g_new0 (Failures, 1);
      g_hash_table_insert (s->failures, g_strdup (key), f);
    }
  if (now - f->since >= THROTTLE_WINDOW)
    {
      f->since = now;
      f->count = 0;
    }
  f->count++;
}

void
dk_web_sign_in_result (Request *r, const char *username, gboolean success)
{
  Server *s = r->server;
  g_autofree char *account = g_strdup_printf ("account:%s", username);
  g_autofree char *address = g_strdup_printf ("address:%s", r->client);
  gint64 now = dk_context_now (&r->ctx);
  g_mutex_lock (&s->lock);
  if (success)
    g_hash_table_remove (s->failures, account);
  else
    {
      count_failure (s, account, now);
      count_failure (s, address, now);
    }
  /* forget old windows, so that the table does not grow without end */
  if (g_hash_table_size (s->failures) > 100000)
    {
      GHashTableIter it;
      gpointer value;
      g_hash_table_iter_init (&it, s->failures);
      while (g_hash_table_iter_next (&it, NULL, &value))
        if (now - ((Failures *) value)->since >= THROTTLE_WINDOW)
          g_hash_table_iter_remove (&it);
    }
  g_mutex_unlock (&s->lock);
}

/* ---- one request -------------------------------------------------------------- */

typedef struct {
  Request  r;
  gint64   start;        /* monotonic µs */
  GString *upload;
  gboolean begun;        /* the first call, with the headers, has been */
  gboolean too_large;
  gboolean bad_url;
  gboolean answered;
} Pending;

static void *
request_begin (void *cls, const char *uri, struct MHD_Connection *conn)
{
  (void) conn;
  Server *s = cls;
  g_atomic_int_inc (&s->in_flight);
  Pending *p = g_new0 (Pending, 1);
  p->start = g_get_monotonic_time ();
  p->r.server = s;
  p->r.options = s->options;
  p->r.pattern = "-";
  p->r.method = "-";
  p->r.headers = g_ptr_array_new_with_free_func (g_free);
  const char *query = NULL;
  p->r.path = dk_web_parse_path (uri, &query);
  p->r.query = p->r.path != NULL ? dk_web_parse_form (query, strlen (query)) : NULL;
  p->bad_url = p->r.query == NULL;
  p->upload = g_string_new (NULL);
  return p;
}

static void
request_end (void *cls, struct MHD_Connection *conn, void **req_cls, enum MHD_RequestTerminationCode toe)
{
  (void) conn;
  (void) toe;
  Server *s = cls;
  Pending *p = *req_cls;
  if (p == NULL)
    return;
  Request *r = &p->r;
  /* one write, so that the lines of two threads do not mix */
  g_autofree char *line = g_strdup_printf ("%s %s %d %.1f ms\n", r->method, r->pattern, r->status,
                                           (double) (g_get_monotonic_time () - p->start) / 1000.0);
  if (write (STDERR_FILENO, line, strlen (line)) < 0)
    { /* nowhere to say it */ }
  g_free (r->path);
  g_free (r->param);
  g_free (r->param2);
  dk_person_free (r->person);
  if (r->query != NULL)
    g_hash_table_unref (r->query);
  if (r->form != NULL)
    g_hash_table_unref (r->form);
  dk_account_free (r->who);
  dk_session_free (r->session);
  g_free (r->session_hash);
  g_free (r->body);
  g_ptr_array_unref (r->headers);
  g_string_free (p->upload, TRUE);
  g_free (p);
  *req_cls = NULL;
  g_atomic_int_add (&s->in_flight, -1);
}

/* Returns the language of R's page: the person's choice, else the first of
 * Accept-Language that is sv or en, else the server's. */
static DkLang
page_lang (Request *r, struct MHD_Connection *conn)
{
  DkLang lang;
  if (r->who != NULL && r->who->lang != NULL && dk_lang_parse (r->who->lang, &lang))
    return lang;
  const char *accept = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
  if (accept != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (accept, ",", 16);
      for (char **p = parts; *p != NULL; p++)
        {
          char *tag = g_strstrip (*p);
          if (g_ascii_strncasecmp (tag, "sv", 2) == 0 && (tag[2] == '\0' || tag[2] == '-' || tag[2] == ';'))
            return DK_LANG_SV;
          if (g_ascii_strncasecmp (tag, "en", 2) == 0 && (tag[2] == '\0' || tag[2] == '-' || tag[2] == ';'))
            return DK_LANG_EN;
        }
    }
  return r->options->lang;
}

/* Sets R->client from the connection, or from X-Forwarded-For when the
 * connection is the trusted proxy's; returns TRUE in that case. */
static gboolean
client_address (Request *r, struct MHD_Connection *conn)
{
  const union MHD_ConnectionInfo *info = MHD_get_connection_info (conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  g_strlcpy (r->client, "-", sizeof r->client);
  if (info != NULL && info->client_addr != NULL)
    getnameinfo (info->client_addr,
                 info->client_addr->sa_family == AF_INET6 ? sizeof (struct sockaddr_in6)
                                                          : sizeof (struct sockaddr_in),
                 r->client, sizeof r->client, NULL, 0, NI_NUMERICHOST);
  const char *proxy = r->options->trusted_proxy;
  if (proxy == NULL || strcmp (proxy, r->client) != 0)
    return FALSE;
  const char *forwarded = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, "X-Forwarded-For");
  if (forwarded != NULL)
    {
      /* the proxy appends the address it saw: the last one */
      const char *last = strrchr (forwarded, ',');
      g_autofree char *addr = g_strstrip (g_strdup (last != NULL ? last + 1 : forwarded));
      if (*addr != '\0' && strlen (addr) < sizeof r->client)
        g_strlcpy (r->client, addr, sizeof r->client);
    }
  return TRUE;
}

/* Returns TRUE when the POST R passes the CSRF checks: its Origin, when
 * given, is the public URL's, and its csrf field is its session's token. */
static gboolean
csrf_ok (Request *r, struct MHD_Connection *conn)
{
  const char *origin = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, "Origin");
  if (origin != NULL && strcmp (origin, r->server->origin) != 0)
    return FALSE;
  const char *token = r->form != NULL ? g_hash_table_lookup (r->form, "csrf") : NULL;
  return token != NULL && r->session != NULL && dk_web_secret_equal (token, r->session->csrf);
}

static void
dispatch (Request *r, struct MHD_Connection *conn, gboolean post)
{
  const Route *route = NULL;
  gboolean path_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      const char *seg[2];
      gsize len[2];
      if (!route_matches (routes[i].pattern, r->path, seg, len))
        continue;
      path_known = TRUE;
      if (strcmp (routes[i].method, r->method) == 0 || (strcmp (r->method, "HEAD") == 0
                                                       && strcmp (routes[i].method, "GET") == 0))
        {
          route = &routes[i];
          r->param = seg[0] != NULL ? g_strndup (seg[0], len[0]) : NULL;
          r->param2 = seg[1] != NULL ? g_strndup (seg[1], len[1]) : NULL;
          r->pattern = route->pattern;
          break;
        }
      r->pattern = routes[i].pattern;
    }
  /* /people/ID/…: the person is looked up, and their recorded manager
   * checked, before anything else is read */
  DkAccessTarget target = { 0 };
  if (route != NULL && route->rule == DK_ACCESS_MANAGED && dk_access_allows (r->who, DK_ACCESS_SIGNED_IN, NULL))
    {
      g_autoptr (GError) error = NULL;
      r->person = dk_store_person_find (r->store, r->param, &error);
      if (error != NULL)
        {
          dk_web_fail (r, error);
          return;
        }
      if (r->person != NULL)
        {
          target.person = r->person->id;
          target.person_manager = r->person->manager_id;
        }
    }
  g_autofree char *unit = NULL;
  if (route != NULL && route->rule == DK_ACCESS_REPORTS)
    report_unit (r, &target, &unit);
  gboolean allowed = route != NULL && (route->rule == DK_ACCESS_PARTICIPATION
                                       ? dk_web_participation_any (r->who)
                                       : dk_access_allows (r->who, route->rule, &target));
  if (!allowed)
    {
      if (route == NULL && path_known && dk_access_allows (r->who, DK_ACCESS_PUBLIC, NULL))
        {
          dk_web_answer (r, 405, "text/plain; charset=utf-8", g_strdup ("405\n"), 4);
          return;
        }
      dk_web_not_found (r);
      return;
    }
  if (post && !csrf_ok (r, conn))
    {
      char *body = g_strdup_printf ("%s\n", T_ (r->ctx.lang, "This form has expired or did not come from this site. "
                                                             "Go back, reload the page and try again."));
      dk_web_answer (r, 403, "text/plain; charset=utf-8", body, strlen (body));
      return;
    }
  route->handler (r);
}

static enum MHD_Result
queue (Request *r, struct MHD_Connection *conn)
{
  if (r->body == NULL)
    dk_web_answer (r, 500, "text/plain; charset=utf-8", g_strdup (""), 0);
  struct MHD_Response *resp = MHD_create_response_from_buffer (r->body_len, r->body, MHD_RESPMEM_MUST_FREE);
  r->body = NULL;
  MHD_add_response_header (resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
  MHD_add_response_header (resp, "Content-Security-Policy",
                           "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                           "frame-ancestors 'none'; base-uri 'none'");
  MHD_add_response_header (resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header (resp, "X-Frame-Options", "DENY");
  MHD_add_response_header (resp, "Referrer-Policy", "same-origin");
  MHD_add_response_header (resp, MHD_HTTP_HEADER_CACHE_CONTROL,
                           strcmp (r->pattern, "/style.css") == 0 ? "max-age=3600" : "no-store");
  for (guint i = 0; i + 1 < r->headers->len; i += 2)
    MHD_add_response_header (resp, r->headers->pdata[i], r->headers->pdata[i + 1]);
  enum MHD_Result ok = MHD_queue_response (conn, (unsigned int) r->status, resp);
  MHD_destroy_response (resp);
  return ok;
}

/* Returns the fields of the POST body UPLOAD: urlencoded or, as its
 * Content-Type says, multipart/form-data; NULL when malformed. */
static GHashTable *
parse_body (const GString *upload, struct MHD_Connection *conn)
{
  const char *type = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
  if (type != NULL && g_ascii_strncasecmp (type, "multipart/form-data", 19) == 0)
    return dk_web_parse_multipart (upload->str, upload->len, type);
  return dk_web_parse_form (upload->str, upload->len);
}

static enum MHD_Result
handle (void *cls, struct MHD_Connection *conn, const char *url, const char *method,
        const char *version, const char *upload, size_t *upload_size, void **req_cls)
{
  (void) url;
  (void) version;
  Server *s = cls;
  Pending *p = *req_cls;
  Request *r = &p->r;
  gboolean post = strcmp (method, "POST") == 0;
  if (!p->begun)
    {
      p->begun = TRUE;
      /* the first call: the headers are in, the body (if any) follows */
      r->method = strcmp (method, "GET") == 0 ? "GET" : post ? "POST" : strcmp (method, "HEAD") == 0 ? "HEAD" : "other";
      if (g_atomic_int_get (&s->stopping))
        {
          dk_web_header (r, MHD_HTTP_HEADER_CONNECTION, "close");
          dk_web_answer (r, 503, "text/plain; charset=utf-8", g_strdup ("503\n"), 4);
          p->answered = TRUE;
          return queue (r, conn);
        }
      const char *length = MHD_lookup_connection_value (conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
      if (length != NULL && g_ascii_strtoull (length, NULL, 10) > s->options->max_body)
        {
          dk_web_answer (r, 413, "text/plain; charset=utf-8", g_strdup ("413\n"), 4);
          p->answered = TRUE;
          return queue (r, conn);
        }
      return MHD_YES;
    }
  if (*upload_size > 0)
    {
      if (p->upload->len + *upload_size > s->options->max_body)
        p->too_large = TRUE;
      else
        g_string_append_len (p->upload, upload, (gssize) *upload_size);
      *upload_size = 0;
      return MHD_YES;
    }
  if (p->answered)
    return MHD_YES;
  p->answered = TRUE;

  DkStore *store = g_private_get (&thread_store);
  if (store == NULL)
    {
      g_autoptr (GError) error = NULL;
      store = dk_store_open (s->options->db, FALSE, s->options->lang, &error);
      if (store == NULL)
        {
          dk_web_fail (r, error);
          return queue (r, conn);
        }
      /* a person waits for a page seconds, not the command line's minute:
       * behind a longer writer the page says the store is busy */
      dk_store_set_busy_timeout (store, DK_WEB_BUSY_TIMEOUT_MS);
      g_private_set (&thread_store, store);
    }
  r->store = store;
  r->ctx = dk_context_init (NULL, s->options->lang);
  dk_store_set_lang (store, r->ctx.lang);
  r->ctx.clock = s->options->clock;
  r->ctx.clock_data = s->options->clock_data;

  if (p->too_large)
    dk_web_answer (r, 413, "text/plain; charset=utf-8", g_strdup ("413\n"), 4);
  else if (p->bad_url)
    dk_web_answer (r, 400, "text/plain; charset=utf-8", g_strdup ("400\n"), 4);
  else if (post && (r->form = parse_body (p->upload, conn)) == NULL)
    dk_web_answer (r, 400, "text/plain; charset=utf-8", g_strdup ("400\n"), 4);
  else
    {
      gboolean from_proxy = client_address (r, conn);
      if (find_session (r, conn) && trusted_header (r, conn, from_proxy))
        {
          /* the store is this thread's: its messages follow each request's page */
          r->ctx.lang = page_lang (r, conn);
          dk_store_set_lang (store, r->ctx.lang);
          dispatch (r, conn, post);
        }
    }
  return queue (r, conn);
}

/* ---- starting and stopping ------------------------------------------------------- */

/* Parses ADDR:PORT ("127.0.0.1:8080", "[::1]:8080") into *OUT. */
static gboolean
parse_listen (const char *listen, struct sockaddr_storage *out, socklen_t *len, GError **error)
{
  g_autofree char *host = NULL;
  const char *colon = strrchr (listen, ':');
  if (colon != NULL && listen[0] == '[' && colon > listen && colon[-1] == ']')
    host = g_strndup (listen + 1, (gsize) (colon - listen - 2));
  else if (colon != NULL)
    host = g_strndup (listen, (gsize) (colon - listen));
  guint64 port;
  struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV, .ai_socktype = SOCK_STREAM };
  struct addrinfo *found = NULL;
  if (host == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL)
      || getaddrinfo (host, colon + 1, &hints, &found) != 0)
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_INVALID,
                   _("'%s' is not an address to listen on; give ADDRESS:PORT, such as 127.0.0.1:8080"), listen);
      return FALSE;
    }
  memcpy (out, found->ai_addr, found->ai_addrlen);
  *len = found->ai_addrlen;
  freeaddrinfo (found);
  return TRUE;
}

/* Sets S's origin and cookie from the public URL (or the address listened on). */
static gboolean
public_url (Server *s, const char *url, GError **error)
{
  const char *rest = g_str_has_prefix (url, "https://") ? url + 8 : g_str_has_prefix (url, "http://") ? url + 7 : NULL;
  if (rest == NULL || *rest == '\0' || *rest == '/')
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_INVALID,
                   _("the public URL '%s' must start with https:// or http:// and name a host"), url);
      return FALSE;
    }
  const char *slash = strchr (rest, '/');
  s->origin = g_strndup (url, slash != NULL ? (gsize) (slash - url) : strlen (url));
  s->secure = url[4] == 's';
  s->cookie = s->secure ? "__Host-dk-session" : "dk-session";
  return TRUE;
}

static void
log_mhd (void *cls, const char *fmt, va_list ap)
{
  (void) cls;
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  g_printerr ("digikomp serve: %s", msg);
}

static void
server_clear (Server *s)
{
  g_free (s->origin);
  g_free (s->dummy_hash);
  g_hash_table_unref (s->failures);
  g_mutex_clear (&s->lock);
}

gboolean
dk_web_serve (const DkServeOptions *o, GError **error)
{
  /* SQLite keeps memory statistics (which nothing here reads) under one
   * process-wide mutex that every allocation takes: with a worker per core
   * the workers queue on it, a fifth of the team page's time.  The system's
   * library is built with them on, and SQLITE_DEFAULT_MEMSTATUS is an option
   * of SQLite's own build, so they are switched off here, at the program's
   * start rather than in core/ (a setting of the whole process), and before
   * the first connection: after one, SQLite refuses the call. */
  int memstatus = sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  g_warn_if_fail (memstatus == SQLITE_OK);
  if (!dk_web_crypto_init ())
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_FAILED, _("cannot initialise libsodium"));
      return FALSE;
    }
  /* the store must be there, and be a digikomp store, before anyone asks */
  g_autoptr (DkStore) check = dk_store_open (o->db, FALSE, o->lang, error);
  if (check == NULL)
    return FALSE;
  g_clear_pointer (&check, dk_store_close);
  struct sockaddr_storage addr;
  socklen_t addr_len;
  if (!parse_listen (o->listen, &addr, &addr_len, error))
    return FALSE;
  if ((o->trust_header == NULL) != (o->trusted_proxy == NULL))
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_INVALID,
                   _("--trust-header and --trusted-proxy go together"));
      return FALSE;
    }

  Server s = { .options = o };
  g_mutex_init (&s.lock);
  s.failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *random = dk_web_token ();
  s.dummy_hash = dk_web_password_hash (random, error);
  if (s.dummy_hash == NULL)
    {
      server_clear (&s);
      return FALSE;
    }

  /* the socket is bound here, so that the port (0: any free one) and with
   * it the public URL are known before the first request */
  int fd = socket (addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  if (fd < 0 || setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
      || bind (fd, (struct sockaddr *) &addr, addr_len) != 0 || listen (fd, 128) != 0
      || getsockname (fd, (struct sockaddr *) &addr, &addr_len) != 0)
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_FAILED, _("cannot listen on %s: %s"), o->listen,
                   g_strerror (errno));
      if (fd >= 0)
        close (fd);
      server_clear (&s);
      return FALSE;
    }
  char host[INET6_ADDRSTRLEN + 2] = "";
  char port[8] = "";
  getnameinfo ((struct sockaddr *) &addr, addr_len, host, sizeof host, port, sizeof port,
               NI_NUMERICHOST | NI_NUMERICSERV);
  g_autofree char *own = g_strdup_printf (addr.ss_family == AF_INET6 ? "http://[%s]:%s/" : "http://%s:%s/",
                                          host, port);
  if (!public_url (&s, o->public_url != NULL ? o->public_url : own, error))
    {
      close (fd);
      server_clear (&s);
      return FALSE;
    }

  sigset_t stop;
  sigemptyset (&stop);
  sigaddset (&stop, SIGTERM);
  sigaddset (&stop, SIGINT);
  pthread_sigmask (SIG_BLOCK, &stop, NULL);

  unsigned int threads = o->threads > 0 ? o->threads : (unsigned int) g_get_num_processors ();
  unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG
                       | (addr.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0);
  struct MHD_Daemon *d = MHD_start_daemon (
      flags, 0, NULL, NULL, handle, &s,
      MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
      MHD_OPTION_LISTEN_SOCKET, fd,
      MHD_OPTION_THREAD_POOL_SIZE, threads,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int) o->max_connections,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int) o->max_per_address,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) o->timeout,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) o->max_header,
      MHD_OPTION_URI_LOG_CALLBACK, request_begin, &s,
      MHD_OPTION_NOTIFY_COMPLETED, request_end, &s,
      MHD_OPTION_END);
  gboolean ok = d != NULL;
  if (!ok)
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_FAILED, _("cannot listen on %s: %s"), o->listen,
                   g_strerror (errno));
      close (fd);
    }
  else
    {
      g_printerr ("digikomp serve: listening on %s (public URL %s)\n", own, s.origin);
      int sig;
      sigwait (&stop, &sig);
      g_printerr ("digikomp serve: stopping\n");
      /* the requests in flight finish, new ones are turned away.  Not
       * MHD_quiesce_daemon: with epoll and a thread pool it races a worker
       * that takes the listening socket out of its set at the connection
       * limit, and libmicrohttpd aborts ("Failed to remove listen FD from
       * epoll set"). */
      g_atomic_int_set (&s.stopping, 1);
      for (int i = 0; i < DRAIN_SECONDS * 100 && g_atomic_int_get (&s.in_flight) > 0; i++)
        g_usleep (10000);
      MHD_stop_daemon (d);
    }
  pthread_sigmask (SIG_UNBLOCK, &stop, NULL);
  server_clear (&s);
  return ok;
}
