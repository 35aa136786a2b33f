/*
 * store-round.c — rounds, registration, assessments, the rules of the
 * conversation (who may change which level when), and the round scan.
 */
#include "hint.h"
#include "store-private.h"
#include "date.h"

#include <string.h>

/* ---- rounds ------------------------------------------------------------------ */

/* Counting a round's people reads the whole round: only listings ask for it. */
#define ROUND_COLUMNS                                                                    \
  "r.id, r.code, r.title, f.code, f.version, r.state = 'open', r.opened_at, r.closed_at,"\
  " -1, r.framework_id FROM round r JOIN framework f ON f.id = r.framework_id"

void
dk_round_free (DkRound *r)
{
  if (r == NULL)
    return;
  g_free (r->code);
  g_free (r->title);
  g_free (r->framework_id);
  g_free (r->framework_version);
  g_free (r->opened_at);
  g_free (r->closed_at);
  g_free (r);
}

static DkRound *
round_from_row (sqlite3_stmt *stmt)
{
  DkRound *r = g_new0 (DkRound, 1);
  r->id = sqlite3_column_int64 (stmt, 0);
  r->code = dk_store_column_dup (stmt, 1);
  r->title = dk_store_column_dup (stmt, 2);
  r->framework_id = dk_store_column_dup (stmt, 3);
  r->framework_version = dk_store_column_dup (stmt, 4);
  r->open = sqlite3_column_int (stmt, 5) != 0;
  r->opened_at = dk_store_column_dup (stmt, 6);
  r->closed_at = dk_store_column_dup (stmt, 7);
  r->registered = sqlite3_column_int64 (stmt, 8);
  r->framework_rowid = sqlite3_column_int64 (stmt, 9);
  return r;
}

GPtrArray *
dk_store_rounds (DkStore *store, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare_kept (store, "SELECT " ROUND_COLUMNS " ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;
  GPtrArray *rounds = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_round_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading rounds"), error)) == DK_STORE_STEP_ROW)
    g_ptr_array_add (rounds, round_from_row (stmt));
  dk_store_release (store, stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&rounds, g_ptr_array_unref);
  return rounds;
}

gint64
dk_store_round_registered (DkStore *store, const DkRound *round, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (store, "SELECT count(*) FROM assessment WHERE round_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, round->id);
  gint64 n = dk_store_step (store, stmt, S_("reading a round"), error) == DK_STORE_STEP_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_finalize (stmt);
  return n;
}

static DkRound *
open_round (DkStore *store, GError **error)
{
  g_autoptr (GPtrArray) rounds = dk_store_rounds (store, error);
  if (rounds == NULL)
    return NULL;
  DkRound *found = NULL;
  guint n_open = 0;
  for (guint i = 0; i < rounds->len; i++)
    {
      DkRound *r = g_ptr_array_index (rounds, i);
      if (r->open)
        {
          n_open++;
          found = r;
        }
    }
  if (n_open == 1)
    {
      g_ptr_array_set_free_func (rounds, NULL);
      for (guint i = 0; i < rounds->len; i++)
        if (g_ptr_array_index (rounds, i) != found)
          dk_round_free (g_ptr_array_index (rounds, i));
      return found;
    }
  if (n_open == 0)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND, S_("no open round"));
      dk_error_set_hint (error, DK_HINT_ROUND_OPEN, NULL, NULL);
    }
  else
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND, S_("several rounds are open"));
      dk_error_set_hint (error, DK_HINT_ROUND_NAME, NULL, NULL);
    }
  return NULL;
}

DkRound *
dk_store_round (DkStore *store, const char *code, GError **error)
{
  if (code == NULL)
    return open_round (store, error);
  sqlite3_stmt *stmt = dk_store_prepare_kept (store, "SELECT " ROUND_COLUMNS " WHERE r.code = ?", error);
  if (stmt == NULL)
    return NULL;
  dk_store_bind_text (stmt, 1, code);
  DkRound *r = NULL;
  DkStoreStep step = dk_store_step (store, stmt, S_("reading rounds"), error);
  if (step == DK_STORE_STEP_ROW)
    r = round_from_row (stmt);
  else if (step == DK_STORE_STEP_DONE)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID, S_("no such round: '%s'"), code);
      dk_error_set_hint (error, DK_HINT_ROUND_LIST, NULL, NULL);
    }
  dk_store_release (store, stmt);
  return r;
}

DkRound *
dk_store_round_previous (DkStore *store, const DkRound *round, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT " ROUND_COLUMNS " WHERE r.id < ? ORDER BY r.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round->id);
  DkRound *r = dk_store_step (store, stmt, S_("reading rounds"), error) == DK_STORE_STEP_ROW
                   ? round_from_row (stmt) : NULL;
  sqlite3_finalize (stmt);
  return r;
}

DkFramework *
dk_store_round_framework (DkStore *store, const DkRound *round, GError **error)
{
  return dk_store_framework_by_rowid (store, round->framework_rowid, error);
}

gboolean
dk_store_round_register_active (DkStore *store, const DkRound *round, const DkFramework *fw,
                                GError **error)
{
  /* The role index is the framework's; the CASE maps role ids with bound
   * parameters.  People whose role the framework lacks are not registered. */
  guint n_roles = dk_framework_n_roles (fw);
  g_autoptr (GString) sql = g_string_new (
      "INSERT OR IGNORE INTO assessment (round_id, person_id, unit_id, role, gender, levels)"
      " SELECT ?1, p.id, p.unit_id, CASE p.role");
  for (guint r = 0; r < n_roles; r++)
    g_string_append_printf (sql, " WHEN ?%u THEN %u", r + 3, r);
  g_string_append (sql, " END, CASE p.gender WHEN 'F' THEN 1 WHEN 'M' THEN 2 WHEN 'X' THEN 3"
                        " ELSE 0 END, zeroblob(?2) FROM person p WHERE p.active AND p.role IN (");
  for (guint r = 0; r < n_roles; r++)
    g_string_append_printf (sql, "%s?%u", r ? ", " : "", r + 3);
  g_string_append (sql, ")");

  sqlite3_stmt *stmt = dk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round->id);
  sqlite3_bind_int (stmt, 2, (int) DK_ASSESSMENT_BLOB_SIZE (dk_framework_n_competences (fw)));
  for (guint r = 0; r < n_roles; r++)
    dk_store_bind_text (stmt, (int) r + 3, dk_framework_role (fw, r)->id);
  gboolean ok = dk_store_step_done (store, stmt, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
dk_store_round_open (DkStore *store, const char *code, const char *title, const char *fw_id,
                     const char *fw_version, const DkContext *ctx, GError **error)
{
  if (code[0] == '\0' || code[0] == '-')
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
                   S_("round id '%s' is empty or begins with '-', which a command reads as an option; "
                     "give the round an id that begins with a letter or a digit"), code);
      return FALSE;
    }
  gint64 fw_rowid = dk_store_framework_rowid (store, fw_id, fw_version, error);
  if (fw_rowid == 0)
    return FALSE;
  g_autoptr (DkFramework) fw = dk_store_framework_by_rowid (store, fw_rowid, error);
  if (fw == NULL || !dk_store_begin (store, error))
    return FALSE;
  g_autofree char *today = dk_context_today (ctx);
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "INSERT INTO round (code, title, framework_id, state, opened_at)"
             " VALUES (?, ?, ?, 'open', ?)", error);
  gboolean ok = stmt != NULL;
  if (ok)
    {
      dk_store_bind_text (stmt, 1, code);
      dk_store_bind_text (stmt, 2, title);
      sqlite3_bind_int64 (stmt, 3, fw_rowid);
      dk_store_bind_text (stmt, 4, today);
      if (sqlite3_step (stmt) == SQLITE_CONSTRAINT)
        {
          g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_EXISTS,
                       S_("round %s exists already"), code);
          ok = FALSE;
        }
      else if (sqlite3_errcode (store->db) != SQLITE_DONE)
        ok = dk_store_sql_error (store, S_("opening a round"), error);
      sqlite3_finalize (stmt);
    }
  g_autoptr (DkRound) round = ok ? dk_store_round (store, code, error) : NULL;
  ok = round != NULL && dk_store_round_register_active (store, round, fw, error)
       && dk_store_audit (store, ctx, "round", 0, round->id, "state", NULL, "open", error)
       && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

gboolean
dk_store_round_close (DkStore *store, const char *code, const DkContext *ctx, GError **error)
{
  g_autoptr (DkRound) round = dk_store_round (store, code, error);
  if (round == NULL)
    return FALSE;
  if (!round->open)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
                   S_("round %s is closed already"), code);
      return FALSE;
    }
  g_autofree char *today = dk_context_today (ctx);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = dk_store_begin (store, error)
                && (stmt = dk_store_prepare (store, "UPDATE round SET state = 'closed',"
                                                    " closed_at = ? WHERE id = ?", error)) != NULL;
  if (ok)
    {
      dk_store_bind_text (stmt, 1, today);
      sqlite3_bind_int64 (stmt, 2, round->id);
      ok = dk_store_step_done (store, stmt, error);
    }
  sqlite3_finalize (stmt);
  ok = ok && dk_store_audit (store, ctx, "round", 0, round->id, "state", "open", "closed", error)
       && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}

/* ---- assessments -------------------------------------------------------------- */

void
dk_assessment_free (DkAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->shared_at);
  g_free (a->conversation_at);
  g_free (a);
}

/* The hand column: three 64-bit masks, little-endian, and a flags byte;
 * NULL when nothing was set by hand. */
#define HAND_BLOB_SIZE 25

static void
unpack_hand (const guint8 *blob, gsize len, guint64 hand[3], guint *flags)
{
  memset (hand, 0, 3 * sizeof (guint64));
  *flags = 0;
  if (blob == NULL || len != HAND_BLOB_SIZE)
    return;
  for (guint k = 0; k < 3; k++)
    for (guint i = 0; i < 8; i++)
      hand[k] |= (guint64) blob[8 * k + i] << (8 * i);
  *flags = blob[24];
}

/* Packs A's hand into BLOB; returns FALSE when nothing was set by hand. */
static gboolean
pack_hand (const DkAssessment *a, guint8 blob[HAND_BLOB_SIZE])
{
  if ((a->hand[0] | a->hand[1] | a->hand[2]) == 0 && a->hand_flags == 0)
    return FALSE;
  for (guint k = 0; k < 3; k++)
    for (guint i = 0; i < 8; i++)
      blob[8 * k + i] = (guint8) (a->hand[k] >> (8 * i));
  blob[24] = (guint8) a->hand_flags;
  return TRUE;
}

static void
unpack_levels (DkAssessment *a, const guint8 *blob, gsize len)
{
  a->n = MIN ((guint) (len / 3), DK_MAX_COMPETENCES);
  memcpy (a->self, blob, a->n);
  memcpy (a->manager, blob + len / 3, a->n);
  memcpy (a->motivation, blob + 2 * (len / 3), a->n);
}

/* The columns assessment_from_row reads, after the person's id. */
#define ASSESSMENT_COLUMNS \
  "a.person_id, a.unit_id, a.role, a.gender, a.flags, a.shared_at, a.conversation_at, a.levels, a.hand"

/* Returns the assessment in ROUND of STMT's row, whose ASSESSMENT_COLUMNS
 * start at column I. */
static DkAssessment *
assessment_from_row (sqlite3_stmt *stmt, int i, gint64 round)
{
  DkAssessment *a = g_new0 (DkAssessment, 1);
  a->round_id = round;
  a->person_id = sqlite3_column_int64 (stmt, i);
  a->unit_id = sqlite3_column_int64 (stmt, i + 1);
  a->role = (guint) sqlite3_column_int (stmt, i + 2);
  a->gender = (DkGender) sqlite3_column_int (stmt, i + 3);
  a->flags = (guint) sqlite3_column_int (stmt, i + 4);
  a->shared_at = dk_store_column_dup (stmt, i + 5);
  a->conversation_at = dk_store_column_dup (stmt, i + 6);
  unpack_levels (a, sqlite3_column_blob (stmt, i + 7), (gsize) sqlite3_column_bytes (stmt, i + 7));
  unpack_hand (sqlite3_column_blob (stmt, i + 8), (gsize) sqlite3_column_bytes (stmt, i + 8), a->hand,
               &a->hand_flags);
  return a;
}

DkAssessment *
dk_store_assessment (DkStore *store, gint64 round, gint64 person, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT " ASSESSMENT_COLUMNS " FROM assessment a WHERE a.round_id = ? AND a.person_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, person);
  DkAssessment *a = NULL;
  DkStoreStep step = dk_store_step (store, stmt, S_("reading an assessment"), error);
  if (step == DK_STORE_STEP_ROW)
    a = assessment_from_row (stmt, 0, round);
  else if (step == DK_STORE_STEP_DONE)
    g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND,
                 S_("the person is not registered in this round"));
  sqlite3_finalize (stmt);
  return a;
}

void
dk_team_member_free (DkTeamMember *m)
{
  if (m == NULL)
    return;
  g_free (m->ext_id);
  g_free (m->name);
  dk_assessment_free (m->a);
  g_free (m->plan_state);
  g_free (m);
}

GPtrArray *
dk_store_team_members (DkStore *store, gint64 round, gint64 manager, GError **error)
{
  /* LEFT JOINs: the team by person_manager, then each one's rows by their
   * keys (an inner join let SQLite read the whole round instead) */
  sqlite3_stmt *stmt = dk_store_prepare_kept (
      store, "SELECT p.id, p.ext_id, p.name, pl.state, " ASSESSMENT_COLUMNS " FROM person p"
             " LEFT JOIN assessment a ON a.round_id = ?1 AND a.person_id = p.id"
             " LEFT JOIN plan pl ON pl.round_id = ?1 AND pl.person_id = p.id"
             " WHERE p.manager_id = ?2 AND p.active", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, manager);
  GPtrArray *team = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_team_member_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading an assessment"), error)) == DK_STORE_STEP_ROW)
    {
      DkTeamMember *m = g_new0 (DkTeamMember, 1);
      m->person_id = sqlite3_column_int64 (stmt, 0);
      m->ext_id = dk_store_column_dup (stmt, 1);
      m->name = dk_store_column_dup (stmt, 2);
      m->plan_state = dk_store_column_dup (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        m->a = assessment_from_row (stmt, 4, round);
      g_ptr_array_add (team, m);
    }
  dk_store_release (store, stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&team, g_ptr_array_unref);
  return team;
}

void
dk_assessment_pack (const DkAssessment *a, guint8 *blob)
{
  memcpy (blob, a->self, a->n);
  memcpy (blob + a->n, a->manager, a->n);
  memcpy (blob + 2 * a->n, a->motivation, a->n);
}

/* Binds the fields of A to STMT in the order the two statements share;
 * HAND is A's packed hand. */
static void
bind_assessment (sqlite3_stmt *stmt, const DkAssessment *a, const guint8 *blob, const guint8 *hand)
{
  sqlite3_bind_int64 (stmt, 1, a->round_id);
  sqlite3_bind_int64 (stmt, 2, a->person_id);
  sqlite3_bind_int64 (stmt, 3, a->unit_id);
  sqlite3_bind_int (stmt, 4, (int) a->role);
  sqlite3_bind_int (stmt, 5, (int) a->gender);
  sqlite3_bind_int (stmt, 6, (int) a->flags);
  dk_store_bind_static (stmt, 7, a->shared_at);
  dk_store_bind_static (stmt, 8, a->conversation_at);
  sqlite3_bind_blob (stmt, 9, blob, (int) DK_ASSESSMENT_BLOB_SIZE (a->n), SQLITE_STATIC);
  if (hand != NULL)
    sqlite3_bind_blob (stmt, 10, hand, HAND_BLOB_SIZE, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 10);
}

gboolean
dk_store_assessment_put (DkStore *store, const DkAssessment *a, GError **error)
{
  /* Most rows exist (registered when the round opened): an UPDATE finds them
   * with one seek, where an upsert would try an insert first. */
  if (store->assessment_update == NULL
      && (store->assessment_update = dk_store_prepare (
              store, "UPDATE assessment SET unit_id = ?3, role = ?4, gender = ?5, flags = ?6,"
                     " shared_at = ?7, conversation_at = ?8, levels = ?9, hand = ?10"
                     " WHERE round_id = ?1 AND person_id = ?2", error)) == NULL)
    return FALSE;
  if (store->assessment_put == NULL
      && (store->assessment_put = dk_store_prepare (
              store, "INSERT INTO assessment (round_id, person_id, unit_id, role, gender,"
                     " flags, shared_at, conversation_at, levels, hand) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              error)) == NULL)
    return FALSE;
  guint8 blob[DK_ASSESSMENT_BLOB_SIZE (DK_MAX_COMPETENCES)];
  dk_assessment_pack (a, blob);
  guint8 hand_blob[HAND_BLOB_SIZE];
  const guint8 *hand = pack_hand (a, hand_blob) ? hand_blob : NULL;
  bind_assessment (store->assessment_update, a, blob, hand);
  if (!dk_store_step_once (store, store->assessment_update, error))
    return FALSE;
  if (sqlite3_changes (store->db) > 0)
    return TRUE;
  bind_assessment (store->assessment_put, a, blob, hand);
  return dk_store_step_once (store, store->assessment_put, error);
}

void
dk_rating_note_free (DkRatingNote *note)
{
  if (note == NULL)
    return;
  g_free (note->competence);
  g_free (note->comment);
  g_free (note->reason);
  g_free (note->adjusted_by);
  g_free (note->adjusted_at);
  g_free (note);
}

GPtrArray *
dk_store_rating_notes (DkStore *store, gint64 round, gint64 person, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT competence, comment, reason, adjusted_by, adjusted_at FROM rating_note"
             " WHERE round_id = ? AND person_id = ? ORDER BY competence", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, person);
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) dk_rating_note_free);
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, S_("reading notes"), error)) == DK_STORE_STEP_ROW)
    {
      DkRatingNote *n = g_new0 (DkRatingNote, 1);
      n->competence = dk_store_column_dup (stmt, 0);
      n->comment = dk_store_column_dup (stmt, 1);
      n->reason = dk_store_column_dup (stmt, 2);
      n->adjusted_by = dk_store_column_dup (stmt, 3);
      n->adjusted_at = dk_store_column_dup (stmt, 4);
      g_ptr_array_add (notes, n);
    }
  sqlite3_finalize (stmt);
  if (step == DK_STORE_STEP_ERROR)
    g_clear_pointer (&notes, g_ptr_array_unref);
  return notes;
}

gboolean
dk_store_rating_note_put (DkStore *store, gint64 round, gint64 person, const char *competence,
                          const char *comment, const char *reason, const DkContext *ctx,
                          GError **error)
{
  if (store->note_put == NULL)
    {
      store->note_put = dk_store_prepare (
          store,
          "INSERT INTO rating_note (round_id, person_id, competence, comment, reason, adjusted_by,"
          " adjusted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?5 IS NULL THEN NULL ELSE ?7 END)"
          " ON CONFLICT (round_id, person_id, competence) DO UPDATE SET"
          " comment = coalesce(?4, comment), reason = coalesce(?5, reason),"
          /* who adjusted, and when, change with the reason only: a re-import of
           * the same reason leaves the note as it was */
          " adjusted_by = CASE WHEN ?5 IS NOT reason THEN coalesce(?6, adjusted_by) ELSE adjusted_by END,"
          " adjusted_at = CASE WHEN ?5 IS NOT reason THEN coalesce(excluded.adjusted_at, adjusted_at)"
          " ELSE adjusted_at END",
          error);
      if (store->note_put == NULL)
        return FALSE;
    }
  sqlite3_stmt *stmt = store->note_put;
  sqlite3_bind_int64 (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, person);
  dk_store_bind_static (stmt, 3, competence);
  dk_store_bind_static (stmt, 4, comment);
  dk_store_bind_static (stmt, 5, reason);
  dk_store_bind_static (stmt, 6, reason != NULL ? dk_context_actor (ctx) : NULL);
  /* the local time, formatted once a second rather than by SQLite per row */
  dk_store_bind_static (stmt, 7, dk_store_now (store, ctx));
  return dk_store_step_once (store, stmt, error);
}

/* ---- the rules of the conversation ---------------------------------------------- */

char *
dk_level_text (guint level)
{
  if (level == DK_LEVEL_NONE)
    return g_strdup ("");
  if (level == DK_LEVEL_DONT_KNOW)
    return g_strdup ("?");
  return g_strdup_printf ("%u", level);
}

gboolean
dk_rating_changeable (const DkRound *round, const DkPerson *person, DkLang lang, GError **error)
{
  if (!round->open)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
                   T_ (lang, "round %s is closed; ratings can no longer change"), round->code);
      dk_error_set_hint (error, DK_HINT_ROUND_OPEN_LIST, NULL, NULL);
      return FALSE;
    }
  if (!person->active)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
                   T_ (lang, "%s has left (inactive); import the roster with %s in it first"),
                   person->ext_id, person->ext_id);
      return FALSE;
    }
  return TRUE;
}

/* Everything one change needs, looked up and checked in one place. */
typedef struct {
  DkRound      *round;
  DkPerson     *person;
  DkFramework  *fw;
  DkAssessment *a;
  guint         comp;
} Change;

/* Ends the change: rolls back what change_commit did not commit. */
static void
change_clear (DkStore *store, Change *c)
{
  dk_store_rollback (store);
  dk_round_free (c->round);
  dk_person_free (c->person);
  dk_framework_free (c->fw);
  dk_assessment_free (c->a);
}

/* Registers a person who was not active when the round opened. */
static DkAssessment *
register_person (const DkRound *round, const DkPerson *p, const DkFramework *fw, DkLang lang,
                 GError **error)
{
  const DkRole *role = dk_framework_role_by_id (fw, p->role);
  if (role == NULL)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
                   T_ (lang, "%s has the role %s, which framework %s does not have"), p->ext_id,
                   p->role, dk_framework_id (fw));
      return NULL;
    }
  DkAssessment *a = g_new0 (DkAssessment, 1);
  a->round_id = round->id;
  a->person_id = p->id;
  a->unit_id = p->unit_id;
  a->role = role->index;
  a->gender = p->gender;
  a->n = dk_framework_n_competences (fw);
  return a;
}

static gboolean
change_begin (DkStore *store, const char *round, const char *person, const char *competence,
              Change *c, GError **error)
{
  memset (c, 0, sizeof *c);
  /* The write lock first, then the read: an assessment is read, changed and
   * written back whole, so another process's change between the read and
   * the write would be lost (and a read transaction upgraded to a write one
   * fails with SQLITE_BUSY at once, without waiting). */
  if (!dk_store_begin (store, error)
      || (c->round = dk_store_round (store, round, error)) == NULL
      || (c->person = dk_store_person (store, person, error)) == NULL
      || (c->fw = dk_store_round_framework (store, c->round, error)) == NULL
      || !dk_rating_changeable (c->round, c->person, store->lang, error))
    return FALSE;
  g_autoptr (GError) missing = NULL;
  c->a = dk_store_assessment (store, c->round->id, c->person->id, &missing);
  if (c->a == NULL && !g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
    {
      /* a failing read is not "not registered": registering would blank the levels */
      g_propagate_error (error, g_steal_pointer (&missing));
      return FALSE;
    }
  if (c->a == NULL && (c->a = register_person (c->round, c->person, c->fw, store->lang, error)) == NULL)
    return FALSE;
  if (competence == NULL)
    return TRUE;
  const DkCompetence *comp = dk_framework_competence_by_id (c->fw, competence);
  if (comp == NULL)
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID,
                   S_("no such competence: '%s' in framework %s"), competence, dk_framework_id (c->fw));
      return FALSE;
    }
  if (!dk_framework_applies (c->fw, c->a->role, comp->index))
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
                   S_("competence %s does not apply to %s's role (%s)"), competence,
                   c->person->ext_id, c->person->role);
      return FALSE;
    }
  c->comp = comp->index;
  return TRUE;
}

static gboolean
level_on_scale (const DkScale *scale, guint level, gboolean dont_know_ok, DkLang lang, GError **error)
{
  if ((level == DK_LEVEL_DONT_KNOW && dont_know_ok) || (level >= scale->min && level <= scale->max))
    return TRUE;
  g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
               T_ (lang, "level must be between %u and %u%s"), scale->min, scale->max,
               dont_know_ok ? T_ (lang, " or ? (don't know)") : "");
  return FALSE;
}

/* Writes the changed assessment and its audit row, and commits the
 * transaction change_begin opened. */
static gboolean
change_commit (DkStore *store, Change *c, const DkContext *ctx, const char *field,
               const char *old_value, const char *new_value, GError **error)
{
  return dk_store_assessment_put (store, c->a, error)
         && dk_store_audit (store, ctx, "rating", c->person->id, c->round->id, field,
                            old_value, new_value, error)
         && dk_store_commit (store, error);
}

static gboolean
may_adjust (const Change *c, const char *by, DkLang lang, GError **error)
{
  if (g_str_has_prefix (by, "hr:") && by[3] != '\0')
    return TRUE;
  if (c->person->manager_ext_id != NULL && strcmp (c->person->manager_ext_id, by) == 0)
    return TRUE;
  g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
               T_ (lang, "%s is not %s's manager; only the recorded manager (%s) or HR (--by hr:NAME) may adjust"),
               by, c->person->ext_id,
               c->person->manager_ext_id != NULL ? c->person->manager_ext_id : T_ (lang, "none"));
  return FALSE;
}

/* Marks C's rating shared, as the person's giving the paper form to their
 * manager shares it, and audits that it was (in C's transaction). */
static gboolean
share_from_paper (DkStore *store, Change *c, const DkContext *ctx, GError **error)
{
  if (c->a->flags & DK_ASSESS_SHARED)
    return TRUE;
  c->a->flags |= DK_ASSESS_SHARED;
  c->a->hand_flags |= DK_ASSESS_SHARED;
  c->a->shared_at = dk_context_today (ctx);
  return dk_store_audit (store, ctx, "rating", c->person->id, c->round->id, "shared", "no",
                         "yes (" DK_ENTERED_FROM_PAPER ")", error);
}

/* Sets one self or motivation level; with PAPER entered by CTX's actor for
 * the person from a paper form (dk_store_rate_from_paper). */
static gboolean
rate_byte (DkStore *store, const char *round, const char *person, const char *competence,
           guint level, gboolean motivation, gboolean paper, const DkContext *ctx, GError **error)
{
  Change c;
  gboolean ok = change_begin (store, round, person, competence, &c, error)
                && (!paper || may_adjust (&c, dk_context_actor (ctx), store->lang, error))
                && level_on_scale (motivation ? dk_framework_motivation_scale (c.fw)
                                              : dk_framework_scale (c.fw),
                                   level, !motivation, store->lang, error)
                && (!paper || share_from_paper (store, &c, ctx, error));
  if (ok)
    {
      guint8 *slot = motivation ? &c.a->motivation[c.comp] : &c.a->self[c.comp];
      g_autofree char *old_value = dk_level_text (*slot);
      g_autofree char *level_value = dk_level_text (level);
      g_autofree char *new_value = paper ? g_strdup_printf ("%s (%s)", level_value, DK_ENTERED_FROM_PAPER)
                                         : g_strdup (level_value);
      g_autofree char *field = g_strdup_printf ("%s %s", motivation ? "motivation" : "self",
                                                competence);
      *slot = (guint8) level;
      c.a->hand[motivation ? DK_HAND_MOTIVATION : DK_HAND_SELF] |= G_GUINT64_CONSTANT (1) << c.comp;
      ok = change_commit (store, &c, ctx, field, old_value, new_value, error);
    }
  change_clear (store, &c);
  return ok;
}

gboolean
dk_store_rate_self (DkStore *store, const char *round, const char *person,
                    const char *competence, guint level, const DkContext *ctx, GError **error)
{
  return rate_byte (store, round, person, competence, level, FALSE, FALSE, ctx, error);
}

gboolean
dk_store_rate_motivation (DkStore *store, const char *round, const char *person,
                          const char *competence, guint level, const DkContext *ctx, GError **error)
{
  return rate_byte (store, round, person, competence, level, TRUE, FALSE, ctx, error);
}

gboolean
dk_store_rate_from_paper (DkStore *store, const char *round, const char *person,
                          const char *competence, guint level, gboolean motivation,
                          const DkContext *ctx, GError **error)
{
  return rate_byte (store, round, person, competence, level, motivation, TRUE, ctx, error);
}

static gboolean
shared_or_refuse (const Change *c, const char *what, DkLang lang, GError **error)
{
  if (c->a->flags & DK_ASSESS_SHARED)
    return TRUE;
  g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED,
               T_ (lang, "%s has not shared the self-rating yet, so %s is not possible"), c->person->ext_id, what);
  dk_error_set_hint (error, DK_HINT_SHARE, c->person->ext_id, NULL);
  return FALSE;
}

gboolean
dk_store_rate_manager (DkStore *store, const char *round, const char *person,
                       const char *competence, guint level, const char *reason, const DkContext *ctx,
                       GError **error)
{
  const char *by = dk_context_actor (ctx);
  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
                   S_("a manager adjustment needs a reason (--reason TEXT)"));
      return FALSE;
    }
  Change c;
  gboolean ok = change_begin (store, round, person, competence, &c, error)
                && may_adjust (&c, by, store->lang, error)
                && shared_or_refuse (&c, S_("an adjustment"), store->lang, error)
                && level_on_scale (dk_framework_scale (c.fw), level, FALSE, store->lang, error);
  if (ok)
    {
      g_autofree char *old_value = dk_level_text (c.a->manager[c.comp]);
      g_autofree char *new_value = g_strdup_printf ("%u (%s)", level, reason);
      g_autofree char *field = g_strdup_printf ("manager %s", competence);
      c.a->manager[c.comp] = (guint8) level;
      c.a->hand[DK_HAND_MANAGER] |= G_GUINT64_CONSTANT (1) << c.comp;
      ok = dk_store_assessment_put (store, c.a, error)
           && dk_store_rating_note_put (store, c.round->id, c.person->id, competence, NULL,
                                        reason, ctx, error)
           && dk_store_audit (store, ctx, "rating", c.person->id, c.round->id, field, old_value,
                              new_value, error)
           && dk_store_commit (store, error);
    }
  change_clear (store, &c);
  return ok;
}

gboolean
dk_store_share (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                GError **error)
{
  Change c;
  gboolean ok = change_begin (store, round, person, NULL, &c, error);
  if (ok && !(c.a->flags & DK_ASSESS_SHARED))
    {
      c.a->flags |= DK_ASSESS_SHARED;
      c.a->hand_flags |= DK_ASSESS_SHARED;
      c.a->shared_at = dk_context_today (ctx);
      ok = change_commit (store, &c, ctx, "shared", "no", "yes", error);
    }
  change_clear (store, &c);
  return ok;
}

gboolean
dk_store_conversation_held (DkStore *store, const char *round, const char *person,
                            const char *date, const DkContext *ctx, GError **error)
{
  if (!dk_date_check (date, DK_STORE_ERROR, DK_STORE_ERROR_INVALID, store->lang, error))
    return FALSE;
  Change c;
  gboolean ok = change_begin (store, round, person, NULL, &c, error)
                && shared_or_refuse (&c, S_("a conversation"), store->lang, error);
  g_autofree char *today = dk_context_today (ctx);
  if (ok && (strncmp (date, c.round->opened_at, 10) < 0 || strcmp (date, today) > 0))
    {
      g_set_error (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID,
                   S_("the conversation cannot have been held on %s: round %s opened on %.10s and today is %s"),
                   date, c.round->code, c.round->opened_at, today);
      ok = FALSE;
    }
  if (ok)
    {
      g_autofree char *old_value = g_strdup (c.a->conversation_at);
      c.a->flags |= DK_ASSESS_CONVERSATION;
      c.a->hand_flags |= DK_ASSESS_CONVERSATION;
      g_free (c.a->conversation_at);
      c.a->conversation_at = g_strdup (date);
      ok = change_commit (store, &c, ctx, "conversation", old_value, date, error);
    }
  change_clear (store, &c);
  return ok;
}

void
dk_value_change_free (DkValueChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change->actor);
  g_free (change->new_value);
  g_free (change);
}

GHashTable *
dk_store_value_changes (DkStore *store, gint64 round, gint64 person, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT field, at, actor, new_value FROM audit WHERE person_id = ?1 AND round_id = ?2"
             " AND entity = 'rating' AND field IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int64 (stmt, 2, round);
  GHashTable *changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) dk_value_change_free);
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DkValueChange *c = g_new0 (DkValueChange, 1);
      c->at = dk_store_column_dup (stmt, 1);
      c->actor = dk_store_column_dup (stmt, 2);
      c->new_value = dk_store_column_dup (stmt, 3);
      g_hash_table_replace (changes, dk_store_column_dup (stmt, 0), c);   /* the later wins */
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (changes);
      dk_store_sql_error (store, S_("reading the audit log"), error);
      return NULL;
    }
  return changes;
}

GArray *
dk_store_round_hand_people (DkStore *store, gint64 round, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT person_id FROM assessment INDEXED BY assessment_hand"
             " WHERE round_id = ? AND hand IS NOT NULL ORDER BY person_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (ids);
      dk_store_sql_error (store, S_("reading a round"), error);
      return NULL;
    }
  return ids;
}

gboolean
dk_store_round_people (DkStore *store, gint64 round, DkPersonIdFunc func, gpointer user_data, GError **error)
{
  sqlite3_stmt *stmt = dk_store_prepare (
      store, "SELECT person_id FROM assessment WHERE round_id = ? ORDER BY person_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round);
  const char *what = S_("reading a round");
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, what, error)) == DK_STORE_STEP_ROW
         && func (sqlite3_column_int64 (stmt, 0), user_data))
    ;
  sqlite3_finalize (stmt);
  return step != DK_STORE_STEP_ERROR;
}

/* ---- the scan -------------------------------------------------------------------- */

/* The managers of active people, read beside a round's scan: both go by
 * ascending person id, so one step of each per row joins them without a
 * table of every person's manager or a lookup per row.  The index
 * person_team holds just these rows and columns: a fifth of the pages of
 * the people's rows. */
typedef struct {
  sqlite3_stmt *stmt;      /* NULL: not read */
  gint64        person;    /* the row it stands on; G_MAXINT64 after the last */
  gint64        manager;
} ManagerCursor;

static gboolean
managers_open (DkStore *store, ManagerCursor *c, GError **error)
{
  c->stmt = dk_store_prepare (
      store, "SELECT id, manager_id FROM person WHERE manager_id IS NOT NULL AND active ORDER BY id", error);
  c->person = 0;
  return c->stmt != NULL;
}

/* Returns the manager of PERSON (0: none), PERSON not below the last one
 * asked; FALSE with ERROR on a store failure. */
static gboolean
managers_find (DkStore *store, ManagerCursor *c, gint64 person, const char *what, gint64 *manager,
               GError **error)
{
  while (c->person < person)
    {
      DkStoreStep step = dk_store_step (store, c->stmt, what, error);
      if (step == DK_STORE_STEP_ERROR)
        return FALSE;
      c->person = step == DK_STORE_STEP_ROW ? sqlite3_column_int64 (c->stmt, 0) : G_MAXINT64;
      c->manager = step == DK_STORE_STEP_ROW ? sqlite3_column_int64 (c->stmt, 1) : 0;
    }
  *manager = c->person == person ? c->manager : 0;
  return TRUE;
}

gboolean
dk_store_round_scan (DkStore *store, gint64 round, DkScanColumns columns, DkScanFunc func,
                     gpointer user_data, GError **error)
{
  if (columns & DK_SCAN_MANAGER)
    columns |= DK_SCAN_PERSON;
  g_autofree char *sql = g_strdup_printf (
      "SELECT %s, unit_id, role, %s, flags, levels, %s FROM assessment WHERE round_id = ? ORDER BY person_id",
      (columns & DK_SCAN_PERSON) ? "person_id" : "0", (columns & DK_SCAN_GENDER) ? "gender" : "0",
      (columns & DK_SCAN_HAND) ? "hand, conversation_at" : "NULL, NULL");
  ManagerCursor managers = { 0 };
  sqlite3_stmt *stmt = dk_store_prepare (store, sql, error);
  if (stmt == NULL || ((columns & DK_SCAN_MANAGER) && !managers_open (store, &managers, error)))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, round);
  DkScanRow row = { 0 };
  const char *what = S_("reading a round");   /* once: a lookup per row costs as much as the row */
  DkStoreStep step;
  while ((step = dk_store_step (store, stmt, what, error)) == DK_STORE_STEP_ROW)
    {
      const guint8 *blob = sqlite3_column_blob (stmt, 5);
      guint n = (guint) sqlite3_column_bytes (stmt, 5) / 3;
      row.person_id = sqlite3_column_int64 (stmt, 0);
      row.unit_id = sqlite3_column_int64 (stmt, 1);
      row.role = (guint) sqlite3_column_int (stmt, 2);
      row.gender = (DkGender) sqlite3_column_int (stmt, 3);
      row.flags = (guint) sqlite3_column_int (stmt, 4);
      row.n = n;
      row.self = blob;
      row.manager = blob + n;
      row.motivation = blob + 2 * n;
      if (columns & DK_SCAN_HAND)
        {
          unpack_hand (sqlite3_column_blob (stmt, 6), (gsize) sqlite3_column_bytes (stmt, 6), row.hand,
                       &row.hand_flags);
          row.conversation_at = (const char *) sqlite3_column_text (stmt, 7);
        }
      if (managers.stmt != NULL && !managers_find (store, &managers, row.person_id, what, &row.manager_id, error))
        {
          step = DK_STORE_STEP_ERROR;
          break;
        }
      if (!func (&row, user_data))
        {
          step = DK_STORE_STEP_DONE;
          break;
        }
    }
  sqlite3_finalize (managers.stmt);
  sqlite3_finalize (stmt);
  return step != DK_STORE_STEP_ERROR;
}
