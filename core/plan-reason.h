/*
 * plan-reason.h — why the planner chose an activity: stored as codes and
 * numbers, rendered in the reader's language.
 *
 * plan_item.reason (and DkSuggestion.reason) holds a reason in a compact,
 * versioned form that no language is part of (docs/planner.md):
 *
 *   v1;develops=4.2:2:3;format=on-site;hours=1.5;covers=4.1,4.3;towards=4;easy-swedish
 *
 * fields after the version separated by ';', each KEY=VALUE or a bare flag;
 * develops is the competence, the person's level and the level it takes
 * them to; format the activity's format code (catalogue.h); hours in ASCII
 * ("1.5"); covers the person's other needs it also covers; towards the
 * target it is a step towards, when it does not reach it.  Competence ids
 * and codes are percent-escaped (%3B for ';').  The same reason reads
 * "develops 4.2 from 2 to 3; on-site; 1.5 h; also covers 4.1, 4.3; a step
 * towards 4; easy Swedish" to one reader and "utvecklar 4.2 från 2 till 3;
 * på plats; 1,5 h; …" to another.
 *
 * A stored reason that is not in this form (a text migration 10 could not
 * read back, or a later version's form) is shown as it is stored: it is
 * never lost.  Every function here is pure and thread-safe (rendering
 * needs dk_messages_load to have run, as dk_gettext does).
 */
#ifndef DK_PLAN_REASON_H
#define DK_PLAN_REASON_H

#include "dk.h"

/* A reason's parts. */
typedef struct {
  const char  *competence;   /* the need's competence */
  guint        level, to;    /* develops it from LEVEL to TO */
  const char  *format;       /* the activity's format code, or NULL */
  double       hours;        /* the activity's hours; < 0: not given */
  const char *const *covers; /* other needs it covers (NULL-terminated), or NULL */
  guint        towards;      /* 0: it reaches the target; else the target it is a step towards */
  gboolean     easy_swedish; /* given in easy Swedish */
} DkReason;

/* Returns REASON in the stored form ("v1;develops=…"), a new string the
 * caller frees. */
char *dk_reason_encode (const DkReason *reason);

/* Returns the reason STORED in LANG, a new string the caller frees: the
 * text of a reason in the stored form, STORED itself (copied) for any other
 * text, NULL for NULL. */
char *dk_reason_render (const char *stored, DkLang lang);

/* Returns TRUE when STORED is a reason in the stored form this version
 * reads (FALSE for NULL and for a text kept as it was). */
gboolean dk_reason_is_code (const char *stored);

/* Returns TEXT, a reason as stores before migration 10 kept it — in English
 * ("develops 4.2 from 2 to 3; on-site; 3 h; also covers 4.1") or in Swedish
 * ("utvecklar 4.2 från 2 till 3; på plats; 3 h; täcker också 4.1") — in
 * the stored form (caller frees), or NULL when TEXT is neither (a reason in
 * the stored form included). */
char *dk_reason_from_text (const char *text);

#endif
