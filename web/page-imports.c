/*
 * page-imports.c — /imports: HR uploads a roster, ratings, a catalogue or
 * participation, read by the command line's importers (importers/import.h)
 * as the signed-in person (audited).  All or nothing: a bad file is
 * answered 400 with the importer's "FILE:LINE: what is wrong", the form
 * kept, nothing stored.  Any file may first be tried as a dry run: the
 * importer writes it all in a transaction it then rolls back, so that the
 * page counts exactly what the import would change, and nothing is.
 * Ratings go into the round the form names, else where `digikomp import
 * ratings` would put them: config.ini's round, else the open one; the page
 * says which.
 */
#include "hint.h"
#include "import.h"
#include "page.h"

#include <glib/gstdio.h>
#include <string.h>

static const char *const kinds[] = { "roster", "ratings", "catalogue", "participation" };

/* The notices (a value kept, each) a page lists at most: a file of
 * thousands would make a page nobody reads; the rest are counted. */
#define MAX_NOTICES 50

/* Answers the form with STATUS, PROBLEM (may be NULL) or DONE (may be NULL)
 * above it, and under DONE its NOTICES (char*; may be NULL). */
static void
imports_form (Request *r, int status, const char *problem, const char *done, GPtrArray *notices)
{
  DkHtml *h = dk_page_start_outcome (r, T ("Import a file"), problem, done);
  if (notices != NULL && notices->len > 0)
    {
      DK_HTML_MARKUP (h, "<ul class=\"notices\">");
      for (guint i = 0; i < MIN (notices->len, MAX_NOTICES); i++)
        dk_html_element (h, "li", notices->pdata[i]);
      if (notices->len > MAX_NOTICES)
        {
          guint more = notices->len - MAX_NOTICES;
          g_autofree char *rest = g_strdup_printf (dk_ngettext (r->ctx.lang, "… and %u more", "… and %u more",
                                                                more), more);
          dk_html_element (h, "li", rest);
        }
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
  dk_page_label (h, "round", T ("Round (ratings only; empty: the configured round, else the open one)"));
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

/* Runs the KIND import of PATH (DRY: count only) into SUMMARY; sets *ROUND
 * to the round ratings went into (NULL for the other kinds). */
static gboolean
run (Request *r, const char *kind, const char *path, gboolean dry, DkImportSummary *s, DkRound **round,
     GError **error)
{
  if (strcmp (kind, "roster") == 0)
    return dk_import_roster (r->store, path, DK_CSV_UTF8, FALSE, dry, s, NULL, &r->ctx, error);
  if (strcmp (kind, "ratings") == 0)
    {
      const char *named = g_hash_table_lookup (r->form, "round");
      *round = dk_store_round (r->store, named != NULL && *named != '\0' ? named : r->options->round, error);
      return *round != NULL
             && dk_import_ratings (r->store, path, DK_CSV_UTF8, (*round)->code, FALSE, dry, s, NULL, &r->ctx,
                                   error);
    }
  if (strcmp (kind, "catalogue") == 0)
    return dk_import_catalogue (r->store, path, DK_CSV_UTF8, dry, s, &r->ctx, error);
  return dk_import_participation (r->store, path, DK_CSV_UTF8, dry, s, &r->ctx, error);
}

/* Returns what the KIND import did (DRY: would do) as S counts it, in a
 * sentence or two, with the ROUND ratings went into (caller frees). */
static char *
outcome (Request *r, const char *kind, gboolean dry, const DkImportSummary *s, const DkRound *round)
{
  GString *out = g_string_new (dry ? T ("Dry run, nothing written. ") : "");
  /* an activity is replaced whole; a person or a rating is updated */
  g_string_append_printf (out,
                          strcmp (kind, "catalogue") == 0
                              ? T ("%llu rows; %llu added, %llu replaced, %llu unchanged.")
                              : T ("%llu rows; %llu added, %llu updated, %llu unchanged."),
                          (unsigned long long) s->rows, (unsigned long long) s->added,
                          (unsigned long long) s->updated, (unsigned long long) s->unchanged);
  if (strcmp (kind, "ratings") == 0)
    g_string_append_printf (out, T (" Values kept because someone set them by hand since the last import: %llu."),
                            (unsigned long long) s->kept);
  if (round != NULL)
    g_string_append_printf (out, T (" Round: %s (%s)."), round->code, round->title);
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
  g_autoptr (DkRound) round = NULL;
  gboolean ok = run (r, kind, path, dry, &s, &round, &error);
  g_unlink (path);
  g_rmdir (dir);
  if (!ok)
    {
      uploaded_names (dir, &error->message, 1);
      dk_import_summary_clear (&s);
      g_autofree char *problem = dk_error_hint (error, NULL, NULL) == DK_HINT_ROUND_NAME
                                 ? g_strdup_printf (T ("%s; name one in the field Round."), error->message)
                                 : g_strdup (error->message);
      imports_form (r, 400, problem, NULL, NULL);
      return;
    }
  if (s.notices != NULL)
    uploaded_names (dir, (char **) s.notices->pdata, s.notices->len);
  g_autofree char *done = outcome (r, kind, dry, &s, round);
  imports_form (r, 200, NULL, done, s.notices);
  dk_import_summary_clear (&s);
}
