/*
 * progress.c — the progress line on standard error (progress.h).
 *
 * The time left is the time so far scaled by the fraction still to do, so it
 * is only as good as the job's estimate of its fraction; it is shown from
 * 1 % on.  The rate is items per second in the current phase.
 */
#include "progress.h"
#include "report-model.h"

#include <stdio.h>
#include <unistd.h>

#define REDRAW_US (G_USEC_PER_SEC / 5)

struct _CliProgress {
  char   *what;
  DkLang  lang;
  gboolean active;     /* standard error is a terminal */
  gboolean drawn;      /* a line is on the screen */
  gint64  start, phase_start, last_draw;
  guint64 last_count;
};

CliProgress *
cli_progress_new (const char *what, DkLang lang)
{
  CliProgress *p = g_new0 (CliProgress, 1);
  p->what = g_strdup (what);
  p->lang = lang;
  p->active = isatty (STDERR_FILENO);
  p->start = p->phase_start = p->last_draw = g_get_monotonic_time ();
  return p;
}

/* Returns SECONDS as "42 s" or "3 min 05 s". */
static char *
duration_text (double seconds)
{
  guint s = (guint) (seconds + 0.5);
  if (s < 60)
    return g_strdup_printf (_("%u s"), s);
  return g_strdup_printf (_("%u min %02u s"), s / 60, s % 60);
}

static void
draw (CliProgress *p, guint64 count, double fraction, gint64 now)
{
  double elapsed = (double) (now - p->start) / G_USEC_PER_SEC;
  double phase = (double) (now - p->phase_start) / G_USEC_PER_SEC;
  g_autofree char *percent = dk_format_percent (fraction, p->lang);
  g_autofree char *left = fraction >= 0.01 && fraction < 1.0
      ? duration_text (elapsed * (1.0 - fraction) / fraction) : NULL;
  g_autofree char *line = NULL;
  if (left != NULL && phase > 0)
    line = g_strdup_printf (_("%s: %s, %llu (%.0f/s), %s left"), p->what, percent,
                            (unsigned long long) count, count / phase, left);
  else
    line = g_strdup_printf (_("%s: %s, %llu"), p->what, percent, (unsigned long long) count);
  /* \r and "erase to the end of the line" redraw it in place */
  fprintf (stderr, "\r%s\033[K", line);
  fflush (stderr);
  p->drawn = TRUE;
  p->last_draw = now;
}

void
cli_progress_update (CliProgress *p, guint64 count, double fraction)
{
  if (p == NULL || !p->active)
    return;
  gint64 now = g_get_monotonic_time ();
  if (count < p->last_count)
    p->phase_start = now;
  p->last_count = count;
  if (fraction >= 1.0 || now - p->last_draw >= REDRAW_US)
    draw (p, count, CLAMP (fraction, 0.0, 1.0), now);
}

static void
hook_func (guint64 count, double fraction, gpointer user_data)
{
  cli_progress_update (user_data, count, fraction);
}

DkProgress
cli_progress_hook (CliProgress *p)
{
  return (DkProgress) { p != NULL && p->active ? hook_func : NULL, p, 0, 1 };
}

void
cli_progress_free (CliProgress *p)
{
  if (p == NULL)
    return;
  if (p->drawn)
    fprintf (stderr, "\r\033[K");
  g_free (p->what);
  g_free (p);
}
