/*
 * atomic-file.h — writing a file that is either whole or absent: every file
 * digikomp writes (reports, plans, a person's data) goes to a temporary file
 * beside the target, is flushed to disk and then renamed over the target.
 * An export that fails or is interrupted never leaves a half file under the
 * final name, and a failure removes the temporary file.
 *
 * What is not a regular file is written in place: a device (/dev/null), a
 * FIFO, /dev/stdout and the rest of /dev.  A symlink stays a symlink: the
 * file it names (through any chain of links; created when missing) is the
 * one replaced.
 *
 * What digikomp writes holds personal data more often than not (a person's
 * data, plans, conversation sheets, a team), and whether a report does
 * depends on who reads it: a file it creates is 0600, whatever the umask;
 * a file it writes over keeps its mode.
 * Errors are in G_FILE_ERROR and name the target.
 */
#ifndef DK_ATOMIC_FILE_H
#define DK_ATOMIC_FILE_H

#include "dk.h"

/* Writes the file TMP_PATH (which exists, empty; or the target itself when
 * it is written in place) from USER_DATA; PATH, the target, is the name for
 * messages.  Returns FALSE with ERROR set on
 * failure. */
typedef gboolean (*DkFileWriter) (const char *tmp_path, const char *path, gconstpointer user_data,
                                  GError **error);

/* Creates a temporary file in PATH's directory, has WRITER fill it, and
 * renames it over PATH.  Returns TRUE, or FALSE with ERROR set (worded in
 * LANG) and no temporary file left. */
gboolean dk_file_replace (const char *path, DkFileWriter writer, gconstpointer user_data,
                          DkLang lang, GError **error);

/* Sets ERROR to "cannot write PATH: " in LANG and the text of SAVED_ERRNO
 * (in G_FILE_ERROR) and returns FALSE, for writers. */
gboolean dk_file_error (const char *path, int saved_errno, DkLang lang, GError **error);

/* As dk_file_replace, with LEN bytes of DATA as the content. */
gboolean dk_file_replace_contents (const char *path, const char *data, gsize len, DkLang lang,
                                   GError **error);

/* As dk_file_replace_contents, with BYTES as the content; a NULL BYTES is
 * the failure of whoever made them (ERROR already set): FALSE, nothing
 * written.  How every exporter writes its file: the bytes a server would
 * send, so the two never differ. */
gboolean dk_file_replace_bytes (const char *path, GBytes *bytes, DkLang lang, GError **error);

#endif
