/* fuzz_csv.c — libFuzzer target: the CSV reader every importer uses, with
 * header mapping and every record read. */
#include "csv.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static const DkCsvColumn columns[] = {
  { "person_id", "personid", TRUE }, { "round", "omgång", FALSE }, { "kön", "kön", FALSE },
};

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  GError *error = NULL;
  DkCsvReader *r = dk_csv_reader_new_from_data ((const char *) data, size, "fuzz.csv", DK_LANG_EN, &error);
  if (r == NULL)
    {
      g_assert (error != NULL);
      g_error_free (error);
      return 0;
    }
  int index[3];
  if (!dk_csv_reader_map_columns (r, columns, 3, index, &error))
    g_clear_error (&error);
  /* Every call, good or bad, moves past at least one line: more calls than
   * lines means the reader is stuck (it was once, on a bad first field). */
  gsize calls_left = 2;
  for (const unsigned char *p = data; (p = memchr (p, '\n', size - (gsize) (p - data))) != NULL; p++)
    calls_left++;
  DkCsvRecord rec;
  for (;;)
    {
      g_assert (calls_left-- > 0);
      if (dk_csv_reader_next (r, &rec, &error))
        {
          for (guint i = 0; i < rec.n_fields; i++)
            g_assert (rec.fields[i] != NULL && g_utf8_validate (rec.fields[i], (gssize) rec.lengths[i], NULL));
          continue;
        }
      if (error == NULL)
        break;
      g_clear_error (&error);
    }
  dk_csv_reader_free (r);
  return 0;
}
