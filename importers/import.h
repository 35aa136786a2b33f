/*
 * import.h — importing outside data into the store: rosters, ratings,
 * the catalogue and participation (CSV and catalogue XML, docs/formats.md).
 *
 * Every import reads and checks the whole file first and reports every bad
 * row as "FILE:LINE: what is wrong" (up to 100) in one DK_IMPORT_ERROR_INVALID
 * error, writing nothing.  A clean file is written in one transaction: it
 * lands whole or not at all, whatever happens to the process.
 *
 * ENCODING is the CSV file's (csv.h).  PROGRESS (may be NULL) hears of the rows
 * read, then of the rows written.  With DRY_RUN, a clean file is written in
 * its transaction as it would be and then rolled back: SUMMARY counts (and,
 * for ratings, says) exactly what the import would do, and nothing changes.
 * Every change is audited as CTX's actor (dk_context_actor): the caller says
 * who imports.
 */
#ifndef DK_IMPORT_H
#define DK_IMPORT_H

#include "csv.h"
#include "store.h"

#define DK_IMPORT_ERROR (dk_import_error_quark ())
GQuark dk_import_error_quark (void);

typedef enum {
  DK_IMPORT_ERROR_INVALID,   /* bad rows: nothing was written (exit 3) */
  DK_IMPORT_ERROR_REFUSED,   /* the store refuses: a closed round */
} DkImportError;

typedef struct {
  guint64 added;
  guint64 updated;
  guint64 unchanged;
  guint64 deactivated;   /* roster --full only */
  guint64 rows;          /* data rows read */
  guint64 items_done;    /* participation only: plan items marked done */
  guint64 kept;          /* ratings only: values set by hand that the file would have changed */
  GPtrArray *notices;    /* ratings only: "FILE:LINE: kept …" per kept value (char*), or NULL */
} DkImportSummary;

/* Frees what SUMMARY holds (its notices). */
void dk_import_summary_clear (DkImportSummary *summary);

/* Imports the roster in PATH: people are added or updated by person_id,
 * units created from their paths, managers resolved by person id (in the
 * file, before or after, or already in the store).  With FULL, active people
 * missing from the file become inactive.  People added while rounds are
 * open are registered in them. */
gboolean dk_import_roster (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean full,
                           gboolean dry_run, DkImportSummary *summary, const DkProgress *progress,
                           const DkContext *ctx, GError **error);

/* Imports the ratings in PATH into round ROUND (a code; must be open).  The
 * rows of a person replace that person's levels in the round; people not in
 * the file keep theirs.  A value set by hand (rate, share, conversation)
 * since it was last imported is kept, unless OVERWRITE: each kept value
 * that the file would change is counted in SUMMARY->kept and said in
 * SUMMARY->notices as "FILE:LINE: kept the manager's level 1 set on DATE by
 * WHO" (free with dk_import_summary_clear); the manager's reason stays with
 * a kept level.  One audit row for the import, the changed people's
 * levels in chunks (store-audit.h).  All or nothing, in one transaction
 * that a second thread opens on its own connection to the store (a store in
 * memory is written by the caller's): STORE must not be inside a
 * transaction of its own. */
gboolean dk_import_ratings (DkStore *store, const char *path, DkCsvEncoding encoding, const char *round,
                            gboolean overwrite, gboolean dry_run, DkImportSummary *summary,
                            const DkProgress *progress, const DkContext *ctx, GError **error);

/* Imports the learning activities of the catalogue in PATH, XML (a name
 * ending in .xml, or content starting with '<') or CSV: new ids are added,
 * known ones replaced.  The competences of an XML catalogue are checked
 * against the framework it names when that is registered, else (and for
 * CSV) against every registered framework; levels must lie on the scale.
 * The XML form is read by the XML readers' module (core/xml-readers.h): a
 * G_FILE_ERROR when it cannot be loaded.  ENCODING is the CSV form's: an
 * XML file names its own, and one given as Windows-1252 is refused. */
gboolean dk_import_catalogue (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean dry_run,
                              DkImportSummary *summary, const DkContext *ctx, GError **error);

/* Imports the participation CSV in PATH (person_id, activity_id, date,
 * hours, status): each row is written as dk_participation_record writes one
 * (audited; a completed activity marks the plan items naming it done).
 * A row with the person, activity and date of a stored one replaces it. */
gboolean dk_import_participation (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean dry_run,
                                  DkImportSummary *summary, const DkContext *ctx, GError **error);

#endif
