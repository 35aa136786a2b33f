/*
 * plan-json.c — a personal plan as JSON (json-glib).
 */
#include "module.h"

#include "json.h"

char *
dk_export_plan_json (const DkPlanContext *ctx, const DkPlan *plan, DkLang lang)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  dk_json_add_string (b, "person_id", ctx->person->ext_id);
  dk_json_add_string (b, "name", ctx->person->name);
  dk_json_add_string (b, "round", ctx->round->code);
  dk_json_add_string (b, "state", plan->state);
  dk_json_add_string (b, "agreed_at", plan->agreed_at);
  dk_json_add_string (b, "agreed_by", plan->agreed_by);
  json_builder_set_member_name (b, "follow_ups");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = plan->follow_ups->pdata[i];
      json_builder_begin_object (b);
      dk_json_add_string (b, "held_on", f->held_on);
      dk_json_add_string (b, "notes", f->notes);
      dk_json_add_string (b, "recorded_by", f->recorded_by);
      dk_json_add_string (b, "recorded_at", f->recorded_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const DkPlanItem *it = plan->items->pdata[i];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "item");
      json_builder_add_int_value (b, it->number);
      dk_json_add_string (b, "competence", it->competence);
      json_builder_set_member_name (b, "target");
      if (it->target > 0)
        json_builder_add_int_value (b, it->target);
      else
        json_builder_add_null_value (b);
      dk_json_add_string (b, "activity", it->activity_id);
      dk_json_add_string (b, "wish", it->wish);
      dk_json_add_string (b, "due", it->due);
      dk_json_add_string (b, "status", it->status);
      g_autofree char *why = dk_reason_render (it->reason, lang);
      dk_json_add_string (b, "reason", why);
      dk_json_add_string (b, "reason_code", dk_reason_is_code (it->reason) ? it->reason : NULL);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return dk_json_to_text (b);
}
