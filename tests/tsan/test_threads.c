/* test_threads.c — core/ serving many threads at once, under
 * ThreadSanitizer (`make check-tsan`).
 *
 *   test_threads GEN LOCALEDIR
 *
 * GEN is the benchmark's generator (bench/gen.c), which makes the
 * organisation; LOCALEDIR holds the built message catalogues.
 *
 * Eight readers, each on its own store connection, make every view, every
 * report, the plan suggestions and every export, in both languages, of a
 * closed round r1, while two writers change ratings and plans in the open
 * round r2 on connections of their own.  Every reader's result must equal
 * the one the same call gave when the calls were made one at a time
 * (ThreadSanitizer fails the run on any data race it sees).  The writers
 * keep to the people of one department, whom no reader looks at. */
#include "support.h"
#include "exporters.h"
#include "import.h"
#include "participation.h"
#include "person-data.h"
#include "plan-export.h"
#include "plan-report.h"
#include "report.h"
#include "views.h"

#include <glib/gstdio.h>
#include <pthread.h>
#include <string.h>

#define N_READERS 8
#define N_PEOPLE "300"
#define WRITER_ROUNDS 40          /* at most, each writer; they stop when the readers are done */

static const char *gen_program, *localedir;

/* Who the readers look at, and the department the writers change. */
#define PERSON   "P0000251"
#define MANAGER  "P0000051"
#define WRITERS_UNIT "Kommun/Förvaltning 08"

/* ---- the calls -------------------------------------------------------------------------- */

typedef struct {
  DkStore    *store;
  const char *dir;     /* where this thread writes its files */
} Reader;

/* One call: returns what it gave as text (caller frees), or NULL with ERROR. */
typedef char *(*Call) (Reader *r, DkLang lang, GError **error);

static gint64
fixed_clock (gpointer data)
{
  (void) data;
  return 1780000000;   /* 2026-05-28: the date the PDFs print */
}

static DkContext
context (DkLang lang)
{
  DkContext ctx = dk_context_init ("test", lang);
  ctx.clock = fixed_clock;
  return ctx;
}

static guint
le16 (const guchar *p)
{
  return p[0] | (guint) p[1] << 8;
}

static guint32
le32 (const guchar *p)
{
  return le16 (p) | (guint32) le16 (p + 2) << 16;
}

/* Returns the checksum of the file at PATH without what tells when it was
 * written, which the serial and the parallel runs cannot share; the file
 * is then removed.  An XLSX (a zip) is summed by the name, CRC and size of
 * every member but docProps/core.xml (its creation time), as its central
 * directory lists them; a PDF with its /CreationDate blanked. */
static char *
file_checksum (const char *path, GError **error)
{
  static const char creation[] = "/CreationDate (", core[] = "docProps/core.xml";
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  g_unlink (path);
  guchar *data = (guchar *) text;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  if (len < 4 || le32 (data) != 0x04034b50)
    {
      for (guchar *p = data; (p = memmem (p, len - (gsize) (p - data), creation, strlen (creation))) != NULL; )
        for (p += strlen (creation); p < data + len && *p != ')'; p++)
          *p = '0';
      g_checksum_update (sum, data, len);
    }
  else
    for (gsize at = 0; at + 46 <= len; at++)
      {
        guint name_len = le16 (data + at + 28);
        if (le32 (data + at) != 0x02014b50 || at + 46 + name_len > len   /* a central directory entry */
            || (name_len == strlen (core) && memcmp (data + at + 46, core, name_len) == 0))
          continue;
        g_checksum_update (sum, data + at + 46, name_len);   /* the name */
        g_checksum_update (sum, data + at + 16, 4);          /* the CRC of the content */
        g_checksum_update (sum, data + at + 24, 4);          /* its size */
      }
  return g_strdup (g_checksum_get_string (sum));
}

/* Returns REPORT in every format, one after the other; consumes REPORT. */
static char *
every_format (Reader *r, DkReport *taken, DkLang lang, GError **error)
{
  g_autoptr (DkReport) report = taken;
  if (report == NULL)
    return NULL;
  DkContext ctx = context (lang);
  g_autofree char *xlsx = g_build_filename (r->dir, "report.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (r->dir, "report.pdf", NULL);
  g_autofree char *text = dk_report_render_text (report, FALSE);
  g_autofree char *csv = dk_report_render_csv (report);
  g_autofree char *html = dk_report_render_html (report);
  g_autofree char *json = dk_report_render_json (report, error);
  if (json == NULL || !dk_report_write_xlsx (report, xlsx, error))
    return NULL;
  g_autofree char *xlsx_sum = file_checksum (xlsx, error);
  if (xlsx_sum == NULL || !dk_report_write_pdf (report, &ctx, pdf, error))
    return NULL;
  g_autofree char *pdf_sum = file_checksum (pdf, error);
  if (pdf_sum == NULL)
    return NULL;
  return g_strjoin ("\n--\n", text, csv, html, json, xlsx_sum, pdf_sum, NULL);
}

static char *
conversation (Reader *r, DkLang lang, GError **error)
{
  return every_format (r, dk_view_conversation (r->store, PERSON, "r1", TRUE, lang, error), lang, error);
}

static char *
team (Reader *r, DkLang lang, GError **error)
{
  return every_format (r, dk_view_team (r->store, MANAGER, "r1", TRUE, lang, error), lang, error);
}

static char *
gap_report (Reader *r, DkReportKind kind, DkGroupBy group_by, DkLang lang, GError **error)
{
  g_autoptr (DkRound) round = dk_store_round (r->store, "r1", error);
  if (round == NULL)
    return NULL;
  DkReportQuery q = { .kind = kind, .group_by = group_by, .scope_by = DK_SCOPE_AREA, .depth = 2,
                      .min_group = 5, .lang = lang };
  DkReport *report = dk_report_new ("report", lang);
  if (!dk_report_add_gap_table (report, r->store, round, NULL, &q, error))
    g_clear_pointer (&report, dk_report_free);
  return every_format (r, report, lang, error);
}

static char *
needs (Reader *r, DkLang lang, GError **error)
{
  return gap_report (r, DK_REPORT_NEEDS, DK_GROUP_UNIT, lang, error);
}

static char *
average (Reader *r, DkLang lang, GError **error)
{
  return gap_report (r, DK_REPORT_AVERAGE, DK_GROUP_ROLE, lang, error);
}

static char *
motivation (Reader *r, DkLang lang, GError **error)
{
  return gap_report (r, DK_REPORT_MOTIVATION, DK_GROUP_GENDER, lang, error);
}

static char *
response (Reader *r, DkLang lang, GError **error)
{
  return gap_report (r, DK_REPORT_RESPONSE, DK_GROUP_UNIT, lang, error);
}

static char *
conversations (Reader *r, DkLang lang, GError **error)
{
  return gap_report (r, DK_REPORT_CONVERSATIONS, DK_GROUP_ORGANISATION, lang, error);
}

static char *
summary (Reader *r, DkLang lang, GError **error)
{
  g_autoptr (DkRound) round = dk_store_round (r->store, "r1", error);
  return round != NULL ? every_format (r, dk_report_summary (r->store, round, NULL, 5, NULL, lang, error), lang, error)
                       : NULL;
}

static char *
coverage (Reader *r, DkLang lang, GError **error)
{
  DkContext ctx = context (lang);
  return every_format (r, dk_report_coverage (r->store, "r1", NULL, 5, &ctx, error), lang, error);
}

static char *
goals (Reader *r, DkLang lang, GError **error)
{
  return every_format (r, dk_report_goals (r->store, "r1", NULL, 5, lang, error), lang, error);
}

static char *
participation (Reader *r, DkLang lang, GError **error)
{
  DkParticipationQuery q = { "2025-01-01", "2025-12-31", 10, 2.0, 5 };
  return every_format (r, dk_report_participation (r->store, &q, lang, error), lang, error);
}

/* The planner's suggestions for PERSON, both strategies, written out. */
static char *
suggestions (Reader *r, DkLang lang, GError **error)
{
  DkPlanContext ctx = { 0 };
  g_autoptr (GPtrArray) catalogue = NULL;
  if (!dk_plan_context_load (r->store, "r1", PERSON, &ctx, error)
      || (catalogue = dk_catalogue_load (r->store, error)) == NULL)
    {
      dk_plan_context_clear (&ctx);
      return NULL;
    }
  GString *out = g_string_new (NULL);
  for (DkStrategy strategy = DK_STRATEGY_GAPS; strategy <= DK_STRATEGY_GROWTH; strategy++)
    {
      DkContext rendering = context (lang);
      g_autoptr (GPtrArray) found = dk_plan_suggest (r->store, &ctx, catalogue, strategy, &rendering, error);
      if (found == NULL)
        {
          dk_plan_context_clear (&ctx);
          return g_string_free (out, TRUE), NULL;
        }
      for (guint i = 0; i < found->len; i++)
        {
          const DkNeedPlan *need = g_ptr_array_index (found, i);
          g_string_append_printf (out, "%s %u→%u%s:", need->competence->id, need->level, need->target,
                                  need->growth ? " growth" : "");
          for (guint j = 0; j < need->suggestions->len; j++)
            {
              const DkSuggestion *s = g_ptr_array_index (need->suggestions, j);
              g_autofree char *why = dk_reason_render (s->reason, lang);
              g_string_append_printf (out, " %s (%s)", s->activity->id, why);
            }
          g_string_append_c (out, '\n');
        }
    }
  dk_plan_context_clear (&ctx);
  return g_string_free (out, FALSE);
}

/* The plan in every format. */
static char *
plan (Reader *r, DkLang lang, GError **error)
{
  static const DkPlanFormat formats[] = { DK_PLAN_FORMAT_MD, DK_PLAN_FORMAT_HTML, DK_PLAN_FORMAT_ICS,
                                          DK_PLAN_FORMAT_JSON };
  GString *out = g_string_new (NULL);
  DkContext ctx = context (lang);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = dk_plan_render (r->store, "r1", PERSON, formats[i], &ctx, error);
      if (text == NULL)
        return g_string_free (out, TRUE), NULL;
      g_string_append_printf (out, "%s\n--\n", text);
    }
  g_autofree char *pdf = g_build_filename (r->dir, "plan.pdf", NULL);
  g_autofree char *sum = dk_plan_write_pdf (r->store, "r1", PERSON, &ctx, pdf, error) ? file_checksum (pdf, error)
                                                                                   : NULL;
  if (sum == NULL)
    return g_string_free (out, TRUE), NULL;
  g_string_append (out, sum);
  return g_string_free (out, FALSE);
}

/* Everything stored about the person (the same in both languages). */
static char *
person_data (Reader *r, DkLang lang, GError **error)
{
  (void) lang;
  return dk_person_export_json (r->store, PERSON, error);
}

static const struct { const char *name; Call call; } calls[] = {
  { "conversation", conversation }, { "team", team }, { "needs", needs }, { "average", average },
  { "motivation", motivation }, { "response", response }, { "conversations", conversations },
  { "summary", summary }, { "coverage", coverage }, { "goals", goals },
  { "participation", participation }, { "suggestions", suggestions }, { "plan", plan },
  { "person", person_data },
};
#define N_CALLS (G_N_ELEMENTS (calls) * DK_N_LANGS)

/* ---- the fixture ---------------------------------------------------------------------------- */

typedef struct {
  char       *store_path;
  char       *data;               /* the generator's files */
  GPtrArray  *writers_people;     /* ids in WRITERS_UNIT (char*) */
  char       *expected[N_CALLS];  /* each call made one at a time */
} Fixture;

static void
import_ok (gboolean ok, GError *error)
{
  if (!ok)
    fail_msg ("%s", error != NULL ? error->message : "failed");
}

/* The organisation of GEN's 300 people; round r1 rated, planned (a
 * suggested plan for everyone, an agreed one with a dated activity for
 * PERSON) and closed; round r2 open and rated. */
static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("digikomp-tsan-XXXXXX", &error);
  f->data = g_build_filename (dir, "gen", NULL);
  const char *argv[] = { gen_program, "--people", N_PEOPLE, "--seed", "7", "--out", f->data, NULL };
  int status = 0;
  assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                             &status, &error));
  assert_int_equal (status, 0);

  DkStore *store = dk_test_store ("frameworks/kommun-digcomp-12.xml", &f->store_path);
  g_autofree char *roster = g_build_filename (f->data, "roster.csv", NULL);
  g_autofree char *catalogue = g_build_filename (f->data, "catalogue.csv", NULL);
  g_autofree char *r1 = g_build_filename (f->data, "ratings-r1.csv", NULL);
  g_autofree char *r2 = g_build_filename (f->data, "ratings-r2.csv", NULL);
  g_autofree char *dated = dk_test_write_file ("dated.csv",
      "id,title_sv,title_en,kind,format,hours,language,develops,roles,units,themes,sessions,preparation\n"
      "dated,Skydda enheter,Protecting devices,course,on-site,2,sv,1.1:1..4,,,,"
      "2027-03-01T09:00/2027-03-01T11:00@Stadshuset|2027-04-01T09:00/2027-04-01T11:00@Biblioteket,Läs lathunden.\n");
  DkImportSummary s = { 0 };
  import_ok (dk_import_roster (store, roster, DK_CSV_UTF8, FALSE, FALSE, &s, NULL, &dk_test_ctx, &error), error);
  import_ok (dk_import_catalogue (store, catalogue, DK_CSV_UTF8, FALSE, &s, &dk_test_ctx, &error), error);
  import_ok (dk_import_catalogue (store, dated, DK_CSV_UTF8, FALSE, &s, &dk_test_ctx, &error), error);
  import_ok (dk_store_round_open (store, "r1", "Round 1", "kommun-digcomp-12", NULL, &dk_test_ctx, &error), error);
  import_ok (dk_import_ratings (store, r1, DK_CSV_UTF8, "r1", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error), error);
  dk_import_summary_clear (&s);
  guint written = 0;
  import_ok (dk_plan_suggest_all (store, "r1", NULL, &dk_test_ctx, &written, NULL, &error), error);
  assert_true (written > 100);
  g_autoptr (DkPlan) p = dk_plan_create (store, "r1", PERSON, TRUE, &dk_test_ctx, &error);
  import_ok (p != NULL, error);
  import_ok (dk_plan_add (store, "r1", PERSON, "1.1", "dated", NULL, 3, "2027-06-30", &dk_test_ctx, &error), error);
  import_ok (dk_plan_add (store, "r1", PERSON, "1.2", NULL, "A mentor", 0, NULL, &dk_test_ctx, &error), error);
  const DkContext manager = dk_context_init (MANAGER, DK_LANG_EN);
  import_ok (dk_plan_agree (store, "r1", PERSON, &manager, &error), error);
  import_ok (dk_plan_follow_up (store, "r1", PERSON, "2025-05-02", "Halfway there", &dk_test_ctx, &error), error);
  import_ok (dk_participation_record (store, PERSON, "A000", "2025-03-01", 4.5, "completed", &dk_test_ctx, &error), error);
  import_ok (dk_store_round_close (store, "r1", &dk_test_ctx, &error), error);
  import_ok (dk_store_round_open (store, "r2", "Round 2", "kommun-digcomp-12", NULL, &dk_test_ctx, &error), error);
  /* a dry run first: the second thread writes, then its work is rolled back */
  import_ok (dk_import_ratings (store, r2, DK_CSV_UTF8, "r2", FALSE, TRUE, &s, NULL, &dk_test_ctx, &error), error);
  dk_import_summary_clear (&s);
  import_ok (dk_import_ratings (store, r2, DK_CSV_UTF8, "r2", FALSE, FALSE, &s, NULL, &dk_test_ctx, &error), error);
  assert_true (s.added > 0);
  dk_import_summary_clear (&s);

  f->writers_people = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  assert_true (g_file_get_contents (roster, &text, NULL, &error));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (char **line = lines; *line != NULL; line++)
    if (strstr (*line, "," WRITERS_UNIT "/") != NULL)
      g_ptr_array_add (f->writers_people, g_strndup (*line, strcspn (*line, ",")));
  assert_true (f->writers_people->len >= 20);

  /* each call, one at a time, on one connection */
  Reader r = { store, dir };
  for (guint i = 0; i < N_CALLS; i++)
    {
      f->expected[i] = calls[i / DK_N_LANGS].call (&r, (DkLang) (i % DK_N_LANGS), &error);
      if (f->expected[i] == NULL)
        fail_msg ("%s: %s", calls[i / DK_N_LANGS].name, error->message);
    }
  dk_store_close (store);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;
  for (guint i = 0; i < N_CALLS; i++)
    g_free (f->expected[i]);
  g_ptr_array_unref (f->writers_people);
  g_free (f->store_path);
  g_free (f->data);
  g_free (f);
  return 0;
}

/* ---- the threads ------------------------------------------------------------------------------- */

typedef struct {
  Fixture           *f;
  pthread_barrier_t *start;
  int               *readers_left;   /* atomic: the writers go on while it is not 0 */
  guint              index;
  char              *failure;        /* what went wrong, or NULL */
  guint              done;           /* calls made, or changes written */
} Job;

static void
job_fail (Job *job, const char *what, const GError *error)
{
  if (job->failure == NULL)
    job->failure = g_strdup_printf ("thread %u: %s: %s", job->index, what,
                                    error != NULL ? error->message : "a different result");
}

/* Makes every call, starting at a call of its own so that the threads make
 * different calls at the same moment, and compares each with its result
 * made one at a time. */
static void *
reader_run (void *data)
{
  Job *job = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("digikomp-reader-XXXXXX", &error);
  Reader r = { dk_store_open (job->f->store_path, FALSE, DK_LANG_EN, &error), dir };
  pthread_barrier_wait (job->start);
  for (guint k = 0; r.store != NULL && k < N_CALLS; k++)
    {
      guint i = (k + job->index * 3) % N_CALLS;
      g_autofree char *got = calls[i / DK_N_LANGS].call (&r, (DkLang) (i % DK_N_LANGS), &error);
      if (got == NULL || strcmp (got, job->f->expected[i]) != 0)
        {
          g_autofree char *what = g_strdup_printf ("%s in %s", calls[i / DK_N_LANGS].name,
                                                   dk_lang_code ((DkLang) (i % DK_N_LANGS)));
          job_fail (job, what, error);
        }
      g_clear_error (&error);
      job->done++;
    }
  if (r.store == NULL)
    job_fail (job, "opening the store", error);
  dk_store_close (r.store);
  g_rmdir (dir);
  __atomic_sub_fetch (job->readers_left, 1, __ATOMIC_RELEASE);
  return NULL;
}

static gboolean
readers_busy (const Job *job)
{
  return __atomic_load_n (job->readers_left, __ATOMIC_ACQUIRE) > 0;
}

/* Rates the writers' department in r2 over and over: self-ratings,
 * sharing, the manager's levels with a reason, conversations. */
static void *
ratings_writer_run (void *data)
{
  Job *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkStore) store = dk_store_open (job->f->store_path, FALSE, DK_LANG_EN, &error);
  /* r2 opened today, so the conversations are held today */
  DkContext ctx = dk_context_init (NULL, DK_LANG_EN);
  const DkContext hr = dk_context_init ("hr:Test", DK_LANG_EN);
  g_autofree char *today = dk_context_today (&ctx);
  pthread_barrier_wait (job->start);
  for (guint round = 0; store != NULL && job->failure == NULL && round < WRITER_ROUNDS
                        && (round == 0 || readers_busy (job)); round++)
    for (guint i = 0; i < job->f->writers_people->len && job->failure == NULL; i++)
      {
        const char *p = g_ptr_array_index (job->f->writers_people, i);
        guint level = 1 + (round + i) % 4;
        if (!dk_store_rate_self (store, "r2", p, "1.1", level, &dk_test_ctx, &error)
            || !dk_store_rate_motivation (store, "r2", p, "1.1", 5 - level, &dk_test_ctx, &error)
            || !dk_store_share (store, "r2", p, &dk_test_ctx, &error)
            || !dk_store_rate_manager (store, "r2", p, "1.1", level + 1, "Seen at work", &hr, &error)
            || !dk_store_conversation_held (store, "r2", p, today, &ctx, &error))
          job_fail (job, p, error);
        job->done++;
      }
  if (store == NULL)
    job_fail (job, "opening the store", error);
  return NULL;
}

/* Suggests plans for the writers' department in r2, then takes each
 * person's plan through its lifecycle, over and over. */
static void *
plans_writer_run (void *data)
{
  Job *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkStore) store = dk_store_open (job->f->store_path, FALSE, DK_LANG_EN, &error);
  const DkContext sv = { .actor = "test", .lang = DK_LANG_SV };
  const DkContext hr = dk_context_init ("hr:Test", DK_LANG_EN);
  pthread_barrier_wait (job->start);
  guint written = 0;
  if (store != NULL && !dk_plan_suggest_all (store, "r2", WRITERS_UNIT, &sv, &written, NULL, &error))
    job_fail (job, "plan suggest --all", error);
  for (guint round = 0; store != NULL && job->failure == NULL && round < WRITER_ROUNDS
                        && (round == 0 || readers_busy (job)); round++)
    for (guint i = 0; i < job->f->writers_people->len && job->failure == NULL; i++)
      {
        const char *p = g_ptr_array_index (job->f->writers_people, i);
        g_autoptr (DkPlan) plan = round == 0 ? dk_plan_create (store, "r2", p, TRUE, &sv, &error)
                                             : dk_plan_get (store, "r2", p, DK_LANG_EN, &error);
        if (plan == NULL
            || !dk_plan_add (store, "r2", p, "1.1", NULL, "Mentor", 0, NULL, &dk_test_ctx, &error)
            || !dk_plan_agree (store, "r2", p, &hr, &error)
            || !dk_plan_follow_up (store, "r2", p, "2026-04-01", "On track", &dk_test_ctx, &error)
            || !dk_plan_reopen (store, "r2", p, &hr, &error))
          job_fail (job, p, error);
        job->done++;
      }
  if (store == NULL)
    job_fail (job, "opening the store", error);
  return NULL;
}

static void
test_readers_and_writers_at_once (void **state)
{
  Fixture *f = *state;
  enum { N_WRITERS = 2, N_THREADS = N_READERS + N_WRITERS };
  pthread_barrier_t start;
  pthread_barrier_init (&start, NULL, N_THREADS);
  int readers_left = N_READERS;
  Job jobs[N_THREADS];
  pthread_t threads[N_THREADS];
  for (guint t = 0; t < N_THREADS; t++)
    {
      jobs[t] = (Job) { f, &start, &readers_left, t, NULL, 0 };
      void *(*run) (void *) = t < N_READERS ? reader_run : t == N_READERS ? ratings_writer_run : plans_writer_run;
      assert_int_equal (pthread_create (&threads[t], NULL, run, &jobs[t]), 0);
    }
  for (guint t = 0; t < N_THREADS; t++)
    pthread_join (threads[t], NULL);
  pthread_barrier_destroy (&start);
  for (guint t = 0; t < N_THREADS; t++)
    {
      if (jobs[t].failure != NULL)
        fail_msg ("%s", jobs[t].failure);
      if (t < N_READERS)
        assert_int_equal (jobs[t].done, N_CALLS);
      else
        assert_true (jobs[t].done >= f->writers_people->len);
      print_message ("thread %u: %u %s\n", t, jobs[t].done, t < N_READERS ? "calls" : "changes");
    }

  /* what the writers wrote is there, whole */
  g_autoptr (GError) error = NULL;
  g_autoptr (DkStore) store = dk_store_open (f->store_path, FALSE, DK_LANG_EN, &error);
  assert_non_null (store);
  for (guint i = 0; i < f->writers_people->len; i++)
    {
      const char *p = g_ptr_array_index (f->writers_people, i);
      g_autoptr (DkPlan) plan = dk_plan_get (store, "r2", p, DK_LANG_EN, &error);
      assert_non_null (plan);
      assert_string_equal (plan->state, "draft");
      assert_int_equal (plan->follow_ups->len, jobs[N_READERS + 1].done / f->writers_people->len);
    }
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      g_printerr ("usage: test_threads GEN LOCALEDIR\n");
      return 2;
    }
  gen_program = argv[1];
  localedir = argv[2];
  g_autoptr (GError) error = NULL;
  if (!dk_messages_load (localedir, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_readers_and_writers_at_once, setup, teardown),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
