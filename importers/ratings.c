/*
 * ratings.c — `digikomp import ratings`: the long CSV form, one row per
 * person and competence, into one round.
 *
 * Built for a million people: every person of the store gets a dense index
 * (ids sorted, so a store id is found by binary search), and the file's
 * levels are gathered in one flat array of packed assessments, 3 bytes per
 * competence and person.  Nothing is allocated per row.  A second thread
 * writes the people already read while the rest of the file is read ("the
 * writer", below).
 *
 * Values set by hand since they were imported (DkAssessment.hand) are kept
 * ("kept", below).  The check costs nothing per row when nobody changed a
 * value by hand: the round's scan reads the hand column beside the levels,
 * and only the few people with such values get the lines of their rows
 * remembered and, when a kept value differs from the file, one audit query.
 */
#include "import.h"
#include "date.h"
#include "store-audit.h"
#include "csv.h"
#include "errors.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { COL_PERSON, COL_ROUND, COL_COMP, COL_SELF, COL_MANAGER, COL_MOTIVATION, COL_COMMENT,
       COL_REASON, COL_SHARED, COL_CONVERSATION, N_COLS };

static const DkCsvColumn columns[N_COLS] = {
  { "person_id", "personid", TRUE },
  { "round", "omgång", TRUE },
  { "competence", "kompetens", TRUE },
  { "self", "själv", TRUE },
  { "manager", "chef", FALSE },
  { "motivation", "motivation", FALSE },
  { "comment", "kommentar", FALSE, DK_COMMENT_MAX },
  { "reason", "skäl", FALSE, DK_REASON_MAX },
  { "shared", "delad", FALSE },
  { "conversation", "samtal", FALSE },
};

enum { SHARED_UNSET = 0, SHARED_YES, SHARED_NO };

/* What the file says about one person, beyond the levels. */
typedef struct {
  guint64     seen;          /* competences given, one bit each */
  guint       first_line;
  guint8      shared;        /* SHARED_* */
  const char *conversation;  /* interned date, or NULL */
} PersonState;

typedef struct {
  gint32 person;     /* dense index */
  guint8 comp;
  char  *comment;
  char  *reason;
} Note;

typedef struct {
  gint64 person_id;
  guint8 flags;
  guint8 n;          /* competences in its levels */
  guint32 hand_at;   /* its index in Import.hands + 1; 0: nothing set by hand */
} OldRow;

/* The values of an old row set by hand. */
typedef struct {
  guint64 hand[3];
  guint   flags;
  char   *conversation_at;
} Hand;

typedef struct _Writer Writer;

typedef struct {
  DkStore           *store;
  const char        *file;
  DkRound           *round;
  DkFramework       *fw;
  guint              n_comp;
  const DkScale     *scale, *motivation;
  /* the people of the store, by dense index */
  guint              n_people;
  guint              capacity;   /* the people counted before reading them */
  char              *last_role_id; /* while reading them: the last role looked up */
  const DkRole      *last_role;
  gint64            *ids;
  guint8            *roles;      /* index in fw, 0xFF when fw lacks the role */
  guint8            *active;     /* 0: the person has left (roster --full) */
  gint64            *units;
  guint8            *genders;
  char             **ext_ids;
  GHashTable        *by_ext_id;  /* ext_id → dense index + 1; built at the first need */
  GStringChunk      *strings;
  GHashTable        *dates;      /* valid conversation dates seen, interned */
  char              *last_person;/* rows come grouped by person: the last one looked up */
  guint              last_index;
  guint              next_comp;  /* rows come in the framework's order: the likely next one */
  const char        *last_date;  /* the last conversation date interned */
  /* the file */
  guint8            *levels;     /* [person][3 * n_comp] */
  PersonState       *state;
  GArray            *notes;      /* Note */
  DkErrors           errors;
  DkImportSummary   *summary;
  const DkContext   *ctx;        /* who imports, and when: the caller's */
  DkLang             lang;       /* the language of its messages, the context's */
  char               today[11];
  /* the round's rows with answers before the import, in person id order */
  GArray            *old;        /* OldRow */
  GByteArray        *old_levels; /* 3 * n_comp per OldRow */
  guint              old_next;   /* the first OldRow not yet passed by write_people */
  Writer            *writer;     /* NULL when writing waits for the whole file */
  /* kept values: the reader's and the writer's parts are apart (threads) */
  gboolean           overwrite;
  gboolean           dry_run;    /* everything written, then rolled back */
  GHashTable        *hand_lines; /* dense index + 1 → guint[n_comp]: the lines of
                                  * people with values set by hand (reader) */
  GArray            *hands;      /* Hand, of the old rows (writer) */
  GHashTable        *kept_reasons; /* (dense index << 6 | comp) + 1 of kept manager levels */
  GPtrArray         *notices;    /* "FILE:LINE: kept …" */
} Import;

/* The writer (below) learns from the reader which people are final. */
static void writer_meet (Import *im, guint p);
static void writer_free (Import *im);

/* ---- the people of the store ---------------------------------------------------- */

static gboolean
take_person (const DkPersonRow *row, gpointer user_data)
{
  Import *im = user_data;
  guint i = im->n_people;
  if (i == im->capacity)
    return FALSE;   /* a person added since the count: not in this import */
  if (im->last_role_id == NULL || strcmp (row->role, im->last_role_id) != 0)
    {   /* people come in runs of one role */
      im->last_role = dk_framework_role_by_id (im->fw, row->role);
      g_free (im->last_role_id);
      im->last_role_id = g_strdup (row->role);
    }
  im->ids[i] = row->id;
  im->ext_ids[i] = g_string_chunk_insert (im->strings, row->ext_id);
  im->roles[i] = im->last_role != NULL ? (guint8) im->last_role->index : 0xFF;
  im->units[i] = row->unit_id;
  im->genders[i] = (guint8) row->gender;
  im->active[i] = row->active;
  im->n_people = i + 1;
  return TRUE;
}

static gboolean
load_people (Import *im, GError **error)
{
  gint64 n = dk_store_person_count (im->store, error);
  if (n < 0)
    return FALSE;
  im->capacity = (guint) n;
  im->ids = g_new (gint64, n);
  im->roles = g_new (guint8, n);
  im->units = g_new (gint64, n);
  im->genders = g_new (guint8, n);
  im->active = g_new (guint8, n);
  im->ext_ids = g_new (char *, n);
  im->n_people = 0;
  gboolean ok = dk_store_people_foreach (im->store, take_person, im, error);
  g_clear_pointer (&im->last_role_id, g_free);
  return ok;
}

/* Returns the dense index + 1 of PERSON (external id), 0 when unknown.  A
 * file lists people in the roster's order more often than not, leaving some
 * out: the few people after the last one are tried first, and the hash table
 * is built only when they do not match. */
static guint
person_index (Import *im, const char *person)
{
  for (guint next = im->last_index; next < im->n_people && next < im->last_index + 8; next++)
    if (strcmp (im->ext_ids[next], person) == 0)
      return next + 1;
  if (im->by_ext_id == NULL)
    {
      im->by_ext_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < im->n_people; i++)
        g_hash_table_insert (im->by_ext_id, im->ext_ids[i], GUINT_TO_POINTER (i + 1));
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (im->by_ext_id, person));
}

/* ---- reading one row ------------------------------------------------------------------ */

/* Parses a level: "" → DK_LEVEL_NONE, "?" → DK_LEVEL_DONT_KNOW when allowed,
 * a number on SCALE.  Returns -1 when it is none of these. */
static int
parse_level (const char *text, const DkScale *scale, gboolean dont_know_ok)
{
  if (text == NULL || *text == '\0')
    return DK_LEVEL_NONE;
  if (text[0] == '?' && text[1] == '\0')
    return dont_know_ok ? DK_LEVEL_DONT_KNOW : -1;
  guint v = 0;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p < '0' || *p > '9' || v > DK_MAX_LEVEL)
        return -1;
      v = v * 10 + (guint) (*p - '0');
    }
  return v >= scale->min && v <= scale->max ? (int) v : -1;
}

static int
parse_shared (const char *text)
{
  if (text == NULL || *text == '\0')
    return SHARED_UNSET;
  if (strcmp (text, "yes") == 0)
    return SHARED_YES;
  if (!g_ascii_strcasecmp (text, "yes") || !g_ascii_strcasecmp (text, "ja")
      || !strcmp (text, "1") || !g_ascii_strcasecmp (text, "true"))
    return SHARED_YES;
  if (!g_ascii_strcasecmp (text, "no") || !g_ascii_strcasecmp (text, "nej")
      || !strcmp (text, "0") || !g_ascii_strcasecmp (text, "false"))
    return SHARED_NO;
  return -1;
}

static const char *
col (const DkCsvRecord *rec, const int *index, int c)
{
  return index[c] >= 0 ? rec->fields[index[c]] : "";
}

/* Records the person-level facts of a row, checking they agree with the
 * person's earlier rows. */
static void
read_person_facts (Import *im, const DkCsvRecord *rec, const int *index, guint p)
{
  PersonState *st = &im->state[p];
  int shared = parse_shared (col (rec, index, COL_SHARED));
  const char *conv = col (rec, index, COL_CONVERSATION);
  if (shared < 0)
    {
      dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "shared must be yes or no (ja/nej), not '%s'"),
                     col (rec, index, COL_SHARED));
      return;
    }
  const char *interned = NULL;
  if (*conv != '\0')
    interned = im->last_date != NULL && strcmp (conv, im->last_date) == 0
               ? im->last_date : g_hash_table_lookup (im->dates, conv);
  if (*conv != '\0' && interned == NULL)
    {
      if (!dk_date_valid (conv))
        {
          dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "conversation '%s' is not a date YYYY-MM-DD"), conv);
          return;
        }
      interned = g_string_chunk_insert_const (im->strings, conv);
      g_hash_table_insert (im->dates, (gpointer) interned, (gpointer) interned);
    }
  if (interned != NULL)
    im->last_date = interned;
  if (shared == SHARED_UNSET)
    shared = SHARED_YES;
  if (st->seen == 0)
    {
      st->first_line = rec->line;
      st->shared = (guint8) shared;
      st->conversation = interned;
    }
  else if (st->shared != shared || st->conversation != interned)
    dk_errors_add (&im->errors, im->file, rec->line,
                   T_ (im->lang, "shared and conversation differ from this person's row on line %u; "
                     "they must be the same on all of a person's rows"), st->first_line);
  if (shared == SHARED_NO && interned != NULL)
    dk_errors_add (&im->errors, im->file, rec->line,
                   T_ (im->lang, "a conversation cannot be held before the self-rating is shared"));
}

static void
keep_note (Import *im, guint p, guint comp, const char *comment, const char *reason)
{
  if (*comment == '\0' && *reason == '\0')
    return;
  Note n = { (gint32) p, (guint8) comp, *comment ? g_strdup (comment) : NULL,
             *reason ? g_strdup (reason) : NULL };
  g_array_append_val (im->notes, n);
}

static void
read_record (const DkCsvRecord *rec, const int *index, gpointer user_data)
{
  Import *im = user_data;
  const char *person = col (rec, index, COL_PERSON), *round = col (rec, index, COL_ROUND);
  const char *comp_id = col (rec, index, COL_COMP), *reason = col (rec, index, COL_REASON);
  guint before = im->errors.count;

  if (strcmp (round, im->round->code) != 0)
    dk_errors_add (&im->errors, im->file, rec->line,
                   T_ (im->lang, "round '%s' is not the round being imported (%s)"), round, im->round->code);
  guint p;
  if (im->last_person != NULL && strcmp (person, im->last_person) == 0)
    p = im->last_index;
  else
    {
      p = person_index (im, person);
      if (im->writer != NULL && p > 0)
        writer_meet (im, p - 1);
      g_free (im->last_person);
      im->last_person = g_strdup (person);
      im->last_index = p;
    }
  const DkCompetence *comp = im->next_comp < im->n_comp
                             ? dk_framework_competence (im->fw, im->next_comp) : NULL;
  if (comp == NULL || strcmp (comp->id, comp_id) != 0)
    comp = dk_framework_competence_by_id (im->fw, comp_id);
  im->next_comp = comp != NULL ? comp->index + 1 : 0;
  if (p == 0)
    dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "unknown person '%s'; import the roster first"), person);
  else if (!im->active[--p])
    dk_errors_add (&im->errors, im->file, rec->line,
                   T_ (im->lang, "%s has left (inactive); import the roster with %s in it first"), person, person);
  else if (im->roles[p] == 0xFF)
    dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "person %s has a role that framework %s lacks"),
                   person, dk_framework_id (im->fw));
  if (comp == NULL)
    dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "unknown competence '%s'"), comp_id);
  if (im->errors.count != before)
    return;
  if (!dk_framework_applies (im->fw, im->roles[p], comp->index))
    {
      dk_errors_add (&im->errors, im->file, rec->line,
                     T_ (im->lang, "competence %s does not apply to %s's role (%s)"), comp_id, person,
                     dk_framework_role (im->fw, im->roles[p])->id);
      return;
    }
  guint64 bit = G_GUINT64_CONSTANT (1) << comp->index;
  if (im->state[p].seen & bit)
    {
      dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "a second row for %s on %s"), person, comp_id);
      return;
    }
  int self = parse_level (col (rec, index, COL_SELF), im->scale, TRUE);
  int manager = parse_level (col (rec, index, COL_MANAGER), im->scale, FALSE);
  int motivation = parse_level (col (rec, index, COL_MOTIVATION), im->motivation, FALSE);
  if (self < 0)
    dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "self '%s' must be a level %u–%u, ? or empty"),
                   col (rec, index, COL_SELF), im->scale->min, im->scale->max);
  if (manager < 0)
    dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "manager '%s' must be a level %u–%u or empty"),
                   col (rec, index, COL_MANAGER), im->scale->min, im->scale->max);
  if (motivation < 0)
    dk_errors_add (&im->errors, im->file, rec->line, T_ (im->lang, "motivation '%s' must be a level %u–%u or empty"),
                   col (rec, index, COL_MOTIVATION), im->motivation->min, im->motivation->max);
  if (manager > 0 && manager != self && *reason == '\0')
    dk_errors_add (&im->errors, im->file, rec->line,
                   T_ (im->lang, "the manager level differs from the self-rating but no reason is given"));
  read_person_facts (im, rec, index, p);
  if (manager > 0 && im->state[p].shared == SHARED_NO)
    dk_errors_add (&im->errors, im->file, rec->line,
                   T_ (im->lang, "a manager level needs a shared self-rating (shared is no)"));
  if (im->errors.count != before)
    return;

  im->state[p].seen |= bit;
  guint *lines = im->hand_lines != NULL ? g_hash_table_lookup (im->hand_lines, GUINT_TO_POINTER (p + 1)) : NULL;
  if (lines != NULL)
    lines[comp->index] = rec->line;
  guint8 *lv = &im->levels[(gsize) p * 3 * im->n_comp];
  lv[comp->index] = (guint8) self;
  lv[im->n_comp + comp->index] = (guint8) manager;
  lv[2 * im->n_comp + comp->index] = (guint8) motivation;
  keep_note (im, p, comp->index, col (rec, index, COL_COMMENT), reason);
}

/* ---- writing ------------------------------------------------------------------------------ */

static guint
flags_of (const PersonState *st)
{
  return (st->shared == SHARED_YES ? DK_ASSESS_SHARED : 0)
         | (st->conversation != NULL ? DK_ASSESS_CONVERSATION : 0);
}

/* Keeps a row of the round that has answers.  The scan needs no person of
 * the store, so the writer runs it while the reader loads them. */
static gboolean
keep_old (const DkScanRow *row, gpointer user_data)
{
  Import *im = user_data;
  gboolean any = FALSE, by_hand = (row->hand[0] | row->hand[1] | row->hand[2]) != 0 || row->hand_flags != 0;
  for (guint i = 0; i < 3 * row->n; i++)
    any |= row->self[i] != DK_LEVEL_NONE;
  if (!any && !by_hand)
    return TRUE;
  guint n = MIN (row->n, im->n_comp), width = 3 * im->n_comp;
  OldRow old = { row->person_id, (guint8) row->flags, (guint8) n, 0 };
  if (by_hand)
    {
      Hand h = { { row->hand[0], row->hand[1], row->hand[2] }, row->hand_flags,
                 g_strdup (row->conversation_at) };
      g_array_append_val (im->hands, h);
      old.hand_at = im->hands->len;
    }
  g_array_append_val (im->old, old);
  guint at = im->old_levels->len;
  g_byte_array_set_size (im->old_levels, at + width);
  memcpy (im->old_levels->data + at, row->self, n);
  memcpy (im->old_levels->data + at + n, row->manager, n);
  memcpy (im->old_levels->data + at + 2 * n, row->motivation, n);
  return TRUE;
}

static void
hand_clear (gpointer data)
{
  g_free (((Hand *) data)->conversation_at);
}

static void
forget_old (Import *im)
{
  g_clear_pointer (&im->old, g_array_unref);
  g_clear_pointer (&im->old_levels, g_byte_array_unref);
  g_clear_pointer (&im->hands, g_array_unref);
  g_clear_pointer (&im->kept_reasons, g_hash_table_unref);
  g_clear_pointer (&im->notices, g_ptr_array_unref);
  im->old_next = 0;
}

static gboolean
read_old (Import *im, DkStore *store, GError **error)
{
  forget_old (im);
  im->old = g_array_new (FALSE, FALSE, sizeof (OldRow));
  im->old_levels = g_byte_array_new ();
  im->hands = g_array_new (FALSE, FALSE, sizeof (Hand));
  g_array_set_clear_func (im->hands, hand_clear);
  im->kept_reasons = g_hash_table_new (NULL, NULL);
  im->notices = g_ptr_array_new_with_free_func (g_free);
  return dk_store_round_scan (store, im->round->id, DK_SCAN_PERSON | DK_SCAN_HAND, keep_old, im, error);
}

/* Returns what the round held for store id ID, or NULL; ids must come in
 * ascending order. */
static const OldRow *
old_of (Import *im, gint64 id, const guint8 **levels)
{
  const OldRow *rows = (const OldRow *) (gpointer) im->old->data;
  while (im->old_next < im->old->len && rows[im->old_next].person_id < id)
    im->old_next++;
  if (im->old_next == im->old->len || rows[im->old_next].person_id != id)
    return NULL;
  *levels = im->old_levels->data + (gsize) im->old_next * 3 * im->n_comp;
  return &rows[im->old_next];
}

static gboolean
write_person (Import *im, DkStore *store, guint p, const guint8 *lv, const Hand *hand, GError **error)
{
  DkAssessment a = { 0 };
  if (hand != NULL)
    {
      memcpy (a.hand, hand->hand, sizeof a.hand);
      a.hand_flags = hand->flags;
    }
  PersonState *st = &im->state[p];
  a.round_id = im->round->id;
  a.person_id = im->ids[p];
  a.unit_id = im->units[p];
  a.role = im->roles[p];
  a.gender = (DkGender) im->genders[p];
  a.flags = flags_of (st);
  a.shared_at = st->shared == SHARED_YES ? (char *) (st->conversation ? st->conversation : im->today) : NULL;
  a.conversation_at = (char *) st->conversation;
  a.n = im->n_comp;
  memcpy (a.self, lv, a.n);
  memcpy (a.manager, lv + a.n, a.n);
  memcpy (a.motivation, lv + 2 * a.n, a.n);
  return dk_store_assessment_put (store, &a, error);
}

/* ---- kept values ------------------------------------------------------------------------ */

/* Says that the value FIELD ("manager 1.1") of person P, of line LINE, is
 * kept (WHAT: "the manager's level 1"), with who set it when from CHANGES
 * (the person's audit, read at the first need). */
static gboolean
notice (Import *im, DkStore *store, guint p, guint line, GHashTable **changes, const char *field,
        const char *what, GError **error)
{
  if (*changes == NULL
      && (*changes = dk_store_value_changes (store, im->round->id, im->ids[p], error)) == NULL)
    return FALSE;
  const DkValueChange *c = g_hash_table_lookup (*changes, field);
  g_autofree char *on = c != NULL ? g_strndup (c->at, 10) : g_strdup ("?");
  g_ptr_array_add (im->notices, g_strdup_printf (T_ (im->lang, "%s:%u: kept %s set on %s by %s"), im->file, line, what,
                                                 on, c != NULL ? c->actor : "?"));
  im->summary->kept++;
  return TRUE;
}

/* Puts back into LV (the file's levels of person P) and P's state the values
 * that OLD had set by hand and the file would change, and says so. */
static gboolean
keep_by_hand (Import *im, DkStore *store, guint p, const OldRow *old, const guint8 *old_lv, guint8 *lv,
              GError **error)
{
  static const char *const fields[3] = { "self", "manager", "motivation" };
  /* TRANSLATORS: what an import kept, "%s" the level: "kept the self-rating 2 set on …" */
  const char *whats[3] = { T_ (im->lang, "the self-rating %s"), T_ (im->lang, "the manager's level %s"), T_ (im->lang, "the motivation %s") };
  const Hand *h = &g_array_index (im->hands, Hand, old->hand_at - 1);
  PersonState *st = &im->state[p];
  const guint *lines = im->hand_lines != NULL ? g_hash_table_lookup (im->hand_lines, GUINT_TO_POINTER (p + 1)) : NULL;
  g_autoptr (GHashTable) changes = NULL;
  guint n = im->n_comp;
  gboolean shared = FALSE;
  for (guint k = 0; k < 3 && old->n == n; k++)
    for (guint c = 0; c < n; c++)
      {
        guint i = k * n + c;
        if (!(h->hand[k] >> c & 1) || lv[i] == old_lv[i])
          continue;
        lv[i] = old_lv[i];
        shared |= k == DK_HAND_MANAGER && lv[i] != DK_LEVEL_NONE;
        if (k == DK_HAND_MANAGER)
          g_hash_table_add (im->kept_reasons, GUINT_TO_POINTER ((p << 6 | c) + 1));
        g_autofree char *field = g_strdup_printf ("%s %s", fields[k], dk_framework_competence (im->fw, c)->id);
        g_autofree char *value = dk_level_text (lv[i]);
        g_autofree char *what = g_strdup_printf (whats[k], value);
        if (!notice (im, store, p, lines != NULL && lines[c] != 0 ? lines[c] : st->first_line, &changes,
                     field, what, error))
          return FALSE;
      }
  if ((h->flags & DK_ASSESS_CONVERSATION) && h->conversation_at != NULL
      && g_strcmp0 (st->conversation, h->conversation_at) != 0)
    {
      st->conversation = h->conversation_at;
      shared = TRUE;
      g_autofree char *what = g_strdup_printf (T_ (im->lang, "the conversation held on %s"), h->conversation_at);
      if (!notice (im, store, p, st->first_line, &changes, "conversation", what, error))
        return FALSE;
    }
  if ((h->flags & DK_ASSESS_SHARED) && st->shared != SHARED_YES
      && !notice (im, store, p, st->first_line, &changes, "shared", T_ (im->lang, "the shared self-rating"), error))
    return FALSE;
  if ((h->flags & DK_ASSESS_SHARED) || shared)
    st->shared = SHARED_YES;
  return TRUE;
}

/* Writes the people of the file among dense indexes [FROM, TO), in id order,
 * and audits their changes (store-audit.h): one pass, so one chunk per
 * 1 024 ids. */
static gboolean
write_people (Import *im, DkStore *store, DkAuditLevels *audit, guint from, guint to,
              const DkProgress *progress, GError **error)
{
  guint width = 3 * im->n_comp;
  for (guint p = from; p < to; p++)
    {
      if (im->state[p].seen == 0)
        continue;
      guint8 *lv = &im->levels[(gsize) p * width];
      const guint8 *old_lv = NULL;
      const OldRow *old = old_of (im, im->ids[p], &old_lv);
      const Hand *hand = old != NULL && old->hand_at != 0 ? &g_array_index (im->hands, Hand, old->hand_at - 1) : NULL;
      if (hand != NULL && !im->overwrite && !keep_by_hand (im, store, p, old, old_lv, lv, error))
        return FALSE;
      gboolean same = old != NULL && old->n == im->n_comp && memcmp (old_lv, lv, width) == 0
                      && old->flags == flags_of (&im->state[p]);
      if (same)
        im->summary->unchanged++;
      else if (old != NULL)
        im->summary->updated++;
      else
        im->summary->added++;
      /* an overwrite of the same values still forgets that they were set by hand */
      if (same && (hand == NULL || !im->overwrite))
        continue;
      if ((!same && !dk_audit_levels_add (audit, im->ids[p], old_lv, old != NULL ? old->n : 0, lv,
                                          im->n_comp, error))
          || !write_person (im, store, p, lv, im->overwrite ? NULL : hand, error))
        return FALSE;
      dk_progress_report (progress, p + 1, (double) (p + 1) / im->n_people);
    }
  return TRUE;
}

/* Ends the transaction's work: the last audit chunk and the notes. */
static gboolean
write_notes (Import *im, DkStore *store, DkAuditLevels *audit, GError **error)
{
  if (!dk_audit_levels_flush (audit, error))
    return FALSE;
  /* a reason in the file was the manager's: set by the import, not by CTX's actor */
  DkContext by = *im->ctx;
  by.actor = DK_ACTOR_IMPORT;
  for (guint i = 0; i < im->notes->len; i++)
    {
      Note *n = &g_array_index (im->notes, Note, i);
      /* a kept manager level keeps its reason */
      const char *reason = g_hash_table_contains (im->kept_reasons, GUINT_TO_POINTER (((guint) n->person << 6 | n->comp) + 1))
                           ? NULL : n->reason;
      if ((n->comment != NULL || reason != NULL)
          && !dk_store_rating_note_put (store, im->round->id, im->ids[n->person],
                                        dk_framework_competence (im->fw, n->comp)->id, n->comment,
                                        reason, &by, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- the writer: writing while reading ------------------------------------------------- */

/* A second thread, on its own connection to the store, writes the people the
 * reader has finished while the reader reads on, in the import's one
 * transaction; it starts with the round's old rows while the reader loads the
 * people.  Rows come grouped by person in the roster's order more often than
 * not: when the reader meets a person, everyone before them is final.  A
 * file in another order, or a bad row, stops the writer and rolls its work
 * back; the file is then written after reading, as a whole, if at all. */
#define WRITER_STEP 1024u   /* people finished before the writer is woken */

struct _Writer {
  Import        *im;
  char          *path;       /* of the store */
  pthread_t      thread;
  gboolean       running;    /* THREAD was started and is not joined yet */
  /* pthread's, not GLib's: ThreadSanitizer sees them (Debian's GLib is not
   * instrumented, so a GMutex or GCond would look like no lock) */
  pthread_mutex_t lock;
  pthread_cond_t  moved;
  guint          finished;   /* people [0, finished) are final (under lock) */
  gboolean       closed;     /* finished will not move again (under lock) */
  gboolean       stopped;    /* give up: the work is rolled back (under lock) */
  guint          told;       /* finished as last told, the reader's own copy */
  DkStore       *store;      /* the writer's connection */
  DkAuditLevels  audit;
  gboolean       ok;
  GError        *error;
};

static gpointer
writer_run (gpointer data)
{
  Writer *w = data;
  Import *im = w->im;
  guint done = 0;
  w->store = dk_store_open (w->path, FALSE, im->lang, &w->error);
  if (w->store != NULL)
    dk_audit_levels_init (&w->audit, w->store, im->ctx, im->round->id);
  w->ok = w->store != NULL && dk_store_begin (w->store, &w->error) && read_old (im, w->store, &w->error);
  while (w->ok)
    {
      pthread_mutex_lock (&w->lock);
      while (w->finished == done && !w->closed)
        pthread_cond_wait (&w->moved, &w->lock);
      guint to = w->finished;
      gboolean closed = w->closed, stopped = w->stopped;
      pthread_mutex_unlock (&w->lock);
      if (stopped)
        break;
      w->ok = write_people (im, w->store, &w->audit, done, to, NULL, &w->error);
      done = to;
      if (closed)
        break;
    }
  return NULL;
}

static void
writer_tell (Writer *w, guint finished, gboolean closed, gboolean stop)
{
  pthread_mutex_lock (&w->lock);
  w->finished = finished;
  w->closed = closed;
  w->stopped = stop;
  pthread_cond_signal (&w->moved);
  pthread_mutex_unlock (&w->lock);
  w->told = finished;
}

static void
writer_start (Import *im)
{
  const char *path = dk_store_path (im->store);
  if (path == NULL)
    return;   /* a store in memory: no second connection */
  Writer *w = g_new0 (Writer, 1);
  w->im = im;
  w->path = g_strdup (path);
  pthread_mutex_init (&w->lock, NULL);
  pthread_cond_init (&w->moved, NULL);
  im->writer = w;
  w->running = pthread_create (&w->thread, NULL, writer_run, w) == 0;
  if (!w->running)
    writer_free (im);
}

/* Tells the writer that people [0, FINISHED) are final and no more will be,
 * or to STOP, and waits for it; returns whether it wrote everything it was
 * given, with ERROR when it did not.  Its transaction stays open. */
static gboolean
writer_join (Import *im, guint finished, gboolean stop, GError **error)
{
  Writer *w = im->writer;
  writer_tell (w, finished, TRUE, stop);
  pthread_join (w->thread, NULL);
  w->running = FALSE;
  if (!w->ok && !stop)
    g_propagate_error (error, g_steal_pointer (&w->error));
  return w->ok;
}

/* Frees a writer that has ended (or never started); its connection is
 * closed, which rolls back whatever it did not commit. */
static void
writer_free (Import *im)
{
  Writer *w = im->writer;
  if (w == NULL)
    return;
  g_assert (!w->running);
  if (w->store != NULL)
    {
      dk_audit_levels_clear (&w->audit);
      dk_store_rollback (w->store);
      dk_store_close (w->store);
    }
  g_clear_error (&w->error);
  pthread_mutex_destroy (&w->lock);
  pthread_cond_destroy (&w->moved);
  g_free (w->path);
  g_free (w);
  im->writer = NULL;
}

/* Stops the writer and undoes its work: what it was given is no longer final. */
static void
writer_give_up (Import *im)
{
  writer_join (im, im->writer->told, TRUE, NULL);
  writer_free (im);
  forget_old (im);
  im->summary->added = im->summary->updated = im->summary->unchanged = im->summary->kept = 0;
}

/* Called when the reader meets dense person P: everyone before P is final,
 * unless P was already given to the writer. */
static void
writer_meet (Import *im, guint p)
{
  Writer *w = im->writer;
  if (p < w->told || im->errors.count > 0)
    writer_give_up (im);
  else if (p >= w->told + WRITER_STEP)
    writer_tell (w, p, FALSE, FALSE);
}

/* Writes what the writer has not (everything when there is no writer), and
 * commits; a dry run leaves the transaction to be rolled back (by
 * writer_free, or here). */
static gboolean
write_rest (Import *im, const DkProgress *progress, GError **error)
{
  Writer *w = im->writer;
  if (w != NULL)
    return writer_join (im, im->n_people, FALSE, error)
           && write_notes (im, w->store, &w->audit, error)
           && (im->dry_run || dk_store_commit (w->store, error));
  DkAuditLevels audit;
  dk_audit_levels_init (&audit, im->store, im->ctx, im->round->id);
  gboolean ok = dk_store_begin (im->store, error) && read_old (im, im->store, error)
                && write_people (im, im->store, &audit, 0, im->n_people, progress, error)
                && write_notes (im, im->store, &audit, error);
  dk_audit_levels_clear (&audit);
  return dk_store_finish (im->store, ok, im->dry_run, error);
}

static gboolean
prepare (Import *im, const char *round, GError **error)
{
  if ((im->round = dk_store_round (im->store, round, error)) == NULL)
    return FALSE;
  if (!im->round->open)
    {
      g_set_error (error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_REFUSED,
                   T_ (im->lang, "round %s is closed; ratings can no longer change"), im->round->code);
      return FALSE;
    }
  if ((im->fw = dk_store_round_framework (im->store, im->round, error)) == NULL)
    return FALSE;
  im->n_comp = dk_framework_n_competences (im->fw);
  im->scale = dk_framework_scale (im->fw);
  im->motivation = dk_framework_motivation_scale (im->fw);
  return TRUE;
}

static int
compare_id (const void *a, const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* Makes room for the lines of the rows of people with values set by hand,
 * for the notices of the values kept.  The writer reads the round again in
 * its transaction: someone who sets a value by hand after this gets the
 * line of their first row. */
static gboolean
remember_hand_lines (Import *im, GError **error)
{
  g_autoptr (GArray) ids = dk_store_round_hand_people (im->store, im->round->id, error);
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  im->hand_lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const gint64 *at = bsearch (&id, im->ids, im->n_people, sizeof (gint64), compare_id);
      if (at != NULL)
        g_hash_table_insert (im->hand_lines, GUINT_TO_POINTER ((guint) (at - im->ids) + 1),
                             g_new0 (guint, im->n_comp));
    }
  return TRUE;
}

static gboolean
prepare_people (Import *im, GError **error)
{
  if (!load_people (im, error))
    return FALSE;
  im->levels = g_new0 (guint8, (gsize) im->n_people * 3 * im->n_comp);
  im->state = g_new0 (PersonState, im->n_people);
  return im->overwrite || remember_hand_lines (im, error);
}

static void
import_clear (Import *im)
{
  for (guint i = 0; im->notes != NULL && i < im->notes->len; i++)
    {
      g_free (g_array_index (im->notes, Note, i).comment);
      g_free (g_array_index (im->notes, Note, i).reason);
    }
  g_clear_pointer (&im->notes, g_array_unref);
  g_clear_pointer (&im->by_ext_id, g_hash_table_unref);
  g_clear_pointer (&im->hand_lines, g_hash_table_unref);
  g_clear_pointer (&im->dates, g_hash_table_unref);
  g_free (im->last_person);
  g_string_chunk_free (im->strings);
  g_free (im->ids);
  g_free (im->roles);
  g_free (im->units);
  g_free (im->genders);
  g_free (im->active);
  g_free (im->ext_ids);
  g_free (im->levels);
  g_free (im->state);
  forget_old (im);
  dk_framework_free (im->fw);
  dk_round_free (im->round);
  dk_errors_clear (&im->errors);
}

gboolean
dk_import_ratings (DkStore *store, const char *path, DkCsvEncoding encoding, const char *round,
                   gboolean overwrite, gboolean dry_run, DkImportSummary *summary,
                   const DkProgress *progress, const DkContext *ctx, GError **error)
{
  DkProgress reading = dk_progress_phase (progress, 0.0, 0.5);
  DkProgress writing = dk_progress_phase (progress, 0.5, 1.0);
  memset (summary, 0, sizeof *summary);
  Import im = { .store = store, .file = path, .summary = summary, .ctx = ctx,
                .lang = ctx->lang, .overwrite = overwrite, .dry_run = dry_run };
  im.strings = g_string_chunk_new (1 << 16);
  im.dates = g_hash_table_new (g_str_hash, g_str_equal);
  im.notes = g_array_new (FALSE, FALSE, sizeof (Note));
  dk_errors_init (&im.errors, 0, ctx->lang);
  g_autofree char *today = dk_context_today (ctx);
  g_strlcpy (im.today, today, sizeof im.today);

  gboolean ok = prepare (&im, round, error);
  if (ok)
    writer_start (&im);
  ok = ok && prepare_people (&im, error)
       && dk_csv_read_all_progress (path, encoding, columns, N_COLS, read_record, &im, &im.errors,
                                    &summary->rows, &reading, ctx, error)
       && !dk_errors_propagate (&im.errors, error, DK_IMPORT_ERROR, DK_IMPORT_ERROR_INVALID);
  if (!ok && im.writer != NULL)
    writer_give_up (&im);
  if (ok)
    {
      ok = write_rest (&im, &writing, error);
      dk_progress_report (&writing, im.n_people, 1.0);
      if (im.writer != NULL)
        writer_free (&im);
      if (ok && im.notices->len > 0)
        summary->notices = g_steal_pointer (&im.notices);
    }
  import_clear (&im);
  return ok;
}
