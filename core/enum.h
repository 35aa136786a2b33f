/*
 * enum.h — names for the values of an enum: from the word a user or a file
 * gives ("csv", "needs", "F") to the value it stands for.
 */
#ifndef DK_ENUM_H
#define DK_ENUM_H

#include <glib.h>

/* Returns the index of NAME in NAMES (N_NAMES entries: NAMES[i] names the
 * value i), or -1 when NAME is NULL or none of them.  Pure: safe from any
 * thread. */
int dk_enum_index (const char *const *names, guint n_names, const char *name);

#endif
