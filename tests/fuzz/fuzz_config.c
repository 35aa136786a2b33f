/* fuzz_config.c — libFuzzer target: the configuration file, config.ini, as
 * every command reads it before it runs.  A file either gives settings that
 * pass the module's own checks or an error, never both and never a crash. */
#include "config.h"
#include "gap.h"

#include <string.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data, size_t size)
{
  GError *error = NULL;
  DkConfig *config = dk_config_parse ("config.ini", (const char *) data, size, DK_LANG_EN, &error);
  g_assert ((config == NULL) != (error == NULL));
  if (config != NULL)
    {
      g_assert (config->lang == NULL || strcmp (config->lang, "sv") == 0 || strcmp (config->lang, "en") == 0);
      g_assert (config->min_group == 0 || config->min_group >= DK_GAP_MIN_GROUP_FLOOR);
    }
  dk_config_free (config);
  g_clear_error (&error);
  return 0;
}
