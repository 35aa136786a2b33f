/*
 * views-catalogue.h — the catalogue's listings as DkReports: every learning
 * activity (optionally those developing one competence or of one theme) and
 * one activity in full.  What `digikomp catalogue list|show` renders; a
 * server can render the same.
 */
#ifndef DK_VIEWS_CATALOGUE_H
#define DK_VIEWS_CATALOGUE_H

#include "catalogue.h"
#include "report-model.h"

/* Returns the activities of CATALOGUE (DkActivity) as one table (id, title
 * in LANG, kind, format, hours, what it develops as COMP:FROM..TO, themes),
 * only those developing COMPETENCE and of THEME when these are not NULL.
 * Caller frees; CATALOGUE stays the caller's.  Thread-safe. */
DkReport *dk_view_catalogue (const GPtrArray *catalogue, const char *competence, const char *theme,
                             DkLang lang);

/* Returns activity A field by field (id, kind, format, hours, language,
 * develops, roles, units, themes, sessions, description in LANG,
 * preparation, follow-up, easy Swedish, read aloud), titled by its title
 * in LANG.  Caller frees.  Thread-safe. */
DkReport *dk_view_activity (const DkActivity *a, DkLang lang);

#endif
