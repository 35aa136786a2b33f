/*
 * html.h — a small HTML writer that escapes by default: text and attribute
 * values always go out escaped, and the only way to write markup as it is
 * takes a string literal (DK_HTML_MARKUP), so a name or a value from the
 * store can never end up as markup by accident.
 *
 * A DkHtml belongs to one request (one thread).
 */
#ifndef DK_WEB_HTML_H
#define DK_WEB_HTML_H

#include <glib.h>

typedef struct {
  GString *out;
} DkHtml;

/* Returns a new, empty writer; free with dk_html_free_to_string. */
DkHtml *dk_html_new (void);

/* Frees H and returns what it wrote (caller frees), *LEN its length. */
char *dk_html_free_to_string (DkHtml *h, gsize *len);

/* Writes TEXT escaped (& < > " '). */
void dk_html_text (DkHtml *h, const char *text);
/* Writes the printf of FMT escaped as a whole. */
void dk_html_textf (DkHtml *h, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

/* Writes the start tag TAG with attributes: name, value pairs ending with
 * NULL; values are escaped, and a NULL value ends the list too, so put
 * optional ones last.  A boolean attribute has the value "" (written as
 * name="").  Names must be [a-z0-9-]+: anything else is dropped with a
 * critical warning. */
void dk_html_open (DkHtml *h, const char *tag, ...) G_GNUC_NULL_TERMINATED;
/* Writes the end tag of TAG. */
void dk_html_close (DkHtml *h, const char *tag);
/* Writes <TAG>TEXT</TAG>, TEXT escaped. */
void dk_html_element (DkHtml *h, const char *tag, const char *text);

/* Writes SVG, a chart that core/svg.h made (it escapes every text it
 * draws), as it is; anything that does not start with "<svg" is dropped
 * with a critical warning. */
void dk_html_svg (DkHtml *h, const char *svg);

/* Writes REPORT's notes, charts and tables as core renders them for a
 * page (dk_report_render_html_part: it escapes every text). */
typedef struct _DkReport DkReport;
void dk_html_report (DkHtml *h, const DkReport *report);

/* Writes MARKUP as it is: only a string literal compiles. */
#define DK_HTML_MARKUP(h, markup) dk_html_markup_literal_ ((h), "" markup "")
void dk_html_markup_literal_ (DkHtml *h, const char *markup);

#endif
