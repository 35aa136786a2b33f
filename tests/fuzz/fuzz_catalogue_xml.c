/* fuzz_catalogue_xml.c — libFuzzer target: the catalogue XML, as `catalogue
 * import FILE.xml` reads it, into a store with the small framework.  A
 * rejected import must leave the store as it was. */
#include "fuzz-store.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static DkStore *store;
static char *path;

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  if (store == NULL)
    {
      g_autofree char *dir = NULL;
      store = fuzz_store_new (&dir);
      path = g_build_filename (dir, "input.xml", NULL);   /* the name picks the XML reader */
    }
  fuzz_import_checked (store, dk_import_catalogue, path, DK_CSV_UTF8, FALSE, data, size,
                       "SELECT (SELECT count(*) FROM activity) + (SELECT count(*) FROM audit)");
  return 0;
}
