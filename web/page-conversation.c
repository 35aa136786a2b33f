/*
 * page-conversation.c — the development conversation, the manager's side
 * (GET /people/ID/conversation): the employee's own, the manager's and the
 * effective levels against the expected ones, the spider chart, the
 * employee's comments and motivation; adjusting levels with a reason
 * (POST /people/ID/ratings); recording the conversation as held (POST
 * /people/ID/conversation); and a printable summary
 * (GET /people/ID/conversation/summary).
 *
 * The dispatcher has looked the person up and checked that the signed-in
 * person is their recorded manager (r->person).  Nothing of the rating is
 * shown before the employee shared it.  A POST is checked whole before
 * anything is stored: one bad field and the page comes back (400) with
 * what was typed and nothing stored.
 */
#include "page.h"
#include "date.h"
#include "plan.h"
#include "views.h"

#include <string.h>


gboolean
dk_page_person_load (Request *r, DkPlanContext *pc)
{
  const char *round = r->form != NULL ? g_hash_table_lookup (r->form, "round") : g_hash_table_lookup (r->query, "round");
  if (round != NULL && *round == '\0')
    round = NULL;
  g_autoptr (GError) error = NULL;
  if (dk_plan_context_load (r->store, round, r->person->ext_id, pc, &error))
    return TRUE;
  dk_plan_context_clear (pc);
  if (!g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND)
      && !g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID))
    {
      dk_web_fail (r, error);
      return FALSE;
    }
  dk_page_person_none (r, T ("This person has no self-rating in an open round. When HR opens a round "
                             "they are in, their rating shows here once they share it."));
  return FALSE;
}

void
dk_page_person_none (Request *r, const char *message)
{
  DkHtml *h = dk_page_start (r, r->person->name);
  dk_html_element (h, "p", message);
  dk_page_link_para (h, "/team", T ("Back to your team"));
  dk_web_answer_page (r, r->form != NULL ? 409 : 200, h);
}

/* Writes the hidden round field of a form about PC's round. */
static void
round_field (DkHtml *h, const DkPlanContext *pc)
{
  dk_page_hidden (h, "round", pc->round->code);
}

static const char *
note_of (GPtrArray *notes, const char *competence, gboolean reason)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const DkRatingNote *n = notes->pdata[i];
      if (strcmp (n->competence, competence) == 0)
        return reason ? n->reason : n->comment;
    }
  return NULL;
}

/* Writes the spider chart of PC's expected and effective levels. */
static void
radar (Request *r, DkHtml *h, const DkPlanContext *pc)
{
  g_autofree char *svg = dk_view_radar (pc->fw, pc->gaps, T ("Expected level"), T ("Effective level"));
  DK_HTML_MARKUP (h, "<figure class=\"chart\">");
  dk_html_svg (h, svg);
  dk_html_element (h, "figcaption", T ("The effective levels (solid line) and the levels expected for the "
                                       "role (dashed line). The table has the same figures."));
  DK_HTML_MARKUP (h, "</figure>");
}

/* Writes the table of levels, motivation, comments and reasons. */
static void
levels_table (Request *r, DkHtml *h, const DkPlanContext *pc, GPtrArray *notes)
{
  const char *heads[] = { T ("Competence"), T ("Expected"), T ("Own level"), T ("Manager's level"),
                          T ("Effective"), T ("Gap"), T ("Motivation"), T ("The employee's comment"),
                          T ("Manager's reason") };
  dk_page_table_start (h, "levels", T ("Levels against the expected ones"), heads, G_N_ELEMENTS (heads));
  const DkScale *scale = dk_framework_scale (pc->fw), *mscale = dk_framework_motivation_scale (pc->fw);
  for (guint c = 0; c < dk_framework_n_competences (pc->fw); c++)
    {
      const DkPersonGap *g = &pc->gaps[c];
      if (!g->applies)
        continue;
      g_autofree char *name = g_strdup_printf ("%s %s", g->competence->id,
                                               dk_competence_title (g->competence, r->ctx.lang));
      g_autofree char *expected = dk_page_level_words (r, scale, g->expected);
      g_autofree char *self = dk_page_level_words (r, scale, g->self);
      g_autofree char *manager = g->manager != DK_LEVEL_NONE ? dk_page_level_words (r, scale, g->manager)
                                                             : g_strdup ("–");
      g_autofree char *effective = g->effective != 0 ? dk_page_level_words (r, scale, g->effective)
                                                     : g_strdup ("–");
      g_autofree char *gap = g->effective == 0 ? g_strdup ("–")
                             : g->gap > 0 ? g_strdup_printf ("+%d %s", g->gap, T ("(a need)"))
                             : g_strdup_printf ("%d", g->gap);
      g_autofree char *motivation = dk_page_level_words (r, mscale, g->motivation);
      const char *comment = note_of (notes, g->competence->id, FALSE);
      const char *reason = note_of (notes, g->competence->id, TRUE);
      dk_html_open (h, "tr", "class", g->gap > 0 ? "need" : NULL, NULL);
      dk_html_open (h, "th", "scope", "row", NULL);
      dk_html_text (h, name);
      dk_html_close (h, "th");
      const char *cells[] = { expected, self, manager, effective, gap, motivation,
                              comment != NULL ? comment : "", reason != NULL ? reason : "" };
      for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
        dk_html_element (h, "td", cells[i]);
      DK_HTML_MARKUP (h, "</tr>");
    }
  dk_page_table_end (h);
}

/* The typed value of FIELD PREFIX-ID in R's form, or NULL. */
static const char *
typed (Request *r, const char *prefix, const char *id)
{
  g_autofree char *key = g_strconcat (prefix, id, NULL);
  return r->form != NULL ? g_hash_table_lookup (r->form, key) : NULL;
}

/* Writes the form that adjusts levels; ERRORS maps a field to its message. */
static void
adjust_form (Request *r, DkHtml *h, const DkPlanContext *pc, GPtrArray *notes, GHashTable *errors)
{
  g_autofree char *action = dk_page_person_path (r->person->ext_id, "ratings");
  dk_html_element (h, "h2", T ("Adjust a level"));
  dk_html_element (h, "p", T ("Where you see the level otherwise, choose your level and say why. The reason "
                              "is kept with the rating, and the employee sees it."));
  dk_page_form_start (h, action, r->session->csrf);
  round_field (h, pc);
  const DkScale *scale = dk_framework_scale (pc->fw);
  for (guint c = 0; c < dk_framework_n_competences (pc->fw); c++)
    {
      const DkPersonGap *g = &pc->gaps[c];
      if (!g->applies)
        continue;
      const char *id = g->competence->id;
      g_autofree char *level_field = g_strconcat ("manager-", id, NULL);
      g_autofree char *reason_field = g_strconcat ("reason-", id, NULL);
      g_autofree char *level_error = g_strconcat ("error-", level_field, NULL);
      g_autofree char *reason_error = g_strconcat ("error-", reason_field, NULL);
      g_autofree char *stored = g->manager != DK_LEVEL_NONE ? dk_level_text (g->manager) : g_strdup ("");
      const char *level = typed (r, "manager-", id) != NULL ? typed (r, "manager-", id) : stored;
      const char *reason = typed (r, "reason-", id) != NULL ? typed (r, "reason-", id)
                                                            : note_of (notes, id, TRUE);
      const char *le = g_hash_table_lookup (errors, level_field), *re = g_hash_table_lookup (errors, reason_field);
      g_autofree char *own = dk_page_level_words (r, scale, g->self);
      g_autofree char *legend = g_strdup_printf (T ("%s %s (own level: %s)"), id,
                                                 dk_competence_title (g->competence, r->ctx.lang), own);
      dk_html_open (h, "fieldset", "class", "adjust", NULL);
      dk_html_element (h, "legend", legend);
      dk_page_label (h, level_field, T ("Your level"));
      if (le != NULL)
        {
          dk_html_open (h, "p", "id", level_error, "class", "error", NULL);
          dk_html_text (h, le);
          dk_html_close (h, "p");
        }
      dk_html_open (h, "select", "id", level_field, "name", level_field,
                    le != NULL ? "aria-describedby" : NULL, level_error, NULL);
      dk_html_open (h, "option", "value", "", NULL);
      dk_html_text (h, T ("No level of yours: the own level counts"));
      dk_html_close (h, "option");
      for (guint l = scale->min; l <= scale->max; l++)
        {
          g_autofree char *value = g_strdup_printf ("%u", l);
          g_autofree char *words = dk_page_level_words (r, scale, l);
          dk_html_open (h, "option", "value", value, strcmp (value, level) == 0 ? "selected" : NULL, "", NULL);
          dk_html_text (h, words);
          dk_html_close (h, "option");
        }
      dk_html_close (h, "select");
      dk_page_label (h, reason_field, T ("Why (needed when you change the level)"));
      if (re != NULL)
        {
          dk_html_open (h, "p", "id", reason_error, "class", "error", NULL);
          dk_html_text (h, re);
          dk_html_close (h, "p");
        }
      dk_html_open (h, "input", "type", "text", "id", reason_field, "name", reason_field,
                    "maxlength", G_STRINGIFY (DK_REASON_MAX), "value", reason != NULL ? reason : "",
                    re != NULL ? "aria-describedby" : NULL, reason_error, NULL);
      DK_HTML_MARKUP (h, "</fieldset>");
    }
  dk_page_button (h, T ("Save the levels"), TRUE);
}

/* Writes the form that records the conversation as held. */
static void
held_form (Request *r, DkHtml *h, const DkPlanContext *pc, const char *message)
{
  g_autofree char *action = dk_page_person_path (r->person->ext_id, "conversation");
  g_autofree char *today = dk_context_today (&r->ctx);
  const char *held = r->form != NULL && g_hash_table_lookup (r->form, "held") != NULL
                         ? g_hash_table_lookup (r->form, "held")
                     : pc->a->conversation_at != NULL ? pc->a->conversation_at : today;
  dk_html_element (h, "h2", T ("The conversation"));
  if (pc->a->conversation_at != NULL)
    {
      g_autofree char *when = dk_date_format_long (pc->a->conversation_at, r->ctx.lang);
      dk_html_open (h, "p", "class", "notice", NULL);
      dk_html_textf (h, T ("The conversation was held on %s."), when != NULL ? when : pc->a->conversation_at);
      dk_html_close (h, "p");
    }
  dk_page_form_start (h, action, r->session->csrf);
  round_field (h, pc);
  dk_page_label (h, "held", T ("The day the conversation was held"));
  if (message != NULL)
    {
      dk_html_open (h, "p", "id", "error-held", "class", "error", NULL);
      dk_html_text (h, message);
      dk_html_close (h, "p");
    }
  dk_html_open (h, "input", "type", "date", "id", "held", "name", "held", "value", held,
                "min", pc->round->opened_at, "max", today, message != NULL ? "aria-describedby" : NULL,
                "error-held", NULL);
  dk_page_button (h, pc->a->conversation_at != NULL ? T ("Change the day") : T ("Record the conversation"), TRUE);
}

/* Answers the page saying that PC's rating is not shared yet: no level. */
static void
not_shared (Request *r, const DkPlanContext *pc)
{
  g_autofree char *title = g_strdup_printf (T ("Development conversation: %s"), r->person->name);
  DkHtml *h = dk_page_start (r, title);
  dk_html_element (h, "p", T ("The self-rating is not shared yet. You see it here when the employee has shared "
                              "it with you."));
  if (pc->round->open)
    {
      dk_html_element (h, "p", T ("If they filled in a paper form and gave it to you, you can enter it for them."));
      g_autofree char *paper = dk_page_person_path (r->person->ext_id, "assessment");
      dk_page_link_para (h, paper, T ("Enter a paper form"));
    }
  dk_page_link_para (h, "/team", T ("Back to your team"));
  dk_web_answer_page (r, r->form != NULL ? 409 : 200, h);
}

/* Loads as dk_page_person_load; when the rating is not shared yet,
 * answers the page that says so, clears PC and returns FALSE. */
static gboolean
shared_load (Request *r, DkPlanContext *pc)
{
  if (!dk_page_person_load (r, pc))
    return FALSE;
  if (pc->a->flags & DK_ASSESS_SHARED)
    return TRUE;
  not_shared (r, pc);
  dk_plan_context_clear (pc);
  return FALSE;
}

/* Answers the conversation page of PC with STATUS: ERRORS (field → message;
 * may be empty) beside the level fields, HELD_ERROR beside the date. */
static void
conversation_page (Request *r, const DkPlanContext *pc, GHashTable *errors, const char *held_error, int status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = dk_store_rating_notes (r->store, pc->round->id, pc->person->id, &error);
  if (notes == NULL)
    {
      dk_web_fail (r, error);
      return;
    }
  g_autofree char *title = g_strdup_printf (T ("Development conversation: %s"), r->person->name);
  DkHtml *h = dk_page_start (r, title);
  if (g_hash_table_size (errors) > 0 || held_error != NULL)
    dk_page_error (h, "errors", T ("Nothing was saved. Correct what is marked and press the button again."));
  const DkRole *role = dk_framework_role (pc->fw, pc->a->role);
  dk_html_open (h, "p", "class", "round", NULL);
  dk_html_textf (h, T ("%s, %s. Round: %s."), dk_role_title (role, r->ctx.lang), r->person->unit_path,
                 pc->round->title != NULL ? pc->round->title : pc->round->code);
  dk_html_close (h, "p");
  if (pc->a->shared_at != NULL)
    {
      dk_html_open (h, "p", NULL);
      dk_html_textf (h, T ("Shared with you on %.10s."), pc->a->shared_at);
      dk_html_close (h, "p");
    }
  radar (r, h, pc);
  levels_table (r, h, pc, notes);
  DK_HTML_MARKUP (h, "<ul class=\"next\">");
  g_autofree char *summary = dk_page_person_path (r->person->ext_id, "conversation/summary");
  g_autofree char *plan = dk_page_person_path (r->person->ext_id, "plan");
  dk_page_link_item (h, summary, T ("A summary to print, for both of you to keep"));
  dk_page_link_item (h, plan, T ("The development plan"));
  dk_page_link_item (h, "/team", T ("Back to your team"));
  DK_HTML_MARKUP (h, "</ul>");
  if (pc->round->open)
    {
      adjust_form (r, h, pc, notes, errors);
      held_form (r, h, pc, held_error);
    }
  else
    dk_html_element (h, "p", T ("The round is closed: the levels can no longer change."));
  dk_web_answer_page (r, status, h);
}

void
dk_page_conversation (Request *r)
{
  DkPlanContext pc;
  if (!shared_load (r, &pc))
    return;
  g_autoptr (GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  conversation_page (r, &pc, errors, NULL, 200);
  dk_plan_context_clear (&pc);
}

/* Answers a refusal of the store (a closed round, a person who left) as the
 * page with MESSAGE (409), else 500. */
static void
refused (Request *r, const DkPlanContext *pc, const GError *error)
{
  if (!g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED))
    {
      dk_web_fail (r, error);
      return;
    }
  g_autofree char *title = g_strdup_printf (T ("Development conversation: %s"), r->person->name);
  DkHtml *h = dk_page_start (r, title);
  dk_page_error (h, "errors", error->message);
  g_autofree char *back = dk_page_person_path (pc->person->ext_id, "conversation");
  dk_page_link_para (h, back, T ("Back to the conversation"));
  dk_web_answer_page (r, 409, h);
}

/* One adjustment the form asks for. */
typedef struct {
  const char *competence;
  guint       level;
  const char *reason;
} Adjustment;

void
dk_page_ratings_post (Request *r)
{
  DkPlanContext pc;
  if (!shared_load (r, &pc))
    return;
  g_autoptr (GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (Adjustment));
  const DkScale *scale = dk_framework_scale (pc.fw);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, r->form);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const char *field = key, *id = NULL;
      if (g_str_has_prefix (field, "manager-"))
        id = field + strlen ("manager-");
      else if (g_str_has_prefix (field, "reason-"))
        id = field + strlen ("reason-");
      else
        continue;
      const DkCompetence *c = dk_framework_competence_by_id (pc.fw, id);
      if (c == NULL || !pc.gaps[c->index].applies)
        {
          g_hash_table_insert (errors, g_strdup (""), g_strdup_printf (T ("There is no competence “%s” in "
                                                                          "this person's rating."), id));
          continue;
        }
      if (!g_str_has_prefix (field, "manager-") || *(const char *) value == '\0')
        continue;
      const DkPersonGap *g = &pc.gaps[c->index];
      guint64 level;
      const char *title = dk_competence_title (c, r->ctx.lang);
      if (!g_ascii_string_to_unsigned (value, 10, scale->min, scale->max, &level, NULL))
        {
          g_hash_table_insert (errors, g_strdup (field),
                               g_strdup_printf (T ("“%s”: choose a level from %u to %u."), title, scale->min,
                                                scale->max));
          continue;
        }
      if (level == g->manager)
        continue;
      g_autofree char *reason_field = g_strconcat ("reason-", id, NULL);
      const char *reason = g_hash_table_lookup (r->form, reason_field);
      g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
      if (*stripped == '\0')
        g_hash_table_insert (errors, g_steal_pointer (&reason_field),
                             g_strdup_printf (T ("“%s”: say why you see the level otherwise."), title));
      else if (g_utf8_strlen (stripped, -1) > DK_REASON_MAX)
        g_hash_table_insert (errors, g_steal_pointer (&reason_field),
                             g_strdup_printf (T ("“%s”: the reason is too long. Write at most %d characters."),
                                              title, DK_REASON_MAX));
      else
        {
          Adjustment a = { c->id, (guint) level, reason };
          g_array_append_val (changes, a);
        }
    }
  const char *unknown = g_hash_table_lookup (errors, "");
  if (g_hash_table_size (errors) > 0)
    {
      if (unknown != NULL)
        {
          /* a field the page never had: no form to show it beside */
          g_autofree char *message = g_strdup (unknown);
          g_hash_table_remove (errors, "");
          DkHtml *h = dk_page_start (r, T ("The levels were not saved"));
          dk_page_error (h, "errors", message);
          g_autofree char *back = dk_page_person_path (pc.person->ext_id, "conversation");
          dk_page_link_para (h, back, T ("Back to the conversation"));
          dk_web_answer_page (r, 400, h);
        }
      else
        conversation_page (r, &pc, errors, NULL, 400);
      dk_plan_context_clear (&pc);
      return;
    }
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < changes->len; i++)
    {
      const Adjustment *a = &g_array_index (changes, Adjustment, i);
      g_autofree char *reason = g_strstrip (g_strdup (a->reason));
      ok = dk_store_rate_manager (r->store, pc.round->code, pc.person->ext_id, a->competence, a->level, reason,
                                  &r->ctx, &error);
    }
  if (ok)
    {
      g_autofree char *back = dk_page_person_path (pc.person->ext_id, "conversation");
      dk_web_redirect (r, back);
    }
  else
    refused (r, &pc, error);
  dk_plan_context_clear (&pc);
}

void
dk_page_conversation_post (Request *r)
{
  DkPlanContext pc;
  if (!shared_load (r, &pc))
    return;
  const char *held = g_hash_table_lookup (r->form, "held");
  g_autoptr (GError) error = NULL;
  if (held == NULL || *held == '\0')
    {
      g_autoptr (GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      conversation_page (r, &pc, errors, T ("Give the day the conversation was held."), 400);
    }
  else if (dk_store_conversation_held (r->store, pc.round->code, pc.person->ext_id, held, &r->ctx, &error))
    {
      g_autofree char *back = dk_page_person_path (pc.person->ext_id, "conversation");
      dk_web_redirect (r, back);
    }
  else if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_INVALID))
    {
      g_autofree char *today = dk_context_today (&r->ctx);
      g_autofree char *message = g_strdup_printf (T ("Give a day from %s, when the round opened, to today, %s "
                                                     "(year-month-day)."), pc.round->opened_at, today);
      g_autoptr (GHashTable) errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      conversation_page (r, &pc, errors, message, 400);
    }
  else
    refused (r, &pc, error);
  dk_plan_context_clear (&pc);
}

void
dk_page_conversation_summary (Request *r)
{
  DkPlanContext pc;
  if (!shared_load (r, &pc))
    return;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = dk_store_rating_notes (r->store, pc.round->id, pc.person->id, &error);
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkPlan) plan = notes != NULL ? dk_plan_get (r->store, pc.round->code, pc.person->ext_id, r->ctx.lang, &missing)
                                          : NULL;
  g_autoptr (GPtrArray) catalogue = plan != NULL ? dk_catalogue_load (r->store, &error) : NULL;
  if (notes == NULL || (plan == NULL && !g_error_matches (missing, DK_PLAN_ERROR, DK_PLAN_ERROR_NOT_FOUND))
      || (plan != NULL && catalogue == NULL))
    {
      dk_web_fail (r, error != NULL ? (const GError *) error : missing);
      dk_plan_context_clear (&pc);
      return;
    }
  g_autofree char *title = g_strdup_printf (T ("Development conversation: %s"), r->person->name);
  DkHtml *h = dk_page_start (r, title);
  DK_HTML_MARKUP (h, "<dl class=\"facts\">");
  const DkRole *role = dk_framework_role (pc.fw, pc.a->role);
  g_autofree char *held = pc.a->conversation_at != NULL ? dk_date_format_long (pc.a->conversation_at, r->ctx.lang)
                                                        : g_strdup (T ("Not recorded yet"));
  const char *facts[][2] = {
    { T ("Employee"), r->person->name },
    { T ("Role"), dk_role_title (role, r->ctx.lang) },
    { T ("Unit"), r->person->unit_path },
    { T ("Manager"), r->who->name },
    { T ("Round"), pc.round->title != NULL ? pc.round->title : pc.round->code },
    { T ("Conversation held"), held != NULL ? held : pc.a->conversation_at },
  };
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      dk_html_element (h, "dt", facts[i][0]);
      dk_html_element (h, "dd", facts[i][1]);
    }
  DK_HTML_MARKUP (h, "</dl>");
  radar (r, h, &pc);
  levels_table (r, h, &pc, notes);
  dk_html_element (h, "h2", T ("The development plan"));
  if (plan == NULL || plan->items->len == 0)
    dk_html_element (h, "p", T ("No plan yet."));
  else
    {
      DK_HTML_MARKUP (h, "<ol>");
      for (guint i = 0; i < plan->items->len; i++)
        {
          const DkPlanItem *it = plan->items->pdata[i];
          DK_HTML_MARKUP (h, "<li>");
          dk_html_textf (h, "%s: %s", it->competence,
                         it->activity_id != NULL ? dk_page_activity_title (r, catalogue, it->activity_id) : it->wish);
          if (it->due != NULL)
            dk_html_textf (h, T (", by %s"), it->due);
          dk_html_textf (h, " (%s)", dk_plan_word (it->status, r->ctx.lang));
          DK_HTML_MARKUP (h, "</li>");
        }
      DK_HTML_MARKUP (h, "</ol>");
    }
  g_autofree char *back = dk_page_person_path (r->person->ext_id, "conversation");
  DK_HTML_MARKUP (h, "<div class=\"screen-only\">");
  dk_html_element (h, "p", T ("Print this page with the browser's print command (Ctrl+P)."));
  dk_page_link_para (h, back, T ("Back to the conversation"));
  DK_HTML_MARKUP (h, "</div>");
  dk_web_answer_page (r, 200, h);
  dk_plan_context_clear (&pc);
}
