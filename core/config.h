/*
 * config.h — the user's configuration file, config.ini (a GKeyFile):
 *
 *   [digikomp]
 *   db = /srv/kompetens/kultur.db
 *   lang = sv
 *   min-group = 5
 *   round = 2026
 *
 *   [web]
 *   listen = 127.0.0.1:8080
 *   public-url = https://kompetens.example.se/
 *   trust-header = X-Remote-User
 *   trusted-proxy = 127.0.0.1
 *
 * Every key is optional.  This module only reads and checks the file; which
 * setting wins (option, environment, file, default) is decided by cli/.
 */
#ifndef DK_CONFIG_H
#define DK_CONFIG_H

#include "dk.h"

#define DK_CONFIG_ERROR (dk_config_error_quark ())
GQuark dk_config_error_quark (void);

typedef enum {
  DK_CONFIG_ERROR_INVALID,   /* the file is malformed: "FILE:LINE: what" (exit 3) */
  DK_CONFIG_ERROR_READ,      /* the file exists but cannot be read */
} DkConfigError;

typedef struct {
  char *path;       /* the file the settings came from; NULL when there was none */
  char *db;         /* the store; NULL when not set */
  char *lang;       /* "sv" or "en"; NULL when not set */
  int   min_group;  /* at least DK_GAP_MIN_GROUP_FLOOR; 0 when not set */
  char *round;      /* the default round's id; NULL when not set */
  /* [web]: `digikomp serve`'s settings; NULL when not set */
  char *listen;
  char *public_url;
  char *trust_header;
  char *trusted_proxy;
} DkConfig;

/* The largest configuration file read. */
#define DK_CONFIG_MAX_BYTES (64 * 1024)

void dk_config_free (DkConfig *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkConfig, dk_config_free)

/* Returns where the configuration file is looked for:
 * $XDG_CONFIG_HOME/digikomp/config.ini, else ~/.config/digikomp/config.ini
 * (g_get_user_config_dir).  The caller frees it. */
char *dk_config_default_path (void);

/* Parses LEN bytes of DATA, the contents of the file NAME (used in errors),
 * after a UTF-8 BOM if there is one.  Returns a new DkConfig (path = NAME),
 * or NULL with every problem of the file in ERROR (DK_CONFIG_ERROR_INVALID),
 * one "NAME:LINE: what" per line: a line that is no group, key or comment,
 * an unknown group or key, a group or a key (in one group) given twice, a
 * bad value.  The messages are in LANG. */
DkConfig *dk_config_parse (const char *name, const char *data, gsize len, DkLang lang, GError **error);

/* Reads and parses the file PATH.  A missing file is no error: it gives an
 * empty DkConfig whose path is NULL.  Returns NULL with ERROR set when the
 * file cannot be read (READ), or is malformed, not a regular file (a FIFO is
 * refused at once, not waited on) or larger than DK_CONFIG_MAX_BYTES
 * (INVALID).  The messages are in LANG. */
DkConfig *dk_config_load (const char *path, DkLang lang, GError **error);

#endif
