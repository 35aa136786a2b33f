/*
 * atomic-file.c — a temporary file beside the target, renamed over it.
 */
#include "atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

gboolean
dk_file_error (const char *path, int saved_errno, GError **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("cannot write %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Flushes TMP to disk, so that the rename never publishes a file whose
 * content a crash could still lose. */
static gboolean
sync_file (const char *tmp, const char *path, GError **error)
{
  int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      return dk_file_error (path, saved, error);
    }
  close (fd);
  return TRUE;
}

gboolean
dk_file_replace (const char *path, DkFileWriter writer, gconstpointer user_data, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return dk_file_error (path, errno, error);
  close (fd);
  if (!writer (tmp, path, user_data, error) || !sync_file (tmp, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      return dk_file_error (path, saved, error);
    }
  return TRUE;
}

typedef struct {
  const char *data;
  gsize       len;
} Bytes;

static gboolean
write_bytes (const char *tmp, const char *path, gconstpointer user_data, GError **error)
{
  const Bytes *b = user_data;
  int fd = g_open (tmp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    return dk_file_error (path, errno, error);
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
          return dk_file_error (path, saved, error);
        }
      p += n;
      left -= (gsize) n;
    }
  if (close (fd) != 0)
    return dk_file_error (path, errno, error);
  return TRUE;
}

gboolean
dk_file_replace_contents (const char *path, const char *data, gsize len, GError **error)
{
  Bytes b = { data, len };
  return dk_file_replace (path, write_bytes, &b, error);
}
