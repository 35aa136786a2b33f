/*
 * access.h — who sees what in the web interface, decided in one place.
 *
 * Every handler of `digikomp serve` asks dk_access_allows before it reads
 * anything for the request; a denied request is answered 404, like a page
 * that does not exist, so that nobody learns what is there.  The rules
 * (shared/DESIGN.md, "Who sees what"):
 *
 *   public       /health, /login, /invite/TOKEN, the stylesheet: anyone
 *   signed-in    /, /logout, /settings, /catalogue, /accessibility: anyone signed in
 *   own          /me/…, /assessment…, /plan…: the signed-in person's own data
 *   team         /team: a person who is someone's recorded manager
 *   managed      /people/ID/…: the recorded manager of person ID
 *   reports      /reports/KIND: HR for any unit; a coordinator for their unit
 *                and its sub-units (the target's unit must be under it)
 *   hr           /rounds, /imports: HR
 *   participation /participation: HR; a coordinator for their units; a
 *                trainer for their activities (the target's activity)
 *   admin        /admin/…: admin
 *
 * No one, admin included, reaches another person's ratings through a rule
 * that is not written here.
 */
#ifndef DK_ACCESS_H
#define DK_ACCESS_H

#include "account.h"

typedef enum {
  DK_ACCESS_PUBLIC,
  DK_ACCESS_SIGNED_IN,
  DK_ACCESS_OWN,
  DK_ACCESS_TEAM,
  DK_ACCESS_MANAGED,
  DK_ACCESS_REPORTS,
  DK_ACCESS_HR,
  DK_ACCESS_PARTICIPATION,
  DK_ACCESS_ADMIN,
} DkAccessRule;

/* What a route is about: the person of /people/ID/… (their store id and
 * their recorded manager's), the unit of a report (a unit path; NULL: the
 * whole organisation), the activity of participation (NULL: all). */
typedef struct {
  gint64      person;
  gint64      person_manager;
  const char *unit;
  const char *activity;
} DkAccessTarget;

/* Returns TRUE when WHO (the signed-in account, NULL when signed out) may
 * use a route of RULE about TARGET (NULL: nothing in particular).  A
 * disabled account may use nothing but the public routes.  Reads nothing
 * but its arguments; thread-safe. */
gboolean dk_access_allows (const DkAccount *who, DkAccessRule rule, const DkAccessTarget *target);

#endif
