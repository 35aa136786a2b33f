/*
 * json.h — small additions to json-glib that the module's JSON writers share.
 */
#ifndef DK_JSON_H
#define DK_JSON_H

#include <json-glib/json-glib.h>

/* Adds member NAME with the string VALUE, or null when VALUE is NULL. */
void dk_json_add_string (JsonBuilder *b, const char *name, const char *value);

/* Returns the document built in B as pretty-printed JSON with a final
 * newline (caller frees); each number in the shortest form that reads
 * back as the same double (0.385, not 0.38500000000000001). */
char *dk_json_to_text (JsonBuilder *b);

#endif
