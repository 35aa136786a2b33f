/*
 * page-assessment.c — the employee's own self-rating: one area per page
 * (GET|POST /assessment), the summary with the spider chart and what is
 * still unanswered (GET /assessment/summary), and sharing it with the
 * manager (POST /assessment/share).
 *
 * The same area pages serve a manager who enters their person's paper form
 * (GET|POST /people/ID/assessment): the dispatcher has checked that the
 * signed-in person is ID's recorded manager (r->person).  Entered so, the
 * rating counts as shared, and what the person entered in the browser
 * themself is shown and kept unless the manager ticks to replace it; the
 * questions and messages there speak of the person by name.
 *
 * Otherwise every page shows the signed-in person's own rating and nobody
 * else's.
 * A POST is checked whole before anything is stored: one bad field and
 * the form comes back (400) with the typed answers and nothing stored.
 */
#include "page.h"
#include "svg.h"

#include <stdlib.h>
#include <string.h>


/* The signed-in person's rating in one round, as the pages show it. */
typedef struct {
  DkRound      *round;
  DkPerson     *person;
  DkFramework  *fw;
  DkAssessment *a;
  GPtrArray    *notes;      /* DkRatingNote* */
  GPtrArray    *areas;      /* const DkArea* that apply to the person's role */
  gboolean      read_only;  /* the round is closed or the person has left */
  gboolean      paper;      /* a manager enters the person's paper form */
  char         *base;       /* the area pages' path: /assessment, /people/ID/assessment */
  char         *summary;    /* where the pages end: the summary, the conversation */
  GHashTable   *changes;    /* paper: the last change of each value (DkValueChange*) */
} Rating;

static void
rating_clear (Rating *s)
{
  dk_round_free (s->round);
  dk_person_free (s->person);
  dk_framework_free (s->fw);
  dk_assessment_free (s->a);
  if (s->notes != NULL)
    g_ptr_array_unref (s->notes);
  if (s->areas != NULL)
    g_ptr_array_unref (s->areas);
  g_free (s->base);
  g_free (s->summary);
  if (s->changes != NULL)
    g_hash_table_unref (s->changes);
}

/* A field the person got wrong: FIELD the id of its place on the page
 * ("level-1.1"; NULL: none), MESSAGE what to do. */
typedef struct {
  char *field;
  char *message;
} FieldError;

static void
field_error_free (FieldError *e)
{
  g_free (e->field);
  g_free (e->message);
  g_free (e);
}

static gboolean
applies (const Rating *s, guint comp)
{
  return dk_framework_applies (s->fw, s->a->role, comp);
}

static gboolean
answered (const Rating *s, guint comp)
{
  return s->a->self[comp] != DK_LEVEL_NONE && s->a->motivation[comp] != DK_LEVEL_NONE;
}

/* Finds the person's assessment in the round with CODE, or (CODE NULL) in
 * the newest open round they are in, else the newest closed one.  Returns
 * FALSE with ERROR unset when there is none, with ERROR set when the store
 * fails. */
static gboolean
rating_load (Request *r, const char *code, Rating *s, GError **error)
{
  memset (s, 0, sizeof *s);
  s->paper = r->person != NULL;
  s->base = s->paper ? dk_page_person_path (r->person->ext_id, "assessment") : g_strdup ("/assessment");
  s->summary = s->paper ? dk_page_person_path (r->person->ext_id, "conversation")
                        : g_strdup ("/assessment/summary");
  DkPageRound own;
  gint64 person = s->paper ? r->person->id : r->who->person_id;
  if (!dk_page_person_round (r, person, code, TRUE, &own, error) || own.round == NULL)
    return FALSE;
  s->round = own.round;
  s->a = own.a;
  s->fw = own.fw;
  if ((s->person = dk_store_person_by_id (r->store, s->a->person_id, error)) == NULL
      || (s->notes = dk_store_rating_notes (r->store, s->round->id, s->a->person_id, error)) == NULL
      || (s->paper && (s->changes = dk_store_value_changes (r->store, s->round->id, s->a->person_id,
                                                            error)) == NULL))
    return FALSE;
  s->read_only = !dk_rating_changeable (s->round, s->person, r->ctx.lang, NULL);
  s->areas = g_ptr_array_new ();
  for (guint i = 0; i < dk_framework_n_areas (s->fw); i++)
    {
      const DkArea *area = dk_framework_area (s->fw, i);
      for (guint c = 0; c < dk_framework_n_competences (s->fw); c++)
        if (dk_framework_competence (s->fw, c)->area == area && applies (s, c))
          {
            g_ptr_array_add (s->areas, (gpointer) area);
            break;
          }
    }
  return TRUE;
}

/* Loads R's rating as rating_load does; when there is none, answers the
 * page that says so (or 500), clears S and returns FALSE. */
static gboolean
rating_or_answer (Request *r, const char *code, Rating *s)
{
  g_autoptr (GError) error = NULL;
  if (rating_load (r, code, s, &error))
    return TRUE;
  rating_clear (s);
  if (error != NULL)
    {
      dk_web_fail (r, error);
      return FALSE;
    }
  if (r->person != NULL)
    {
      dk_page_person_none (r, T ("This person has no self-rating to do now. When HR opens a round they "
                                 "are in, you can enter their paper form here."));
      return FALSE;
    }
  DkHtml *h = dk_page_start (r, T ("Your self-rating"));
  dk_html_element (h, "p", T ("There is no self-rating for you to do now."));
  dk_html_element (h, "p", T ("HR opens a rating round. Then you can rate yourself here."));
  dk_page_link_para (h, "/", T ("Back to the start page"));
  dk_web_answer_page (r, r->form != NULL ? 409 : 200, h);
  return FALSE;
}

/* Returns the position of the area with ID among S's areas, or -1. */
static int
area_position (const Rating *s, const char *id)
{
  for (guint i = 0; id != NULL && i < s->areas->len; i++)
    if (strcmp (((const DkArea *) s->areas->pdata[i])->id, id) == 0)
      return (int) i;
  return -1;
}

/* Returns the path of the area page at POS (caller frees). */
static char *
area_path (const Rating *s, guint pos)
{
  g_autofree char *id = g_uri_escape_string (((const DkArea *) s->areas->pdata[pos])->id, NULL, FALSE);
  return g_strdup_printf ("%s?area=%s", s->base, id);
}

static const char *
comment_of (const Rating *s, const char *competence)
{
  for (guint i = 0; i < s->notes->len; i++)
    {
      const DkRatingNote *n = s->notes->pdata[i];
      if (strcmp (n->competence, competence) == 0)
        return n->comment;
    }
  return NULL;
}

/* Returns the value of KIND ("self", "motivation") of COMPETENCE that the
 * person entered in the browser themself, as the audit has it; NULL when
 * the page is not a paper form or the value's last change was not theirs. */
static const char *
own_entry (const Rating *s, const char *kind, const char *competence)
{
  if (!s->paper)
    return NULL;
  g_autofree char *field = g_strdup_printf ("%s %s", kind, competence);
  const DkValueChange *c = g_hash_table_lookup (s->changes, field);
  return c != NULL && strcmp (c->actor, s->person->ext_id) == 0 ? c->new_value : NULL;
}

/* Returns the value the form shows for FIELD PREFIX-ID: the typed one of
 * FORM when it has it, else STORED's text (caller frees). */
static char *
shown_value (GHashTable *form, const char *prefix, const char *id, guint stored)
{
  g_autofree char *key = g_strconcat (prefix, id, NULL);
  const char *typed = form != NULL ? g_hash_table_lookup (form, key) : NULL;
  return typed != NULL ? g_strdup (typed) : dk_level_text (stored);
}

static const FieldError *
error_for (GPtrArray *errors, const char *field)
{
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const FieldError *e = errors->pdata[i];
      if (e->field != NULL && strcmp (e->field, field) == 0)
        return e;
    }
  return NULL;
}

/* Writes one radio choice of the group NAME with VALUE, checked when it is
 * CURRENT; its label the level's number, LABEL and DESCRIPTOR. */
static void
choice (DkHtml *h, const char *name, const char *value, const char *current, gboolean disabled,
        const char *number, const char *label, const char *descriptor)
{
  g_autofree char *id = g_strdup_printf ("%s-%s", name, strcmp (value, "?") == 0 ? "dk" : value);
  dk_html_open (h, "label", "class", "choice", "for", id, NULL);
  const char *off = disabled ? "disabled" : NULL;
  if (strcmp (value, current) == 0)
    dk_html_open (h, "input", "type", "radio", "id", id, "name", name, "value", value, "checked", "",
                  off, "", NULL);
  else
    dk_html_open (h, "input", "type", "radio", "id", id, "name", name, "value", value, off, "", NULL);
  DK_HTML_MARKUP (h, "<span class=\"choice-text\">");
  if (number != NULL)
    {
      dk_html_open (h, "span", "class", "number", NULL);
      dk_html_text (h, number);
      dk_html_close (h, "span");
      DK_HTML_MARKUP (h, " ");
    }
  if (label != NULL)
    dk_html_element (h, "strong", label);
  if (descriptor != NULL)
    {
      dk_html_open (h, "span", "class", "descriptor", NULL);
      dk_html_text (h, descriptor);
      dk_html_close (h, "span");
    }
  DK_HTML_MARKUP (h, "</span></label>");
}

/* Writes a fieldset of radios for FIELD (the level or the motivation of
 * competence C) with LEGEND; the scale's levels, and with DONT_KNOW "?". */
static void
choices (Request *r, DkHtml *h, const Rating *s, GPtrArray *errors, const char *field,
         const char *legend, gboolean legend_heading, const char *description,
         const DkScale *scale, const char *current, gboolean dont_know)
{
  const FieldError *e = error_for (errors, field);
  g_autofree char *error_id = g_strconcat ("error-", field, NULL);
  g_autofree char *desc_id = g_strconcat ("about-", field, NULL);
  g_autofree char *described = e != NULL && description != NULL ? g_strdup_printf ("%s %s", error_id, desc_id)
                               : e != NULL ? g_strdup (error_id)
                               : description != NULL ? g_strdup (desc_id) : NULL;
  dk_html_open (h, "fieldset", "id", field, "class", legend_heading ? "competence" : "motivation",
                described != NULL ? "aria-describedby" : NULL, described, NULL);
  DK_HTML_MARKUP (h, "<legend>");
  dk_html_element (h, legend_heading ? "h2" : "span", legend);
  DK_HTML_MARKUP (h, "</legend>");
  if (description != NULL)
    {
      dk_html_open (h, "p", "id", desc_id, NULL);
      dk_html_text (h, description);
      dk_html_close (h, "p");
    }
  if (e != NULL)
    {
      dk_html_open (h, "p", "id", error_id, "class", "error", NULL);
      dk_html_text (h, e->message);
      dk_html_close (h, "p");
    }
  for (guint l = scale->min; l <= scale->max; l++)
    {
      char value[8];
      g_snprintf (value, sizeof value, "%u", l);
      choice (h, field, value, current, s->read_only, value, dk_scale_label (scale, l, r->ctx.lang),
              dk_scale_descriptor (scale, l, r->ctx.lang));
    }
  if (dont_know)
    choice (h, field, "?", current, s->read_only, NULL, T ("Don't know"), NULL);
  DK_HTML_MARKUP (h, "</fieldset>");
}

/* Writes competence C's part of the form. */
static void
competence_part (Request *r, DkHtml *h, const Rating *s, GPtrArray *errors, const DkCompetence *c)
{
  DkLang lang = r->ctx.lang;
  const char *title = dk_competence_title (c, lang);
  g_autofree char *level_field = g_strconcat ("level-", c->id, NULL);
  g_autofree char *motivation_field = g_strconcat ("motivation-", c->id, NULL);
  g_autofree char *comment_field = g_strconcat ("comment-", c->id, NULL);
  g_autofree char *level = shown_value (r->form, "level-", c->id, s->a->self[c->index]);
  g_autofree char *motivation = shown_value (r->form, "motivation-", c->id, s->a->motivation[c->index]);
  const char *typed = r->form != NULL ? g_hash_table_lookup (r->form, comment_field) : NULL;
  const char *comment = typed != NULL ? typed : comment_of (s, c->id);

  const char *about = c->description[lang] != NULL ? c->description[lang]
                      : c->description[lang == DK_LANG_SV ? DK_LANG_EN : DK_LANG_SV];

  DK_HTML_MARKUP (h, "<div class=\"rate\">");
  choices (r, h, s, errors, level_field, title, TRUE, about, dk_framework_scale (s->fw), level, TRUE);
  g_autofree char *question = s->paper ? g_strdup_printf (T ("How much does %s want to learn more in “%s”?"),
                                                          s->person->name, title)
                                       : g_strdup_printf (T ("How much do you want to learn more in “%s”?"), title);
  choices (r, h, s, errors, motivation_field, question, FALSE, NULL, dk_framework_motivation_scale (s->fw),
           motivation, FALSE);
  const FieldError *e = error_for (errors, comment_field);
  g_autofree char *error_id = g_strconcat ("error-", comment_field, NULL);
  dk_html_open (h, "label", "for", comment_field, NULL);
  dk_html_textf (h, T ("Comment on “%s” (you may leave it empty)"), title);
  dk_html_close (h, "label");
  if (e != NULL)
    {
      dk_html_open (h, "p", "id", error_id, "class", "error", NULL);
      dk_html_text (h, e->message);
      dk_html_close (h, "p");
    }
  dk_html_open (h, "textarea", "id", comment_field, "name", comment_field, "rows", "3",
                "maxlength", G_STRINGIFY (DK_COMMENT_MAX),
                /* a read-only page has no errors */
                s->read_only ? "readonly" : e != NULL ? "aria-describedby" : NULL,
                s->read_only ? "" : error_id, NULL);
  dk_html_text (h, comment);
  dk_html_close (h, "textarea");
  DK_HTML_MARKUP (h, "</div>");
}

/* Writes, on a paper form, what the person entered in the browser
 * themself (a warning) and returns how many values that is. */
static guint
own_entries (Request *r, DkHtml *h, const Rating *s)
{
  guint n = 0;
  for (guint c = 0; c < dk_framework_n_competences (s->fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (s->fw, c);
      const char *title = dk_competence_title (comp, r->ctx.lang);
      for (int motivation = 0; motivation < 2 && applies (s, c); motivation++)
        {
          if (own_entry (s, motivation ? "motivation" : "self", comp->id) == NULL)
            continue;
          if (n++ == 0)
            {
              DK_HTML_MARKUP (h, "<div class=\"notice warning\" id=\"own\">");
              dk_html_open (h, "p", NULL);
              dk_html_textf (h, T ("%s has already answered some questions in the browser:"), s->person->name);
              dk_html_close (h, "p");
              DK_HTML_MARKUP (h, "<ul>");
            }
          g_autofree char *level = dk_page_level_words (
              r, motivation ? dk_framework_motivation_scale (s->fw) : dk_framework_scale (s->fw),
              motivation ? s->a->motivation[c] : s->a->self[c]);
          DK_HTML_MARKUP (h, "<li>");
          dk_html_textf (h, motivation ? T ("“%s”: how much they want to learn: %s") : T ("“%s”: their level: %s"),
                         title, level);
          DK_HTML_MARKUP (h, "</li>");
        }
    }
  if (n > 0)
    {
      DK_HTML_MARKUP (h, "</ul>");
      dk_html_open (h, "p", NULL);
      dk_html_textf (h, T ("Their own answers stay as they are unless you tick “Replace %s's own answers” "
                           "at the bottom of the page."), s->person->name);
      dk_html_close (h, "p");
      DK_HTML_MARKUP (h, "</div>");
    }
  return n;
}

/* Writes, on a paper form, whose form it is and what entering it means. */
static void
paper_notice (Request *r, DkHtml *h, const Rating *s)
{
  const char *round = s->round->title != NULL ? s->round->title : s->round->code;
  dk_html_open (h, "p", "class", "round", NULL);
  dk_html_textf (h, T ("You enter %s's self-rating in %s from their paper form."), s->person->name, round);
  dk_html_close (h, "p");
  dk_html_open (h, "p", "class", "notice", NULL);
  dk_html_textf (h, T ("Entered this way, the self-rating counts as shared with you: %s gave you the form. "
                       "They see the answers on their own self-rating page and can still change them. "
                       "The log says that you entered them for %s from paper."),
                 s->person->name, s->person->name);
  dk_html_close (h, "p");
}

/* Writes which round the page is about, and whether it is closed or the
 * rating shared. */
static void
state_notice (Request *r, DkHtml *h, const Rating *s)
{
  if (s->paper)
    {
      paper_notice (r, h, s);
      if (s->read_only)
        dk_html_element (h, "p", T ("The round is closed, or the person has left: the answers can no longer "
                                    "change."));
      return;
    }
  dk_html_open (h, "p", "class", "round", NULL);
  dk_html_textf (h, T ("Your self-rating in %s."), s->round->title != NULL ? s->round->title : s->round->code);
  dk_html_close (h, "p");
  if (s->read_only)
    {
      dk_html_open (h, "p", "class", "notice", NULL);
      dk_html_text (h, s->round->open ? T ("You can read your answers, but not change them.")
                                      : T ("This rating round is closed. You can read your answers, "
                                           "but not change them."));
      dk_html_close (h, "p");
    }
  else if (s->a->flags & DK_ASSESS_SHARED)
    {
      dk_html_open (h, "p", "class", "notice", NULL);
      if (s->a->shared_at != NULL)
        dk_html_textf (h, T ("You shared your self-rating with your manager on %.10s."), s->a->shared_at);
      else
        dk_html_text (h, T ("You have shared your self-rating with your manager."));
      DK_HTML_MARKUP (h, " ");
      dk_html_text (h, T ("You can still change your answers. Your manager then sees the change."));
      dk_html_close (h, "p");
    }
}

/* Writes the list of ERRORS at the top of a page, each linked to its field. */
static void
error_summary (Request *r, DkHtml *h, GPtrArray *errors)
{
  DK_HTML_MARKUP (h, "<div class=\"error\" role=\"alert\" id=\"errors\">");
  dk_html_element (h, "p", T ("Nothing was saved. Correct this and press the button again:"));
  DK_HTML_MARKUP (h, "<ul>");
  for (guint i = 0; i < errors->len; i++)
    {
      const FieldError *e = errors->pdata[i];
      DK_HTML_MARKUP (h, "<li>");
      if (e->field != NULL)
        {
          g_autofree char *anchor = g_strconcat ("#", e->field, NULL);
          dk_html_open (h, "a", "href", anchor, NULL);
          dk_html_text (h, e->message);
          dk_html_close (h, "a");
        }
      else
        dk_html_text (h, e->message);
      DK_HTML_MARKUP (h, "</li>");
    }
  DK_HTML_MARKUP (h, "</ul></div>");
}

/* Answers the page of the area at POS with STATUS; ERRORS (may be NULL)
 * at the top and beside their fields, R's form's typed answers kept. */
static void
area_page (Request *r, const Rating *s, guint pos, GPtrArray *errors, int status)
{
  const DkArea *area = s->areas->pdata[pos];
  g_autofree char *title = g_strdup_printf (T ("Area %u of %u: %s"), pos + 1, s->areas->len,
                                            dk_area_title (area, r->ctx.lang));
  DkHtml *h = dk_page_start (r, title);
  if (errors != NULL && errors->len > 0)
    error_summary (r, h, errors);
  state_notice (r, h, s);
  guint own = own_entries (r, h, s);
  if (!s->read_only)
    dk_html_element (h, "p", s->paper ? T ("Choose what the paper form says. Choose “Don't know” where it says so. "
                                          "Leave a question empty when the form has no answer. The answers "
                                          "are saved when you press a button at the bottom.")
                                      : T ("Choose the level that fits you best. Choose “Don't know” if you are not sure. "
                                           "Your answers are saved when you press a button at the bottom."));

  if (!s->read_only)
    {
      dk_page_form_start (h, s->base, r->session->csrf);
      dk_html_open (h, "input", "type", "hidden", "name", "round", "value", s->round->code, NULL);
      dk_html_open (h, "input", "type", "hidden", "name", "area", "value", area->id, NULL);
    }
  for (guint c = 0; c < dk_framework_n_competences (s->fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (s->fw, c);
      if (comp->area == area && applies (s, c))
        competence_part (r, h, s, errors, comp);
    }
  if (own > 0 && !s->read_only)
    {
      const char *ticked = r->form != NULL ? g_hash_table_lookup (r->form, "replace") : NULL;
      DK_HTML_MARKUP (h, "<p class=\"check\">");
      dk_html_open (h, "input", "type", "checkbox", "id", "replace", "name", "replace", "value", "yes",
                    ticked != NULL ? "checked" : NULL, "", NULL);
      g_autofree char *label = g_strdup_printf (T ("Replace %s's own answers"), s->person->name);
      dk_page_label (h, "replace", label);
      DK_HTML_MARKUP (h, "</p>");
    }
  DK_HTML_MARKUP (h, "<div class=\"steps\">");
  if (!s->read_only)
    {
      dk_html_open (h, "button", "type", "submit", "name", "go", "value", "next", NULL);
      dk_html_text (h, pos + 1 < s->areas->len ? T ("Save and go on")
                       : s->paper ? T ("Save and go to the conversation") : T ("Save and see the summary"));
      dk_html_close (h, "button");
      if (pos > 0)
        {
          dk_html_open (h, "button", "type", "submit", "name", "go", "value", "back", "class", "secondary", NULL);
          dk_html_text (h, T ("Save and go back"));
          dk_html_close (h, "button");
        }
      DK_HTML_MARKUP (h, "</div></form>");
    }
  else
    {
      DK_HTML_MARKUP (h, "<ul class=\"next\">");
      if (pos + 1 < s->areas->len)
        {
          g_autofree char *next = area_path (s, pos + 1);
          dk_page_link_item (h, next, T ("The next area"));
        }
      if (pos > 0)
        {
          g_autofree char *back = area_path (s, pos - 1);
          dk_page_link_item (h, back, T ("The previous area"));
        }
      dk_page_link_item (h, s->summary, s->paper ? T ("The conversation") : T ("The summary"));
      DK_HTML_MARKUP (h, "</ul></div>");
    }
  if (!s->read_only)
    dk_page_link_para (h, s->summary, s->paper ? T ("Go to the conversation without saving")
                                               : T ("See the summary without saving"));
  dk_web_answer_page (r, status, h);
}

void
dk_page_assessment (Request *r)
{
  Rating s;
  if (!rating_or_answer (r, NULL, &s))
    return;
  const char *want = g_hash_table_lookup (r->query, "area");
  int pos = area_position (&s, want);
  if (want != NULL && pos < 0)
    dk_web_not_found (r);
  else if (s.areas->len == 0)
    {
      g_autofree char *title = s.paper ? g_strdup_printf (T ("%s's self-rating"), s.person->name)
                                       : g_strdup (T ("Your self-rating"));
      DkHtml *h = dk_page_start (r, title);
      g_autofree char *none = s.paper ? g_strdup_printf (T ("There is nothing for %s to rate in this round."),
                                                          s.person->name)
                                      : g_strdup (T ("There is nothing for you to rate in this round."));
      dk_html_element (h, "p", none);
      dk_web_answer_page (r, 200, h);
    }
  else
    {
      /* else the first area not fully answered (all answered: the first) */
      for (guint i = 0; pos < 0 && i < s.areas->len; i++)
        for (guint c = 0; c < dk_framework_n_competences (s.fw); c++)
          if (dk_framework_competence (s.fw, c)->area == s.areas->pdata[i] && applies (&s, c)
              && !answered (&s, c))
            {
              pos = (int) i;
              break;
            }
      area_page (r, &s, pos < 0 ? 0 : (guint) pos, NULL, 200);
    }
  rating_clear (&s);
}

/* ---- saving --------------------------------------------------------------------- */

/* One competence's answers as a POST gave them: a level or 0 (not given). */
typedef struct {
  guint       comp;
  guint       self;
  guint       motivation;
  const char *comment;   /* NULL: not given */
} Answer;

static void
add_error (GPtrArray *errors, const char *field, char *message)
{
  FieldError *e = g_new0 (FieldError, 1);
  e->field = g_strdup (field);
  e->message = message;
  g_ptr_array_add (errors, e);
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Parses the level TEXT of SCALE ("?" with DONT_KNOW) into *LEVEL; empty
 * is 0, nothing given.  FALSE when it is no such level. */
static gboolean
parse_level (const char *text, const DkScale *scale, gboolean dont_know, guint *level)
{
  *level = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (dont_know && strcmp (text, "?") == 0)
    {
      *level = DK_LEVEL_DONT_KNOW;
      return TRUE;
    }
  guint64 v;
  if (!g_ascii_string_to_unsigned (text, 10, scale->min, scale->max, &v, NULL))
    return FALSE;
  *level = (guint) v;
  return TRUE;
}

/* Adds to ERRORS, on a paper form, that FIELD (of the competence ID,
 * titled TITLE) would replace with LEVEL (0: none given) the value STORED
 * the person entered themself. */
static void
kept_own (Request *r, const Rating *s, GPtrArray *errors, const char *field, const char *kind, const char *id,
          const char *title, guint level, guint stored)
{
  if (level == 0 || level == stored || own_entry (s, kind, id) == NULL)
    return;
  add_error (errors, field,
             g_strdup_printf (T ("“%s”: %s answered this themself. To replace their answer with the paper "
                                 "form's, tick “Replace %s's own answers”."),
                              title, s->person->name, s->person->name));
}

/* Checks every field of R's form against S; returns the answers (Answer)
 * and adds to ERRORS what is wrong. */
static GArray *
check_form (Request *r, const Rating *s, GPtrArray *errors)
{
  static const char *const prefixes[] = { "level-", "motivation-", "comment-" };
  guint n_keys;
  g_autofree gpointer *keys_ = g_hash_table_get_keys_as_array (r->form, &n_keys);
  const char **keys = (const char **) keys_;
  qsort (keys, n_keys, sizeof *keys, compare_keys);
  g_autoptr (GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < n_keys; k++)
    for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
      {
        if (!g_str_has_prefix (keys[k], prefixes[p]))
          continue;
        const char *id = keys[k] + strlen (prefixes[p]);
        const DkCompetence *c = dk_framework_competence_by_id (s->fw, id);
        if ((c != NULL && applies (s, c->index)) || g_hash_table_contains (reported, id))
          continue;
        g_hash_table_add (reported, (gpointer) id);
        add_error (errors, NULL, c == NULL ? g_strdup_printf (T ("There is no competence “%s”."), id)
                                 : s->paper ? g_strdup_printf (T ("The competence “%s” is not part of the "
                                                                  "self-rating for %s's role."), id, s->person->name)
                                            : g_strdup_printf (T ("The competence “%s” is not part of the "
                                                                  "self-rating for your role."), id));
      }

  GArray *answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  gboolean replace = g_hash_table_lookup (r->form, "replace") != NULL;
  for (guint i = 0; i < dk_framework_n_competences (s->fw); i++)
    {
      if (!applies (s, i))
        continue;
      const DkCompetence *c = dk_framework_competence (s->fw, i);
      const char *title = dk_competence_title (c, r->ctx.lang);
      g_autofree char *level_field = g_strconcat ("level-", c->id, NULL);
      g_autofree char *motivation_field = g_strconcat ("motivation-", c->id, NULL);
      g_autofree char *comment_field = g_strconcat ("comment-", c->id, NULL);
      Answer a = { .comp = i, .comment = g_hash_table_lookup (r->form, comment_field) };
      const DkScale *scale = dk_framework_scale (s->fw);
      if (!parse_level (g_hash_table_lookup (r->form, level_field), scale, TRUE, &a.self))
        add_error (errors, level_field,
                   g_strdup_printf (T ("“%s”: choose one of the levels %u to %u, or “Don't know”."),
                                    title, scale->min, scale->max));
      scale = dk_framework_motivation_scale (s->fw);
      if (!parse_level (g_hash_table_lookup (r->form, motivation_field), scale, FALSE, &a.motivation))
        add_error (errors, motivation_field,
                   s->paper ? g_strdup_printf (T ("“%s”: choose how much %s wants to learn, %u to %u."),
                                               title, s->person->name, scale->min, scale->max)
                            : g_strdup_printf (T ("“%s”: choose how much you want to learn, %u to %u."),
                                               title, scale->min, scale->max));
      if (!replace)
        {
          kept_own (r, s, errors, level_field, "self", c->id, title, a.self, s->a->self[i]);
          kept_own (r, s, errors, motivation_field, "motivation", c->id, title, a.motivation, s->a->motivation[i]);
        }
      if (a.comment != NULL && g_utf8_strlen (a.comment, -1) > DK_COMMENT_MAX)
        add_error (errors, comment_field,
                   g_strdup_printf (T ("“%s”: the comment is too long. Write at most %d characters."),
                                    title, DK_COMMENT_MAX));
      g_array_append_val (answers, a);
    }
  return answers;
}

/* Returns the title of a page that saved nothing of S (static). */
static const char *
not_saved_title (Request *r, const Rating *s)
{
  return s->paper ? T ("The answers were not saved") : T ("Your answers were not saved");
}

/* Answers that the round of S cannot change any more (409). */
static void
closed_page (Request *r, const Rating *s)
{
  DkHtml *h = dk_page_start (r, not_saved_title (r, s));
  dk_html_open (h, "p", "class", "error", "role", "alert", NULL);
  dk_html_text (h, s->round->open ? T ("You cannot change this self-rating any more.")
                   : s->paper ? T ("This rating round is closed. The answers cannot change any more.")
                              : T ("This rating round is closed. You cannot change your answers any more."));
  dk_html_close (h, "p");
  dk_page_link_para (h, s->summary, s->paper ? T ("Back to the conversation") : T ("Read your answers"));
  dk_web_answer_page (r, 409, h);
}

/* Stores ANSWERS where they differ from S's. */
static gboolean
store_answers (Request *r, const Rating *s, GArray *answers, GError **error)
{
  const char *round = s->round->code, *person = s->person->ext_id;
  for (guint i = 0; i < answers->len; i++)
    {
      const Answer *a = &g_array_index (answers, Answer, i);
      const char *id = dk_framework_competence (s->fw, a->comp)->id;
      if (a->self != 0 && a->self != s->a->self[a->comp]
          && !(s->paper ? dk_store_rate_from_paper (r->store, round, person, id, a->self, FALSE, &r->ctx, error)
                        : dk_store_rate_self (r->store, round, person, id, a->self, &r->ctx, error)))
        return FALSE;
      if (a->motivation != 0 && a->motivation != s->a->motivation[a->comp]
          && !(s->paper ? dk_store_rate_from_paper (r->store, round, person, id, a->motivation, TRUE, &r->ctx, error)
                        : dk_store_rate_motivation (r->store, round, person, id, a->motivation, &r->ctx, error)))
        return FALSE;
      if (a->comment == NULL)
        continue;
      g_autofree char *comment = g_strstrip (g_strdup (a->comment));
      const char *old = comment_of (s, id);
      if (strcmp (comment, old != NULL ? old : "") != 0
          && !dk_store_rating_note_put (r->store, s->round->id, s->a->person_id, id, comment, NULL, &r->ctx, error))
        return FALSE;
    }
  return TRUE;
}

void
dk_page_assessment_post (Request *r)
{
  Rating s;
  if (!rating_or_answer (r, g_hash_table_lookup (r->form, "round"), &s))
    return;
  int pos = area_position (&s, g_hash_table_lookup (r->form, "area"));
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) field_error_free);
  g_autoptr (GArray) answers = check_form (r, &s, errors);
  if (s.read_only)
    closed_page (r, &s);
  else if (errors->len > 0 && s.areas->len > 0)
    {
      /* the same area again, else the area of the first wrong field */
      for (guint i = 0; pos < 0 && i < errors->len; i++)
        {
          const FieldError *e = errors->pdata[i];
          const char *id = e->field != NULL ? strchr (e->field, '-') + 1 : NULL;
          const DkCompetence *c = id != NULL ? dk_framework_competence_by_id (s.fw, id) : NULL;
          for (guint a = 0; c != NULL && a < s.areas->len; a++)
            if (s.areas->pdata[a] == c->area)
              pos = (int) a;
        }
      area_page (r, &s, pos < 0 ? 0 : (guint) pos, errors, 400);
    }
  else if (errors->len > 0)
    {
      DkHtml *h = dk_page_start (r, not_saved_title (r, &s));
      error_summary (r, h, errors);
      dk_web_answer_page (r, 400, h);
    }
  else
    {
      g_autoptr (GError) error = NULL;
      if (!store_answers (r, &s, answers, &error))
        {
          if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED))
            closed_page (r, &s);
          else
            dk_web_fail (r, error);
        }
      else
        {
          const char *go = g_hash_table_lookup (r->form, "go");
          gboolean back = go != NULL && strcmp (go, "back") == 0;
          g_autofree char *path = pos < 0 ? g_strdup (s.base)
                                  : back ? area_path (&s, pos > 0 ? (guint) pos - 1 : 0)
                                  : (guint) pos + 1 < s.areas->len ? area_path (&s, (guint) pos + 1)
                                  : g_strdup (s.summary);
          dk_web_redirect (r, path);
        }
    }
  rating_clear (&s);
}

/* ---- the summary, and sharing ------------------------------------------------------ */

/* Writes the chart and the table of own levels against the expected ones. */
static void
levels (Request *r, DkHtml *h, const Rating *s)
{
  guint n = dk_framework_n_competences (s->fw);
  g_autofree const char **axes = g_new0 (const char *, n);
  g_autofree guint *expected = g_new0 (guint, n), *own = g_new0 (guint, n);
  for (guint c = 0; c < n; c++)
    {
      axes[c] = dk_framework_competence (s->fw, c)->id;
      expected[c] = applies (s, c) ? dk_framework_expected (s->fw, s->a->role, c) : 0;
      own[c] = s->a->self[c] != DK_LEVEL_DONT_KNOW ? s->a->self[c] : 0;
    }
  const DkScale *scale = dk_framework_scale (s->fw);
  DkRadar radar = { n, axes, expected, own, scale->min, scale->max, T ("Expected level"), T ("Your level") };
  g_autofree char *svg = dk_svg_radar (&radar);
  DK_HTML_MARKUP (h, "<figure class=\"chart\">");
  dk_html_svg (h, svg);
  dk_html_element (h, "figcaption", T ("Your levels (solid line) and the levels expected for your role "
                                       "(dashed line). The table has the same figures."));
  DK_HTML_MARKUP (h, "</figure>");

  /* a narrow screen scrolls the table sideways (WCAG's reflow exempts data
   * tables): a region that the keyboard can reach and scroll */
  dk_html_open (h, "div", "class", "table", "role", "region", "tabindex", "0", "aria-labelledby", "levels", NULL);
  DK_HTML_MARKUP (h, "<table><caption id=\"levels\">");
  dk_html_text (h, T ("Your levels and the expected levels"));
  DK_HTML_MARKUP (h, "</caption>");
  DK_HTML_MARKUP (h, "<thead><tr>");
  const char *heads[] = { T ("Competence"), T ("Your level"), T ("Expected level"), T ("Motivation") };
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      dk_html_open (h, "th", "scope", "col", NULL);
      dk_html_text (h, heads[i]);
      dk_html_close (h, "th");
    }
  DK_HTML_MARKUP (h, "</tr></thead><tbody>");
  for (guint c = 0; c < n; c++)
    {
      if (!applies (s, c))
        continue;
      const DkCompetence *comp = dk_framework_competence (s->fw, c);
      g_autofree char *name = g_strdup_printf ("%s %s", comp->id, dk_competence_title (comp, r->ctx.lang));
      g_autofree char *self = dk_page_level_words (r, scale, s->a->self[c]);
      g_autofree char *want = dk_page_level_words (r, scale, expected[c]);
      g_autofree char *motivation = dk_page_level_words (r, dk_framework_motivation_scale (s->fw), s->a->motivation[c]);
      DK_HTML_MARKUP (h, "<tr>");
      dk_html_open (h, "th", "scope", "row", NULL);
      dk_html_text (h, name);
      dk_html_close (h, "th");
      dk_html_element (h, "td", self);
      dk_html_element (h, "td", want);
      dk_html_element (h, "td", motivation);
      DK_HTML_MARKUP (h, "</tr>");
    }
  DK_HTML_MARKUP (h, "</tbody></table></div>");
}

/* Writes what is still unanswered, each linked to its area. */
static void
unanswered (Request *r, DkHtml *h, const Rating *s)
{
  dk_html_element (h, "h2", T ("Still to answer"));
  guint missing = 0;
  for (guint pos = 0; pos < s->areas->len; pos++)
    for (guint c = 0; c < dk_framework_n_competences (s->fw); c++)
      {
        const DkCompetence *comp = dk_framework_competence (s->fw, c);
        if (comp->area != s->areas->pdata[pos] || !applies (s, c) || answered (s, c))
          continue;
        if (missing++ == 0)
          DK_HTML_MARKUP (h, "<ul class=\"next\">");
        const char *what = s->a->self[c] == DK_LEVEL_NONE && s->a->motivation[c] == DK_LEVEL_NONE
                               ? T ("%s: your level and how much you want to learn")
                           : s->a->self[c] == DK_LEVEL_NONE ? T ("%s: your level")
                                                            : T ("%s: how much you want to learn");
        g_autofree char *text = g_strdup_printf (what, dk_competence_title (comp, r->ctx.lang));
        g_autofree char *path = area_path (s, pos);
        g_autofree char *anchor = g_strdup_printf ("%s#%s-%s", path,
                                                   s->a->self[c] == DK_LEVEL_NONE ? "level" : "motivation",
                                                   comp->id);
        dk_page_link_item (h, anchor, text);
      }
  if (missing > 0)
    DK_HTML_MARKUP (h, "</ul>");
  else
    dk_html_element (h, "p", T ("You have answered everything."));
}

void
dk_page_assessment_summary (Request *r)
{
  Rating s;
  if (!rating_or_answer (r, NULL, &s))
    return;
  DkHtml *h = dk_page_start (r, T ("Your self-rating: summary"));
  state_notice (r, h, &s);
  levels (r, h, &s);
  unanswered (r, h, &s);
  if (s.areas->len > 0)
    {
      g_autofree char *first = area_path (&s, 0);
      dk_page_link_para (h, first, s.read_only ? T ("Read your answers") : T ("Change your answers"));
    }
  if (!s.read_only && !(s.a->flags & DK_ASSESS_SHARED))
    {
      dk_html_element (h, "h2", T ("Share with your manager"));
      dk_html_element (h, "p", T ("Your manager will see your answers and comments. You can still change "
                                  "them; your manager then sees the change."));
      dk_html_element (h, "p", T ("Until you share, nobody else sees your answers."));
      dk_page_form_start (h, "/assessment/share", r->session->csrf);
      dk_html_open (h, "input", "type", "hidden", "name", "round", "value", s.round->code, NULL);
      dk_page_button (h, T ("Share with my manager"), TRUE);
    }
  dk_web_answer_page (r, 200, h);
  rating_clear (&s);
}

void
dk_page_assessment_share (Request *r)
{
  Rating s;
  if (!rating_or_answer (r, g_hash_table_lookup (r->form, "round"), &s))
    return;
  g_autoptr (GError) error = NULL;
  if (s.read_only)
    closed_page (r, &s);
  else if (dk_store_share (r->store, s.round->code, s.person->ext_id, &r->ctx, &error))
    dk_web_redirect (r, "/assessment/summary");
  else if (g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_REFUSED))
    closed_page (r, &s);
  else
    dk_web_fail (r, error);
  rating_clear (&s);
}
