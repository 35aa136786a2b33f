/*
 * report-build.c — one of HR's reports as the CLI and the web build it
 * (report-build.h).
 */
#include "report-build.h"
#include "dk.h"

#include <string.h>

gboolean
dk_round_before (const DkRound *previous, const DkRound *round)
{
  int c = g_strcmp0 (previous->opened_at, round->opened_at);
  return c < 0 || (c == 0 && previous->id < round->id);
}

static const char *
report_title (DkReportKind kind, DkLang lang)
{
  static const char *titles[] = {
    N_("Share with needs"), N_("Average rating"), N_("Motivation to develop"),
    N_("Response rate"), N_("Self-rating and conversation"),
  };
  return T_ (lang, titles[kind]);
}

DkReport *
dk_report_build (DkStore *store, const DkRound *round, const DkRound *previous,
                 const DkReportQuery *q, gboolean summary, const DkParticipationQuery *participation,
                 GError **error)
{
  if (summary)
    {
      g_autoptr (DkRound) before = NULL;
      g_autoptr (GError) local = NULL;
      if (previous == NULL && (before = dk_store_round_previous (store, round, &local)) == NULL
          && local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      return dk_report_summary (store, round, previous != NULL ? previous : before, q->min_group,
                                participation, q->lang, error);
    }
  g_autofree char *title = g_strdup_printf (previous != NULL ? T_ (q->lang, "%s, round %s compared with %s")
                                                             : T_ (q->lang, "%s, round %s"),
                                            report_title (q->kind, q->lang), round->code,
                                            previous != NULL ? previous->code : "");
  g_autoptr (DkReport) report = dk_report_new (title, q->lang);
  g_autofree char *note = g_strdup_printf (T_ (q->lang, "Figures from fewer than %u people are shown as –."),
                                           q->min_group);
  dk_report_add_note (report, note);
  if (q->panel && previous != NULL)
    dk_report_add_note (report, T_ (q->lang, "Only people registered in both rounds are counted (panel)."));
  if (!dk_report_add_gap_table (report, store, round, previous, q, error))
    return NULL;
  return g_steal_pointer (&report);
}
