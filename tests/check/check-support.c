/*
 * check-support.c — what the disclosure checkers share.
 */
#include "check-support.h"
#include "support.h"
#include "import.h"

#include <glib/gstdio.h>

guint64
check_mod_mul (guint64 a, guint64 b)
{
  unsigned __int128 m = (unsigned __int128) a * b;
  guint64 r = (guint64) (m & CHECK_PRIME) + (guint64) (m >> 61);
  return r >= CHECK_PRIME ? r - CHECK_PRIME : r;
}

guint64 check_mod_sub (guint64 a, guint64 b) { return a >= b ? a - b : a + CHECK_PRIME - b; }

guint64
check_mod_inv (guint64 a)
{
  guint64 r = 1, e = CHECK_PRIME - 2;
  for (; e > 0; e >>= 1, a = check_mod_mul (a, a))
    if (e & 1)
      r = check_mod_mul (r, a);
  return r;
}

void
check_import_file (DkStore *store, const char *dir, const char *name, const char *text, const char *round)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  DkImportSummary s = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean ok = round == NULL
      ? dk_import_roster (store, path, DK_CSV_UTF8, TRUE, FALSE, &s, NULL, &dk_test_ctx, &error)
      : dk_import_ratings (store, path, DK_CSV_UTF8, round, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error);
  if (!ok)
    g_error ("%s: %s", name, error->message);
  dk_import_summary_clear (&s);
  g_unlink (path);
}

void
check_remove_store (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *f = g_strconcat (path, suffixes[i], NULL);
      g_unlink (f);
    }
  g_rmdir (dir);
}
