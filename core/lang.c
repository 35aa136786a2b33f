/* lang.c — the two languages of digikomp. */
#include "dk.h"

#include <string.h>

gboolean
dk_lang_parse (const char *name, DkLang *out)
{
  if (g_strcmp0 (name, "sv") == 0)
    *out = DK_LANG_SV;
  else if (g_strcmp0 (name, "en") == 0)
    *out = DK_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

const char *
dk_lang_code (DkLang lang)
{
  return lang == DK_LANG_SV ? "sv" : "en";
}

const char *
dk_lang_locale_var (DkLang *out)
{
  static const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *v = g_getenv (vars[i]);
      if (v == NULL || *v == '\0')
        continue;
      if (g_str_has_prefix (v, "sv"))
        *out = DK_LANG_SV;
      else if (g_str_has_prefix (v, "en"))
        *out = DK_LANG_EN;
      else
        return NULL;
      return vars[i];
    }
  return NULL;
}
