/* fuzz_framework.c — libFuzzer target: framework XML, as `framework validate` reads it. */
#include "framework.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  GError *error = NULL;
  DkFramework *fw = dk_framework_load_from_data ((const char *) data, size, "fuzz.xml", DK_LANG_EN, &error);
  g_assert ((fw == NULL) != (error == NULL));
  dk_framework_free (fw);
  g_clear_error (&error);
  return 0;
}
