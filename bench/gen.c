/*
 * gen.c — a synthetic organisation for the benchmark.
 *
 *   gen --people N --seed S --out DIR
 *
 * writes, deterministically and streaming (memory does not grow with N):
 *   roster.csv          N people in about 200 units (3 levels), managers first
 *   ratings-r1.csv      round r1, the long CSV form (docs/formats.md)
 *   ratings-r2.csv      round r2, a little better than r1
 *   catalogue.csv       500 learning activities (the catalogue CSV form)
 *   participation.csv   about 0.8 participations a person in 2025 and 2026, in
 *                       any month (docs/formats.md, "Participation CSV")
 *   expectations.csv    role,competence,area,expected — for the SQL peer
 * Roles and expected levels are those of frameworks/kommun-digcomp-12.xml.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define N_COMP 14
#define N_ROLES 5

static const char *roles[N_ROLES] = { "employee", "manager", "system-owner", "system-admin", "communicator" };
static const char *comps[N_COMP] = { "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2",
                                     "4.1", "4.2", "4.3", "5.1", "5.2", "6.1", "6.2" };
static const int expected[N_COMP][N_ROLES] = {
  { 3, 3, 3, 3, 4 }, { 2, 3, 4, 4, 3 }, { 3, 3, 3, 3, 4 }, { 2, 3, 3, 3, 4 }, { 2, 3, 3, 2, 4 },
  { 2, 2, 2, 2, 4 }, { 2, 3, 3, 3, 4 }, { 3, 3, 4, 4, 3 }, { 3, 4, 4, 4, 3 }, { 2, 3, 2, 2, 2 },
  { 2, 2, 3, 4, 2 }, { 2, 3, 3, 3, 3 }, { 0, 3, 3, 2, 0 }, { 0, 3, 4, 3, 0 },
};

/* Units: 8 departments × 5 sections × 5 teams = 200 teams, plus their parents. */
#define DEPTS 8
#define SECTIONS 5
#define TEAMS 5
#define N_TEAMS (DEPTS * SECTIONS * TEAMS)

static uint64_t
splitmix (uint64_t *s)
{
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* A number in [0, n) that depends only on (seed, a, b, c): every file can
 * recompute a person's traits without keeping them. */
static unsigned
pick (uint64_t seed, uint64_t a, uint64_t b, uint64_t c, unsigned n)
{
  uint64_t s = seed ^ (a * 0x100000001B3ull) ^ (b << 40) ^ (c << 20);
  return (unsigned) (splitmix (&s) % n);
}

static FILE *
open_out (const char *dir, const char *name)
{
  char path[4096];
  snprintf (path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen (path, "w");
  if (f == NULL)
    {
      fprintf (stderr, "gen: cannot write %s: %s\n", path, strerror (errno));
      exit (1);
    }
  setvbuf (f, NULL, _IOFBF, 1 << 20);
  return f;
}

static void
unit_path (char *buf, size_t len, unsigned team)
{
  snprintf (buf, len, "Kommun/Förvaltning %02u/Avdelning %u/Enhet %u", team / (SECTIONS * TEAMS) + 1,
            team / TEAMS % SECTIONS + 1, team % TEAMS + 1);
}

/* Person i (0-based) lives in team i % N_TEAMS; the first N_TEAMS people are
 * the teams' managers. */
static int
role_of (uint64_t seed, uint64_t i)
{
  if (i < N_TEAMS)
    return 1;
  unsigned r = pick (seed, i, 1, 0, 1000);
  return r < 10 ? 2 : r < 20 ? 3 : r < 40 ? 4 : 0;
}

static void
write_roster (const char *dir, uint64_t seed, uint64_t n)
{
  FILE *f = open_out (dir, "roster.csv");
  fputs ("person_id,name,email,unit,role,manager_id,gender\n", f);
  char unit[128];
  for (uint64_t i = 0; i < n; i++)
    {
      unsigned team = (unsigned) (i % N_TEAMS);
      unsigned g = pick (seed, i, 2, 0, 100);
      unit_path (unit, sizeof unit, team);
      fprintf (f, "P%07" PRIu64 ",Person %" PRIu64 ",p%" PRIu64 "@example.se,%s,%s,", i, i, i, unit,
               roles[role_of (seed, i)]);
      if (i >= N_TEAMS)
        fprintf (f, "P%07u", team);
      fprintf (f, ",%s\n", g < 70 ? "F" : g < 98 ? "M" : "X");
    }
  fclose (f);
}

static void
write_ratings (const char *dir, uint64_t seed, uint64_t n, int round)
{
  char name[32];
  snprintf (name, sizeof name, "ratings-r%d.csv", round);
  FILE *f = open_out (dir, name);
  fputs ("person_id,round,competence,self,manager,motivation,comment,reason,shared,conversation\n", f);
  for (uint64_t i = 0; i < n; i++)
    {
      if (pick (seed, i, 3, (uint64_t) round, 100) < (round == 1 ? 12u : 8u))
        continue;   /* did not answer this round */
      int role = role_of (seed, i);
      int ability = (int) pick (seed, i, 4, 0, 5) - 2 + (round == 2 && pick (seed, i, 5, 0, 3) == 0);
      const char *shared = pick (seed, i, 6, (uint64_t) round, 100) < 95 ? "yes" : "no";
      int talked = shared[0] == 'y' && pick (seed, i, 7, (uint64_t) round, 100) < 60;
      for (int c = 0; c < N_COMP; c++)
        {
          int e = expected[c][role];
          if (e == 0 || pick (seed, i, 8 + (uint64_t) c, (uint64_t) round, 100) < 6)
            continue;
          unsigned r = pick (seed, i, 30 + (uint64_t) c, (uint64_t) round, 100);
          int level = e + (ability > 0) + (r < 8 ? -1 : r > 80 ? 1 : 0) - (ability < -1 && r < 40);
          level = level < 1 ? 1 : level > 5 ? 5 : level;
          unsigned m = pick (seed, i, 60 + (uint64_t) c, (uint64_t) round, 100);
          fprintf (f, "P%07" PRIu64 ",r%d,%s,", i, round, comps[c]);
          if (r == 50)
            fputs ("?,", f);
          else
            fprintf (f, "%d,", level);
          if (talked && m < 5 && level < 5 && r != 50)
            fprintf (f, "%d,", level + 1);
          else
            fputs (",", f);
          fprintf (f, "%u,,%s,%s,", 1 + pick (seed, i, 90 + (uint64_t) c, (uint64_t) round, 5),
                   talked && m < 5 && level < 5 && r != 50 ? "Justerat i samtalet" : "", shared);
          if (talked)
            fprintf (f, "202%d-0%u-%02u", 4 + round, 2 + (unsigned) (i % 2), 1 + (unsigned) (i % 28));
          fputc ('\n', f);
        }
    }
  fclose (f);
}

static void
write_catalogue (const char *dir, uint64_t seed)
{
  static const char *kinds[] = { "lecture", "webinar", "course", "workshop", "e-learning",
                                 "micro-learning", "coaching", "network", "study-visit", "guide" };
  static const char *formats[] = { "on-site", "digital", "mixed" };
  FILE *f = open_out (dir, "catalogue.csv");
  fputs ("id,title_sv,title_en,kind,format,hours,language,develops,roles,units,themes,sessions\n", f);
  for (unsigned a = 0; a < 500; a++)
    {
      unsigned c = pick (seed, a, 100, 0, N_COMP), from = 1 + pick (seed, a, 101, 0, 3);
      unsigned c2 = pick (seed, a, 102, 0, N_COMP);
      fprintf (f, "A%03u,Aktivitet %u,Activity %u,%s,%s,%.1f,sv,%s:%u..%u", a, a, a,
               kinds[pick (seed, a, 103, 0, 10)], formats[pick (seed, a, 104, 0, 3)],
               0.5 * (1 + pick (seed, a, 105, 0, 16)), comps[c], from, from + 1);
      if (c2 != c)
        fprintf (f, " %s:%u..%u", comps[c2], from, from + 1);
      fprintf (f, ",%s,,,\n", c >= 12 ? "manager system-owner system-admin" : "");
    }
  fclose (f);
}

/* Two people in five take part in one to three activities, each on its own
 * day of a month of 2025 or 2026, attended or completed. */
static void
write_participation (const char *dir, uint64_t seed, uint64_t n)
{
  FILE *f = open_out (dir, "participation.csv");
  fputs ("person_id,activity_id,date,hours,status\n", f);
  for (uint64_t i = 0; i < n; i++)
    {
      if (pick (seed, i, 110, 0, 5) >= 2)
        continue;
      unsigned times = 1 + pick (seed, i, 111, 0, 3);
      for (unsigned j = 0; j < times; j++)
        fprintf (f, "P%07" PRIu64 ",A%03u,202%u-%02u-%02u,%.1f,%s\n", i, pick (seed, i, 112, j, 500),
                 5 + pick (seed, i, 113, j, 2), 1 + pick (seed, i, 114, j, 12), 1 + j,
                 0.5 * (1 + pick (seed, i, 115, j, 16)), pick (seed, i, 116, j, 3) == 0 ? "attended" : "completed");
    }
  fclose (f);
}

static void
write_expectations (const char *dir)
{
  FILE *f = open_out (dir, "expectations.csv");
  fputs ("role,competence,area,expected\n", f);
  for (int r = 0; r < N_ROLES; r++)
    for (int c = 0; c < N_COMP; c++)
      if (expected[c][r] > 0)
        fprintf (f, "%s,%s,%c,%d\n", roles[r], comps[c], comps[c][0], expected[c][r]);
  fclose (f);
}

int
main (int argc, char **argv)
{
  uint64_t n = 1000, seed = 1;
  const char *out = NULL;
  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--people") == 0)
        n = strtoull (argv[i + 1], NULL, 10);
      else if (strcmp (argv[i], "--seed") == 0)
        seed = strtoull (argv[i + 1], NULL, 10);
      else if (strcmp (argv[i], "--out") == 0)
        out = argv[i + 1];
    }
  if (out == NULL || n < N_TEAMS)
    {
      fprintf (stderr, "usage: gen --people N (at least %d) [--seed S] --out DIR\n", N_TEAMS);
      return 2;
    }
  mkdir (out, 0755);
  write_roster (out, seed, n);
  write_ratings (out, seed, n, 1);
  write_ratings (out, seed, n, 2);
  write_catalogue (out, seed);
  write_participation (out, seed, n);
  write_expectations (out);
  return 0;
}
