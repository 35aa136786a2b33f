/*
 * hint.h — what to do next, as data.  An error of core/ that its reader can
 * do something about carries a DkHint beside its message: which next step
 * would help, and its arguments (a person, a round, a path).  The message
 * says what is wrong and names no command; each caller words the step its
 * own way: the command line as a command ("open one with: digikomp round
 * open …"), a web page as a link or a sentence, or not at all.
 *
 * Hints ride on the errors of the domains DK_STORE_ERROR, DK_PLAN_ERROR and
 * DK_GAP_ERROR (GLib's extended error domains): g_error_copy and
 * g_propagate_prefixed_error keep them.
 */
#ifndef DK_HINT_H
#define DK_HINT_H

#include <glib.h>

typedef enum {
  DK_HINT_NONE,
  DK_HINT_STORE_INIT,          /* create the store; arg0: its path */
  DK_HINT_FRAMEWORK_REGISTER,  /* register a framework */
  DK_HINT_ROSTER_IMPORT,       /* import the roster */
  DK_HINT_UNIT_LIST,           /* see the units */
  DK_HINT_ROUND_OPEN,          /* open a round */
  DK_HINT_ROUND_LIST,          /* see the rounds */
  DK_HINT_ROUND_OPEN_LIST,     /* see which round is open */
  DK_HINT_ROUND_NAME,          /* several are open: name the round */
  DK_HINT_SHARE,               /* the employee shares the self-rating; arg0: the person */
  DK_HINT_CATALOGUE_LIST,      /* see the catalogue; arg0: a competence, or NULL */
  DK_HINT_PLAN_CREATE,         /* create a plan; arg0: the person, arg1: the round */
  DK_HINT_PLAN_SHOW,           /* see the plan; arg0: the person */
  DK_HINT_PLAN_ITEMS,          /* see the plan's items; arg0: the person */
  DK_HINT_PLAN_ADD,            /* change the draft; arg0: the person */
  DK_HINT_PLAN_ADD_FIRST,      /* add an item before agreeing; arg0: the person */
  DK_HINT_PLAN_AGREE,          /* agree the plan first; arg0: the person */
  DK_HINT_PLAN_REOPEN,         /* reopen the plan to change it; arg0: the person */
  DK_HINT_PLAN_REOPEN_ITEMS,   /* reopen the plan to change its items; arg0: the person */
} DkHint;

/* Gives *ERROR, just set in one of the domains above, the hint HINT with
 * the arguments ARG0 and ARG1 (may be NULL; copied).  Does nothing when
 * ERROR or *ERROR is NULL or of another domain.  Thread-safe. */
void dk_error_set_hint (GError **error, DkHint hint, const char *arg0, const char *arg1);

/* Returns ERROR's hint, DK_HINT_NONE when it has none; with ARG0 and ARG1
 * not NULL, sets them to its arguments (owned by ERROR; may be NULL).
 * Thread-safe. */
DkHint dk_error_hint (const GError *error, const char **arg0, const char **arg1);

/* What an error domain with hints keeps beside each error.  For the
 * modules that define one (DK_DEFINE_HINTED_ERROR), not for callers. */
typedef struct {
  DkHint hint;
  char  *args[2];
} DkErrorHint;

void dk_error_hint_init (DkErrorHint *h);
void dk_error_hint_copy (const DkErrorHint *from, DkErrorHint *to);
void dk_error_hint_clear (DkErrorHint *h);

/* Defines error_type_quark () for an extended domain whose errors carry a
 * DkErrorHint, and error_type_hint_data (), which returns an error's. */
#define DK_DEFINE_HINTED_ERROR(ErrorType, error_type)                               \
  typedef DkErrorHint ErrorType##Private;                                           \
  static void error_type##_private_init (ErrorType##Private *p) { dk_error_hint_init (p); } \
  static void error_type##_private_copy (const ErrorType##Private *from, ErrorType##Private *to) \
  { dk_error_hint_copy (from, to); }                                                \
  static void error_type##_private_clear (ErrorType##Private *p) { dk_error_hint_clear (p); } \
  G_DEFINE_EXTENDED_ERROR (ErrorType, error_type)                                   \
  DkErrorHint *error_type##_hint_data (const GError *error)                         \
  { return error_type##_get_private (error); }

#endif
