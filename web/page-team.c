/*
 * page-team.c — the manager's team (GET /team): the people whose recorded
 * manager the signed-in person is, where each stands in the round, their
 * gaps per competence (shared ratings only), the team's share with needs
 * when it is not suppressed, and links to each conversation (which links
 * to the plan).
 *
 * Query: `status` (one of the status words below) shows only those people;
 * `sort` (name, status, needs) orders them; `round` names a round (else
 * the open one).  A form of plain links and a GET form: no script needed.
 */
#include "page.h"
#include "suppression.h"
#include "gap.h"
#include "report-model.h"

#include <string.h>

/* Where a person stands in the round, in the order of the cycle. */
typedef enum {
  ST_NOT_STARTED,
  ST_BEGUN,
  ST_SHARED,
  ST_HELD,
  ST_AGREED,
  ST_FOLLOWED_UP,
  N_STATUS
} Status;

static const char *const status_keys[N_STATUS] = {
  "not-started", "begun", "shared", "conversation-held", "plan-agreed", "followed-up",
};

static const char *
status_text (Request *r, Status s)
{
  switch (s)
    {
    case ST_NOT_STARTED: return T ("Not started");
    case ST_BEGUN:       return T ("Begun");
    case ST_SHARED:      return T ("Shared");
    case ST_HELD:        return T ("Conversation held");
    case ST_AGREED:      return T ("Plan agreed");
    case ST_FOLLOWED_UP: return T ("Followed up");
    case N_STATUS:       break;
    }
  return "";
}

typedef struct {
  DkTeamMember *t;
  DkAssessment *a;        /* T's (T owns it); NULL: not in the round */
  char         *name_key; /* the name's collation key: a sort compares it often */
  DkPersonGap  *gaps;     /* the manager's view; NULL with A */
  Status        status;
  guint         needs;    /* competences with a need (shared only) */
} Member;

static void
member_free (Member *m)
{
  dk_team_member_free (m->t);
  g_free (m->name_key);
  g_free (m->gaps);
  g_free (m);
}

/* Returns the status of M, whose plan in the round is in state PLAN (or
 * NULL: none). */
static Status
member_status (const Member *m, const char *plan)
{
  if (plan != NULL && strcmp (plan, "followed-up") == 0)
    return ST_FOLLOWED_UP;
  if (plan != NULL && strcmp (plan, "agreed") == 0)
    return ST_AGREED;
  if (m->a == NULL)
    return ST_NOT_STARTED;
  if ((m->a->flags & DK_ASSESS_SHARED) && (m->a->flags & DK_ASSESS_CONVERSATION))
    return ST_HELD;
  if (m->a->flags & DK_ASSESS_SHARED)
    return ST_SHARED;
  for (guint c = 0; c < m->a->n; c++)
    if (m->a->self[c] != DK_LEVEL_NONE || m->a->motivation[c] != DK_LEVEL_NONE)
      return ST_BEGUN;
  return ST_NOT_STARTED;
}

/* Reads the team of R's person in ROUND into *MEMBERS (Member*), in one
 * query whatever its size. */
static gboolean
load_team (Request *r, const DkRound *round, const DkFramework *fw, GPtrArray **members, GError **error)
{
  g_autoptr (GPtrArray) team = dk_store_team_members (r->store, round->id, r->who->person_id, error);
  if (team == NULL)
    return FALSE;
  *members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  for (guint i = 0; i < team->len; i++)
    {
      Member *m = g_new0 (Member, 1);
      m->t = g_ptr_array_steal_index (team, i--);
      m->a = m->t->a;
      m->name_key = g_utf8_collate_key (m->t->name, -1);
      g_ptr_array_add (*members, m);
      if (m->a != NULL)
        {
          m->gaps = dk_gap_person (fw, m->a, FALSE);
          for (guint c = 0; (m->a->flags & DK_ASSESS_SHARED) && c < dk_framework_n_competences (fw); c++)
            m->needs += m->gaps[c].applies && m->gaps[c].gap > 0;
        }
      m->status = member_status (m, m->t->plan_state);
    }
  return TRUE;
}

static int
compare_members (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const char *sort_key = data;
  const Member *a = *(const Member *const *) pa, *b = *(const Member *const *) pb;
  int by = 0;
  if (strcmp (sort_key, "status") == 0)
    by = (int) a->status - (int) b->status;
  else if (strcmp (sort_key, "needs") == 0)
    by = (int) b->needs - (int) a->needs;
  return by != 0 ? by : strcmp (a->name_key, b->name_key);
}

/* Returns TRUE when the round's pattern of suppression hides the share
 * with needs of R's person's team; FALSE with ERROR on a store failure. */
static gboolean
team_hidden (Request *r, const DkRound *round, const DkFramework *fw, guint k, gboolean *hidden, GError **error)
{
  g_autoptr (DkSuppression) pattern = dk_suppression_cached (r->store, round, fw, DK_SCOPE_ALL, k, &r->ctx, error);
  if (pattern == NULL)
    return FALSE;
  *hidden = dk_suppression_hides_team (pattern, DK_FAMILY_LEVEL, "", r->who->person_id);
  return TRUE;
}

/* Writes the team's share with needs, or why it is not shown: the team is
 * one of the round's groupings, so its figure follows the round's pattern
 * of suppression (core/suppression.h). */
static gboolean
team_share (Request *r, DkHtml *h, const DkRound *round, const DkFramework *fw, GPtrArray *members,
            GError **error)
{
  g_autoptr (GPtrArray) as = g_ptr_array_new ();
  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = members->pdata[i];
      if (m->a != NULL)
        g_ptr_array_add (as, m->a);
    }
  g_autoptr (DkGap) gap = dk_gap_compute_people (fw, as, DK_SCOPE_ALL);
  const DkGapCell *cell = dk_gap_cell (gap, 0, (guint) MAX (dk_gap_find_scope (gap, ""), 0));
  guint k = r->options->min_group > 0 ? r->options->min_group : DK_GAP_MIN_GROUP_DEFAULT;
  double share;
  gboolean suppressed = FALSE, hidden = FALSE;
  if (cell->people_level >= k && !team_hidden (r, round, fw, k, &hidden, error))
    return FALSE;
  dk_html_element (h, "h2", T ("Needs in your team"));
  dk_html_open (h, "p", "class", "share", NULL);
  if (!hidden && dk_gap_metric (cell, DK_METRIC_SHARE_WITH_NEEDS, k, &share, &suppressed))
    {
      g_autofree char *percent = dk_format_percent (share, r->ctx.lang);
      dk_html_textf (h, T ("%s of the people in your team who shared their self-rating have a need "
                           "in at least one competence."), percent);
    }
  else if (cell->people_level == 0)
    dk_html_text (h, T ("Nobody in your team has shared a self-rating yet."));
  else if (hidden)
    dk_html_text (h, T ("The share with needs is not shown: together with the figures HR publishes for "
                        "the round, it would let someone work out the ratings of a few people."));
  else
    dk_html_textf (h, T ("Fewer than %u people in your team have shared their self-rating, so the share "
                         "with needs is not shown: a figure about so few people could point out one of them."),
                   k);
  dk_html_close (h, "p");
  return TRUE;
}

/* Writes the GET form that filters and sorts the list. */
static void
filter_form (Request *r, DkHtml *h, const char *status, const char *sort_key, const char *round)
{
  dk_html_open (h, "form", "method", "get", "action", "/team", "class", "filter", NULL);
  if (round != NULL)
    dk_page_hidden (h, "round", round);
  dk_page_label (h, "status", T ("Show"));
  dk_html_open (h, "select", "id", "status", "name", "status", NULL);
  dk_html_open (h, "option", "value", "", NULL);
  dk_html_text (h, T ("Everyone"));
  dk_html_close (h, "option");
  for (guint s = 0; s < N_STATUS; s++)
    {
      gboolean on = status != NULL && strcmp (status, status_keys[s]) == 0;
      dk_html_open (h, "option", "value", status_keys[s], on ? "selected" : NULL, "", NULL);
      dk_html_text (h, status_text (r, (Status) s));
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  static const char *const sorts[] = { "name", "status", "needs" };
  const char *sort_words[] = { T ("Name"), T ("Where they stand"), T ("Most needs first") };
  dk_page_label (h, "sort", T ("Order"));
  dk_html_open (h, "select", "id", "sort", "name", "sort", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      dk_html_open (h, "option", "value", sorts[i], strcmp (sort_key, sorts[i]) == 0 ? "selected" : NULL, "",
                    NULL);
      dk_html_text (h, sort_words[i]);
      dk_html_close (h, "option");
    }
  dk_html_close (h, "select");
  dk_page_button (h, T ("Show the list"), TRUE);
}

/* Returns GAP as the table shows it ("+2", "0", "−1") in NUMBER: written
 * without printf, as a page has a cell for each person and competence. */
static const char *
gap_text (int gap, char number[16])
{
  char *p = number + 15;
  *p = '\0';
  guint n = (guint) ABS (gap);
  do
    *--p = (char) ('0' + n % 10);
  while ((n /= 10) > 0);
  if (gap > 0)
    *--p = '+';
  else if (gap < 0)
    {
      p -= strlen ("−");
      memcpy (p, "−", strlen ("−"));
    }
  return p;
}

/* Writes the cell of the gap G: its opening tag as a literal, since the
 * cells are most of the page. */
static void
gap_cell (DkHtml *h, const DkPersonGap *g)
{
  char number[16];
  if (!g->applies)
    DK_HTML_MARKUP (h, "<td class=\"na\">");
  else if (g->gap > 0)
    DK_HTML_MARKUP (h, "<td class=\"need\">");
  else if (g->effective == 0)
    DK_HTML_MARKUP (h, "<td class=\"none\">");
  else
    DK_HTML_MARKUP (h, "<td class=\"ok\">");
  dk_html_text (h, !g->applies ? "·" : g->effective == 0 ? "–" : gap_text (g->gap, number));
  DK_HTML_MARKUP (h, "</td>");
}

/* Writes one person's row: name, status, a cell per competence; in a
 * ROUND_OPEN, who has not started has a link to entering their paper form. */
static void
member_row (Request *r, DkHtml *h, const DkFramework *fw, const Member *m, gboolean round_open)
{
  guint n = dk_framework_n_competences (fw);
  g_autofree char *conversation = dk_page_person_path (m->t->ext_id, "conversation");
  DK_HTML_MARKUP (h, "<tr>");
  dk_html_open (h, "th", "scope", "row", NULL);
  dk_html_open (h, "a", "href", conversation, NULL);
  dk_html_text (h, m->t->name);
  dk_html_close (h, "a");
  dk_html_close (h, "th");
  dk_html_open (h, "td", "class", status_keys[m->status], NULL);
  dk_html_text (h, status_text (r, m->status));
  dk_html_close (h, "td");
  g_autofree char *span = g_strdup_printf ("%u", n);
  if (m->a == NULL || !(m->a->flags & DK_ASSESS_SHARED))
    {
      dk_html_open (h, "td", "colspan", span, "class", "unshared", NULL);
      dk_html_text (h, m->a == NULL ? T ("Not in this round") : T ("Not shared"));
      if (m->a != NULL && m->status == ST_NOT_STARTED && round_open)
        {
          g_autofree char *paper = dk_page_person_path (m->t->ext_id, "assessment");
          DK_HTML_MARKUP (h, " ");
          dk_html_open (h, "a", "href", paper, NULL);
          dk_html_text (h, T ("Enter a paper form"));
          dk_html_close (h, "a");
        }
      dk_html_close (h, "td");
    }
  else
    for (guint c = 0; c < n; c++)
      {
        gap_cell (h, &m->gaps[c]);
      }
  DK_HTML_MARKUP (h, "</tr>");
}

/* Writes what the table's short competence ids and signs mean. */
static void
legend (Request *r, DkHtml *h, const DkFramework *fw)
{
  dk_html_element (h, "h2", T ("What the table shows"));
  dk_html_element (h, "p", T ("Each cell is the gap: the expected level minus the level that counts (the "
                              "manager's, else the employee's own). +1 or more is a need. 0 or less: the "
                              "level is reached. – no level (not answered or don't know). · does not apply "
                              "to the role. A self-rating that is not shared is never shown."));
  DK_HTML_MARKUP (h, "<dl class=\"legend\">");
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      dk_html_element (h, "dt", comp->id);
      dk_html_element (h, "dd", dk_competence_title (comp, r->ctx.lang));
    }
  DK_HTML_MARKUP (h, "</dl>");
}

/* Writes the page of R's team. */
static void
team_page (Request *r)
{
  const char *round_code = g_hash_table_lookup (r->query, "round");
  const char *status = g_hash_table_lookup (r->query, "status");
  const char *sort = g_hash_table_lookup (r->query, "sort");
  if (round_code != NULL && *round_code == '\0')
    round_code = NULL;
  if (status != NULL && *status == '\0')
    status = NULL;
  int only = -1;
  for (guint s = 0; status != NULL && s < N_STATUS; s++)
    if (strcmp (status, status_keys[s]) == 0)
      only = (int) s;
  if (status != NULL && only < 0)
    status = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkRound) round = dk_store_round (r->store, round_code, &error);
  DkHtml *h = dk_page_start (r, T ("Your team"));
  if (round == NULL)
    {
      if (!g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND)
          && !g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_UNKNOWN_ID))
        {
          dk_page_fail (r, h, error);
          return;
        }
      dk_html_element (h, "p", T ("There is no rating round to show. HR opens a round; then your team's "
                                  "self-ratings show here."));
      dk_web_answer_page (r, 200, h);
      return;
    }
  g_autoptr (DkFramework) fw = dk_store_round_framework (r->store, round, &error);
  g_autoptr (GPtrArray) members = NULL;
  if (fw == NULL || !load_team (r, round, fw, &members, &error))
    {
      dk_page_fail (r, h, error);
      return;
    }
  const char *sort_key = "name";
  static const char *const sorts[] = { "name", "status", "needs" };
  for (guint i = 0; sort != NULL && i < G_N_ELEMENTS (sorts); i++)
    if (strcmp (sort, sorts[i]) == 0)
      sort_key = sorts[i];
  g_ptr_array_sort_with_data (members, compare_members, (gpointer) sort_key);

  dk_html_open (h, "p", "class", "round", NULL);
  dk_html_textf (h, T ("The people you are the manager of, in %s."), round->title != NULL ? round->title : round->code);
  dk_html_close (h, "p");
  if (!team_share (r, h, round, fw, members, &error))
    {
      dk_page_fail (r, h, error);
      return;
    }

  dk_html_element (h, "h2", T ("Where each one stands"));
  filter_form (r, h, status, sort_key, round_code);
  guint n = dk_framework_n_competences (fw);
  g_autoptr (GPtrArray) heads = g_ptr_array_new ();
  g_ptr_array_add (heads, (gpointer) T ("Person"));
  g_ptr_array_add (heads, (gpointer) T ("Where they stand"));
  for (guint c = 0; c < n; c++)
    g_ptr_array_add (heads, (gpointer) dk_framework_competence (fw, c)->id);
  dk_page_table_start (h, "team", T ("Your team: where each one stands, and the gap per competence"),
                       (const char *const *) heads->pdata, heads->len);
  guint shown = 0;
  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = members->pdata[i];
      if (only >= 0 && m->status != (Status) only)
        continue;
      member_row (r, h, fw, m, round->open);
      shown++;
    }
  dk_page_table_end (h);
  if (shown == 0)
    dk_html_element (h, "p", T ("Nobody in your team is at this step."));
  legend (r, h, fw);
  dk_web_answer_page (r, 200, h);
}

void
dk_page_team (Request *r)
{
  /* one snapshot for the whole page: its figures are of one state of the
   * store, and its queries share one read lock rather than taking one each */
  g_autoptr (GError) error = NULL;
  if (!dk_store_read_begin (r->store, &error))
    {
      dk_web_fail (r, error);
      return;
    }
  team_page (r);
  if (!dk_store_read_end (r->store, &error))
    dk_web_fail (r, error);
}
