/* fuzz_participation.c — libFuzzer target: the participation CSV, as
 * `import participation` reads it, into a store with people, the test
 * catalogue and a plan whose item a completed row marks done.  A rejected
 * import must leave the store as it was. */
#include "fuzz-store.h"
#include "plan.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static DkStore *store;
static char *path;

static void
setup (void)
{
  g_autofree char *dir = NULL;
  store = fuzz_store_new (&dir);
  g_autofree char *roster = g_build_filename (DK_SRCDIR, "tests/data/participation/roster.csv", NULL);
  g_autofree char *catalogue = g_build_filename (DK_SRCDIR, "tests/data/catalogue/good.xml", NULL);
  DkImportSummary s;
  dk_import_roster (store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &fuzz_ctx, NULL);
  dk_import_catalogue (store, catalogue, DK_CSV_UTF8, FALSE, &s, &fuzz_ctx, NULL);
  dk_store_round_open (store, "r1", "R1", "small", NULL, &fuzz_ctx, NULL);
  dk_plan_free (dk_plan_create (store, "r1", "Q1", FALSE, &fuzz_ctx, NULL));
  dk_plan_add (store, "r1", "Q1", "1.1", "phishing", NULL, 0, NULL, &fuzz_ctx, NULL);
  path = g_build_filename (dir, "input.csv", NULL);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  if (store == NULL)
    setup ();
  fuzz_import_checked (store, dk_import_participation, path, DK_CSV_UTF8, FALSE, data, size,
                       "SELECT (SELECT count(*) FROM participation) + (SELECT count(*) FROM audit)"
                       " + (SELECT count(*) FROM plan_item WHERE status = 'done')");
  return 0;
}
