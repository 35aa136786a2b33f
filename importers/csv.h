/*
 * csv.h — a fast, streaming reader of the CSV files digikomp imports.
 *
 * RFC 4180: fields separated by ',' or ';' (detected from the header line:
 * whichever occurs more often outside quotes), quoted with '"' ("" inside a
 * quoted field is one quote), records ending in LF or CRLF (a quoted field
 * may span lines).  UTF-8, with or without a BOM, or Windows-1252 (what
 * Excel writes as "CSV (semikolonavgränsad)") when the caller says so, each
 * record turned into UTF-8 as it is read.  The file is mapped into
 * memory and read record by record, so memory stays flat whatever its size.
 *
 * Header names are matched against a table of columns, each with an English
 * and a Swedish name (case-insensitive, surrounding spaces ignored).
 *
 * Errors carry "FILE:LINE: what is wrong", where LINE is the physical line
 * (1-based) on which the record starts, in the language the reader was
 * opened with (that of whoever runs the import).
 */
#ifndef DK_CSV_H
#define DK_CSV_H

#include "context.h"
#include "dk.h"

#define DK_CSV_ERROR (dk_csv_error_quark ())
GQuark dk_csv_error_quark (void);

typedef enum {
  DK_CSV_ERROR_IO,       /* the file could not be opened or read */
  DK_CSV_ERROR_INVALID,  /* malformed CSV or a bad header (bad input) */
} DkCsvError;

typedef struct _DkCsvReader DkCsvReader;

/* The encodings a CSV file may be in. */
typedef enum {
  DK_CSV_UTF8,
  DK_CSV_WINDOWS_1252,
} DkCsvEncoding;

/* Sets *ENCODING from NAME: "utf-8" or "windows-1252" (also "cp1252"; any
 * case; NULL: UTF-8).  Returns FALSE for another name.  Thread-safe. */
gboolean dk_csv_encoding_parse (const char *name, DkCsvEncoding *encoding);

/* One record.  FIELDS and LENGTHS hold N_FIELDS entries; each field is
 * NUL-terminated UTF-8 without its quotes.  All of it belongs to the reader
 * and stays valid until the next call to dk_csv_reader_next. */
typedef struct {
  guint        n_fields;
  const char **fields;
  const gsize *lengths;
  guint        line;
} DkCsvRecord;

/* The longest field of a column that sets no limit of its own (an id, a
 * name, a unit path), in characters. */
#define DK_CSV_FIELD_MAX 500

/* A column an importer accepts. */
typedef struct {
  const char *name_en;    /* "person_id" */
  const char *name_sv;    /* "person_id" or "personnummer"… */
  gboolean    required;
  guint       max_chars;  /* its longest field; 0: DK_CSV_FIELD_MAX */
} DkCsvColumn;

/* Opens PATH, in ENCODING, and reads its header line.  Returns a new reader
 * (free with dk_csv_reader_free) or NULL with ERROR set: DK_CSV_ERROR_IO
 * when the file cannot be read, DK_CSV_ERROR_INVALID when it is empty, not
 * in ENCODING (for UTF-8 the message names --encoding windows-1252), or its
 * header line is malformed.  The reader's messages, these and later ones,
 * are in LANG.  One reader belongs to one thread at a time. */
DkCsvReader *dk_csv_reader_open (const char *path, DkCsvEncoding encoding, DkLang lang, GError **error);

/* As dk_csv_reader_open, over LEN bytes of UTF-8 DATA (not copied: DATA must
 * outlive the reader); NAME stands for the file in messages. */
DkCsvReader *dk_csv_reader_new_from_data (const char *data, gsize len,
                                          const char *name, DkLang lang, GError **error);

void dk_csv_reader_free (DkCsvReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkCsvReader, dk_csv_reader_free)

/* Returns the name used in messages (the path given to open). */
const char *dk_csv_reader_name (const DkCsvReader *reader);

/* Returns the separator detected from the header: ',' or ';'. */
char dk_csv_reader_separator (const DkCsvReader *reader);

/* Returns the header record (valid as long as the reader). */
const DkCsvRecord *dk_csv_reader_header (const DkCsvReader *reader);

/* Maps the header onto COLUMNS (N of them): INDEX[i] becomes the field number
 * of COLUMNS[i], or -1 when an optional column is absent.  Returns FALSE with
 * ERROR (DK_CSV_ERROR_INVALID) naming every missing required column, every
 * unknown or repeated column, and the accepted names. */
gboolean dk_csv_reader_map_columns (DkCsvReader *reader, const DkCsvColumn *columns,
                                    guint n, int *index, GError **error);

/* Reads the next record into *RECORD.  Returns TRUE when a record was read;
 * FALSE at the end of the file (ERROR unset) or on malformed input (ERROR
 * set, DK_CSV_ERROR_INVALID: an unterminated quote, a stray quote, a NUL
 * byte, invalid UTF-8, a record whose field count differs from the
 * header's).  Blank lines are skipped.  After an error the reader stays
 * usable at the next line where possible, so callers can collect several. */
gboolean dk_csv_reader_next (DkCsvReader *reader, DkCsvRecord *record, GError **error);

/* Called for each well-formed record by dk_csv_read_all; INDEX maps the
 * columns as dk_csv_reader_map_columns does. */
typedef void (*DkCsvRecordFunc) (const DkCsvRecord *record, const int *index, gpointer user_data);

struct _DkErrors;

/* Opens PATH (in ENCODING), maps its header onto COLUMNS and calls FUNC for every record;
 * each malformed record, and each with a field longer than its column's
 * max_chars, is added to ERRORS, and reading stops when ERRORS is
 * full.  *ROWS counts the records read.  Returns FALSE with ERROR only when
 * the file cannot be opened or its header does not map.  Every message, in
 * ERRORS and in ERROR, is in ERRORS's language. */
gboolean dk_csv_read_all (const char *path, DkCsvEncoding encoding, const DkCsvColumn *columns,
                          guint n, DkCsvRecordFunc func, gpointer user_data,
                          struct _DkErrors *errors, guint64 *rows, const DkContext *ctx,
                          GError **error);

/* The same, reporting the records read and the fraction of the file to
 * PROGRESS (may be NULL).  Both ask CTX (may be NULL) every few thousand
 * records whether to go on, and return FALSE with
 * DK_CONTEXT_ERROR_CANCELLED when it says stop. */
gboolean dk_csv_read_all_progress (const char *path, DkCsvEncoding encoding, const DkCsvColumn *columns,
                                   guint n, DkCsvRecordFunc func, gpointer user_data,
                                   struct _DkErrors *errors, guint64 *rows,
                                   const DkProgress *progress, const DkContext *ctx,
                                   GError **error);

/* Returns the fraction of the input read so far, 0.0 to 1.0 (for progress). */
double dk_csv_reader_progress (const DkCsvReader *reader);

#endif
