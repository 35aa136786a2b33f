/*
 * views-config.h — the effective settings as a DkReport: each setting, its
 * value and where it came from.  What `digikomp config show` renders; the
 * caller resolves the settings (the command line from its options, the
 * environment and config.ini).
 */
#ifndef DK_VIEWS_CONFIG_H
#define DK_VIEWS_CONFIG_H

#include "report-model.h"

/* Where a setting came from, in order of precedence, lowest first. */
typedef enum {
  DK_SETTING_DEFAULT,
  DK_SETTING_CONFIG,
  DK_SETTING_ENVIRONMENT,
  DK_SETTING_OPTION,
} DkSettingSource;

typedef struct {
  const char     *name;     /* "db", "web.listen" … */
  const char     *value;    /* NULL: not set */
  const char     *unset;    /* the msgid shown when VALUE is NULL (N_()) */
  DkSettingSource source;
  const char     *origin;   /* the option, variable or file; NULL for the default */
} DkSettingShown;

/* Returns the N SETTINGS as one table (setting, value, from) in LANG, with a
 * note naming the configuration file PATH and, unless EXISTS, that there is
 * none.  Caller frees; SETTINGS stay the caller's.  Thread-safe. */
DkReport *dk_view_settings (const DkSettingShown *settings, guint n, const char *path, gboolean exists,
                            DkLang lang);

#endif
