/*
 * crypto.h — the web module's secrets through libsodium: random tokens,
 * their hashes as the store keeps them, password hashes.  Thread-safe once
 * dk_web_crypto_init has returned TRUE.
 */
#ifndef DK_WEB_CRYPTO_H
#define DK_WEB_CRYPTO_H

#include <glib.h>

/* Initialises libsodium; FALSE when it cannot (no source of randomness). */
gboolean dk_web_crypto_init (void);

/* Returns a new random 256-bit token as 64 hex digits (caller frees). */
char *dk_web_token (void);

/* Returns the hash of TOKEN as the store keeps it: BLAKE2b-256, hex
 * (caller frees). */
char *dk_web_token_hash (const char *token);

/* Returns a new token (caller frees) and its hash in *HASH (caller frees). */
char *dk_web_token_new (char **hash);

/* Returns PASSWORD's Argon2id string, or NULL with ERROR. */
char *dk_web_password_hash (const char *password, GError **error);

/* Returns TRUE when PASSWORD matches HASH (a crypto_pwhash_str string). */
gboolean dk_web_password_check (const char *hash, const char *password);

/* Returns TRUE when the strings A and B are equal, in a time that does not
 * depend on where they differ. */
gboolean dk_web_secret_equal (const char *a, const char *b);

#endif
