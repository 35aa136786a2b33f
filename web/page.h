/*
 * page.h — what the pages of the web interface share (page.c): the frame
 * of a page and its forms.  Private to web/; a page belongs to one request
 * (one thread).
 */
#ifndef DK_WEB_PAGE_H
#define DK_WEB_PAGE_H

#include "server.h"

/* The message MSGID in the request R's language. */
#define T(msgid) T_ (r->ctx.lang, msgid)

/* Returns a writer holding the page's head, when R is signed in its header
 * (the person's name and the sign-out button), and the main part opened
 * with TITLE as its heading.  Hand it to dk_web_answer_page. */
DkHtml *dk_page_start (Request *r, const char *title);

/* Writes the start of a form that POSTs to ACTION, with the session's
 * CSRF token CSRF. */
void dk_page_form_start (DkHtml *h, const char *action, const char *csrf);

/* Writes a submit button saying TEXT and, with END, the form's end. */
void dk_page_button (DkHtml *h, const char *text, gboolean end);

/* Writes a list item with a link to PATH saying TEXT. */
void dk_page_link_item (DkHtml *h, const char *path, const char *text);

/* Writes a paragraph holding only a link to PATH saying TEXT. */
void dk_page_link_para (DkHtml *h, const char *path, const char *text);

#endif
