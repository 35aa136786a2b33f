/*
 * parse.h — the readers of what a browser sends: form bodies and query
 * strings (application/x-www-form-urlencoded) and the Cookie header.  Pure
 * functions over bytes, with no HTTP library: the fuzz targets call them.
 */
#ifndef DK_WEB_PARSE_H
#define DK_WEB_PARSE_H

#include <glib.h>

/* Most fields a form or query may have; more is malformed. */
#define DK_WEB_MAX_FIELDS 512

/* Parses LEN bytes of DATA ("a=1&b=x%20y"; '+' is a space) into a table of
 * field name → value (both UTF-8, caller unrefs the table).  A field given
 * twice keeps its first value.  Returns NULL when DATA is malformed: a bad
 * %-escape, a NUL, text that is not UTF-8, or more than DK_WEB_MAX_FIELDS
 * fields.  Thread-safe. */
GHashTable *dk_web_parse_form (const char *data, gsize len);

/* Parses LEN bytes of a multipart/form-data body DATA, whose boundary
 * CONTENT_TYPE (the request's header) names, into a table as
 * dk_web_parse_form's; a part with a file name also gives the field
 * "NAME:filename".  Returns NULL when the body is malformed, a part holds a
 * NUL or text that is not UTF-8, or there are more than DK_WEB_MAX_FIELDS
 * parts.  Thread-safe. */
GHashTable *dk_web_parse_multipart (const char *data, gsize len, const char *content_type);

/* Returns the value of cookie NAME in the Cookie header HEADER ("a=1; b=2"),
 * or NULL when it is absent or given twice (caller frees).  Values are
 * taken as they are, without quotes.  Thread-safe. */
char *dk_web_parse_cookie (const char *header, const char *name);

/* Returns the %-decoded path of URL (up to '?'), or NULL when it is
 * malformed as dk_web_parse_form says; *QUERY (may be NULL) points at the
 * text after '?' in URL, or at its end.  Thread-safe. */
char *dk_web_parse_path (const char *url, const char **query);

#endif
