/* fuzz-store.h — what the importer fuzz targets share: a scratch store with
 * the small test framework, and the check that a rejected import changed
 * nothing.  Each target is one translation unit, so these are static. */
#ifndef DK_FUZZ_STORE_H
#define DK_FUZZ_STORE_H

#include "import.h"

/* Who imports in the fuzz targets. */
static const DkContext fuzz_ctx = { .actor = "fuzz", .lang = DK_LANG_EN };

/* Returns a new store in a fresh temporary directory, with the framework
 * tests/data/framework/small.xml registered; *DIR gets the directory
 * (caller frees). */
static DkStore *
fuzz_store_new (char **dir)
{
  *dir = g_dir_make_tmp ("digikomp-fuzz-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (*dir, "fuzz.db", NULL);
  DkStore *store = dk_store_open (db, TRUE, DK_LANG_EN, NULL);
  g_autofree char *fw = g_build_filename (DK_SRCDIR, "tests/data/framework/small.xml", NULL);
  dk_framework_free (dk_store_register_framework (store, fw, &fuzz_ctx, NULL));
  return store;
}

/* Returns the one number SQL selects: a sum of row counts that any write
 * of the import under test changes. */
static gint64
fuzz_count (DkStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2 (dk_store_db (store), sql, -1, &stmt, NULL);
  sqlite3_step (stmt);
  gint64 n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

typedef gboolean (*FuzzImport) (DkStore *store, const char *path, DkCsvEncoding encoding, gboolean dry_run,
                                DkImportSummary *summary, const DkContext *ctx, GError **error);

/* Writes SIZE bytes of DATA to PATH and imports it with IMPORT, read in
 * ENCODING (with DRY_RUN, as a dry run): an error is set exactly when it
 * fails, and then, or after a dry run, COUNT_SQL counts what it did before. */
static void
fuzz_import_checked (DkStore *store, FuzzImport import, const char *path, DkCsvEncoding encoding,
                     gboolean dry_run, const unsigned char *data, size_t size, const char *count_sql)
{
  g_file_set_contents (path, (const char *) data, (gssize) size, NULL);
  gint64 before = fuzz_count (store, count_sql);
  DkImportSummary s;
  GError *error = NULL;
  gboolean ok = import (store, path, encoding, dry_run, &s, &fuzz_ctx, &error);
  g_assert (ok == (error == NULL));
  if (!ok || dry_run)
    g_assert (fuzz_count (store, count_sql) == before);   /* all or nothing */
  g_clear_error (&error);
}

#endif
