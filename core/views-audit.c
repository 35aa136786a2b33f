/*
 * views-audit.c — the audit log as a report (views-audit.h).
 */
#include "views-audit.h"
#include "enum.h"
#include "person-data.h"

#include <string.h>

/* Every entity dk_store_audit is called with, as stored; each is also the
 * English word for one row's "What" (entity_word). */
static const char *const kinds[] = { N_("rating"), N_("plan"), N_("person"), N_("account"), N_("round"),
                                     N_("participation"), N_("catalogue"), N_("framework") };
static const char *const kind_words[] = { N_("ratings"), N_("plans"), N_("people"), N_("accounts"),
                                          N_("rounds"), N_("participation"), N_("the catalogue"),
                                          N_("frameworks") };

const char *const *
dk_audit_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

const char *
dk_audit_kind_word (const char *kind, DkLang lang)
{
  int i = dk_enum_index (kinds, G_N_ELEMENTS (kinds), kind);
  return i >= 0 ? T_ (lang, kind_words[i]) : kind;
}

/* Returns ENTITY, one row's kind, in LANG's words (one of them: "rating"),
 * anything else as it is.  Static or ENTITY. */
static const char *
entity_word (const char *entity, DkLang lang)
{
  return dk_enum_index (kinds, G_N_ELEMENTS (kinds), entity) >= 0 ? T_ (lang, entity) : entity;
}

/* Every field dk_store_audit is called with that names no competence or
 * item, as stored; each is also its English word (field_word). */
static const char *const fields[] = {
  N_("added"), N_("name"), N_("email"), N_("unit"), N_("role"), N_("manager"), N_("gender"),
  N_("active"), N_("active_from"), N_("active_to"), N_("erased"), N_("created"), N_("item added"),
  N_("agreed"), N_("reopened"), N_("follow-up"), N_("suggested for all"), N_("activity"),
  N_("account"), N_("password"), N_("grant"), N_("disabled"), N_("lang"), N_("sign-in"),
  N_("sign-out"), N_("invitation"), N_("state"), N_("shared"), N_("conversation"), N_("import"),
  N_("registered")
};

/* The fields that name a competence or a plan's item after one word
 * ("self 1.1", "item 2"), that word with a space, and the field's English
 * words as a format of what follows. */
static const struct { const char *word, *format; } named_fields[] = {
  { "self ", N_("self %s") }, { "motivation ", N_("motivation %s") },
  { "manager ", N_("manager %s") }, { "item ", N_("item %s") },
};

/* Returns FIELD, one row's field, in LANG's words ("self 1.1"), anything
 * else as it is.  Caller frees. */
static char *
field_word (const char *field, DkLang lang)
{
  if (field == NULL)
    return NULL;
  if (dk_enum_index (fields, G_N_ELEMENTS (fields), field) >= 0)
    return g_strdup (T_ (lang, field));
  for (guint i = 0; i < G_N_ELEMENTS (named_fields); i++)
    if (g_str_has_prefix (field, named_fields[i].word))
      return g_strdup_printf (T_ (lang, named_fields[i].format), field + strlen (named_fields[i].word));
  return g_strdup (field);
}

/* Returns VALUE with the marker of an entry from paper (DK_ENTERED_FROM_PAPER)
 * in LANG's words, "3 (from paper)"; NULL when it has none.  Caller frees. */
static char *
paper_in_words (const char *value, DkLang lang)
{
  static const char marker[] = " (" DK_ENTERED_FROM_PAPER ")";
  if (value == NULL || !g_str_has_suffix (value, marker))
    return NULL;
  return g_strdup_printf ("%.*s (%s)", (int) (strlen (value) - strlen (marker)), value,
                          T_ (lang, "from paper"));
}

DkReport *
dk_view_audit (DkStore *store, const DkAuditFilter *filter, gboolean stored_forms, gboolean *more,
               DkLang lang, GError **error)
{
  g_autoptr (GPtrArray) rows = dk_audit_for_others (store, filter, more, lang, error);
  if (rows == NULL)
    return NULL;
  g_autofree char *title = filter->person != NULL ? g_strdup_printf (T_ (lang, "Changes about %s"), filter->person)
                                                  : g_strdup (T_ (lang, "Audit log"));
  DkReport *report = dk_report_new (title, lang);
  /* a person's own listing needs no column naming them */
  gboolean everyone = filter->person == NULL;
  DkTable *t = dk_table_new ("audit", filter->newest_first ? T_ (lang, "Changes, newest first") : NULL);
  enum { PERSON_COLUMN = 2 };
  const char *keys[] = { "at", "by", "person", "what", "round", "field", "old", "new" };
  const char *labels[] = { N_("When"), N_("By"), N_("Person"), N_("What"), N_("Round"), N_("Field"),
                           N_("Old"), N_("New") };
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (everyone || i != PERSON_COLUMN)
      dk_table_add_column (t, keys[i], T_ (lang, labels[i]), DK_COLUMN_TEXT);
  for (guint i = 0; i < rows->len; i++)
    {
      const DkAuditRow *a = g_ptr_array_index (rows, i);
      const char *by = stored_forms ? a->actor : dk_actor_word (a->actor, lang);
      const char *what = stored_forms ? a->entity : entity_word (a->entity, lang);
      g_autofree char *paper = stored_forms ? NULL : paper_in_words (a->new_value, lang);
      g_autofree char *field = stored_forms ? g_strdup (a->field) : field_word (a->field, lang);
      const char *v[] = { a->at, by, a->person, what, a->round, field, a->old_value,
                          paper != NULL ? paper : a->new_value };
      guint row = dk_table_add_row (t), col = 0;
      for (guint c = 0; c < G_N_ELEMENTS (v); c++)
        if (everyone || c != PERSON_COLUMN)
          dk_table_set_text (t, row, col++, v[c]);
    }
  dk_report_add_table (report, t);
  return report;
}
