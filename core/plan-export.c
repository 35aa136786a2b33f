/*
 * plan-export.c — a personal plan as Markdown, HTML, PDF, iCalendar, JSON.
 * PDF, iCalendar and JSON are written by the exporters' module (exporters.h).
 */
#include "plan-export.h"
#include "exporters.h"
#include "svg.h"
#include "report-model.h"

#include <errno.h>
#include <string.h>

/* The formats' names, which are also the files' extensions (DkPlanFormat order). */
static const char *const names[] = { "md", "html", "pdf", "ics", "json" };

gboolean
dk_plan_format_parse (const char *name, DkPlanFormat *out)
{
  if (name == NULL)
    {
      *out = DK_PLAN_FORMAT_MD;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        *out = (DkPlanFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Everything a rendering needs. */
typedef struct {
  DkPlanContext ctx;
  DkPlan       *plan;
  GPtrArray    *catalogue;
  DkLang        lang;
} Doc;

static void
doc_clear (Doc *d)
{
  dk_plan_context_clear (&d->ctx);
  dk_plan_free (d->plan);
  if (d->catalogue != NULL)
    g_ptr_array_unref (d->catalogue);
}

static gboolean
doc_load (DkStore *store, const char *round, const char *person, DkLang lang, Doc *d, GError **error)
{
  memset (d, 0, sizeof *d);
  d->lang = lang;
  /* the person's own export: their levels, shared or not */
  if (!dk_plan_context_load (store, round, person, &d->ctx, error)
      || (d->plan = dk_plan_get (store, round, person, error)) == NULL
      || (d->catalogue = dk_catalogue_load (store, error)) == NULL)
    return FALSE;
  g_free (d->ctx.gaps);
  d->ctx.gaps = dk_gap_person (d->ctx.fw, d->ctx.a, TRUE);
  return TRUE;
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
item_headline (const DkPlanItem *it)
{
  GString *s = g_string_new (NULL);
  if (it->wish != NULL)
    g_string_append_printf (s, _(" (wished for)"));
  g_string_append_printf (s, _(" — %s"), dk_plan_word (it->status));
  if (it->target > 0)
    g_string_append_printf (s, _(", target level %u"), it->target);
  if (it->due != NULL)
    g_string_append_printf (s, _(", due %s"), it->due);
  return g_string_free (s, FALSE);
}

/* The lines under an item, in every format alike: why it was suggested,
 * what to do before and after (the transfer of training), its sessions.
 * Returns strings the array owns. */
static GPtrArray *
item_details (const DkPlanItem *it, const DkActivity *a)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  if (it->reason != NULL)
    g_ptr_array_add (lines, g_strdup (it->reason));
  if (a == NULL)
    return lines;
  if (a->preparation != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Before: %s"), a->preparation));
  if (a->follow_up != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("After: %s"), a->follow_up));
  for (guint k = 0; k < a->sessions->len; k++)
    {
      const DkSession *x = &g_array_index (a->sessions, DkSession, k);
      g_ptr_array_add (lines, g_strdup_printf (_("Session: %s – %s %s"), x->start, x->end, x->place ? x->place : ""));
    }
  return lines;
}

/* ---- Markdown ---------------------------------------------------------------------- */

static char *
render_markdown (const Doc *d)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, _("# Development plan: %s\n\n"), d->ctx.person->name);
  g_string_append_printf (s, _("- Round: %s (%s)\n- Unit: %s\n- State: %s\n"), d->ctx.round->code,
                          d->ctx.round->title, d->ctx.person->unit_path, dk_plan_word (d->plan->state));
  if (d->plan->agreed_at != NULL)
    g_string_append_printf (s, _("- Agreed: %s by %s\n"), d->plan->agreed_at, d->plan->agreed_by);
  for (guint i = 0; i < d->plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = d->plan->follow_ups->pdata[i];
      g_string_append_printf (s, _("- Follow-up: %s — %s\n"), f->held_on, f->notes);
    }
  g_string_append_printf (s, _("\n## Levels\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n"), _("Competence"),
                          _("Title"), _("Expected"), _("Effective"));
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
  g_string_append_printf (s, _("\n## Activities\n\n"));
  for (guint i = 0; i < d->plan->items->len; i++)
    {
      const DkPlanItem *it = d->plan->items->pdata[i];
      g_autofree char *what = item_title (d, it), *headline = item_headline (it);
      g_string_append_printf (s, "%u. **%s**%s\n", it->number, what, headline);
      g_autoptr (GPtrArray) details = item_details (it, item_activity (d, it));
      for (guint k = 0; k < details->len; k++)
        g_string_append_printf (s, "   - %s\n", (const char *) details->pdata[k]);
    }
  if (d->plan->items->len == 0)
    g_string_append_printf (s, "%s\n", _("No activities yet."));
  return g_string_free (s, FALSE);
}

/* ---- HTML ---------------------------------------------------------------------------- */

static char *
radar (const Doc *d)
{
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
  DkRadar r = { n, axes, expected, effective, scale->min, scale->max, _("Expected level"), _("Effective level") };
  return dk_svg_radar (&r);
}

static void
html_escaped (GString *s, const char *text)
{
  g_autofree char *e = dk_html_escape (text);
  g_string_append (s, e);
}

static char *
render_html (const Doc *d)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
                          dk_lang_code (d->lang));
  html_escaped (s, d->ctx.person->name);
  g_string_append (s, "</title>\n<style>body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:2em;max-width:60em}"
                      "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}"
                      ".need{color:#b00020;font-weight:bold}li{margin:.4em 0}.why{color:#555}"
                      "@media print{body{margin:0}}</style>\n</head>\n<body>\n<h1>");
  g_autofree char *heading = g_strdup_printf (_("Development plan: %s"), d->ctx.person->name);
  html_escaped (s, heading);
  g_string_append (s, "</h1>\n<p>");
  g_autofree char *meta = g_strdup_printf (_("Round %s · %s · %s"), d->ctx.round->code, d->ctx.person->unit_path,
                                           dk_plan_word (d->plan->state));
  html_escaped (s, meta);
  g_string_append (s, "</p>\n");
  if (d->plan->agreed_at != NULL)
    {
      g_autofree char *agreed = g_strdup_printf (_("Agreed on %s by %s."), d->plan->agreed_at, d->plan->agreed_by);
      g_string_append (s, "<p>");
      html_escaped (s, agreed);
      g_string_append (s, "</p>\n");
    }
  for (guint i = 0; i < d->plan->follow_ups->len; i++)
    {
      const DkPlanFollowUp *f = d->plan->follow_ups->pdata[i];
      g_autofree char *followed = g_strdup_printf (_("Followed up on %s: %s"), f->held_on, f->notes);
      g_string_append (s, "<p>");
      html_escaped (s, followed);
      g_string_append (s, "</p>\n");
    }
  g_string_append (s, "<figure>");
  g_autofree char *chart = radar (d);
  g_string_append (s, chart);
  g_string_append (s, "</figure>\n<h2>");
  html_escaped (s, _("Activities"));
  g_string_append (s, "</h2>\n<ol>\n");
  for (guint i = 0; i < d->plan->items->len; i++)
    {
      const DkPlanItem *it = d->plan->items->pdata[i];
      g_autofree char *what = item_title (d, it), *headline = item_headline (it);
      g_string_append (s, "<li><b>");
      html_escaped (s, what);
      g_string_append (s, "</b>");
      html_escaped (s, headline);
      g_autoptr (GPtrArray) details = item_details (it, item_activity (d, it));
      for (guint k = 0; k < details->len; k++)
        {
          g_string_append (s, k == 0 && it->reason != NULL ? "<br><span class=\"why\">" : "<br><span>");
          html_escaped (s, details->pdata[k]);
          g_string_append (s, "</span>");
        }
      g_string_append (s, "</li>\n");
    }
  g_string_append (s, "</ol>\n");
  if (d->plan->items->len == 0)
    {
      g_string_append (s, "<p>");
      html_escaped (s, _("No activities yet."));
      g_string_append (s, "</p>\n");
    }
  g_string_append (s, "</body>\n</html>\n");
  return g_string_free (s, FALSE);
}

static char *
render_json (const Doc *d, GError **error)
{
  const DkExporters *x = dk_exporters (error);
  return x != NULL ? x->plan_json (&d->ctx, d->plan) : NULL;
}

/* ---- iCalendar ---------------------------------------------------------------------------- */

/* One event per dated session of the planned activities that are not
 * cancelled, with the preparation task as its description. */
static char *
render_ics (const Doc *d, GError **error)
{
  const DkExporters *x = dk_exporters (error);
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
  return x->calendar ((const DkCalendarEvent *) events->data, events->len);
}

char *
dk_plan_render (DkStore *store, const char *round, const char *person, DkPlanFormat format, DkLang lang,
                GError **error)
{
  Doc d;
  char *out = NULL;
  if (doc_load (store, round, person, lang, &d, error))
    switch (format)
      {
      case DK_PLAN_FORMAT_HTML: out = render_html (&d); break;
      case DK_PLAN_FORMAT_JSON: out = render_json (&d, error); break;
      case DK_PLAN_FORMAT_ICS:  out = render_ics (&d, error); break;
      default:                  out = render_markdown (&d); break;
      }
  doc_clear (&d);
  return out;
}

gboolean
dk_plan_write_pdf (DkStore *store, const char *round, const char *person, DkLang lang, const char *path,
                   GError **error)
{
  const DkExporters *x = dk_exporters (error);
  g_autofree char *markdown = x != NULL ? dk_plan_render (store, round, person, DK_PLAN_FORMAT_MD, lang, error)
                                        : NULL;
  return markdown != NULL && x->write_pdf (markdown, path, error);
}

/* ---- a unit's plans ---------------------------------------------------------------------- */

/* Returns a file name for PERSON: its id with any character that could
 * leave DIR or confuse a shell replaced by '_'. */
static char *
file_name (const char *person, DkPlanFormat format)
{
  g_autofree char *safe = g_strcanon (g_strdup (person), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789-_.", '_');
  if (safe[0] == '.')
    safe[0] = '_';
  return g_strdup_printf ("%s.%s", safe, names[format]);
}

static gboolean
export_one (DkStore *store, const char *round, const char *person, DkPlanFormat format, DkLang lang,
            const char *path, GError **error)
{
  if (format == DK_PLAN_FORMAT_PDF)
    return dk_plan_write_pdf (store, round, person, lang, path, error);
  g_autofree char *text = dk_plan_render (store, round, person, format, lang, error);
  return text != NULL && g_file_set_contents (path, text, -1, error);
}

GPtrArray *
dk_plan_export_unit (DkStore *store, const char *round, const char *unit, DkPlanFormat format,
                     DkLang lang, const char *dir, GError **error)
{
  g_autoptr (GPtrArray) people = dk_plan_people (store, round, unit, error);
  if (people == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), _("cannot create %s: %s"), dir,
                   g_strerror (errno));
      return NULL;
    }
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *name = file_name (people->pdata[i], format);
      char *path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (written, path);
      if (!export_one (store, round, people->pdata[i], format, lang, path, error))
        return NULL;
    }
  return g_steal_pointer (&written);
}
