/* test_config.c — config.ini: the settings it gives, and every kind of bad
 * file reported as "FILE:LINE: what is wrong". */
#include "support.h"
#include "config.h"

#include <string.h>

static DkConfig *
parse (const char *text, GError **error)
{
  return dk_config_parse ("config.ini", text, strlen (text), DK_LANG_EN, error);
}

static void
test_all_settings (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkConfig) c = parse ("# mine\n[digikomp]\ndb = /srv/k.db\nlang=sv\n"
                                  "min-group = 7\nround = 2026\n", &error);
  assert_non_null (c);
  assert_string_equal (c->path, "config.ini");
  assert_string_equal (c->db, "/srv/k.db");
  assert_string_equal (c->lang, "sv");
  assert_int_equal (c->min_group, 7);
  assert_string_equal (c->round, "2026");
}

static void
test_unset_settings (void **state)
{
  (void) state;
  g_autoptr (DkConfig) c = parse ("[digikomp]\nlang = en\n", NULL);
  assert_non_null (c);
  assert_null (c->db);
  assert_null (c->round);
  assert_int_equal (c->min_group, 0);
  assert_string_equal (c->lang, "en");
}

static void
assert_bad (const char *text, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkConfig) c = parse (text, &error);
  assert_null (c);
  assert_true (g_error_matches (error, DK_CONFIG_ERROR, DK_CONFIG_ERROR_INVALID));
  assert_error_contains (error, message);
}

/* `digikomp serve`'s group */
static void
test_web_settings (void **state)
{
  (void) state;
  g_autoptr (DkConfig) c = parse ("[digikomp]\nlang = sv\n[web]\nlisten = 0.0.0.0:8443\n"
                                  "public-url = https://k.example.se/\ntrust-header = X-User\n"
                                  "trusted-proxy = 10.0.0.1\n", NULL);
  assert_non_null (c);
  assert_string_equal (c->listen, "0.0.0.0:8443");
  assert_string_equal (c->public_url, "https://k.example.se/");
  assert_string_equal (c->trust_header, "X-User");
  assert_string_equal (c->trusted_proxy, "10.0.0.1");
  assert_bad ("[web]\nlisten = 1\nport = 8080\n",
              "config.ini:3: unknown setting 'port' in [web]; the settings are listen, public-url, "
              "trust-header and trusted-proxy");
  assert_bad ("[web]\npublic-url =\n", "config.ini:2: public-url has no value");
}

static void
test_bad_files (void **state)
{
  (void) state;
  assert_bad ("[digikomp]\ndb = a.db\nthis is not a setting\n",
              "config.ini:3: not a [group], a key = value or a # comment");
  assert_bad ("db = a.db\n[digikomp]\n", "config.ini:1: not a [group]");
  assert_bad ("[digikomp]\nlang = de\n", "config.ini:2: lang must be sv or en, not 'de'");
  assert_bad ("[digikomp]\n\nmin-group = 2\n", "config.ini:3: min-group must be a whole number of at least 3, not '2'");
  assert_bad ("[digikomp]\nmin-group = five\n", "config.ini:2: min-group must be a whole number");
  assert_bad ("[digikomp]\nround =\n", "config.ini:2: round has no value");
  assert_bad ("[digikomp]\ndatabase = x.db\n", "config.ini:2: unknown setting 'database'");
  assert_bad ("[digikomp]\nlang = sv\n[report]\nk = 5\n", "config.ini:3: unknown group [report]");
}

static void
test_every_problem_reported (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkConfig) c = parse ("[digikomp]\nlang = fi\nmin-group = 1\n", &error);
  assert_null (c);
  assert_error_contains (error, "config.ini:2: lang");
  assert_error_contains (error, "config.ini:3: min-group");
}

static void
test_load_missing_and_present (void **state)
{
  (void) state;
  g_autoptr (GError) error = NULL;
  g_autoptr (DkConfig) none = dk_config_load ("/nonexistent/digikomp/config.ini", DK_LANG_EN, &error);
  assert_non_null (none);
  assert_null (none->path);
  assert_null (none->db);
  g_autofree char *path = dk_test_write_file ("config.ini", "[digikomp]\nround = 2025\n");
  g_autoptr (DkConfig) c = dk_config_load (path, DK_LANG_EN, &error);
  assert_non_null (c);
  assert_string_equal (c->path, path);
  assert_string_equal (c->round, "2025");
}

static void
test_default_path_follows_xdg (void **state)
{
  (void) state;
  g_autofree char *path = dk_config_default_path ();
  assert_string_equal (path, "/xdg/home/digikomp/config.ini");
}

int
main (void)
{
  /* before anything asks GLib for it: GLib reads it once */
  g_setenv ("XDG_CONFIG_HOME", "/xdg/home", TRUE);
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_all_settings),
    cmocka_unit_test (test_unset_settings),
    cmocka_unit_test (test_web_settings),
    cmocka_unit_test (test_bad_files),
    cmocka_unit_test (test_every_problem_reported),
    cmocka_unit_test (test_load_missing_and_present),
    cmocka_unit_test (test_default_path_follows_xdg),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
