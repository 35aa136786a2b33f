/*
 * catalogue.c — `digikomp catalogue import`: learning activities from the
 * catalogue XML or CSV (docs/formats.md), checked whole before anything is
 * stored.  Both forms go through the same checks, so a rule holds whichever
 * form an activity comes in.
 */
#include "import.h"
#include "catalogue.h"
#include "csv.h"
#include "errors.h"
#include "number.h"
#include "xml-readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_ID, COL_TITLE_SV, COL_TITLE_EN, COL_KIND, COL_FORMAT, COL_HOURS, COL_LANGUAGE,
       COL_DEVELOPS, COL_ROLES, COL_UNITS, COL_THEMES, COL_SESSIONS, COL_DESC_SV, COL_DESC_EN,
       COL_EASY, COL_READ_ALOUD, COL_PREPARATION, COL_FOLLOW_UP, COL_SEATS, N_COLS };

static const DkCsvColumn columns[N_COLS] = {
  { "id", "id", TRUE },
  { "title_sv", "titel_sv", TRUE },
  { "title_en", "titel_en", TRUE },
  { "kind", "typ", TRUE },
  { "format", "format", TRUE },
  { "hours", "timmar", TRUE },
  { "language", "språk", TRUE },
  { "develops", "utvecklar", TRUE, 1000 },
  { "roles", "roller", FALSE, 2000 },
  { "units", "enheter", FALSE, 2000 },
  { "themes", "teman", FALSE, 2000 },
  { "sessions", "tillfällen", FALSE, 4000 },
  { "description_sv", "beskrivning_sv", FALSE, 4000 },
  { "description_en", "beskrivning_en", FALSE, 4000 },
  { "easy_swedish", "lätt_svenska", FALSE },
  { "read_aloud", "uppläsning", FALSE },
  { "preparation", "förberedelse", FALSE, 2000 },
  { "follow_up", "uppföljning", FALSE, 2000 },
  { "seats", "platser", FALSE },
};

typedef struct {
  DkStore    *store;
  const char *file;
  GPtrArray  *activities;
  GHashTable *ids;         /* id → line */
  GPtrArray  *frameworks;  /* every registered framework, to check competence ids */
  const DkFramework *named;/* the framework the XML catalogue names, when registered */
  DkErrors    errors;
  DkLang      lang;        /* of the messages: the caller's context's */
} Reader;

static const char *
field (const DkCsvRecord *rec, const int *index, int col)
{
  if (index[col] < 0)
    return NULL;
  const char *f = rec->fields[index[col]];
  return *f != '\0' ? f : NULL;
}

/* Returns the framework that defines competence ID: the one the catalogue
 * names when it is registered, else any registered one; or NULL. */
static const DkFramework *
competence_framework (Reader *r, const char *id)
{
  if (r->named != NULL)
    return dk_framework_competence_by_id (r->named, id) != NULL ? r->named : NULL;
  for (guint i = 0; i < r->frameworks->len; i++)
    if (dk_framework_competence_by_id (r->frameworks->pdata[i], id) != NULL)
      return r->frameworks->pdata[i];
  return NULL;
}

static gboolean
one_of (const char *value, const char *const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

static gboolean
parse_flag (const char *text)
{
  return text != NULL && (!g_ascii_strcasecmp (text, "yes") || !g_ascii_strcasecmp (text, "ja")
                          || !strcmp (text, "1") || !g_ascii_strcasecmp (text, "true"));
}

/* Checks that competence D exists and that its levels lie on its
 * framework's scale. */
static void
check_develops (Reader *r, const DkDevelops *d, guint line)
{
  const DkFramework *fw = competence_framework (r, d->competence);
  const DkScale *scale = fw != NULL ? dk_framework_scale (fw) : NULL;
  if (fw == NULL && r->named != NULL)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "competence %s is not in framework %s"), d->competence,
                   dk_framework_id (r->named));
  else if (fw == NULL)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "competence %s is in no registered framework"), d->competence);
  else if (d->from < scale->min || d->to > scale->max)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "competence %s: levels %u..%u are off the scale %u..%u of %s"),
                   d->competence, d->from, d->to, scale->min, scale->max, dk_framework_id (fw));
}

/* Returns TRUE when some registered framework has ROLE. */
static gboolean
role_registered (Reader *r, const char *role)
{
  for (guint i = 0; i < r->frameworks->len; i++)
    if (dk_framework_role_by_id (g_ptr_array_index (r->frameworks, i), role) != NULL)
      return TRUE;
  return FALSE;
}

static void
check_roles (Reader *r, const DkActivity *a, guint line)
{
  for (char **role = a->roles; *role != NULL; role++)
    if (!role_registered (r, *role))
      dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "role '%s' is in no registered framework"), *role);
}

/* Writes each of A's units as a unit path (" Org / A " as "Org/A"); an
 * error for one with an empty, "." or ".." part. */
static void
check_units (Reader *r, DkActivity *a, guint line)
{
  for (char **unit = a->units; *unit != NULL; unit++)
    {
      char *path = dk_unit_path_normalize (*unit);
      if (path == NULL)
        dk_errors_add (&r->errors, r->file, line,
                       T_ (r->lang, "unit '%s' is not a unit path like Förvaltning/Avdelning/Enhet "
                         "(no empty, '.' or '..' parts)"), *unit);
      else
        {
          g_free (*unit);
          *unit = path;
        }
    }
}

/* Checks what both forms share: a unique id, a title, a known kind, format,
 * language and units, and HOURS (the text as written), which sets A's hours. */
static void
check_activity (Reader *r, DkActivity *a, const char *hours, guint line)
{
  g_autoptr (GError) bad_hours = NULL;
  if (a->id == NULL)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "id is empty"));
  else if (a->id[0] == '-')
    dk_errors_add (&r->errors, r->file, line,
                   T_ (r->lang, "activity id '%s' begins with '-', which a command reads as an option; "
                     "give the activity an id that begins with a letter or a digit"), a->id);
  else if (g_hash_table_contains (r->ids, a->id))
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "activity %s appears twice (first on line %u)"), a->id,
                   GPOINTER_TO_UINT (g_hash_table_lookup (r->ids, a->id)));
  else   /* even a bad row's id counts: a second one is a second mistake */
    g_hash_table_insert (r->ids, g_strdup (a->id), GUINT_TO_POINTER (line));
  if (a->title[DK_LANG_SV] == NULL && a->title[DK_LANG_EN] == NULL)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "the activity has no title"));
  if (!one_of (a->kind, dk_activity_kinds))
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "kind '%s' is not one of lecture, webinar, course, workshop, "
                                                "e-learning, micro-learning, coaching, network, study-visit, guide"),
                   a->kind != NULL ? a->kind : "");
  if (!one_of (a->format, dk_activity_formats))
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "format '%s' is not on-site, digital or mixed"),
                   a->format != NULL ? a->format : "");
  if (!dk_hours_parse (hours, &a->hours, r->lang, &bad_hours))
    dk_errors_add (&r->errors, r->file, line, "%s", bad_hours->message);
  if (g_strcmp0 (a->language, "sv") != 0 && g_strcmp0 (a->language, "en") != 0)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "language must be sv or en"));
  check_units (r, a, line);
}

/* Keeps A when reading it added no error. */
static void
keep (Reader *r, DkActivity *a, guint errors_before)
{
  if (r->errors.count == errors_before)
    g_ptr_array_add (r->activities, a);
  else
    dk_activity_free (a);
}

/* ---- the CSV form ------------------------------------------------------------- */

static void
read_record (const DkCsvRecord *rec, const int *index, gpointer user_data)
{
  Reader *r = user_data;
  guint before = r->errors.count, line = rec->line;
  DkActivity *a = dk_activity_new ();
  a->id = g_strdup (field (rec, index, COL_ID));
  a->title[DK_LANG_SV] = g_strdup (field (rec, index, COL_TITLE_SV));
  a->title[DK_LANG_EN] = g_strdup (field (rec, index, COL_TITLE_EN));
  a->description[DK_LANG_SV] = g_strdup (field (rec, index, COL_DESC_SV));
  a->description[DK_LANG_EN] = g_strdup (field (rec, index, COL_DESC_EN));
  a->kind = g_strdup (field (rec, index, COL_KIND));
  a->format = g_strdup (field (rec, index, COL_FORMAT));
  a->language = g_strdup (field (rec, index, COL_LANGUAGE));
  a->roles = dk_split_nonempty (field (rec, index, COL_ROLES), " ");
  a->units = dk_split_nonempty (field (rec, index, COL_UNITS), "|");
  a->themes = dk_split_nonempty (field (rec, index, COL_THEMES), " ");
  a->easy_swedish = parse_flag (field (rec, index, COL_EASY));
  a->read_aloud = parse_flag (field (rec, index, COL_READ_ALOUD));
  a->preparation = g_strdup (field (rec, index, COL_PREPARATION));
  a->follow_up = g_strdup (field (rec, index, COL_FOLLOW_UP));
  check_activity (r, a, field (rec, index, COL_HOURS), line);
  g_autofree char *problem = NULL;
  if (!dk_activity_parse_develops (a, field (rec, index, COL_DEVELOPS), r->lang, &problem)
      || !dk_activity_parse_sessions (a, field (rec, index, COL_SESSIONS), r->lang, &problem)
      || !dk_activity_parse_seats (a, field (rec, index, COL_SEATS), r->lang, &problem))
    dk_errors_add (&r->errors, r->file, line, "%s", problem);
  else
    for (guint i = 0; i < a->develops->len; i++)
      check_develops (r, &g_array_index (a->develops, DkDevelops, i), line);
  check_roles (r, a, line);
  keep (r, a, before);
}

/* ---- the XML form: read by the XML readers' module ----------------------------- */

/* Finds the framework the catalogue names among the registered ones. */
static void
xml_catalogue (const char *code, const char *version, gpointer user_data)
{
  Reader *r = user_data;
  for (guint i = 0; i < r->frameworks->len && r->named == NULL; i++)
    {
      const DkFramework *fw = r->frameworks->pdata[i];
      if (g_strcmp0 (dk_framework_id (fw), code) == 0
          && (version == NULL || g_strcmp0 (dk_framework_version (fw), version) == 0))
        r->named = fw;
    }
}

static void
xml_develops (DkActivity *a, guint line, gpointer user_data)
{
  check_develops (user_data, &g_array_index (a->develops, DkDevelops, a->develops->len - 1), line);
}

static void
xml_activity (DkActivity *a, const char *hours, guint line, guint audience_line, gboolean clean,
              gpointer user_data)
{
  Reader *r = user_data;
  guint before = r->errors.count;
  check_activity (r, a, hours, line);
  check_roles (r, a, audience_line);
  if (clean)
    keep (r, a, before);
  else
    dk_activity_free (a);
}

/* Reads the XML form into R.  Returns FALSE with ERROR only when the file
 * cannot be read or the XML readers' module cannot be loaded; problems in
 * it go to R's errors. */
static gboolean
read_xml (Reader *r, guint64 *rows, GError **error)
{
  const DkCatalogueXmlHandler handler = { xml_catalogue, xml_develops, xml_activity };
  const DkXmlReaders *x = dk_xml_readers (r->lang, error);
  g_autofree char *data = NULL;
  gsize len = 0;
  if (x == NULL || !g_file_get_contents (r->file, &data, &len, error))
    return FALSE;
  x->catalogue (data, len, r->file, &handler, r, &r->errors, rows);
  return TRUE;
}

/* Returns TRUE when PATH holds the XML form: by its name, else by its
 * first character. */
static gboolean
is_xml (const char *path)
{
  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    return TRUE;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    return FALSE;
  FILE *f = fopen (path, "rb");
  int c = EOF;
  while (f != NULL && ((c = fgetc (f)) == ' ' || c == '\t' || c == '\r' || c == '\n' || c >= 0x80))
    ;   /* whitespace and a BOM */
  if (f != NULL)
    fclose (f);
  return c == '<';
}

gboolean
dk_import_catalogue (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean dry_run,
                     DkImportSummary *summary, const DkContext *ctx, GError **error)
{
  memset (summary, 0, sizeof *summary);
  Reader r = { .store = store, .file = path, .lang = ctx->lang };
  r.activities = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_activity_free);
  r.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dk_errors_init (&r.errors, 0, ctx->lang);

  gboolean ok = (r.frameworks = dk_store_frameworks (store, error)) != NULL;
  gboolean xml = ok && is_xml (path);
  if (xml && encoding != DK_CSV_UTF8)
    {
      g_set_error (error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_INVALID,
                   T_ (ctx->lang, "%s is XML, which names its own encoding; an encoding is given only for a CSV file"), path);
      ok = FALSE;
    }
  else if (xml)
    ok = read_xml (&r, &summary->rows, error);
  else
    ok = ok && dk_csv_read_all (path, encoding, columns, N_COLS, read_record, &r, &r.errors, &summary->rows,
                                ctx, error);
  if (ok && dk_errors_propagate (&r.errors, error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_INVALID))
    ok = FALSE;
  guint added = 0, updated = 0, unchanged = 0;
  ok = ok && dk_catalogue_store (store, r.activities, dry_run, &added, &updated, &unchanged, ctx, error);
  summary->added = added;
  summary->updated = updated;
  summary->unchanged = unchanged;
  dk_errors_clear (&r.errors);
  g_clear_pointer (&r.frameworks, g_ptr_array_unref);
  g_hash_table_unref (r.ids);
  g_ptr_array_unref (r.activities);
  return ok;
}
