/*
 * views-config.c — the effective settings and where each came from.
 */
#include "views-config.h"

static void
add_setting (DkTable *t, const DkSettingShown *s, DkLang lang)
{
  guint row = dk_table_add_row (t);
  dk_table_set_text (t, row, 0, s->name);
  dk_table_set_text (t, row, 1, s->value != NULL ? s->value : T_ (lang, s->unset));
  g_autofree char *from = NULL;
  switch (s->source)
    {
    case DK_SETTING_OPTION:      from = g_strdup_printf (T_ (lang, "option %s"), s->origin); break;
    case DK_SETTING_ENVIRONMENT: from = g_strdup_printf (T_ (lang, "environment %s"), s->origin); break;
    case DK_SETTING_CONFIG:      from = g_strdup_printf (T_ (lang, "config file %s"), s->origin); break;
    case DK_SETTING_DEFAULT:     from = g_strdup (T_ (lang, "default")); break;
    }
  dk_table_set_text (t, row, 2, from);
}

DkReport *
dk_view_settings (const DkSettingShown *settings, guint n, const char *path, gboolean exists, DkLang lang)
{
  DkReport *report = dk_report_new (T_ (lang, "Settings"), lang);
  DkTable *t = dk_table_new ("settings", NULL);
  dk_table_add_column (t, "setting", T_ (lang, "Setting"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "value", T_ (lang, "Value"), DK_COLUMN_TEXT);
  dk_table_add_column (t, "from", T_ (lang, "From"), DK_COLUMN_TEXT);
  for (guint i = 0; i < n; i++)
    add_setting (t, &settings[i], lang);
  g_autofree char *note = g_strdup_printf (exists ? T_ (lang, "Configuration file: %s")
                                                  : T_ (lang, "Configuration file: %s (none)"), path);
  dk_report_add_note (report, note);
  dk_report_add_table (report, t);
  return report;
}
