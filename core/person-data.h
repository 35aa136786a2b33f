/*
 * person-data.h — a person's own data: the audit trail about them (and the
 * audit log as others read it), everything stored about them (GDPR
 * access), and erasure.
 */
#ifndef DK_PERSON_DATA_H
#define DK_PERSON_DATA_H

#include "store-audit.h"

typedef struct {
  char    *at, *actor, *entity, *round, *field, *old_value, *new_value;
  char    *person;     /* whom the row is about (external id), or NULL */
  gboolean unshared;   /* a rating in a round whose self-rating the person has not shared */
} DkAuditRow;

void dk_audit_row_free (DkAuditRow *row);

/* Returns the audit rows about PERSON (external id), oldest first
 * (DkAuditRow*; caller owns). */
GPtrArray *dk_person_audit (DkStore *store, const char *person, GError **error);

/* Returns the rows of the audit log FILTER picks as anyone but the person
 * they are about may read them (dk_store_audit_rows, store-audit.h, with
 * *MORE): in a round whose self-rating the person has not shared, the self
 * and motivation levels of its rows are replaced by "(not shared)" in
 * LANG — the field and the time stay, so that the change itself is never
 * hidden; an erased manager in a person's values reads "(erased)" in LANG.
 * Caller owns. */
GPtrArray *dk_audit_for_others (DkStore *store, const DkAuditFilter *filter, gboolean *more, DkLang lang,
                                GError **error);

/* Returns ACTOR, who an audit row or a note names, as a reader in LANG reads
 * it: the actors that are no person (DK_ACTOR_IMPORT, DK_ACTOR_ERASED,
 * DK_ACTOR_UNKNOWN in context.h) in LANG's words, anyone else (a person's id,
 * "hr:NAME") as stored.  Static or ACTOR; do not free.  Thread-safe. */
const char *dk_actor_word (const char *actor, DkLang lang);

/* Returns everything stored about PERSON as pretty JSON: the person record,
 * every assessment decoded by competence (self levels included, shared or
 * not: it is the person's own data), comments and reasons, plans and their
 * items, participation, and the audit rows about them.  Caller frees. */
char *dk_person_export_json (DkStore *store, const char *person, GError **error);

/* What erasing a person removes, counted. */
typedef struct {
  guint    assessments_deleted;     /* in open rounds */
  guint    assessments_anonymised;  /* in closed rounds: kept for their figures */
  guint    notes;
  guint    audit_rows;
  guint    reports;                 /* people whose manager they were */
  gboolean overwritten;             /* erased on disk too (dk_store_checkpoint) */
  guint    plans;                   /* their development plans, with their items */
  guint    participations;          /* activities they were recorded at */
} DkEraseSummary;

/* How long dk_person_erase waits for readers by default, in milliseconds. */
#define DK_ERASE_OVERWRITE_WAIT_MS 10000

/* Erases PERSON in one transaction: the person, their comments and reasons,
 * the audit rows about them, and their assessments in open rounds.  Where
 * their id stood in others' data it becomes DK_ACTOR_ERASED.  Assessments
 * in closed rounds stay under an anonymous id with nothing that names the
 * person, so that closed rounds' figures do not change.  People they
 * managed get no manager, an audit row each.  Audited as CTX's actor.
 * The erasure runs under secure_delete (what is deleted is overwritten
 * with zeros), then the log is checkpointed into the store file, waiting
 * up to WAIT_MS for other connections' readers; SUMMARY->overwritten is
 * FALSE when they still held it back (the data is erased for every reader,
 * but its bytes may still be on disk).  With DRY_RUN only counts.
 * FALSE with ERROR when nothing was erased. */
gboolean dk_person_erase (DkStore *store, const char *person, gboolean dry_run, guint wait_ms,
                          DkEraseSummary *summary, const DkContext *ctx, GError **error);

/* The store's side of dk_person_erase (core/store-person.c): counts what
 * erasing P removes into *SUMMARY, and removes it inside the caller's
 * transaction, audited.  FALSE with ERROR on a store failure. */
gboolean dk_store_person_erasure_count (DkStore *store, const DkPerson *p, DkEraseSummary *summary,
                                        GError **error);
gboolean dk_store_person_erase_rows (DkStore *store, const DkPerson *p, const DkContext *ctx,
                                     GError **error);

#endif
