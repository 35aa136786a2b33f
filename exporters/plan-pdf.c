/*
 * plan-pdf.c — a personal plan on paper: the person and the round, the
 * levels as a table and a spider chart, the activities by competence with
 * their sessions and what to do before and after, the wishes, the
 * follow-up, and lines for both signatures (A4, pdf-layout.h).
 */
#include "module.h"
#include "pdf-layout.h"
#include "report-model.h"

#include <math.h>

#define LABEL_WIDTH 116.0

static void
header (DkPdf *pdf, const DkPlanDoc *d)
{
  DkLang lang = d->lang;
  dk_pdf_text (pdf, DK_PDF_SMALL, 0, T_ (lang, "Personal development plan"));
  dk_pdf_space (pdf, 2);
  dk_pdf_text (pdf, DK_PDF_TITLE, 0, d->name);
  dk_pdf_space (pdf, 10);
  const char *labels[] = { T_ (lang, "Unit"), T_ (lang, "Role"), T_ (lang, "Manager"), T_ (lang, "Round"),
                           T_ (lang, "State"), T_ (lang, "Agreed") };
  const char *values[] = { d->unit, d->role, d->manager, d->round, d->state, d->agreed };
  dk_pdf_fields (pdf, LABEL_WIDTH, labels, values, G_N_ELEMENTS (labels));
}

/* A level as the table shows it: "–" for none, "?" for don't know. */
static char *
level_text (guint level)
{
  if (level == 0)
    return g_strdup ("–");
  return level == 0xFF ? g_strdup ("?") : g_strdup_printf ("%u", level);
}

static void
levels_table (DkPdf *pdf, const DkPlanDoc *d)
{
  DkLang lang = d->lang;
  const DkPdfColumn columns[] = {
    { T_ (lang, "Competence"), 0.41, FALSE }, { T_ (lang, "Expected"), 0.13, TRUE },
    { T_ (lang, "Own"), 0.10, TRUE },         { T_ (lang, "Manager's"), 0.13, TRUE },
    { T_ (lang, "Effective"), 0.13, TRUE },   { T_ (lang, "Gap"), 0.10, TRUE },
  };
  dk_pdf_table_begin (pdf, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < d->levels->len; i++)
    {
      const DkPlanDocLevel *l = d->levels->pdata[i];
      g_autofree char *comp = g_strdup_printf ("%s  %s", l->id, l->title);
      g_autofree char *expected = level_text (l->expected), *self = level_text (l->self);
      g_autofree char *manager = level_text (l->manager), *effective = level_text (l->effective);
      g_autofree char *gap = l->gap > 0 ? g_strdup_printf ("● %d", l->gap) : g_strdup ("");
      const char *cells[] = { comp, expected, self, manager, effective, gap };
      gboolean need = l->gap > 0;
      const gboolean emphasis[] = { need, FALSE, FALSE, FALSE, need, need };
      dk_pdf_table_row (pdf, cells, emphasis);
    }
  dk_pdf_table_end (pdf);
  dk_pdf_space (pdf, 4);
  g_autofree char *note = g_strdup_printf (
      T_ (lang, "Levels %u–%u. The effective level is the manager's where given, else your own; "
                "? is \"don't know\", – not rated. ● marks a competence below the expected level, "
                "by how many levels."),
      d->scale_min, d->scale_max);
  dk_pdf_text (pdf, DK_PDF_SMALL, 0, note);
}

/* ---- the spider chart --------------------------------------------------------------------- */

/* The point of axis I of N at LEVEL on a chart of radius R around CX, CY. */
static void
spoke (guint i, guint n, double level, double max, double cx, double cy, double r, double *x, double *y)
{
  double angle = -G_PI / 2 + 2 * G_PI * i / n;
  *x = cx + cos (angle) * r * level / max;
  *y = cy + sin (angle) * r * level / max;
}

static void
polygon (cairo_t *cr, const DkPlanDoc *d, gboolean expected, double cx, double cy, double r)
{
  guint n = d->levels->len;
  for (guint i = 0; i < n; i++)
    {
      const DkPlanDocLevel *l = d->levels->pdata[i];
      double x, y;
      spoke (i, n, expected ? l->expected : l->effective, d->scale_max, cx, cy, r, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
legend (cairo_t *cr, double x, double y, const DkPlanDoc *d)
{
  cairo_set_source_rgba (cr, DK_PDF_SERIES0, 1);
  cairo_set_line_width (cr, 1.6);
  double dash[] = { 4, 2.5 };
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x, y + 5);
  cairo_line_to (cr, x + 22, y + 5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgb (cr, DK_PDF_SERIES1);
  cairo_rectangle (cr, x, y + 17, 22, 8);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, DK_PDF_INK);
  dk_pdf_label (cr, x + 28, y + 5, T_ (d->lang, "Expected level"), 10, FALSE, 0, TRUE);
  dk_pdf_label (cr, x + 28, y + 21, T_ (d->lang, "Effective level"), 10, FALSE, 0, TRUE);
}

static void
draw_spider (cairo_t *cr, double x0, double y0, double w, double h, gconstpointer data)
{
  const DkPlanDoc *d = data;
  guint n = d->levels->len;
  double r = h / 2 - 22, cx = x0 + r + 60, cy = y0 + h / 2;
  /* the rings, one per level, and the spokes */
  cairo_set_line_width (cr, 0.4);
  for (guint level = 1; level <= d->scale_max; level++)
    {
      cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
      for (guint i = 0; i <= n; i++)
        {
          double x, y;
          spoke (i % n, n, level, d->scale_max, cx, cy, r, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      g_autofree char *label = g_strdup_printf ("%u", level);
      cairo_set_source_rgb (cr, DK_PDF_RULE);
      dk_pdf_label (cr, cx + 3, cy - r * level / d->scale_max, label, 8, FALSE, 0, TRUE);
    }
  for (guint i = 0; i < n; i++)
    {
      const DkPlanDocLevel *l = d->levels->pdata[i];
      double x, y, lx, ly;
      spoke (i, n, d->scale_max, d->scale_max, cx, cy, r, &x, &y);
      cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
      spoke (i, n, d->scale_max, d->scale_max, cx, cy, r + 11, &lx, &ly);
      cairo_set_source_rgb (cr, l->gap > 0 ? 0.64 : 0.13, l->gap > 0 ? 0.13 : 0.13, l->gap > 0 ? 0.16 : 0.15);
      dk_pdf_label (cr, lx, ly, l->id, 10, l->gap > 0, fabs (lx - cx) < 2 ? 0.5 : lx < cx ? 1 : 0, TRUE);
    }
  /* effective filled, expected dashed over it, so both show */
  polygon (cr, d, FALSE, cx, cy, r);
  cairo_set_source_rgba (cr, DK_PDF_SERIES1, 0.28);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, DK_PDF_SERIES1);
  cairo_set_line_width (cr, 1.4);
  cairo_stroke (cr);
  polygon (cr, d, TRUE, cx, cy, r);
  cairo_set_source_rgb (cr, DK_PDF_SERIES0);
  cairo_set_line_width (cr, 1.6);
  double dash[] = { 4, 2.5 };
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  legend (cr, cx + r + 70, cy - 14, d);
  (void) w;
}

/* ---- activities ----------------------------------------------------------------------- */

/* "Course · on-site · 8 h". */
static char *
item_facts (const DkPlanDocItem *x, DkLang lang)
{
  GString *s = g_string_new (x->kind);
  if (x->format != NULL)
    g_string_append_printf (s, " · %s", x->format);
  if (x->hours > 0)
    {
      g_autofree char *h = x->hours == floor (x->hours) ? g_strdup_printf ("%.0f", x->hours)
                                                        : dk_format_hours (x->hours, lang);
      g_string_append (s, " · ");
      g_string_append_printf (s, T_ (lang, "%s h"), h);
    }
  return g_string_free (s, FALSE);
}

static void
item (DkPdf *pdf, const DkPlanDocItem *x, DkLang lang)
{
  const double indent = 12;
  /* the title, its facts and its status stay together */
  dk_pdf_keep (pdf, 48);
  dk_pdf_text (pdf, DK_PDF_BOLD, indent, x->title);
  if (x->kind != NULL)
    {
      g_autofree char *facts = item_facts (x, lang);
      dk_pdf_text (pdf, DK_PDF_BODY, indent, facts);
    }
  g_autofree char *status = g_strdup_printf (T_ (lang, "Status: %s"), x->status);
  dk_pdf_text (pdf, DK_PDF_BODY, indent, status);
  for (char **s = x->sessions; *s != NULL; s++)
    {
      g_autofree char *line = g_strdup_printf (T_ (lang, "Session: %s"), *s);
      dk_pdf_text (pdf, DK_PDF_BODY, indent, line);
    }
  if (x->preparation != NULL)
    {
      g_autofree char *line = g_strdup_printf (T_ (lang, "Before: %s"), x->preparation);
      dk_pdf_text (pdf, DK_PDF_BODY, indent, line);
    }
  if (x->follow_up != NULL)
    {
      g_autofree char *line = g_strdup_printf (T_ (lang, "After: %s"), x->follow_up);
      dk_pdf_text (pdf, DK_PDF_BODY, indent, line);
    }
  if (x->reason != NULL)
    {
      g_autofree char *line = g_strdup_printf (T_ (lang, "Why: %s"), x->reason);
      dk_pdf_text (pdf, DK_PDF_SMALL, indent, line);
    }
  dk_pdf_space (pdf, 7);
}

/* Starts a section, on a new page unless its title and KEEP points of what
 * follows fit on this one. */
static void
section (DkPdf *pdf, const char *title, double keep)
{
  dk_pdf_space (pdf, 16);
  dk_pdf_keep (pdf, 30 + keep);
  dk_pdf_text (pdf, DK_PDF_HEADING, 0, title);
  dk_pdf_space (pdf, 5);
}

static void
groups (DkPdf *pdf, GPtrArray *groups, DkLang lang)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const DkPlanDocGroup *g = groups->pdata[i];
      dk_pdf_keep (pdf, 70);
      dk_pdf_text (pdf, DK_PDF_SUBHEADING, 0, g->competence);
      dk_pdf_space (pdf, 3);
      for (guint k = 0; k < g->items->len; k++)
        item (pdf, g->items->pdata[k], lang);
    }
}

/* ---- signatures ------------------------------------------------------------------------ */

static void
signature (cairo_t *cr, double x, double y, double w, const char *role, const char *name)
{
  cairo_set_source_rgb (cr, DK_PDF_INK);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y + 30);
  cairo_line_to (cr, x + w, y + 30);
  cairo_stroke (cr);
  dk_pdf_label (cr, x, y + 33, role, 9.5, TRUE, 0, FALSE);
  if (name != NULL)
    dk_pdf_label (cr, x, y + 45, name, 9.5, FALSE, 0, FALSE);
  cairo_move_to (cr, x, y + 78);
  cairo_line_to (cr, x + w * 0.55, y + 78);
  cairo_stroke (cr);
}

static void
draw_signatures (cairo_t *cr, double x, double y, double w, double h, gconstpointer data)
{
  const DkPlanDoc *d = data;
  double col = (w - 40) / 2;
  signature (cr, x, y, col, T_ (d->lang, "Employee"), d->name);
  signature (cr, x + col + 40, y, col, T_ (d->lang, "Manager"), d->manager);
  dk_pdf_label (cr, x, y + 81, T_ (d->lang, "Date"), 9.5, TRUE, 0, FALSE);
  dk_pdf_label (cr, x + col + 40, y + 81, T_ (d->lang, "Date"), 9.5, TRUE, 0, FALSE);
  (void) h;
}

/* ---- the document ----------------------------------------------------------------------- */

static void
draw_plan (DkPdf *pdf, gconstpointer data)
{
  const DkPlanDoc *d = data;
  DkLang lang = d->lang;
  header (pdf, d);
  section (pdf, T_ (lang, "Levels"), 50);
  levels_table (pdf, d);
  if (d->levels->len >= 3)
    {
      dk_pdf_space (pdf, 10);
      dk_pdf_figure (pdf, 170, draw_spider, d);
    }
  section (pdf, T_ (lang, "Activities"), 50);
  if (d->groups->len == 0)
    dk_pdf_text (pdf, DK_PDF_BODY, 0, T_ (lang, "No activities yet."));
  groups (pdf, d->groups, lang);
  if (d->wishes->len > 0)
    {
      section (pdf, T_ (lang, "Wishes"), 50);
      groups (pdf, d->wishes, lang);
    }
  section (pdf, T_ (lang, "Follow-up"), 50);
  for (guint i = 0; i + 1 < d->follow_ups->len; i += 2)
    {
      const char *labels[] = { T_ (lang, "Followed up"), T_ (lang, "Notes") };
      const char *values[] = { d->follow_ups->pdata[i], d->follow_ups->pdata[i + 1] };
      dk_pdf_fields (pdf, LABEL_WIDTH, labels, values, G_N_ELEMENTS (labels));
    }
  if (d->follow_ups->len == 0)
    dk_pdf_text (pdf, DK_PDF_BODY, 0, T_ (lang, "Not followed up yet."));
  section (pdf, T_ (lang, "Signatures"), 92);
  dk_pdf_figure (pdf, 92, draw_signatures, d);
}

GBytes *
dk_export_pdf_bytes (const DkPlanDoc *plan, GError **error)
{
  g_autofree char *title = g_strdup_printf (T_ (plan->lang, "Development plan: %s"), plan->name);
  g_autofree char *footer = g_strdup_printf (T_ (plan->lang, "%s · printed %s"), plan->name, plan->printed);
  return dk_pdf_bytes (title, footer, plan->lang, draw_plan, plan, error);
}
