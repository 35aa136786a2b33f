/*
 * views-framework.h — a framework as a DkReport: what `digikomp framework
 * show` renders, and a server can render the same.
 */
#ifndef DK_VIEWS_FRAMEWORK_H
#define DK_VIEWS_FRAMEWORK_H

#include "framework.h"
#include "report-model.h"

/* Returns FW shown in LANG: titled by its title, id and version; the scale
 * (level, label, descriptor), the competences (area, area title, id,
 * title, DigComp 2.2 references), the expected level per role ("–" where a
 * competence does not apply) and a note on high motivation.  Caller frees.
 * Thread-safe. */
DkReport *dk_view_framework (const DkFramework *fw, DkLang lang);

#endif
