/*
 * plan-export.h — a personal plan for the person to keep: Markdown, a
 * printable HTML page with the radar chart of expected against effective
 * levels, PDF (A4, cairo and pango, fonts embedded), iCalendar (one event
 * per dated session of the planned activities, with the preparation task as
 * its description) and JSON.
 */
#ifndef DK_PLAN_EXPORT_H
#define DK_PLAN_EXPORT_H

#include "context.h"
#include "plan.h"

/* ---- the plan as a document to print ------------------------------------------------ */

/* A personal plan as the PDF writer sets it: every text in the reader's
 * language, people by name, dates written out.  Built by dk_plan_doc_load;
 * everything in it is owned by it (free with dk_plan_doc_free). */

typedef struct {
  char    *id, *title;       /* "4.2", "Protect personal data" */
  guint    expected;
  guint    self;             /* DK_LEVEL_NONE, a level or DK_LEVEL_DONT_KNOW */
  guint    manager;          /* DK_LEVEL_NONE or a level */
  guint    effective;        /* 0: none */
  int      gap;              /* expected − effective; 0 without an effective level */
} DkPlanDocLevel;

typedef struct {
  char    *title;            /* the activity's title, or the wish */
  char    *kind, *format;    /* words ("Course", "on-site"); NULL for a wish */
  double   hours;            /* 0: not given */
  char    *status;           /* "planned, target level 3, due 31 March 2027" */
  char    *reason;           /* why the planner suggested it (in the reader's language), or NULL */
  char    *preparation, *follow_up;   /* what to do before and after, or NULL */
  char   **sessions;         /* "1 March 2027, 09:00–17:00, Stadshuset" (NULL-terminated) */
} DkPlanDocItem;

typedef struct {
  char      *competence;     /* "4.2 Protect personal data" */
  GPtrArray *items;          /* DkPlanDocItem* */
} DkPlanDocGroup;

typedef struct {
  DkLang     lang;
  char      *name, *unit, *role;
  char      *manager;        /* the manager's name, or NULL */
  char      *round;          /* "2026 (Skattning vintern 2026)" */
  char      *state;          /* "agreed" in the reader's words */
  char      *agreed;         /* "29 April 2027 by Sara Lundberg", or NULL */
  GPtrArray *follow_ups;   /* char*: for each follow-up, oldest first, its date (long form) then its notes */
  char      *printed;        /* the date of printing, written out */
  guint      scale_min, scale_max;
  GPtrArray *levels;         /* DkPlanDocLevel*: the competences that apply */
  GPtrArray *groups;         /* DkPlanDocGroup*: the activities by competence */
  GPtrArray *wishes;         /* DkPlanDocGroup*: the wished-for activities by competence */
} DkPlanDoc;

/* Returns PERSON's plan in ROUND as a document in CTX's language, printed
 * today by CTX's clock; NULL with ERROR.  Caller frees. */
DkPlanDoc *dk_plan_doc_load (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                             GError **error);
void dk_plan_doc_free (DkPlanDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkPlanDoc, dk_plan_doc_free)

/* ---- the formats ------------------------------------------------------------------- */

typedef enum {
  DK_PLAN_FORMAT_MD,
  DK_PLAN_FORMAT_HTML,
  DK_PLAN_FORMAT_PDF,
  DK_PLAN_FORMAT_ICS,
  DK_PLAN_FORMAT_JSON,
} DkPlanFormat;

/* Returns the format named NAME (md, html, pdf, ics, json; NULL: md). */
gboolean dk_plan_format_parse (const char *name, DkPlanFormat *out);

/* Returns PERSON's plan in ROUND rendered as FORMAT (not PDF) in CTX's
 * language, a new NUL-terminated string (caller frees), or NULL with ERROR.
 * The calendar (ICS) stamps its events with the time by CTX's clock. */
char *dk_plan_render (DkStore *store, const char *round, const char *person, DkPlanFormat format,
                      const DkContext *ctx, GError **error);

/* Returns PERSON's plan in ROUND as FORMAT, PDF included, in memory (caller
 * unrefs), or NULL with ERROR: the bytes a file of the plan holds (the text
 * formats without their NUL), what a server sends.  As dk_plan_render for
 * the language and the clock. */
GBytes *dk_plan_export (DkStore *store, const char *round, const char *person, DkPlanFormat format,
                        const DkContext *ctx, GError **error);

/* Writes PERSON's plan as PDF (A4, typeset) to PATH through dk_file_replace
 * (atomic-file.h), in CTX's language with the date of printing from CTX's
 * clock.  Returns FALSE with ERROR. */
gboolean dk_plan_write_pdf (DkStore *store, const char *round, const char *person, const DkContext *ctx,
                            const char *path, GError **error);

/* Writes the plan of every person in UNIT (a path) and its sub-units who
 * has one in ROUND into directory DIR (created when missing), one file per
 * person named by person id and FORMAT ("K10040.pdf"; bytes other than
 * ASCII letters, digits, '-', '_' and a '.' not at the start become %XX,
 * '%' too: "a/b" is "a%2Fb.pdf", and no two ids share a file).  Returns the paths
 * written (char*; caller owns), or NULL with ERROR; files written before a
 * failure stay.  The files are for whoever asked (a manager, HR), not for
 * the people: a self-rating not yet shared shows no level in them. */
GPtrArray *dk_plan_export_unit (DkStore *store, const char *round, const char *unit, DkPlanFormat format,
                                const DkContext *ctx, const char *dir, GError **error);

#endif
