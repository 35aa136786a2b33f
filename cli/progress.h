/*
 * progress.h — one progress line on standard error for long work (imports,
 * `plan suggest --all`, batch exports): the share done, the items handled,
 * the rate and the time left, redrawn at most five times a second.  Nothing
 * is printed when standard error is not a terminal, so logs and pipes stay
 * clean.
 *
 *   g_autoptr (CliProgress) p = cli_progress_new (_("People"), lang);
 *   DkProgress hook = cli_progress_hook (p);
 *   dk_import_roster (..., &hook, &error);   // or cli_progress_update (p, ...)
 *   // freeing p clears the line, before the command prints its summary
 */
#ifndef DK_CLI_PROGRESS_H
#define DK_CLI_PROGRESS_H

#include "dk.h"

typedef struct _CliProgress CliProgress;

/* Returns a progress line labelled WHAT (translated), with numbers written
 * for LANG.  It stays silent unless standard error is a terminal.  Free it
 * with cli_progress_free. */
CliProgress *cli_progress_new (const char *what, DkLang lang);

/* Records COUNT items handled in the current phase (a smaller count than
 * before starts a new phase, whose rate is measured afresh) and FRACTION of
 * the whole job done, 0.0 to 1.0; redraws the line when it is due, and
 * always when FRACTION reaches 1. */
void cli_progress_update (CliProgress *progress, guint64 count, double fraction);

/* Returns a DkProgress that passes core's reports to PROGRESS; a silent
 * PROGRESS gives one that core never calls.  Valid while PROGRESS lives. */
DkProgress cli_progress_hook (CliProgress *progress);

/* Clears the line (when one was drawn) and frees PROGRESS (may be NULL). */
void cli_progress_free (CliProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliProgress, cli_progress_free)

#endif
