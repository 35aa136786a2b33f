/* fuzz_catalogue_xml.c — libFuzzer target: the catalogue XML, as `catalogue
 * import FILE.xml` reads it, into a store with the small framework.  A
 * rejected import must leave the store as it was. */
#include "import.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static DkStore *store;
static char *path;

static void
setup (void)
{
  char *dir = g_dir_make_tmp ("digikomp-fuzz-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  store = dk_store_open (db, TRUE, NULL);
  g_autofree char *fw = g_build_filename (DK_SRCDIR, "tests/data/framework/small.xml", NULL);
  dk_framework_free (dk_store_register_framework (store, fw, NULL));
  path = g_build_filename (dir, "input.xml", NULL);   /* the name picks the XML reader */
  g_free (dir);
}

static gint64
count_rows (void)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2 (dk_store_db (store),
                      "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM audit)", -1, &stmt, NULL);
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
  g_file_set_contents (path, (const char *) data, (gssize) size, NULL);
  gint64 before = count_rows ();
  DkImportSummary s;
  GError *error = NULL;
  gboolean ok = dk_import_catalogue (store, path, &s, &error);
  g_assert (ok == (error == NULL));
  if (!ok)
    g_assert (count_rows () == before);   /* all or nothing */
  g_clear_error (&error);
  return 0;
}
