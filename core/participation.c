/*
 * participation.c — recording participation in a learning activity.
 */
#include "hint.h"
#include "participation.h"
#include "catalogue.h"
#include "date.h"
#include "number.h"
#include "plan.h"

const char *const dk_participation_statuses[] = { "registered", "attended", "completed", "no-show", NULL };

gboolean
dk_participation_record (DkStore *store, const char *person, const char *activity, const char *date,
                         double hours, const char *status, const DkContext *ctx, GError **error)
{
  if (!g_strv_contains (dk_participation_statuses, status) || !(hours >= 0 && hours <= DK_HOURS_MAX)
      || !dk_date_check (date, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, ctx->lang, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID,
                     T_ (ctx->lang, "status must be registered, attended, completed or no-show, and hours 0–1000"));
      return FALSE;
    }
  g_autoptr (DkPerson) p = dk_store_person (store, person, error);
  g_autoptr (GPtrArray) catalogue = p != NULL ? dk_catalogue_load (store, error) : NULL;
  if (catalogue == NULL)
    return FALSE;
  if (dk_catalogue_find (catalogue, activity) == NULL)
    {
      g_set_error (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID, T_ (ctx->lang, "no such activity: '%s'"), activity);
      dk_error_set_hint (error, DK_HINT_CATALOGUE_LIST, NULL, NULL);
      return FALSE;
    }
  gboolean ok = dk_store_begin (store, error)
                && dk_participation_write (store, p->id, activity, date, hours, status, NULL, ctx, error)
                && dk_store_commit (store, error);
  if (!ok)
    dk_store_rollback (store);
  return ok;
}
