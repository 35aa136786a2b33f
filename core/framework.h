/*
 * framework.h — a competence framework: its scale, areas, competences, roles
 * and the expected level of each role on each competence, loaded from the
 * framework XML (namespace urn:digikomp:framework:1, frameworks/framework.rng).
 *
 * Loading validates against the schema, then checks references (unique ids,
 * expectations naming existing roles and competences, levels on the scale,
 * role-limited areas naming existing roles, every role having an expectation
 * on every competence that applies to it).  All errors found in one file are
 * reported together, one "FILE:LINE: what is wrong" per line of the GError
 * message.  Parsing never touches the network, loads no external DTD or
 * entity and substitutes no entities.
 *
 * Reading the XML (dk_framework_load, _read_file, _load_from_data,
 * _load_trusted) is the work of the XML readers' module (core/xml-readers.h),
 * loaded on first use: each of them fails with a G_FILE_ERROR when it cannot
 * be loaded.  The model, its compiled form and the look-ups are the
 * program's own.
 *
 * A loaded DkFramework is immutable.  Competences and roles are numbered in
 * document order (index 0..n-1); the gap engine and the store use these
 * indexes, so the order of competences in a file is part of its version.
 * Pointers returned by the accessors live as long as the framework.
 */
#ifndef DK_FRAMEWORK_H
#define DK_FRAMEWORK_H

#include "dk.h"

#define DK_FRAMEWORK_ERROR (dk_framework_error_quark ())
GQuark dk_framework_error_quark (void);

typedef enum {
  DK_FRAMEWORK_ERROR_IO,       /* the file could not be read */
  DK_FRAMEWORK_ERROR_INVALID,  /* the file is not a valid framework (bad input) */
} DkFrameworkError;

/* The largest number of competences, roles and levels a framework may have;
 * the store packs levels in bytes and the gap engine sizes arrays by these. */
#define DK_MAX_COMPETENCES 64
#define DK_MAX_ROLES       64
#define DK_MAX_LEVEL       15

typedef struct {
  char  *id;                     /* "4" */
  char  *title[DK_N_LANGS];
  guint  index;                  /* document order */
  /* Roles the area is limited to, as a bit set over role indexes;
   * all bits set when the area applies to every role. */
  guint64 role_mask;
} DkArea;

typedef struct {
  char         *id;              /* "4.2" */
  guint         index;           /* document order, 0..n_competences-1 */
  const DkArea *area;
  char         *title[DK_N_LANGS];
  char         *description[DK_N_LANGS];   /* may be NULL */
  char        **digcomp;         /* NULL-terminated DigComp 2.2 ids, may be empty */
} DkCompetence;

typedef struct {
  char  *id;                     /* "system-owner" */
  guint  index;
  char  *title[DK_N_LANGS];
} DkRole;

typedef struct {
  guint min, max;                /* inclusive, max <= DK_MAX_LEVEL */
  /* label and descriptor of level l in language g: [l - min][g]; may be NULL */
  char *(*label)[DK_N_LANGS];
  char *(*descriptor)[DK_N_LANGS];
} DkScale;

typedef struct _DkFramework DkFramework;

/* Loads and validates the framework in PATH.  Returns a new framework (free
 * with dk_framework_free) or NULL with ERROR set, in LANG:
 * DK_FRAMEWORK_ERROR_IO when the file cannot be read,
 * DK_FRAMEWORK_ERROR_INVALID with every problem found, one
 * "PATH:LINE: message" per line.  Thread-safe, as are the other loaders
 * below. */
DkFramework *dk_framework_load (const char *path, DkLang lang, GError **error);

/* Reads the framework file PATH (at most 16 MiB, xml/xml.h, checked before
 * reading).  Returns its bytes (g_free) with *LEN, or NULL with ERROR set:
 * DK_FRAMEWORK_ERROR_IO when it cannot be read, DK_FRAMEWORK_ERROR_INVALID
 * when it is too large. */
char *dk_framework_read_file (const char *path, gsize *len, DkLang lang, GError **error);

/* As dk_framework_load, from LEN bytes of XML in memory; NAME stands for the
 * file in messages.  The store keeps each registered framework's XML and
 * reloads it with this. */
DkFramework *dk_framework_load_from_data (const char *data, gsize len,
                                          const char *name, DkLang lang, GError **error);

/* Returns FW in a compact binary form (GVariant) that the store keeps
 * beside the XML, so that a short-lived command rebuilds the framework
 * without parsing XML (caller unrefs). */
GBytes *dk_framework_compile (const DkFramework *fw);

/* Returns the framework from DATA, the bytes of dk_framework_compile, or
 * NULL when DATA is not in this program's compiled format (then load the
 * XML instead).  Caller frees. */
DkFramework *dk_framework_load_compiled (const void *data, gsize len);

/* As dk_framework_load_from_data, for XML that passed validation before (the
 * store's copy of a registered framework): skips the schema, which costs a
 * short-lived command more than the rest of its work.  Reference checks
 * still run. */
DkFramework *dk_framework_load_trusted (const char *data, gsize len, const char *name,
                                        DkLang lang, GError **error);

/* Drops a reference to FW (NULL: nothing); the last one frees it.
 * Thread-safe, as FW is never changed once loaded. */
void dk_framework_free (DkFramework *fw);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DkFramework, dk_framework_free)
/* Returns FW with one more reference (drop it with dk_framework_free):
 * the store shares the frameworks it loaded.  Thread-safe. */
DkFramework *dk_framework_ref (DkFramework *fw);

/* Identity: the id ("kommun-digcomp-12") and version ("2025.1") attributes. */
const char *dk_framework_id (const DkFramework *fw);
const char *dk_framework_version (const DkFramework *fw);
/* Returns the title in LANG, falling back to the other language. */
const char *dk_framework_title (const DkFramework *fw, DkLang lang);

const DkScale *dk_framework_scale (const DkFramework *fw);
const DkScale *dk_framework_motivation_scale (const DkFramework *fw);
/* Motivation at or above this level counts as "high". */
guint dk_framework_motivation_high (const DkFramework *fw);

guint dk_framework_n_areas (const DkFramework *fw);
const DkArea *dk_framework_area (const DkFramework *fw, guint index);
const DkArea *dk_framework_area_by_id (const DkFramework *fw, const char *id);
/* Returns whether AREA (of FW) applies to every role of FW, rather than
 * being limited to some. */
gboolean dk_framework_area_for_every_role (const DkFramework *fw, const DkArea *area);

guint dk_framework_n_competences (const DkFramework *fw);
const DkCompetence *dk_framework_competence (const DkFramework *fw, guint index);
/* Returns the competence with ID ("4.2"), or NULL. */
const DkCompetence *dk_framework_competence_by_id (const DkFramework *fw,
                                                   const char *id);

guint dk_framework_n_roles (const DkFramework *fw);
const DkRole *dk_framework_role (const DkFramework *fw, guint index);
/* Returns the role with ID ("manager"), or NULL. */
const DkRole *dk_framework_role_by_id (const DkFramework *fw, const char *id);

/* Returns the expected level of role ROLE on competence COMP (indexes), or 0
 * when the competence does not apply to the role. */
guint dk_framework_expected (const DkFramework *fw, guint role, guint comp);

/* Returns TRUE when competence COMP applies to role ROLE (indexes). */
gboolean dk_framework_applies (const DkFramework *fw, guint role, guint comp);

/* Returns the title of an area, competence or role in LANG, falling back to
 * the other language; never NULL for a loaded framework. */
const char *dk_area_title (const DkArea *area, DkLang lang);
const char *dk_competence_title (const DkCompetence *comp, DkLang lang);
const char *dk_role_title (const DkRole *role, DkLang lang);

/* Returns the label / descriptor of LEVEL on SCALE in LANG (falling back to
 * the other language), or NULL when the level is off the scale or has none. */
const char *dk_scale_label (const DkScale *scale, guint level, DkLang lang);
const char *dk_scale_descriptor (const DkScale *scale, guint level, DkLang lang);

#endif
