/* fuzz_cookie.c — libFuzzer target: the Cookie header, from which
 * `digikomp serve` takes the session id (web/parse.h).  The value found is
 * a part of the header without ';', or nothing; never a crash. */
#include "web/parse.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  char *header = g_strndup ((const char *) data, size);
  char *value = dk_web_parse_cookie (header, "dk-session");
  if (value != NULL)
    g_assert (strchr (value, ';') == NULL && strstr (header, value) != NULL);
  g_free (value);
  g_free (header);
  return 0;
}
