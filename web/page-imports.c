/*
 * page-imports.c — /imports: HR uploads a roster, ratings, a catalogue or
 * participation, read by the command line's importers (importers/import.h)
 * as the signed-in person (audited).  All or nothing: a bad file is
 * answered 400 with the importer's "FILE:LINE: what is wrong", the form
 * kept, nothing stored.  Any file may first be tried as a dry run: the
 * importer writes it all in a transaction it then rolls back, so that the
 * page counts exactly what the import would change, and nothing is.
 */
#include "import.h"
#include "page.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *const kinds[] = { "roster", "ratings", "catalogue", "participation" };

/* Answers the form with STATUS, PROBLEM (may be NULL) or DONE (may be NULL)
 * above it, and under DONE its NOTICES (char*; may be NULL). */
static void
imports_form (Request *r, int status, const char *problem, const char *done, GPtrArray *notices)
{
  DkHtml *h = dk_page_start_outcome (r, T ("Import a file"), problem, done);
  if (notices != NULL && notices->len > 0)
    {
      DK_HTML_MARKUP (h, "<ul class=\"notices\">");
      for (guint i = 0; i < notices->len; i++)
        dk_html_element (h, "li", notices->pdata[i]);
      DK_HTML_MARKUP (h, "</ul>");
    }
  dk_html_element (h, "p", T ("A dry run reads and checks the file and shows what the import would change: "
                              "the rows added, updated and unchanged, and for ratings the values kept because "
                              "someone set them by hand since the last import. It changes nothing."));
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
  dk_html_text (h, T ("Dry run"));
  dk_html_close (h, "button");
  dk_page_button (h, T ("Import"), TRUE);
  dk_web_answer_page (r, status, h);
}

void
dk_page_imports (Request *r)
{
  imports_form (r, 200, NULL, NULL, NULL);
}

/* Runs the KIND import of PATH (DRY: count only) into SUMMARY. */
static gboolean
run (Request *r, const char *kind, const char *path, gboolean dry, DkImportSummary *s, GError **error)
{
  const char *round = g_hash_table_lookup (r->form, "round");
  if (strcmp (kind, "roster") == 0)
    return dk_import_roster (r->store, path, DK_CSV_UTF8, FALSE, dry, s, NULL, &r->ctx, error);
  if (strcmp (kind, "ratings") == 0)
    return dk_import_ratings (r->store, path, DK_CSV_UTF8, round != NULL ? round : "", FALSE, dry, s, NULL,
                              &r->ctx, error);
  if (strcmp (kind, "catalogue") == 0)
    return dk_import_catalogue (r->store, path, DK_CSV_UTF8, dry, s, &r->ctx, error);
  return dk_import_participation (r->store, path, DK_CSV_UTF8, dry, s, &r->ctx, error);
}

/* Returns what the KIND import did (DRY: would do) as S counts it, in a
 * sentence or two (caller frees). */
static char *
outcome (Request *r, const char *kind, gboolean dry, const DkImportSummary *s)
{
  GString *out = g_string_new (dry ? T ("Dry run, nothing written. ") : "");
  if (strcmp (kind, "catalogue") == 0)
    g_string_append_printf (out, T ("%llu rows; %llu added, %llu replaced, %llu unchanged."),
                            (unsigned long long) s->rows, (unsigned long long) s->added,
                            (unsigned long long) s->updated, (unsigned long long) s->unchanged);
  else
    g_string_append_printf (out, T ("%llu rows; %llu added, %llu updated, %llu unchanged."),
                            (unsigned long long) s->rows, (unsigned long long) s->added,
                            (unsigned long long) s->updated, (unsigned long long) s->unchanged);
  if (strcmp (kind, "ratings") == 0)
    g_string_append_printf (out, T (" Values kept because someone set them by hand since the last import: %llu."),
                            (unsigned long long) s->kept);
  if (strcmp (kind, "participation") == 0)
    g_string_append_printf (out, T (" Plan items marked done: %llu."), (unsigned long long) s->items_done);
  return g_string_free (out, FALSE);
}

/* Replaces in each of the N_TEXTS TEXTS the temporary directory DIR with
 * nothing: a message names the file as it was uploaded. */
static void
uploaded_names (const char *dir, char **texts, guint n_texts)
{
  g_autofree char *prefix = g_strconcat (dir, G_DIR_SEPARATOR_S, NULL);
  for (guint i = 0; i < n_texts; i++)
    {
      g_auto (GStrv) parts = g_strsplit (texts[i], prefix, -1);
      g_free (texts[i]);
      texts[i] = g_strjoinv ("", parts);
    }
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
      imports_form (r, 400, T ("Choose what the file holds and the file."), NULL, NULL);
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
      uploaded_names (dir, &error->message, 1);
      dk_import_summary_clear (&s);
      imports_form (r, 400, error->message, NULL, NULL);
      return;
    }
  if (s.notices != NULL)
    uploaded_names (dir, (char **) s.notices->pdata, s.notices->len);
  g_autofree char *done = outcome (r, kind, dry, &s);
  imports_form (r, 200, NULL, done, s.notices);
  dk_import_summary_clear (&s);
}
