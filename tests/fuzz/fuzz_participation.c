/* fuzz_participation.c — libFuzzer target: the participation CSV, as
 * `import participation` reads it, into a store with people, the test
 * catalogue and a plan whose item a completed row marks done.  A rejected
 * import must leave the store as it was. */
#include "import.h"
#include "plan.h"

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
  g_autofree char *roster = g_build_filename (DK_SRCDIR, "tests/data/participation/roster.csv", NULL);
  g_autofree char *catalogue = g_build_filename (DK_SRCDIR, "tests/data/catalogue/good.xml", NULL);
  DkImportSummary s;
  dk_framework_free (dk_store_register_framework (store, fw, NULL));
  dk_import_roster (store, roster, FALSE, FALSE, &s, NULL);
  dk_import_catalogue (store, catalogue, &s, NULL);
  dk_store_round_open (store, "r1", "R1", "small", NULL, "fuzz", NULL);
  dk_plan_free (dk_plan_create (store, "r1", "Q1", FALSE, DK_LANG_EN, NULL));
  dk_plan_add (store, "r1", "Q1", "1.1", "phishing", NULL, 0, NULL, NULL);
  path = g_build_filename (dir, "input.csv", NULL);
  g_free (dir);
}

static gint64
count_rows (void)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_prepare_v2 (dk_store_db (store),
                      "SELECT (SELECT count(*) FROM participation) + (SELECT count(*) FROM audit)"
                      " + (SELECT count(*) FROM plan_item WHERE status = 'done')", -1, &stmt, NULL);
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
  gboolean ok = dk_import_participation (store, path, &s, &error);
  g_assert (ok == (error == NULL));
  if (!ok)
    g_assert (count_rows () == before);   /* all or nothing */
  g_clear_error (&error);
  return 0;
}
