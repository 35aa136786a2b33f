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
 * A GNU .mo file is a table of (original, translation) string pairs; the
 * originals of a plural message hold "msgid\0msgid_plural", their translations
 * "form0\0form1".  Each language's table is read once and never changed, so
 * lookups need no lock. */

typedef struct {
  GMappedFile *file;
  GHashTable  *messages;   /* msgid (in the file) -> translation (in the file) */
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

static gboolean
catalogue_read (Catalogue *c, const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (file);
  gsize size = g_mapped_file_get_length (file);
  guint32 magic = size >= 20 ? mo_word (data, FALSE, 0) : 0;
  gboolean swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a message catalogue", path);
      return FALSE;
    }
  guint32 n = mo_word (data, swap, 8), originals = mo_word (data, swap, 12),
          translations = mo_word (data, swap, 16);
  GHashTable *messages = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = mo_string (data, size, swap, originals, i);
      const char *msgstr = mo_string (data, size, swap, translations, i);
      if (msgid == NULL || msgstr == NULL)
        {
          g_hash_table_unref (messages);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: a damaged message catalogue", path);
          return FALSE;
        }
      if (*msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (messages, (gpointer) msgid, (gpointer) msgstr);
    }
  c->file = g_steal_pointer (&file);
  c->messages = messages;
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
  if ((guint) lang >= DK_N_LANGS || catalogues[lang].messages == NULL)
    return NULL;
  return g_hash_table_lookup (catalogues[lang].messages, msgid);
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
