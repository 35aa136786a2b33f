/*
 * catalogue.c — learning activities: their text forms, rules and storage.
 */
#include "catalogue.h"
#include "enum.h"

#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (dk-catalogue-error-quark, dk_catalogue_error)

const char *const dk_activity_kinds[] = {
  "lecture", "webinar", "course", "workshop", "e-learning", "micro-learning", "coaching",
  "network", "study-visit", "guide", NULL
};
const char *const dk_activity_formats[] = { "on-site", "digital", "mixed", NULL };

/* The words for the kinds and formats, in the order of the lists above. */
static const char *const kind_words[] = {
  N_("Lecture"), N_("Webinar"), N_("Course"), N_("Workshop"), N_("E-learning"), N_("Micro-learning"),
  N_("Coaching"), N_("Network"), N_("Study visit"), N_("Guide"),
};
static const char *const format_words[] = { N_("on-site"), N_("digital"), N_("mixed") };

static const char *
word_of (const char *const *names, const char *const *words, const char *name, DkLang lang)
{
  int i = dk_enum_index (names, g_strv_length ((char **) names), name);
  return i >= 0 ? T_ (lang, words[i]) : name;
}

const char *
dk_activity_kind_word (const char *kind, DkLang lang)
{
  return word_of (dk_activity_kinds, kind_words, kind, lang);
}

const char *
dk_activity_format_word (const char *format, DkLang lang)
{
  return word_of (dk_activity_formats, format_words, format, lang);
}

static void
develops_clear (DkDevelops *d)
{
  g_free (d->competence);
}

static void
session_clear (DkSession *s)
{
  g_free (s->start);
  g_free (s->end);
  g_free (s->place);
}

static DkActivity *
activity_new (void)
{
  DkActivity *a = g_new0 (DkActivity, 1);
  a->develops = g_array_new (FALSE, TRUE, sizeof (DkDevelops));
  g_array_set_clear_func (a->develops, (GDestroyNotify) develops_clear);
  a->sessions = g_array_new (FALSE, TRUE, sizeof (DkSession));
  g_array_set_clear_func (a->sessions, (GDestroyNotify) session_clear);
  return a;
}

void
dk_activity_free (DkActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->id);
  for (guint l = 0; l < DK_N_LANGS; l++)
    {
      g_free (a->title[l]);
      g_free (a->description[l]);
    }
  g_free (a->kind);
  g_free (a->format);
  g_free (a->language);
  g_array_unref (a->develops);
  g_strfreev (a->roles);
  g_strfreev (a->units);
  g_strfreev (a->themes);
  g_array_unref (a->sessions);
  g_free (a->preparation);
  g_free (a->follow_up);
  g_free (a);
}

/* Splits TEXT at any of SEPARATORS, dropping empty parts (caller frees). */
char **
dk_split_nonempty (const char *text, const char *separators)
{
  g_auto (GStrv) parts = g_strsplit_set (text != NULL ? text : "", separators, -1);
  GPtrArray *out = g_ptr_array_new ();
  for (char **p = parts; *p != NULL; p++)
    {
      g_strstrip (*p);
      if (**p != '\0')
        g_ptr_array_add (out, g_strdup (*p));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
dk_activity_add_develops (DkActivity *a, const char *comp, guint from, guint to, char **problem)
{
  if (from < 1 || to < from || to > DK_MAX_LEVEL)
    {
      *problem = g_strdup_printf (_("'%s:%u..%u': the levels must be FROM..TO with 1 ≤ FROM ≤ TO"),
                                  comp, from, to);
      return FALSE;
    }
  DkDevelops d = { g_strdup (comp), from, to };
  g_array_append_val (a->develops, d);
  return TRUE;
}

gboolean
dk_activity_parse_develops (DkActivity *a, const char *text, char **problem)
{
  g_auto (GStrv) items = dk_split_nonempty (text, " \t");
  if (items[0] == NULL)
    {
      *problem = g_strdup (_("develops names no competence; write it like 4.2:2..3"));
      return FALSE;
    }
  for (char **item = items; *item != NULL; item++)
    {
      char *colon = strchr (*item, ':'), *dots = colon ? strstr (colon, "..") : NULL, *end = NULL;
      if (colon == NULL || dots == NULL)
        {
          *problem = g_strdup_printf (_("'%s' is not COMPETENCE:FROM..TO, like 4.2:2..3"), *item);
          return FALSE;
        }
      guint from = (guint) strtoul (colon + 1, &end, 10);
      gboolean ok = end == dots && end != colon + 1;
      guint to = (guint) strtoul (dots + 2, &end, 10);
      if (!ok || *end != '\0' || end == dots + 2)
        {
          *problem = g_strdup_printf (_("'%s': the levels must be FROM..TO with 1 ≤ FROM ≤ TO"), *item);
          return FALSE;
        }
      g_autofree char *comp = g_strndup (*item, (gsize) (colon - *item));
      if (!dk_activity_add_develops (a, comp, from, to, problem))
        return FALSE;
    }
  return TRUE;
}

/* Returns the moment TEXT (an ISO 8601 date, with or without a time) names,
 * or NULL. */
static GDateTime *
iso_moment (const char *text)
{
  if (text == NULL)
    return NULL;
  gsize n = strlen (text);
  g_autofree char *with_zone = g_strconcat (text, n == 10 ? "T00:00:00Z" : n == 16 ? ":00Z" : "Z", NULL);
  return g_date_time_new_from_iso8601 (with_zone, NULL);
}

gboolean
dk_activity_add_session (DkActivity *a, const char *start, const char *end, const char *place,
                         guint seats, char **problem)
{
  g_autoptr (GDateTime) from = iso_moment (start);
  g_autoptr (GDateTime) to = iso_moment (end);
  if (from == NULL || to == NULL)
    {
      *problem = g_strdup_printf (_("session '%s/%s' does not have dates like 2026-10-05T09:00"),
                                  start != NULL ? start : "", end != NULL ? end : "");
      return FALSE;
    }
  /* a session of whole days may end on the day it starts */
  int order = g_date_time_compare (to, from);
  if (order < 0 || (order == 0 && (strlen (start) != 10 || strlen (end) != 10)))
    {
      *problem = g_strdup_printf (_("session '%s/%s' does not end after it starts"), start, end);
      return FALSE;
    }
  if (place != NULL && strchr (place, '|') != NULL)
    {
      /* '|' separates the sessions of the stored form (and of the CSV) */
      *problem = g_strdup_printf (_("session place '%s' contains '|', which separates sessions"), place);
      return FALSE;
    }
  DkSession s = { g_strdup (start), g_strdup (end), g_strdup (place), seats };
  g_array_append_val (a->sessions, s);
  return TRUE;
}

gboolean
dk_activity_parse_sessions (DkActivity *a, const char *text, char **problem)
{
  g_auto (GStrv) items = dk_split_nonempty (text, "|");
  for (char **item = items; *item != NULL; item++)
    {
      /* The place follows the end: an '@' before the '/' belongs to the
       * start, which then fails as a date. */
      char *slash = strchr (*item, '/'), *at = slash ? strchr (slash + 1, '@') : NULL;
      g_autofree char *start = slash ? g_strndup (*item, (gsize) (slash - *item)) : NULL;
      g_autofree char *end = slash ? g_strndup (slash + 1, at ? (gsize) (at - slash - 1) : strlen (slash + 1)) : NULL;
      g_autofree char *why = NULL;
      if (!dk_activity_add_session (a, start, end, at ? at + 1 : NULL, 0, &why))
        {
          g_autoptr (GDateTime) from = iso_moment (start);
          g_autoptr (GDateTime) to = iso_moment (end);
          /* two good dates in the wrong order: say that, not how to write them */
          *problem = from != NULL && to != NULL
                         ? g_steal_pointer (&why)
                         : g_strdup_printf (_("session '%s' is not START/END@PLACE with dates like "
                                              "2026-10-05T09:00"), *item);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
dk_activity_parse_seats (DkActivity *a, const char *text, char **problem)
{
  g_auto (GStrv) items = dk_split_nonempty (text, " \t");
  if (items[0] == NULL)
    return TRUE;
  if (g_strv_length (items) != a->sessions->len)
    {
      *problem = g_strdup_printf (_("seats gives %u numbers for %u sessions"), g_strv_length (items),
                                  a->sessions->len);
      return FALSE;
    }
  for (guint i = 0; items[i] != NULL; i++)
    {
      guint64 n = 0;
      if (!g_ascii_string_to_unsigned (items[i], 10, 0, 100000, &n, NULL))
        {
          *problem = g_strdup_printf (_("seats '%s' is not a number from 0 to 100000"), items[i]);
          return FALSE;
        }
      g_array_index (a->sessions, DkSession, i).seats = (guint) n;
    }
  return TRUE;
}

const char *
dk_activity_title (const DkActivity *a, DkLang lang)
{
  const char *t = a->title[lang] != NULL ? a->title[lang] : a->title[lang == DK_LANG_SV ? DK_LANG_EN : DK_LANG_SV];
  return t != NULL ? t : a->id;
}

const DkDevelops *
dk_activity_develops (const DkActivity *a, const char *comp)
{
  for (guint i = 0; i < a->develops->len; i++)
    if (strcmp (g_array_index (a->develops, DkDevelops, i).competence, comp) == 0)
      return &g_array_index (a->develops, DkDevelops, i);
  return NULL;
}

gboolean
dk_activity_open_to (const DkActivity *a, const char *role, const char *unit_path)
{
  gboolean role_ok = a->roles[0] == NULL || g_strv_contains ((const char *const *) a->roles, role);
  gboolean unit_ok = a->units[0] == NULL;
  for (char **u = a->units; !unit_ok && *u != NULL; u++)
    {
      gsize n = strlen (*u);
      unit_ok = strncmp (unit_path, *u, n) == 0 && (unit_path[n] == '\0' || unit_path[n] == '/');
    }
  return role_ok && unit_ok;
}

gboolean
dk_activity_available (const DkActivity *a, const char *from)
{
  if (a->sessions->len == 0)
    return TRUE;
  for (guint i = 0; i < a->sessions->len; i++)
    if (strncmp (g_array_index (a->sessions, DkSession, i).start, from, 10) >= 0)
      return TRUE;
  return FALSE;
}

const DkActivity *
dk_catalogue_find (GPtrArray *activities, const char *id)
{
  for (guint i = 0; i < activities->len; i++)
    if (strcmp (((DkActivity *) activities->pdata[i])->id, id) == 0)
      return activities->pdata[i];
  return NULL;
}

/* ---- storage ------------------------------------------------------------------ */

static char *
develops_text (const DkActivity *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < a->develops->len; i++)
    {
      const DkDevelops *d = &g_array_index (a->develops, DkDevelops, i);
      g_string_append_printf (s, "%s%s:%u..%u", i ? " " : "", d->competence, d->from, d->to);
    }
  return g_string_free (s, FALSE);
}

static char *
sessions_text (const DkActivity *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < a->sessions->len; i++)
    {
      const DkSession *x = &g_array_index (a->sessions, DkSession, i);
      g_string_append_printf (s, "%s%s/%s%s%s", i ? "|" : "", x->start, x->end, x->place ? "@" : "",
                              x->place ? x->place : "");
    }
  return g_string_free (s, FALSE);
}

static char *
seats_text (const DkActivity *a)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < a->sessions->len; i++)
    g_string_append_printf (s, "%s%u", i ? " " : "", g_array_index (a->sessions, DkSession, i).seats);
  return g_string_free (s, FALSE);
}

static gboolean
activity_write (DkStore *store, sqlite3_stmt *stmt, const DkActivity *a, GError **error)
{
  g_autofree char *develops = develops_text (a), *sessions = sessions_text (a), *seats = seats_text (a);
  g_autofree char *roles = g_strjoinv (" ", a->roles), *units = g_strjoinv ("|", a->units);
  g_autofree char *themes = g_strjoinv (" ", a->themes);
  const char *texts[] = { a->id, a->kind, a->format, NULL, a->language, a->title[DK_LANG_SV],
                          a->title[DK_LANG_EN], a->description[DK_LANG_SV], a->description[DK_LANG_EN],
                          develops, roles, units, themes, sessions, NULL, NULL, a->preparation, a->follow_up,
                          seats };
  sqlite3_reset (stmt);
  for (int i = 0; i < (int) G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, texts[i], -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_null (stmt, i + 1);
  sqlite3_bind_double (stmt, 4, a->hours);
  sqlite3_bind_int (stmt, 15, a->easy_swedish);
  sqlite3_bind_int (stmt, 16, a->read_aloud);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return dk_store_sql_error (store, _("storing the catalogue"), error);
  return TRUE;
}

/* Returns whether activity ID is stored: DK_STORE_STEP_ROW yes, _DONE no,
 * _ERROR with ERROR. */
static DkStoreStep
activity_exists (DkStore *store, const char *id, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (dk_store_db (store), "SELECT 1 FROM activity WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, _("reading the catalogue"), error);
      return DK_STORE_STEP_ERROR;
    }
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  DkStoreStep found = dk_store_step (store, stmt, _("reading the catalogue"), error);
  sqlite3_finalize (stmt);
  return found;
}

gboolean
dk_catalogue_store (DkStore *store, GPtrArray *activities, guint *added, guint *updated,
                    GError **error)
{
  *added = *updated = 0;
  sqlite3_stmt *stmt = NULL;
  if (!dk_store_begin (store, error))
    return FALSE;
  gboolean ok = sqlite3_prepare_v2 (dk_store_db (store),
      "INSERT OR REPLACE INTO activity (id, kind, format, hours, language, title_sv, title_en,"
      " description_sv, description_en, develops, roles, units, themes, sessions, easy_swedish,"
      " read_aloud, preparation, follow_up, seats) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
      " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)", -1, &stmt, NULL) == SQLITE_OK
    || dk_store_sql_error (store, _("storing the catalogue"), error);
  for (guint i = 0; ok && i < activities->len; i++)
    {
      const DkActivity *a = activities->pdata[i];
      DkStoreStep exists = activity_exists (store, a->id, error);
      if (exists == DK_STORE_STEP_ROW)
        (*updated)++;
      else
        (*added)++;
      ok = exists != DK_STORE_STEP_ERROR && activity_write (store, stmt, a, error);
    }
  sqlite3_finalize (stmt);
  ok = ok && dk_store_audit (store, dk_store_actor (), "catalogue", 0, 0, "import", NULL,
                             "activities", error)
       && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

static char *
column (sqlite3_stmt *stmt, int i)
{
  const unsigned char *t = sqlite3_column_text (stmt, i);
  return t != NULL && *t != '\0' ? g_strdup ((const char *) t) : NULL;
}

static DkActivity *
activity_from_row (sqlite3_stmt *stmt)
{
  DkActivity *a = activity_new ();
  char *problem = NULL;
  a->id = column (stmt, 0);
  a->kind = column (stmt, 1);
  a->format = column (stmt, 2);
  a->hours = sqlite3_column_double (stmt, 3);
  a->language = column (stmt, 4);
  a->title[DK_LANG_SV] = column (stmt, 5);
  a->title[DK_LANG_EN] = column (stmt, 6);
  a->description[DK_LANG_SV] = column (stmt, 7);
  a->description[DK_LANG_EN] = column (stmt, 8);
  /* the stored forms were checked when they were imported */
  dk_activity_parse_develops (a, (const char *) sqlite3_column_text (stmt, 9), &problem);
  g_clear_pointer (&problem, g_free);
  a->roles = dk_split_nonempty ((const char *) sqlite3_column_text (stmt, 10), " ");
  a->units = dk_split_nonempty ((const char *) sqlite3_column_text (stmt, 11), "|");
  a->themes = dk_split_nonempty ((const char *) sqlite3_column_text (stmt, 12), " ");
  dk_activity_parse_sessions (a, (const char *) sqlite3_column_text (stmt, 13), &problem);
  g_clear_pointer (&problem, g_free);
  dk_activity_parse_seats (a, (const char *) sqlite3_column_text (stmt, 18), &problem);
  g_clear_pointer (&problem, g_free);
  a->easy_swedish = sqlite3_column_int (stmt, 14);
  a->read_aloud = sqlite3_column_int (stmt, 15);
  a->preparation = column (stmt, 16);
  a->follow_up = column (stmt, 17);
  return a;
}

GPtrArray *
dk_catalogue_load (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (dk_store_db (store),
                          "SELECT id, kind, format, hours, language, title_sv, title_en, description_sv,"
                          " description_en, develops, roles, units, themes, sessions, easy_swedish,"
                          " read_aloud, preparation, follow_up, seats FROM activity ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, _("reading the catalogue"), error);
      return NULL;
    }
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_activity_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, _("reading the catalogue"), error)) == DK_STORE_STEP_ROW)
    g_ptr_array_add (all, activity_from_row (stmt));
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&all, g_ptr_array_unref);
  return all;
}

/* For importers: a new, empty activity. */
DkActivity *
dk_activity_new (void)
{
  return activity_new ();
}
