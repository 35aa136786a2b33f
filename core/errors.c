/* errors.c — collecting the errors of one input. */
#include "errors.h"

#include <stdarg.h>

void
dk_errors_init (DkErrors *e, guint limit, DkLang lang)
{
  e->text = NULL;
  e->lang = lang;
  e->count = 0;
  e->limit = limit != 0 ? limit : DK_ERRORS_DEFAULT_LIMIT;
}

/* Starts a new line; returns FALSE when past the limit. */
static gboolean
new_line (DkErrors *e)
{
  e->count++;
  if (e->count > e->limit)
    return FALSE;
  if (e->text == NULL)
    e->text = g_string_new (NULL);
  else
    g_string_append_c (e->text, '\n');
  return TRUE;
}

void
dk_errors_add_message (DkErrors *e, const char *message)
{
  if (new_line (e))
    g_string_append (e->text, message);
}

void
dk_errors_add (DkErrors *e, const char *file, guint line, const char *fmt, ...)
{
  if (!new_line (e))
    return;
  if (line > 0)
    g_string_append_printf (e->text, "%s:%u: ", file, line);
  else
    g_string_append_printf (e->text, "%s: ", file);
  va_list ap;
  va_start (ap, fmt);
  g_string_append_vprintf (e->text, fmt, ap);
  va_end (ap);
}

gboolean
dk_errors_any (const DkErrors *e)
{
  return e->count > 0;
}

gboolean
dk_errors_full (const DkErrors *e)
{
  return e->count >= e->limit;
}

gboolean
dk_errors_propagate (DkErrors *e, GError **error, GQuark domain, int code)
{
  if (e->count == 0)
    return FALSE;
  if (e->count > e->limit)
    g_string_append_printf (e->text,
                            dk_ngettext (e->lang, "\n... and %u more error", "\n... and %u more errors",
                                         e->count - e->limit),
                            e->count - e->limit);
  g_set_error_literal (error, domain, code, e->text->str);
  dk_errors_clear (e);
  return TRUE;
}

void
dk_errors_clear (DkErrors *e)
{
  if (e->text != NULL)
    g_string_free (e->text, TRUE);
  e->text = NULL;
  e->count = 0;
}
