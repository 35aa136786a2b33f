/* fuzz_form.c — libFuzzer target: a form body as a browser (or anyone)
 * POSTs it to `digikomp serve` (web/parse.h).  It parses to fields that are
 * valid UTF-8 without NULs, at most DK_WEB_MAX_FIELDS, or is refused; never
 * a crash. */
#include "web/parse.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  GHashTable *fields = dk_web_parse_form ((const char *) data, size);
  if (fields == NULL)
    return 0;
  g_assert (g_hash_table_size (fields) <= DK_WEB_MAX_FIELDS);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, fields);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      g_assert (g_utf8_validate (key, -1, NULL) && g_utf8_validate (value, -1, NULL));
      g_assert (strlen (key) <= size && strlen (value) <= size);
    }
  g_hash_table_unref (fields);
  return 0;
}
