/* test_csv.c — the CSV reader: RFC 4180, separators, BOM, line numbers,
 * malformed input and header mapping. */
#include "support.h"
#include "csv.h"
#include "errors.h"

#include <string.h>

static DkCsvReader *
reader (const char *text, GError **error)
{
  return dk_csv_reader_new_from_data (text, strlen (text), "t.csv", DK_LANG_EN, error);
}

/* Reads every record into "f1|f2;f1|f2;" with each record's line, or stops
 * at the first error, which it returns in *ERROR. */
static char *
read_all (DkCsvReader *r, GError **error)
{
  GString *out = g_string_new (NULL);
  DkCsvRecord rec;
  while (dk_csv_reader_next (r, &rec, error))
    {
      g_string_append_printf (out, "%u:", rec.line);
      for (guint i = 0; i < rec.n_fields; i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", rec.fields[i]);
      g_string_append_c (out, ';');
    }
  return g_string_free (out, FALSE);
}

static void
test_simple (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader ("a,b\n1,2\n3,4\n", NULL);
  assert_non_null (r);
  assert_int_equal (dk_csv_reader_separator (r), ',');
  assert_int_equal (dk_csv_reader_header (r)->n_fields, 2);
  g_autoptr (GError) error = NULL;
  g_autofree char *all = read_all (r, &error);
  assert_null (error);
  assert_string_equal (all, "2:1|2;3:3|4;");
}

static void
test_semicolon_bom_crlf (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader ("\xEF\xBB\xBF" "namn;enhet\r\nÅsa;Kista, norr\r\n\r\nÖrjan;Farsta\n", NULL);
  assert_int_equal (dk_csv_reader_separator (r), ';');
  assert_string_equal (dk_csv_reader_header (r)->fields[0], "namn");
  g_autofree char *all = read_all (r, NULL);
  assert_string_equal (all, "2:Åsa|Kista, norr;4:Örjan|Farsta;");
}

static void
test_quotes_and_line_numbers (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader ("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,1", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *all = read_all (r, &error);
  assert_null (error);
  assert_string_equal (all, "2:x,y|say \"hi\";3:two\nlines|z;5:last|1;");
}

static void
test_field_count_mismatch_then_continue (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader ("a,b,c\n1,2\n4,5,6\n", NULL);
  DkCsvRecord rec;
  g_autoptr (GError) error = NULL;
  assert_false (dk_csv_reader_next (r, &rec, &error));
  assert_error_contains (error, "t.csv:2: 2 fields, the header has 3");
  g_clear_error (&error);
  assert_true (dk_csv_reader_next (r, &rec, &error));
  assert_int_equal (rec.line, 3);
  assert_string_equal (rec.fields[2], "6");
}

/* A bad first field left the reader where it was: every later call gave the
 * same error (found by fuzz_csv), and the lines after it went unchecked. */
static void
test_bad_first_field_then_continue (void **state)
{
  (void) state;
  static const char text[] = "a,b\nx\"y,1\n2,3\n\0z,4\n5,6\nq\r,7\n8,9\n";
  static const char *const messages[] = { "t.csv:2: a quote inside an unquoted field",
                                          "t.csv:4: a NUL byte",
                                          "t.csv:6: a carriage return without a line feed" };
  g_autoptr (DkCsvReader) r = dk_csv_reader_new_from_data (text, sizeof text - 1, "t.csv", DK_LANG_EN, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      DkCsvRecord rec;
      g_autoptr (GError) error = NULL;
      assert_false (dk_csv_reader_next (r, &rec, &error));
      assert_error_contains (error, messages[i]);
      g_clear_error (&error);
      assert_true (dk_csv_reader_next (r, &rec, &error));
      assert_int_equal (rec.line, 2 * i + 3);
      assert_int_equal (rec.fields[0][0], '2' + 3 * i);
    }
}

static void
assert_first_record_fails (const char *text, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkCsvReader) r = reader (text, &error);
  if (r != NULL)
    {
      DkCsvRecord rec;
      while (dk_csv_reader_next (r, &rec, &error))
        ;
    }
  assert_error_contains (error, message);
}

static void
test_malformed (void **state)
{
  (void) state;
  assert_first_record_fails ("a,b\n1,\"open\n2,3\n", "t.csv:2: a quoted field is never closed");
  assert_first_record_fails ("a,b\n1,x\"y\n", "t.csv:2: a quote inside an unquoted field");
  assert_first_record_fails ("a,b\n1,\"x\"y\n", "t.csv:2: text after the closing quote");
  /* found by fuzz_csv: after a quoted field a lone CR ended the record in
   * the middle of its line, which then gave a second error */
  assert_first_record_fails ("a,b\n1,\"x\"\ry\n", "t.csv:2: a carriage return without a line feed");
  assert_first_record_fails ("a,b\n1,\xC3\x28\n", "t.csv:2: not valid UTF-8 text");
  assert_first_record_fails ("", "t.csv: empty file, expected a header line");
  assert_first_record_fails ("\n\n", "t.csv: empty file");
}

static void
test_nul_in_data (void **state)
{
  (void) state;
  /* strlen would stop at the NUL: give the length */
  static const char text[] = "a,b\n1,x\0y\n";
  g_autoptr (DkCsvReader) r = dk_csv_reader_new_from_data (text, sizeof text - 1, "t.csv", DK_LANG_EN, NULL);
  DkCsvRecord rec;
  g_autoptr (GError) error = NULL;
  assert_false (dk_csv_reader_next (r, &rec, &error));
  assert_error_contains (error, "t.csv:2: a NUL byte");
}

/* A file refused before its first record: the reader owned the mapped file
 * and freed it once (it was freed twice: valgrind and ASan saw it). */
static void
test_open_refused_file (void **state)
{
  (void) state;
  const char *texts[] = { "", "\n\n", "a,\"b\n" };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *path = dk_test_write_file ("refused.csv", texts[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (DkCsvReader) r = dk_csv_reader_open (path, DK_CSV_UTF8, DK_LANG_EN, &error);
      assert_null (r);
      assert_true (g_error_matches (error, DK_CSV_ERROR, DK_CSV_ERROR_INVALID));
      assert_error_contains (error, "refused.csv:");
    }
}

/* Windows-1252: the header and every record, in the quick and the general
 * reader (a quoted field), turned into UTF-8; long records grow the buffer;
 * a byte that is no character is an error with its line. */
static void
test_windows_1252 (void **state)
{
  (void) state;
  g_autoptr (GString) text = g_string_new ("namn;k\xF6n\n\xC5sa;\x93" "F\x94\n\"\x80 \xE9;\";x\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, '\xE4');
  g_string_append (text, ";y\nz;\x81\n");
  g_autofree char *path = dk_test_write_file ("w1252.csv", text->str);
  g_autoptr (GError) error = NULL;
  g_autoptr (DkCsvReader) r = dk_csv_reader_open (path, DK_CSV_WINDOWS_1252, DK_LANG_EN, &error);
  assert_non_null (r);
  assert_string_equal (dk_csv_reader_header (r)->fields[1], "kön");
  g_autofree char *all = read_all (r, &error);
  g_autoptr (GString) want = g_string_new ("2:Åsa|“F”;3:€ é;|x;4:");
  for (guint i = 0; i < 2000; i++)
    g_string_append (want, "ä");
  g_string_append (want, "|y;");
  assert_string_equal (all, want->str);
  assert_error_contains (error, "w1252.csv:5: byte 0x81 is not a character of Windows-1252");

  /* the same bytes read as UTF-8: refused, naming the option */
  g_autoptr (GError) utf8 = NULL;
  g_autoptr (DkCsvReader) u = dk_csv_reader_open (path, DK_CSV_UTF8, DK_LANG_EN, &utf8);
  assert_null (u);
  assert_error_contains (utf8, "w1252.csv:1: not valid UTF-8 text");
  assert_error_contains (utf8, "--encoding windows-1252");
}

static void
test_header_only (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader ("a,b\n", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *all = read_all (r, &error);
  assert_null (error);
  assert_string_equal (all, "");
}

static void
test_too_many_fields (void **state)
{
  (void) state;
  GString *s = g_string_new ("a");
  for (int i = 0; i < 100000; i++)
    g_string_append (s, ",x");
  g_autoptr (GError) error = NULL;
  g_autoptr (DkCsvReader) r = reader (s->str, &error);
  g_string_free (s, TRUE);
  assert_null (r);
  assert_error_contains (error, "t.csv:1: more than 10000 fields");
}

static void
test_long_line (void **state)
{
  (void) state;
  gsize n = 10u << 20;
  char *text = g_malloc (n + 16);
  memcpy (text, "a\n", 2);
  memset (text + 2, 'x', n);
  memcpy (text + 2 + n, "\n", 2);
  g_autoptr (DkCsvReader) r = reader (text, NULL);
  DkCsvRecord rec;
  assert_true (dk_csv_reader_next (r, &rec, NULL));
  assert_int_equal (rec.lengths[0], n);
  g_free (text);
}

/* Lines around the one-pass reader's limit (4 096 bytes), empty fields, CRLF,
 * a last line without a line end and a quote after plain fields read as the
 * general reader reads them. */
static void
test_simple_and_general_agree (void **state)
{
  (void) state;
  GString *text = g_string_new ("a,b\r\n,\r\n");
  for (gsize len = 4093; len <= 4098; len++)
    {
      g_string_append (text, "x,");
      for (gsize i = 0; i < len - 2; i++)
        g_string_append_c (text, 'y');
      g_string_append (text, len % 2 ? "\r\n" : "\n");
    }
  g_string_append (text, "p,\"q,r\"\nlast,");
  g_autoptr (DkCsvReader) r = reader (text->str, NULL);
  DkCsvRecord rec;
  assert_true (dk_csv_reader_next (r, &rec, NULL));
  assert_int_equal (rec.line, 2);
  assert_int_equal (rec.n_fields, 2);
  assert_string_equal (rec.fields[0], "");
  assert_string_equal (rec.fields[1], "");
  for (gsize len = 4093; len <= 4098; len++)
    {
      assert_true (dk_csv_reader_next (r, &rec, NULL));
      assert_int_equal (rec.line, 3 + len - 4093);
      assert_string_equal (rec.fields[0], "x");
      assert_int_equal (rec.lengths[1], len - 2);
      assert_int_equal (strlen (rec.fields[1]), len - 2);
    }
  assert_true (dk_csv_reader_next (r, &rec, NULL));
  assert_string_equal (rec.fields[1], "q,r");
  assert_true (dk_csv_reader_next (r, &rec, NULL));
  assert_int_equal (rec.line, 10);
  assert_string_equal (rec.fields[0], "last");
  assert_string_equal (rec.fields[1], "");
  assert_false (dk_csv_reader_next (r, &rec, NULL));
  g_string_free (text, TRUE);
  assert_first_record_fails ("a,b\n1,2\r", "t.csv:2: a carriage return without a line feed");
  assert_first_record_fails ("a,b\n1,2\r3\n", "t.csv:2: a carriage return without a line feed");
}

static const DkCsvColumn columns[] = {
  { "person_id", "personid", TRUE },
  { "round", "omgång", TRUE },
  { "gender", "kön", FALSE },
  { "email", "epost", FALSE },
};

static void
test_map_columns (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader (" PersonID ;OMGÅNG;Kön\n1;2;F\n", NULL);
  int index[4];
  g_autoptr (GError) error = NULL;
  assert_true (dk_csv_reader_map_columns (r, columns, 4, index, &error));
  assert_int_equal (index[0], 0);
  assert_int_equal (index[1], 1);
  assert_int_equal (index[2], 2);
  assert_int_equal (index[3], -1);
}

static void
test_map_columns_all_problems (void **state)
{
  (void) state;
  g_autoptr (DkCsvReader) r = reader ("person_id,colour,kön,gender\n", NULL);
  int index[4];
  g_autoptr (GError) error = NULL;
  assert_false (dk_csv_reader_map_columns (r, columns, 4, index, &error));
  assert_error_contains (error, "t.csv:1: ");
  assert_error_contains (error, "unknown column 'colour'");
  assert_error_contains (error, "column 'gender' appears twice");
  assert_error_contains (error, "missing column 'round'");
  assert_error_contains (error, "accepted columns: person_id (personid), round (omgång)");
}

/* The reader's messages are in the language it was opened with, whatever
 * the process's locale: each import's, in a server answering two people. */
static void
test_messages_in_the_readers_language (void **state)
{
  (void) state;
  dk_test_messages_load ();
  static const char text[] = "person_id,colour\n\"P1,x\n";
  g_autoptr (GError) sv = NULL, en = NULL;
  g_autoptr (DkCsvReader) r_sv = dk_csv_reader_new_from_data (text, sizeof text - 1, "t.csv", DK_LANG_SV, NULL);
  g_autoptr (DkCsvReader) r_en = dk_csv_reader_new_from_data (text, sizeof text - 1, "t.csv", DK_LANG_EN, NULL);
  int index[4];
  assert_false (dk_csv_reader_map_columns (r_sv, columns, 4, index, &sv));
  assert_false (dk_csv_reader_map_columns (r_en, columns, 4, index, &en));
  assert_error_contains (sv, "t.csv:1: okänd kolumn 'colour'");
  assert_error_contains (sv, "; godtagna kolumner: person_id (personid)");
  assert_error_contains (en, "t.csv:1: unknown column 'colour'");
  g_clear_error (&sv);
  g_clear_error (&en);
  DkCsvRecord rec;
  assert_false (dk_csv_reader_next (r_sv, &rec, &sv));
  assert_false (dk_csv_reader_next (r_en, &rec, &en));
  assert_error_contains (sv, "t.csv:2: ett fält inom citattecken avslutas aldrig");
  assert_error_contains (en, "t.csv:2: a quoted field is never closed");
}

static void
ignore_record (const DkCsvRecord *record, const int *index, gpointer user_data)
{
  (void) record, (void) index, (void) user_data;
}

/* An import's collected errors, the reader's among them, and the count of
 * those left out, in the errors' language. */
static void
test_read_all_in_the_errors_language (void **state)
{
  (void) state;
  dk_test_messages_load ();
  g_autofree char *path = dk_test_write_file ("many.csv", "person_id,round\nP1\nP2\nP3\n");
  DkErrors errors;
  dk_errors_init (&errors, 2, DK_LANG_SV);
  guint64 rows = 0;
  g_autoptr (GError) error = NULL;
  assert_true (dk_csv_read_all (path, DK_CSV_UTF8, columns, 4, ignore_record, NULL, &errors, &rows, NULL,
                                &error));
  dk_errors_add (&errors, "many.csv", 4, "%s", "one left out");
  assert_true (dk_errors_propagate (&errors, &error, DK_CSV_ERROR, DK_CSV_ERROR_INVALID));
  assert_error_contains (error, "many.csv:2: 1 fält, rubrikraden har 2");
  assert_error_contains (error, "\n... och 1 fel till");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_simple),
    cmocka_unit_test (test_semicolon_bom_crlf),
    cmocka_unit_test (test_quotes_and_line_numbers),
    cmocka_unit_test (test_field_count_mismatch_then_continue),
    cmocka_unit_test (test_bad_first_field_then_continue),
    cmocka_unit_test (test_malformed),
    cmocka_unit_test (test_nul_in_data),
    cmocka_unit_test (test_open_refused_file),
    cmocka_unit_test (test_header_only),
    cmocka_unit_test (test_too_many_fields),
    cmocka_unit_test (test_windows_1252),
    cmocka_unit_test (test_long_line),
    cmocka_unit_test (test_simple_and_general_agree),
    cmocka_unit_test (test_map_columns),
    cmocka_unit_test (test_map_columns_all_problems),
    cmocka_unit_test (test_messages_in_the_readers_language),
    cmocka_unit_test (test_read_all_in_the_errors_language),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
