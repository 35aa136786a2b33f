/*
 * page.h — what the pages of the web interface share (page.c): the frame
 * of a page and its forms.  Private to web/; a page belongs to one request
 * (one thread).
 */
#ifndef DK_WEB_PAGE_H
#define DK_WEB_PAGE_H

#include "framework.h"
#include "plan.h"
#include "server.h"

/* The message MSGID in the request R's language. */
#define T(msgid) T_ (r->ctx.lang, msgid)

/* Returns a writer holding the page's head, when R is signed in its header
 * (the person's name and the sign-out button), and the main part opened
 * with TITLE as its heading.  Hand it to dk_web_answer_page. */
DkHtml *dk_page_start (Request *r, const char *title);

/* Writes the start of a form that POSTs to ACTION, with the session's
 * CSRF token CSRF. */
void dk_page_form_start (DkHtml *h, const char *action, const char *csrf);

/* Writes a submit button saying TEXT and, with END, the form's end. */
void dk_page_button (DkHtml *h, const char *text, gboolean end);

/* Writes a list item with a link to PATH saying TEXT. */
void dk_page_link_item (DkHtml *h, const char *path, const char *text);

/* Returns the value of R's query field NAME, NULL when it is missing or
 * empty (R's). */
const char *dk_page_query_value (Request *r, const char *name);

/* Returns what is wrong with the period FROM to TO (dates YYYY-MM-DD,
 * each may be NULL: open) in R's language, and sets *FIELD to the field it
 * is about ("from" or "to"); NULL when nothing is.  Caller frees. */
char *dk_page_period_problem (Request *r, const char *from, const char *to, const char **field);

/* As dk_page_period_problem, and then whether the participation report
 * takes the period (dk_participation_period_check): its message, in R's
 * language, or NULL.  Caller frees. */
char *dk_page_participation_period_problem (Request *r, const char *from, const char *to, const char **field);

/* Writes, above a participation report's dates, which periods it takes
 * (dk_participation_period_check): a year, a half-year, or all. */
void dk_page_participation_period_hint (Request *r, DkHtml *h);

/* Returns PATH with a query of the N_NAMES fields NAMES whose VALUES are
 * not NULL, each value escaped (caller frees). */
char *dk_page_query_path (const char *path, const char *const *names, const char *const *values,
                          guint n_names);

/* Writes a paragraph holding only a link to PATH saying TEXT. */
void dk_page_link_para (DkHtml *h, const char *path, const char *text);
/* Writes a list item saying FORMAT (a message with one %s) with TEXT in it. */
void dk_page_fact (DkHtml *h, const char *format, const char *text);

/* Writes a list item saying what kind of activity it is: KIND, FORMAT
 * (words) and, when not 0, its HOURS. */
void dk_page_kind (Request *r, DkHtml *h, const char *kind, const char *format, double hours);

/* Writes the end of the page: the main part closed, the footer (the link
 * to the accessibility statement) and the document's end.  Called by
 * dk_web_answer_page. */
void dk_page_end (Request *r, DkHtml *h);

/* Writes the page's main action: a link to PATH saying TEXT, shown as a
 * large button.  One per page. */
void dk_page_main_action (DkHtml *h, const char *path, const char *text);

/* Writes MESSAGE as an error (role alert) with the element id ID (NULL:
 * none), for a field's aria-describedby. */
void dk_page_error (DkHtml *h, const char *id, const char *message);

/* Starts a page titled TITLE (dk_page_start) and, under its heading, the
 * form's outcome: PROBLEM (an alert, id "problem") or DONE (a status),
 * each may be NULL.  The caller ends the page (dk_web_answer_page). */
DkHtml *dk_page_start_outcome (Request *r, const char *title, const char *problem, const char *done);

/* The round of PERSON (a store id: the signed-in person, or on
 * /people/ID/… that person): with CODE, that round; else the newest open
 * round they are registered in, and with ANY_ROUND when there is none
 * the newest closed one; their assessment and the round's framework, all
 * NULL when they are registered in no such round.  Owned; free with
 * dk_page_round_clear. */
typedef struct {
  DkRound      *round;
  DkAssessment *a;
  DkFramework  *fw;
} DkPageRound;

gboolean dk_page_person_round (Request *r, gint64 person, const char *code, gboolean any_round,
                               DkPageRound *out, GError **error);
void dk_page_round_clear (DkPageRound *own);

/* Sets *PLAN to the signed-in person's plan: in an open round, else in the
 * newest round they have one in; NULL when they have none (caller frees).
 * FALSE with ERROR when the store fails.  (page-plan.c) */
gboolean dk_page_own_plan (Request *r, DkPlan **plan, GError **error);

/* Writes a hidden field NAME with VALUE. */
void dk_page_hidden (DkHtml *h, const char *name, const char *value);

/* Writes a label for the field ID saying TEXT. */
void dk_page_label (DkHtml *h, const char *id, const char *text);

/* A form's first problem: the field it is about and why.  Its fields' ids
 * are PREFIX-NAME, the ids of their messages PREFIX-NAME-error. */
typedef struct {
  const char *prefix;
  const char *bad_field;   /* the field the problem is about; NULL: the form's */
  char       *problem;     /* owned; NULL when there is none */
} DkPageForm;

/* Keeps PROBLEM (taken) about field NAME (NULL: none in particular) unless
 * F has a problem already. */
void dk_page_form_refuse (DkPageForm *f, const char *name, char *problem);

/* Frees F's problem. */
void dk_page_form_clear (DkPageForm *f);

/* Writes the label LABEL of field NAME and, when F's problem is about it,
 * the message; sets *ID and *ERROR_ID (caller frees) and returns whether
 * the field is the one refused. */
gboolean dk_page_field_label (DkHtml *h, const DkPageForm *f, const char *name, const char *label, char **id,
                              char **error_id);

/* Writes field NAME, an input of TYPE ("text", "date" …) holding VALUE
 * (NULL: empty), under its label LABEL and F's message about it. */
void dk_page_input_field (DkHtml *h, const DkPageForm *f, const char *name, const char *label, const char *type,
                          const char *value);

/* Writes the label LABEL of field NAME, F's message about it, and opens
 * its select: the caller adds the options and closes it. */
void dk_page_select_open (DkHtml *h, const DkPageForm *f, const char *name, const char *label);

/* Drops the unfinished page H and answers 500 for ERROR. */
void dk_page_fail (Request *r, DkHtml *h, const GError *error);

/* Returns LEVEL of SCALE as a person reads it: "3 Independent", "Don't
 * know", "Not answered" (caller frees). */
char *dk_page_level_words (Request *r, const DkScale *scale, guint level);

/* Writes the start of a table that scrolls sideways on a narrow screen (a
 * region the keyboard reaches), its caption CAPTION (id ID) and a header
 * row of the N_HEADS column headings HEADS; dk_page_table_end ends it. */
void dk_page_table_start (DkHtml *h, const char *id, const char *caption, const char *const *heads,
                          guint n_heads);
void dk_page_table_end (DkHtml *h);

/* Returns the path /people/ID/REST of the person with external id ID,
 * escaped (caller frees). */
char *dk_page_person_path (const char *id, const char *rest);
/* The same under /admin: /admin/people/ID/REST (caller frees). */
char *dk_page_admin_person_path (const char *id, const char *rest);

/* Returns the title in R's language of the activity ID of CATALOGUE
 * (DkActivity*), or ID itself when it is not there (static or ID). */
const char *dk_page_activity_title (Request *r, GPtrArray *catalogue, const char *id);

/* Loads the plan context of R's person (r->person, of a /people/ID/…
 * route) in the round of the form's or the query's `round`, else the open
 * round; when they have no rating there, answers the page that says so (or
 * 500) and returns FALSE.  Clear *PC with dk_plan_context_clear. */
gboolean dk_page_person_load (Request *r, DkPlanContext *pc);

/* Answers the page of r->person (/people/ID/…) saying MESSAGE, with the
 * way back to the team: 409 for a POST, else 200.  (page-conversation.c) */
void dk_page_person_none (Request *r, const char *message);

#endif
