/*
 * check-support.h — what the disclosure checkers (tests/check/) share:
 * exact arithmetic modulo a prime for their elimination, and their scratch
 * stores.  Not thread-safe; for the checkers' single thread.
 */
#ifndef DK_CHECK_SUPPORT_H
#define DK_CHECK_SUPPORT_H

#include "store.h"

/* Integers modulo the Mersenne prime 2^61 − 1.  The vectors are 0/1, and
 * the checkers ask whether one lies in the rational span of others.
 * Rational elimination would need big numbers; modulo a prime every step
 * is exact in 64 bits.  A vector in the rational span is in the span
 * modulo p unless p divides a denominator of the combination (a minor of
 * the 0/1 matrix); the converse fails only when p divides a nonzero minor.
 * Either needs one of a few thousand specific integers to be a multiple of
 * a prime near 2.3·10^18: a chance of the order of 10^-15 per run, and a
 * wrong "disclosed" would show its combination for a person to check. */
#define CHECK_PRIME ((guint64) 0x1FFFFFFFFFFFFFFFull)

/* Return A·B, A − B and the inverse of A (not 0), modulo CHECK_PRIME. */
guint64 check_mod_mul (guint64 a, guint64 b);
guint64 check_mod_sub (guint64 a, guint64 b);
guint64 check_mod_inv (guint64 a);

/* Writes TEXT to DIR/NAME and imports it: a roster when ROUND is NULL,
 * else ratings of ROUND; aborts the checker on failure. */
void check_import_file (DkStore *store, const char *dir, const char *name, const char *text, const char *round);

/* Removes the scratch store at PATH (dk_test_store's) and its folder. */
void check_remove_store (const char *path);

#endif
