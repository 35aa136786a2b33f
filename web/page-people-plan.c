/*
 * page-people-plan.c — the development plan, the manager's side
 * (GET /people/ID/plan): the planner's suggestions with their reasons,
 * creating the plan from them (POST /people/ID/plan), adding a suggested
 * or a wished-for activity with a target level and a due date (POST
 * /people/ID/plan/items), marking an item done or cancelled (POST
 * /people/ID/plan/items/N), agreeing (POST /people/ID/plan/agree),
 * following up (POST /people/ID/plan/follow-ups) and reopening (POST
 * /people/ID/plan/reopen): the lifecycle of core/plan.h.
 *
 * The dispatcher has checked that the signed-in person is the recorded
 * manager of r->person; every change is core's, audited with them as its
 * actor.  A bad field answers 400 with the page, what was typed and the
 * message, and nothing stored; a step the plan's state does not allow 409.
 */
#include "page.h"
#include "date.h"
#include "hint.h"

#include <string.h>

static gboolean
editable (const DkPlan *plan)
{
  return plan == NULL || strcmp (plan->state, "draft") == 0 || strcmp (plan->state, "suggested") == 0;
}

static const char *
form_value (Request *r, const char *field)
{
  return r->form != NULL ? g_hash_table_lookup (r->form, field) : NULL;
}

/* Writes an input of TYPE for FIELD labelled LABEL, with what was typed. */
static void
field (Request *r, DkHtml *h, const char *type, const char *name, const char *label, const char *extra_name,
       const char *extra_value)
{
  g_autofree char *id = g_strconcat ("plan-", name, NULL);
  dk_page_label (h, id, label);
  const char *typed = form_value (r, name);
  dk_html_open (h, "input", "type", type, "id", id, "name", name, "value", typed != NULL ? typed : "",
                extra_name, extra_value, NULL);
}

/* Writes a button that POSTs to /people/ID/plan/REST with the hidden
 * fields NAME=VALUE pairs (NULL-ended). */
static void
action_button (Request *r, DkHtml *h, const DkPlanContext *pc, const char *rest, const char *text, ...)
{
  g_autofree char *action = dk_page_person_path (r->person->ext_id, rest);
  dk_page_form_start (h, action, r->session->csrf);
  dk_page_hidden (h, "round", pc->round->code);
  va_list ap;
  va_start (ap, text);
  const char *name;
  while ((name = va_arg (ap, const char *)) != NULL)
    dk_page_hidden (h, name, va_arg (ap, const char *));
  va_end (ap);
  dk_page_button (h, text, TRUE);
}

static void
items_table (Request *r, DkHtml *h, const DkPlanContext *pc, const DkPlan *plan, GPtrArray *catalogue)
{
  dk_html_element (h, "h2", T ("What the plan holds"));
  if (plan->items->len == 0)
    {
      dk_html_element (h, "p", T ("The plan has no activities yet."));
      return;
    }
  const char *heads[] = { T ("No."), T ("Competence"), T ("Activity"), T ("Target level"), T ("Due"),
                          T ("Status"), T ("Why"), T ("Actions") };
  dk_page_table_start (h, "items", T ("The plan's activities"), heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < plan->items->len; i++)
    {
      const DkPlanItem *it = plan->items->pdata[i];
      const DkCompetence *c = dk_framework_competence_by_id (pc->fw, it->competence);
      g_autofree char *number = g_strdup_printf ("%u", it->number);
      g_autofree char *comp = c != NULL ? g_strdup_printf ("%s %s", c->id, dk_competence_title (c, r->ctx.lang))
                                        : g_strdup (it->competence);
      g_autofree char *what = it->activity_id != NULL ? g_strdup (dk_page_activity_title (r, catalogue, it->activity_id))
                                                      : g_strdup_printf (T ("Wish: %s"), it->wish);
      g_autofree char *target = it->target != 0 ? g_strdup_printf ("%u", it->target) : g_strdup ("–");
      DK_HTML_MARKUP (h, "<tr>");
      dk_html_element (h, "td", number);
      dk_html_open (h, "th", "scope", "row", NULL);
      dk_html_text (h, comp);
      dk_html_close (h, "th");
      dk_html_element (h, "td", what);
      dk_html_element (h, "td", target);
      dk_html_element (h, "td", it->due != NULL ? it->due : "–");
      dk_html_element (h, "td", dk_plan_word (it->status, r->ctx.lang));
      g_autofree char *why = dk_reason_render (it->reason, r->ctx.lang);
      dk_html_element (h, "td", why != NULL ? why : "");
      DK_HTML_MARKUP (h, "<td>");
      if (strcmp (it->status, "planned") == 0)
        {
          g_autofree char *rest = g_strdup_printf ("plan/items/%u", it->number);
          g_autofree char *done = g_strdup_printf (T ("Mark no. %u done"), it->number);
          g_autofree char *cancel = g_strdup_printf (T ("Cancel no. %u"), it->number);
          action_button (r, h, pc, rest, done, "status", "done", NULL);
          action_button (r, h, pc, rest, cancel, "status", "cancelled", NULL);
        }
      DK_HTML_MARKUP (h, "</td></tr>");
    }
  dk_page_table_end (h);
}

/* Writes the planner's suggestions, each with its reason and, when the plan
 * may change, a button that adds it. */
static void
suggestions (Request *r, DkHtml *h, const DkPlanContext *pc, GPtrArray *needs)
{
  dk_html_element (h, "h2", T ("Suggestions"));
  if (!(pc->a->flags & DK_ASSESS_SHARED))
    {
      dk_html_element (h, "p", T ("The self-rating is not shared yet, so the suggestions use only your levels."));
    }
  guint shown = 0;
  for (guint i = 0; i < needs->len; i++)
    {
      const DkNeedPlan *need = needs->pdata[i];
      if (shown++ == 0)
        DK_HTML_MARKUP (h, "<ul class=\"suggestions\">");
      DK_HTML_MARKUP (h, "<li>");
      dk_html_open (h, "p", "class", "need", NULL);
      dk_html_textf (h, T ("%s %s: level %u, expected %u."), need->competence->id,
                     dk_competence_title (need->competence, r->ctx.lang), need->level, need->expected);
      dk_html_close (h, "p");
      if (need->suggestions->len == 0)
        dk_html_element (h, "p", T ("No activity in the catalogue covers this need. You can add a wish."));
      for (guint s = 0; s < need->suggestions->len && s < 3; s++)
        {
          const DkSuggestion *sg = need->suggestions->pdata[s];
          DK_HTML_MARKUP (h, "<div class=\"suggestion\">");
          dk_html_element (h, "strong", dk_activity_title (sg->activity, r->ctx.lang));
          g_autofree char *why = dk_reason_render (sg->reason, r->ctx.lang);
          dk_html_element (h, "p", why);
          g_autofree char *target = g_strdup_printf ("%u", need->target);
          g_autofree char *label = g_strdup_printf (T ("Add “%s” to the plan"),
                                                    dk_activity_title (sg->activity, r->ctx.lang));
          action_button (r, h, pc, "plan/items", label, "competence", need->competence->id, "activity",
                         sg->activity->id, "target", target, NULL);
          DK_HTML_MARKUP (h, "</div>");
        }
      DK_HTML_MARKUP (h, "</li>");
    }
  if (shown > 0)
    DK_HTML_MARKUP (h, "</ul>");
  else
    dk_html_element (h, "p", T ("No needs: every level the plan could build on reaches the expected one."));
}

/* Writes the form that adds an activity of the catalogue or a wish. */
static void
add_form (Request *r, DkHtml *h, const DkPlanContext *pc, GPtrArray *catalogue)
{
  dk_html_element (h, "h2", T ("Add an activity or a wish"));
  g_autofree char *action = dk_page_person_path (r->person->ext_id, "plan/items");
  dk_page_form_start (h, action, r->session->csrf);
  dk_page_hidden (h, "round", pc->round->code);
  const char *typed = form_value (r, "competence");
  dk_page_label (h, "plan-competence", T ("Competence"));
  dk_html_open (h, "select", "id", "plan-competence", "name", "competence", NULL);
  for (guint c = 0; c < dk_framework_n_competences (pc->fw); c++)
    {
      if (!pc->gaps[c].applies)
        continue;
      const DkCompetence *comp = dk_framework_competence (pc->fw, c);
      gboolean on = typed != NULL && strcmp (typed, comp->id) == 0;
      dk_html_open (h, "option", "value", comp->id, on ? "selected" : NULL, "", NULL);
      dk_html_textf (h, "%s %s", comp->id, dk_competence_title (comp, r->ctx.lang));
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  typed = form_value (r, "activity");
  dk_page_label (h, "plan-activity", T ("An activity of the catalogue"));
  dk_html_open (h, "select", "id", "plan-activity", "name", "activity", NULL);
  dk_html_open (h, "option", "value", "", NULL);
  dk_html_text (h, T ("None: a wish instead"));
  dk_html_close (h, "option");
  for (guint i = 0; i < catalogue->len; i++)
    {
      const DkActivity *a = catalogue->pdata[i];
      gboolean on = typed != NULL && strcmp (typed, a->id) == 0;
      dk_html_open (h, "option", "value", a->id, on ? "selected" : NULL, "", NULL);
      dk_html_text (h, dk_activity_title (a, r->ctx.lang));
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  field (r, h, "text", "wish", T ("Or a wished-for activity, in your own words"), "maxlength", G_STRINGIFY (DK_WISH_MAX));
  field (r, h, "number", "target", T ("Target level (you may leave it empty)"), NULL, NULL);
  field (r, h, "date", "due", T ("Due (year-month-day; you may leave it empty)"), NULL, NULL);
  dk_page_button (h, T ("Add to the plan"), TRUE);
}

static void
follow_ups (Request *r, DkHtml *h, const DkPlanContext *pc, const DkPlan *plan)
{
  dk_html_element (h, "h2", T ("Follow-ups"));
  if (plan->follow_ups->len == 0)
    dk_html_element (h, "p", T ("No follow-up yet."));
  else
    {
      DK_HTML_MARKUP (h, "<ul class=\"follow-ups\">");
      for (guint i = 0; i < plan->follow_ups->len; i++)
        {
          const DkPlanFollowUp *f = plan->follow_ups->pdata[i];
          DK_HTML_MARKUP (h, "<li>");
          dk_html_textf (h, T ("%s, recorded by %s: %s"), f->held_on, f->recorded_by,
                         f->notes != NULL ? f->notes : "");
          DK_HTML_MARKUP (h, "</li>");
        }
      DK_HTML_MARKUP (h, "</ul>");
    }
  if (strcmp (plan->state, "agreed") != 0 && strcmp (plan->state, "followed-up") != 0)
    return;
  g_autofree char *action = dk_page_person_path (r->person->ext_id, "plan/follow-ups");
  g_autofree char *today = dk_context_today (&r->ctx);
  dk_page_form_start (h, action, r->session->csrf);
  dk_page_hidden (h, "round", pc->round->code);
  const char *on = form_value (r, "on");
  dk_page_label (h, "plan-on", T ("The day of the follow-up"));
  dk_html_open (h, "input", "type", "date", "id", "plan-on", "name", "on", "value", on != NULL ? on : today, NULL);
  const char *notes = form_value (r, "notes");
  dk_page_label (h, "plan-notes", T ("Notes (you may leave it empty)"));
  dk_html_open (h, "textarea", "id", "plan-notes", "name", "notes", "rows", "3", "maxlength", G_STRINGIFY (DK_NOTES_MAX),
                NULL);
  dk_html_text (h, notes != NULL ? notes : "");
  dk_html_close (h, "textarea");
  dk_page_button (h, T ("Record the follow-up"), TRUE);
}

/* Writes where the plan stands. */
static void
state (Request *r, DkHtml *h, const DkPlan *plan)
{
  dk_html_open (h, "p", "class", "notice", NULL);
  if (plan == NULL)
    dk_html_text (h, T ("There is no plan yet."));
  else if (editable (plan))
    dk_html_text (h, T ("The plan is a draft: add activities, then agree it together."));
  else if (strcmp (plan->state, "agreed") == 0)
    dk_html_textf (h, T ("The plan was agreed on %.10s by %s."), plan->agreed_at, plan->agreed_by);
  else
    dk_html_textf (h, T ("The plan was agreed on %.10s by %s and has been followed up."), plan->agreed_at,
                   plan->agreed_by);
  dk_html_close (h, "p");
}

/* Answers the plan page of PC with STATUS, MESSAGE (may be NULL) at the top. */
static void
plan_page (Request *r, DkPlanContext *pc, const char *message, int status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPlan) plan = dk_plan_get (r->store, pc->round->code, pc->person->ext_id, r->ctx.lang, &error);
  if (plan == NULL && !g_error_matches (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND))
    {
      dk_web_fail (r, error);
      return;
    }
  g_clear_error (&error);
  g_autoptr (GPtrArray) catalogue = dk_catalogue_load (r->store, &error);
  g_autoptr (GPtrArray) needs = catalogue != NULL && editable (plan)
                                    ? dk_plan_suggest (r->store, pc, catalogue, DK_STRATEGY_GAPS, &r->ctx, &error)
                                    : NULL;
  if (catalogue == NULL || (editable (plan) && needs == NULL))
    {
      dk_web_fail (r, error);
      return;
    }
  g_autofree char *title = g_strdup_printf (T ("Development plan: %s"), r->person->name);
  DkHtml *h = dk_page_start (r, title);
  if (message != NULL)
    {
      DK_HTML_MARKUP (h, "<div class=\"error\" role=\"alert\" id=\"errors\">");
      dk_html_element (h, "p", T ("Nothing was saved."));
      dk_html_element (h, "p", message);
      DK_HTML_MARKUP (h, "</div>");
    }
  dk_html_open (h, "p", "class", "round", NULL);
  dk_html_textf (h, T ("Round: %s."), pc->round->title != NULL ? pc->round->title : pc->round->code);
  dk_html_close (h, "p");
  state (r, h, plan);
  if (plan != NULL)
    items_table (r, h, pc, plan, catalogue);
  if (plan == NULL)
    {
      action_button (r, h, pc, "plan", T ("Create the plan from the suggestions"), "from", "suggestions", NULL);
      action_button (r, h, pc, "plan", T ("Start an empty plan"), "from", "empty", NULL);
    }
  if (plan != NULL && editable (plan) && plan->items->len > 0)
    {
      dk_html_element (h, "p", T ("When you agree on the plan together, agree it here. After that it changes only "
                                  "if you reopen it."));
      action_button (r, h, pc, "plan/agree", T ("Agree the plan"), NULL);
    }
  if (editable (plan))
    {
      suggestions (r, h, pc, needs);
      add_form (r, h, pc, catalogue);
    }
  if (plan != NULL)
    follow_ups (r, h, pc, plan);
  if (plan != NULL && !editable (plan))
    {
      dk_html_element (h, "h2", T ("Change the plan"));
      dk_html_element (h, "p", T ("Reopening takes the plan back to a draft. The follow-ups are kept."));
      action_button (r, h, pc, "plan/reopen", T ("Reopen the plan"), NULL);
    }
  g_autofree char *conversation = dk_page_person_path (r->person->ext_id, "conversation");
  DK_HTML_MARKUP (h, "<ul class=\"next\">");
  dk_page_link_item (h, conversation, T ("The conversation"));
  dk_page_link_item (h, "/team", T ("Back to your team"));
  DK_HTML_MARKUP (h, "</ul>");
  dk_web_answer_page (r, status, h);
}

void
dk_page_people_plan (Request *r)
{
  DkPlanContext pc;
  if (!dk_page_person_load (r, &pc))
    return;
  plan_page (r, &pc, NULL, 200);
  dk_plan_context_clear (&pc);
}

/* Answers the bad field MESSAGE (400) with the page, and clears PC. */
static void
refuse (Request *r, DkPlanContext *pc, const char *message)
{
  plan_page (r, pc, message, 400);
  dk_plan_context_clear (pc);
}

/* Returns what to do about a step the plan's state refused, in the page's
 * words (core's error says which step would help); else ERROR's message. */
static const char *
refusal (Request *r, const GError *error)
{
  switch (dk_error_hint (error, NULL, NULL))
    {
    case DK_HINT_PLAN_REOPEN_ITEMS: return T ("The plan is agreed. Reopen it to change its activities.");
    case DK_HINT_PLAN_REOPEN:       return T ("The plan is agreed already. Reopen it to change it.");
    case DK_HINT_PLAN_ADD_FIRST:    return T ("Add an activity before you agree the plan.");
    case DK_HINT_PLAN_AGREE:        return T ("Agree the plan before you follow it up.");
    case DK_HINT_PLAN_ADD:          return T ("The plan is a draft already: change it here.");
    default:                        return error->message;
    }
}

/* Answers a change that core refused or failed: ERROR's message on the page
 * (400 for bad input, 409 for a step the plan does not allow), or 500. */
static void
plan_failed (Request *r, DkPlanContext *pc, const GError *error)
{
  if (g_error_matches (error, DK_PLAN_ERROR, DK_PLAN_ERROR_INVALID)
      || g_error_matches (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND)
      || g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID))
    plan_page (r, pc, error->message, 400);
  else if (g_error_matches (error, DK_PLAN_ERROR, DK_PLAN_ERROR_REFUSED)
           || g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED))
    plan_page (r, pc, refusal (r, error), 409);
  else
    dk_web_fail (r, error);
}

/* Answers a change: back to the plan when OK, else plan_failed. */
static void
done (Request *r, DkPlanContext *pc, gboolean ok, const GError *error)
{
  if (ok)
    {
      g_autofree char *back = dk_page_person_path (r->person->ext_id, "plan");
      dk_web_redirect (r, back);
    }
  else
    plan_failed (r, pc, error);
  dk_plan_context_clear (pc);
}

void
dk_page_people_plan_create (Request *r)
{
  DkPlanContext pc;
  if (!dk_page_person_load (r, &pc))
    return;
  const char *from = form_value (r, "from");
  g_autoptr (GError) error = NULL;
  if (from == NULL || (strcmp (from, "suggestions") != 0 && strcmp (from, "empty") != 0))
    {
      refuse (r, &pc, T ("Choose to create the plan from the suggestions or to start an empty one."));
      return;
    }
  g_autoptr (DkPlan) plan = dk_plan_create (r->store, pc.round->code, pc.person->ext_id,
                                            strcmp (from, "suggestions") == 0, &r->ctx, &error);
  done (r, &pc, plan != NULL, error);
}

/* Returns the message for what is wrong with the item fields of R's form,
 * or NULL; sets *TARGET and *ACTIVITY / *WISH (NULL when empty). */
static char *
check_item (Request *r, const DkPlanContext *pc, guint *target, const char **activity, const char **wish)
{
  const char *comp = form_value (r, "competence"), *t = form_value (r, "target"), *due = form_value (r, "due");
  *activity = form_value (r, "activity");
  *wish = form_value (r, "wish");
  if (*activity != NULL && **activity == '\0')
    *activity = NULL;
  g_autofree char *stripped = *wish != NULL ? g_strstrip (g_strdup (*wish)) : NULL;
  if (stripped != NULL && *stripped == '\0')
    *wish = NULL;
  const DkCompetence *c = comp != NULL ? dk_framework_competence_by_id (pc->fw, comp) : NULL;
  const DkScale *scale = dk_framework_scale (pc->fw);
  guint64 v = 0;
  *target = 0;
  if (c == NULL || !pc->gaps[c->index].applies)
    return g_strdup_printf (T ("There is no competence “%s” in this person's rating."), comp != NULL ? comp : "");
  if ((*activity == NULL) == (*wish == NULL))
    return g_strdup (T ("Choose an activity of the catalogue or write a wish: one of the two."));
  if (*wish != NULL && g_utf8_strlen (*wish, -1) > DK_WISH_MAX)
    return g_strdup_printf (T ("The wish is too long. Write at most %d characters."), DK_WISH_MAX);
  if (t != NULL && *t != '\0' && !g_ascii_string_to_unsigned (t, 10, scale->min, scale->max, &v, NULL))
    return g_strdup_printf (T ("The target level is a level from %u to %u, or empty."), scale->min, scale->max);
  if (due != NULL && *due != '\0' && !dk_date_valid (due))
    return g_strdup_printf (T ("“%s” is not a day: write year-month-day, such as 2026-05-31."), due);
  *target = (guint) v;
  return NULL;
}

void
dk_page_people_plan_add (Request *r)
{
  DkPlanContext pc;
  if (!dk_page_person_load (r, &pc))
    return;
  guint target;
  const char *activity, *wish;
  g_autofree char *wrong = check_item (r, &pc, &target, &activity, &wish);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) catalogue = wrong == NULL && activity != NULL ? dk_catalogue_load (r->store, &error) : NULL;
  if (wrong == NULL && activity != NULL && catalogue == NULL)
    {
      dk_web_fail (r, error);
      dk_plan_context_clear (&pc);
      return;
    }
  if (wrong == NULL && activity != NULL && dk_catalogue_find (catalogue, activity) == NULL)
    wrong = g_strdup_printf (T ("There is no activity “%s” in the catalogue."), activity);
  if (wrong != NULL)
    {
      refuse (r, &pc, wrong);
      return;
    }
  const char *due = form_value (r, "due");
  g_autofree char *text = wish != NULL ? g_strstrip (g_strdup (wish)) : NULL;
  /* the first item of a person without a plan starts an empty draft */
  g_autoptr (DkPlan) plan = dk_plan_get (r->store, pc.round->code, pc.person->ext_id, r->ctx.lang, &error);
  gboolean ok = plan != NULL;
  if (plan == NULL && g_error_matches (error, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      plan = dk_plan_create (r->store, pc.round->code, pc.person->ext_id, FALSE, &r->ctx, &error);
      ok = plan != NULL;
    }
  ok = ok && dk_plan_add (r->store, pc.round->code, pc.person->ext_id, form_value (r, "competence"), activity, text,
                          target, due != NULL && *due != '\0' ? due : NULL, &r->ctx, &error);
  done (r, &pc, ok, error);
}

void
dk_page_people_plan_status (Request *r)
{
  DkPlanContext pc;
  if (!dk_page_person_load (r, &pc))
    return;
  const char *status = form_value (r, "status");
  guint64 number;
  g_autoptr (GError) error = NULL;
  if (!g_ascii_string_to_unsigned (r->param2, 10, 1, G_MAXUINT, &number, NULL))
    {
      refuse (r, &pc, T ("There is no such item in the plan."));
      return;
    }
  if (status == NULL || (strcmp (status, "done") != 0 && strcmp (status, "cancelled") != 0))
    {
      refuse (r, &pc, T ("An item is marked done or cancelled."));
      return;
    }
  gboolean ok = dk_plan_set_status (r->store, pc.round->code, pc.person->ext_id, (guint) number, status, &r->ctx,
                                    &error);
  done (r, &pc, ok, error);
}

/* A step of the plan's life that takes nothing but who takes it. */
typedef gboolean (*PlanStep) (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                              GError **error);

static void
plan_step (Request *r, PlanStep step)
{
  DkPlanContext pc;
  if (!dk_page_person_load (r, &pc))
    return;
  g_autoptr (GError) error = NULL;
  gboolean ok = step (r->store, pc.round->code, pc.person->ext_id, &r->ctx, &error);
  done (r, &pc, ok, error);
}

void
dk_page_people_plan_agree (Request *r)
{
  plan_step (r, dk_plan_agree);
}

void
dk_page_people_plan_reopen (Request *r)
{
  plan_step (r, dk_plan_reopen);
}

void
dk_page_people_plan_follow_up (Request *r)
{
  DkPlanContext pc;
  if (!dk_page_person_load (r, &pc))
    return;
  const char *on = form_value (r, "on"), *notes = form_value (r, "notes");
  g_autoptr (GError) error = NULL;
  if (on == NULL || !dk_date_valid (on))
    {
      g_autofree char *message = g_strdup_printf (T ("“%s” is not a day: write year-month-day, such as 2026-05-31."),
                                                  on != NULL ? on : "");
      refuse (r, &pc, message);
      return;
    }
  if (notes != NULL && g_utf8_strlen (notes, -1) > DK_NOTES_MAX)
    {
      g_autofree char *message = g_strdup_printf (T ("The notes are too long. Write at most %d characters."),
                                                  DK_NOTES_MAX);
      refuse (r, &pc, message);
      return;
    }
  g_autofree char *text = notes != NULL ? g_strstrip (g_strdup (notes)) : NULL;
  gboolean ok = dk_plan_follow_up (r->store, pc.round->code, pc.person->ext_id, on,
                                   text != NULL && *text != '\0' ? text : NULL, &r->ctx, &error);
  done (r, &pc, ok, error);
}
