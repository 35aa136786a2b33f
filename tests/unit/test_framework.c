/* test_framework.c — the framework loader: shipped files, look-ups, and one
 * broken file per fault, each refused with its line and reason. */
#include "support.h"
#include "framework.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static DkFramework *
load (const char *rel, GError **error)
{
  g_autofree char *path = dk_test_path (rel);
  return dk_framework_load (path, DK_LANG_EN, error);
}

static void
test_municipal_framework (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkFramework) fw = load ("frameworks/kommun-digcomp-12.xml", &error);
  assert_null (error);
  assert_string_equal (dk_framework_id (fw), "kommun-digcomp-12");
  assert_int_equal (dk_framework_n_areas (fw), 6);
  assert_int_equal (dk_framework_n_competences (fw), 14);
  assert_int_equal (dk_framework_n_roles (fw), 5);
  assert_int_equal (dk_framework_scale (fw)->max, 5);
  assert_int_equal (dk_framework_motivation_high (fw), 4);

  /* the table, row 4.2: 3 4 4 4 3 */
  const DkCompetence *c = dk_framework_competence_by_id (fw, "4.2");
  assert_non_null (c);
  assert_string_equal (dk_competence_title (c, DK_LANG_SV), "Skydda personuppgifter och integritet");
  const char *roles[] = { "employee", "manager", "system-owner", "system-admin", "communicator" };
  const guint expected[] = { 3, 4, 4, 4, 3 };
  for (guint r = 0; r < 5; r++)
    assert_int_equal (dk_framework_expected (fw, dk_framework_role_by_id (fw, roles[r])->index, c->index),
                      expected[r]);
  /* area 6 applies only to managers, system owners and system administrators */
  const DkCompetence *d = dk_framework_competence_by_id (fw, "6.1");
  assert_false (dk_framework_applies (fw, dk_framework_role_by_id (fw, "employee")->index, d->index));
  assert_false (dk_framework_applies (fw, dk_framework_role_by_id (fw, "communicator")->index, d->index));
  assert_int_equal (dk_framework_expected (fw, dk_framework_role_by_id (fw, "system-admin")->index, d->index), 2);
  assert_string_equal (c->digcomp[0], "4.2");
  assert_non_null (dk_scale_descriptor (dk_framework_scale (fw), 3, DK_LANG_EN));
}

/* The compiled form the store keeps rebuilds the same framework: compiling
 * it again gives the same bytes, and the look-ups work. */
static void
test_compiled_round_trip (void **state)
{
  (void) state;
  const char *files[] = { "frameworks/kommun-digcomp-12.xml", "frameworks/digcomp-2.2.xml" };
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr (DkFramework) fw = load (files[f], NULL);
      assert_non_null (fw);
      g_autoptr (GBytes) bytes = dk_framework_compile (fw);
      gsize len = 0;
      const void *data = g_bytes_get_data (bytes, &len);
      g_autoptr (DkFramework) back = dk_framework_load_compiled (data, len);
      assert_non_null (back);
      g_autoptr (GBytes) again = dk_framework_compile (back);
      assert_true (g_bytes_equal (bytes, again));
      assert_int_equal (dk_framework_n_competences (back), dk_framework_n_competences (fw));
      const DkCompetence *c = dk_framework_competence (back, dk_framework_n_competences (back) - 1);
      assert_ptr_equal (dk_framework_competence_by_id (back, c->id), c);
      assert_ptr_equal (dk_framework_area_by_id (back, c->area->id), c->area);
      const DkRole *r = dk_framework_role (back, dk_framework_n_roles (back) - 1);
      assert_ptr_equal (dk_framework_role_by_id (back, r->id), r);
      assert_string_equal (dk_competence_title (c, DK_LANG_SV),
                           dk_competence_title (dk_framework_competence_by_id (fw, c->id), DK_LANG_SV));
    }
  /* bytes of another format are refused, so that the store parses the XML */
  const guint8 junk[] = { 2, 0, 0, 0, 'x', 0 };
  assert_null (dk_framework_load_compiled (junk, sizeof junk));
  assert_null (dk_framework_load_compiled ("", 0));
}

static void
test_digcomp_reference (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkFramework) fw = load ("frameworks/digcomp-2.2.xml", &error);
  assert_null (error);
  assert_int_equal (dk_framework_n_areas (fw), 5);
  assert_int_equal (dk_framework_n_competences (fw), 21);
  assert_int_equal (dk_framework_scale (fw)->max, 8);
  assert_string_equal (dk_competence_title (dk_framework_competence_by_id (fw, "2.5"), DK_LANG_EN), "Netiquette");
  assert_non_null (dk_framework_role_by_id (fw, "citizen"));
  assert_non_null (dk_framework_role_by_id (fw, "public-employee"));
}

static void
test_titles_fall_back (void **state)
{
  (void) state;
  g_autoptr (DkFramework) fw = load ("tests/data/framework/small.xml", NULL);
  assert_non_null (fw);
  /* 1.2 has only an English title, 2.1 only a Swedish one */
  assert_string_equal (dk_competence_title (dk_framework_competence_by_id (fw, "1.2"), DK_LANG_SV), "Protect data");
  assert_string_equal (dk_competence_title (dk_framework_competence_by_id (fw, "2.1"), DK_LANG_EN), "Leda digitalt");
  assert_string_equal (dk_role_title (dk_framework_role_by_id (fw, "manager"), DK_LANG_EN), "Chef");
  assert_string_equal (dk_scale_label (dk_framework_scale (fw), 2, DK_LANG_EN), "Bas");
  assert_null (dk_scale_label (dk_framework_scale (fw), 4, DK_LANG_EN));
  assert_null (dk_scale_label (dk_framework_scale (fw), 9, DK_LANG_EN));
}

/* Loads a broken file and checks the error is "FILE:LINE: TEXT". */
/* Fails unless the framework at PATH (named NAME in messages) is refused as
 * bad input with "NAME:LINE: " (or "NAME: " for line 0) and TEXT. */
static void
assert_path_refused (const char *path, const char *name, guint line, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkFramework) fw = dk_framework_load (path, DK_LANG_EN, &error);
  assert_null (fw);
  assert_true (g_error_matches (error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_INVALID));
  g_autofree char *where = line > 0 ? g_strdup_printf ("%s:%u: ", name, line) : g_strdup_printf ("%s: ", name);
  assert_error_contains (error, where);
  assert_error_contains (error, text);
}

static void
assert_refused (const char *name, guint line, const char *text)
{
  g_autofree char *rel = g_strdup_printf ("tests/data/framework/bad/%s", name);
  g_autofree char *path = dk_test_path (rel);
  assert_path_refused (path, name, line, text);
}

static void
test_unknown_role (void **state)
{
  (void) state;
  assert_refused ("unknown-role.xml", 34, "expectation names role 'chief', which is not defined");
}

static void
test_level_off_scale (void **state)
{
  (void) state;
  assert_refused ("level-off-scale.xml", 22, "level 7 for role 'manager' is off the scale 1..5");
}

static void
test_duplicate_id (void **state)
{
  (void) state;
  assert_refused ("duplicate-id.xml", 24, "duplicate competence id '1.1'");
}

static void
test_missing_expectation (void **state)
{
  (void) state;
  assert_refused ("missing-expectation.xml", 19, "competence 1.1 has no expectation for role 'employee'");
}

static void
test_malformed (void **state)
{
  (void) state;
  assert_refused ("malformed.xml", 20, "Opening and ending tag mismatch");
}

static void
test_area_limited_to_unknown_role (void **state)
{
  (void) state;
  assert_refused ("area-unknown-role.xml", 30, "area is limited to role 'director', which is not defined");
}

static void
test_wrong_namespace (void **state)
{
  (void) state;
  assert_refused ("wrong-namespace.xml", 2, "namespace urn:digikomp:framework:1");
}

static void
test_empty_file (void **state)
{
  (void) state;
  assert_refused ("empty.xml", 0, "the file is empty");
}

static void
test_external_entity_refused (void **state)
{
  (void) state;
  assert_refused ("xxe.xml", 2, "DOCTYPE declarations are not allowed");
  /* and nothing of the file it points to reaches the message */
  g_autofree char *path = dk_test_path ("tests/data/framework/bad/xxe.xml");
  g_autoptr (GError) error = NULL;
  assert_null (dk_framework_load (path, DK_LANG_EN, &error));
  assert_null (strstr (error->message, "root:"));
}

static void
test_entity_bomb_refused (void **state)
{
  (void) state;
  /* refused at the DOCTYPE, before any entity exists */
  assert_refused ("entity-bomb.xml", 3, "DOCTYPE declarations are not allowed");
}

#define MARKER "MARKER-d1g1k0mp-secret"

/* Writes a file holding MARKER and returns its file:// URL (caller frees). */
static char *
marker_url (void)
{
  g_autofree char *path = dk_test_write_file ("secret.txt", MARKER "\n");
  return g_filename_to_uri (path, NULL, NULL);
}

static void
test_parameter_entity_refused (void **state)
{
  (void) state;
  g_autofree char *url = marker_url ();
  g_autofree char *xml = g_strdup_printf (
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE framework [\n"
      "  <!ENTITY %% ext SYSTEM \"%s\">\n"
      "  %%ext;\n"
      "]>\n"
      "<framework xmlns=\"urn:digikomp:framework:1\" id=\"x\" version=\"1\"/>\n", url);
  g_autofree char *path = dk_test_write_file ("pe.xml", xml);
  assert_path_refused (path, "pe.xml", 2, "DOCTYPE declarations are not allowed");
  g_autoptr (GError) error = NULL;
  assert_null (dk_framework_load (path, DK_LANG_EN, &error));
  assert_null (strstr (error->message, MARKER));
}

/* In UTF-16 the DOCTYPE is not found by a byte search: the parser's own
 * check refuses it, and the entity is never read. */
static void
test_utf16_external_entity_refused (void **state)
{
  (void) state;
  g_autofree char *url = marker_url ();
  g_autofree char *xml = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
      "<!DOCTYPE framework [ <!ENTITY secret SYSTEM \"%s\"> ]>\n"
      "<framework xmlns=\"urn:digikomp:framework:1\" id=\"x\" version=\"1\">"
      "<title xml:lang=\"en\">&secret;</title></framework>\n", url);
  gsize len = 0;
  g_autofree char *utf16 = g_convert (xml, -1, "UTF-16", "UTF-8", NULL, &len, NULL);
  assert_non_null (utf16);
  g_autofree char *path = dk_test_write_file ("xxe16.xml", "");
  assert_true (g_file_set_contents (path, utf16, (gssize) len, NULL));
  g_autoptr (GError) error = NULL;
  assert_null (dk_framework_load (path, DK_LANG_EN, &error));
  assert_true (g_error_matches (error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_INVALID));
  assert_error_contains (error, "DOCTYPE declarations are not allowed");
  assert_null (strstr (error->message, MARKER));
}

static void
test_deep_nesting_refused (void **state)
{
  (void) state;
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                               "<framework xmlns=\"urn:digikomp:framework:1\" id=\"x\" version=\"1\">");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "<a>");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "</a>");
  g_string_append (xml, "</framework>\n");
  g_autofree char *path = dk_test_write_file ("deep.xml", xml->str);
  g_string_free (xml, TRUE);
  assert_path_refused (path, "deep.xml", 2, "Excessive depth in document: 256");
}

/* A 100 MB attribute makes a file over the size limit: refused before it is
 * read, so memory stays bounded. */
static void
test_huge_attribute_refused_unread (void **state)
{
  (void) state;
  g_autofree char *path = dk_test_write_file ("huge.xml", "");
  FILE *f = fopen (path, "w");
  assert_non_null (f);
  fputs ("<?xml version=\"1.0\"?>\n<framework xmlns=\"urn:digikomp:framework:1\" id=\"", f);
  g_autofree char *chunk = g_strnfill (1 << 20, 'x');
  for (int i = 0; i < 100; i++)
    fwrite (chunk, 1, 1 << 20, f);
  fputs ("\" version=\"1\"/>\n", f);
  assert_int_equal (fclose (f), 0);
  assert_path_refused (path, "huge.xml", 0, "the file is 100.0 MiB; an XML file may be at most 16 MiB");
  unlink (path);
}

/* A device that never ends is read only up to the limit. */
static void
test_endless_file_refused (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  assert_null (dk_framework_load ("/dev/zero", DK_LANG_EN, &error));
  assert_true (g_error_matches (error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_INVALID));
  assert_error_contains (error, "/dev/zero: the file is larger than 16 MiB");
}

/* Under the size limit, an attribute longer than libxml2's 10 MB cap on one
 * text is refused by the parser. */
static void
test_long_attribute_refused (void **state)
{
  (void) state;
  g_autofree char *attr = g_strnfill (11 << 20, 'x');
  g_autofree char *xml = g_strdup_printf (
      "<?xml version=\"1.0\"?>\n<framework xmlns=\"urn:digikomp:framework:1\" id=\"%s\" version=\"1\"/>\n",
      attr);
  g_autofree char *path = dk_test_write_file ("long.xml", xml);
  assert_path_refused (path, "long.xml", 2, "AttValue length too long");
  unlink (path);
}

static void
test_invalid_utf8_refused (void **state)
{
  (void) state;
  g_autofree char *path = dk_test_write_file (
      "badutf8.xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<framework xmlns=\"urn:digikomp:framework:1\" id=\"x\" version=\"1\">\n"
      "<title xml:lang=\"en\">ab\xff\xfe</title></framework>\n");
  assert_path_refused (path, "badutf8.xml", 3, "Input is not proper UTF-8");
}

static void
test_all_errors_reported (void **state)
{
  (void) state;
  assert_refused ("two-faults.xml", 22, "level 9 for role 'manager' is off the scale");
  assert_refused ("two-faults.xml", 24, "duplicate competence id '1.1'");
}

/* The problems are in the language the caller names, not the process's:
 * two people validating the same file on one server read them each in
 * their own. */
static void
test_errors_in_the_callers_language (void **state)
{
  (void) state;
  dk_test_messages_load ();
  g_autofree char *path = dk_test_path ("tests/data/framework/bad/two-faults.xml");
  g_autoptr (GError) sv = NULL, en = NULL;
  assert_null (dk_framework_load (path, DK_LANG_SV, &sv));
  assert_null (dk_framework_load (path, DK_LANG_EN, &en));
  assert_error_contains (sv, "two-faults.xml:22: nivå 9 för rollen 'manager' ligger utanför skalan");
  assert_error_contains (sv, "two-faults.xml:24: id för kompetens '1.1' förekommer två gånger");
  assert_error_contains (en, "two-faults.xml:24: duplicate competence id '1.1'");
  g_clear_error (&sv);
  assert_null (dk_framework_load ("/nonexistent/framework.xml", DK_LANG_SV, &sv));
  assert_error_contains (sv, "kan inte läsa /nonexistent/framework.xml: ");
}

static void
test_unreadable_file (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  assert_null (dk_framework_load ("/nonexistent/framework.xml", DK_LANG_EN, &error));
  assert_true (g_error_matches (error, DK_FRAMEWORK_ERROR, DK_FRAMEWORK_ERROR_IO));
}

static void
test_schema_violation_has_line (void **state)
{
  (void) state;
  g_autofree char *path = dk_test_write_file ("noscale.xml",
      "<?xml version=\"1.0\"?>\n"
      "<framework xmlns=\"urn:digikomp:framework:1\" id=\"x\" version=\"1\">\n"
      "  <title xml:lang=\"en\">X</title>\n"
      "  <roles><role id=\"a\"><title xml:lang=\"en\">A</title></role></roles>\n"
      "</framework>\n");
  g_autoptr (GError) error = NULL;
  assert_null (dk_framework_load (path, DK_LANG_EN, &error));
  assert_error_contains (error, "noscale.xml:4: ");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_municipal_framework),
    cmocka_unit_test (test_compiled_round_trip),
    cmocka_unit_test (test_digcomp_reference),
    cmocka_unit_test (test_titles_fall_back),
    cmocka_unit_test (test_unknown_role),
    cmocka_unit_test (test_level_off_scale),
    cmocka_unit_test (test_duplicate_id),
    cmocka_unit_test (test_missing_expectation),
    cmocka_unit_test (test_malformed),
    cmocka_unit_test (test_area_limited_to_unknown_role),
    cmocka_unit_test (test_wrong_namespace),
    cmocka_unit_test (test_empty_file),
    cmocka_unit_test (test_external_entity_refused),
    cmocka_unit_test (test_entity_bomb_refused),
    cmocka_unit_test (test_parameter_entity_refused),
    cmocka_unit_test (test_utf16_external_entity_refused),
    cmocka_unit_test (test_deep_nesting_refused),
    cmocka_unit_test (test_huge_attribute_refused_unread),
    cmocka_unit_test (test_endless_file_refused),
    cmocka_unit_test (test_long_attribute_refused),
    cmocka_unit_test (test_invalid_utf8_refused),
    cmocka_unit_test (test_all_errors_reported),
    cmocka_unit_test (test_errors_in_the_callers_language),
    cmocka_unit_test (test_unreadable_file),
    cmocka_unit_test (test_schema_violation_has_line),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
