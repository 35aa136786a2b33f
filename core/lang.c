/* lang.c — the two languages of digikomp. */
#include "dk.h"
#include "enum.h"

#include <string.h>

gboolean
dk_lang_parse (const char *name, DkLang *out)
{
  static const char *const codes[] = { [DK_LANG_SV] = "sv", [DK_LANG_EN] = "en" };
  int i = dk_enum_index (codes, G_N_ELEMENTS (codes), name);
  if (i >= 0)
    *out = (DkLang) i;
  return i >= 0;
}

const char *
dk_lang_code (DkLang lang)
{
  return lang == DK_LANG_SV ? "sv" : "en";
}


/* ---- message catalogues ------------------------------------------------------ *
 * A GNU .mo file is a table of (original, translation) string pairs, the
 * originals sorted; the originals of a plural message hold
 * "msgid\0msgid_plural", their translations "form0\0form1".  Each
 * language's file is mapped and checked once and never changed, so
 * lookups need no lock; a lookup is a binary search of the originals in the
 * file, so loading builds nothing (a command prints a few dozen messages,
 * and a process that starts does not pay for the thousands it never shows). */

typedef struct {
  GMappedFile   *file;
  const guint8  *data;
  gsize          size;
  gboolean       swap;
  guint32        n, originals, translations;
} Catalogue;

static Catalogue catalogues[DK_N_LANGS];

static guint32
mo_word (const guint8 *data, gboolean swap, gsize at)
{
  guint32 w;
  memcpy (&w, data + at, 4);
  return swap ? GUINT32_SWAP_LE_BE (w) : w;
}

/* Returns the string of table entry I at TABLE in DATA (SIZE bytes), or NULL
 * when it lies outside the file or is not NUL-terminated. */
static const char *
mo_string (const guint8 *data, gsize size, gboolean swap, guint32 table, guint32 i)
{
  gsize entry = (gsize) table + 8u * i;
  if (entry + 8 > size)
    return NULL;
  guint32 len = mo_word (data, swap, entry), off = mo_word (data, swap, entry + 4);
  if ((gsize) off + len >= size || data[off + len] != '\0')
    return NULL;
  return (const char *) data + off;
}

static const char *
original (const Catalogue *c, guint32 i)
{
  return mo_string (c->data, c->size, c->swap, c->originals, i);
}

/* Maps PATH into C after checking every entry, and that the originals are
 * sorted (the binary search relies on it). */
static gboolean
catalogue_read (Catalogue *c, const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;
  Catalogue read = { .data = (const guint8 *) g_mapped_file_get_contents (file),
                     .size = g_mapped_file_get_length (file) };
  guint32 magic = read.size >= 20 ? mo_word (read.data, FALSE, 0) : 0;
  read.swap = magic == 0xde120495u;
  if (!read.swap && magic != 0x950412deu)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a message catalogue", path);
      return FALSE;
    }
  read.n = mo_word (read.data, read.swap, 8);
  read.originals = mo_word (read.data, read.swap, 12);
  read.translations = mo_word (read.data, read.swap, 16);
  for (guint32 i = 0; i < read.n; i++)
    if (original (&read, i) == NULL || mo_string (read.data, read.size, read.swap, read.translations, i) == NULL
        || (i > 0 && strcmp (original (&read, i - 1), original (&read, i)) >= 0))
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: a damaged message catalogue", path);
        return FALSE;
      }
  read.file = g_steal_pointer (&file);
  *c = read;
  return TRUE;
}

gboolean
dk_messages_load (const char *localedir, GError **error)
{
  static gsize loaded = 0;
  static GError *load_error = NULL;
  if (g_once_init_enter (&loaded))
    {
      for (int lang = 0; lang < DK_N_LANGS && load_error == NULL; lang++)
        {
          g_autofree char *path = g_build_filename (localedir, dk_lang_code (lang),
                                                    "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            catalogue_read (&catalogues[lang], path, &load_error);
        }
      g_once_init_leave (&loaded, 1);
    }
  if (load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return FALSE;
    }
  return TRUE;
}

/* Returns the translation of MSGID in LANG with its forms NUL-separated, or
 * NULL when there is none. */
static const char *
lookup (DkLang lang, const char *msgid)
{
  const Catalogue *c = (guint) lang < DK_N_LANGS ? &catalogues[lang] : NULL;
  guint32 lo = 0, hi = c != NULL && c->file != NULL ? c->n : 0;
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      int cmp = strcmp (msgid, original (c, mid));
      if (cmp == 0)
        {
          const char *t = mo_string (c->data, c->size, c->swap, c->translations, mid);
          return *msgid != '\0' && *t != '\0' ? t : NULL;
        }
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const char *
dk_gettext (DkLang lang, const char *msgid)
{
  const char *t = lookup (lang, msgid);
  return t != NULL ? t : msgid;
}

const char *
dk_ngettext (DkLang lang, const char *msgid, const char *plural, gulong n)
{
  const char *t = lookup (lang, msgid);
  if (t == NULL)
    return n == 1 ? msgid : plural;
  return n == 1 ? t : t + strlen (t) + 1;
}
