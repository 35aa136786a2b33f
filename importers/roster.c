/*
 * roster.c — `digikomp import roster`: people and units from a CSV file.
 *
 * The file is read and checked whole; then people are written in an order
 * where every manager comes before the people who report to them, so a
 * manager may appear anywhere in the file.
 */
#include "import.h"
#include "date.h"
#include "csv.h"
#include "errors.h"

#include <string.h>

G_DEFINE_QUARK (dk-import-error-quark, dk_import_error)

void
dk_import_summary_clear (DkImportSummary *summary)
{
  g_clear_pointer (&summary->notices, g_ptr_array_unref);
}

enum { COL_ID, COL_NAME, COL_EMAIL, COL_UNIT, COL_ROLE, COL_MANAGER, COL_GENDER, COL_FROM,
       COL_TO, N_COLS };

static const DkCsvColumn columns[N_COLS] = {
  { "person_id", "personid", TRUE },
  { "name", "namn", TRUE },
  { "email", "epost", FALSE },
  { "unit", "enhet", TRUE },
  { "role", "roll", TRUE },
  { "manager_id", "chef_id", FALSE },
  { "gender", "kön", FALSE },
  { "active_from", "aktiv_från", FALSE },
  { "active_to", "aktiv_till", FALSE },
};

typedef struct {
  guint     line;
  DkPerson *person;       /* unit_id and manager_id resolved at write time */
  char     *manager;      /* person_id of the manager, or NULL */
  int       state;        /* 0 unwritten, 1 being written, 2 written */
} Row;

typedef struct {
  DkStore         *store;
  const DkContext *ctx;         /* who imports, and when: the caller's */
  const char      *file;
  GPtrArray       *rows;        /* Row* */
  GHashTable      *by_id;       /* person_id → Row* */
  GHashTable      *roles;       /* role → GINT_TO_POINTER (known) */
  GHashTable      *units;       /* path → unit id, as created */
  DkErrors         errors;
  DkImportSummary *summary;
  GError          *failure;     /* the store failed while the file was read */
  char             today[11];
} Roster;

static void
row_free (Row *row)
{
  dk_person_free (row->person);
  g_free (row->manager);
  g_free (row);
}

static const char *
field (const DkCsvRecord *rec, const int *index, int col)
{
  if (index[col] < 0)
    return NULL;
  const char *f = rec->fields[index[col]];
  return *f != '\0' ? f : NULL;
}

static gboolean
role_known (Roster *r, const char *role)
{
  gpointer cached;
  if (g_hash_table_lookup_extended (r->roles, role, NULL, &cached))
    return GPOINTER_TO_INT (cached);
  gboolean known = dk_store_role_known (r->store, role, r->failure == NULL ? &r->failure : NULL);
  g_hash_table_insert (r->roles, g_strdup (role), GINT_TO_POINTER (known));
  return known;
}

/* Checks one record and, when it is good, keeps it as a Row. */
static void
read_record (const DkCsvRecord *rec, const int *index, gpointer user_data)
{
  Roster *r = user_data;
  guint before = r->errors.count;
  const char *id = field (rec, index, COL_ID), *name = field (rec, index, COL_NAME);
  const char *written_unit = field (rec, index, COL_UNIT), *role = field (rec, index, COL_ROLE);
  g_autofree char *unit = dk_unit_path_normalize (written_unit);
  const char *gender = field (rec, index, COL_GENDER);
  const char *from = field (rec, index, COL_FROM), *to = field (rec, index, COL_TO);
  DkGender g = DK_GENDER_NONE;

  if (id == NULL)
    dk_errors_add (&r->errors, r->file, rec->line, T_ (r->ctx->lang, "person_id is empty"));
  else if (id[0] == '-')
    dk_errors_add (&r->errors, r->file, rec->line,
                   T_ (r->ctx->lang, "person_id '%s' begins with '-', which a command reads as an option; "
                     "give the person an id that begins with a letter or a digit"), id);
  else if (g_hash_table_contains (r->by_id, id))
    dk_errors_add (&r->errors, r->file, rec->line, T_ (r->ctx->lang, "person %s appears twice (first on line %u)"),
                   id, ((Row *) g_hash_table_lookup (r->by_id, id))->line);
  if (name == NULL)
    dk_errors_add (&r->errors, r->file, rec->line, T_ (r->ctx->lang, "name is empty"));
  if (unit == NULL)
    dk_errors_add (&r->errors, r->file, rec->line,
                   T_ (r->ctx->lang, "unit '%s' is not a unit path like Förvaltning/Avdelning/Enhet "
                     "(no empty, '.' or '..' parts)"),
                   written_unit != NULL ? written_unit : "");
  if (role == NULL || !role_known (r, role))
    dk_errors_add (&r->errors, r->file, rec->line,
                   T_ (r->ctx->lang, "role '%s' is in no registered framework"), role != NULL ? role : "");
  if (gender != NULL && !dk_gender_parse (gender, &g))
    dk_errors_add (&r->errors, r->file, rec->line, T_ (r->ctx->lang, "gender '%s' must be F, M, X or empty"), gender);
  if ((from != NULL && !dk_date_valid (from)) || (to != NULL && !dk_date_valid (to)))
    dk_errors_add (&r->errors, r->file, rec->line, T_ (r->ctx->lang, "active dates must be written YYYY-MM-DD"));
  else if (from != NULL && to != NULL && strcmp (to, from) < 0)
    dk_errors_add (&r->errors, r->file, rec->line, T_ (r->ctx->lang, "active_to %s is before active_from %s"), to,
                   from);
  if (r->errors.count != before)
    return;

  Row *row = g_new0 (Row, 1);
  row->line = rec->line;
  row->manager = g_strdup (field (rec, index, COL_MANAGER));
  DkPerson *p = row->person = g_new0 (DkPerson, 1);
  p->ext_id = g_strdup (id);
  p->name = g_strdup (name);
  p->email = g_strdup (field (rec, index, COL_EMAIL));
  p->unit_path = g_steal_pointer (&unit);
  p->role = g_strdup (role);
  p->gender = g;
  p->active_from = g_strdup (from);
  p->active_to = g_strdup (to);
  p->active = to == NULL || strcmp (to, r->today) >= 0;
  g_ptr_array_add (r->rows, row);
  g_hash_table_insert (r->by_id, p->ext_id, row);
}

/* Every manager must be in the file or in the store, and nobody may be
 * their own manager through a chain.  Returns FALSE with ERROR when the
 * store fails (which is not "no such manager"). */
static gboolean
check_managers (Roster *r, GError **error)
{
  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);
      if (row->manager == NULL || g_hash_table_contains (r->by_id, row->manager))
        continue;
      g_autoptr (GError) failure = NULL;
      g_autoptr (DkPerson) m = dk_store_person_find (r->store, row->manager, &failure);
      if (failure != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
      if (m == NULL)
        dk_errors_add (&r->errors, r->file, row->line,
                       T_ (r->ctx->lang, "manager %s is neither in the file nor in the store"), row->manager);
    }
  for (guint i = 0; i < r->rows->len; i++)
    {
      Row *row = g_ptr_array_index (r->rows, i);
      Row *m = row;
      for (guint steps = 0; m != NULL && m->manager != NULL && steps <= r->rows->len; steps++)
        {
          m = g_hash_table_lookup (r->by_id, m->manager);
          if (m == row)
            {
              dk_errors_add (&r->errors, r->file, row->line,
                             T_ (r->ctx->lang, "person %s is their own manager through a chain of managers"),
                             row->person->ext_id);
              break;
            }
        }
    }
  return TRUE;
}

static gboolean
write_row (Roster *r, Row *row, GError **error)
{
  if (row->state == 2)
    return TRUE;
  row->state = 1;
  DkPerson *p = row->person;
  if (row->manager != NULL)
    {
      Row *m = g_hash_table_lookup (r->by_id, row->manager);
      if (m != NULL && m->state == 0 && !write_row (r, m, error))
        return FALSE;
      if (m != NULL)
        p->manager_id = m->person->id;
      else
        {
          g_autoptr (DkPerson) stored = dk_store_person (r->store, row->manager, error);
          if (stored == NULL)
            return FALSE;
          p->manager_id = stored->id;
        }
      p->manager_ext_id = g_strdup (row->manager);
    }
  gpointer unit;
  if (!g_hash_table_lookup_extended (r->units, p->unit_path, NULL, &unit))
    {
      gint64 id = dk_store_unit_ensure (r->store, p->unit_path, TRUE, error);
      if (id == 0)
        return FALSE;
      unit = GSIZE_TO_POINTER ((gsize) id);
      g_hash_table_insert (r->units, g_strdup (p->unit_path), unit);
    }
  p->unit_id = (gint64) GPOINTER_TO_SIZE (unit);
  int changed;
  if (!dk_store_person_put (r->store, p, r->ctx, &changed, error))
    return FALSE;
  if (changed == 0)
    r->summary->unchanged++;
  else if (changed == 1)
    r->summary->added++;
  else
    r->summary->updated++;
  row->state = 2;
  return TRUE;
}

static gboolean
register_in_open_rounds (DkStore *store, GError **error)
{
  g_autoptr (GPtrArray) rounds = dk_store_rounds (store, error);
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      DkRound *round = g_ptr_array_index (rounds, i);
      if (!round->open)
        continue;
      g_autoptr (DkFramework) fw = dk_store_round_framework (store, round, error);
      if (fw == NULL || !dk_store_round_register_active (store, round, fw, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (Roster *r, gboolean full, const DkProgress *progress, GError **error)
{
  for (guint i = 0; i < r->rows->len; i++)
    {
      if (!write_row (r, g_ptr_array_index (r->rows, i), error))
        return FALSE;
      dk_progress_report (progress, i + 1, (double) (i + 1) / r->rows->len);
    }
  if (full)
    {
      gint64 n = dk_store_people_deactivate_missing (r->store, r->by_id, r->ctx, error);
      if (n < 0)
        return FALSE;
      r->summary->deactivated = (guint64) n;
    }
  return register_in_open_rounds (r->store, error);
}

gboolean
dk_import_roster (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean full,
                  gboolean dry_run, DkImportSummary *summary, const DkProgress *progress,
                  const DkContext *ctx, GError **error)
{
  /* writing a person costs far more than reading one (measured: of 5.7 s
   * for 100 000 people, 0.2 s reading) */
  DkProgress reading = dk_progress_phase (progress, 0.0, 0.05);
  DkProgress writing = dk_progress_phase (progress, 0.05, 1.0);
  memset (summary, 0, sizeof *summary);
  Roster r = { .store = store, .ctx = ctx, .file = path,
                .summary = summary };
  g_autofree char *today = dk_context_today (ctx);
  g_strlcpy (r.today, today, sizeof r.today);
  r.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  r.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  r.roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dk_errors_init (&r.errors, 0, ctx->lang);

  gboolean ok = dk_csv_read_all_progress (path, encoding, columns, N_COLS, read_record, &r, &r.errors,
                                          &summary->rows, &reading, ctx, error);
  if (ok && r.failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r.failure));
      ok = FALSE;
    }
  ok = ok && check_managers (&r, error);
  if (ok && dk_errors_propagate (&r.errors, error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_INVALID))
    ok = FALSE;
  /* A dry run does all the writing in a transaction it then rolls back, so
   * its counts are exactly what a real run would do. */
  if (ok)
    ok = dk_store_begin (store, error) && write_all (&r, full, &writing, error);
  ok = dk_store_finish (store, ok, dry_run, error);

  dk_errors_clear (&r.errors);
  g_clear_error (&r.failure);
  g_hash_table_unref (r.units);
  g_hash_table_unref (r.roles);
  g_hash_table_unref (r.by_id);
  g_ptr_array_unref (r.rows);
  return ok;
}
