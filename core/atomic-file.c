/*
 * atomic-file.c — a temporary file beside the target, renamed over it.
 */
#include "atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40   /* as the kernel's limit on a path's symlinks */

gboolean
dk_file_error (const char *path, int saved_errno, DkLang lang, GError **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               T_ (lang, "cannot write %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Flushes TMP to disk, so that the rename never publishes a file whose
 * content a crash could still lose. */
static gboolean
sync_file (const char *tmp, const char *path, DkLang lang, GError **error)
{
  int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      return dk_file_error (path, saved, lang, error);
    }
  close (fd);
  return TRUE;
}

/* Returns the file PATH names when it is a symlink (its target's target …,
 * which need not exist), else PATH; caller frees. */
static char *
follow_links (const char *path, DkLang lang, GError **error)
{
  g_autofree char *at = g_strdup (path);
  for (guint i = 0; i < MAX_LINKS; i++)
    {
      struct stat st;
      if (lstat (at, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&at);
      g_autofree char *target = g_file_read_link (at, NULL);
      if (target == NULL)
        return g_steal_pointer (&at);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (at);
          g_free (g_steal_pointer (&at));
          at = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (at);
          at = g_steal_pointer (&target);
        }
    }
  dk_file_error (path, ELOOP, lang, error);
  return NULL;
}

/* Returns TRUE when PATH is to be written in place: it names a device, a
 * FIFO, a socket or a directory (renaming over it would replace it: as
 * root, /dev/null itself), or lies in /dev (/dev/stdout, /dev/fd/N: the
 * caller's open file, which a rename would not reach). */
static gboolean
write_in_place (const char *path)
{
  struct stat st;
  return g_str_has_prefix (path, "/dev/") || (stat (path, &st) == 0 && !S_ISREG (st.st_mode));
}

gboolean
dk_file_replace (const char *path, DkFileWriter writer, gconstpointer user_data, DkLang lang,
                 GError **error)
{
  if (write_in_place (path))
    return writer (path, path, user_data, error);
  /* a symlink stays: its target is replaced */
  g_autofree char *target = follow_links (path, lang, error);
  if (target == NULL)
    return FALSE;
  path = target;
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return dk_file_error (path, errno, lang, error);
  /* a file written over keeps the mode its owner gave it */
  struct stat st;
  if (stat (path, &st) == 0 && fchmod (fd, st.st_mode & 07777) != 0)
    {
      int saved = errno;
      close (fd);
      g_unlink (tmp);
      return dk_file_error (path, saved, lang, error);
    }
  close (fd);
  if (!writer (tmp, path, user_data, error) || !sync_file (tmp, path, lang, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      return dk_file_error (path, saved, lang, error);
    }
  return TRUE;
}

typedef struct {
  const char *data;
  gsize       len;
  DkLang      lang;
} Bytes;

static gboolean
write_bytes (const char *tmp, const char *path, gconstpointer user_data, GError **error)
{
  const Bytes *b = user_data;
  DkLang lang = b->lang;
  int fd = g_open (tmp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    return dk_file_error (path, errno, lang, error);
  const char *p = b->data;
  gsize left = b->len;
  while (left > 0)
    {
      ssize_t n = write (fd, p, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          return dk_file_error (path, saved, lang, error);
        }
      p += n;
      left -= (gsize) n;
    }
  if (close (fd) != 0)
    return dk_file_error (path, errno, lang, error);
  return TRUE;
}

gboolean
dk_file_replace_contents (const char *path, const char *data, gsize len, DkLang lang, GError **error)
{
  Bytes b = { data, len, lang };
  return dk_file_replace (path, write_bytes, &b, lang, error);
}

gboolean
dk_file_replace_bytes (const char *path, GBytes *bytes, DkLang lang, GError **error)
{
  if (bytes == NULL)
    return FALSE;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  return dk_file_replace_contents (path, data, len, lang, error);
}
