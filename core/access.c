/*
 * access.c — who sees what (access.h).
 */
#include "access.h"

#include <string.h>

/* Returns TRUE when WHO holds a grant of KIND: a coordinator's only when
 * UNIT is its unit or below it, a trainer's only for ACTIVITY. */
static gboolean
holds (const DkAccount *who, DkGrantKind kind, const char *unit, const char *activity)
{
  for (guint i = 0; i < who->grants->len; i++)
    {
      const DkGrant *g = who->grants->pdata[i];
      if (g->kind != kind)
        continue;
      if (kind == DK_GRANT_COORDINATOR && (unit == NULL || !dk_unit_path_under (unit, g->target)))
        continue;
      if (kind == DK_GRANT_TRAINER && (activity == NULL || strcmp (activity, g->target) != 0))
        continue;
      return TRUE;
    }
  return FALSE;
}

gboolean
dk_access_allows (const DkAccount *who, DkAccessRule rule, const DkAccessTarget *target)
{
  static const DkAccessTarget none = { 0 };
  const DkAccessTarget *t = target != NULL ? target : &none;
  if (rule == DK_ACCESS_PUBLIC)
    return TRUE;
  if (who == NULL || who->disabled)
    return FALSE;
  switch (rule)
    {
    case DK_ACCESS_SIGNED_IN:
      return TRUE;
    case DK_ACCESS_OWN:
      return t->person == 0 || t->person == who->person_id;
    case DK_ACCESS_TEAM:
      return who->manages;
    case DK_ACCESS_MANAGED:
      return t->person != 0 && t->person != who->person_id && t->person_manager == who->person_id;
    case DK_ACCESS_REPORTS:
      return holds (who, DK_GRANT_HR, NULL, NULL) || holds (who, DK_GRANT_COORDINATOR, t->unit, NULL);
    case DK_ACCESS_HR:
      return holds (who, DK_GRANT_HR, NULL, NULL);
    case DK_ACCESS_PARTICIPATION:
      return holds (who, DK_GRANT_HR, NULL, NULL) || holds (who, DK_GRANT_COORDINATOR, t->unit, NULL)
             || holds (who, DK_GRANT_TRAINER, NULL, t->activity);
    case DK_ACCESS_ADMIN:
      return holds (who, DK_GRANT_ADMIN, NULL, NULL);
    case DK_ACCESS_PUBLIC:
      break;
    }
  return FALSE;
}
