/*
 * framework-private.h — the inside of a DkFramework, shared by the model
 * (core/framework.c) and the XML loader of the XML readers' module
 * (xml/framework.c), which builds a framework from its file.
 */
#ifndef DK_FRAMEWORK_PRIVATE_H
#define DK_FRAMEWORK_PRIVATE_H

#include "framework.h"

struct _DkFramework {
  gatomicrefcount refs;     /* a loaded framework is never changed: shared */
  char       *id, *version;
  char       *title[DK_N_LANGS];
  DkScale     scale, motivation;
  guint       high;
  GPtrArray  *areas;         /* DkArea* */
  GPtrArray  *competences;   /* DkCompetence* */
  GPtrArray  *roles;         /* DkRole* */
  GHashTable *competence_by_id, *role_by_id, *area_by_id;
  guint8      expected[DK_MAX_ROLES][DK_MAX_COMPETENCES];
};

/* Returns a new framework with nothing in it (free with dk_framework_free). */
DkFramework *dk_framework_new_empty (void);

/* Free an area, a competence or a role that no framework holds (a framework
 * frees its own). */
void dk_area_free (DkArea *a);
void dk_competence_free (DkCompetence *c);
void dk_role_free (DkRole *r);

#endif
