/*
 * config.c — reading and checking config.ini (see config.h).
 *
 * GKeyFile reads the file but does not say on which line a problem is, so
 * the line of a bad line, group or key is found by scanning the text: users
 * get "config.ini:3: what is wrong" like every other reader's errors.
 */
#include "config.h"
#include "errors.h"
#include "gap.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (dk-config-error-quark, dk_config_error)

#define GROUP "digikomp"
#define WEB_GROUP "web"

static const char *const keys[] = { "db", "lang", "min-group", "round" };
static const char *const web_keys[] = { "listen", "public-url", "trust-header", "trusted-proxy" };

void
dk_config_free (DkConfig *c)
{
  if (c == NULL)
    return;
  g_free (c->path);
  g_free (c->db);
  g_free (c->lang);
  g_free (c->round);
  g_free (c->listen);
  g_free (c->public_url);
  g_free (c->trust_header);
  g_free (c->trusted_proxy);
  g_free (c);
}

char *
dk_config_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "digikomp", "config.ini", NULL);
}

/* What a line of a key file is, as GKeyFile sees it. */
typedef enum { LINE_BLANK, LINE_GROUP, LINE_KEY, LINE_BAD } LineKind;

/* Returns the kind of LINE; *NAME gets the group or key name (caller frees). */
static LineKind
line_kind (const char *line, char **name)
{
  g_autofree char *s = g_strstrip (g_strdup (line));
  const char *eq = strchr (s, '=');
  *name = NULL;
  if (*s == '\0' || *s == '#')
    return LINE_BLANK;
  if (*s == '[' && s[strlen (s) - 1] == ']')
    {
      *name = g_strndup (s + 1, strlen (s) - 2);
      return LINE_GROUP;
    }
  if (eq == NULL || eq == s)
    return LINE_BAD;
  *name = g_strstrip (g_strndup (s, (gsize) (eq - s)));
  return LINE_KEY;
}

/* Returns the line (from 1) of group GROUP's header when KEY is NULL, else
 * of KEY in GROUP, else of the first line GKeyFile cannot read (a bad line,
 * or a key before any group) when GROUP is NULL too; 0 when none. */
static guint
find_line (const char *text, const char *group, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *current = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      LineKind kind = line_kind (lines[i], &name);
      if (group == NULL && (kind == LINE_BAD || (kind == LINE_KEY && current == NULL)))
        return i + 1;
      if (kind == LINE_GROUP)
        {
          g_free (current);
          current = g_steal_pointer (&name);
          if (group != NULL && key == NULL && strcmp (current, group) == 0)
            return i + 1;
        }
      else if (kind == LINE_KEY && key != NULL && g_strcmp0 (current, group) == 0
               && strcmp (name, key) == 0)
        return i + 1;
    }
  return 0;
}

/* Reports each group that appears twice, and each key that appears twice in
 * one group (GKeyFile would merge the one and keep the last of the other). */
static void
check_duplicates (const char *name, const char *text, DkLang lang, DkErrors *errors)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *current = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *found = NULL;
      LineKind kind = line_kind (lines[i], &found);
      if (kind != LINE_GROUP && kind != LINE_KEY)
        continue;
      /* groups and keys apart: "[g]" cannot be a key name, which has no '[' first */
      char *id = kind == LINE_GROUP ? g_strdup_printf ("[%s]", found)
                                    : g_strdup_printf ("%s\n%s", current != NULL ? current : "", found);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, id));
      if (first != 0 && kind == LINE_GROUP)
        dk_errors_add (errors, name, i + 1, T_ (lang, "group [%s] appears twice (first on line %u)"), found, first);
      else if (first != 0)
        dk_errors_add (errors, name, i + 1, T_ (lang, "%s appears twice in [%s] (first on line %u)"), found,
                       current != NULL ? current : "", first);
      if (first == 0)
        g_hash_table_insert (seen, id, GUINT_TO_POINTER (i + 1));
      else
        g_free (id);
      if (kind == LINE_GROUP)
        {
          g_free (current);
          current = g_steal_pointer (&found);
        }
    }
}

static gboolean
key_known (const char *const *known, guint n, const char *key)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (known[i], key) == 0)
      return TRUE;
  return FALSE;
}

/* Reports the groups and keys that are not digikomp's (most often a typo). */
static void
check_names (GKeyFile *kf, const char *name, const char *text, DkLang lang, DkErrors *errors)
{
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);
  for (char **g = groups; *g != NULL; g++)
    if (strcmp (*g, GROUP) != 0 && strcmp (*g, WEB_GROUP) != 0)
      dk_errors_add (errors, name, find_line (text, *g, NULL),
                     T_ (lang, "unknown group [%s]; the settings go in [%s]"), *g, GROUP);
  g_auto (GStrv) found = g_key_file_get_keys (kf, GROUP, NULL, NULL);
  for (char **k = found; found != NULL && *k != NULL; k++)
    if (!key_known (keys, G_N_ELEMENTS (keys), *k))
      dk_errors_add (errors, name, find_line (text, GROUP, *k),
                     T_ (lang, "unknown setting '%s'; the settings are db, lang, min-group and round"), *k);
  g_auto (GStrv) web = g_key_file_get_keys (kf, WEB_GROUP, NULL, NULL);
  for (char **k = web; web != NULL && *k != NULL; k++)
    if (!key_known (web_keys, G_N_ELEMENTS (web_keys), *k))
      dk_errors_add (errors, name, find_line (text, WEB_GROUP, *k),
                     T_ (lang, "unknown setting '%s' in [web]; the settings are listen, public-url, "
                       "trust-header and trusted-proxy"), *k);
}

/* Returns the value of KEY, or NULL when it is not set; an empty value is
 * an error. */
static char *
get_group_value (GKeyFile *kf, const char *name, const char *text, const char *group, const char *key,
                 DkLang lang, DkErrors *errors)
{
  if (!g_key_file_has_key (kf, group, key, NULL))
    return NULL;
  g_autofree char *value = g_key_file_get_string (kf, group, key, NULL);
  if (value == NULL || *g_strstrip (value) == '\0')
    {
      dk_errors_add (errors, name, find_line (text, group, key), T_ (lang, "%s has no value"), key);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static char *
get_value (GKeyFile *kf, const char *name, const char *text, const char *key, DkLang lang,
           DkErrors *errors)
{
  return get_group_value (kf, name, text, GROUP, key, lang, errors);
}

static void
read_values (GKeyFile *kf, const char *name, const char *text, DkConfig *c, DkLang lang,
             DkErrors *errors)
{
  DkLang parsed;
  c->db = get_value (kf, name, text, "db", lang, errors);
  c->round = get_value (kf, name, text, "round", lang, errors);
  c->lang = get_value (kf, name, text, "lang", lang, errors);
  if (c->lang != NULL && !dk_lang_parse (c->lang, &parsed))
    {
      dk_errors_add (errors, name, find_line (text, GROUP, "lang"),
                     T_ (lang, "lang must be sv or en, not '%s'"), c->lang);
      g_clear_pointer (&c->lang, g_free);
    }
  g_autofree char *k = get_value (kf, name, text, "min-group", lang, errors);
  gint64 min_group = 0;
  if (k != NULL && !g_ascii_string_to_signed (k, 10, DK_GAP_MIN_GROUP_FLOOR, G_MAXINT, &min_group, NULL))
    dk_errors_add (errors, name, find_line (text, GROUP, "min-group"),
                   T_ (lang, "min-group must be a whole number of at least %d, not '%s'"),
                   DK_GAP_MIN_GROUP_FLOOR, k);
  c->min_group = (int) min_group;
  c->listen = get_group_value (kf, name, text, WEB_GROUP, "listen", lang, errors);
  c->public_url = get_group_value (kf, name, text, WEB_GROUP, "public-url", lang, errors);
  c->trust_header = get_group_value (kf, name, text, WEB_GROUP, "trust-header", lang, errors);
  c->trusted_proxy = get_group_value (kf, name, text, WEB_GROUP, "trusted-proxy", lang, errors);
}

DkConfig *
dk_config_parse (const char *name, const char *data, gsize len, DkLang lang, GError **error)
{
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)   /* a UTF-8 BOM, as Notepad writes */
    {
      data += 3;
      len -= 3;
    }
  g_autofree char *text = g_strndup (data, len);
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) bad = NULL;
  DkErrors errors;
  dk_errors_init (&errors, 0, lang);
  if (!g_key_file_load_from_data (kf, text, strlen (text), G_KEY_FILE_NONE, &bad))
    {
      guint line = find_line (text, NULL, NULL);
      if (line > 0)
        dk_errors_add (&errors, name, line, T_ (lang, "not a [group], a key = value or a # comment"));
      else
        dk_errors_add (&errors, name, 0, "%s", bad->message);
      dk_errors_propagate (&errors, error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_INVALID);
      return NULL;
    }
  g_autoptr (DkConfig) c = g_new0 (DkConfig, 1);
  check_duplicates (name, text, lang, &errors);
  check_names (kf, name, text, lang, &errors);
  read_values (kf, name, text, c, lang, &errors);
  if (dk_errors_propagate (&errors, error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_INVALID))
    return NULL;
  c->path = g_strdup (name);
  return g_steal_pointer (&c);
}

/* Reads the regular file PATH, of at most DK_CONFIG_MAX_BYTES, into *DATA;
 * *MISSING tells a file that does not exist.  Opened without blocking, so
 * that a FIFO (whose open waits for a writer) is refused, not waited on. */
static gboolean
read_config_file (const char *path, GString **data, gboolean *missing, DkLang lang, GError **error)
{
  *missing = FALSE;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  GStatBuf st;
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      *missing = saved == ENOENT;
      g_set_error (error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_READ, T_ (lang, "cannot read %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_INVALID,
                   T_ (lang, "%s: not a regular file; the configuration is a text file"), path);
      return FALSE;
    }
  *data = g_string_sized_new (MIN ((gsize) st.st_size, DK_CONFIG_MAX_BYTES) + 1);
  char chunk[4096];
  ssize_t n;
  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_READ, T_ (lang, "cannot read %s: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
      g_string_append_len (*data, chunk, n);
      if ((*data)->len > DK_CONFIG_MAX_BYTES)
        {
          close (fd);
          g_set_error (error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_INVALID,
                       T_ (lang, "%s: larger than %d KiB; a configuration file holds a few lines"), path,
                       DK_CONFIG_MAX_BYTES / 1024);
          return FALSE;
        }
    }
  close (fd);
  return TRUE;
}

DkConfig *
dk_config_load (const char *path, DkLang lang, GError **error)
{
  g_autoptr (GString) data = NULL;
  g_autoptr (GError) read_error = NULL;
  gboolean missing;
  if (!read_config_file (path, &data, &missing, lang, &read_error))
    {
      if (missing)
        return g_new0 (DkConfig, 1);
      g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }
  return dk_config_parse (path, data->str, data->len, lang, error);
}
