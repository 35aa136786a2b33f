/* test_plan_reason.c — a planner's reason: the stored form, read back and
 * rendered; the English and Swedish texts of older stores read into it,
 * and what cannot be read kept as it is.  (The Swedish rendering needs the
 * message catalogue: tests/cli/t_plan_lang.sh.) */
#include "support.h"
#include "plan-reason.h"

/* Fails unless R is stored as CODE and reads EN in English. */
static void
assert_reason (const DkReason *r, const char *code, const char *en)
{
  g_autofree char *stored = dk_reason_encode (r);
  assert_string_equal (stored, code);
  assert_true (dk_reason_is_code (stored));
  g_autofree char *text = dk_reason_render (stored, DK_LANG_EN);
  assert_string_equal (text, en);
}

static void
test_encoded_and_rendered (void **state)
{
  (void) state;
  const char *covers[] = { "4.1", "4.3", NULL };
  DkReason r = { "4.2", 2, 3, "on-site", 1.5, covers, 4, TRUE };
  assert_reason (&r, "v1;develops=4.2:2:3;format=on-site;hours=1.5;covers=4.1,4.3;towards=4;easy-swedish",
                 "develops 4.2 from 2 to 3; on-site; 1.5 h; also covers 4.1, 4.3; a step towards 4; easy Swedish");
  /* the least a reason says */
  DkReason bare = { "1.1", 1, 2, NULL, -1, NULL, 0, FALSE };
  assert_reason (&bare, "v1;develops=1.1:1:2", "develops 1.1 from 1 to 2");
}

static void
test_separators_in_ids_escaped (void **state)
{
  (void) state;
  const char *covers[] = { "b,c", NULL };
  DkReason r = { "a;b:c=%", 1, 2, "on-site", 3, covers, 0, FALSE };
  assert_reason (&r, "v1;develops=a%3Bb%3Ac%3D%25:1:2;format=on-site;hours=3;covers=b%2Cc",
                 "develops a;b:c=% from 1 to 2; on-site; 3 h; also covers b,c");
}

static void
test_other_text_shown_as_stored (void **state)
{
  (void) state;
  const char *texts[] = {
    "Chosen by hand",                                   /* a text no migration could read */
    "v2;develops=4.2:2:3",                              /* a later version */
    "v1;develops=4.2:2",                                /* a part missing */
    "v1;develops=4.2:2:3;colour=blue",                  /* a field this version does not know */
    "v1;develops=4.2:2:3;hours=1,5",                    /* hours not in ASCII */
    "v1;develops=4.2:2:3;develops=4.1:1:2",             /* twice */
    "v1;develops=%ZZ:2:3",                              /* a bad escape */
    "v1;format=on-site",                                /* no competence */
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      assert_false (dk_reason_is_code (texts[i]));
      g_autofree char *shown = dk_reason_render (texts[i], DK_LANG_SV);
      assert_string_equal (shown, texts[i]);
    }
  assert_null (dk_reason_render (NULL, DK_LANG_EN));
  assert_false (dk_reason_is_code (NULL));
}

static void
test_old_texts_read_back (void **state)
{
  (void) state;
  static const char *const cases[][2] = {
    { "develops 4.2 from 2 to 3; on-site; 3 h", "v1;develops=4.2:2:3;format=on-site;hours=3" },
    { "develops 1.1 from 2 to 3; digital; 1.5 h; also covers 1.2, 2.1; a step towards 4; easy Swedish",
      "v1;develops=1.1:2:3;format=digital;hours=1.5;covers=1.2,2.1;towards=4;easy-swedish" },
    { "utvecklar 4.2 från 2 till 3; på plats; 3 h", "v1;develops=4.2:2:3;format=on-site;hours=3" },
    { "utvecklar 1.1 från 2 till 3; blandat; 1,5 h; täcker också 1.2; ett steg mot 4; lätt svenska",
      "v1;develops=1.1:2:3;format=mixed;hours=1.5;covers=1.2;towards=4;easy-swedish" },
    { "utvecklar 3.1 från 1 till 2; digitalt; 0,5 h; lätt svenska",
      "v1;develops=3.1:1:2;format=digital;hours=0.5;easy-swedish" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = dk_reason_from_text (cases[i][0]);
      assert_non_null (code);
      assert_string_equal (code, cases[i][1]);
    }
  /* English read back renders as it was written */
  g_autofree char *code = dk_reason_from_text (cases[1][0]);
  g_autofree char *en = dk_reason_render (code, DK_LANG_EN);
  assert_string_equal (en, cases[1][0]);
}

static void
test_unreadable_old_texts_left (void **state)
{
  (void) state;
  const char *texts[] = {
    "Chosen by hand",
    "develops 4.2 from 2 to 3",                          /* no format, no hours */
    "develops 4.2 from 2 to 3; on-site; 3 h; spare",     /* an unknown part */
    "develops 4.2 from 2 to 3; on site; 3 h",            /* not a format word */
    "develops 4.2 from two to 3; on-site; 3 h",
    "develops 4.2 from 2 to 3; on-site; 1.50 h",         /* not how the planner wrote hours */
    "develops 4.2 from 2 to 3; on-site; 1.5 h; easy Swedish; also covers 4.1",   /* out of order */
    "v1;develops=4.2:2:3;format=on-site;hours=3",        /* the stored form already */
  };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_null (dk_reason_from_text (texts[i]));
  assert_null (dk_reason_from_text (NULL));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_encoded_and_rendered),
    cmocka_unit_test (test_separators_in_ids_escaped),
    cmocka_unit_test (test_other_text_shown_as_stored),
    cmocka_unit_test (test_old_texts_read_back),
    cmocka_unit_test (test_unreadable_old_texts_left),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
