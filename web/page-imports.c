/*
 * page-imports.c — /imports: HR uploads a roster, ratings, a catalogue or
 * participation, read by the command line's importers (importers/import.h)
 * as the signed-in person (audited).  All or nothing: a bad file is
 * answered 400 with the importer's "FILE:LINE: what is wrong", the form
 * kept, nothing stored.  A roster may first be tried as a dry run, which
 * counts what the import would change and writes nothing.
 */
#include "import.h"
#include "page.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *const kinds[] = { "roster", "ratings", "catalogue", "participation" };

/* Answers the form with STATUS, PROBLEM (may be NULL) or DONE (may be NULL)
 * above it. */
static void
imports_form (Request *r, int status, const char *problem, const char *done)
{
  DkHtml *h = dk_page_start_outcome (r, T ("Import a file"), problem, done);
  const char *kind = r->form != NULL ? g_hash_table_lookup (r->form, "kind") : NULL;
  const char *round = r->form != NULL ? g_hash_table_lookup (r->form, "round") : NULL;
  dk_html_open (h, "form", "method", "post", "action", "/imports", "enctype", "multipart/form-data", NULL);
  dk_page_hidden (h, "csrf", r->session->csrf);
  const char *labels[] = { T ("Roster"), T ("Ratings"), T ("Catalogue"), T ("Participation") };
  dk_page_label (h, "kind", T ("What the file holds"));
  dk_html_open (h, "select", "id", "kind", "name", "kind", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gboolean sel = kind != NULL && strcmp (kind, kinds[i]) == 0;
      dk_html_open (h, "option", "value", kinds[i], sel ? "selected" : NULL, "", NULL);
      dk_html_text (h, labels[i]);
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  dk_page_label (h, "round", T ("Round (ratings only)"));
  dk_html_open (h, "input", "id", "round", "name", "round", "value", round != NULL ? round : "", NULL);
  dk_page_label (h, "file", T ("File"));
  dk_html_open (h, "input", "id", "file", "name", "file", "type", "file", "required", "", NULL);
  dk_html_open (h, "button", "type", "submit", "name", "dry-run", "value", "1", NULL);
  dk_html_text (h, T ("Dry run (roster)"));
  dk_html_close (h, "button");
  dk_page_button (h, T ("Import"), TRUE);
  dk_web_answer_page (r, status, h);
}

void
dk_page_imports (Request *r)
{
  imports_form (r, 200, NULL, NULL);
}

/* Runs the KIND import of PATH (DRY: count only; roster) into SUMMARY. */
static gboolean
run (Request *r, const char *kind, const char *path, gboolean dry, DkImportSummary *s, GError **error)
{
  const char *round = g_hash_table_lookup (r->form, "round");
  if (strcmp (kind, "roster") == 0)
    return dk_import_roster (r->store, path, DK_CSV_UTF8, FALSE, dry, s, NULL, &r->ctx, error);
  if (strcmp (kind, "ratings") == 0)
    return dk_import_ratings (r->store, path, DK_CSV_UTF8, round != NULL ? round : "", FALSE, s, NULL,
                              &r->ctx, error);
  if (strcmp (kind, "catalogue") == 0)
    return dk_import_catalogue (r->store, path, DK_CSV_UTF8, s, &r->ctx, error);
  return dk_import_participation (r->store, path, DK_CSV_UTF8, s, &r->ctx, error);
}

void
dk_page_imports_post (Request *r)
{
  const char *kind = g_hash_table_lookup (r->form, "kind");
  const char *file = g_hash_table_lookup (r->form, "file");
  const char *filename = g_hash_table_lookup (r->form, "file:filename");
  gboolean dry = g_hash_table_lookup (r->form, "dry-run") != NULL;
  gboolean known = FALSE;
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    known |= strcmp (kind, kinds[i]) == 0;
  if (!known || file == NULL)
    {
      imports_form (r, 400, T ("Choose what the file holds and the file."), NULL);
      return;
    }
  if (dry && strcmp (kind, "roster") != 0)
    {
      imports_form (r, 400, T ("A dry run is for a roster only."), NULL);
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("digikomp-import-XXXXXX", &error);
  g_autofree char *base = g_path_get_basename (filename != NULL && *filename != '\0' ? filename : "upload.csv");
  g_autofree char *path = dir != NULL ? g_build_filename (dir, base, NULL) : NULL;
  if (path == NULL || !g_file_set_contents (path, file, -1, &error))
    {
      dk_web_fail (r, error);
      return;
    }
  DkImportSummary s = { 0 };
  gboolean ok = run (r, kind, path, dry, &s, &error);
  g_unlink (path);
  g_rmdir (dir);
  if (!ok)
    {
      /* the message names the file as it was uploaded */
      g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);
      g_auto (GStrv) parts = g_strsplit (error->message, prefix, -1);
      g_autofree char *message = g_strjoinv ("", parts);
      dk_import_summary_clear (&s);
      imports_form (r, 400, message, NULL);
      return;
    }
  g_autofree char *done = g_strdup_printf (T ("%s%llu rows; %llu added, %llu updated, %llu unchanged, %llu kept."),
                                           dry ? T ("Dry run, nothing written. ") : "",
                                           (unsigned long long) s.rows, (unsigned long long) s.added,
                                           (unsigned long long) s.updated, (unsigned long long) s.unchanged,
                                           (unsigned long long) s.kept);
  dk_import_summary_clear (&s);
  imports_form (r, 200, NULL, done);
}
