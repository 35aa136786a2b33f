/*
 * assess.c — `digikomp assess`: the employee rates their own competence,
 * one question at a time, and may share the rating with the manager.
 */
#include "cli.h"
#include "store.h"
#include <stdio.h>
#include <string.h>

/* Reads a line from standard input; NULL at its end. */
static char *
read_answer (void)
{
  char buf[256];
  fflush (stdout);
  if (fgets (buf, sizeof buf, stdin) == NULL)
    return NULL;
  return g_strstrip (g_strdup (buf));
}

static void
show_scale (const DkScale *scale, DkLang lang)
{
  for (guint l = scale->min; l <= scale->max; l++)
    {
      const char *label = dk_scale_label (scale, l, lang);
      const char *desc = dk_scale_descriptor (scale, l, lang);
      printf ("    %u  %s%s%s\n", l, label != NULL ? label : "", desc != NULL ? " — " : "",
              desc != NULL ? desc : "");
    }
}

/* Asks for one level until the answer is valid; returns FALSE at the end of
 * input.  An empty answer keeps CURRENT. */
static gboolean
ask_level (const char *prompt, guint current, const DkScale *scale, gboolean dont_know_ok,
           guint *answer)
{
  for (;;)
    {
      g_autofree char *shown = dk_level_text (current);
      printf ("  %s [%s]: ", prompt, shown);
      g_autofree char *line = read_answer ();
      if (line == NULL)
        return FALSE;
      if (*line == '\0')
        {
          *answer = current;
          return TRUE;
        }
      int v = cli_parse_level (line, dont_know_ok);
      if (v == DK_LEVEL_DONT_KNOW || (v >= (int) scale->min && v <= (int) scale->max))
        {
          *answer = (guint) v;
          return TRUE;
        }
      printf (_("  Answer %u–%u%s, or press Enter to keep the answer.\n"), scale->min, scale->max,
              dont_know_ok ? _(", ? for don't know") : "");
    }
}

typedef struct {
  DkStore     *store;
  DkRound     *round;
  DkPerson    *person;
  DkFramework *fw;
  DkLang       lang;
  DkContext    ctx;       /* who rates */
} Session;

/* Asks every applicable competence's level (MOTIVATION FALSE) or motivation,
 * saving each answer at once so that the rating can be resumed. */
static gboolean
ask_all (Session *s, DkAssessment *a, gboolean motivation, GError **error)
{
  const DkScale *scale = motivation ? dk_framework_motivation_scale (s->fw)
                                    : dk_framework_scale (s->fw);
  for (guint i = 0; i < dk_framework_n_competences (s->fw); i++)
    {
      const DkCompetence *c = dk_framework_competence (s->fw, i);
      if (!dk_framework_applies (s->fw, a->role, i))
        continue;
      printf ("\n%s  %s\n", c->id, dk_competence_title (c, s->lang));
      guint8 *slot = motivation ? &a->motivation[i] : &a->self[i];
      if (!motivation && c->description[s->lang] != NULL)
        printf ("  %s\n", c->description[s->lang]);
      if (!motivation)
        show_scale (scale, s->lang);
      guint answer;
      if (!ask_level (motivation ? _("Your motivation to develop") : _("Your level"),
                      *slot, scale, !motivation, &answer))
        return TRUE;
      if (answer == *slot || answer == DK_LEVEL_NONE)
        continue;
      gboolean ok = motivation
          ? dk_store_rate_motivation (s->store, s->round->code, s->person->ext_id, c->id, answer, &s->ctx, error)
          : dk_store_rate_self (s->store, s->round->code, s->person->ext_id, c->id, answer, &s->ctx, error);
      if (!ok)
        return FALSE;
      *slot = (guint8) answer;
    }
  return TRUE;
}

static gboolean
ask_share (Session *s, const DkAssessment *a, GError **error)
{
  if (a->flags & DK_ASSESS_SHARED)
    {
      printf (_("\nYour self-rating is shared with your manager, who sees the changes you made.\n"));
      return TRUE;
    }
  printf (_("\nShare your self-rating with your manager now? [y/N]: "));
  g_autofree char *line = read_answer ();
  if (line == NULL || (g_ascii_tolower (line[0]) != 'y' && g_ascii_tolower (line[0]) != 'j'))
    {
      printf (_("Not shared. Your answers are saved; share later with: digikomp assess %s --share\n"),
              s->person->ext_id);
      return TRUE;
    }
  if (!dk_store_share (s->store, s->round->code, s->person->ext_id, &s->ctx, error))
    return FALSE;
  printf (_("Shared with your manager.\n"));
  return TRUE;
}

static int
assess_interactive (Session *s)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DkAssessment) a = dk_store_assessment (s->store, s->round->id, s->person->id, &error);
  if (a == NULL && !g_error_matches (error, DK_STORE_ERROR, DK_STORE_ERROR_NOT_FOUND))
    return cli_fail (_("cannot start the self-rating"), error);
  g_clear_error (&error);
  if (a == NULL)
    {
      /* Not registered yet: the first saved answer registers the person. */
      a = g_new0 (DkAssessment, 1);
      const DkRole *role = dk_framework_role_by_id (s->fw, s->person->role);
      if (role == NULL)
        return cli_usage_error (_("%s's role %s is not in the round's framework"),
                                s->person->ext_id, s->person->role);
      a->role = role->index;
    }
  printf (_("Self-rating for %s, round %s (%s).\n"
            "Answer with a level, ? for don't know, or press Enter to keep the answer shown.\n"),
          s->person->name, s->round->code, s->round->title);
  printf ("%s", a->flags & DK_ASSESS_SHARED
                    ? _("Your self-rating is shared with your manager: each answer you change is saved "
                        "at once, and your manager sees it.\n")
                    : _("Your answers are saved as you go and stay private until you share them.\n"));
  if (!ask_all (s, a, FALSE, &error))
    return cli_fail (_("cannot save the rating"), error);
  printf (_("\nNow your motivation to develop each competence (%u = low, %u = high).\n"),
          dk_framework_motivation_scale (s->fw)->min, dk_framework_motivation_scale (s->fw)->max);
  if (!ask_all (s, a, TRUE, &error) || !ask_share (s, a, &error))
    return cli_fail (_("cannot save the rating"), error);
  return CLI_OK;
}

int
cmd_assess (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *round = NULL;
  gboolean share = FALSE;
  const GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_STRING, &round, N_("The round (default: the configured round, else the open one)"), N_("ROUND") },
    { "share", 0, 0, G_OPTION_ARG_NONE, &share, N_("Share the self-rating with the manager, without questions"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = cli_context_new (
      "assess", "PERSON",
      _("Rates PERSON's own competence, one competence at a time, then the motivation to\n"
        "develop each; asks at the end whether to share the rating with the manager."),
      entries, &common);
  int rc = CLI_OK;
  if (!cli_parse (ctx, &argc, &argv, &common))
    rc = CLI_USAGE;
  else if (argc != 2)
    rc = cli_usage_error (_("usage: digikomp assess PERSON [--round R] [--share]"));
  else
    {
      g_autoptr (GError) error = NULL;
      Session s = { .lang = common.lang, .ctx = cli_context (&common) };
      s.store = cli_store_open (&common, FALSE);
      if (s.store == NULL)
        rc = CLI_FAILED;
      else if (share)
        rc = dk_store_share (s.store, round, argv[1], &s.ctx, &error)
                 ? (printf (_("%s's self-rating is shared with the manager.\n"), argv[1]), CLI_OK)
                 : cli_fail (_("cannot share"), error);
      else if ((s.round = dk_store_round (s.store, round, &error)) == NULL
               || (s.person = dk_store_person (s.store, argv[1], &error)) == NULL
               || (s.fw = dk_store_round_framework (s.store, s.round, &error)) == NULL
               || !dk_rating_changeable (s.round, s.person, common.lang, &error))
        rc = cli_fail (_("cannot start the self-rating"), error);
      else
        rc = assess_interactive (&s);
      dk_framework_free (s.fw);
      dk_person_free (s.person);
      dk_round_free (s.round);
      dk_store_close (s.store);
    }
  cli_common_clear (&common);
  return rc;
}
