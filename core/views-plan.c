/*
 * views-plan.c — the planner's suggestions for one person and a personal
 * plan, as reports.
 */
#include "views-plan.h"
#include "person-data.h"
#include "plan-reason.h"

static DkTable *
suggestions_table (const GPtrArray *needs, DkLang lang)
{
  DkTable *t = dk_table_new ("suggestions", NULL);
  const char *keys[] = { "competence", "level", "target", "rank", "activity", "title", "reason" };
  const char *labels[] = { N_("Competence"), N_("Level"), N_("Target"), N_("Rank"), N_("Activity"),
                           N_("Title"), N_("Why") };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    dk_table_add_column (t, keys[i], T_ (lang, labels[i]),
                         i >= 1 && i <= 3 ? DK_COLUMN_INTEGER : DK_COLUMN_TEXT);
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *n = needs->pdata[i];
      guint shown = MAX (1, MIN (3, n->suggestions->len));
      for (guint s = 0; s < shown; s++)
        {
          guint row = dk_table_add_row (t);
          dk_table_set_text (t, row, 0, n->competence->id);
          dk_table_set_number (t, row, 1, n->level);
          dk_table_set_number (t, row, 2, n->target);
          if (n->suggestions->len == 0)
            {
              dk_table_set_text (t, row, 6, T_ (lang, "no activity in the catalogue covers this need"));
              dk_table_set_emphasis (t, row, 6, TRUE);
              continue;
            }
          const DkSuggestion *x = n->suggestions->pdata[s];
          dk_table_set_number (t, row, 3, s + 1);
          dk_table_set_text (t, row, 4, x->activity->id);
          dk_table_set_text (t, row, 5, dk_activity_title (x->activity, lang));
          g_autofree char *why = dk_reason_render (x->reason, lang);
          dk_table_set_text (t, row, 6, why);
        }
    }
  return t;
}

DkReport *
dk_view_suggestions (const DkPlanContext *pc, const GPtrArray *needs, DkLang lang)
{
  g_autofree char *title = g_strdup_printf (T_ (lang, "Suggested activities for %s (%s), round %s"),
                                            pc->person->name, pc->person->ext_id, pc->round->code);
  DkReport *report = dk_report_new (title, lang);
  if (!(pc->a->flags & DK_ASSESS_SHARED))
    dk_report_add_note (report,
                        T_ (lang, "The self-rating is not shared yet: suggestions use the manager's levels only."));
  if (needs->len == 0)
    dk_report_add_note (report, T_ (lang, "No needs: every rated competence is at or above its expected level."));
  dk_report_add_note (report, T_ (lang, "Competences at or above their expected level get no activity "
                                      "(use --strategy growth for the next level where motivation is high)."));
  dk_report_add_table (report, suggestions_table (needs, lang));
  return report;
}

DkReport *
dk_view_plan (const DkPlan *plan, GPtrArray *catalogue, gboolean stored_forms, DkLang lang)
{
  gboolean words = !stored_forms;
  g_autofree char *title = g_strdup_printf (T_ (lang, "Development plan of %s, round %s (%s)"),
                                            plan->person, plan->round, dk_plan_word (plan->state, lang));
  DkReport *report = dk_report_new (title, lang);
  if (plan->agreed_at != NULL)
    {
      g_autofree char *n = g_strdup_printf (T_ (lang, "Agreed on %s by %s."), plan->agreed_at,
                                            dk_actor_word (plan->agreed_by, lang));
      dk_report_add_note (report, n);
    }
  for (guint i = 0; i < plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = plan->follow_ups->pdata[i];
      g_autofree char *n = g_strdup_printf (T_ (lang, "Followed up on %s: %s"), f->held_on, f->notes);
      dk_report_add_note (report, n);
    }
  DkTable *t = dk_table_new ("items", NULL);
  const char *keys[] = { "item", "competence", "target", "activity", "title", "due", "status", "reason",
                         "reason_code" };
  const char *labels[] = { N_("Item"), N_("Competence"), N_("Target"), N_("Activity or wish"), N_("Title"),
                           N_("Due"), N_("Status"), N_("Why"), N_("Why, stored form") };
  for (guint i = 0; i < G_N_ELEMENTS (keys) - (words ? 1 : 0); i++)
    dk_table_add_column (t, keys[i], T_ (lang, labels[i]), i == 0 || i == 2 ? DK_COLUMN_INTEGER : DK_COLUMN_TEXT);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const DkPlanItem *it = plan->items->pdata[i];
      guint row = dk_table_add_row (t);
      g_autofree char *wish = it->wish ? g_strdup_printf (T_ (lang, "wish: %s"), it->wish) : NULL;
      dk_table_set_number (t, row, 0, it->number);
      dk_table_set_text (t, row, 1, it->competence);
      if (it->target > 0)
        dk_table_set_number (t, row, 2, it->target);
      const DkActivity *a = it->activity_id ? dk_catalogue_find (catalogue, it->activity_id) : NULL;
      dk_table_set_text (t, row, 3, it->activity_id ? it->activity_id : wish);
      dk_table_set_text (t, row, 4, a != NULL ? dk_activity_title (a, lang) : NULL);
      dk_table_set_text (t, row, 5, it->due);
      dk_table_set_text (t, row, 6, words ? dk_plan_word (it->status, lang) : it->status);
      g_autofree char *why = dk_reason_render (it->reason, lang);
      dk_table_set_text (t, row, 7, why);
      if (!words && dk_reason_is_code (it->reason))
        dk_table_set_text (t, row, 8, it->reason);
    }
  dk_report_add_table (report, t);
  return report;
}
