/*
 * module.c — the one symbol the program looks up in digikomp-web.so.
 */
#include "crypto.h"
#include "web.h"

#include <gmodule.h>

gboolean dk_web_serve (const DkServeOptions *options, GError **error);

static char *
password_hash (const char *password, GError **error)
{
  if (!dk_web_crypto_init ())
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_FAILED, _("cannot initialise libsodium"));
      return NULL;
    }
  return dk_web_password_hash (password, error);
}

static char *
token_new (char **hash)
{
  /* sodium_init is idempotent and thread-safe; it cannot fail once
   * password_hash or serve has run, and randombytes works without it */
  dk_web_crypto_init ();
  return dk_web_token_new (hash);
}

G_MODULE_EXPORT const DkWeb dk_web_module = {
  dk_web_serve,
  password_hash,
  token_new,
};
