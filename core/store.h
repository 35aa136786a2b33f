/*
 * store.h — the digikomp store: one SQLite file holding frameworks, the
 * organisation (units, people), rounds, assessments and the audit log.
 *
 * The file is created with mode 0600; schema changes are numbered migrations
 * applied at open (PRAGMA user_version); WAL, foreign keys on, a busy timeout
 * so that concurrent processes wait rather than fail; every multi-row change
 * runs in one transaction, so an import lands whole or not at all.
 *
 * Performance shapes the schema: an assessment is ONE row per person and
 * round, holding that round's levels as a packed blob (see DkAssessment), so
 * the gap engine reads a round of a million people as a million short rows
 * in primary-key order.  Per-competence texts (comments, reasons) live in a
 * sparse side table; the audit log keeps every change.
 *
 * Privacy: a self-rating that is not shared (DK_ASSESS_SHARED unset) must not
 * be shown in manager or group views nor counted in group reports.  The
 * store hands out the raw levels; consumers (gap engine, views) must honour
 * the flag.  dk_store_rate_manager refuses before the rating is shared.
 *
 * Unless said otherwise, functions return FALSE/NULL with ERROR set on
 * failure, and returned structures belong to the caller (free with the
 * matching _free function or g_ptr_array_unref).
 *
 * Threads: one DkStore serves one thread at a time.  Its SQLite connection
 * is opened SQLITE_OPEN_NOMUTEX (SQLite does not lock it) and it keeps
 * prepared statements, a clock text and values derived from the content
 * (dk_store_memo_lookup) between calls, so two calls on the
 * same DkStore at the same time are never safe, not even two reads.  Calls
 * on separate DkStores (each thread opens its own with dk_store_open, on the
 * same file or not) are all safe at once; SQLite's file locking and WAL
 * keep them consistent: a reader sees the last commit before its read
 * began.  A DkStore may move to another thread between calls (a server's
 * pool) as long as the hand-over synchronises (a queue, a mutex).  Below,
 * "Thread-safe" marks what needs no store, or no particular one; every
 * other function is "one DkStore, one thread at a time".  What a function
 * returns belongs to the caller and is not tied to the store's thread.
 */
#ifndef DK_STORE_H
#define DK_STORE_H

#include <sqlite3.h>

#include "context.h"
#include "dk.h"
#include "framework.h"

#define DK_STORE_ERROR (dk_store_error_quark ())
GQuark dk_store_error_quark (void);

typedef enum {
  DK_STORE_ERROR_SQL,        /* SQLite failed (I/O, full disk, corrupt file) */
  DK_STORE_ERROR_NOT_FOUND,  /* no such store, person, round, competence */
  DK_STORE_ERROR_EXISTS,     /* it exists already */
  DK_STORE_ERROR_REFUSED,    /* a rule forbids it: closed round, privacy */
  DK_STORE_ERROR_INVALID,    /* bad input data (exit 3) */
  DK_STORE_ERROR_UNKNOWN_ID, /* an id names nothing: no such person, unit, round (exit 3) */
} DkStoreError;

/* Level bytes in a packed assessment. */
#define DK_LEVEL_NONE       0x00   /* not answered */
#define DK_LEVEL_DONT_KNOW  0xFF   /* "vet ej" (self only) */

/* Assessment flags. */
#define DK_ASSESS_SHARED        (1u << 0)  /* self-rating shared with the manager */
#define DK_ASSESS_CONVERSATION  (1u << 1)  /* the development conversation was held */

/* Gender codes kept in assessments for grouping. */
typedef enum { DK_GENDER_NONE = 0, DK_GENDER_F, DK_GENDER_M, DK_GENDER_X, DK_N_GENDERS } DkGender;

/* Returns the gender of "F", "M", "X" or "" in *OUT and TRUE, else FALSE.
 * Thread-safe. */
gboolean dk_gender_parse (const char *text, DkGender *out);
/* Returns "F", "M", "X" or "" (static).  Thread-safe. */
const char *dk_gender_code (DkGender g);

typedef struct _DkStore DkStore;

/* Opens the store at PATH.  With CREATE, a missing file is created (mode
 * 0600); without, a missing file is DK_STORE_ERROR_NOT_FOUND with a hint to
 * run `digikomp init`, and so is a directory (with the file to name in
 * it).  A file that is not a digikomp store is refused
 * without being written: another program's database always, an empty file
 * unless CREATE (DK_STORE_ERROR_NOT_FOUND / _REFUSED).  Migrations are
 * applied in one transaction.
 * Thread-safe: any number of threads may open stores at once, each getting
 * its own connection (the DkStore is then theirs, see above).
 * LANG is the language of the store's messages (the opening's own errors
 * among them) until dk_store_set_lang changes it. */
DkStore *dk_store_open (const char *path, gboolean create, DkLang lang, GError **error);
/* Closes STORE (NULL: nothing), from the thread that uses it. */
void dk_store_close (DkStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkStore, dk_store_close)

/* Returns the file STORE was opened on (owned by the store), or NULL for a
 * store in memory: what a second connection of the same process opens. */
const char *dk_store_path (DkStore *store);

/* How long, in milliseconds, a store opened by dk_store_open waits for
 * another connection's write transaction before a call fails as busy
 * (DK_STORE_ERROR_SQL): a minute, for a command that may wait behind an
 * import of a million people. */
#define DK_STORE_BUSY_TIMEOUT_MS 60000

/* Sets how long STORE waits for another connection's write lock, in
 * milliseconds (0: not at all, fail at once as busy): the caller's choice,
 * a server answering a person wants seconds rather than a minute.
 * One DkStore, one thread at a time. */
void dk_store_set_busy_timeout (DkStore *store, guint ms);

/* Sets the language of the messages STORE's calls set in their errors: the
 * caller's, a server's each request's (its ctx->lang), so that two people
 * on one server read them each in their own.  One DkStore, one thread. */
void dk_store_set_lang (DkStore *store, DkLang lang);

/* Returns the language of STORE's messages (dk_store_set_lang's). */
DkLang dk_store_lang (const DkStore *store);

/* Copies every change in the write-ahead log into the store file and
 * empties the log (wal_checkpoint(TRUNCATE)): what was deleted under
 * secure_delete is then overwritten on disk, in the store file and gone
 * from the log.  Waits up to WAIT_MS for other connections' readers and
 * writers (then the store's busy timeout holds again); *DONE is FALSE when
 * they still held it back by then (nothing is lost: a later checkpoint,
 * at the latest when the last connection closes, does it).  FALSE with
 * ERROR when the store fails.  One DkStore, one thread at a time. */
gboolean dk_store_checkpoint (DkStore *store, guint wait_ms, gboolean *done, GError **error);

/* ---- values derived from the content ---------------------------------------- */

/* A store keeps a few values its callers derived from the store's content
 * and are costly to derive again (a round's suppression pattern), each
 * under a KEY, until the content changes: a commit of any connection, this
 * one included, drops them all.  Each DkStore has its own (a cache per
 * connection, so as single-threaded as the store and needing no lock);
 * at most DK_STORE_MEMO_MAX values, the others dropped to keep a new one. */
#define DK_STORE_MEMO_MAX 8

/* Sets *VALUE to the value kept under KEY (owned by the store: valid until
 * the next memo call on STORE), or to NULL when there is none or the
 * content changed since it was kept.  Returns FALSE with ERROR when the
 * store fails.  Read it, derive a missing value and keep it in one read
 * transaction (dk_store_read_begin), so that what is kept is of the content
 * this lookup saw.  One DkStore, one thread at a time. */
gboolean dk_store_memo_lookup (DkStore *store, const char *key, gpointer *value, GError **error);

/* Keeps VALUE (the store takes it; DESTROY frees it) under KEY, as derived
 * from the content the last dk_store_memo_lookup on STORE saw: call it
 * after a lookup of KEY that found none, with no write in between.  In a
 * write transaction, which may yet be rolled back, it frees VALUE instead.
 * One DkStore, one thread at a time. */
void dk_store_memo_keep (DkStore *store, const char *key, gpointer value, GDestroyNotify destroy);

/* Returns the SQLite handle (owned by the store) for core modules that keep
 * tables of their own (plans, catalogue).  It is as single-threaded as the
 * store: use it only where the store may be used. */
sqlite3 *dk_store_db (DkStore *store);

/* Returns the schema version (PRAGMA user_version) after migrations. */
int dk_store_schema_version (DkStore *store);

/* Transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Rollback never fails
 * visibly (it is the error path). */
gboolean dk_store_begin (DkStore *store, GError **error);
gboolean dk_store_commit (DkStore *store, GError **error);
void dk_store_rollback (DkStore *store);
/* Ends the transaction of a change that went OK so far: commits it, or,
 * for a DRY_RUN or when not OK, rolls it back (a dry run writes as the
 * change would, and leaves nothing).  Returns OK and committed, or, for a
 * dry run, OK. */
gboolean dk_store_finish (DkStore *store, gboolean ok, gboolean dry_run, GError **error);

/* A read transaction (BEGIN DEFERRED … COMMIT): every read between
 * dk_store_read_begin and dk_store_read_end sees one snapshot of the store,
 * the last commit before its first read, whatever other connections commit
 * meanwhile; what a report shows is then of one state of the store.  In WAL
 * it blocks no writer (it only holds back a checkpoint's reset of the log
 * until it ends).  Nestable: a pair inside another pair, or inside a write
 * transaction (dk_store_begin), only counts, so that a report made of
 * reports reads one snapshot.  No write may run inside it.  Every begin
 * that returned TRUE needs its end, on the error path too (with a NULL
 * ERROR there).  Each returns FALSE with ERROR when the store fails (then
 * no end is due after a begin): a read whose end fails (interrupted, say)
 * has failed too. */
gboolean dk_store_read_begin (DkStore *store, GError **error);
gboolean dk_store_read_end (DkStore *store, GError **error);

/* Runs SQL (no parameters, no rows) and returns FALSE with ERROR on failure. */
gboolean dk_store_exec (DkStore *store, const char *sql, GError **error);

/* Sets ERROR (DK_STORE_ERROR_SQL) from the handle's last error, prefixed with
 * WHAT, and returns FALSE.  For core modules using dk_store_db. */
gboolean dk_store_sql_error (DkStore *store, const char *what, GError **error);


/* What one step of a query gave. */
typedef enum {
  DK_STORE_STEP_ERROR = -1,   /* the step failed: ERROR is set */
  DK_STORE_STEP_DONE  = 0,    /* the end of the data */
  DK_STORE_STEP_ROW   = 1,    /* a row: read its columns */
} DkStoreStep;

/* Steps STMT, prepared on STORE's handle.  Any result but a row or the end
 * of the data (an interrupted, busy or locked store, I/O, a full disk, a
 * broken constraint) is DK_STORE_STEP_ERROR with ERROR set as
 * dk_store_sql_error sets it, prefixed with WHAT.  Every reader loops
 *
 *   while ((step = dk_store_step (store, stmt, what, error)) == DK_STORE_STEP_ROW)
 *
 * and returns the error when the loop ends with DK_STORE_STEP_ERROR, so that
 * a failing store never gives a shorter result as if it were the whole. */
DkStoreStep dk_store_step (DkStore *store, sqlite3_stmt *stmt, const char *what, GError **error);

/* ---- frameworks --------------------------------------------------------- */

/* Loads the framework in PATH, validates it and stores its XML.  Returns the
 * loaded framework (caller owns).  Registering the same id and version again
 * with identical XML is a no-op; with different XML it is
 * DK_STORE_ERROR_EXISTS (give it a new version).  Audited as CTX's actor. */
DkFramework *dk_store_register_framework (DkStore *store, const char *path,
                                          const DkContext *ctx, GError **error);

/* Returns the framework ID at VERSION (NULL: the latest registered), loaded
 * from the stored XML; caller owns. */
DkFramework *dk_store_framework (DkStore *store, const char *id, const char *version,
                                 GError **error);

/* Returns every registered framework, each version, in the order they were
 * registered (DkFramework*; caller owns), or NULL with ERROR when the store
 * fails. */
GPtrArray *dk_store_frameworks (DkStore *store, GError **error);

/* Returns TRUE when ROLE is a role of some registered framework; FALSE when
 * it is not (ERROR unset) or when the store fails (ERROR set): a caller
 * tells the two apart by ERROR, never takes a failure for "unknown". */
gboolean dk_store_role_known (DkStore *store, const char *role, GError **error);

/* ---- organisation --------------------------------------------------------- */

typedef struct {
  gint64 id;
  gint64 parent;     /* 0 for a top unit */
  char  *name;       /* "Kungsholmen" */
  char  *path;       /* "Kulturförvaltningen/Stadsbiblioteket/Kungsholmen" */
  guint  depth;      /* 1 for a top unit */
} DkUnit;

/* Frees UNIT (NULL: nothing).  Thread-safe, like every _free below. */
void dk_unit_free (DkUnit *unit);

/* Returns every unit, parents before children (DkUnit*; caller owns). */
GPtrArray *dk_store_units (DkStore *store, GError **error);

/* Returns PATH with the spaces around each of its '/'-separated segments
 * removed (" Org / A " is "Org/A"), or NULL when a segment is empty, "." or
 * ".." (or PATH is NULL).  Caller frees.  Thread-safe. */
char *dk_unit_path_normalize (const char *path);

/* Returns TRUE when the unit path PATH is ROOT or one of its sub-units. */
gboolean dk_unit_path_under (const char *path, const char *root);

/* Returns the id of the unit at PATH, creating it and its ancestors when
 * CREATE; 0 with ERROR (UNKNOWN_ID) when it does not exist. */
gint64 dk_store_unit_ensure (DkStore *store, const char *path, gboolean create,
                             GError **error);

typedef struct {
  gint64   id;
  char    *ext_id;       /* the HR system's person id */
  char    *name;
  char    *email;        /* may be NULL */
  gint64   unit_id;
  char    *unit_path;
  char    *role;         /* a framework role id */
  gint64   manager_id;   /* 0: none */
  char    *manager_ext_id;
  DkGender gender;
  gboolean active;
  char    *active_from;  /* YYYY-MM-DD or NULL */
  char    *active_to;
} DkPerson;

void dk_person_free (DkPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPerson, dk_person_free)

/* Returns the person with external id EXT_ID, or NULL with UNKNOWN_ID. */
DkPerson *dk_store_person (DkStore *store, const char *ext_id, GError **error);
/* As dk_store_person, but NULL with ERROR unset when there is no such
 * person: ERROR is set only when the store fails. */
DkPerson *dk_store_person_find (DkStore *store, const char *ext_id, GError **error);
/* As dk_store_person, by store id. */
DkPerson *dk_store_person_by_id (DkStore *store, gint64 id, GError **error);

/* Returns the people whose manager is MANAGER (store id); with SUBTREE, all
 * people below them at any depth.  DkPerson*, caller owns. */
GPtrArray *dk_store_people_managed_by (DkStore *store, gint64 manager, gboolean subtree,
                                       GError **error);

/* One person as a bulk reader sees them (dk_store_people_foreach): the
 * strings belong to the store and last only until the callback returns. */
typedef struct {
  gint64      id;
  const char *ext_id;
  const char *role;      /* a framework role id */
  gint64      unit_id;
  DkGender    gender;
  gboolean    active;
} DkPersonRow;

/* Called for each person; returns FALSE to stop the walk early. */
typedef gboolean (*DkPersonRowFunc) (const DkPersonRow *row, gpointer user_data);

/* Returns how many people the store holds (active or not), or -1 with
 * ERROR when the store fails. */
gint64 dk_store_person_count (DkStore *store, GError **error);

/* Calls FUNC for every person in store-id order (an import's people come in
 * runs of one role), until FUNC returns FALSE.  Returns TRUE when the walk
 * ended (at the end of the data or where FUNC stopped it), FALSE with ERROR
 * when the store failed: a failure is never taken for the end. */
gboolean dk_store_people_foreach (DkStore *store, DkPersonRowFunc func, gpointer user_data,
                                  GError **error);

/* Inserts or updates PERSON by ext_id (unit_id, manager_id resolved by the
 * caller), writing an audit row per changed field.  Sets *CHANGED to
 * 0 unchanged, 1 added, 2 updated.  Sets PERSON->id.  Call inside a
 * transaction. */
gboolean dk_store_person_put (DkStore *store, DkPerson *person, const DkContext *ctx,
                              int *changed, GError **error);

/* Marks people not in KEEP (a set of ext_ids) inactive; returns how many. */
gint64 dk_store_people_deactivate_missing (DkStore *store, GHashTable *keep,
                                           const DkContext *ctx, GError **error);

/* ---- rounds ----------------------------------------------------------------- */

typedef struct {
  gint64   id;
  char    *code;          /* "2026" */
  char    *title;
  char    *framework_id;
  char    *framework_version;
  gboolean open;
  char    *opened_at;     /* YYYY-MM-DD */
  char    *closed_at;     /* NULL while open */
  gint64   registered;    /* -1: see dk_store_round_registered */
  gint64   framework_rowid;
} DkRound;

void dk_round_free (DkRound *round);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkRound, dk_round_free)

/* Opens round CODE on framework FW_ID at FW_VERSION (NULL: latest) and
 * registers every active person whose role the framework has.  A CODE that
 * is empty or begins with '-' is refused (INVALID).  Opening and closing
 * are dated by CTX's clock and audited as CTX's actor. */
gboolean dk_store_round_open (DkStore *store, const char *code, const char *title,
                              const char *fw_id, const char *fw_version,
                              const DkContext *ctx, GError **error);
gboolean dk_store_round_close (DkStore *store, const char *code, const DkContext *ctx,
                               GError **error);

/* Returns the round CODE; NULL CODE means the only open round (errors say
 * how to open one or to name one).  Caller owns. */
DkRound *dk_store_round (DkStore *store, const char *code, GError **error);

/* Returns all rounds, oldest first (DkRound*). */
GPtrArray *dk_store_rounds (DkStore *store, GError **error);

/* Returns how many people are registered in ROUND (reads the whole round),
 * or -1 with ERROR on a store failure. */
gint64 dk_store_round_registered (DkStore *store, const DkRound *round, GError **error);

/* Returns the framework ROUND pins (caller owns). */
DkFramework *dk_store_round_framework (DkStore *store, const DkRound *round, GError **error);

/* Registers in ROUND every active person whose role FW (the round's
 * framework) has and who is not registered yet.  Call inside a transaction. */
gboolean dk_store_round_register_active (DkStore *store, const DkRound *round,
                                         const DkFramework *fw, GError **error);

/* Returns the round opened before ROUND, or NULL (ERROR unset) when none. */
DkRound *dk_store_round_previous (DkStore *store, const DkRound *round, GError **error);

/* ---- assessments ------------------------------------------------------------ */

typedef struct {
  gint64   round_id;
  gint64   person_id;
  gint64   unit_id;       /* the current unit while the round is open, at closing once closed */
  guint    role;          /* role index in the round's framework */
  DkGender gender;
  guint    flags;         /* DK_ASSESS_* */
  char    *shared_at;     /* or NULL */
  char    *conversation_at;
  guint    n;             /* competences of the round's framework */
  guint8   self[DK_MAX_COMPETENCES];
  guint8   manager[DK_MAX_COMPETENCES];
  guint8   motivation[DK_MAX_COMPETENCES];
  /* The values last set by hand (rate, share, conversation) rather than by
   * an import: a bit per competence in hand[DK_HAND_SELF] …, and
   * DK_ASSESS_SHARED / DK_ASSESS_CONVERSATION in hand_flags.  A re-import
   * keeps them unless told to overwrite. */
  guint64  hand[3];
  guint    hand_flags;
} DkAssessment;

/* The rows of DkAssessment.hand, in the order of the packed levels. */
enum { DK_HAND_SELF, DK_HAND_MANAGER, DK_HAND_MOTIVATION };

void dk_assessment_free (DkAssessment *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkAssessment, dk_assessment_free)

/* The packed blob: self[n], manager[n], motivation[n]. */
#define DK_ASSESSMENT_BLOB_SIZE(n) (3u * (n))

/* Returns PERSON's assessment in ROUND, or NULL with NOT_FOUND when the
 * person is not registered in the round. */
DkAssessment *dk_store_assessment (DkStore *store, gint64 round, gint64 person,
                                   GError **error);

/* One of a manager's team as the team page lists them. */
typedef struct {
  gint64        person_id;
  char         *ext_id;
  char         *name;
  DkAssessment *a;            /* NULL: not registered in the round */
  char         *plan_state;   /* "suggested", "draft", "agreed", "followed-up"; NULL: no plan */
} DkTeamMember;

void dk_team_member_free (DkTeamMember *m);

/* Returns the active people whose recorded manager is MANAGER (store ids),
 * each with their assessment and the state of their plan in ROUND, in one
 * query whatever the team's size (DkTeamMember*, in no particular order;
 * caller unrefs), or NULL with ERROR on a store failure. */
GPtrArray *dk_store_team_members (DkStore *store, gint64 round, gint64 manager, GError **error);

/* Packs A's levels into BLOB (DK_ASSESSMENT_BLOB_SIZE (a->n) bytes).
 * Thread-safe. */
void dk_assessment_pack (const DkAssessment *a, guint8 *blob);

/* Returns LEVEL as text: "3", "?" for don't know, "" for none (caller
 * frees).  Thread-safe. */
char *dk_level_text (guint level);

/* Writes A (insert or replace), with no audit row: callers audit. */
gboolean dk_store_assessment_put (DkStore *store, const DkAssessment *a, GError **error);

/* A note on one competence of an assessment. */
typedef struct {
  char *competence;
  char *comment;        /* the employee's, or NULL */
  char *reason;         /* the manager's reason for an adjustment, or NULL */
  char *adjusted_by;    /* who set the manager's level: a person's id, "hr:NAME", DK_ACTOR_IMPORT */
  char *adjusted_at;
} DkRatingNote;

void dk_rating_note_free (DkRatingNote *note);

/* Returns the notes of PERSON in ROUND (DkRatingNote*). */
GPtrArray *dk_store_rating_notes (DkStore *store, gint64 round, gint64 person,
                                  GError **error);

/* Sets the comment and/or reason (NULL leaves it as is) of a competence; a
 * reason is recorded as adjusted by CTX's actor at CTX's time. */
gboolean dk_store_rating_note_put (DkStore *store, gint64 round, gint64 person,
                                   const char *competence, const char *comment,
                                   const char *reason, const DkContext *ctx,
                                   GError **error);

/* Returns TRUE when PERSON's ratings in ROUND may change: the round is open
 * and the person has not left; else FALSE with ERROR (REFUSED) saying which,
 * in LANG.  Each change below checks it; a command that asks questions
 * checks it before the first.  Thread-safe. */
gboolean dk_rating_changeable (const DkRound *round, const DkPerson *person, DkLang lang,
                               GError **error);

/* The rules of the conversation, each one audited change in its own
 * transaction, audited as CTX's actor.  PERSON is an external id; ROUND a code or NULL (the open
 * round).  LEVEL is a level on the scale, or DK_LEVEL_DONT_KNOW for self. */
gboolean dk_store_rate_self (DkStore *store, const char *round, const char *person,
                             const char *competence, guint level, const DkContext *ctx,
                             GError **error);
gboolean dk_store_rate_motivation (DkStore *store, const char *round, const char *person,
                                   const char *competence, guint level, const DkContext *ctx,
                                   GError **error);
/* The marker in an audit row's new value ("3 (paper)") of a level that
 * someone entered for the person from a paper form. */
#define DK_ENTERED_FROM_PAPER "paper"

/* Sets PERSON's self level (MOTIVATION: their motivation) as they wrote it
 * on a paper form, entered for them by CTX's actor: their recorded manager
 * or "hr:NAME", else REFUSED.  The audit row names both (actor and person)
 * and its new value says DK_ENTERED_FROM_PAPER.  The rating becomes
 * shared, as the person gave the form to the manager (audited too); they
 * can still change it.  One transaction; thread-safe like the above. */
gboolean dk_store_rate_from_paper (DkStore *store, const char *round, const char *person,
                                   const char *competence, guint level, gboolean motivation,
                                   const DkContext *ctx, GError **error);
/* CTX's actor is the manager's external id or "hr:NAME".  Refused unless
 * the actor is the person's manager or HR, REASON is given, the round is
 * open and the self-rating is shared. */
gboolean dk_store_rate_manager (DkStore *store, const char *round, const char *person,
                                const char *competence, guint level, const char *reason,
                                const DkContext *ctx, GError **error);
gboolean dk_store_share (DkStore *store, const char *round, const char *person,
                         const DkContext *ctx, GError **error);
/* Records that PERSON's conversation in ROUND was held on DATE (YYYY-MM-DD,
 * from the round's opening to today by CTX's clock).  Refused before the
 * self-rating is shared; a DATE that is no date or outside that span is
 * INVALID. */
gboolean dk_store_conversation_held (DkStore *store, const char *round, const char *person,
                                     const char *date, const DkContext *ctx, GError **error);

/* The last audited change of one value of an assessment. */
typedef struct {
  char *at;          /* YYYY-MM-DDTHH:MM:SS */
  char *actor;
  char *new_value;
} DkValueChange;

void dk_value_change_free (DkValueChange *change);

/* Returns the last audited change of each rating value of PERSON (store id)
 * in ROUND: a table from the audit field ("manager 1.1", "self 1.2",
 * "conversation", "shared") to DkValueChange*; caller owns.  Reads the
 * person's audit rows (one indexed query). */
GHashTable *dk_store_value_changes (DkStore *store, gint64 round, gint64 person, GError **error);

/* Returns the store ids of the people of ROUND with values set by hand
 * (DkAssessment.hand), ascending (gint64; caller owns).  Reads only their
 * rows (an index holds them). */
GArray *dk_store_round_hand_people (DkStore *store, gint64 round, GError **error);

/* Return FALSE to stop early. */
typedef gboolean (*DkPersonIdFunc) (gint64 person, gpointer user_data);

/* Calls FUNC with the store id of each person in ROUND (store id), in
 * ascending order; an erased person's row in a closed round has a
 * negative id.  Reads only the round's index of people, not their rows.
 * Returns FALSE with ERROR on a store failure, even after some ids. */
gboolean dk_store_round_people (DkStore *store, gint64 round, DkPersonIdFunc func, gpointer user_data,
                                GError **error);

/* One row of a round scan; LEVELS points at the packed blob (valid only
 * during the callback). */
typedef struct {
  gint64        person_id;
  gint64        unit_id;
  guint         role;
  DkGender      gender;
  guint         flags;
  guint         n;
  const guint8 *self;
  const guint8 *manager;
  const guint8 *motivation;
  guint64       hand[3];      /* DK_SCAN_HAND: as in DkAssessment */
  guint         hand_flags;
  const char   *conversation_at;  /* DK_SCAN_HAND: or NULL */
  gint64        manager_id;   /* DK_SCAN_MANAGER: the person's recorded manager now, 0 when
                               * none or the person is no longer active */
} DkScanRow;

/* Return FALSE to stop the scan early. */
typedef gboolean (*DkScanFunc) (const DkScanRow *row, gpointer user_data);

/* What a scan reads besides the unit, role, flags and levels: each column
 * fetched costs a tenth of a full report's time at a million people.  A
 * column not read is 0 in every row. */
typedef enum {
  DK_SCAN_PERSON = 1 << 0,
  DK_SCAN_GENDER = 1 << 1,
  DK_SCAN_HAND   = 1 << 2,   /* the values set by hand (imports) */
  DK_SCAN_MANAGER = 1 << 3,  /* reads the people's table beside the round */
  DK_SCAN_ALL    = DK_SCAN_PERSON | DK_SCAN_GENDER,
} DkScanColumns;

/* Calls FUNC for every assessment of ROUND (store id) in person order, with
 * one prepared statement reading COLUMNS (and one more for the managers).
 * Returns FALSE with ERROR on a store failure, an interrupted or busy store
 * included, even after some rows: a caller never takes a scan cut short for
 * the whole round. */
gboolean dk_store_round_scan (DkStore *store, gint64 round, DkScanColumns columns, DkScanFunc func,
                              gpointer user_data, GError **error);

/* ---- records: the rows of a question, for a caller to render ---------------- */

/* Rows of text under named columns: the answer to a question whose rows
 * the caller shows as they come (a table of a report, a list in a person's
 * export).  A number is its decimal text; a value may be NULL (none). */
typedef struct _DkRecords DkRecords;
void dk_records_free (DkRecords *records);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkRecords, dk_records_free)
guint dk_records_n_columns (const DkRecords *records);
/* Returns column COL's name (owned by RECORDS). */
const char *dk_records_column (const DkRecords *records, guint col);
guint dk_records_n_rows (const DkRecords *records);
/* Returns the value at ROW, COL (owned by RECORDS), or NULL. */
const char *dk_records_text (const DkRecords *records, guint row, guint col);
/* Returns the value at ROW, COL as a number (0 for none). */
double dk_records_number (const DkRecords *records, guint row, guint col);

/* Each returns new records (free with dk_records_free), or NULL with ERROR.
 * UNIT, where taken, limits to the people in that unit path and below it
 * (NULL: everyone); FROM and TO, to the dates from FROM to TO inclusive
 * (YYYY-MM-DD; NULL: unbounded). */

/* A person's plans and their items (round, state, agreed_at, agreed_by,
 * competence, target, activity, wish, due, status), oldest plan first. */
DkRecords *dk_store_person_plan_items (DkStore *store, gint64 person, GError **error);
/* A person's plans' follow-ups (round, held_on, notes, recorded_by, recorded_at). */
DkRecords *dk_store_person_follow_ups (DkStore *store, gint64 person, GError **error);
/* A person's participation (activity, date, hours, status), by date. */
DkRecords *dk_store_person_participation (DkStore *store, gint64 person, GError **error);

/* The wished-for activities the plans of ROUND name, per competence, wish
 * and the unit the plans' people are placed in (competence, wish, unit: its
 * store id, NULL for none; plans: how many plans name it, plan_ids: their
 * store ids, comma-separated), by competence, wish and unit. */
DkRecords *dk_store_plan_wishes_by_unit (DkStore *store, gint64 round, GError **error);
/* The plan items of ROUND that are not cancelled, per competence and the
 * unit their people are placed in (competence, unit: its store id, NULL for
 * none; items, people, done), by competence and unit. */
DkRecords *dk_store_plan_goals_by_unit (DkStore *store, gint64 round, GError **error);

/* All participation (attended or completed) per participant, kind of
 * activity ("?" for an activity no longer in the catalogue) and month, by
 * person, kind and month (person: store id, unit: the path where they are
 * placed, NULL for none; gender: F, M, X or empty; kind, month: YYYY-MM,
 * hours).  The participation report protects every period it accepts at
 * once, so it reads them all. */
DkRecords *dk_store_participation_by_month (DkStore *store, GError **error);

/* ---- audit ----------------------------------------------------------------- */

/* Appends an audit row.  PERSON and ROUND are store ids or 0.  Who acts and
 * when are CTX's (dk_context_actor, dk_context_now_local): core never
 * guesses them from the process. */
gboolean dk_store_audit (DkStore *store, const DkContext *ctx, const char *entity,
                         gint64 person, gint64 round, const char *field,
                         const char *old_value, const char *new_value, GError **error);

#endif
