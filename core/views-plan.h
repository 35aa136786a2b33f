/*
 * views-plan.h — the planner's suggestions and a personal plan as
 * DkReports: what `digikomp plan suggest|show` renders, and a server can
 * render the same.
 */
#ifndef DK_VIEWS_PLAN_H
#define DK_VIEWS_PLAN_H

#include "plan.h"
#include "report-model.h"

/* Returns the suggestions NEEDS (DkNeedPlan, from dk_plan_suggest for PC)
 * in LANG: per need up to three activities ranked, with why, or a marked
 * row when no activity covers it; notes say when the self-rating is not
 * shared and when there are no needs.  Caller frees.  Thread-safe. */
DkReport *dk_view_suggestions (const DkPlanContext *pc, const GPtrArray *needs, DkLang lang);

/* Returns PLAN as a report in LANG, with the activities' titles from
 * CATALOGUE (DkActivity): notes for its agreement and follow-ups, one row
 * per item.  The status is in LANG unless STORED_FORMS (for programs:
 * JSON), which keeps the stored word and adds each reason's stored form
 * (reason_code, empty for a text kept from an older store); the reason is
 * in LANG either way.  Caller frees.  Thread-safe. */
DkReport *dk_view_plan (const DkPlan *plan, GPtrArray *catalogue, gboolean stored_forms, DkLang lang);

#endif
