/*
 * catalogue.h — the catalogue of learning activities: what each develops
 * (competence and level range), for whom, when, in what form.
 *
 * Activities are kept in the store (table activity) and loaded whole: a
 * catalogue has hundreds of activities, not millions.  The text forms below
 * are those of the catalogue CSV (docs/formats.md) and of the store.
 */
#ifndef DK_CATALOGUE_H
#define DK_CATALOGUE_H

#include "store.h"

#define DK_CATALOGUE_ERROR (dk_catalogue_error_quark ())
GQuark dk_catalogue_error_quark (void);

typedef enum {
  DK_CATALOGUE_ERROR_INVALID,   /* a bad activity (bad input) */
  DK_CATALOGUE_ERROR_NOT_FOUND, /* no such activity */
} DkCatalogueError;

typedef struct {
  char *competence;    /* "4.2" */
  guint from, to;      /* develops from level FROM up to level TO */
} DkDevelops;

typedef struct {
  char *start, *end;   /* ISO 8601 date and time */
  char *place;         /* may be NULL */
  guint seats;         /* places to book; 0: not limited */
} DkSession;

typedef struct {
  char      *id;
  char      *title[DK_N_LANGS];
  char      *description[DK_N_LANGS];
  char      *kind;          /* lecture, webinar, course, … (dk_activity_kinds) */
  char      *format;        /* on-site, digital, mixed */
  double     hours;
  char      *language;      /* sv, en */
  GArray    *develops;      /* DkDevelops */
  char     **roles;         /* empty: everyone */
  char     **units;         /* unit paths; empty: everyone */
  char     **themes;
  GArray    *sessions;      /* DkSession; empty: always available */
  gboolean   easy_swedish, read_aloud;
  char      *preparation, *follow_up;   /* transfer of training, may be NULL */
} DkActivity;

/* Returns a new activity with no fields set (free with dk_activity_free). */
DkActivity *dk_activity_new (void);
void dk_activity_free (DkActivity *a);

/* Returns TEXT split at any of SEPARATORS, empty parts dropped
 * (NULL-terminated; g_strfreev). */
char **dk_split_nonempty (const char *text, const char *separators);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkActivity, dk_activity_free)

/* The kinds and formats an activity may have (NULL-terminated, static). */
extern const char *const dk_activity_kinds[];
extern const char *const dk_activity_formats[];

/* Returns an activity's kind or format (one of the above) as a word in
 * LANG ("Course", "Kurs"; "on-site", "på plats"); WORD itself when it is
 * none of them.  Static; do not free.  Thread-safe. */
const char *dk_activity_kind_word (const char *kind, DkLang lang);
const char *dk_activity_format_word (const char *format, DkLang lang);

/* Parses the text forms of the catalogue CSV into A, adding a message in
 * LANG to *PROBLEM (caller frees) and returning FALSE when one is malformed:
 * DEVELOPS "4.2:2..3 4.1:1..2", SESSIONS "START/END@PLACE|…", SEATS "20 0"
 * (one number per session already parsed, 0: not limited; empty: none). */
gboolean dk_activity_parse_develops (DkActivity *a, const char *text, DkLang lang, char **problem);
gboolean dk_activity_parse_sessions (DkActivity *a, const char *text, DkLang lang, char **problem);
gboolean dk_activity_parse_seats (DkActivity *a, const char *text, DkLang lang, char **problem);

/* Adds to A that it develops competence COMP from level FROM to TO, or
 * returns FALSE with *PROBLEM (in LANG, caller frees) unless 1 <= FROM <= TO <=
 * DK_MAX_LEVEL.  (The catalogue XML reader's form of the text above.) */
gboolean dk_activity_add_develops (DkActivity *a, const char *comp, guint from, guint to,
                                   DkLang lang, char **problem);

/* Adds a session from START to END (ISO 8601 date and time, like
 * 2026-10-05T09:00) at PLACE (may be NULL) with SEATS (0: not limited), or
 * returns FALSE with *PROBLEM (in LANG, caller frees) when a date is malformed, END
 * is not after START (two dates alone may be the same day) or PLACE
 * contains a "|" (the separator of the stored form). */
gboolean dk_activity_add_session (DkActivity *a, const char *start, const char *end,
                                  const char *place, guint seats, DkLang lang, char **problem);

/* Returns the title in LANG, falling back to the other language. */
const char *dk_activity_title (const DkActivity *a, DkLang lang);

/* Returns the range A develops competence COMP with, or NULL. */
const DkDevelops *dk_activity_develops (const DkActivity *a, const char *comp);

/* Returns TRUE when A is open to a person with ROLE in unit UNIT_PATH. */
gboolean dk_activity_open_to (const DkActivity *a, const char *role, const char *unit_path);

/* Returns TRUE when A is always available or has a session starting on or
 * after FROM (YYYY-MM-DD). */
gboolean dk_activity_available (const DkActivity *a, const char *from);

/* Returns TRUE when each word of WORDS (split at spaces; case and the form
 * of accented letters ignored) is in A's title or description, in either
 * language, or in the id or the title of a competence A develops (titles
 * from FW; may be NULL).  No words match every activity.  Thread-safe. */
gboolean dk_activity_matches_words (const DkActivity *a, const DkFramework *fw, const char *words);

/* Replaces the catalogue's activities with the same ids as ACTIVITIES
 * (DkActivity*), adding new ones, in one transaction; one stored exactly
 * as it comes is left as it is.  *ADDED, *UPDATED (replaced) and
 * *UNCHANGED are counted.  Audited as CTX's actor.  With DRY_RUN the
 * transaction is rolled back: counted, nothing changed. */
gboolean dk_catalogue_store (DkStore *store, GPtrArray *activities, gboolean dry_run, guint *added,
                             guint *updated, guint *unchanged, const DkContext *ctx, GError **error);

/* Returns every activity of the store, by id (DkActivity*; caller owns). */
GPtrArray *dk_catalogue_load (DkStore *store, GError **error);

/* Returns the ids of the store's activities as a set (char*, caller
 * unrefs), or NULL with ERROR when the store fails.
 * (core/store-catalogue.c) */
GHashTable *dk_catalogue_ids (DkStore *store, GError **error);

/* Returns the activity with ID from ACTIVITIES, or NULL. */
const DkActivity *dk_catalogue_find (GPtrArray *activities, const char *id);

#endif
