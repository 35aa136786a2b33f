/* test_report_model.c — report renderings: a suppressed value never appears in any
 * format, formula-like text is neutralised, HTML is escaped, numbers follow
 * the language. */
#include "support.h"
#include "report-model.h"
#include "plan-export.h"
#include "context.h"
#include "report.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* A table with a suppressed figure of 0.4242 (42.4 %) — it must never show. */
static DkReport *
sample (DkLang lang)
{
  DkReport *r = dk_report_new ("Rapport <&>", lang);
  dk_report_add_note (r, "Groups smaller than 5 are suppressed.");
  DkTable *t = dk_table_new ("needs", "Share with needs");
  dk_table_add_column (t, "unit", "Enhet", DK_COLUMN_TEXT);
  dk_table_add_column (t, "people", "Personer", DK_COLUMN_INTEGER);
  dk_table_add_column (t, "share", "Andel", DK_COLUMN_PERCENT);
  dk_table_add_column (t, "change", "Förändring", DK_COLUMN_POINTS);
  guint r0 = dk_table_add_row (t);
  dk_table_set_text (t, r0, 0, "Södermalm");
  dk_table_set_number (t, r0, 1, 12);
  dk_table_set_number (t, r0, 2, 0.24);
  dk_table_set_number (t, r0, 3, -4.5);
  guint r1 = dk_table_add_row (t);
  dk_table_set_text (t, r1, 0, "=SUM(A1)");
  /* the figures of a group of four, set and then suppressed: neither the
   * 4 nor the 0.4242 may reach any format */
  dk_table_set_number (t, r1, 1, 4);
  dk_table_set_number (t, r1, 2, 0.4242);
  dk_table_set_suppressed (t, r1, 1);
  dk_table_set_suppressed (t, r1, 2);
  guint r2 = dk_table_add_row (t);
  dk_table_set_text (t, r2, 0, "<script>alert('x') & \"q\"</script>");
  dk_table_set_emphasis (t, r2, 0, TRUE);
  guint r3 = dk_table_add_row (t);
  dk_table_set_text (t, r3, 0, "-1+2");
  dk_table_set_number (t, r3, 3, 5);
  guint r4 = dk_table_add_row (t);
  dk_table_set_text (t, r4, 0, "@cmd");
  dk_report_add_table (r, t);
  return r;
}

static void
test_text (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = sample (DK_LANG_SV);
  g_autofree char *text = dk_report_render_text (r, FALSE);
  assert_non_null (strstr (text, "24,0 %"));
  assert_non_null (strstr (text, "−4,5"));
  assert_null (strstr (text, "42"));
  /* columns align by characters, not bytes: "Södermalm" is 9 wide */
  assert_non_null (strstr (text, "Södermalm                                 12"));
  assert_non_null (strstr (text, "</script>*"));   /* emphasis without colour */
}

static void
test_csv (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = sample (DK_LANG_SV);
  g_autofree char *csv = dk_report_render_csv (r);
  assert_non_null (strstr (csv, "unit,people,share,change\r\n"));
  assert_non_null (strstr (csv, "Södermalm,12,24.0,-4.5\r\n"));   /* machine numbers */
  assert_non_null (strstr (csv, "'=SUM(A1),–,–,\r\n"));
  assert_non_null (strstr (csv, "'-1+2,,,5.0"));
  assert_non_null (strstr (csv, "'@cmd"));
  assert_non_null (strstr (csv, "\"<script>alert('x') & \"\"q\"\"</script>\""));
  assert_null (strstr (csv, "42"));
}

static void
test_json (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = sample (DK_LANG_EN);
  g_autofree char *json = dk_report_render_json (r, NULL);
  g_autoptr (JsonParser) p = json_parser_new ();
  assert_true (json_parser_load_from_data (p, json, -1, NULL));
  JsonObject *root = json_node_get_object (json_parser_get_root (p));
  JsonArray *rows = json_object_get_array_member (
      json_array_get_object_element (json_object_get_array_member (root, "tables"), 0), "rows");
  JsonObject *first = json_array_get_object_element (rows, 0);
  assert_true (json_object_get_double_member (first, "share") == 0.24);
  assert_int_equal (json_object_get_int_member (first, "people"), 12);
  JsonObject *second = json_array_get_object_element (rows, 1);
  assert_true (json_object_get_null_member (second, "share"));
  assert_true (json_object_get_null_member (second, "people"));
  assert_int_equal (json_array_get_length (json_object_get_array_member (second, "suppressed")), 2);
  assert_null (strstr (json, "42"));
}

/* Every format publishes a number at the precision the terminal shows it:
 * a share of 5 in 13 is 38.5 (CSV) and 0.385 (JSON), a level 2.23. */
static void
test_precision (void **state)
{
  (void) state;
  assert_true (dk_published_value (5.0 / 13, DK_COLUMN_PERCENT) == 0.385);
  assert_true (dk_published_value (29.0 / 13, DK_COLUMN_LEVEL) == 2.23);
  assert_true (dk_published_value (-1.0 / 30, DK_COLUMN_LEVEL_CHANGE) == -0.03);
  assert_true (dk_published_value (100.0 / 3, DK_COLUMN_POINTS) == 33.3);
  assert_true (signbit (dk_published_value (-0.0004, DK_COLUMN_PERCENT)) == 0);
  g_autoptr (DkReport) r = dk_report_new ("Precision", DK_LANG_EN);
  DkTable *t = dk_table_new ("t", NULL);
  dk_table_add_column (t, "share", "Share", DK_COLUMN_PERCENT);
  dk_table_add_column (t, "level", "Level", DK_COLUMN_LEVEL);
  dk_table_add_column (t, "change", "Change", DK_COLUMN_POINTS);
  dk_table_add_column (t, "mixed", "Mixed", DK_COLUMN_TEXT);
  guint row = dk_table_add_row (t);
  dk_table_set_number (t, row, 0, 5.0 / 13);
  dk_table_set_number (t, row, 1, 29.0 / 13);
  dk_table_set_number (t, row, 2, 100.0 / 3);
  dk_table_set_value (t, row, 3, 7.0 / 13, DK_COLUMN_PERCENT);
  dk_report_add_table (r, t);
  g_autofree char *csv = dk_report_render_csv (r);
  assert_non_null (strstr (csv, "38.5,2.23,33.3,53.8\r\n"));
  g_autofree char *json = dk_report_render_json (r, NULL);
  assert_non_null (strstr (json, "0.385"));
  assert_non_null (strstr (json, "0.538"));
  assert_non_null (strstr (json, "2.23"));
  assert_non_null (strstr (json, "33.3"));
  assert_null (strstr (json, "0.3846"));
  assert_null (strstr (json, "00000"));   /* not json-glib's 0.38500000000000001 */
}

static void
test_html (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = sample (DK_LANG_SV);
  dk_report_add_chart (r, "Diagram <1>", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
  g_autofree char *html = dk_report_render_html (r);
  assert_null (strstr (html, "<script>"));
  assert_non_null (strstr (html, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;q&quot;&lt;/script&gt;"));
  assert_non_null (strstr (html, "<title>Rapport &lt;&amp;&gt;</title>"));
  assert_non_null (strstr (html, "Diagram &lt;1&gt;"));
  assert_non_null (strstr (html, "class=\"sup\">–"));
  assert_non_null (strstr (html, "24,0 %"));
  assert_null (strstr (html, "42"));
}

static void
test_xlsx (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = sample (DK_LANG_EN);
  g_autofree char *dir = g_dir_make_tmp ("digikomp-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  assert_true (dk_report_write_xlsx (r, path, &error));
  g_autofree char *data = NULL;
  gsize len = 0;
  assert_true (g_file_get_contents (path, &data, &len, NULL));
  assert_true (len > 100 && memcmp (data, "PK", 2) == 0);
  /* no temporary file is left beside it */
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  assert_string_equal (g_dir_read_name (d), "r.xlsx");
  assert_null (g_dir_read_name (d));
  assert_false (dk_report_write_xlsx (r, "/nonexistent/dir/r.xlsx", &error));
}

/* Returns whether BYTES hold what WRITE puts in a file (written once before
 * and once after BYTES were made: a workbook or a PDF is stamped with the
 * second it was made in, and at most one of the two can straddle a tick). */
static gboolean
same_as_file (GBytes *bytes, gboolean (*write) (const DkReport *, gconstpointer, const char *, GError **),
              const DkReport *r, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("digikomp-bytes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r", NULL);
  gboolean same = FALSE;
  for (int i = 0; i < 2 && !same; i++)
    {
      g_autofree char *data_f = NULL;
      gsize len = 0;
      assert_true (write (r, data, path, NULL) && g_file_get_contents (path, &data_f, &len, NULL));
      g_autoptr (GBytes) file = g_bytes_new_take (g_steal_pointer (&data_f), len);
      same = g_bytes_equal (bytes, file);
      g_unlink (path);
    }
  g_rmdir (dir);
  return same;
}

static gboolean
write_xlsx (const DkReport *r, gconstpointer data, const char *path, GError **error)
{
  (void) data;
  return dk_report_write_xlsx (r, path, error);
}

static gboolean
write_pdf (const DkReport *r, gconstpointer ctx, const char *path, GError **error)
{
  return dk_report_write_pdf (r, ctx, path, error);
}

/* A server's download is the file's bytes: XLSX and PDF in memory. */
static void
test_bytes (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = sample (DK_LANG_EN);
  DkContext ctx = dk_context_init ("tester", DK_LANG_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) xlsx = dk_report_xlsx_bytes (r, &error);
  assert_non_null (xlsx);
  assert_true (g_bytes_get_size (xlsx) > 100 && memcmp (g_bytes_get_data (xlsx, NULL), "PK", 2) == 0);
  assert_true (same_as_file (xlsx, write_xlsx, r, NULL));
  g_autoptr (GBytes) pdf = dk_report_pdf_bytes (r, &ctx, &error);
  assert_non_null (pdf);
  assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);
  assert_true (same_as_file (pdf, write_pdf, r, &ctx));
}

/* A table without rows says so to people, and stays a bare header (CSV)
 * or an empty list (JSON) for programs. */
static void
test_empty_table (void **state)
{
  (void) state;
  g_autoptr (DkReport) r = dk_report_new ("Goals", DK_LANG_EN);
  DkTable *t = dk_table_new ("goals", NULL);
  dk_table_add_column (t, "competence", "Competence", DK_COLUMN_TEXT);
  dk_table_add_column (t, "goals", "Goals", DK_COLUMN_INTEGER);
  dk_report_add_table (r, t);
  g_autofree char *text = dk_report_render_text (r, FALSE);
  g_autofree char *html = dk_report_render_html (r);
  g_autofree char *csv = dk_report_render_csv (r);
  assert_non_null (strstr (text, "──  ─────\n(nothing to show)\n"));
  assert_non_null (strstr (html, "<tr><td colspan=\"2\">(nothing to show)</td></tr>"));
  assert_string_equal (csv, "competence,goals\r\n");
}

static void
test_numbers_in_languages (void **state)
{
  (void) state;
  g_autofree char *sv = dk_format_percent (0.24, DK_LANG_SV);
  g_autofree char *en = dk_format_percent (0.24, DK_LANG_EN);
  g_autofree char *pts = dk_format_points (5.04, DK_LANG_EN);
  g_autofree char *zero = dk_format_points (-0.01, DK_LANG_EN);
  assert_string_equal (sv, "24,0 %");
  assert_string_equal (en, "24.0 %");
  assert_string_equal (pts, "+5.0");
  assert_string_equal (zero, "0.0");
  /* mean levels 3.14 → 3.18: the change must not read as zero */
  g_autofree char *up = dk_format_level_change (3.18 - 3.14, DK_LANG_SV);
  g_autofree char *down = dk_format_level_change (-0.126, DK_LANG_SV);
  g_autofree char *none = dk_format_level_change (-0.001, DK_LANG_EN);
  assert_string_equal (up, "+0,04");
  assert_string_equal (down, "−0,13");
  assert_string_equal (none, "0.00");
  DkFormat f;
  assert_true (dk_format_parse ("xlsx", &f) && f == DK_FORMAT_XLSX);
  assert_true (dk_format_parse ("pdf", &f) && f == DK_FORMAT_PDF);
  assert_false (dk_format_parse ("docx", &f));
}

/* Names to values: every parser finds its names, NULL where it has a
 * default, and refuses any other word without touching the result. */
static void
test_names (void **state)
{
  (void) state;
  DkFormat f = DK_FORMAT_CSV;
  assert_true (dk_format_parse (NULL, &f) && f == DK_FORMAT_TABLE);
  assert_true (dk_format_parse ("pdf", &f) && f == DK_FORMAT_PDF);
  assert_false (dk_format_parse ("PDF", &f));
  assert_int_equal (f, DK_FORMAT_PDF);
  DkPlanFormat pf = DK_PLAN_FORMAT_PDF;
  assert_true (dk_plan_format_parse (NULL, &pf) && pf == DK_PLAN_FORMAT_MD);
  assert_true (dk_plan_format_parse ("json", &pf) && pf == DK_PLAN_FORMAT_JSON);
  assert_false (dk_plan_format_parse ("", &pf));
  DkReportKind k = DK_REPORT_NEEDS;
  assert_true (dk_report_kind_parse ("conversations", &k) && k == DK_REPORT_CONVERSATIONS);
  assert_false (dk_report_kind_parse (NULL, &k) || dk_report_kind_parse ("summary", &k));
  assert_int_equal (k, DK_REPORT_CONVERSATIONS);
  DkGender g = DK_GENDER_F;
  assert_true (dk_gender_parse ("", &g) && g == DK_GENDER_NONE);
  assert_true (dk_gender_parse ("X", &g) && g == DK_GENDER_X);
  assert_false (dk_gender_parse ("K", &g) || dk_gender_parse (NULL, &g));
  DkLang lang = DK_LANG_SV;
  assert_true (dk_lang_parse ("en", &lang) && lang == DK_LANG_EN);
  assert_true (dk_lang_parse ("sv", &lang) && lang == DK_LANG_SV);
  assert_false (dk_lang_parse ("de", &lang) || dk_lang_parse (NULL, &lang));
}

/* HTML escaping: the five characters, the control characters XML does
 * not allow (U+FFFD), tab, newline and the rest as they are. */
static void
test_html_escape (void **state)
{
  (void) state;
  g_autofree char *e = dk_html_escape ("a&b<c>d\"e'f\tg\n\x01h\x7f\xc3\xa5");
  assert_string_equal (e, "a&amp;b&lt;c&gt;d&quot;e&#39;f\tg\n\xef\xbf\xbdh\x7f\xc3\xa5");
  g_autofree char *none = dk_html_escape (NULL);
  assert_string_equal (none, "");
  g_autoptr (GString) out = g_string_new ("<p>");
  dk_html_escape_append (out, "x<y");
  dk_html_escape_append (out, NULL);
  assert_string_equal (out->str, "<p>x&lt;y");
  /* past the buffer's room, and then in it */
  g_autofree char *long_text = g_strnfill (300, 'a');
  dk_html_escape_append (out, long_text);
  dk_html_append (out, "&b", 2);
  assert_int_equal (out->len, strlen ("<p>x&lt;y") + 300 + 2);
  assert_true (g_str_has_suffix (out->str, "aa&b") && strlen (out->str) == out->len);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_text),
    cmocka_unit_test (test_html_escape),
    cmocka_unit_test (test_csv),
    cmocka_unit_test (test_json),
    cmocka_unit_test (test_precision),
    cmocka_unit_test (test_html),
    cmocka_unit_test (test_xlsx),
    cmocka_unit_test (test_bytes),
    cmocka_unit_test (test_empty_table),
    cmocka_unit_test (test_numbers_in_languages),
    cmocka_unit_test (test_names),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
