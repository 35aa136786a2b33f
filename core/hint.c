/*
 * hint.c — the next step an error suggests (hint.h).
 */
#include "hint.h"

#include "gap.h"
#include "plan.h"
#include "store.h"

DkErrorHint *dk_store_error_hint_data (const GError *error);
DkErrorHint *dk_plan_error_hint_data (const GError *error);
DkErrorHint *dk_gap_error_hint_data (const GError *error);

void
dk_error_hint_init (DkErrorHint *h)
{
  h->hint = DK_HINT_NONE;
  h->args[0] = h->args[1] = NULL;
}

void
dk_error_hint_copy (const DkErrorHint *from, DkErrorHint *to)
{
  to->hint = from->hint;
  to->args[0] = g_strdup (from->args[0]);
  to->args[1] = g_strdup (from->args[1]);
}

void
dk_error_hint_clear (DkErrorHint *h)
{
  g_clear_pointer (&h->args[0], g_free);
  g_clear_pointer (&h->args[1], g_free);
}

/* Returns ERROR's hint data, NULL when its domain keeps none. */
static DkErrorHint *
hint_data (const GError *error)
{
  if (error == NULL)
    return NULL;
  if (error->domain == DK_STORE_ERROR)
    return dk_store_error_hint_data (error);
  if (error->domain == DK_PLAN_ERROR)
    return dk_plan_error_hint_data (error);
  if (error->domain == DK_GAP_ERROR)
    return dk_gap_error_hint_data (error);
  return NULL;
}

void
dk_error_set_hint (GError **error, DkHint hint, const char *arg0, const char *arg1)
{
  DkErrorHint *h = error != NULL ? hint_data (*error) : NULL;
  if (h == NULL)
    return;
  dk_error_hint_clear (h);
  h->hint = hint;
  h->args[0] = g_strdup (arg0);
  h->args[1] = g_strdup (arg1);
}

DkHint
dk_error_hint (const GError *error, const char **arg0, const char **arg1)
{
  const DkErrorHint *h = hint_data (error);
  if (arg0 != NULL)
    *arg0 = h != NULL ? h->args[0] : NULL;
  if (arg1 != NULL)
    *arg1 = h != NULL ? h->args[1] : NULL;
  return h != NULL ? h->hint : DK_HINT_NONE;
}
