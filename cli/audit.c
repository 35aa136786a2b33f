/*
 * audit.c — `digikomp audit`: every recorded change about a person.
 */
#include "cli.h"
#include "person-data.h"
#include "report-model.h"

int
cmd_audit (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "audit", "PERSON", _("Lists every recorded change about PERSON: who, when, what, old and new."),
      NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp audit PERSON"));
  else
    {
      g_autoptr (DkStore) store = cli_store_open (&common, FALSE);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) rows = store ? dk_person_audit_for_others (store, argv[1], common.lang, &error) : NULL;
      if (store == NULL)
        rc = CLI_FAILED;
      else if (rows == NULL)
        rc = cli_fail (_("cannot read the audit log"), error);
      else
        {
          g_autofree char *title = g_strdup_printf (_("Changes about %s"), argv[1]);
          g_autoptr (DkReport) report = dk_report_new (title, common.lang);
          /* who acted in the reader's words, but JSON keeps the stored code for programs */
          gboolean words = g_strcmp0 (common.format, "json") != 0;
          DkTable *t = dk_table_new ("audit", NULL);
          const char *keys[] = { "at", "by", "what", "round", "field", "old", "new" };
          const char *labels[] = { N_("When"), N_("By"), N_("What"), N_("Round"), N_("Field"), N_("Old"), N_("New") };
          for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
            dk_table_add_column (t, keys[i], _(labels[i]), DK_COLUMN_TEXT);
          for (guint i = 0; i < rows->len; i++)
            {
              DkAuditRow *a = g_ptr_array_index (rows, i);
              const char *by = words ? dk_actor_word (a->actor, common.lang) : a->actor;
              const char *v[] = { a->at, by, a->entity, a->round, a->field, a->old_value, a->new_value };
              guint row = dk_table_add_row (t);
              for (guint c = 0; c < G_N_ELEMENTS (v); c++)
                dk_table_set_text (t, row, c, v[c]);
            }
          dk_report_add_table (report, t);
          rc = cli_emit_report (report, &common);
        }
    }
  cli_common_clear (&common);
  return rc;
}
