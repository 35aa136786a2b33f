/*
 * serve.c — `digikomp serve`: the web interface (web/web.h), with its
 * settings from the options, then config.ini's [web] group, then the
 * defaults.
 *
 * The clock is the system's, or for tests the one DIGIKOMP_NOW fixes
 * (cli_context); DIGIKOMP_CLOCK_FILE names a file holding the time in
 * seconds since the epoch, read at every request, so that a test moves a
 * running server's clock past a session's timeouts.
 */
#include "cli.h"
#include "modules.h"
#include "web/web.h"

#include <stdio.h>
#include <stdlib.h>

const DkWeb *
cli_web (void)
{
  static DkModule module = DK_MODULE_INIT (DK_WEB_MODULE, DK_WEB_SYMBOL,
                                           N_("cannot load the web module %s: %s"));
  g_autoptr (GError) error = NULL;
  const DkWeb *web = dk_module_table (&module, NULL, cli_messages_lang (), &error);
  if (web == NULL)
    cli_fail (_("cannot start the web interface"), error);
  return web;
}

static gint64
file_clock (gpointer data)
{
  g_autofree char *text = NULL;
  if (g_file_get_contents (data, &text, NULL, NULL))
    return g_ascii_strtoll (text, NULL, 10);
  return g_get_real_time () / G_USEC_PER_SEC;
}

int
cmd_serve (int argc, char **argv)
{
  CliCommon common = { 0 };
  g_autofree char *listen = NULL, *public_url = NULL, *trust_header = NULL, *trusted_proxy = NULL;
  int threads = 0, max_connections = 512, max_per_address = 64, timeout = 30, max_body = 1024 * 1024;
  const GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      N_("The address and port to listen on (default: 127.0.0.1:8080)"), N_("ADDR:PORT") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &public_url,
      N_("The address people use, as the reverse proxy serves it (default: http:// and the listen address)"), N_("URL") },
    { "trust-header", 0, 0, G_OPTION_ARG_STRING, &trust_header,
      N_("The header in which the trusted proxy names the signed-in user (single sign-on)"), N_("NAME") },
    { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING, &trusted_proxy,
      N_("The only address whose --trust-header and X-Forwarded-For are believed"), N_("ADDR") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Worker threads (default: one per processor)"), N_("N") },
    { "max-connections", 0, 0, G_OPTION_ARG_INT, &max_connections, N_("Connections at once, in total (default: 512)"), N_("N") },
    { "max-per-address", 0, 0, G_OPTION_ARG_INT, &max_per_address,
      N_("Connections at once from one client address (default: 64)"), N_("N") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Seconds a connection may stay idle before it is dropped (default: 30)"), N_("SECONDS") },
    { "max-body", 0, 0, G_OPTION_ARG_INT, &max_body, N_("Bytes of a request's body (default: 1048576)"), N_("BYTES") },
    { NULL }
  };
  g_autoptr (GOptionContext) octx = cli_context_new (
      "serve", NULL,
      _("Serves the web interface for employees, managers and HR until SIGTERM. Put it behind\n"
        "a reverse proxy that speaks TLS; see the README."),
      entries, &common);
  if (!cli_parse (octx, &argc, &argv, &common))
    return CLI_USAGE;
  int rc = CLI_OK;
  if (argc != 1)
    rc = cli_usage_error (_("usage: digikomp serve [OPTIONS]"));
  else if (threads < 0 || threads > 256 || max_connections < 1 || max_per_address < 1 || timeout < 1 || max_body < 1024)
    rc = cli_usage_error (_("--threads, --max-connections, --max-per-address, --timeout and --max-body "
                            "must be positive (--max-body at least 1024)"));
  if (rc != CLI_OK)
    {
      cli_common_clear (&common);
      return rc;
    }
  CliSetting s_listen = cli_setting_web ("listen", listen);
  CliSetting s_url = cli_setting_web ("public-url", public_url);
  CliSetting s_header = cli_setting_web ("trust-header", trust_header);
  CliSetting s_proxy = cli_setting_web ("trusted-proxy", trusted_proxy);
  /* the team page's figure is suppressed as the reports are: config.ini's k */
  CliSetting s_k = cli_setting_min_group (CLI_MIN_GROUP_UNSET);
  /* an upload of ratings without a round goes where `import ratings` would */
  CliSetting s_round = cli_setting_round (NULL);
  DkContext ctx = cli_context (&common);
  const char *clock_file = g_getenv ("DIGIKOMP_CLOCK_FILE");
  DkServeOptions o = {
    .db = common.db, .listen = s_listen.value, .public_url = s_url.value,
    .trust_header = s_header.value, .trusted_proxy = s_proxy.value, .lang = common.lang,
    .clock = ctx.clock, .clock_data = ctx.clock_data, .threads = (guint) threads,
    .max_connections = (guint) max_connections, .max_per_address = (guint) max_per_address,
    .timeout = (guint) timeout, .max_body = (gsize) max_body, .max_header = 32 * 1024,
    .min_group = (guint) atoi (s_k.value), .round = s_round.value,
  };
  if (clock_file != NULL && *clock_file != '\0')
    {
      o.clock = file_clock;
      o.clock_data = (gpointer) clock_file;
    }
  const DkWeb *web = cli_web ();
  g_autoptr (GError) error = NULL;
  if (web == NULL)
    rc = CLI_FAILED;
  else if (!web->serve (&o, &error))
    rc = cli_fail (_("cannot serve"), error);
  cli_setting_clear (&s_listen);
  cli_setting_clear (&s_url);
  cli_setting_clear (&s_header);
  cli_setting_clear (&s_proxy);
  cli_setting_clear (&s_k);
  cli_setting_clear (&s_round);
  cli_common_clear (&common);
  return rc;
}
