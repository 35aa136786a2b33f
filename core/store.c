/*
 * store.c — opening the store, migrations, transactions, frameworks, audit.
 * The organisation lives in store-org.c, rounds and assessments in
 * store-round.c.
 */
#include "hint.h"
#include "store-private.h"
#include "plan-reason.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

DK_DEFINE_HINTED_ERROR (DkStoreError, dk_store_error)

/* Numbered migrations: migration i brings the schema to user_version i + 1.
 * Never edit one that has shipped; add a new one. */
static const char *const migrations[] = {
  /* 1: frameworks, organisation, rounds, assessments, audit */
  "CREATE TABLE framework ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL, version TEXT NOT NULL, xml BLOB NOT NULL,"
  "  registered_at TEXT NOT NULL, UNIQUE (code, version));"
  "CREATE TABLE framework_role (framework_id INTEGER NOT NULL REFERENCES framework(id),"
  "  role TEXT NOT NULL, PRIMARY KEY (framework_id, role)) WITHOUT ROWID;"
  "CREATE TABLE unit ("
  "  id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES unit(id),"
  "  name TEXT NOT NULL, path TEXT NOT NULL UNIQUE);"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT,"
  "  unit_id INTEGER NOT NULL REFERENCES unit(id), role TEXT NOT NULL,"
  "  manager_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
  "  gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'F', 'M', 'X')),"
  "  active INTEGER NOT NULL DEFAULT 1, active_from TEXT, active_to TEXT);"
  "CREATE INDEX person_manager ON person(manager_id);"
  "CREATE TABLE round ("
  "  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
  "  framework_id INTEGER NOT NULL REFERENCES framework(id),"
  "  state TEXT NOT NULL CHECK (state IN ('open', 'closed')),"
  "  opened_at TEXT NOT NULL, closed_at TEXT);"
  /* person_id has no foreign key: an erased person's rows in closed rounds
   * stay, anonymised under a negative id, so closed figures do not move. */
  "CREATE TABLE assessment ("
  "  round_id INTEGER NOT NULL REFERENCES round(id), person_id INTEGER NOT NULL,"
  "  unit_id INTEGER NOT NULL, role INTEGER NOT NULL, gender INTEGER NOT NULL,"
  "  flags INTEGER NOT NULL DEFAULT 0, shared_at TEXT, conversation_at TEXT,"
  "  levels BLOB NOT NULL, PRIMARY KEY (round_id, person_id)) WITHOUT ROWID;"
  "CREATE TABLE rating_note ("
  "  round_id INTEGER NOT NULL, person_id INTEGER NOT NULL, competence TEXT NOT NULL,"
  "  comment TEXT, reason TEXT, adjusted_by TEXT, adjusted_at TEXT,"
  "  PRIMARY KEY (round_id, person_id, competence)) WITHOUT ROWID;"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,"
  "  person_id INTEGER, round_id INTEGER, field TEXT, old_value TEXT, new_value TEXT);"
  "CREATE INDEX audit_person ON audit(person_id);",

  /* 2: the catalogue of learning activities, plans, participation */
  "CREATE TABLE activity ("
  "  id TEXT PRIMARY KEY, kind TEXT NOT NULL, format TEXT NOT NULL, hours REAL NOT NULL,"
  "  language TEXT NOT NULL, title_sv TEXT, title_en TEXT, description_sv TEXT, description_en TEXT,"
  "  develops TEXT NOT NULL, roles TEXT NOT NULL DEFAULT '', units TEXT NOT NULL DEFAULT '',"
  "  themes TEXT NOT NULL DEFAULT '', sessions TEXT NOT NULL DEFAULT '',"
  "  easy_swedish INTEGER NOT NULL DEFAULT 0, read_aloud INTEGER NOT NULL DEFAULT 0,"
  "  preparation TEXT, follow_up TEXT);"
  "CREATE TABLE plan ("
  "  id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL REFERENCES round(id),"
  "  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL CHECK (state IN ('suggested', 'draft', 'agreed')),"
  "  created_at TEXT NOT NULL, agreed_at TEXT, agreed_by TEXT,"
  "  follow_up_at TEXT, follow_up_notes TEXT, UNIQUE (round_id, person_id));"
  "CREATE TABLE plan_item ("
  "  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
  "  competence TEXT NOT NULL, target INTEGER, activity_id TEXT, wish TEXT, due TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),"
  "  reason TEXT, CHECK ((activity_id IS NULL) <> (wish IS NULL)));"
  "CREATE INDEX plan_item_plan ON plan_item(plan_id);"
  "CREATE TABLE participation ("
  "  id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
  "  activity_id TEXT NOT NULL, date TEXT NOT NULL, hours REAL NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('registered', 'attended', 'completed', 'no-show')),"
  "  UNIQUE (person_id, activity_id, date));"
  "CREATE INDEX participation_date ON participation(date);",

  /* 3: the seats of each session, one number per session ("20 0"; 0: not limited) */
  "ALTER TABLE activity ADD COLUMN seats TEXT NOT NULL DEFAULT '';",

  /* 4: each framework's compiled form (dk_framework_compile), so that a
   * command rebuilds it without parsing the XML; NULL: parse the XML. */
  "ALTER TABLE framework ADD COLUMN compiled BLOB;",

  /* 5: an import's audit: one audit row (no person) and the changed people's
   * old and new levels in chunks of 1 024 person ids (core/store-audit.c) */
  "CREATE TABLE IF NOT EXISTS audit_levels ("
  "  id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audit(id),"
  "  bucket INTEGER NOT NULL, data BLOB NOT NULL);"
  "CREATE INDEX IF NOT EXISTS audit_levels_bucket ON audit_levels(bucket, audit_id);",

  /* 6: the same constraints with = … OR … in place of IN (…): SQLite checks
   * an IN list of three or more values by building a temporary index at
   * every insert, which was a quarter of `plan suggest --all`.  The tables
   * are rebuilt as SQLite's ALTER TABLE documentation describes (migrate
   * runs with foreign keys off and checks them before committing). */
  "CREATE TABLE person_new ("
  "  id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, email TEXT,"
  "  unit_id INTEGER NOT NULL REFERENCES unit(id), role TEXT NOT NULL,"
  "  manager_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
  "  gender TEXT NOT NULL DEFAULT '' CHECK (gender = '' OR gender = 'F' OR gender = 'M' OR gender = 'X'),"
  "  active INTEGER NOT NULL DEFAULT 1, active_from TEXT, active_to TEXT);"
  "INSERT INTO person_new SELECT * FROM person;"
  "DROP TABLE person;"
  "ALTER TABLE person_new RENAME TO person;"
  "CREATE INDEX person_manager ON person(manager_id);"
  "CREATE TABLE plan_new ("
  "  id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL REFERENCES round(id),"
  "  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL CHECK (state = 'suggested' OR state = 'draft' OR state = 'agreed'),"
  "  created_at TEXT NOT NULL, agreed_at TEXT, agreed_by TEXT,"
  "  follow_up_at TEXT, follow_up_notes TEXT, UNIQUE (round_id, person_id));"
  "INSERT INTO plan_new SELECT * FROM plan;"
  "DROP TABLE plan;"
  "ALTER TABLE plan_new RENAME TO plan;"
  "CREATE TABLE plan_item_new ("
  "  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
  "  competence TEXT NOT NULL, target INTEGER, activity_id TEXT, wish TEXT, due TEXT,"
  "  status TEXT NOT NULL CHECK (status = 'planned' OR status = 'done' OR status = 'cancelled'),"
  "  reason TEXT, CHECK ((activity_id IS NULL) <> (wish IS NULL)));"
  "INSERT INTO plan_item_new SELECT * FROM plan_item;"
  "DROP TABLE plan_item;"
  "ALTER TABLE plan_item_new RENAME TO plan_item;"
  "CREATE INDEX plan_item_plan ON plan_item(plan_id);"
  "CREATE TABLE participation_new ("
  "  id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
  "  activity_id TEXT NOT NULL, date TEXT NOT NULL, hours REAL NOT NULL,"
  "  status TEXT NOT NULL CHECK (status = 'registered' OR status = 'attended'"
  "    OR status = 'completed' OR status = 'no-show'),"
  "  UNIQUE (person_id, activity_id, date));"
  "INSERT INTO participation_new SELECT * FROM participation;"
  "DROP TABLE participation;"
  "ALTER TABLE participation_new RENAME TO participation;"
  "CREATE INDEX participation_date ON participation(date);",

  /* 7: which values of an assessment were last set by hand (rate, share,
   * conversation) rather than by an import, which a re-import keeps
   * (DkAssessment.hand); NULL when none.  The index holds only the rows
   * with such values, so an import finds them without a scan. */
  "ALTER TABLE assessment ADD COLUMN hand BLOB;"
  "CREATE INDEX assessment_hand ON assessment(round_id, person_id) WHERE hand IS NOT NULL;",
  /* 8: the plan's lifecycle (core/plan.c): the state followed-up, and every
   * follow-up kept — its date, notes, who recorded it and when — in place
   * of the one follow-up a plan had.  That one moves over, recorded by the
   * actor of its audit row; an agreed plan with one becomes followed-up. */
  "CREATE TABLE plan_new ("
  "  id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL REFERENCES round(id),"
  "  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL CHECK (state = 'suggested' OR state = 'draft' OR state = 'agreed'"
  "    OR state = 'followed-up'),"
  "  created_at TEXT NOT NULL, agreed_at TEXT, agreed_by TEXT, UNIQUE (round_id, person_id));"
  "INSERT INTO plan_new SELECT id, round_id, person_id,"
  "  CASE WHEN state = 'agreed' AND follow_up_at IS NOT NULL THEN 'followed-up' ELSE state END,"
  "  created_at, agreed_at, agreed_by FROM plan;"
  "CREATE TABLE plan_follow_up ("
  "  id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
  "  held_on TEXT NOT NULL, notes TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);"
  "INSERT INTO plan_follow_up (plan_id, held_on, notes, recorded_by, recorded_at)"
  "  SELECT p.id, p.follow_up_at, coalesce(p.follow_up_notes, ''),"
  "    coalesce(a.actor, ''), coalesce(a.at, p.follow_up_at)"
  "  FROM plan p LEFT JOIN audit a ON a.id = (SELECT max(id) FROM audit WHERE entity = 'plan'"
  "    AND field = 'follow-up' AND person_id = p.person_id AND round_id = p.round_id)"
  "  WHERE p.follow_up_at IS NOT NULL;"
  "DROP TABLE plan;"
  "ALTER TABLE plan_new RENAME TO plan;"
  "CREATE INDEX plan_follow_up_plan ON plan_follow_up(plan_id);",
  /* 9: the web interface's accounts (core/account.h): an account per person
   * who may sign in, its grants, sessions (a signed-out one has no person)
   * and invitation links; ids and tokens only as their hashes.  Everything
   * goes with the person (erasure). */
  "CREATE TABLE account ("
  "  person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,"
  "  password TEXT, disabled INTEGER NOT NULL DEFAULT 0, lang TEXT, created_at TEXT NOT NULL);"
  "CREATE TABLE account_grant ("
  "  person_id INTEGER NOT NULL REFERENCES account(person_id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, PRIMARY KEY (person_id, name)) WITHOUT ROWID;"
  "CREATE TABLE session ("
  "  id TEXT PRIMARY KEY, person_id INTEGER REFERENCES account(person_id) ON DELETE CASCADE,"
  "  csrf TEXT NOT NULL, created INTEGER NOT NULL, last_used INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE INDEX session_person ON session(person_id);"
  "CREATE TABLE invitation ("
  "  token TEXT PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES account(person_id) ON DELETE CASCADE,"
  "  round_id INTEGER REFERENCES round(id), created INTEGER NOT NULL, expires INTEGER NOT NULL,"
  "  used INTEGER) WITHOUT ROWID;"
  "CREATE INDEX invitation_person ON invitation(person_id);",
  /* 10: the planner's reasons in no language (core/plan-reason.h): the
   * English and Swedish texts plan_item.reason held are read back into
   * the stored form by reason_as_code, in C; a text it cannot read stays
   * as it is, and is shown so.  No table changes. */
  "SELECT 1;",
  /* 11: the audit log's filters (/admin/audit): by actor and by kind, each
   * in id order, so that a page newest first reads only its rows, and by
   * time for a date range; a rare filter no longer scans the whole log.
   * IF NOT EXISTS: tests replay migrations on stores that have them. */
  "CREATE INDEX IF NOT EXISTS audit_actor ON audit(actor);"
  "CREATE INDEX IF NOT EXISTS audit_entity ON audit(entity);"
  "CREATE INDEX IF NOT EXISTS audit_at ON audit(at);",
  /* 12: what a round's suppression pattern reads besides the round, each
   * in person order from a fraction of its table's pages: a round's people
   * (the panels with the other rounds) and the active people's managers
   * (the teams), which the report read from whole rows.
   * IF NOT EXISTS: tests replay migrations on stores that have them. */
  "CREATE INDEX IF NOT EXISTS assessment_people ON assessment(round_id);"
  "CREATE INDEX IF NOT EXISTS person_team ON person(id, manager_id, active)"
  "  WHERE manager_id IS NOT NULL AND active;",
};

/* Returns SQLite's message for the last failure on STORE, said so that a user
 * knows what to do: a read-only store names the permissions, a failed write
 * adds the system's reason ("No space left on device", "File too large"). */
static char *
sql_message (DkStore *store)
{
  sqlite3 *db = store->db;
  int code = sqlite3_errcode (db);
  int sys = sqlite3_system_errno (db);
  if (code == SQLITE_READONLY)
    return g_strdup_printf (S_("the store is read-only (%s); changes need write permission "
                              "on the store file and its directory"),
                            sqlite3_errmsg (db));
  if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && sys != 0)
    return g_strdup_printf ("%s: %s", sqlite3_errmsg (db), g_strerror (sys));
  return g_strdup (sqlite3_errmsg (db));
}

gboolean
dk_store_sql_error (DkStore *store, const char *what, GError **error)
{
  g_autofree char *msg = sql_message (store);
  g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_SQL, "%s: %s", what, msg);
  return FALSE;
}

gboolean
dk_store_exec (DkStore *store, const char *sql, GError **error)
{
  if (sqlite3_exec (store->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  return dk_store_sql_error (store, S_("store"), error);
}

gboolean
dk_store_begin (DkStore *store, GError **error)
{
  return dk_store_exec (store, "BEGIN IMMEDIATE", error);
}

gboolean
dk_store_commit (DkStore *store, GError **error)
{
  return dk_store_exec (store, "COMMIT", error);
}

void
dk_store_rollback (DkStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
dk_store_finish (DkStore *store, gboolean ok, gboolean dry_run, GError **error)
{
  ok = ok && (dry_run || dk_store_commit (store, error));
  if (!ok || dry_run)
    dk_store_rollback (store);
  return ok;
}

/* Runs the statement SQL kept by the store (dk_store_prepare_kept): a
 * read transaction's BEGIN and COMMIT, which a page runs at every request
 * and sqlite3_exec would compile each time. */
static gboolean
run_kept (DkStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare_kept (store, sql, error);
  gboolean ok = stmt != NULL && dk_store_step_done (store, stmt, error);
  dk_store_release (store, stmt);
  return ok;
}

gboolean
dk_store_read_begin (DkStore *store, GError **error)
{
  if (store->read_depth == 0)
    {
      /* inside a write transaction its reads are one snapshot already */
      store->read_own = sqlite3_get_autocommit (store->db) != 0;
      if (store->read_own && !run_kept (store, "BEGIN DEFERRED", error))
        {
          dk_store_rollback (store);   /* interrupted after it began: none left open */
          return FALSE;
        }
    }
  store->read_depth++;
  return TRUE;
}

gboolean
dk_store_read_end (DkStore *store, GError **error)
{
  g_return_val_if_fail (store->read_depth > 0, FALSE);
  if (--store->read_depth > 0 || !store->read_own || sqlite3_get_autocommit (store->db))
    return TRUE;
  if (run_kept (store, "COMMIT", error))
    return TRUE;
  dk_store_rollback (store);   /* it only read: nothing to keep */
  return FALSE;
}

sqlite3_stmt *
dk_store_prepare (DkStore *store, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dk_store_sql_error (store, S_("store"), error);
      return NULL;
    }
  return stmt;
}

/* A statement kept for the store's lifetime, and whether a caller has it. */
typedef struct {
  sqlite3_stmt *stmt;
  gboolean      out;
} Kept;

static void
kept_free (gpointer data)
{
  Kept *k = data;
  sqlite3_finalize (k->stmt);
  g_free (k);
}

sqlite3_stmt *
dk_store_prepare_kept (DkStore *store, const char *sql, GError **error)
{
  if (store->kept == NULL)
    store->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_free);
  Kept *k = g_hash_table_lookup (store->kept, sql);
  if (k != NULL && k->out)
    return dk_store_prepare (store, sql, error);
  if (k == NULL)
    {
      sqlite3_stmt *stmt = NULL;
      if (sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          dk_store_sql_error (store, S_("store"), error);
          return NULL;
        }
      k = g_new0 (Kept, 1);
      k->stmt = stmt;
      g_hash_table_insert (store->kept, g_strdup (sql), k);
    }
  k->out = TRUE;
  return k->stmt;
}

void
dk_store_release (DkStore *store, sqlite3_stmt *stmt)
{
  Kept *k = stmt != NULL && store->kept != NULL ? g_hash_table_lookup (store->kept, sqlite3_sql (stmt)) : NULL;
  if (k == NULL || k->stmt != stmt)
    {
      sqlite3_finalize (stmt);
      return;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  k->out = FALSE;
}

DkStoreStep
dk_store_step (DkStore *store, sqlite3_stmt *stmt, const char *what, GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return DK_STORE_STEP_ROW;
  if (rc == SQLITE_DONE)
    return DK_STORE_STEP_DONE;
  dk_store_sql_error (store, what, error);
  return DK_STORE_STEP_ERROR;
}

gboolean
dk_store_step_done (DkStore *store, sqlite3_stmt *stmt, GError **error)
{
  return dk_store_step (store, stmt, S_("store"), error) != DK_STORE_STEP_ERROR;
}

gboolean
dk_store_step_finalize (DkStore *store, sqlite3_stmt *stmt, GError **error)
{
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
dk_store_step_once (DkStore *store, sqlite3_stmt *stmt, GError **error)
{
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text, sqlite3_destructor_type how)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, how);
  else
    sqlite3_bind_null (stmt, i);
}

void
dk_store_bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  bind_text (stmt, i, text, SQLITE_TRANSIENT);
}

void
dk_store_bind_static (sqlite3_stmt *stmt, int i, const char *text)
{
  bind_text (stmt, i, text, SQLITE_STATIC);
}

char *
dk_store_column_dup (sqlite3_stmt *stmt, int i)
{
  const unsigned char *t = sqlite3_column_text (stmt, i);
  return t != NULL ? g_strdup ((const char *) t) : NULL;
}

/* Returns the schema version, or -1 with ERROR. */
static int
user_version (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "PRAGMA user_version", error);
  int v = -1;
  if (stmt != NULL && dk_store_step (store, stmt, S_("reading the schema version"), error) == DK_STORE_STEP_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

int
dk_store_schema_version (DkStore *store)
{
  return user_version (store, NULL);
}

/* A migration's data, row by row: for each row of SELECT (its id in column
 * 0), REWRITE binds ?2 of UPDATE (?1 is the id) and returns TRUE, or sets
 * *SKIP to leave the row as it is, or returns FALSE with ERROR. */
typedef gboolean (*RowRewrite) (DkStore *store, sqlite3_stmt *row, sqlite3_stmt *set, gboolean *skip,
                                GError **error);

static gboolean
rewrite_rows (DkStore *store, const char *select, const char *update, const char *what, RowRewrite rewrite,
              GError **error)
{
  sqlite3_stmt *rows = dk_store_prepare (store, select, error);
  sqlite3_stmt *set = dk_store_prepare (store, update, error);
  gboolean ok = rows != NULL && set != NULL;
  DkStoreStep step = DK_STORE_STEP_DONE;
  while (ok && (step = dk_store_step (store, rows, what, error)) == DK_STORE_STEP_ROW)
    {
      gboolean skip = FALSE;
      sqlite3_reset (set);
      sqlite3_bind_int64 (set, 1, sqlite3_column_int64 (rows, 0));
      ok = rewrite (store, rows, set, &skip, error) && (skip || dk_store_step_done (store, set, error));
    }
  sqlite3_finalize (rows);
  sqlite3_finalize (set);
  return ok && step != DK_STORE_STEP_ERROR;
}

/* Migration 4's data: the compiled form of every framework registered
 * before it. */
static gboolean
compile_framework (DkStore *store, sqlite3_stmt *row, sqlite3_stmt *set, gboolean *skip, GError **error)
{
  (void) skip;
  g_autoptr (DkFramework) fw = dk_store_framework_by_rowid (store, sqlite3_column_int64 (row, 0), error);
  g_autoptr (GBytes) compiled = fw != NULL ? dk_framework_compile (fw) : NULL;
  return compiled != NULL
         && sqlite3_bind_blob (set, 2, g_bytes_get_data (compiled, NULL), (int) g_bytes_get_size (compiled),
                               SQLITE_TRANSIENT) == SQLITE_OK;
}

/* Migration 10's data: a reason a plan item keeps as English or Swedish
 * text, in the stored form (plan-reason.h); one it cannot read (or one in
 * that form already) is left as it is. */
static gboolean
reason_as_code (DkStore *store, sqlite3_stmt *row, sqlite3_stmt *set, gboolean *skip, GError **error)
{
  (void) store;
  (void) error;
  g_autofree char *code = dk_reason_from_text ((const char *) sqlite3_column_text (row, 1));
  *skip = code == NULL;
  return code == NULL || sqlite3_bind_text (set, 2, code, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

/* Returns TRUE when every foreign key of the store holds. */
static gboolean
foreign_keys_hold (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_SQL,
                 S_("the store's table %s has a row whose reference to %s is broken; nothing was changed"),
                 (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 2));
  else if (rc != SQLITE_DONE)
    dk_store_sql_error (store, S_("checking the store"), error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
migrate (DkStore *store, GError **error)
{
  int have = user_version (store, error);
  int want = G_N_ELEMENTS (migrations);
  if (have < 0)
    return FALSE;
  if (have > want)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_SQL,
                   S_("the store has schema version %d, newer than this digikomp (%d); upgrade digikomp"),
                   have, want);
      return FALSE;
    }
  if (have == want)
    return TRUE;
  /* Foreign keys are off while the tables change (a rebuilt table is
   * dropped and renamed; with them on, dropping a parent would delete its
   * children), and checked as a whole before the commit. */
  if (!dk_store_begin (store, error))
    return FALSE;
  for (int i = have; i < want; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", i + 1);
      if (!dk_store_exec (store, migrations[i], error) || !dk_store_exec (store, bump, error)
          || (i + 1 == 4
              && !rewrite_rows (store, "SELECT id FROM framework WHERE compiled IS NULL",
                                "UPDATE framework SET compiled = ?2 WHERE id = ?1", S_("compiling frameworks"),
                                compile_framework, error))
          || (i + 1 == 10
              && !rewrite_rows (store, "SELECT id, reason FROM plan_item WHERE reason IS NOT NULL",
                                "UPDATE plan_item SET reason = ?2 WHERE id = ?1", S_("reading the plans' reasons"),
                                reason_as_code, error)))
        {
          dk_store_rollback (store);
          return FALSE;
        }
    }
  if (!foreign_keys_hold (store, error))
    {
      dk_store_rollback (store);
      return FALSE;
    }
  return dk_store_commit (store, error);
}

/* Creates PATH with mode 0600 before SQLite sees it: SQLite would create it
 * with the umask's mode, readable by others. */
static gboolean
create_private_file (DkStore *store, const char *path, GError **error)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_SQL, S_("cannot create %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Opens the SQLite connection.  A store the user may not change (the file
 * or its directory not writable) is opened read-only, so that reports still
 * work and every change fails with "the store is read-only".  A read-only
 * connection would create the WAL index (-shm) with the file's read-only
 * mode, or cannot create it in a read-only directory; when there is no -wal
 * file, nothing is in one and the file alone holds the whole store, so it
 * is opened as immutable and no side file appears. */
static gboolean
open_db (DkStore *store, const char *path)
{
  /* One connection per process and thread: SQLite's own locking of every
   * call is pure cost on the scans. */
  const int flags = SQLITE_OPEN_NOMUTEX;
  g_autofree char *dir = g_path_get_dirname (path);
  if (access (path, W_OK) == 0 && access (dir, W_OK) == 0)
    return sqlite3_open_v2 (path, &store->db, flags | SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean immutable = !g_file_test (wal, G_FILE_TEST_EXISTS);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, immutable ? "?immutable=1" : "?mode=ro",
                                      NULL);
  return sqlite3_open_v2 (uri, &store->db, flags | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                          NULL) == SQLITE_OK;
}

/* Returns TRUE when PATH holds a digikomp store (a schema version), or when
 * MAY_CREATE and it is an empty file: a command other than init must not
 * turn an empty file, or another program's SQLite database, into a store.
 * Reads before anything is written (journal_mode = WAL writes the file). */
static gboolean
is_store (DkStore *store, const char *path, gboolean may_create, GError **error)
{
  int version = user_version (store, NULL);
  sqlite3_stmt *stmt = version == 0 ? dk_store_prepare (store, "SELECT count(*) FROM sqlite_master", NULL)
                                    : NULL;
  gboolean empty = stmt != NULL && dk_store_step (store, stmt, "", NULL) == DK_STORE_STEP_ROW
                   && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);
  if (version > 0 || (version == 0 && empty && may_create))
    return TRUE;
  if (version < 0)
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_SQL, S_("cannot open %s: %s"), path,
                 sqlite3_errmsg (store->db));
  else if (empty)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND,
                   S_("%s is not a digikomp store (an empty file)"), path);
      dk_error_set_hint (error, DK_HINT_STORE_INIT, path, NULL);
    }
  else
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
                 S_("%s is not a digikomp store (another program's database); nothing was changed"), path);
  return FALSE;
}

DkStore *
dk_store_open (const char *path, gboolean create, DkLang lang, GError **error)
{
  g_autofree DkStore *store = g_new0 (DkStore, 1);
  store->lang = lang;
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *inside = g_build_filename (path, "digikomp.db", NULL);
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND,
                   S_("%s is a directory; name the store's file, like %s"), path, inside);
      return NULL;
    }
  if (fresh)
    {
      if (!create)
        {
          g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND, S_("no store at %s"), path);
          dk_error_set_hint (error, DK_HINT_STORE_INIT, path, NULL);
          return NULL;
        }
      if (!create_private_file (store, path, error))
        return NULL;
    }
  if (!open_db (store, path))
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_SQL, S_("cannot open %s: %s"), path,
                   store->db != NULL ? sqlite3_errmsg (store->db) : "out of memory");
      sqlite3_close (store->db);
      return NULL;
    }
  /* Another process's write transaction (an import of a million people
   * takes some seconds) is waited for rather than reported as "database is
   * locked"; a server sets seconds with dk_store_set_busy_timeout. */
  dk_store_set_busy_timeout (store, DK_STORE_BUSY_TIMEOUT_MS);
  if (!is_store (store, path, create || fresh, error))
    {
      sqlite3_close (store->db);
      return NULL;
    }
  /* 16 KiB pages: a report reads a round's rows in a quarter of the reads
   * (and system calls) that 4 KiB pages take.  Only a new file takes it. */
  if ((fresh && !dk_store_exec (store, "PRAGMA page_size = 16384;", error))
      || !dk_store_exec (store, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                             "PRAGMA foreign_keys = OFF;", error)
      || !migrate (store, error)
      || !dk_store_exec (store, "PRAGMA foreign_keys = ON;", error))
    {
      g_prefix_error (error, "%s: ", path);
      sqlite3_close (store->db);
      return NULL;
    }
  return g_steal_pointer (&store);
}

void
dk_store_set_lang (DkStore *store, DkLang lang)
{
  store->lang = lang;
}

DkLang
dk_store_lang (const DkStore *store)
{
  return store->lang;
}

void
dk_store_close (DkStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->memo, g_hash_table_unref);
  g_clear_pointer (&store->kept, g_hash_table_unref);
  sqlite3_finalize (store->audit);
  sqlite3_finalize (store->assessment_put);
  sqlite3_finalize (store->note_put);
  sqlite3_finalize (store->assessment_update);
  sqlite3_close_v2 (store->db);
  g_free (store);
}

const char *
dk_store_path (DkStore *store)
{
  const char *path = sqlite3_db_filename (store->db, "main");
  return path != NULL && *path != '\0' ? path : NULL;
}

void
dk_store_set_busy_timeout (DkStore *store, guint ms)
{
  sqlite3_busy_timeout (store->db, (int) MIN (ms, (guint) G_MAXINT));
  store->busy_ms = ms;
}

gboolean
dk_store_checkpoint (DkStore *store, guint wait_ms, gboolean *done, GError **error)
{
  guint busy_ms = store->busy_ms;
  dk_store_set_busy_timeout (store, wait_ms);
  int rc = sqlite3_wal_checkpoint_v2 (store->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  dk_store_set_busy_timeout (store, busy_ms);
  *done = rc == SQLITE_OK;
  return rc == SQLITE_OK || rc == SQLITE_BUSY || dk_store_sql_error (store, S_("store"), error);
}

sqlite3 *
dk_store_db (DkStore *store)
{
  return store->db;
}

/* ---- values derived from the content ------------------------------------------ */

typedef struct {
  gpointer       value;
  GDestroyNotify destroy;
} Memo;

static void
memo_free (gpointer data)
{
  Memo *m = data;
  m->destroy (m->value);
  g_free (m);
}

/* Reads what changes with STORE's content into VERSION: PRAGMA data_version
 * counts the commits of other connections (of any process), and only
 * theirs; the connection's own changes are its total_changes. */
static gboolean
content_version (DkStore *store, gint64 version[2], GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare_kept (store, "PRAGMA data_version", error);
  if (stmt == NULL)
    return FALSE;
  DkStoreStep step = dk_store_step (store, stmt, S_("store"), error);
  version[0] = step == DK_STORE_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  version[1] = sqlite3_total_changes64 (store->db);
  dk_store_release (store, stmt);
  return step == DK_STORE_STEP_ROW;
}

gboolean
dk_store_memo_lookup (DkStore *store, const char *key, gpointer *value, GError **error)
{
  gint64 version[2];
  *value = NULL;
  if (!content_version (store, version, error))
    return FALSE;
  if (store->memo == NULL)
    store->memo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, memo_free);
  if (version[0] != store->memo_version[0] || version[1] != store->memo_version[1])
    {
      g_hash_table_remove_all (store->memo);
      memcpy (store->memo_version, version, sizeof version);
    }
  Memo *m = g_hash_table_lookup (store->memo, key);
  *value = m != NULL ? m->value : NULL;
  return TRUE;
}

void
dk_store_memo_keep (DkStore *store, const char *key, gpointer value, GDestroyNotify destroy)
{
  g_return_if_fail (store->memo != NULL);
  /* what a write transaction read may yet be rolled back, and a rollback
   * changes neither count that dk_store_memo_lookup compares */
  if (sqlite3_txn_state (store->db, "main") == SQLITE_TXN_WRITE)
    {
      destroy (value);
      return;
    }
  if (g_hash_table_size (store->memo) >= DK_STORE_MEMO_MAX)
    g_hash_table_remove_all (store->memo);
  Memo *m = g_new (Memo, 1);
  *m = (Memo) { value, destroy };
  g_hash_table_replace (store->memo, g_strdup (key), m);
}

/* ---- frameworks ------------------------------------------------------------ */

static gboolean
framework_insert (DkStore *store, const DkFramework *fw, const char *xml, gsize len,
                  const DkContext *ctx, GError **error)
{
  g_autofree char *today = dk_context_today (ctx);
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "INSERT INTO framework (code, version, xml, registered_at, compiled) VALUES (?, ?, ?, ?, ?)",
      error);
  if (stmt == NULL)
    return FALSE;
  g_autoptr (GBytes) compiled = dk_framework_compile (fw);
  dk_store_bind_text (stmt, 1, dk_framework_id (fw));
  dk_store_bind_text (stmt, 2, dk_framework_version (fw));
  sqlite3_bind_blob (stmt, 3, xml, (int) len, SQLITE_STATIC);
  dk_store_bind_text (stmt, 4, today);
  sqlite3_bind_blob (stmt, 5, g_bytes_get_data (compiled, NULL), (int) g_bytes_get_size (compiled),
                     SQLITE_STATIC);
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    return FALSE;

  gint64 id = sqlite3_last_insert_rowid (store->db);
  stmt = dk_store_prepare (store, "INSERT INTO framework_role VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint r = 0; ok && r < dk_framework_n_roles (fw); r++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      dk_store_bind_text (stmt, 2, dk_framework_role (fw, r)->id);
      ok = dk_store_step_done (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok && dk_store_audit (store, ctx, "framework", 0, 0, "registered",
                               NULL, dk_framework_id (fw), error);
}

GPtrArray *
dk_store_frameworks (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT code, version FROM framework ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_framework_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading frameworks"), error)) == DK_STORE_STEP_ROW)
    {
      g_autofree char *code = dk_store_column_dup (stmt, 0), *version = dk_store_column_dup (stmt, 1);
      DkFramework *fw = dk_store_framework (store, code, version, error);
      if (fw == NULL)
        {
          step = DK_STORE_STEP_ERROR;
          break;
        }
      g_ptr_array_add (all, fw);
    }
  sqlite3_finalize (stmt);
  return step == DK_STORE_STEP_ERROR ? NULL : g_steal_pointer (&all);
}

/* Returns 1 when the framework's id and version are stored with the same XML,
 * 0 when not stored, -1 (ERROR set) when stored with different XML. */
static int
framework_stored (DkStore *store, const DkFramework *fw, const char *xml, gsize len,
                  GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT xml FROM framework WHERE code = ? AND version = ?", error);
  if (stmt == NULL)
    return -1;
  dk_store_bind_text (stmt, 1, dk_framework_id (fw));
  dk_store_bind_text (stmt, 2, dk_framework_version (fw));
  DkStoreStep step = dk_store_step (store, stmt, S_("reading frameworks"), error);
  int result = step == DK_STORE_STEP_ERROR ? -1 : 0;
  if (step == DK_STORE_STEP_ROW)
    {
      gsize have = (gsize) sqlite3_column_bytes (stmt, 0);
      result = have == len && memcmp (sqlite3_column_blob (stmt, 0), xml, len) == 0 ? 1 : -1;
      if (result < 0)
        g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_EXISTS,
                     S_("framework %s version %s is already registered with other content; "
                       "give the changed file a new version"),
                     dk_framework_id (fw), dk_framework_version (fw));
    }
  sqlite3_finalize (stmt);
  return result;
}

DkFramework *
dk_store_register_framework (DkStore *store, const char *path, const DkContext *ctx,
                             GError **error)
{
  gsize len = 0;
  g_autofree char *xml = dk_framework_read_file (path, &len, store->lang, error);
  if (xml == NULL)
    return NULL;
  g_autoptr (DkFramework) fw = dk_framework_load_from_data (xml, len, path, store->lang, error);
  if (fw == NULL)
    return NULL;
  if (!dk_store_begin (store, error))
    return NULL;
  int stored = framework_stored (store, fw, xml, len, error);
  if (stored < 0 || (stored == 0 && !framework_insert (store, fw, xml, len, ctx, error))
      || !dk_store_commit (store, error))
    {
      dk_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&fw);
}

/* Returns the framework of store id ROWID, loaded from its row. */
static DkFramework *
framework_load (DkStore *store, gint64 rowid, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare_kept (
      store, "SELECT xml, code || '@' || version, compiled FROM framework WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  DkFramework *fw = NULL;
  DkStoreStep step = dk_store_step (store, stmt, S_("reading a framework"), error);
  if (step == DK_STORE_STEP_ROW)
    {
      /* the compiled form when there is one of this program's format */
      if (sqlite3_column_type (stmt, 2) == SQLITE_BLOB)
        fw = dk_framework_load_compiled (sqlite3_column_blob (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2));
      if (fw == NULL)
        fw = dk_framework_load_trusted (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1), store->lang, error);
    }
  else if (step == DK_STORE_STEP_DONE)
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND,
                 S_("no framework with store id %lld"), (long long) rowid);
  dk_store_release (store, stmt);
  return fw;
}

DkFramework *
dk_store_framework_by_rowid (DkStore *store, gint64 rowid, GError **error)
{
  /* a page loads its round's framework at every request: the store keeps
   * it (a framework's row never changes; the memo drops it at a commit
   * all the same) */
  g_autofree char *key = g_strdup_printf ("framework %" G_GINT64_FORMAT, rowid);
  gpointer kept = NULL;
  if (!dk_store_memo_lookup (store, key, &kept, error))
    return NULL;
  if (kept != NULL)
    return dk_framework_ref (kept);
  DkFramework *fw = framework_load (store, rowid, error);
  if (fw != NULL)
    dk_store_memo_keep (store, key, dk_framework_ref (fw), (GDestroyNotify) dk_framework_free);
  return fw;
}

gint64
dk_store_framework_rowid (DkStore *store, const char *id, const char *version, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store,
      "SELECT id FROM framework WHERE code = ?1 AND (?2 IS NULL OR version = ?2)"
      " ORDER BY id DESC LIMIT 1",
      error);
  if (stmt == NULL)
    return 0;
  dk_store_bind_text (stmt, 1, id);
  dk_store_bind_text (stmt, 2, version);
  DkStoreStep step = dk_store_step (store, stmt, S_("reading frameworks"), error);
  gint64 rowid = step == DK_STORE_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_DONE)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND, S_("no framework %s%s%s in the store"),
                   id, version != NULL ? "@" : "", version != NULL ? version : "");
      dk_error_set_hint (error, DK_HINT_FRAMEWORK_REGISTER, NULL, NULL);
    }
  return rowid;
}

DkFramework *
dk_store_framework (DkStore *store, const char *id, const char *version, GError **error)
{
  gint64 rowid = dk_store_framework_rowid (store, id, version, error);
  return rowid != 0 ? dk_store_framework_by_rowid (store, rowid, error) : NULL;
}

gboolean
dk_store_role_known (DkStore *store, const char *role, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT 1 FROM framework_role WHERE role = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  dk_store_bind_text (stmt, 1, role);
  gboolean known = dk_store_step (store, stmt, S_("reading the frameworks' roles"), error) == DK_STORE_STEP_ROW;
  sqlite3_finalize (stmt);
  return known;
}

/* ---- audit ------------------------------------------------------------------- */

gboolean
dk_store_audit (DkStore *store, const DkContext *ctx, const char *entity, gint64 person,
                gint64 round, const char *field, const char *old_value,
                const char *new_value, GError **error)
{
  if (store->audit == NULL)
    {
      store->audit = dk_store_prepare (
          store,
          "INSERT INTO audit (at, actor, entity, person_id, round_id, field, old_value, new_value)"
          " VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
          error);
      if (store->audit == NULL)
        return FALSE;
    }
  sqlite3_stmt *stmt = store->audit;
  dk_store_bind_static (stmt, 1, dk_context_actor (ctx));
  dk_store_bind_static (stmt, 2, entity);
  if (person != 0)
    sqlite3_bind_int64 (stmt, 3, person);
  else
    sqlite3_bind_null (stmt, 3);
  if (round != 0)
    sqlite3_bind_int64 (stmt, 4, round);
  else
    sqlite3_bind_null (stmt, 4);
  dk_store_bind_static (stmt, 5, field);
  dk_store_bind_static (stmt, 6, old_value);
  dk_store_bind_static (stmt, 7, new_value);
  dk_store_bind_static (stmt, 8, dk_store_now (store, ctx));
  return dk_store_step_once (store, stmt, error);
}

const char *
dk_store_now (DkStore *store, const DkContext *ctx)
{
  /* Formatting local time costs more than an audit insert: once a second
   * (and time zone: contexts may differ in it). */
  gint64 second = dk_context_now (ctx);
  GTimeZone *tz = ctx != NULL ? ctx->tz : NULL;
  if (second != store->now_second || tz != store->now_tz || store->now_text[0] == '\0')
    {
      g_autoptr (GDateTime) now = dk_context_now_local (ctx);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
      g_strlcpy (store->now_text, text, sizeof store->now_text);
      store->now_second = second;
      store->now_tz = tz;
    }
  return store->now_text;
}
