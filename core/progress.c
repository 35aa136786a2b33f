/* progress.c — reporting the progress of long work (dk.h). */
#include "dk.h"

DkProgress
dk_progress_phase (const DkProgress *progress, double from, double to)
{
  if (progress == NULL)
    return (DkProgress) { NULL, NULL, 0, 1 };
  double span = progress->to - progress->from;
  return (DkProgress) { progress->func, progress->user_data,
                        progress->from + from * span, progress->from + to * span };
}

void
dk_progress_report (const DkProgress *progress, guint64 count, double fraction)
{
  if (progress == NULL || progress->func == NULL || ((count & 1023) != 0 && fraction < 1.0))
    return;
  progress->func (count, progress->from + CLAMP (fraction, 0.0, 1.0) * (progress->to - progress->from),
                  progress->user_data);
}
