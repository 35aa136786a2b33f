/*
 * plan-export.c — a personal plan as Markdown, HTML, PDF, iCalendar, JSON.
 * PDF, iCalendar and JSON are written by the exporters' module (exporters.h).
 */
#include "plan-export.h"
#include "person-data.h"
#include "enum.h"
#include "exporters.h"
#include "date.h"
#include "svg.h"
#include "report-model.h"
#include "atomic-file.h"

#include <errno.h>
#include <string.h>

/* The formats' names, which are also the files' extensions (DkPlanFormat order). */
static const char *const names[] = { "md", "html", "pdf", "ics", "json" };

gboolean
dk_plan_format_parse (const char *name, DkPlanFormat *out)
{
  int i = name == NULL ? DK_PLAN_FORMAT_MD : dk_enum_index (names, G_N_ELEMENTS (names), name);
  if (i >= 0)
    *out = (DkPlanFormat) i;
  return i >= 0;
}

/* Everything a rendering needs. */
typedef struct {
  DkPlanContext ctx;
  DkPlan       *plan;
  GPtrArray    *catalogue;
  DkLang        lang;
  char         *agreed_by;   /* who agreed, by name; NULL: not agreed */
  char         *manager;     /* the person's manager by name, or NULL */
} Doc;

static void
doc_clear (Doc *d)
{
  dk_plan_context_clear (&d->ctx);
  dk_plan_free (d->plan);
  if (d->catalogue != NULL)
    g_ptr_array_unref (d->catalogue);
  g_free (d->agreed_by);
  g_free (d->manager);
}

static gboolean agreed_by (DkStore *store, const char *by, DkLang lang, char **name, GError **error);

/* Loads PERSON's plan document.  OWN: it is for the person, who sees their
 * self-rating shared or not; anyone else (a unit's plans exported by a
 * manager or HR) sees nothing of a self-rating not yet shared. */
static gboolean
doc_load (DkStore *store, const char *round, const char *person, DkLang lang, gboolean own, Doc *d,
          GError **error)
{
  memset (d, 0, sizeof *d);
  d->lang = lang;
  if (!dk_plan_context_load (store, round, person, &d->ctx, error)
      || (d->plan = dk_plan_get (store, round, person, lang, error)) == NULL
      || (d->catalogue = dk_catalogue_load (store, error)) == NULL)
    return FALSE;
  g_free (d->ctx.gaps);
  d->ctx.gaps = dk_gap_person (d->ctx.fw, d->ctx.a, own);
  return agreed_by (store, d->plan->agreed_by, lang, &d->agreed_by, error)
         && agreed_by (store, d->ctx.person->manager_ext_id, lang, &d->manager, error);
}

static const DkActivity *
item_activity (const Doc *d, const DkPlanItem *it)
{
  return it->activity_id != NULL ? dk_catalogue_find (d->catalogue, it->activity_id) : NULL;
}

static const char *
competence_title (const Doc *d, const char *id)
{
  return dk_competence_title (dk_framework_competence_by_id (d->ctx.fw, id), d->lang);
}

/* "4.2 Protect personal data: Phishing exercise": the competence and the
 * activity's title, or the wish.  Caller frees. */
static char *
item_title (const Doc *d, const DkPlanItem *it)
{
  const DkActivity *a = item_activity (d, it);
  return g_strdup_printf ("%s %s: %s", it->competence, competence_title (d, it->competence),
                          a != NULL ? dk_activity_title (a, d->lang) : it->wish ? it->wish : it->activity_id);
}

/* What follows an item's title: " (wished for) — planned, target level 3,
 * due 2027-03-31".  Caller frees. */
static char *
item_headline (const DkPlanItem *it, DkLang lang)
{
  GString *s = g_string_new (NULL);
  if (it->wish != NULL)
    g_string_append_printf (s, T_ (lang, " (wished for)"));
  g_string_append_printf (s, T_ (lang, " — %s"), dk_plan_word (it->status, lang));
  if (it->target > 0)
    g_string_append_printf (s, T_ (lang, ", target level %u"), it->target);
  if (it->due != NULL)
    g_string_append_printf (s, T_ (lang, ", due %s"), it->due);
  return g_string_free (s, FALSE);
}

/* "planned, target level 3, due 31 March 2027", for paper.  Caller frees. */
static char *
item_status (const DkPlanItem *it, DkLang lang)
{
  GString *s = g_string_new (dk_plan_word (it->status, lang));
  if (it->target > 0)
    g_string_append_printf (s, T_ (lang, ", target level %u"), it->target);
  if (it->due != NULL)
    {
      g_autofree char *due = dk_date_format_long (it->due, lang);
      g_string_append_printf (s, T_ (lang, ", due %s"), due);
    }
  return g_string_free (s, FALSE);
}

static void
doc_item_free (DkPlanDocItem *x)
{
  g_free (x->title);
  g_free (x->kind);
  g_free (x->format);
  g_free (x->status);
  g_free (x->reason);
  g_free (x->preparation);
  g_free (x->follow_up);
  g_strfreev (x->sessions);
  g_free (x);
}

/* Returns the plan item IT as a document's item (caller frees). */
static DkPlanDocItem *
doc_item_new (const Doc *d, const DkPlanItem *it)
{
  const DkActivity *a = item_activity (d, it);
  DkPlanDocItem *x = g_new0 (DkPlanDocItem, 1);
  x->title = g_strdup (a != NULL ? dk_activity_title (a, d->lang) : it->wish ? it->wish : it->activity_id);
  x->status = item_status (it, d->lang);
  x->reason = dk_reason_render (it->reason, d->lang);
  GStrvBuilder *sessions = g_strv_builder_new ();
  if (a != NULL)
    {
      x->kind = g_strdup (dk_activity_kind_word (a->kind, d->lang));
      x->format = g_strdup (dk_activity_format_word (a->format, d->lang));
      x->hours = a->hours;
      x->preparation = g_strdup (a->preparation);
      x->follow_up = g_strdup (a->follow_up);
      for (guint k = 0; k < a->sessions->len; k++)
        {
          const DkSession *ss = &g_array_index (a->sessions, DkSession, k);
          g_autofree char *when = dk_date_format_session (ss->start, ss->end, d->lang);
          g_autofree char *line = ss->place != NULL ? g_strdup_printf ("%s, %s", when, ss->place)
                                                    : g_steal_pointer (&when);
          g_strv_builder_add (sessions, line);
        }
    }
  x->sessions = g_strv_builder_end (sessions);
  g_strv_builder_unref (sessions);
  return x;
}

/* The lines under an item, in every format alike: why it was suggested,
 * what to do before and after (the transfer of training), its sessions.
 * Returns strings the array owns. */
static GPtrArray *
item_details (const DkPlanDocItem *x, DkLang lang)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  if (x->reason != NULL)
    g_ptr_array_add (lines, g_strdup (x->reason));
  if (x->preparation != NULL)
    g_ptr_array_add (lines, g_strdup_printf (T_ (lang, "Before: %s"), x->preparation));
  if (x->follow_up != NULL)
    g_ptr_array_add (lines, g_strdup_printf (T_ (lang, "After: %s"), x->follow_up));
  for (char **s = x->sessions; *s != NULL; s++)
    g_ptr_array_add (lines, g_strdup_printf (T_ (lang, "Session: %s"), *s));
  return lines;
}

/* Returns the lines under plan item IT (see item_details). */
static GPtrArray *
plan_item_details (const Doc *d, const DkPlanItem *it)
{
  DkPlanDocItem *x = doc_item_new (d, it);
  GPtrArray *lines = item_details (x, d->lang);
  doc_item_free (x);
  return lines;
}

/* Sets *NAME to who BY is by name: a person's name for their id (the id
 * itself once they are no longer in the store), "Karin (HR)" for
 * "hr:Karin", an erased person as LANG says it (dk_actor_word); NULL for
 * NULL (caller frees).  FALSE with ERROR when the store fails. */
static gboolean
agreed_by (DkStore *store, const char *by, DkLang lang, char **name, GError **error)
{
  *name = NULL;
  if (by == NULL || strcmp (by, DK_ACTOR_ERASED) == 0)
    {
      *name = g_strdup (dk_actor_word (by, lang));
      return TRUE;
    }
  if (g_str_has_prefix (by, "hr:"))
    {
      *name = g_strdup_printf ("%s (HR)", by + 3);
      return TRUE;
    }
  g_autoptr (GError) failure = NULL;
  g_autoptr (DkPerson) p = dk_store_person_find (store, by, &failure);
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  *name = g_strdup (p != NULL ? p->name : by);
  return TRUE;
}

/* ---- Markdown ---------------------------------------------------------------------- */

static char *
render_markdown (const Doc *d)
{
  DkLang lang = d->lang;
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, T_ (lang, "# Development plan: %s\n\n"), d->ctx.person->name);
  g_string_append_printf (s, T_ (lang, "- Round: %s (%s)\n- Unit: %s\n- State: %s\n"), d->ctx.round->code,
                          d->ctx.round->title, d->ctx.person->unit_path, dk_plan_word (d->plan->state, lang));
  if (d->plan->agreed_at != NULL)
    g_string_append_printf (s, T_ (lang, "- Agreed: %s by %s\n"), d->plan->agreed_at, d->agreed_by);
  for (guint i = 0; i < d->plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = d->plan->follow_ups->pdata[i];
      g_string_append_printf (s, T_ (lang, "- Follow-up: %s — %s\n"), f->held_on, f->notes);
    }
  g_string_append_printf (s, T_ (lang, "\n## Levels\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n"),
                          T_ (lang, "Competence"), T_ (lang, "Title"), T_ (lang, "Expected"),
                          T_ (lang, "Effective"));
  for (guint c = 0; c < dk_framework_n_competences (d->ctx.fw); c++)
    {
      const DkPersonGap *g = &d->ctx.gaps[c];
      if (!g->applies)
        continue;
      g_autofree char *eff = g->effective ? g_strdup_printf ("%u", g->effective) : g_strdup ("–");
      g_string_append_printf (s, "| %s | %s | %u | %s%s |\n", g->competence->id,
                              dk_competence_title (g->competence, d->lang), g->expected, eff,
                              g->gap > 0 ? " ◀" : "");
    }
  g_string_append_printf (s, T_ (lang, "\n## Activities\n\n"));
  for (guint i = 0; i < d->plan->items->len; i++)
    {
      const DkPlanItem *it = d->plan->items->pdata[i];
      g_autofree char *what = item_title (d, it), *headline = item_headline (it, d->lang);
      g_string_append_printf (s, "%u. **%s**%s\n", it->number, what, headline);
      g_autoptr (GPtrArray) details = plan_item_details (d, it);
      for (guint k = 0; k < details->len; k++)
        g_string_append_printf (s, "   - %s\n", (const char *) details->pdata[k]);
    }
  if (d->plan->items->len == 0)
    g_string_append_printf (s, "%s\n", T_ (lang, "No activities yet."));
  return g_string_free (s, FALSE);
}

/* ---- HTML ---------------------------------------------------------------------------- */

static char *
radar (const Doc *d)
{
  DkLang lang = d->lang;
  guint n = dk_framework_n_competences (d->ctx.fw);
  g_autofree const char **axes = g_new0 (const char *, n);
  g_autofree guint *expected = g_new0 (guint, n), *effective = g_new0 (guint, n);
  for (guint c = 0; c < n; c++)
    {
      axes[c] = d->ctx.gaps[c].competence->id;
      expected[c] = d->ctx.gaps[c].expected;
      effective[c] = d->ctx.gaps[c].effective;
    }
  const DkScale *scale = dk_framework_scale (d->ctx.fw);
  DkRadar r = { n, axes, expected, effective, scale->min, scale->max, T_ (lang, "Expected level"),
                T_ (lang, "Effective level") };
  return dk_svg_radar (&r);
}

static char *
render_html (const Doc *d)
{
  DkLang lang = d->lang;
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
                          dk_lang_code (d->lang));
  dk_html_escape_append (s, d->ctx.person->name);
  g_string_append (s, "</title>\n<style>body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2em;max-width:60em}"
                      "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}"
                      ".need{color:#b00020;font-weight:bold}li{margin:.4em 0}.why{color:#555}"
                      "@media print{body{margin:0}}</style>\n</head>\n<body>\n<h1>");
  /* names and units isolated (<bdi>): right to left or U+202E stays inside */
  g_autofree char *heading = dk_html_with_names (T_ (lang, "Development plan: %s"), d->ctx.person->name);
  g_string_append (s, heading);
  g_string_append (s, "</h1>\n<p>");
  g_autofree char *meta = dk_html_with_names (T_ (lang, "Round %s · %s · %s"), d->ctx.round->code,
                                              d->ctx.person->unit_path, dk_plan_word (d->plan->state, lang));
  g_string_append (s, meta);
  g_string_append (s, "</p>\n");
  if (d->plan->agreed_at != NULL)
    {
      g_autofree char *agreed = dk_html_with_names (T_ (lang, "Agreed on %s by %s."), d->plan->agreed_at,
                                                    d->agreed_by);
      g_string_append_printf (s, "<p>%s</p>\n", agreed);
    }
  for (guint i = 0; i < d->plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = d->plan->follow_ups->pdata[i];
      g_autofree char *followed = dk_html_with_names (T_ (lang, "Followed up on %s: %s"), f->held_on, f->notes);
      g_string_append_printf (s, "<p>%s</p>\n", followed);
    }
  g_string_append (s, "<figure>");
  g_autofree char *chart = radar (d);
  g_string_append (s, chart);
  g_string_append (s, "</figure>\n<h2>");
  dk_html_escape_append (s, T_ (lang, "Activities"));
  g_string_append (s, "</h2>\n<ol>\n");
  for (guint i = 0; i < d->plan->items->len; i++)
    {
      const DkPlanItem *it = d->plan->items->pdata[i];
      g_autofree char *what = item_title (d, it), *headline = item_headline (it, d->lang);
      g_string_append (s, "<li><b>");
      dk_html_escape_append (s, what);
      g_string_append (s, "</b>");
      dk_html_escape_append (s, headline);
      g_autoptr (GPtrArray) details = plan_item_details (d, it);
      for (guint k = 0; k < details->len; k++)
        {
          g_string_append (s, k == 0 && it->reason != NULL ? "<br><span class=\"why\">" : "<br><span>");
          dk_html_escape_append (s, details->pdata[k]);
          g_string_append (s, "</span>");
        }
      g_string_append (s, "</li>\n");
    }
  g_string_append (s, "</ol>\n");
  if (d->plan->items->len == 0)
    {
      g_string_append (s, "<p>");
      dk_html_escape_append (s, T_ (lang, "No activities yet."));
      g_string_append (s, "</p>\n");
    }
  g_string_append (s, "</body>\n</html>\n");
  return g_string_free (s, FALSE);
}

static char *
render_json (const Doc *d, GError **error)
{
  const DkExporters *x = dk_exporters (d->lang, error);
  return x != NULL ? x->plan_json (&d->ctx, d->plan, d->lang) : NULL;
}

/* ---- iCalendar ---------------------------------------------------------------------------- */

/* One event per dated session of the planned activities that are not
 * cancelled, with the preparation task as its description. */
static char *
render_ics (const Doc *d, gint64 stamp, GError **error)
{
  const DkExporters *x = dk_exporters (d->lang, error);
  if (x == NULL)
    return NULL;
  g_autoptr (GArray) events = g_array_new (FALSE, TRUE, sizeof (DkCalendarEvent));
  g_autoptr (GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < d->plan->items->len; i++)
    {
      const DkPlanItem *it = d->plan->items->pdata[i];
      const DkActivity *a = item_activity (d, it);
      if (a == NULL || g_strcmp0 (it->status, "cancelled") == 0)
        continue;
      for (guint k = 0; k < a->sessions->len; k++)
        {
          const DkSession *s = &g_array_index (a->sessions, DkSession, k);
          char *uid = g_strdup_printf ("%s-%s-%" G_GINT64_FORMAT "-%u@digikomp", d->ctx.round->code,
                                       d->ctx.person->ext_id, it->id, k);
          g_ptr_array_add (uids, uid);
          DkCalendarEvent e = { uid, dk_activity_title (a, d->lang), s->start, s->end, s->place,
                                a->preparation };
          g_array_append_val (events, e);
        }
    }
  return x->calendar ((const DkCalendarEvent *) events->data, events->len, stamp);
}

static char *
plan_render (DkStore *store, const char *round, const char *person, DkPlanFormat format, gboolean own,
             const DkContext *ctx, GError **error)
{
  Doc d;
  char *out = NULL;
  if (doc_load (store, round, person, ctx->lang, own, &d, error))
    switch (format)
      {
      case DK_PLAN_FORMAT_HTML: out = render_html (&d); break;
      case DK_PLAN_FORMAT_JSON: out = render_json (&d, error); break;
      case DK_PLAN_FORMAT_ICS:  out = render_ics (&d, dk_context_now (ctx), error); break;
      default:                  out = render_markdown (&d); break;
      }
  doc_clear (&d);
  return out;
}

char *
dk_plan_render (DkStore *store, const char *round, const char *person, DkPlanFormat format,
                const DkContext *ctx, GError **error)
{
  return plan_render (store, round, person, format, TRUE, ctx, error);
}

/* ---- the document to print ------------------------------------------------------------ */

static void
doc_group_free (DkPlanDocGroup *g)
{
  g_free (g->competence);
  g_ptr_array_unref (g->items);
  g_free (g);
}

static void
doc_level_free (DkPlanDocLevel *l)
{
  g_free (l->id);
  g_free (l->title);
  g_free (l);
}

void
dk_plan_doc_free (DkPlanDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_free (doc->unit);
  g_free (doc->role);
  g_free (doc->manager);
  g_free (doc->round);
  g_free (doc->state);
  g_free (doc->agreed);
  g_ptr_array_unref (doc->follow_ups);
  g_free (doc->printed);
  g_ptr_array_unref (doc->levels);
  g_ptr_array_unref (doc->groups);
  g_ptr_array_unref (doc->wishes);
  g_free (doc);
}

/* Returns the group of GROUPS for competence COMP, added when missing. */
static DkPlanDocGroup *
doc_group (const Doc *d, GPtrArray *groups, const char *comp)
{
  g_autofree char *heading = g_strdup_printf ("%s %s", comp, competence_title (d, comp));
  for (guint i = 0; i < groups->len; i++)
    if (strcmp (((DkPlanDocGroup *) groups->pdata[i])->competence, heading) == 0)
      return groups->pdata[i];
  DkPlanDocGroup *g = g_new0 (DkPlanDocGroup, 1);
  g->competence = g_steal_pointer (&heading);
  g->items = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_item_free);
  g_ptr_array_add (groups, g);
  return g;
}

static void
doc_levels (const Doc *d, DkPlanDoc *doc)
{
  for (guint c = 0; c < dk_framework_n_competences (d->ctx.fw); c++)
    {
      const DkPersonGap *g = &d->ctx.gaps[c];
      if (!g->applies)
        continue;
      DkPlanDocLevel *l = g_new0 (DkPlanDocLevel, 1);
      l->id = g_strdup (g->competence->id);
      l->title = g_strdup (dk_competence_title (g->competence, d->lang));
      l->expected = g->expected;
      l->self = g->self;
      l->manager = g->manager;
      l->effective = g->effective;
      l->gap = g->gap;
      g_ptr_array_add (doc->levels, l);
    }
}

static DkPlanDoc *
doc_new (const Doc *d, const DkContext *ctx)
{
  DkPlanDoc *doc = g_new0 (DkPlanDoc, 1);
  const DkPerson *p = d->ctx.person;
  doc->lang = d->lang;
  doc->name = g_strdup (p->name);
  doc->unit = g_strdup (p->unit_path);
  doc->role = g_strdup (dk_role_title (dk_framework_role_by_id (d->ctx.fw, p->role), d->lang));
  doc->manager = g_strdup (d->manager);
  doc->round = g_strdup_printf ("%s (%s)", d->ctx.round->code, d->ctx.round->title);
  doc->state = g_strdup (dk_plan_word (d->plan->state, d->lang));
  if (d->plan->agreed_at != NULL)
    {
      g_autofree char *on = dk_date_format_long (d->plan->agreed_at, d->lang);
      doc->agreed = g_strdup_printf (T_ (d->lang, "%s by %s"), on, d->agreed_by);
    }
  doc->follow_ups = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < d->plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = d->plan->follow_ups->pdata[i];
      g_ptr_array_add (doc->follow_ups, dk_date_format_long (f->held_on, d->lang));
      g_ptr_array_add (doc->follow_ups, g_strdup (f->notes));
    }
  g_autofree char *today = dk_context_today (ctx);
  doc->printed = dk_date_format_long (today, d->lang);
  const DkScale *scale = dk_framework_scale (d->ctx.fw);
  doc->scale_min = scale->min;
  doc->scale_max = scale->max;
  doc->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_level_free);
  doc->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_group_free);
  doc->wishes = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_group_free);
  doc_levels (d, doc);
  for (guint i = 0; i < d->plan->items->len; i++)
    {
      const DkPlanItem *it = d->plan->items->pdata[i];
      DkPlanDocGroup *g = doc_group (d, it->wish != NULL ? doc->wishes : doc->groups, it->competence);
      g_ptr_array_add (g->items, doc_item_new (d, it));
    }
  return doc;
}

static DkPlanDoc *
plan_doc_load (DkStore *store, const char *round, const char *person, gboolean own, const DkContext *ctx,
               GError **error)
{
  Doc d;
  DkPlanDoc *doc = doc_load (store, round, person, ctx->lang, own, &d, error) ? doc_new (&d, ctx) : NULL;
  doc_clear (&d);
  return doc;
}

DkPlanDoc *
dk_plan_doc_load (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                  GError **error)
{
  return plan_doc_load (store, round, person, TRUE, ctx, error);
}

/* As dk_plan_export; OWN as for doc_load. */
static GBytes *
plan_export (DkStore *store, const char *round, const char *person, DkPlanFormat format, gboolean own,
             const DkContext *ctx, GError **error)
{
  if (format != DK_PLAN_FORMAT_PDF)
    {
      char *text = plan_render (store, round, person, format, own, ctx, error);
      return text != NULL ? g_bytes_new_take (text, strlen (text)) : NULL;
    }
  const DkExporters *x = dk_exporters (ctx->lang, error);
  g_autoptr (DkPlanDoc) doc = x != NULL ? plan_doc_load (store, round, person, own, ctx, error) : NULL;
  return doc != NULL ? x->pdf_bytes (doc, error) : NULL;
}

GBytes *
dk_plan_export (DkStore *store, const char *round, const char *person, DkPlanFormat format,
                const DkContext *ctx, GError **error)
{
  return plan_export (store, round, person, format, TRUE, ctx, error);
}

gboolean
dk_plan_write_pdf (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                   const char *path, GError **error)
{
  g_autoptr (GBytes) pdf = dk_plan_export (store, round, person, DK_PLAN_FORMAT_PDF, ctx, error);
  return dk_file_replace_bytes (path, pdf, ctx->lang, error);
}

/* ---- a unit's plans ---------------------------------------------------------------------- */

/* Returns a file name for PERSON: its id with every byte other than an
 * ASCII letter, digit, '-', '_' or a '.' that does not begin it written as
 * %XX, '%' included, so that different ids never share a file and none
 * leaves DIR ("a/b" → "a%2Fb.md", "a%2Fb" → "a%252Fb.md"). */
static char *
file_name (const char *person, DkPlanFormat format)
{
  GString *s = g_string_new (NULL);
  for (const char *p = person; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      if (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && p != person))
        g_string_append_c (s, (char) c);
      else
        g_string_append_printf (s, "%%%02X", c);
    }
  g_string_append_printf (s, ".%s", names[format]);
  return g_string_free (s, FALSE);
}

static gboolean
export_one (DkStore *store, const char *round, const char *person, DkPlanFormat format,
            const DkContext *ctx, const char *path, GError **error)
{
  /* for the manager or HR who asked, not for the person */
  g_autoptr (GBytes) bytes = plan_export (store, round, person, format, FALSE, ctx, error);
  return dk_file_replace_bytes (path, bytes, ctx->lang, error);
}

GPtrArray *
dk_plan_export_unit (DkStore *store, const char *round, const char *unit, DkPlanFormat format,
                     const DkContext *ctx, const char *dir, GError **error)
{
  g_autoptr (GPtrArray) people = dk_plan_people (store, round, unit, error);
  if (people == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)   /* the plans are personal */
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), T_ (ctx->lang, "cannot create %s: %s"),
                   dir, g_strerror (errno));
      return NULL;
    }
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *name = file_name (people->pdata[i], format);
      char *path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (written, path);
      if (!export_one (store, round, people->pdata[i], format, ctx, path, error))
        return NULL;
    }
  return g_steal_pointer (&written);
}
