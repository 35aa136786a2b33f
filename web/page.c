/*
 * page.c — what every page of the web interface shares: the frame (head,
 * header, main), forms with their CSRF field, buttons and links; and the
 * two pages with no content of their own, health and the stylesheet.
 * Every page is rendered through the escaping writer (html.h) and works
 * without JavaScript.
 */
#include "page.h"
#include "catalogue.h"
#include "date.h"
#include "plan-report.h"

#include <gio/gio.h>
#include <string.h>

void
dk_page_form_start (DkHtml *h, const char *action, const char *csrf)
{
  dk_html_open (h, "form", "method", "post", "action", action, NULL);
  dk_html_open (h, "input", "type", "hidden", "name", "csrf", "value", csrf, NULL);
}

void
dk_page_button (DkHtml *h, const char *text, gboolean end)
{
  dk_html_open (h, "button", "type", "submit", NULL);
  dk_html_text (h, text);
  dk_html_close (h, "button");
  if (end)
    dk_html_close (h, "form");
}

DkHtml *
dk_page_start (Request *r, const char *title)
{
  DkHtml *h = dk_html_new ();
  DK_HTML_MARKUP (h, "<!DOCTYPE html>\n");
  dk_html_open (h, "html", "lang", dk_lang_code (r->ctx.lang), NULL);
  DK_HTML_MARKUP (h, "<head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
  dk_html_open (h, "title", NULL);
  dk_html_textf (h, "%s – digikomp", title);
  dk_html_close (h, "title");
  DK_HTML_MARKUP (h, "<link rel=\"stylesheet\" href=\"/style.css\"></head><body>");
  if (r->who != NULL)
    {
      DK_HTML_MARKUP (h, "<header><nav>");
      dk_html_open (h, "a", "href", "/", NULL);
      dk_html_text (h, "digikomp");
      dk_html_close (h, "a");
      dk_html_open (h, "span", "class", "who", NULL);
      dk_html_text (h, r->who->name);
      dk_html_close (h, "span");
      dk_page_form_start (h, "/logout", r->session->csrf);
      dk_page_button (h, T ("Sign out"), TRUE);
      DK_HTML_MARKUP (h, "</nav></header>");
    }
  DK_HTML_MARKUP (h, "<main>");
  dk_html_element (h, "h1", title);
  return h;
}

/* Writes <TAG><a href=PATH>TEXT</a></TAG>. */
static void
link_in (DkHtml *h, const char *tag, const char *path, const char *text)
{
  dk_html_open (h, tag, NULL);
  dk_html_open (h, "a", "href", path, NULL);
  dk_html_text (h, text);
  dk_html_close (h, "a");
  dk_html_close (h, tag);
}

void
dk_page_link_item (DkHtml *h, const char *path, const char *text)
{
  link_in (h, "li", path, text);
}

const char *
dk_page_query_value (Request *r, const char *name)
{
  const char *v = g_hash_table_lookup (r->query, name);
  return v != NULL && *v != '\0' ? v : NULL;
}

char *
dk_page_period_problem (Request *r, const char *from, const char *to, const char **field)
{
  *field = from != NULL && !dk_date_valid (from) ? "from" : "to";
  if (from != NULL && !dk_date_valid (from))
    return g_strdup_printf (T ("'%s' is not a date YYYY-MM-DD."), from);
  if (to != NULL && !dk_date_valid (to))
    return g_strdup_printf (T ("'%s' is not a date YYYY-MM-DD."), to);
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    return g_strdup (T ("The period runs backwards: the end is before the start."));
  return NULL;
}

char *
dk_page_participation_period_problem (Request *r, const char *from, const char *to, const char **field)
{
  char *problem = dk_page_period_problem (r, from, to, field);
  g_autoptr (GError) error = NULL;
  if (problem == NULL && !dk_participation_period_check (from, to, r->ctx.lang, field, &error))
    problem = g_strdup (error->message);
  return problem;
}

void
dk_page_participation_period_hint (Request *r, DkHtml *h)
{
  dk_html_element (h, "p", T ("The report covers a calendar year (1 January to 31 December) or a half of one "
                              "(1 January to 30 June, 1 July to 31 December). Leave both dates empty for "
                              "everything recorded."));
}

char *
dk_page_query_path (const char *path, const char *const *names, const char *const *values, guint n_names)
{
  GString *s = g_string_new (path);
  char sep = '?';
  for (guint i = 0; i < n_names; i++)
    if (values[i] != NULL)
      {
        g_autofree char *v = g_uri_escape_string (values[i], NULL, FALSE);
        g_string_append_printf (s, "%c%s=%s", sep, names[i], v);
        sep = '&';
      }
  return g_string_free (s, FALSE);
}

void
dk_page_link_para (DkHtml *h, const char *path, const char *text)
{
  link_in (h, "p", path, text);
}

void
dk_page_health (Request *r)
{
  dk_web_answer (r, 200, "text/plain; charset=utf-8", g_strdup ("ok\n"), 3);
}

void
dk_page_style (Request *r)
{
  g_autoptr (GBytes) css = g_resources_lookup_data ("/se/digikomp/web/style.css", 0, NULL);
  gsize len = 0;
  const char *data = css != NULL ? g_bytes_get_data (css, &len) : "";
  dk_web_answer (r, 200, "text/css; charset=utf-8", g_strndup (data, len), len);
}


void
dk_page_hidden (DkHtml *h, const char *name, const char *value)
{
  dk_html_open (h, "input", "type", "hidden", "name", name, "value", value, NULL);
}

void
dk_page_label (DkHtml *h, const char *id, const char *text)
{
  dk_html_open (h, "label", "for", id, NULL);
  dk_html_text (h, text);
  dk_html_close (h, "label");
}

void
dk_page_form_refuse (DkPageForm *f, const char *name, char *problem)
{
  if (f->problem != NULL)
    {
      g_free (problem);
      return;
    }
  f->bad_field = name;
  f->problem = problem;
}

void
dk_page_form_clear (DkPageForm *f)
{
  g_clear_pointer (&f->problem, g_free);
}

gboolean
dk_page_field_label (DkHtml *h, const DkPageForm *f, const char *name, const char *label, char **id,
                     char **error_id)
{
  *id = g_strdup_printf ("%s-%s", f->prefix, name);
  *error_id = g_strdup_printf ("%s-error", *id);
  dk_page_label (h, *id, label);
  gboolean bad = f->problem != NULL && g_strcmp0 (f->bad_field, name) == 0;
  if (bad)
    dk_page_error (h, *error_id, f->problem);
  return bad;
}

void
dk_page_input_field (DkHtml *h, const DkPageForm *f, const char *name, const char *label, const char *type,
                     const char *value)
{
  g_autofree char *id = NULL, *error_id = NULL;
  gboolean bad = dk_page_field_label (h, f, name, label, &id, &error_id);
  dk_html_open (h, "input", "type", type, "id", id, "name", name, "value", value != NULL ? value : "",
                bad ? "aria-invalid" : NULL, "true", "aria-describedby", error_id, NULL);
}

void
dk_page_select_open (DkHtml *h, const DkPageForm *f, const char *name, const char *label)
{
  g_autofree char *id = NULL, *error_id = NULL;
  gboolean bad = dk_page_field_label (h, f, name, label, &id, &error_id);
  dk_html_open (h, "select", "id", id, "name", name, bad ? "aria-invalid" : NULL, "true", "aria-describedby",
                error_id, NULL);
}


void
dk_page_fail (Request *r, DkHtml *h, const GError *error)
{
  gsize len;
  g_free (dk_html_free_to_string (h, &len));
  dk_web_fail (r, error);
}

char *
dk_page_level_words (Request *r, const DkScale *scale, guint level)
{
  if (level == DK_LEVEL_NONE)
    return g_strdup (T ("Not answered"));
  if (level == DK_LEVEL_DONT_KNOW)
    return g_strdup (T ("Don't know"));
  const char *label = dk_scale_label (scale, level, r->ctx.lang);
  return label != NULL ? g_strdup_printf ("%u %s", level, label) : g_strdup_printf ("%u", level);
}

void
dk_page_table_start (DkHtml *h, const char *id, const char *caption, const char *const *heads, guint n_heads)
{
  dk_html_open (h, "div", "class", "table", "role", "region", "tabindex", "0", "aria-labelledby", id, NULL);
  DK_HTML_MARKUP (h, "<table>");
  dk_html_open (h, "caption", "id", id, NULL);
  dk_html_text (h, caption);
  dk_html_close (h, "caption");
  DK_HTML_MARKUP (h, "<thead><tr>");
  for (guint i = 0; i < n_heads; i++)
    {
      dk_html_open (h, "th", "scope", "col", NULL);
      dk_html_text (h, heads[i]);
      dk_html_close (h, "th");
    }
  DK_HTML_MARKUP (h, "</tr></thead><tbody>");
}

void
dk_page_table_end (DkHtml *h)
{
  DK_HTML_MARKUP (h, "</tbody></table></div>");
}

char *
dk_page_person_path (const char *id, const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strdup_printf ("/people/%s/%s", escaped, rest);
}

char *
dk_page_admin_person_path (const char *id, const char *rest)
{
  g_autofree char *path = dk_page_person_path (id, rest);
  return g_strconcat ("/admin", path, NULL);
}


const char *
dk_page_activity_title (Request *r, GPtrArray *catalogue, const char *id)
{
  const DkActivity *a = id != NULL && catalogue != NULL ? dk_catalogue_find (catalogue, id) : NULL;
  return a != NULL ? dk_activity_title (a, r->ctx.lang) : id;
}

void
dk_page_fact (DkHtml *h, const char *format, const char *text)
{
  DK_HTML_MARKUP (h, "<li>");
  dk_html_textf (h, format, text);
  DK_HTML_MARKUP (h, "</li>");
}

void
dk_page_kind (Request *r, DkHtml *h, const char *kind, const char *format, double hours)
{
  DK_HTML_MARKUP (h, "<li>");
  if (hours > 0)
    dk_html_textf (h, T ("%s, %s, %.1f hours"), kind, format, hours);
  else
    dk_html_textf (h, "%s, %s", kind, format);
  DK_HTML_MARKUP (h, "</li>");
}

void
dk_page_end (Request *r, DkHtml *h)
{
  DK_HTML_MARKUP (h, "</main><footer>");
  dk_html_open (h, "a", "href", "/accessibility", NULL);
  dk_html_text (h, T ("Accessibility statement"));
  dk_html_close (h, "a");
  DK_HTML_MARKUP (h, "</footer></body></html>\n");
}

void
dk_page_main_action (DkHtml *h, const char *path, const char *text)
{
  DK_HTML_MARKUP (h, "<p class=\"main-action\">");
  dk_html_open (h, "a", "class", "button", "href", path, NULL);
  dk_html_text (h, text);
  dk_html_close (h, "a");
  DK_HTML_MARKUP (h, "</p>");
}

void
dk_page_error (DkHtml *h, const char *id, const char *message)
{
  dk_html_open (h, "p", "class", "error", "role", "alert", "id", id, NULL);
  dk_html_text (h, message);
  dk_html_close (h, "p");
}

DkHtml *
dk_page_start_outcome (Request *r, const char *title, const char *problem, const char *done)
{
  DkHtml *h = dk_page_start (r, title);
  if (problem != NULL)
    dk_page_error (h, "problem", problem);
  if (done != NULL)
    {
      dk_html_open (h, "p", "class", "done", "role", "status", NULL);
      dk_html_text (h, done);
      dk_html_close (h, "p");
    }
  return h;
}

void
dk_page_round_clear (DkPageRound *own)
{
  g_clear_pointer (&own->round, dk_round_free);
  g_clear_pointer (&own->a, dk_assessment_free);
  g_clear_pointer (&own->fw, dk_framework_free);
}

/* Sets OUT to round I of ROUNDS (taken from it) when PERSON (store id) is
 * registered in it; FALSE with ERROR when the store fails. */
static gboolean
person_in_round (Request *r, gint64 person, GPtrArray *rounds, guint i, DkPageRound *out, GError **error)
{
  const DkRound *round = rounds->pdata[i];
  g_autoptr (GError) missing = NULL;
  g_autoptr (DkAssessment) a = dk_store_assessment (r->store, round->id, person, &missing);
  if (a == NULL)
    {
      if (g_error_matches (missing, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&missing));
      return FALSE;
    }
  g_autoptr (DkFramework) fw = dk_store_round_framework (r->store, round, error);
  if (fw == NULL)
    return FALSE;
  out->round = g_ptr_array_steal_index (rounds, i);
  out->a = g_steal_pointer (&a);
  out->fw = g_steal_pointer (&fw);
  return TRUE;
}

gboolean
dk_page_person_round (Request *r, gint64 person, const char *code, gboolean any_round, DkPageRound *out,
                      GError **error)
{
  memset (out, 0, sizeof *out);
  g_autoptr (GPtrArray) rounds = dk_store_rounds (r->store, error);
  if (rounds == NULL)
    return FALSE;
  /* the open rounds first, newest first; then the others (a CODE: one pass) */
  for (int pass = 0; pass < (any_round || code != NULL ? 2 : 1); pass++)
    for (guint i = rounds->len; i-- > 0;)
      {
        const DkRound *round = rounds->pdata[i];
        if (round->open != (pass == 0) || (code != NULL && strcmp (round->code, code) != 0))
          continue;
        if (!person_in_round (r, person, rounds, i, out, error))
          return FALSE;
        if (out->round != NULL)
          return TRUE;
      }
  return TRUE;
}
