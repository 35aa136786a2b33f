/*
 * csv.c — the streaming CSV reader.
 *
 * The file is mapped; each record's fields are copied (unquoted) into one
 * growing buffer, NUL-terminated, with pointers into it.  Unquoted fields,
 * the common case, are found with memchr-like scans; a record is checked for
 * UTF-8 (or turned from Windows-1252 into UTF-8) only when it holds a byte
 * >= 0x80.
 */
#include "csv.h"
#include "errors.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

G_DEFINE_QUARK (dk-csv-error-quark, dk_csv_error)

#define MAX_RECORD_BYTES (16u << 20)
#define MAX_FIELDS       10000u

struct _DkCsvReader {
  char        *name;
  GMappedFile *map;          /* NULL when reading caller's memory */
  const char  *data, *end, *pos;
  guint        line;         /* physical line at pos */
  char         sep;
  DkCsvEncoding encoding;
  DkLang       lang;         /* of the messages */
  guint8       special[256]; /* bytes that end an unquoted field */
  /* the current record: fields copied into buf, NUL-terminated */
  char        *buf;
  gsize        len, cap;
  char        *other;        /* Windows-1252: the record turned into UTF-8, then swapped with buf */
  gsize        other_cap;
  guint8       high;         /* OR of the record's bytes: >= 0x80 means UTF-8 to check */
  guint        n;
  gsize        offsets[MAX_FIELDS];
  gsize        lengths[MAX_FIELDS];
  const char  *fields[MAX_FIELDS];
  gboolean     broken;       /* an unterminated quote: nothing more to read */
  const char  *released;     /* pages before this were given back to the kernel */
  DkCsvRecord  header;
  char       **header_fields;
  gsize       *header_lengths;
};

void
dk_csv_reader_free (DkCsvReader *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  if (r->map != NULL)
    g_mapped_file_unref (r->map);
  g_free (r->buf);
  g_free (r->other);
  g_strfreev (r->header_fields);
  g_free (r->header_lengths);
  g_free (r);
}

const char *dk_csv_reader_name (const DkCsvReader *r) { return r->name; }
char dk_csv_reader_separator (const DkCsvReader *r) { return r->sep; }
const DkCsvRecord *dk_csv_reader_header (const DkCsvReader *r) { return &r->header; }

double
dk_csv_reader_progress (const DkCsvReader *r)
{
  return r->end > r->data ? (double) (r->pos - r->data) / (double) (r->end - r->data) : 1.0;
}

static gboolean
fail (DkCsvReader *r, guint line, GError **error, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (DkCsvReader *r, guint line, GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (line > 0)
    g_set_error (error, DK_CSV_ERROR, DK_CSV_ERROR_INVALID, "%s:%u: %s", r->name, line, msg);
  else
    g_set_error (error, DK_CSV_ERROR, DK_CSV_ERROR_INVALID, "%s: %s", r->name, msg);
  return FALSE;
}

/* Skips to the start of the next physical line (after an error). */
static void
skip_line (DkCsvReader *r)
{
  const char *nl = memchr (r->pos, '\n', (gsize) (r->end - r->pos));
  r->pos = nl != NULL ? nl + 1 : r->end;
  r->line++;
}

/* Makes room for LEN more bytes and a NUL in the record buffer. */
static inline void
reserve (DkCsvReader *r, gsize len)
{
  if (G_UNLIKELY (r->len + len + 1 > r->cap))
    {
      r->cap = MAX (r->cap * 2, r->len + len + 1);
      r->buf = g_realloc (r->buf, r->cap);
    }
}

/* Appends LEN bytes to the record buffer, growing it as needed. */
static inline void
append (DkCsvReader *r, const char *bytes, gsize len)
{
  reserve (r, len);
  memcpy (r->buf + r->len, bytes, len);
  r->len += len;
  for (gsize i = 0; i < len; i++)
    r->high |= (guint8) bytes[i] & 0x80;
}

static inline void
start_field (DkCsvReader *r)
{
  r->offsets[r->n] = r->len;
}

/* Ends the field with a NUL (reserve left room for it). */
static inline void
end_field (DkCsvReader *r)
{
  r->lengths[r->n] = r->len - r->offsets[r->n];
  reserve (r, 0);
  r->buf[r->len++] = '\0';
  r->n++;
}

/* Reads a quoted field starting at the opening quote.  Returns FALSE with
 * ERROR on a field that never ends or text after the closing quote. */
static gboolean
read_quoted (DkCsvReader *r, guint start_line, GError **error)
{
  const char *p = r->pos + 1;
  for (;;)
    {
      const char *q = memchr (p, '"', (gsize) (r->end - p));
      if (q == NULL)
        {
          r->broken = TRUE;
          r->pos = r->end;
          return fail (r, start_line, error, T_ (r->lang, "a quoted field is never closed"));
        }
      for (const char *c = p; c < q; c++)
        r->line += *c == '\n';
      if (memchr (p, '\0', (gsize) (q - p)) != NULL)
        return fail (r, start_line, error, T_ (r->lang, "a NUL byte"));
      append (r, p, (gsize) (q - p));
      if (q + 1 < r->end && q[1] == '"')
        {
          append (r, "\"", 1);
          p = q + 2;
          continue;
        }
      r->pos = q + 1;
      break;
    }
  if (r->pos < r->end && *r->pos != r->sep && *r->pos != '\n' && *r->pos != '\r')
    return fail (r, r->line, error, T_ (r->lang, "text after the closing quote of a field"));
  return TRUE;
}

/* Reads an unquoted field up to a separator or the end of the line: one
 * pass finds the end and gathers the high bits, then one copy. */
static inline gboolean
read_plain (DkCsvReader *r, GError **error)
{
  const char *p = r->pos, *end = r->end;
  const guint8 *special = r->special;
  guint8 high = 0;
  while (p < end && !special[(guchar) *p])
    high |= (guint8) *p++;
  if (p < end && (*p == '"' || *p == '\0'))
    return fail (r, r->line, error, *p == '"' ? T_ (r->lang, "a quote inside an unquoted field")
                                              : T_ (r->lang, "a NUL byte"));
  gsize len = (gsize) (p - r->pos);
  reserve (r, len);
  memcpy (r->buf + r->len, r->pos, len);
  r->len += len;
  r->high |= high & 0x80;
  r->pos = p;
  return TRUE;
}

gboolean
dk_csv_encoding_parse (const char *name, DkCsvEncoding *encoding)
{
  if (name == NULL || g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0)
    *encoding = DK_CSV_UTF8;
  else if (g_ascii_strcasecmp (name, "windows-1252") == 0 || g_ascii_strcasecmp (name, "cp1252") == 0)
    *encoding = DK_CSV_WINDOWS_1252;
  else
    return FALSE;
  return TRUE;
}

/* Windows-1252's bytes 0x80-0x9F (0: not a character); from 0xA0 on, a
 * byte is the code point of Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
  0x0153, 0, 0x017E, 0x0178,
};

/* Turns the record in buf from Windows-1252 into UTF-8 (at most 3 bytes a
 * byte), field by field.  Returns FALSE with ERROR at a byte that is no
 * character of Windows-1252. */
static gboolean
record_from_cp1252 (DkCsvReader *r, guint line, GError **error)
{
  gsize need = r->len * 3 + 1;
  if (need > r->other_cap)
    {
      r->other_cap = MAX (need, r->other_cap * 2);
      r->other = g_realloc (r->other, r->other_cap);
    }
  gsize out = 0;
  for (guint i = 0; i < r->n; i++)
    {
      const guchar *in = (const guchar *) r->buf + r->offsets[i];
      gsize start = out;
      for (gsize k = 0; k < r->lengths[i]; k++)
        {
          gunichar c = in[k] < 0x80 ? in[k] : in[k] < 0xA0 ? cp1252_high[in[k] - 0x80] : in[k];
          if (c == 0)
            return fail (r, line, error, T_ (r->lang, "byte 0x%02X is not a character of Windows-1252"),
                         in[k]);
          out += (gsize) g_unichar_to_utf8 (c, r->other + out);
        }
      r->offsets[i] = start;
      r->lengths[i] = out - start;
      r->other[out++] = '\0';
    }
  char *swap = r->buf;
  r->buf = r->other;
  r->other = swap;
  gsize cap = r->cap;
  r->cap = r->other_cap;
  r->other_cap = cap;
  r->len = out;
  return TRUE;
}

/* Makes the record in buf UTF-8: checks it, or turns it from Windows-1252.
 * Fields are NUL-separated in buf, so each is validated on its own. */
static gboolean
record_to_utf8 (DkCsvReader *r, guint line, GError **error)
{
  if (r->encoding == DK_CSV_WINDOWS_1252)
    return record_from_cp1252 (r, line, error);
  for (guint i = 0; i < r->n; i++)
    if (!g_utf8_validate (r->buf + r->offsets[i], (gssize) r->lengths[i], NULL))
      return fail (r, line, error, T_ (r->lang, "not valid UTF-8 text; a file that Excel saved as "
                                               "\"CSV (semikolonavgränsad)\" is Windows-1252: "
                                               "import it with --encoding windows-1252"));
  return TRUE;
}

/* The common record, one line of at most SIMPLE_MAX bytes without quotes,
 * NUL or a lone CR, read in one pass: copied into buf with each separator
 * turned into the NUL that ends a field, up to the line's end.  Returns
 * FALSE, having changed nothing the general reader needs, when the line is
 * not of that kind. */
#define SIMPLE_MAX 4096u

static gboolean
read_simple_record (DkCsvReader *r)
{
  const char *start = r->pos;
  gsize avail = (gsize) (r->end - start), lim = MIN (avail, SIMPLE_MAX);
  reserve (r, lim);
  char *buf = r->buf;
  const guint8 *special = r->special;
  const guchar sep = (guchar) r->sep;
  gsize *offsets = r->offsets, *lengths = r->lengths;
  guint n = 0;
  guint8 high = 0;
  gsize i, next;
  offsets[0] = 0;
  for (i = 0; i < lim; i++)
    {
      guchar c = (guchar) start[i];
      if (G_LIKELY (!special[c]))
        {
          buf[i] = (char) c;
          high |= c;
          continue;
        }
      if (c == sep)
        {
          lengths[n] = i - offsets[n];
          buf[i] = '\0';
          if (++n == MAX_FIELDS)
            return FALSE;
          offsets[n] = i + 1;
          continue;
        }
      if (c == '\n')
        break;
      if (c == '\r' && i + 1 < avail && start[i + 1] == '\n')
        break;
      return FALSE;   /* a quote, a NUL or a lone CR */
    }
  if (i == lim && lim < avail)
    return FALSE;     /* a long line */
  next = i == avail ? i : i + 1 + (start[i] == '\r');
  lengths[n] = i - offsets[n];
  buf[i] = '\0';
  r->n = n + 1;
  r->len = i + 1;
  r->high = high & 0x80;
  r->pos = start + next;
  return TRUE;
}

/* Reads one record (at least one field) into buf, offsets and lengths. */
static gboolean
read_record (DkCsvReader *r, guint *start_line, GError **error)
{
  *start_line = r->line;
  if (read_simple_record (r))
    {
      if (r->pos[-1] == '\n')
        r->line++;
      return !r->high || record_to_utf8 (r, *start_line, error);
    }
  r->len = 0;
  r->n = 0;
  r->high = 0;
  for (;;)
    {
      if (r->n == MAX_FIELDS)
        return fail (r, *start_line, error, T_ (r->lang, "more than %u fields"), MAX_FIELDS);
      start_field (r);
      gboolean ok = r->pos < r->end && *r->pos == '"' ? read_quoted (r, r->line, error)
                                                       : read_plain (r, error);
      if (!ok)
        return FALSE;
      end_field (r);
      if (r->len > MAX_RECORD_BYTES)
        return fail (r, *start_line, error, T_ (r->lang, "a record longer than %u MiB"),
                     MAX_RECORD_BYTES >> 20);
      if (r->pos < r->end && *r->pos == r->sep)
        {
          r->pos++;
          continue;
        }
      break;
    }
  /* A record ends at a line feed or the end of the file, whatever its last
   * field: a lone CR here is an error. */
  if (r->pos < r->end && *r->pos == '\r')
    {
      if (!(r->pos + 1 < r->end && r->pos[1] == '\n'))
        return fail (r, r->line, error, T_ (r->lang, "a carriage return without a line feed"));
      r->pos++;
    }
  if (r->pos < r->end && *r->pos == '\n')
    {
      r->pos++;
      r->line++;
    }
  return !r->high || record_to_utf8 (r, *start_line, error);
}

static void
fill_record (DkCsvReader *r, DkCsvRecord *rec, guint line)
{
  for (guint i = 0; i < r->n; i++)
    r->fields[i] = r->buf + r->offsets[i];
  rec->n_fields = r->n;
  rec->fields = r->fields;
  rec->lengths = r->lengths;
  rec->line = line;
}

/* Skips lines that hold nothing but a line ending. */
static void
skip_blank_lines (DkCsvReader *r)
{
  while (r->pos < r->end && (*r->pos == '\n' || (*r->pos == '\r' && r->pos + 1 < r->end && r->pos[1] == '\n')))
    {
      r->pos += *r->pos == '\r' ? 2 : 1;
      r->line++;
    }
}

/* A mapped file's pages count as the process's memory once read: give back
 * those behind us, so a 500 MB import stays small.  At most 16 MiB stay
 * behind (with 64 MiB the import of a million people peaked 49 MB higher). */
static void
release_read_pages (DkCsvReader *r)
{
  const gsize step = 8u << 20;
  if (r->map == NULL || (gsize) (r->pos - r->released) < 2 * step)
    return;
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  const char *from = (const char *) (((guintptr) r->released + page - 1) & ~(guintptr) (page - 1));
  const char *to = (const char *) ((guintptr) (r->pos - step) & ~(guintptr) (page - 1));
  if (to > from)
    madvise ((void *) from, (gsize) (to - from), MADV_DONTNEED);
  r->released = to;
}

gboolean
dk_csv_reader_next (DkCsvReader *r, DkCsvRecord *rec, GError **error)
{
  release_read_pages (r);
  skip_blank_lines (r);
  if (r->broken || r->pos >= r->end)
    return FALSE;
  guint line;
  const char *start = r->pos;
  if (!read_record (r, &line, error))
    {
      /* Past the bad line, unless the record was read to its end: a
       * reader that stays put returns the same error for ever. */
      if (!r->broken && r->pos < r->end && (r->pos == start || r->pos[-1] != '\n'))
        skip_line (r);
      return FALSE;
    }
  if (r->n != r->header.n_fields)
    return fail (r, line, error, T_ (r->lang, "%u fields, the header has %u"), r->n, r->header.n_fields);
  fill_record (r, rec, line);
  return TRUE;
}

/* Counts the separators of the first line outside quotes to choose , or ;. */
static char
detect_separator (const char *p, const char *end)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;
  for (; p < end && (quoted || *p != '\n'); p++)
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted)
      {
        commas += *p == ',';
        semicolons += *p == ';';
      }
  return semicolons > commas ? ';' : ',';
}

/* Returns a reader of DATA, which MAP (may be NULL) holds; the reader owns
 * MAP, and unrefs it when it fails. */
static DkCsvReader *
reader_new (const char *data, gsize len, const char *name, GMappedFile *map, DkCsvEncoding encoding,
            DkLang lang, GError **error)
{
  g_autoptr (DkCsvReader) r = g_new0 (DkCsvReader, 1);
  r->name = g_strdup (name);
  r->encoding = encoding;
  r->lang = lang;
  r->map = map;
  r->data = data;
  r->end = data + len;
  r->pos = data;
  r->released = data;
  r->line = 1;
  r->cap = 4096;
  r->buf = g_malloc (r->cap);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r->pos += 3;
  skip_blank_lines (r);
  if (r->pos >= r->end)
    {
      fail (r, 0, error, T_ (r->lang, "empty file, expected a header line"));
      return NULL;
    }
  r->sep = detect_separator (r->pos, r->end);
  for (const char *c = "\n\r\"" ; *c != '\0'; c++)
    r->special[(guchar) *c] = 1;
  r->special[0] = 1;
  r->special[(guchar) r->sep] = 1;
  guint line;
  if (!read_record (r, &line, error))
    return NULL;
  fill_record (r, &r->header, line);
  /* The header outlives the buffer, which the next record reuses. */
  r->header_fields = g_new0 (char *, r->header.n_fields + 1);
  r->header_lengths = g_new0 (gsize, r->header.n_fields);
  for (guint i = 0; i < r->header.n_fields; i++)
    {
      r->header_fields[i] = g_strdup (r->header.fields[i]);
      r->header_lengths[i] = r->header.lengths[i];
    }
  r->header.fields = (const char **) r->header_fields;
  r->header.lengths = r->header_lengths;
  return g_steal_pointer (&r);
}

DkCsvReader *
dk_csv_reader_new_from_data (const char *data, gsize len, const char *name, DkLang lang, GError **error)
{
  return reader_new (data, len, name, NULL, DK_CSV_UTF8, lang, error);
}

DkCsvReader *
dk_csv_reader_open (const char *path, DkCsvEncoding encoding, DkLang lang, GError **error)
{
  g_autoptr (GError) io = NULL;
  GMappedFile *map = g_mapped_file_new (path, FALSE, &io);
  if (map == NULL)
    {
      g_set_error (error, DK_CSV_ERROR, DK_CSV_ERROR_IO, "%s", io->message);
      return NULL;
    }
  const char *data = g_mapped_file_get_contents (map);
  gsize len = g_mapped_file_get_length (map);
  /* the reader owns MAP from here, also when it fails */
  return reader_new (data != NULL ? data : "", len, path, map, encoding, lang, error);
}

/* ---- the header -------------------------------------------------------------------- */

static char *
normalise (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  return g_utf8_casefold (trimmed, -1);
}

static void
list_accepted (GString *msg, const DkCsvColumn *columns, guint n, DkLang lang)
{
  g_string_append (msg, T_ (lang, "; accepted columns: "));
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (msg, "%s%s", i ? ", " : "", columns[i].name_en);
      if (strcmp (columns[i].name_en, columns[i].name_sv) != 0)
        g_string_append_printf (msg, " (%s)", columns[i].name_sv);
    }
}

gboolean
dk_csv_reader_map_columns (DkCsvReader *r, const DkCsvColumn *columns, guint n, int *index,
                           GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    index[i] = -1;
  for (guint f = 0; f < r->header.n_fields; f++)
    {
      g_autofree char *have = normalise (r->header.fields[f]);
      int found = -1;
      for (guint i = 0; i < n && found < 0; i++)
        {
          g_autofree char *en = normalise (columns[i].name_en);
          g_autofree char *sv = normalise (columns[i].name_sv);
          if (strcmp (have, en) == 0 || strcmp (have, sv) == 0)
            found = (int) i;
        }
      if (found < 0)
        g_string_append_printf (problems, T_ (r->lang, "%sunknown column '%s'"),
                                problems->len ? "; " : "", r->header.fields[f]);
      else if (index[found] >= 0)
        g_string_append_printf (problems, T_ (r->lang, "%scolumn '%s' appears twice"),
                                problems->len ? "; " : "", r->header.fields[f]);
      else
        index[found] = (int) f;
    }
  for (guint i = 0; i < n; i++)
    if (columns[i].required && index[i] < 0)
      g_string_append_printf (problems, T_ (r->lang, "%smissing column '%s'"), problems->len ? "; " : "",
                              columns[i].name_en);
  if (problems->len == 0)
    return TRUE;
  list_accepted (problems, columns, n, r->lang);
  return fail (r, r->header.line, error, "%s", problems->str);
}

/* Returns FALSE with ERROR when a field of REC is longer than its column
 * of COLUMNS (N, mapped by INDEX) allows. */
static gboolean
fields_fit (DkCsvReader *r, const DkCsvRecord *rec, const DkCsvColumn *columns, guint n, const int *index,
            GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      guint max = columns[i].max_chars != 0 ? columns[i].max_chars : DK_CSV_FIELD_MAX;
      /* a field of no more bytes than MAX has no more characters */
      if (index[i] < 0 || rec->lengths[index[i]] <= max)
        continue;
      glong chars = g_utf8_strlen (rec->fields[index[i]], (gssize) rec->lengths[index[i]]);
      if (chars > (glong) max)
        return fail (r, rec->line, error, T_ (r->lang, "%s is %ld characters long; it may have at most %u"),
                     r->header.fields[index[i]], chars, max);
    }
  return TRUE;
}

gboolean
dk_csv_read_all (const char *path, DkCsvEncoding encoding, const DkCsvColumn *columns, guint n,
                 DkCsvRecordFunc func, gpointer user_data, DkErrors *errors, guint64 *rows,
                 const DkContext *ctx, GError **error)
{
  return dk_csv_read_all_progress (path, encoding, columns, n, func, user_data, errors, rows, NULL, ctx,
                                   error);
}

gboolean
dk_csv_read_all_progress (const char *path, DkCsvEncoding encoding, const DkCsvColumn *columns, guint n,
                          DkCsvRecordFunc func, gpointer user_data, DkErrors *errors,
                          guint64 *rows, const DkProgress *progress, const DkContext *ctx,
                          GError **error)
{
  g_autoptr (DkCsvReader) reader = dk_csv_reader_open (path, encoding, errors->lang, error);
  g_autofree int *index = g_new (int, n);
  if (reader == NULL || !dk_csv_reader_map_columns (reader, columns, n, index, error))
    return FALSE;
  DkCsvRecord rec;
  for (guint64 read = 0; !dk_errors_full (errors); read++)
    {
      if ((read & 4095) == 0 && dk_context_cancelled (ctx, error))
        return FALSE;
      g_autoptr (GError) bad = NULL;
      if (dk_csv_reader_next (reader, &rec, &bad) && fields_fit (reader, &rec, columns, n, index, &bad))
        {
          (*rows)++;
          func (&rec, index, user_data);
          dk_progress_report (progress, *rows, dk_csv_reader_progress (reader));
        }
      else if (bad != NULL)
        dk_errors_add_message (errors, bad->message);
      else
        break;
    }
  dk_progress_report (progress, *rows, 1.0);
  return TRUE;
}
