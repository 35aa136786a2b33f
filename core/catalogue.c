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
dk_activity_add_develops (DkActivity *a, const char *comp, guint from, guint to, DkLang lang, char **problem)
{
  if (from < 1 || to < from || to > DK_MAX_LEVEL)
    {
      *problem = g_strdup_printf (T_ (lang, "'%s:%u..%u': the levels must be FROM..TO with 1 ≤ FROM ≤ TO"),
                                  comp, from, to);
      return FALSE;
    }
  DkDevelops d = { g_strdup (comp), from, to };
  g_array_append_val (a->develops, d);
  return TRUE;
}

gboolean
dk_activity_parse_develops (DkActivity *a, const char *text, DkLang lang, char **problem)
{
  g_auto (GStrv) items = dk_split_nonempty (text, " \t");
  if (items[0] == NULL)
    {
      *problem = g_strdup (T_ (lang, "develops names no competence; write it like 4.2:2..3"));
      return FALSE;
    }
  for (char **item = items; *item != NULL; item++)
    {
      char *colon = strchr (*item, ':'), *dots = colon ? strstr (colon, "..") : NULL, *end = NULL;
      if (colon == NULL || dots == NULL)
        {
          *problem = g_strdup_printf (T_ (lang, "'%s' is not COMPETENCE:FROM..TO, like 4.2:2..3"), *item);
          return FALSE;
        }
      guint from = (guint) strtoul (colon + 1, &end, 10);
      gboolean ok = end == dots && end != colon + 1;
      guint to = (guint) strtoul (dots + 2, &end, 10);
      if (!ok || *end != '\0' || end == dots + 2)
        {
          *problem = g_strdup_printf (T_ (lang, "'%s': the levels must be FROM..TO with 1 ≤ FROM ≤ TO"), *item);
          return FALSE;
        }
      g_autofree char *comp = g_strndup (*item, (gsize) (colon - *item));
      if (!dk_activity_add_develops (a, comp, from, to, lang, problem))
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
                         guint seats, DkLang lang, char **problem)
{
  g_autoptr (GDateTime) from = iso_moment (start);
  g_autoptr (GDateTime) to = iso_moment (end);
  if (from == NULL || to == NULL)
    {
      *problem = g_strdup_printf (T_ (lang, "session '%s/%s' does not have dates like 2026-10-05T09:00"),
                                  start != NULL ? start : "", end != NULL ? end : "");
      return FALSE;
    }
  /* a session of whole days may end on the day it starts */
  int order = g_date_time_compare (to, from);
  if (order < 0 || (order == 0 && (strlen (start) != 10 || strlen (end) != 10)))
    {
      *problem = g_strdup_printf (T_ (lang, "session '%s/%s' does not end after it starts"), start, end);
      return FALSE;
    }
  if (place != NULL && strchr (place, '|') != NULL)
    {
      /* '|' separates the sessions of the stored form (and of the CSV) */
      *problem = g_strdup_printf (T_ (lang, "session place '%s' contains '|', which separates sessions"), place);
      return FALSE;
    }
  DkSession s = { g_strdup (start), g_strdup (end), g_strdup (place), seats };
  g_array_append_val (a->sessions, s);
  return TRUE;
}

gboolean
dk_activity_parse_sessions (DkActivity *a, const char *text, DkLang lang, char **problem)
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
      if (!dk_activity_add_session (a, start, end, at ? at + 1 : NULL, 0, lang, &why))
        {
          g_autoptr (GDateTime) from = iso_moment (start);
          g_autoptr (GDateTime) to = iso_moment (end);
          /* two good dates in the wrong order: say that, not how to write them */
          *problem = from != NULL && to != NULL
                         ? g_steal_pointer (&why)
                         : g_strdup_printf (T_ (lang, "session '%s' is not START/END@PLACE with dates like "
                                              "2026-10-05T09:00"), *item);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
dk_activity_parse_seats (DkActivity *a, const char *text, DkLang lang, char **problem)
{
  g_auto (GStrv) items = dk_split_nonempty (text, " \t");
  if (items[0] == NULL)
    return TRUE;
  if (g_strv_length (items) != a->sessions->len)
    {
      *problem = g_strdup_printf (T_ (lang, "seats gives %u numbers for %u sessions"), g_strv_length (items),
                                  a->sessions->len);
      return FALSE;
    }
  for (guint i = 0; items[i] != NULL; i++)
    {
      guint64 n = 0;
      if (!g_ascii_string_to_unsigned (items[i], 10, 0, 100000, &n, NULL))
        {
          *problem = g_strdup_printf (T_ (lang, "seats '%s' is not a number from 0 to 100000"), items[i]);
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

/* Returns TEXT with accented letters in one form and case folded (caller frees). */
static char *
fold (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (composed != NULL ? composed : text, -1);
}

/* Appends TEXT (may be NULL) and a line break to S. */
static void
text_append (GString *s, const char *text)
{
  if (text != NULL)
    g_string_append (g_string_append (s, text), "\n");
}

/* Returns A's texts and its competences' ids and titles, one per line,
 * folded (caller frees): a search word holds no line break, so it is found
 * in one text or not at all. */
static char *
activity_text (const DkActivity *a, const DkFramework *fw)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (int l = 0; l < DK_N_LANGS; l++)
    {
      text_append (s, a->title[l]);
      text_append (s, a->description[l]);
    }
  for (guint k = 0; k < a->develops->len; k++)
    {
      const char *id = g_array_index (a->develops, DkDevelops, k).competence;
      const DkCompetence *c = fw != NULL ? dk_framework_competence_by_id (fw, id) : NULL;
      text_append (s, id);
      for (int l = 0; c != NULL && l < DK_N_LANGS; l++)
        text_append (s, dk_competence_title (c, (DkLang) l));
    }
  return fold (s->str);
}

gboolean
dk_activity_matches_words (const DkActivity *a, const DkFramework *fw, const char *words)
{
  g_autofree char *folded = fold (words);
  g_auto (GStrv) parts = g_strsplit_set (folded, " \t\r\n", -1);
  g_autofree char *text = activity_text (a, fw);
  for (char **w = parts; *w != NULL; w++)
    if (**w != '\0' && strstr (text, *w) == NULL)
      return FALSE;
  return TRUE;
}

const DkActivity *
dk_catalogue_find (GPtrArray *activities, const char *id)
{
  for (guint i = 0; i < activities->len; i++)
    if (strcmp (((DkActivity *) activities->pdata[i])->id, id) == 0)
      return activities->pdata[i];
  return NULL;
}

/* For importers: a new, empty activity. */
DkActivity *
dk_activity_new (void)
{
  return activity_new ();
}
