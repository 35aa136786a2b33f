/*
 * page-catalogue.c — what the catalogue offers the signed-in person: the
 * activities open to their role and unit and still available, by
 * competence area, each marked where it matches one of their needs.
 *
 * A need is the gap engine's (gap.h): a competence that applies to the
 * person's role where their effective level is below the role's
 * expectation, in the person's own view (their own answers, shared or
 * not: only they see this page).  An activity matches the need when it
 * develops the competence from a level at or below the next one up, as
 * the planner asks (planner.h).
 *
 * The query's `q` (words, dk_activity_matches_words) and `competence` (an
 * id) narrow the list.  HR browses every activity still available, for any
 * role and unit; HR and coordinators also find the links to the coverage
 * report, which says which needs no activity covers and the wishes that
 * plans name (/reports/coverage, suppressed as the CLI suppresses it).
 */
#include "catalogue.h"
#include "gap.h"
#include "date.h"
#include "page.h"

#include <stdlib.h>
#include <string.h>

/* Returns the need of GAPS (FW's, may be NULL) that activity A matches, or
 * NULL. */
static const DkPersonGap *
matched_need (const DkFramework *fw, const DkPersonGap *gaps, const DkActivity *a)
{
  if (gaps == NULL)
    return NULL;
  for (guint i = 0; i < dk_framework_n_competences (fw); i++)
    {
      const DkPersonGap *g = &gaps[i];
      const DkDevelops *d = g->applies && g->gap > 0 ? dk_activity_develops (a, g->competence->id) : NULL;
      if (d != NULL && d->from <= g->effective + 1 && g->effective + 1 <= d->to)
        return g;
    }
  return NULL;
}

/* Returns TRUE when A develops a competence of AREA (FW's). */
static gboolean
in_area (const DkFramework *fw, const DkArea *area, const DkActivity *a)
{
  for (guint k = 0; k < a->develops->len; k++)
    {
      const DkCompetence *c = dk_framework_competence_by_id (fw, g_array_index (a->develops, DkDevelops, k).competence);
      if (c != NULL && c->area == area)
        return TRUE;
    }
  return FALSE;
}

/* Writes activity A, marked when it matches NEED (may be NULL). */
static void
write_activity (Request *r, DkHtml *h, const DkFramework *fw, const DkActivity *a, const DkPersonGap *need)
{
  DkLang lang = r->ctx.lang;
  dk_html_open (h, "article", "class", need != NULL ? "activity need" : "activity", NULL);
  dk_html_element (h, "h3", dk_activity_title (a, lang));
  if (need != NULL)
    {
      DK_HTML_MARKUP (h, "<p class=\"match\"><strong>");
      dk_html_text (h, T ("Matches a need of yours"));
      DK_HTML_MARKUP (h, "</strong> ");
      dk_html_textf (h, T ("%s %s: your level is %u, your role expects %u."), need->competence->id,
                     dk_competence_title (need->competence, lang), need->effective, need->expected);
      DK_HTML_MARKUP (h, "</p>");
    }
  const char *description = a->description[lang] != NULL ? a->description[lang] : a->description[1 - lang];
  if (description != NULL)
    dk_html_element (h, "p", description);
  DK_HTML_MARKUP (h, "<ul class=\"facts\">");
  dk_page_kind (r, h, dk_activity_kind_word (a->kind, lang), dk_activity_format_word (a->format, lang), a->hours);
  for (guint k = 0; k < a->develops->len; k++)
    {
      const DkDevelops *d = &g_array_index (a->develops, DkDevelops, k);
      const DkCompetence *c = fw != NULL ? dk_framework_competence_by_id (fw, d->competence) : NULL;
      DK_HTML_MARKUP (h, "<li>");
      dk_html_textf (h, T ("Develops %s %s from level %u to %u"), d->competence,
                     c != NULL ? dk_competence_title (c, lang) : "", d->from, d->to);
      DK_HTML_MARKUP (h, "</li>");
    }
  if (a->themes != NULL && a->themes[0] != NULL)
    {
      g_autofree char *themes = g_strjoinv (", ", a->themes);
      dk_page_fact (h, T ("Themes: %s"), themes);
    }
  if (a->easy_swedish)
    dk_page_fact (h, "%s", T ("Also in easy Swedish"));
  if (a->read_aloud)
    dk_page_fact (h, "%s", T ("Can be read aloud"));
  if (a->preparation != NULL)
    dk_page_fact (h, T ("Before: %s"), a->preparation);
  if (a->sessions->len == 0)
    dk_page_fact (h, "%s", T ("You can take it at any time."));
  for (guint k = 0; k < a->sessions->len; k++)
    {
      const DkSession *s = &g_array_index (a->sessions, DkSession, k);
      g_autofree char *when = dk_date_format_session (s->start, s->end, lang);
      g_autofree char *line = s->place != NULL ? g_strdup_printf ("%s, %s", when, s->place) : g_steal_pointer (&when);
      dk_page_fact (h, T ("Session: %s"), line);
    }
  DK_HTML_MARKUP (h, "</ul></article>");
}

/* Writes the activities of OFFERED (DkActivity*) that AREA takes (NULL:
 * those no area of FW takes), those matching a need first, under HEADING;
 * nothing when there are none. */
static void
write_group (Request *r, DkHtml *h, const DkFramework *fw, const DkPersonGap *gaps, GPtrArray *offered,
             const DkArea *area, const char *heading)
{
  gboolean any = FALSE;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < offered->len; i++)
      {
        const DkActivity *a = offered->pdata[i];
        gboolean taken = FALSE;
        for (guint k = 0; fw != NULL && k < dk_framework_n_areas (fw); k++)
          taken = taken || in_area (fw, dk_framework_area (fw, k), a);
        if (area != NULL ? !in_area (fw, area, a) : taken)
          continue;
        const DkPersonGap *need = matched_need (fw, gaps, a);
        if ((need != NULL) != (pass == 0))
          continue;
        if (!any)
          dk_html_element (h, "h2", heading);
        any = TRUE;
        write_activity (r, h, fw, a, need);
      }
}

/* Orders competence ids (char**) as people read them: 1.2 before 1.10. */
static gint
by_natural_order (gconstpointer a, gconstpointer b)
{
  g_autofree char *x = g_utf8_collate_key_for_filename (*(const char *const *) a, -1);
  g_autofree char *y = g_utf8_collate_key_for_filename (*(const char *const *) b, -1);
  return strcmp (x, y);
}

/* Writes the search form over OFFERED (DkActivity*): the words Q and the
 * competence COMPETENCE (each may be NULL), one of those that the offered
 * activities develop (titles from FW; may be NULL). */
static void
search_form (Request *r, DkHtml *h, const DkFramework *fw, GPtrArray *offered, const char *q,
             const char *competence)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < offered->len; i++)
    {
      const DkActivity *a = offered->pdata[i];
      for (guint k = 0; k < a->develops->len; k++)
        g_hash_table_add (seen, g_array_index (a->develops, DkDevelops, k).competence);
    }
  g_autofree gpointer *ids = g_hash_table_get_keys_as_array (seen, NULL);
  qsort (ids, g_hash_table_size (seen), sizeof *ids, by_natural_order);
  dk_html_open (h, "form", "method", "get", "action", "/catalogue", "role", "search", "class", "search", NULL);
  dk_page_label (h, "q", T ("Search by words"));
  dk_html_open (h, "input", "type", "search", "id", "q", "name", "q", "value", q != NULL ? q : "", NULL);
  dk_page_label (h, "competence", T ("Competence"));
  dk_html_open (h, "select", "id", "competence", "name", "competence", NULL);
  dk_html_open (h, "option", "value", "", NULL);
  dk_html_text (h, T ("All competences"));
  dk_html_close (h, "option");
  for (guint i = 0; i < g_hash_table_size (seen); i++)
    {
      const char *id = ids[i];
      const DkCompetence *c = fw != NULL ? dk_framework_competence_by_id (fw, id) : NULL;
      dk_html_open (h, "option", "value", id, g_strcmp0 (id, competence) == 0 ? "selected" : NULL, "", NULL);
      if (c != NULL)
        dk_html_textf (h, "%s %s", id, dk_competence_title (c, r->ctx.lang));
      else
        dk_html_text (h, id);
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  dk_page_button (h, T ("Search"), TRUE);
}

/* Writes, for HR and coordinators, the links to what the catalogue lacks. */
static void
coverage_links (Request *r, DkHtml *h)
{
  gboolean reports = dk_access_allows (r->who, DK_ACCESS_HR, NULL);
  for (guint i = 0; i < r->who->grants->len && !reports; i++)
    reports = ((const DkGrant *) r->who->grants->pdata[i])->kind == DK_GRANT_COORDINATOR;
  if (!reports)
    return;
  dk_html_element (h, "h2", T ("What the catalogue lacks"));
  DK_HTML_MARKUP (h, "<ul class=\"next\">");
  dk_page_link_item (h, "/reports/coverage", T ("Needs that no activity covers (the coverage report)"));
  dk_page_link_item (h, "/reports/coverage#table-wishes", T ("Activities that plans wish for"));
  DK_HTML_MARKUP (h, "</ul>");
}

void
dk_page_catalogue (Request *r)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkPerson) person = dk_store_person (r->store, r->who->ext_id, &error);
  g_autoptr (GPtrArray) catalogue = person != NULL ? dk_catalogue_load (r->store, &error) : NULL;
  DkPageRound own = { 0 };
  if (catalogue == NULL || !dk_page_person_round (r, r->who->person_id, NULL, TRUE, &own, &error))
    {
      dk_web_fail (r, error);
      return;
    }
  /* HR sees what everyone is offered */
  gboolean hr = dk_access_allows (r->who, DK_ACCESS_HR, NULL);
  const char *q = dk_page_query_value (r, "q"), *competence = dk_page_query_value (r, "competence");
  g_autofree char *today = dk_context_today (&r->ctx);
  g_autoptr (GPtrArray) offered = g_ptr_array_new ();
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  for (guint i = 0; i < catalogue->len; i++)
    {
      const DkActivity *a = catalogue->pdata[i];
      if (!(hr || dk_activity_open_to (a, person->role, person->unit_path)) || !dk_activity_available (a, today))
        continue;
      g_ptr_array_add (offered, catalogue->pdata[i]);
      if ((competence == NULL || dk_activity_develops (a, competence) != NULL)
          && (q == NULL || dk_activity_matches_words (a, own.fw, q)))
        g_ptr_array_add (found, catalogue->pdata[i]);
    }
  g_autofree DkPersonGap *gaps = own.fw != NULL ? dk_gap_person (own.fw, own.a, TRUE) : NULL;
  gboolean any_level = FALSE;
  for (guint i = 0; gaps != NULL && i < dk_framework_n_competences (own.fw); i++)
    any_level = any_level || (gaps[i].applies && gaps[i].effective > 0);

  DkHtml *h = dk_page_start (r, hr ? T ("The catalogue") : T ("Activities you can take"));
  dk_html_element (h, "p", hr ? T ("These are the courses and other activities of the catalogue that can still be "
                                   "taken, for every role and unit.")
                              : T ("These are the courses and other activities open to you."));
  coverage_links (r, h);
  if (any_level)
    dk_html_element (h, "p", T ("An activity marked \"Matches a need of yours\" develops a competence "
                                "where your level is below what your role expects."));
  else
    dk_html_element (h, "p", T ("Rate your own competence first. Then the activities that match your needs are marked here."));
  if (offered->len == 0)
    dk_html_element (h, "p", T ("There are no activities for you right now."));
  else
    search_form (r, h, own.fw, offered, q, competence);
  if (q != NULL || competence != NULL)
    {
      g_autofree char *count = found->len == 0 ? g_strdup (T ("No activity matches the search. Try other words or all "
                                                               "competences."))
                                              : g_strdup_printf (T ("Activities that match the search: %u."),
                                                                 found->len);
      dk_html_open (h, "p", "class", "done", "role", "status", NULL);
      dk_html_text (h, count);
      dk_html_close (h, "p");
    }
  for (guint k = 0; own.fw != NULL && k < dk_framework_n_areas (own.fw); k++)
    {
      const DkArea *area = dk_framework_area (own.fw, k);
      write_group (r, h, own.fw, gaps, found, area, dk_area_title (area, r->ctx.lang));
    }
  write_group (r, h, own.fw, gaps, found, NULL, own.fw != NULL ? T ("Other activities") : T ("Activities"));
  dk_page_round_clear (&own);
  dk_web_answer_page (r, 200, h);
}
