/*
 * page-erase.c — the admin's erasure of a person (DK_ACCESS_ADMIN): a page
 * that says what erasing removes and asks for the person's id, and the
 * POST that erases with the core call of `digikomp person erase`, audited
 * with the admin as actor.
 *
 * The store is shared with the other worker threads and with the command
 * line: when one of them is reading while the log is checkpointed, the
 * person is erased for every reader but their old bytes may stay on disk
 * for a while, and the outcome page says so.
 */
#include "page.h"
#include "person-data.h"

#include <string.h>

/* Writes one figure of S: TERM, then N. */
static void
write_count (DkHtml *h, const char *term, guint n)
{
  dk_html_element (h, "dt", term);
  g_autofree char *number = g_strdup_printf ("%u", n);
  dk_html_element (h, "dd", number);
}

/* Writes what erasing removes, counted in S. */
static void
write_summary (Request *r, DkHtml *h, const DkEraseSummary *s)
{
  dk_html_open (h, "dl", "class", "status", NULL);
  write_count (h, T ("Assessments in open rounds, removed"), s->assessments_deleted);
  write_count (h, T ("Assessments in closed rounds, kept with nothing that names the person, so that "
                     "the rounds' figures stay the same"), s->assessments_anonymised);
  write_count (h, T ("Development plans with their activities, removed"), s->plans);
  write_count (h, T ("Recorded participation in activities, removed"), s->participations);
  write_count (h, T ("Comments and reasons, removed"), s->notes);
  write_count (h, T ("Rows of the log of changes about the person, removed"), s->audit_rows);
  write_count (h, T ("People they are the manager of, left without a manager"), s->reports);
  dk_html_close (h, "dl");
}

/* Answers a page titled TITLE saying TEXT (a message with one %s, given
 * ARG) with STATUS, and a link back to the accounts. */
static void
answer_refusal (Request *r, int status, const char *title, const char *text, const char *arg)
{
  DkHtml *h = dk_page_start (r, title);
  DK_HTML_MARKUP (h, "<p>");
  dk_html_textf (h, text, arg);
  DK_HTML_MARKUP (h, "</p>");
  dk_page_link_para (h, "/admin/users", T ("Back to the accounts"));
  dk_web_answer_page (r, status, h);
}

/* Returns the person of R's /admin/people/ID/erase, unless it is nobody
 * (404) or the signed-in admin, which it answers: the page that says why
 * (200), and 409 to a POST, as pages that refuse a change do; NULL then. */
static DkPerson *
erasable_person (Request *r)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPerson) p = dk_store_person_find (r->store, r->param, &error);
  if (error != NULL)
    dk_web_fail (r, error);
  else if (p == NULL)
    answer_refusal (r, 404, T ("Nobody has this id"),
                    T ("There is nobody with the id %s in digikomp: they may have been erased already."),
                    r->param);
  else if (p->id == r->who->person_id)
    answer_refusal (r, r->form != NULL ? 409 : 200, T ("You cannot erase yourself here"),
                    T ("You are signed in as %s: erasing your own data here would end your session halfway. "
                       "Ask another admin, or use digikomp person erase on the server."), p->ext_id);
  else
    return g_steal_pointer (&p);
  return NULL;
}

/* Answers STATUS with the confirmation page of P: what erasing removes
 * (S), the download of P's data, and the field for P's id with TYPED and
 * MESSAGE (NULL: none) when a POST was refused. */
static void
answer_confirm (Request *r, int status, const DkPerson *p, const DkEraseSummary *s, const char *typed,
                const char *message)
{
  g_autofree char *title = g_strdup_printf (T ("Erase the data of %s"), p->name);
  DkHtml *h = dk_page_start_outcome (r, title, message != NULL ? T ("Nothing was erased. See the message at "
                                                                    "the field.") : NULL, NULL);
  DK_HTML_MARKUP (h, "<p>");
  dk_html_textf (h, T ("This erases %s (id %s) from digikomp: the person, their account, and what is stored "
                       "about them, as counted here. It cannot be undone."), p->name, p->ext_id);
  DK_HTML_MARKUP (h, "</p>");
  write_summary (r, h, s);
  dk_html_element (h, "h2", T ("First, download the data"));
  dk_html_element (h, "p", T ("Download everything stored about the person before you erase it, if they or "
                              "the organisation's archive should have a copy."));
  g_autofree char *data = dk_page_admin_person_path (p->ext_id, "data.json");
  g_autofree char *file = g_strdup_printf ("digikomp-%s.json", p->ext_id);
  DK_HTML_MARKUP (h, "<p>");
  dk_html_open (h, "a", "href", data, "download", file, NULL);
  dk_html_text (h, T ("Download the data (JSON)"));
  dk_html_close (h, "a");
  DK_HTML_MARKUP (h, "</p>");
  dk_html_element (h, "h2", T ("Erase"));
  g_autofree char *action = dk_page_admin_person_path (p->ext_id, "erase");
  dk_page_form_start (h, action, r->session->csrf);
  g_autofree char *label = g_strdup_printf (T ("Type the id %s to confirm"), p->ext_id);
  dk_page_label (h, "confirm", label);
  if (message != NULL)
    dk_page_error (h, "confirm-error", message);
  dk_html_open (h, "input", "type", "text", "id", "confirm", "name", "confirm", "autocomplete", "off",
                "spellcheck", "false", "value", typed != NULL ? typed : "",
                message != NULL ? "aria-describedby" : NULL, "confirm-error", NULL);
  dk_page_button (h, T ("Erase for good"), TRUE);
  dk_page_link_para (h, "/admin/users", T ("Cancel: back to the accounts"));
  dk_web_answer_page (r, status, h);
}

/* Answers the outcome of erasing the person NAME (ID): what was removed (S)
 * and, when the log could not be emptied, that the old bytes may remain. */
static void
answer_erased (Request *r, const char *name, const char *id, const DkEraseSummary *s)
{
  g_autofree char *done = g_strdup_printf (T ("%s (%s) is erased."), name, id);
  DkHtml *h = dk_page_start_outcome (
      r, T ("Erased"),
      s->overwritten ? NULL
                     : T ("Erased, but not yet overwritten on disk: someone else was reading the store. Nobody can "
                          "see the person any more, but the old bytes of their data may remain in the store's "
                          "files until SQLite overwrites them at a later checkpoint, at the latest when the "
                          "server stops."),
      done);
  dk_html_element (h, "h2", T ("What was erased"));
  write_summary (r, h, s);
  dk_page_link_para (h, "/admin/users", T ("Back to the accounts"));
  dk_web_answer_page (r, 200, h);
}

/* GET /admin/people/ID/erase */
void
dk_page_admin_erase_form (Request *r)
{
  g_autoptr (DkPerson) p = erasable_person (r);
  g_autoptr (GError) error = NULL;
  DkEraseSummary s;
  if (p == NULL)
    return;
  if (!dk_person_erase (r->store, p->ext_id, TRUE, 0, &s, &r->ctx, &error))
    dk_web_fail (r, error);
  else
    answer_confirm (r, 200, p, &s, NULL, NULL);
}

/* POST /admin/people/ID/erase: field confirm, the person's id typed; 400
 * with the confirmation page and what was typed when it is not ID, else
 * the erasure and its outcome. */
void
dk_page_admin_erase (Request *r)
{
  g_autoptr (DkPerson) p = erasable_person (r);
  if (p == NULL)
    return;
  const char *typed = g_hash_table_lookup (r->form, "confirm");
  g_autofree char *confirm = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  gboolean confirmed = strcmp (confirm, p->ext_id) == 0;
  g_autoptr (GError) error = NULL;
  DkEraseSummary s;
  if (!dk_person_erase (r->store, p->ext_id, !confirmed, DK_ERASE_OVERWRITE_WAIT_MS, &s, &r->ctx, &error))
    dk_web_fail (r, error);
  else if (!confirmed)
    {
      g_autofree char *message = g_strdup_printf (T ("Type the id exactly as shown: %s."), p->ext_id);
      answer_confirm (r, 400, p, &s, typed != NULL ? typed : "", message);
    }
  else
    answer_erased (r, p->name, p->ext_id, &s);
}
