/* context.c — the caller's context: actor, language, clock, cancellation. */
#include "context.h"

DkContext
dk_context_init (const char *actor, DkLang lang)
{
  return (DkContext) { .actor = actor, .lang = lang };
}

const char *
dk_context_actor (const DkContext *ctx)
{
  return ctx != NULL && ctx->actor != NULL && *ctx->actor != '\0' ? ctx->actor : DK_ACTOR_UNKNOWN;
}

gint64
dk_context_now (const DkContext *ctx)
{
  if (ctx != NULL && ctx->clock != NULL)
    return ctx->clock (ctx->clock_data);
  return g_get_real_time () / G_USEC_PER_SEC;
}

GDateTime *
dk_context_now_local (const DkContext *ctx)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (dk_context_now (ctx));
  if (ctx != NULL && ctx->tz != NULL)
    return g_date_time_to_timezone (utc, ctx->tz);
  return g_date_time_to_local (utc);
}

char *
dk_context_today (const DkContext *ctx)
{
  g_autoptr (GDateTime) now = dk_context_now_local (ctx);
  return g_date_time_format (now, "%Y-%m-%d");
}

G_DEFINE_QUARK (dk-context-error-quark, dk_context_error)

gboolean
dk_context_cancelled (const DkContext *ctx, GError **error)
{
  if (ctx == NULL || ctx->cancelled == NULL || !ctx->cancelled (ctx->cancel_data))
    return FALSE;
  g_set_error_literal (error, DK_CONTEXT_ERROR, DK_CONTEXT_ERROR_CANCELLED,
                       T_ (ctx->lang, "cancelled: nothing was changed"));
  return TRUE;
}

const char *
dk_context_gettext (const DkContext *ctx, const char *msgid)
{
  return dk_gettext (ctx != NULL ? ctx->lang : DK_LANG_EN, msgid);
}
