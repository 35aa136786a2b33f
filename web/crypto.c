/*
 * crypto.c — tokens and password hashes through libsodium (crypto.h).
 */
#include "crypto.h"
#include "web.h"

#include <sodium.h>
#include <string.h>

G_DEFINE_QUARK (dk-web-error-quark, dk_web_error)

gboolean
dk_web_crypto_init (void)
{
  return sodium_init () >= 0;
}

static char *
hex (const unsigned char *bytes, gsize n)
{
  char *out = g_malloc (n * 2 + 1);
  sodium_bin2hex (out, n * 2 + 1, bytes, n);
  return out;
}

char *
dk_web_token (void)
{
  unsigned char bytes[32];
  randombytes_buf (bytes, sizeof bytes);
  return hex (bytes, sizeof bytes);
}

char *
dk_web_token_hash (const char *token)
{
  unsigned char digest[32];
  crypto_generichash (digest, sizeof digest, (const unsigned char *) token, strlen (token), NULL, 0);
  return hex (digest, sizeof digest);
}

char *
dk_web_token_new (char **hash)
{
  char *token = dk_web_token ();
  *hash = dk_web_token_hash (token);
  return token;
}

char *
dk_web_password_hash (const char *password, GError **error)
{
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str (out, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, DK_WEB_ERROR, DK_WEB_ERROR_FAILED, _("not enough memory to hash the password"));
      return NULL;
    }
  return g_strdup (out);
}

gboolean
dk_web_password_check (const char *hash, const char *password)
{
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
dk_web_secret_equal (const char *a, const char *b)
{
  gsize n = strlen (a);
  return n == strlen (b) && sodium_memcmp (a, b, n) == 0;
}
