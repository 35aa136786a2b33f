/*
 * participation.c — `digikomp import participation`: who took part in which
 * activity, when, for how many hours (docs/formats.md).  The whole file is
 * checked first; then every row is written as `digikomp attend` writes one
 * (audited, a completed activity marks the plan items naming it done), all
 * in one transaction.
 */
#include "import.h"
#include "date.h"
#include "number.h"
#include "csv.h"
#include "errors.h"
#include "participation.h"
#include "catalogue.h"

#include <string.h>

enum { COL_PERSON, COL_ACTIVITY, COL_DATE, COL_HOURS, COL_STATUS, N_COLS };

static const DkCsvColumn columns[N_COLS] = {
  { "person_id", "personid", TRUE },
  { "activity_id", "aktivitet", TRUE },
  { "date", "datum", TRUE },
  { "hours", "timmar", TRUE },
  { "status", "status", TRUE },
};

typedef struct {
  gint64  person;
  char   *activity, *date, *status;
  double  hours;
} Row;

typedef struct {
  const char *file;
  DkLang      lang;        /* of the messages: the caller's context's */
  GHashTable *people;      /* ext_id → store id (gint64*) */
  GHashTable *activities;  /* the catalogue's ids */
  GHashTable *keys;        /* "person\nactivity\ndate" → first line */
  GArray     *rows;        /* Row */
  DkErrors    errors;
} Reader;

static void
row_clear (Row *row)
{
  g_free (row->activity);
  g_free (row->date);
  g_free (row->status);
}

static gboolean
take_person (const DkPersonRow *row, gpointer user_data)
{
  Reader *r = user_data;
  gint64 *id = g_new (gint64, 1);
  *id = row->id;
  g_hash_table_insert (r->people, g_strdup (row->ext_id), id);
  return TRUE;
}

static gboolean
load_lookups (DkStore *store, Reader *r, GError **error)
{
  if (!dk_store_people_foreach (store, take_person, r, error))
    return FALSE;
  return (r->activities = dk_catalogue_ids (store, error)) != NULL;
}

/* Reports a (person, activity, date) that an earlier row gave already. */
static void
check_unique (Reader *r, const char *person, const char *activity, const char *date, guint line)
{
  char *key = g_strjoin ("\n", person, activity, date, NULL);
  gpointer first = g_hash_table_lookup (r->keys, key);
  if (first != NULL)
    {
      dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "%s in %s on %s appears twice (first on line %u)"),
                     person, activity, date, GPOINTER_TO_UINT (first));
      g_free (key);
    }
  else
    g_hash_table_insert (r->keys, key, GUINT_TO_POINTER (line));
}

static void
read_record (const DkCsvRecord *rec, const int *index, gpointer user_data)
{
  Reader *r = user_data;
  guint before = r->errors.count, line = rec->line;
  const char *person = rec->fields[index[COL_PERSON]], *activity = rec->fields[index[COL_ACTIVITY]];
  const char *date = rec->fields[index[COL_DATE]], *hours = rec->fields[index[COL_HOURS]];
  const char *status = rec->fields[index[COL_STATUS]];
  const gint64 *id = g_hash_table_lookup (r->people, person);
  double h = 0;
  g_autoptr (GError) bad_hours = NULL;
  if (id == NULL)
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "no person %s"), person);
  if (!g_hash_table_contains (r->activities, activity))
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "no activity %s in the catalogue"), activity);
  if (!dk_date_valid (date))
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "date '%s' is not a date YYYY-MM-DD"), date);
  if (!dk_hours_parse (hours, &h, r->lang, &bad_hours))   /* a decimal comma too, as Swedish spreadsheets write */
    dk_errors_add (&r->errors, r->file, line, "%s", bad_hours->message);
  if (!g_strv_contains (dk_participation_statuses, status))
    dk_errors_add (&r->errors, r->file, line, T_ (r->lang, "status '%s' is not registered, attended, completed or no-show"),
                   status);
  check_unique (r, person, activity, date, line);
  if (r->errors.count != before)
    return;
  Row row = { *id, g_strdup (activity), g_strdup (date), g_strdup (status), h };
  g_array_append_val (r->rows, row);
}

/* Writes ROWS in one transaction, counting them in SUMMARY; with DRY_RUN,
 * the transaction is rolled back, so that the counts are exactly what a
 * real run would do. */
static gboolean
write_rows (DkStore *store, GArray *rows, gboolean dry_run, DkImportSummary *summary, const DkContext *ctx,
            GError **error)
{
  guint items_done = 0;
  gboolean ok = dk_store_begin (store, error);
  for (guint i = 0; ok && i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      switch (dk_participation_stored (store, row->person, row->activity, row->date, row->hours, row->status,
                                       error))
        {
        case DK_PARTICIPATION_STORE_FAILED: ok = FALSE; continue;
        case DK_PARTICIPATION_ABSENT: summary->added++; break;
        case DK_PARTICIPATION_DIFFERENT: summary->updated++; break;
        case DK_PARTICIPATION_SAME: summary->unchanged++; continue;
        }
      ok = dk_participation_write (store, row->person, row->activity, row->date, row->hours, row->status,
                                   &items_done, ctx, error);
    }
  summary->items_done = items_done;
  return dk_store_finish (store, ok, dry_run, error);
}

gboolean
dk_import_participation (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean dry_run,
                         DkImportSummary *summary, const DkContext *ctx, GError **error)
{
  memset (summary, 0, sizeof *summary);
  Reader r = { .file = path, .lang = ctx->lang };
  r.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (r.rows, (GDestroyNotify) row_clear);
  dk_errors_init (&r.errors, 0, ctx->lang);

  gboolean ok = load_lookups (store, &r, error)
                && dk_csv_read_all (path, encoding, columns, N_COLS, read_record, &r, &r.errors, &summary->rows,
                                    ctx, error);
  if (ok && dk_errors_propagate (&r.errors, error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_INVALID))
    ok = FALSE;
  ok = ok && write_rows (store, r.rows, dry_run, summary, ctx, error);
  dk_errors_clear (&r.errors);
  g_array_unref (r.rows);
  g_hash_table_unref (r.keys);
  g_clear_pointer (&r.activities, g_hash_table_unref);
  g_hash_table_unref (r.people);
  return ok;
}
