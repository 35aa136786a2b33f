/*
 * support.h — what the unit tests share: paths to test data, scratch
 * stores, and assertions on errors.
 */
#ifndef DK_TEST_SUPPORT_H
#define DK_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store.h"

/* The context the tests change the store in: actor "test", English. */
extern const DkContext dk_test_ctx;

/* Reads the build's message catalogues (dk_messages_load), so that a test
 * can check a message in Swedish; fails the test when they cannot be read. */
void dk_test_messages_load (void);

/* Returns SRCDIR/REL (caller frees). */
char *dk_test_path (const char *rel);

/* Returns a new store in a fresh temporary directory with the framework
 * FRAMEWORK (a path relative to the source tree) registered; *PATH gets the
 * store's file (caller frees). */
DkStore *dk_test_store (const char *framework, char **path);

/* Writes TEXT to a new temporary file NAME and returns its path (caller frees). */
char *dk_test_write_file (const char *name, const char *text);

/* Fails the test unless ERROR is set and its message contains TEXT. */
#define assert_error_contains(error, text) \
  dk_test_assert_error_contains ((error), (text), __FILE__, __LINE__)
void dk_test_assert_error_contains (const GError *error, const char *text, const char *file, int line);

/* Returns a text dump of every table of the store at PATH, to prove that a
 * failed operation changed nothing (caller frees). */
char *dk_test_dump_store (DkStore *store);

/* A cancel callback's state: how often it was asked, and after how many
 * questions it says stop. */
typedef struct {
  guint asked;
  guint after;
} DkTestCanceller;

/* Returns CTX set up to ask CANCELLER (a DkTestCanceller): it says stop
 * once it has been asked more than CANCELLER->after times. */
DkContext dk_test_cancelling_context (DkTestCanceller *canceller);

#endif
