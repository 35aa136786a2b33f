/* fuzz_import.c — libFuzzer target: the roster, ratings and catalogue
 * importers on one store (the first byte of the input picks the importer).
 * A rejected import must leave the store as it was. */
#include "import.h"

#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static DkStore *store;
static char *dir;

static void
setup (void)
{
  dir = g_dir_make_tmp ("digikomp-fuzz-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  store = dk_store_open (db, TRUE, NULL);
  g_autofree char *fw = g_build_filename (DK_SRCDIR, "tests/data/framework/small.xml", NULL);
  dk_framework_free (dk_store_register_framework (store, fw, NULL));
  g_autofree char *roster = g_build_filename (DK_SRCDIR, "tests/data/import/roster.csv", NULL);
  DkImportSummary s;
  dk_import_roster (store, roster, FALSE, FALSE, &s, NULL, NULL);
  dk_store_round_open (store, "r1", "R1", "small", NULL, "fuzz", NULL);
}

static gint64
count_rows (void)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2 (dk_store_db (store),
                      "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM audit)"
                      " + (SELECT count(*) FROM activity)", -1, &stmt, NULL);
  sqlite3_step (stmt);
  gint64 n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  if (store == NULL)
    setup ();
  if (size < 1)
    return 0;
  g_autofree char *path = g_build_filename (dir, "input.csv", NULL);
  g_file_set_contents (path, (const char *) data + 1, (gssize) size - 1, NULL);
  gint64 before = count_rows ();
  DkImportSummary s;
  GError *error = NULL;
  gboolean ok;
  switch (data[0] % 3)
    {
    case 0:  ok = dk_import_roster (store, path, FALSE, data[0] & 4, &s, NULL, &error); break;
    case 1:  ok = dk_import_ratings (store, path, "r1", &s, NULL, &error); break;
    default: ok = dk_import_catalogue (store, path, &s, &error); break;
    }
  g_assert (ok == (error == NULL));
  if (!ok)
    g_assert (count_rows () == before);   /* all or nothing */
  g_clear_error (&error);
  return 0;
}
