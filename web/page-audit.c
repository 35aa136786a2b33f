/*
 * page-audit.c — the admin's audit log (DK_ACCESS_ADMIN): every change,
 * newest first, filtered by person, actor, kind and date, a page at a
 * time; the same rows as `digikomp audit PERSON` (core/views-audit.h), so
 * an unshared self-rating's values are hidden here as there.
 *
 * GET only: the filters are the query (`person`, `actor`, `kind`, `from`,
 * `to`, `page`), so a filtered page can be bookmarked and nothing changes.
 */
#include "enum.h"
#include "page.h"
#include "views-audit.h"

#include <string.h>

#define PAGE_ROWS 50

/* The query's fields, and the first problem with them. */
typedef struct {
  DkAuditFilter filter;
  guint         page;        /* from 1 */
  DkPageForm    fields;      /* its problem; about no field: the page number */
} Query;

/* Keeps PROBLEM (taken) about the field NAME unless Q has one already. */
static void
refuse (Query *q, const char *name, char *problem)
{
  dk_page_form_refuse (&q->fields, name, problem);
}

/* Reads R's query into Q and checks what needs no store. */
static void
read_query (Request *r, Query *q)
{
  DkAuditFilter *f = &q->filter;
  *f = (DkAuditFilter) { .person = dk_page_query_value (r, "person"), .actor = dk_page_query_value (r, "actor"),
                         .kind = dk_page_query_value (r, "kind"), .from = dk_page_query_value (r, "from"),
                         .to = dk_page_query_value (r, "to"), .newest_first = TRUE, .limit = PAGE_ROWS };
  const char *page_text = dk_page_query_value (r, "page");
  guint64 page = 1;
  if (page_text != NULL && !g_ascii_string_to_unsigned (page_text, 10, 1, G_MAXUINT / PAGE_ROWS, &page, NULL))
    refuse (q, NULL, g_strdup_printf (T ("There is no page '%s' of the audit log."), page_text));
  q->page = (guint) page;
  f->offset = (q->page - 1) * PAGE_ROWS;
  guint n_kinds;
  const char *const *kinds = dk_audit_kinds (&n_kinds);
  if (f->kind != NULL && dk_enum_index (kinds, n_kinds, f->kind) < 0)
    refuse (q, "kind", g_strdup (T ("Choose a kind of change from the list.")));
  const char *field;
  char *problem = dk_page_period_problem (r, f->from, f->to, &field);
  if (problem != NULL)
    refuse (q, field, problem);
}

/* Writes the filters' form, holding what Q asked. */
static void
write_form (Request *r, DkHtml *h, const Query *q)
{
  const DkAuditFilter *f = &q->filter;
  dk_html_open (h, "form", "method", "get", "action", "/admin/audit", "class", "report-form", NULL);
  dk_page_input_field (h, &q->fields, "person", T ("About the person (id)"), "text", f->person);
  dk_page_input_field (h, &q->fields, "actor", T ("Changed by (a person's id, hr:NAME, import …)"), "text", f->actor);
  dk_page_select_open (h, &q->fields, "kind", T ("What changed"));
  dk_html_open (h, "option", "value", "", NULL);
  dk_html_text (h, T ("Every kind"));
  dk_html_close (h, "option");
  guint n_kinds;
  const char *const *kinds = dk_audit_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      dk_html_open (h, "option", "value", kinds[i], g_strcmp0 (f->kind, kinds[i]) == 0 ? "selected" : NULL,
                    "", NULL);
      dk_html_text (h, dk_audit_kind_word (kinds[i], r->ctx.lang));
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  dk_page_input_field (h, &q->fields, "from", T ("From (YYYY-MM-DD)"), "text", f->from);
  dk_page_input_field (h, &q->fields, "to", T ("To (YYYY-MM-DD)"), "text", f->to);
  dk_page_button (h, T ("Show the changes"), TRUE);
}

/* Returns the link to page PAGE of Q's filters (escaped; caller frees). */
static char *
page_link (const Query *q, guint page)
{
  const DkAuditFilter *f = &q->filter;
  g_autofree char *number = page > 1 ? g_strdup_printf ("%u", page) : NULL;
  const char *names[] = { "person", "actor", "kind", "from", "to", "page" };
  const char *values[] = { f->person, f->actor, f->kind, f->from, f->to, number };
  return dk_page_query_path ("/admin/audit", names, values, G_N_ELEMENTS (names));
}

/* Writes the links to the newer and the older page, when there are. */
static void
write_pages (Request *r, DkHtml *h, const Query *q, gboolean more)
{
  if (q->page == 1 && !more)
    return;
  dk_html_open (h, "nav", "class", "pages", "aria-label", T ("Pages of the audit log"), NULL);
  DK_HTML_MARKUP (h, "<ul>");
  if (q->page > 1)
    {
      g_autofree char *newer = page_link (q, q->page - 1);
      dk_page_link_item (h, newer, T ("Newer changes"));
    }
  g_autofree char *where = g_strdup_printf (T ("Page %u"), q->page);
  dk_html_element (h, "li", where);
  if (more)
    {
      g_autofree char *older = page_link (q, q->page + 1);
      dk_page_link_item (h, older, T ("Older changes"));
    }
  DK_HTML_MARKUP (h, "</ul></nav>");
}

/* Writes what REPORT's table holds, or says honestly why it is empty. */
static void
write_changes (Request *r, DkHtml *h, const Query *q, const DkReport *report)
{
  const DkAuditFilter *f = &q->filter;
  gboolean filtered = f->person != NULL || f->actor != NULL || f->kind != NULL || f->from != NULL
                      || f->to != NULL;
  if (dk_table_n_rows (dk_report_table (report, 0)) > 0)
    {
      /* the id widens the page for the table (style.css) */
      DK_HTML_MARKUP (h, "<div id=\"changes\">");
      dk_html_report (h, report);
      DK_HTML_MARKUP (h, "</div>");
    }
  else if (q->page > 1)
    dk_html_element (h, "p", T ("There are no older changes."));
  else if (filtered)
    dk_html_element (h, "p", T ("No change matches these filters."));
  else
    dk_html_element (h, "p", T ("The audit log is empty: nothing has been changed yet."));
}

/* GET /admin/audit: the filters' form, then a page of the changes they
 * pick, newest first; 400 with the form and the message at the field when
 * a filter is wrong. */
void
dk_page_admin_audit (Request *r)
{
  Query q = { .fields.prefix = "audit" };
  read_query (r, &q);
  g_autoptr (GError) error = NULL;
  g_autoptr (DkReport) report = NULL;
  gboolean more = FALSE;
  if (q.fields.problem == NULL)
    {
      report = dk_view_audit (r->store, &q.filter, FALSE, &more, r->ctx.lang, &error);
      if (report == NULL && g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID))
        refuse (&q, "person", g_strdup_printf (T ("Nobody has the id '%s'."), q.filter.person));
      else if (report == NULL)
        {
          dk_web_fail (r, error);
          return;
        }
    }
  DkHtml *h = dk_page_start (r, T ("Audit log"));
  dk_html_element (h, "p", T ("Every recorded change: who made it, when, and the old and new value. "
                              "A self-rating the employee has not shared shows its field and time, not its values."));
  if (q.fields.problem != NULL)
    dk_page_error (h, "errors", q.fields.bad_field != NULL
                                    ? T ("The changes cannot be shown. Correct what is marked and try again.")
                                    : q.fields.problem);
  write_form (r, h, &q);
  if (report != NULL)
    {
      write_changes (r, h, &q, report);
      write_pages (r, h, &q, more);
    }
  dk_web_answer_page (r, q.fields.problem != NULL ? 400 : 200, h);
  g_free (q.fields.problem);
}
