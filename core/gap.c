/*
 * gap.c — the gap engine: one pass over a round's packed assessments.
 *
 * For each scanned person the engine first counts the person's own pairs per
 * scope (a few dozen bytes on the stack), then adds them to one bucket: the
 * person's own unit, or their one role, gender or the whole organisation.
 * Only after the scan are the units' buckets added to the groups they count
 * in (the unit and its ancestors), once per unit instead of once per person.
 * Nothing is looked up per rating: the framework's expectations, scopes and
 * the unit ancestry are flattened into arrays before the scan.
 */
#include "hint.h"
#include "gap.h"

#include <string.h>

DK_DEFINE_HINTED_ERROR (DkGapError, dk_gap_error)

struct _DkGap {
  guint      n_groups, n_scopes;
  GPtrArray *group_keys;   /* char* */
  GPtrArray *scope_keys;   /* char* */
  DkGapCell *cells;        /* [group * n_scopes + scope] */
  GArray    *classes;      /* guint64 per group, DK_GROUP_CLASS only */
};

struct _DkPersonSet {
  GArray *words;           /* guint64 bit set over person ids */
};

/* The classes a DK_GROUP_CLASS scan has met, by number: open addressing
 * over a power of two of slots, at most half full, the number's bits mixed
 * by one multiplication.  A lookup per person is most of what the class
 * scan adds to the gap engine's own; GHashTable's costs calls through its
 * hash and equality functions and a copy of each key. */
typedef struct {
  guint64 *codes;
  guint   *groups;          /* G_MAXUINT: an empty slot */
  guint    bits, used;
} ClassIndex;

/* What the scan needs, flattened. */
typedef struct {
  DkGap             *gap;
  guint              n_comp, n_roles, high;
  guint8             expected[DK_MAX_ROLES][DK_MAX_COMPETENCES];  /* 0: n/a */
  guint8             scope_of[DK_MAX_COMPETENCES];
  DkGroupBy          group_by;
  /* units: for a unit id, the groups it counts in: chain[offset[id]..offset[id+1]) */
  guint             *offset;
  guint             *chain;
  gint64             max_unit;
  /* per-unit counters [unit id * n_scopes + scope] when grouping by unit,
   * else the groups' own cells */
  DkGapCell         *buckets;
  /* DK_GROUP_CLASS: class number → group index, and the groups' cells */
  ClassIndex         class_index;
  GArray            *class_cells;
  DkGapClassFunc     classify;
  gpointer           classify_data;
  const DkContext   *ctx;
  DkPersonSet       *people;   /* DK_GROUP_CLASS: the round's people, or NULL: not collected */
  guint              rows;
  GError           **error;
  gboolean           cancelled;
} Scan;

void
dk_gap_free (DkGap *gap)
{
  if (gap == NULL)
    return;
  g_ptr_array_unref (gap->group_keys);
  g_ptr_array_unref (gap->scope_keys);
  g_free (gap->cells);
  if (gap->classes != NULL)
    g_array_unref (gap->classes);
  g_free (gap);
}

guint dk_gap_n_groups (const DkGap *gap) { return gap->n_groups; }
guint dk_gap_n_scopes (const DkGap *gap) { return gap->n_scopes; }
const char *dk_gap_group_key (const DkGap *gap, guint g) { return g_ptr_array_index (gap->group_keys, g); }
const char *dk_gap_scope_key (const DkGap *gap, guint s) { return g_ptr_array_index (gap->scope_keys, s); }

guint64
dk_gap_group_class (const DkGap *gap, guint group)
{
  return g_array_index (gap->classes, guint64, group);
}

const DkGapCell *
dk_gap_cell (const DkGap *gap, guint group, guint scope)
{
  return &gap->cells[group * gap->n_scopes + scope];
}

static int
find_key (GPtrArray *keys, const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (strcmp (g_ptr_array_index (keys, i), key) == 0)
      return (int) i;
  return -1;
}

int dk_gap_find_group (const DkGap *gap, const char *key) { return find_key (gap->group_keys, key); }
int dk_gap_find_scope (const DkGap *gap, const char *key) { return find_key (gap->scope_keys, key); }

/* ---- sets of people --------------------------------------------------------------------- */

void
dk_person_set_free (DkPersonSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->words);
  g_free (set);
}

static void
person_set_add (DkPersonSet *set, gint64 person)
{
  if (person <= 0)
    return;   /* erased people are anonymous: in no panel */
  guint word = (guint) (person / 64);
  if (word >= set->words->len)
    g_array_set_size (set->words, word + 1);
  g_array_index (set->words, guint64, word) |= G_GUINT64_CONSTANT (1) << (person % 64);
}

gboolean
dk_person_set_contains (const DkPersonSet *set, gint64 person)
{
  guint word = (guint) (person / 64);
  return person > 0 && word < set->words->len
         && (g_array_index (set->words, guint64, word) >> (person % 64)) & 1;
}

static DkPersonSet *
person_set_new (void)
{
  DkPersonSet *set = g_new0 (DkPersonSet, 1);
  set->words = g_array_new (FALSE, TRUE, sizeof (guint64));
  return set;
}

/* Returns the key under which the store keeps ROUND's people (dk_store_memo_keep). */
static char *
people_key (gint64 round)
{
  return g_strdup_printf ("people %" G_GINT64_FORMAT, round);
}

static gboolean
collect_person (gint64 person, gpointer user_data)
{
  person_set_add (user_data, person);
  return TRUE;
}

DkPersonSet *
dk_gap_people_of_round (DkStore *store, const DkRound *round, GError **error)
{
  g_autofree char *key = people_key (round->id);
  gpointer kept = NULL;
  if (!dk_store_memo_lookup (store, key, &kept, error))
    return NULL;
  if (kept != NULL)
    {
      /* the words are not changed once kept: shared, not copied */
      DkPersonSet *shared = g_new0 (DkPersonSet, 1);
      shared->words = g_array_ref (((DkPersonSet *) kept)->words);
      return shared;
    }
  g_autoptr (DkPersonSet) set = person_set_new ();
  if (!dk_store_round_people (store, round->id, collect_person, set, error))
    return NULL;
  return g_steal_pointer (&set);
}

/* ---- set-up ---------------------------------------------------------------------- */

/* Scopes: with DK_SCOPE_ALL, "" counts the competences of the areas that
 * apply to every role and each role-limited area is a scope of its own
 * (docs/metrics.md: such an area is never in the headline). */
static void
setup_scopes (Scan *s, const DkFramework *fw, DkScopeBy scope_by)
{
  GPtrArray *keys = s->gap->scope_keys;
  g_autofree guint8 *scope_of_area = g_new0 (guint8, dk_framework_n_areas (fw) + 1);
  if (scope_by == DK_SCOPE_ALL)
    g_ptr_array_add (keys, g_strdup (""));
  for (guint a = 0; a < dk_framework_n_areas (fw) && scope_by != DK_SCOPE_COMPETENCE; a++)
    {
      const DkArea *area = dk_framework_area (fw, a);
      if (scope_by == DK_SCOPE_ALL && dk_framework_area_for_every_role (fw, area))
        continue;
      scope_of_area[a] = (guint8) keys->len;
      g_ptr_array_add (keys, g_strdup (area->id));
    }
  for (guint c = 0; c < s->n_comp; c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      if (scope_by == DK_SCOPE_COMPETENCE)
        g_ptr_array_add (keys, g_strdup (comp->id));
      s->scope_of[c] = scope_by == DK_SCOPE_COMPETENCE ? (guint8) c : scope_of_area[comp->area->index];
    }
  s->gap->n_scopes = keys->len;
}

static gboolean
in_subtree (const char *path, const char *root)
{
  if (root == NULL)
    return TRUE;
  gsize n = strlen (root);
  return strncmp (path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Units become groups (those under QUERY->unit, down to QUERY->depth), and
 * every unit id gets the list of groups its people count in: itself and its
 * ancestors, where they are groups. */
static gboolean
setup_units (Scan *s, DkStore *store, const DkGapQuery *q, GError **error)
{
  g_autoptr (GPtrArray) units = dk_store_units (store, error);
  if (units == NULL)
    return FALSE;
  guint root_depth = 0;
  gboolean root_found = q->unit == NULL;
  s->max_unit = 0;
  for (guint i = 0; i < units->len; i++)
    {
      DkUnit *u = g_ptr_array_index (units, i);
      s->max_unit = MAX (s->max_unit, u->id);
      if (q->unit != NULL && strcmp (u->path, q->unit) == 0)
        {
          root_found = TRUE;
          root_depth = u->depth - 1;
        }
    }
  if (!root_found)
    {
      g_set_error (error, DK_GAP_ERROR, DK_GAP_ERROR_INVALID,
                   T_ (dk_store_lang (store), "no such unit: '%s'"), q->unit);
      dk_error_set_hint (error, DK_HINT_UNIT_LIST, NULL, NULL);
      return FALSE;
    }
  /* group index of each unit id, or -1 */
  g_autofree int *group_of = g_new (int, s->max_unit + 1);
  g_autofree gint64 *parent_of = g_new0 (gint64, s->max_unit + 1);
  g_autofree gboolean *included = g_new0 (gboolean, s->max_unit + 1);
  for (gint64 id = 0; id <= s->max_unit; id++)
    group_of[id] = -1;
  for (guint i = 0; i < units->len; i++)
    {
      DkUnit *u = g_ptr_array_index (units, i);
      parent_of[u->id] = u->parent;
      included[u->id] = in_subtree (u->path, q->unit);
      if (included[u->id] && (q->depth == 0 || u->depth - root_depth <= q->depth))
        {
          group_of[u->id] = (int) s->gap->group_keys->len;
          g_ptr_array_add (s->gap->group_keys, g_strdup (u->path));
        }
    }
  s->offset = g_new0 (guint, s->max_unit + 2);
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gint64 id = 0; id <= s->max_unit; id++)
    {
      s->offset[id] = chain->len;
      for (gint64 u = id; u != 0 && included[id]; u = parent_of[u])
        if (group_of[u] >= 0)
          g_array_append_val (chain, group_of[u]);
    }
  s->offset[s->max_unit + 1] = chain->len;
  s->chain = (guint *) g_array_free (chain, FALSE);
  return TRUE;
}

/* Flattens FW's expectations and scopes into S. */
static void
setup_framework (Scan *s, const DkFramework *fw, DkScopeBy scope_by)
{
  s->n_comp = dk_framework_n_competences (fw);
  s->n_roles = dk_framework_n_roles (fw);
  s->high = dk_framework_motivation_high (fw);
  for (guint r = 0; r < s->n_roles; r++)
    for (guint c = 0; c < s->n_comp; c++)
      s->expected[r][c] = (guint8) dk_framework_expected (fw, r, c);
  setup_scopes (s, fw, scope_by);
}

static gboolean
setup_groups (Scan *s, DkStore *store, const DkFramework *fw, const DkGapQuery *q,
              GError **error)
{
  GPtrArray *keys = s->gap->group_keys;
  switch (q->group_by)
    {
    case DK_GROUP_ORGANISATION:
      g_ptr_array_add (keys, g_strdup (""));
      break;
    case DK_GROUP_ROLE:
      for (guint r = 0; r < s->n_roles; r++)
        g_ptr_array_add (keys, g_strdup (dk_framework_role (fw, r)->id));
      break;
    case DK_GROUP_GENDER:
      for (guint g = 0; g < DK_N_GENDERS; g++)
        g_ptr_array_add (keys, g_strdup (dk_gender_code ((DkGender) g)));
      break;
    case DK_GROUP_UNIT:
      if (!setup_units (s, store, q, error))
        return FALSE;
      break;
    case DK_GROUP_CLASS:
      break;   /* the groups come with the scan */
    }
  /* A unit filter applies to every grouping, not only to units. */
  if (q->unit != NULL && q->group_by != DK_GROUP_UNIT)
    {
      g_autoptr (GPtrArray) saved = g_steal_pointer (&s->gap->group_keys);
      s->gap->group_keys = g_ptr_array_new_with_free_func (g_free);
      DkGapQuery flat = { .unit = q->unit, .depth = 1 };
      if (!setup_units (s, store, &flat, error))
        return FALSE;
      g_ptr_array_unref (s->gap->group_keys);
      s->gap->group_keys = g_steal_pointer (&saved);
    }
  s->gap->n_groups = s->gap->group_keys->len;
  return TRUE;
}

/* ---- the scan ------------------------------------------------------------------------ */

static inline void
cell_add (DkGapCell *dst, const DkGapCell *src)
{
  dst->people += src->people;
  dst->people_level += src->people_level;
  dst->people_need += src->people_need;
  dst->people_answered += src->people_answered;
  dst->people_motivation += src->people_motivation;
  dst->people_conversation += src->people_conversation;
  dst->pairs_registered += src->pairs_registered;
  dst->pairs_answered += src->pairs_answered;
  dst->pairs_dont_know += src->pairs_dont_know;
  dst->pairs_level += src->pairs_level;
  dst->pairs_need += src->pairs_need;
  dst->motivation_answers += src->motivation_answers;
  dst->motivation_high += src->motivation_high;
  dst->level_sum += src->level_sum;
}

/* Counts one person's pairs per scope into LOCAL (its people_* counters
 * stay 0: cell_add_person derives them). */
static void
count_person (const Scan *s, const DkScanRow *row, DkGapCell *local)
{
  const guint8 *expected = s->expected[row->role];
  gboolean shared = (row->flags & DK_ASSESS_SHARED) != 0;
  guint n = MIN (row->n, s->n_comp);
  for (guint c = 0; c < n; c++)
    {
      if (expected[c] == 0)
        continue;
      DkGapCell *l = &local[s->scope_of[c]];
      l->pairs_registered++;
      if (!shared)
        continue;
      guint8 self = row->self[c], manager = row->manager[c], mot = row->motivation[c];
      if (self != DK_LEVEL_NONE || manager != DK_LEVEL_NONE)
        l->pairs_answered++;
      guint eff = dk_gap_effective (self, manager);
      if (eff != 0)
        {
          l->pairs_level++;
          l->level_sum += eff;
          l->pairs_need += expected[c] > eff;
        }
      else if (self == DK_LEVEL_DONT_KNOW)
        l->pairs_dont_know++;
      if (mot != DK_LEVEL_NONE)
        {
          l->motivation_answers++;
          l->motivation_high += mot >= s->high;
        }
    }
}

/* Adds one person's pairs in a scope (PERSON, from count_person) to DST,
 * and the person to the people counters their pairs qualify for. */
static inline void
cell_add_person (DkGapCell *dst, const DkGapCell *person, gboolean talked)
{
  dst->people++;
  dst->people_level += person->pairs_level > 0;
  dst->people_need += person->pairs_need > 0;
  dst->people_answered += person->pairs_answered > 0;
  dst->people_motivation += person->motivation_answers > 0;
  dst->people_conversation += talked;
  dst->pairs_registered += person->pairs_registered;
  dst->pairs_answered += person->pairs_answered;
  dst->pairs_dont_know += person->pairs_dont_know;
  dst->pairs_level += person->pairs_level;
  dst->pairs_need += person->pairs_need;
  dst->motivation_answers += person->motivation_answers;
  dst->motivation_high += person->motivation_high;
  dst->level_sum += person->level_sum;
}

/* Returns the slot of CODE in X: where it is, or the empty one where it
 * would go. */
static inline guint
class_slot (const ClassIndex *x, guint64 code)
{
  guint mask = (1u << x->bits) - 1;
  guint i = (guint) ((code * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - x->bits));
  while (x->groups[i] != G_MAXUINT && x->codes[i] != code)
    i = (i + 1) & mask;
  return i;
}

/* Makes X empty, with 2^BITS slots. */
static void
class_index_init (ClassIndex *x, guint bits)
{
  x->bits = bits;
  x->used = 0;
  x->codes = g_new (guint64, 1u << bits);
  x->groups = g_new (guint, 1u << bits);
  memset (x->groups, 0xFF, sizeof (guint) << bits);
}

static void
class_index_clear (ClassIndex *x)
{
  g_clear_pointer (&x->codes, g_free);
  g_clear_pointer (&x->groups, g_free);
}

/* Adds CODE as GROUP to X (CODE not in it), doubling X when half full. */
static void
class_index_add (ClassIndex *x, guint64 code, guint group)
{
  if (2 * (x->used + 1) > (1u << x->bits))
    {
      ClassIndex old = *x;
      class_index_init (x, old.bits + 1);
      for (guint i = 0; i < (1u << old.bits); i++)
        if (old.groups[i] != G_MAXUINT)
          class_index_add (x, old.codes[i], old.groups[i]);
      class_index_clear (&old);
    }
  guint i = class_slot (x, code);
  x->codes[i] = code;
  x->groups[i] = group;
  x->used++;
}

/* Returns the group of class CODE, adding it when it is new. */
static guint
class_bucket (Scan *s, guint64 code)
{
  guint found = s->class_index.groups[class_slot (&s->class_index, code)];
  if (found != G_MAXUINT)
    return found;
  guint group = s->gap->classes->len;
  g_array_append_val (s->gap->classes, code);
  g_ptr_array_add (s->gap->group_keys, g_strdup_printf ("%" G_GUINT64_FORMAT, code));
  class_index_add (&s->class_index, code, group);
  g_array_set_size (s->class_cells, (group + 1) * s->gap->n_scopes);
  s->buckets = (DkGapCell *) (void *) s->class_cells->data;
  return group;
}

/* Returns the bucket ROW's person counts in, or -1 when the query leaves
 * them out (a unit outside its filter). */
static int
bucket_of (Scan *s, const DkScanRow *row)
{
  if (s->chain != NULL
      && (row->unit_id < 0 || row->unit_id > s->max_unit
          || s->offset[row->unit_id + 1] == s->offset[row->unit_id]))
    return -1;
  switch (s->group_by)
    {
    case DK_GROUP_ORGANISATION: return 0;
    case DK_GROUP_ROLE:         return (int) row->role;
    case DK_GROUP_GENDER:       return row->gender < DK_N_GENDERS ? (int) row->gender : 0;
    case DK_GROUP_UNIT:         return (int) row->unit_id;
    case DK_GROUP_CLASS:        return (int) class_bucket (s, s->classify (row, s->classify_data));
    }
  g_return_val_if_reached (-1);
}

static gboolean
scan_row (const DkScanRow *row, gpointer user_data)
{
  Scan *s = user_data;
  /* asked every 256 rows: a million rows cost a few thousand questions */
  if ((s->rows++ & 255) == 0 && dk_context_cancelled (s->ctx, s->error))
    {
      s->cancelled = TRUE;
      return FALSE;
    }
  if (s->people != NULL)
    person_set_add (s->people, row->person_id);
  if (row->role >= s->n_roles)
    return TRUE;
  int bucket = bucket_of (s, row);
  if (bucket < 0)
    return TRUE;
  guint n_scopes = s->gap->n_scopes;
  /* at most one scope per competence, or all competences and one per
   * role-limited area (an area has at least one competence) */
  DkGapCell local[DK_MAX_COMPETENCES + 1];
  memset (local, 0, sizeof (DkGapCell) * n_scopes);
  count_person (s, row, local);
  gboolean talked = (row->flags & DK_ASSESS_SHARED) && (row->flags & DK_ASSESS_CONVERSATION);
  DkGapCell *cells = &s->buckets[(guint) bucket * n_scopes];
  for (guint i = 0; i < n_scopes; i++)
    if (local[i].pairs_registered > 0)   /* else the person has no pair in the scope */
      cell_add_person (&cells[i], &local[i], talked);
  return TRUE;
}

/* Adds each unit's bucket to the groups the unit counts in. */
static void
units_to_groups (const Scan *s)
{
  guint n_scopes = s->gap->n_scopes;
  for (gint64 id = 0; id <= s->max_unit; id++)
    for (guint k = s->offset[id]; k < s->offset[id + 1]; k++)
      for (guint i = 0; i < n_scopes; i++)
        cell_add (&s->gap->cells[s->chain[k] * n_scopes + i], &s->buckets[id * n_scopes + i]);
}

/* The scan of DK_GROUP_CLASS: groups are made as their people come.  It
 * also keeps the round's people with the store (people_key), unless kept
 * already: the pattern of another round, which protects its panel with
 * this one, reads them there, as a comparison's second pattern does. */
static gboolean
compute_classes (Scan *s, DkStore *store, const DkRound *round, GError **error)
{
  g_autofree char *key = people_key (round->id);
  gpointer kept = NULL;
  if (!dk_store_memo_lookup (store, key, &kept, error))
    return FALSE;
  s->people = kept == NULL ? person_set_new () : NULL;
  s->gap->classes = g_array_new (FALSE, FALSE, sizeof (guint64));
  class_index_init (&s->class_index, 10);
  s->class_cells = g_array_new (FALSE, TRUE, sizeof (DkGapCell));
  gboolean ok = dk_store_round_scan (store, round->id, DK_SCAN_ALL | DK_SCAN_MANAGER, scan_row, s, error)
                && !s->cancelled;
  if (ok && s->people != NULL)
    dk_store_memo_keep (store, key, g_steal_pointer (&s->people), (GDestroyNotify) dk_person_set_free);
  g_clear_pointer (&s->people, dk_person_set_free);
  class_index_clear (&s->class_index);
  s->gap->n_groups = s->gap->classes->len;
  s->gap->cells = (DkGapCell *) (void *) g_array_free (s->class_cells, FALSE);
  return ok;
}

/* Returns a new, empty result of QUERY's groups and scopes, with S set up
 * for it; NULL with ERROR on a bad query or a store failure. */
static DkGap *
gap_setup (Scan *s, DkStore *store, const DkFramework *fw, const DkGapQuery *query, GError **error)
{
  g_autoptr (DkGap) gap = g_new0 (DkGap, 1);
  gap->group_keys = g_ptr_array_new_with_free_func (g_free);
  gap->scope_keys = g_ptr_array_new_with_free_func (g_free);
  *s = (Scan) { .gap = gap, .group_by = query->group_by, .ctx = query->ctx,
                .classify = query->classify, .classify_data = query->classify_data, .error = error };
  setup_framework (s, fw, query->scope_by);
  if (!setup_groups (s, store, fw, query, error))
    {
      s->gap = NULL;   /* freed on return: gap_finish must not read it */
      return NULL;
    }
  if (query->group_by != DK_GROUP_CLASS)
    {
      gap->cells = g_new0 (DkGapCell, (gsize) gap->n_groups * gap->n_scopes);
      s->buckets = query->group_by == DK_GROUP_UNIT
                   ? g_new0 (DkGapCell, (gsize) (s->max_unit + 1) * gap->n_scopes) : gap->cells;
    }
  return g_steal_pointer (&gap);
}

/* Adds the units' buckets to their groups, and frees what S holds. */
static void
gap_finish (Scan *s, gboolean ok)
{
  if (s->group_by == DK_GROUP_UNIT && s->gap != NULL)
    {
      if (ok)
        units_to_groups (s);
      g_free (s->buckets);
    }
  g_free (s->offset);
  g_free (s->chain);
}

DkGap *
dk_gap_compute (DkStore *store, const DkRound *round, const DkFramework *fw,
                const DkGapQuery *query, GError **error)
{
  Scan s;
  g_autoptr (DkGap) gap = gap_setup (&s, store, fw, query, error);
  gboolean ok = gap != NULL;
  if (ok && query->group_by == DK_GROUP_CLASS)
    ok = compute_classes (&s, store, round, error);
  else if (ok)
    {
      DkScanColumns columns = query->group_by == DK_GROUP_GENDER ? DK_SCAN_GENDER : 0;
      ok = dk_store_round_scan (store, round->id, columns, scan_row, &s, error) && !s.cancelled;
    }
  gap_finish (&s, ok);
  return ok ? g_steal_pointer (&gap) : NULL;
}

DkGap *
dk_gap_regroup (DkStore *store, const DkFramework *fw, const DkGap *classes, const DkGapQuery *query,
                DkGapClassDescribe describe, gpointer data, GError **error)
{
  g_return_val_if_fail (query->group_by != DK_GROUP_CLASS, NULL);
  Scan s;
  g_autoptr (DkGap) gap = gap_setup (&s, store, fw, query, error);
  if (gap == NULL)
    {
      gap_finish (&s, FALSE);
      return NULL;
    }
  g_return_val_if_fail (gap->n_scopes == classes->n_scopes, NULL);
  for (guint c = 0; c < classes->n_groups; c++)
    {
      DkScanRow row = { 0 };
      if (!describe (dk_gap_group_class (classes, c), data, &row.unit_id, &row.role, &row.gender))
        continue;
      int bucket = bucket_of (&s, &row);
      for (guint i = 0; bucket >= 0 && i < gap->n_scopes; i++)
        cell_add (&s.buckets[(guint) bucket * gap->n_scopes + i], dk_gap_cell (classes, c, i));
    }
  gap_finish (&s, TRUE);
  return g_steal_pointer (&gap);
}

DkGap *
dk_gap_compute_people (const DkFramework *fw, GPtrArray *assessments, DkScopeBy scope_by)
{
  DkGap *gap = g_new0 (DkGap, 1);
  gap->group_keys = g_ptr_array_new_with_free_func (g_free);
  gap->scope_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (gap->group_keys, g_strdup (""));
  gap->n_groups = 1;
  Scan s = { .gap = gap, .group_by = DK_GROUP_ORGANISATION };
  setup_framework (&s, fw, scope_by);
  gap->cells = s.buckets = g_new0 (DkGapCell, gap->n_scopes);
  for (guint i = 0; i < assessments->len; i++)
    {
      const DkAssessment *a = assessments->pdata[i];
      DkScanRow row = { .person_id = a->person_id, .unit_id = a->unit_id, .role = a->role,
                        .gender = a->gender, .flags = a->flags, .n = a->n, .self = a->self,
                        .manager = a->manager, .motivation = a->motivation };
      scan_row (&row, &s);
    }
  return gap;
}

/* ---- metrics ------------------------------------------------------------------------ */

gboolean
dk_gap_metric (const DkGapCell *c, DkMetric metric, guint min_group, double *value,
               gboolean *suppressed)
{
  guint32 people, num;
  guint64 den;
  switch (metric)
    {
    case DK_METRIC_SHARE_WITH_NEEDS: people = c->people_level; num = c->people_need; den = c->people_level; break;
    case DK_METRIC_SHARE_OF_NEEDS:   people = c->people_level; num = c->pairs_need; den = c->pairs_level; break;
    case DK_METRIC_AVERAGE:          people = c->people_level; num = 0; den = c->pairs_level; break;
    case DK_METRIC_HIGH_MOTIVATION:  people = c->people_motivation; num = c->motivation_high; den = c->motivation_answers; break;
    case DK_METRIC_DONT_KNOW:        people = c->people_answered; num = c->pairs_dont_know; den = c->pairs_answered; break;
    case DK_METRIC_RESPONSE:         people = c->people; num = c->pairs_answered; den = c->pairs_registered; break;
    case DK_METRIC_CONVERSATION:     people = c->people; num = c->people_conversation; den = c->people; break;
    default: g_return_val_if_reached (FALSE);
    }
  *suppressed = people > 0 && people < min_group;
  if (people < min_group || den == 0)
    return FALSE;
  *value = metric == DK_METRIC_AVERAGE ? (double) c->level_sum / (double) den
                                       : (double) num / (double) den;
  return TRUE;
}

/* ---- one person ---------------------------------------------------------------------------- */

DkPersonGap *
dk_gap_person (const DkFramework *fw, const DkAssessment *a, gboolean show_unshared)
{
  guint n = dk_framework_n_competences (fw);
  gboolean visible = show_unshared || (a->flags & DK_ASSESS_SHARED);
  DkPersonGap *out = g_new0 (DkPersonGap, n);
  for (guint c = 0; c < n; c++)
    {
      DkPersonGap *p = &out[c];
      p->competence = dk_framework_competence (fw, c);
      p->applies = a->role < dk_framework_n_roles (fw) && dk_framework_applies (fw, a->role, c);
      if (!p->applies || c >= a->n)
        continue;
      p->expected = dk_framework_expected (fw, a->role, c);
      p->self = visible ? a->self[c] : DK_LEVEL_NONE;
      p->manager = a->manager[c];
      p->motivation = visible ? a->motivation[c] : 0;
      p->effective = dk_gap_effective (p->self, p->manager);
      p->gap = p->effective != 0 ? (int) p->expected - (int) p->effective : 0;
    }
  return out;
}
