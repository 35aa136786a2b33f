/*
 * framework.c — `digikomp framework validate|show`.
 */
#include "cli.h"
#include "framework.h"
#include "report-model.h"

#include <stdio.h>
#include <string.h>

static int
framework_validate (int argc, char **argv)
{
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "framework validate", "FILE...",
      _("Checks framework files against the schema and their references; prints a\n"
        "summary line for each valid file and every error of an invalid one."),
      NULL, NULL);
  if (!cli_parse (ctx, &argc, &argv, NULL))
    return CLI_USAGE;
  if (argc < 2)
    return cli_usage_error (_("usage: digikomp framework validate FILE..."));
  int rc = CLI_OK;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DkFramework) fw = dk_framework_load (argv[i], &error);
      if (fw == NULL)
        {
          int r = cli_fail (_("invalid framework"), error);
          rc = MAX (rc, r);
          continue;
        }
      const DkScale *scale = dk_framework_scale (fw);
      printf (_("%s: valid: %s version %s, %u areas, %u competences, %u roles, scale %u–%u\n"),
              argv[i], dk_framework_id (fw), dk_framework_version (fw), dk_framework_n_areas (fw),
              dk_framework_n_competences (fw), dk_framework_n_roles (fw), scale->min, scale->max);
    }
  return rc;
}

static DkTable *
competence_table (const DkFramework *fw, DkLang lang)
{
  DkTable *t = dk_table_new ("competences", _("Competences"));
  dk_table_add_column (t, "area", _("Area"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "area_title", _("Area title"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "competence", _("Competence"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "title", _("Title"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "digcomp", _("DigComp 2.2"), DK_COLUMN_TEXT);
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      g_autofree char *refs = g_strjoinv (" ", comp->digcomp);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, comp->area->id);
      dk_table_set_text (t, row, 1, dk_area_title (comp->area, lang));
      dk_table_set_text (t, row, 2, comp->id);
      dk_table_set_text (t, row, 3, dk_competence_title (comp, lang));
      dk_table_set_text (t, row, 4, refs);
    }
  return t;
}

/* The role × competence matrix of expected levels, "–" where a competence
 * does not apply to a role. */
static DkTable *
expectation_table (const DkFramework *fw, DkLang lang)
{
  DkTable *t = dk_table_new ("expectations", _("Expected level per role"));
  dk_table_add_column (t, "competence", _("Competence"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "title", _("Title"), DK_COLUMN_TEXT);
  for (guint r = 0; r < dk_framework_n_roles (fw); r++)
    {
      const DkRole *role = dk_framework_role (fw, r);
      dk_table_add_column (t, role->id, dk_role_title (role, lang), DK_COLUMN_INTEGER);
    }
  for (guint c = 0; c < dk_framework_n_competences (fw); c++)
    {
      const DkCompetence *comp = dk_framework_competence (fw, c);
      guint row = dk_table_add_row (t);
      dk_table_set_text (t, row, 0, comp->id);
      dk_table_set_text (t, row, 1, dk_competence_title (comp, lang));
      for (guint r = 0; r < dk_framework_n_roles (fw); r++)
        if (dk_framework_applies (fw, r, c))
          dk_table_set_number (t, row, 2 + r, dk_framework_expected (fw, r, c));
        else
          dk_table_set_text (t, row, 2 + r, "–");
    }
  return t;
}

static DkTable *
scale_table (const DkFramework *fw, DkLang lang)
{
  const DkScale *s = dk_framework_scale (fw);
  DkTable *t = dk_table_new ("scale", _("Scale"));
  dk_table_add_column (t, "level", _("Level"), DK_COLUMN_INTEGER);
  dk_table_add_column (t, "label", _("Label"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "descriptor", _("Descriptor"), DK_COLUMN_TEXT);
  for (guint l = s->min; l <= s->max; l++)
    {
      guint row = dk_table_add_row (t);
      dk_table_set_number (t, row, 0, l);
      dk_table_set_text (t, row, 1, dk_scale_label (s, l, lang));
      dk_table_set_text (t, row, 2, dk_scale_descriptor (s, l, lang));
    }
  return t;
}

static int
framework_show (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "framework show", "FILE",
      _("Shows a framework: its scale, areas and competences, and the expected level of\n"
        "each role on each competence (– where it does not apply)."),
      NULL, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp framework show FILE [--lang sv|en] [--format FORMAT]"));
  else
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DkFramework) fw = dk_framework_load (argv[1], &error);
      if (fw == NULL)
        rc = cli_fail (_("invalid framework"), error);
      else
        {
          g_autofree char *title = g_strdup_printf ("%s (%s %s)", dk_framework_title (fw, common.lang),
                                                    dk_framework_id (fw), dk_framework_version (fw));
          g_autoptr (DkReport) report = dk_report_new (title, common.lang);
          dk_report_add_table (report, scale_table (fw, common.lang));
          dk_report_add_table (report, competence_table (fw, common.lang));
          dk_report_add_table (report, expectation_table (fw, common.lang));
          g_autofree char *note = g_strdup_printf (_("High motivation: %u or more on %u–%u."),
                                                   dk_framework_motivation_high (fw),
                                                   dk_framework_motivation_scale (fw)->min,
                                                   dk_framework_motivation_scale (fw)->max);
          dk_report_add_note (report, note);
          rc = cli_emit_report (report, &common);
        }
    }
  cli_common_clear (&common);
  return rc;
}

int
cmd_framework (int argc, char **argv)
{
  static const CliCommand subs[] = {
    { "validate", framework_validate, N_("Check framework files") },
    { "show", framework_show, N_("Show a framework's competences and expected levels") },
    { NULL, NULL, NULL }
  };
  return cli_dispatch ("framework", subs, argc, argv);
}
