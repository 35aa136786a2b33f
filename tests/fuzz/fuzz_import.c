/* fuzz_import.c — libFuzzer target: the roster, ratings and catalogue
 * importers on one store (the first byte of the input picks the importer).
 * A rejected import must leave the store as it was. */
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static DkStore *store;
static char *path;

static void
setup (void)
{
  g_autofree char *dir = NULL;
  store = fuzz_store_new (&dir);
  g_autofree char *roster = g_build_filename (DK_SRCDIR, "tests/data/import/roster.csv", NULL);
  DkImportSummary s;
  dk_import_roster (store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &fuzz_ctx, NULL);
  dk_store_round_open (store, "r1", "R1", "small", NULL, &fuzz_ctx, NULL);
  path = g_build_filename (dir, "input.csv", NULL);
}

static gboolean
import_roster (DkStore *s, const char *p, DkCsvEncoding encoding, gboolean dry_run, DkImportSummary *summary,
               const DkContext *ctx, GError **error)
{
  return dk_import_roster (s, p, encoding, FALSE, dry_run, summary, NULL, ctx, error);
}

static gboolean
import_ratings (DkStore *s, const char *p, DkCsvEncoding encoding, gboolean dry_run, DkImportSummary *summary,
                const DkContext *ctx, GError **error)
{
  return dk_import_ratings (s, p, encoding, "r1", FALSE, dry_run, summary, NULL, ctx, error);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  if (store == NULL)
    setup ();
  if (size < 1)
    return 0;
  FuzzImport import;
  switch (data[0] % 3)
    {
    case 0:  import = import_roster; break;
    case 1:  import = import_ratings; break;
    default: import = dk_import_catalogue; break;
    }
  /* bit 2 of the first byte: a dry run; bit 3: the file is read as Windows-1252 */
  fuzz_import_checked (store, import, path, data[0] & 8 ? DK_CSV_WINDOWS_1252 : DK_CSV_UTF8, (data[0] & 4) != 0,
                       data + 1, size - 1,
                       "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM audit)"
                       " + (SELECT count(*) FROM activity)");
  return 0;
}
