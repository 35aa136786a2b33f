/* fuzz_query.c — libFuzzer target: a request's URL as `digikomp serve`
 * reads it (web/parse.h): the %-decoded path, and the query after '?'
 * parsed as a form.  A path is valid UTF-8 without a NUL, or the URL is
 * refused; never a crash. */
#include "web/parse.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  /* the server gets the URL as a C string */
  char *url = g_strndup ((const char *) data, size);
  const char *query = NULL;
  char *path = dk_web_parse_path (url, &query);
  if (path != NULL)
    {
      g_assert (g_utf8_validate (path, -1, NULL) && strlen (path) <= strlen (url));
      g_assert (query >= url && query <= url + strlen (url));
      GHashTable *fields = dk_web_parse_form (query, strlen (query));
      if (fields != NULL)
        g_hash_table_unref (fields);
    }
  g_free (path);
  g_free (url);
  return 0;
}
