/*
 * enum.c — names for the values of an enum.
 */
#include "enum.h"

#include <string.h>

int
dk_enum_index (const char *const *names, guint n_names, const char *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (names[i] != NULL && strcmp (name, names[i]) == 0)
      return (int) i;
  return -1;
}
