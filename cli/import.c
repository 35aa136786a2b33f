/*
 * import.c — `digikomp import roster|ratings|participation`.
 */
#include "cli.h"
#include "import.h"
#include "progress.h"
#include "report-model.h"

#include <stdio.h>

/* What the options of the import commands hold. */
typedef struct {
  DkCsvEncoding encoding;   /* every import */
  gboolean dry_run;         /* every import */
  gboolean full;            /* roster */
  char    *round;           /* ratings */
  gboolean overwrite;       /* ratings */
  DkContext ctx;            /* who imports (cli_context) */
} ImportOptions;

/* The --dry-run option of every import, filling O.dry_run. */
#define DRY_RUN_ENTRY(o) \
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &(o).dry_run, N_("Check and count, but write nothing"), NULL }

/* One import command: its texts and the importer it runs. */
typedef struct {
  const char *command;      /* "import roster" */
  const char *summary;      /* the help text */
  const char *usage;
  const char *what;         /* "People": what the summary counts */
  const char *failure;      /* "cannot import the roster" */
  gboolean    items_done;   /* the summary says how many plan items were marked done */
  gboolean  (*run) (DkStore *store, const char *path, const ImportOptions *o, DkImportSummary *s,
                    const DkProgress *progress, GError **error);
} ImportCommand;

static void
print_summary (const ImportCommand *c, const DkImportSummary *s, gboolean dry_run)
{
  for (guint i = 0; s->notices != NULL && i < s->notices->len; i++)
    {
      /* a notice quotes the file (who set a value by hand) */
      g_autofree char *notice = dk_text_escape_controls (g_ptr_array_index (s->notices, i), FALSE);
      printf ("%s\n", notice);
    }
  if (dry_run)
    printf (_("Dry run, nothing written. "));
  printf (_("%s: %llu rows; %llu added, %llu updated, %llu unchanged"), _(c->what),
          (unsigned long long) s->rows, (unsigned long long) s->added,
          (unsigned long long) s->updated, (unsigned long long) s->unchanged);
  if (s->deactivated > 0)
    printf (_(", %llu marked inactive"), (unsigned long long) s->deactivated);
  if (s->kept > 0)
    printf (_(", %llu kept (set by hand; --overwrite replaces them)"), (unsigned long long) s->kept);
  printf ("\n");
  if (c->items_done)
    printf (_("Plan items marked done: %llu\n"), (unsigned long long) s->items_done);
}

/* Parses the command line of C with ENTRIES (filling O), runs the import on
 * the one FILE operand and prints its summary.  Returns the exit code. */
static int
run_import (const ImportCommand *c, const GOptionEntry *entries, ImportOptions *o, int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (c->command, "FILE.csv", _(c->summary), entries, &common);
  g_autofree char *encoding = NULL;
  cli_add_encoding_option (ctx, &encoding);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error ("%s", _(c->usage));
  else if (!cli_encoding (encoding, &o->encoding))
    rc = CLI_USAGE;
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autoptr (CliProgress) progress = cli_progress_new (_(c->what), common.lang);
      DkProgress hook = cli_progress_hook (progress);
      DkImportSummary summary = { 0 };
      o->ctx = cli_context (&common);
      gboolean ok = store != NULL && c->run (store, argv[1], o, &summary, &hook, &error);
      g_clear_pointer (&progress, cli_progress_free);   /* clears the line before the summary */
      if (store == NULL)
        rc = CLI_FAILED;
      else if (!ok)
        rc = cli_fail (_(c->failure), error);
      else
        print_summary (c, &summary, o->dry_run);
      dk_import_summary_clear (&summary);
    }
  cli_common_clear (&common);
  return rc;
}

static gboolean
run_roster (DkStore *store, const char *path, const ImportOptions *o, DkImportSummary *s,
            const DkProgress *progress, GError **error)
{
  return dk_import_roster (store, path, o->encoding, o->full, o->dry_run, s, progress, &o->ctx, error);
}

static int
import_roster (int argc, char **argv)
{
  static const ImportCommand command = {
    "import roster",
    N_("Adds or updates people and units from a roster CSV (docs/formats.md).\n"
       "Every bad row is reported as FILE:LINE and then nothing is written."),
    N_("usage: digikomp import roster FILE.csv [--full] [--dry-run]"),
    N_("People"), N_("cannot import the roster"), FALSE, run_roster,
  };
  ImportOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "full", 0, 0, G_OPTION_ARG_NONE, &o.full,
      N_("The file is the whole organisation: mark people missing from it inactive"), NULL },
    DRY_RUN_ENTRY (o),
    { NULL }
  };
  return run_import (&command, entries, &o, argc, argv);
}

static gboolean
run_ratings (DkStore *store, const char *path, const ImportOptions *o, DkImportSummary *s,
             const DkProgress *progress, GError **error)
{
  return dk_import_ratings (store, path, o->encoding, o->round, o->overwrite, o->dry_run, s, progress, &o->ctx,
                            error);
}

static int
import_ratings (int argc, char **argv)
{
  static const ImportCommand command = {
    "import ratings",
    N_("Imports self, manager and motivation levels (the long CSV form of docs/formats.md)\n"
       "into an open round.  Every bad row is reported as FILE:LINE and then nothing is written.\n"
       "A value set by hand (rate, assess, conversation) since it was imported is kept and\n"
       "reported as FILE:LINE, unless --overwrite."),
    N_("usage: digikomp import ratings FILE.csv [--round R] [--overwrite] [--dry-run]"),
    N_("Assessments"), N_("cannot import the ratings"), FALSE, run_ratings,
  };
  ImportOptions o = { 0 };
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &o.round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &o.overwrite,
      N_("Replace values set by hand since the last import (audited as the import's change)"), NULL },
    DRY_RUN_ENTRY (o),
    { NULL }
  };
  int rc = run_import (&command, entries, &o, argc, argv);
  g_free (o.round);
  return rc;
}

static gboolean
run_participation (DkStore *store, const char *path, const ImportOptions *o, DkImportSummary *s,
                   const DkProgress *progress, GError **error)
{
  (void) progress;   /* participation files are small: a few thousand rows a year */
  return dk_import_participation (store, path, o->encoding, o->dry_run, s, &o->ctx, error);
}

static int
import_participation (int argc, char **argv)
{
  static const ImportCommand command = {
    "import participation",
    N_("Records who took part in which activity (person_id, activity_id, date, hours, status;\n"
       "docs/formats.md); completing an activity marks the plan items naming it done.\n"
       "Every bad row is reported as FILE:LINE and then nothing is written."),
    N_("usage: digikomp import participation FILE.csv [--dry-run]"),
    N_("Participation"), N_("cannot import the participation"), TRUE, run_participation,
  };
  ImportOptions o = { 0 };
  const GOptionEntry entries[] = { DRY_RUN_ENTRY (o), { NULL } };
  return run_import (&command, entries, &o, argc, argv);
}

int
cmd_import (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "roster", import_roster, N_("People and units from a roster CSV") },
    { "ratings", import_ratings, N_("Ratings of a round from a CSV") },
    { "participation", import_participation, N_("Participation in activities from a CSV") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("import", subs, argc, argv);
}
