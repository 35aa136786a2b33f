/* support.c — shared helpers of the unit tests. */
#include "support.h"

#include <string.h>

const DkContext dk_test_ctx = { .actor = "test", .lang = DK_LANG_EN };

void
dk_test_messages_load (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mo = g_build_filename (DK_TEST_LOCALEDIR, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_EXISTS));
  g_assert_true (dk_messages_load (DK_TEST_LOCALEDIR, &error));
}

char *
dk_test_path (const char *rel)
{
  return g_build_filename (DK_SRCDIR, rel, NULL);
}

static char *
scratch_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("digikomp-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

char *
dk_test_write_file (const char *name, const char *text)
{
  g_autofree char *dir = scratch_dir ();
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

DkStore *
dk_test_store (const char *framework, char **path)
{
  g_autofree char *dir = scratch_dir ();
  *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr (GError) error = NULL;
  DkStore *store = dk_store_open (*path, TRUE, DK_LANG_EN, &error);
  g_assert_no_error (error);
  g_autofree char *fw_path = dk_test_path (framework);
  dk_framework_free (dk_store_register_framework (store, fw_path, &dk_test_ctx, &error));
  g_assert_no_error (error);
  return store;
}

void
dk_test_assert_error_contains (const GError *error, const char *text, const char *file, int line)
{
  if (error == NULL)
    _fail (file, line);
  if (strstr (error->message, text) == NULL)
    {
      print_error ("error message lacks \"%s\":\n%s\n", text, error->message);
      _fail (file, line);
    }
}

char *
dk_test_dump_store (DkStore *store)
{
  static const char *tables[] = { "framework", "unit", "person", "round", "assessment",
                                  "rating_note", "audit" };
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (dk_store_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const void *blob = sqlite3_column_blob (stmt, c);
              int n = sqlite3_column_bytes (stmt, c);
              g_string_append_c (out, '|');
              for (int b = 0; blob != NULL && b < n; b++)
                g_string_append_printf (out, "%02x", ((const guint8 *) blob)[b]);
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static gboolean
cancel_after (gpointer user_data)
{
  DkTestCanceller *c = user_data;
  return ++c->asked > c->after;
}

DkContext
dk_test_cancelling_context (DkTestCanceller *canceller)
{
  DkContext ctx = dk_test_ctx;
  ctx.cancelled = cancel_after;
  ctx.cancel_data = canceller;
  return ctx;
}
