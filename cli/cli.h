/*
 * cli.h — what the command files of the digikomp binary share: the command
 * table, exit codes, option parsing and how errors are shown.
 *
 * Each command is `int cmd_NAME (int argc, char **argv)`, where argv[0] is
 * the command's own name; it returns the process exit code.  Commands of one
 * group live in one file (cli/framework.c, cli/report.c, ...).
 */
#ifndef DK_CLI_H
#define DK_CLI_H

#include "context.h"
#include "csv.h"
#include "views-config.h"

enum {
  CLI_OK        = 0,  /* done */
  CLI_FAILED    = 1,  /* an operation failed (I/O, store, refused) */
  CLI_USAGE     = 2,  /* bad usage: unknown option, missing argument */
  CLI_BAD_INPUT = 3,  /* bad input data: nothing was changed */
};

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;   /* one line for `digikomp --help`, untranslated */
} CliCommand;

/* The table of commands, ending with a zeroed entry (cli/main.c). */
extern const CliCommand cli_commands[];

/* The value of a --min-group variable when the option is not given. */
#define CLI_MIN_GROUP_UNSET G_MININT

/* Options most commands take.  After cli_parse, db, lang and (when the
 * command has them) --round and --min-group hold the effective settings
 * (cli_setting_*). */
typedef struct {
  char  *db;
  char  *format;
  char  *output;
  char  *lang_name;
  DkLang lang;
  char **round;       /* the command's --round variable, or NULL */
  int   *min_group;   /* the command's --min-group variable, or NULL */
} CliCommon;

/* Returns a new option context for COMMAND with PARAMS ("FILE...") and
 * SUMMARY (translated); ENTRIES may be NULL.  When COMMON is not NULL the
 * --db, --format, --output and --lang options are added and fill it, and
 * an entry of ENTRIES named "round" or "min-group" gets its default from
 * cli_setting_round or cli_setting_min_group when the option is not given. */
GOptionContext *cli_context_new (const char *command, const char *params,
                                 const char *summary, const GOptionEntry *entries,
                                 CliCommon *common);

/* Parses the command line; on a usage error prints it and returns FALSE
 * (the caller returns CLI_USAGE).  Resolves COMMON's defaults when given. */
gboolean cli_parse (GOptionContext *ctx, int *argc, char ***argv, CliCommon *common);

void cli_common_clear (CliCommon *common);

/* Prints "digikomp: WHAT: MESSAGE" to stderr — a multi-line message (one
 * "file:line: ..." per line) goes below the first line — and returns the
 * exit code the error calls for (CLI_BAD_INPUT for bad input data). */
int cli_fail (const char *what, const GError *error);

/* Prints "digikomp: MESSAGE" to stderr and returns CLI_USAGE. */
int cli_usage_error (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

/* Returns TRUE when ERROR says the input data was bad (exit 3). */
gboolean cli_error_is_bad_input (const GError *error);

/* Returns the language the process's messages are in (main sets LANGUAGE
 * from the settings before any command runs): what core words its messages
 * in where a command has no --lang of its own at hand. */
DkLang cli_messages_lang (void);

/* Writes LEN bytes of DATA to standard output when PATH is NULL or "-", else
 * to PATH atomically (dk_file_replace_contents): a temporary file renamed
 * over PATH, so an interrupted export never leaves a half file under the
 * final name.  Every command writes its files through this (or, for XLSX and
 * PDF, through dk_file_replace).  Returns FALSE with ERROR set on failure. */
gboolean cli_output_write (const char *path, const char *data, gsize len,
                           GError **error);

/* As cli_output_write for DATA, a document in a file format (CSV, HTML,
 * Markdown, iCalendar; NUL-terminated): to standard output on a terminal
 * its control characters are escaped (dk_text_escape_controls) so that
 * the data cannot drive the terminal; to a file or a pipe it is written as
 * it is. */
gboolean cli_output_write_document (const char *path, const char *data, GError **error);

/* Runs the sub-command of GROUP named by argv[1] from SUBS (a table ending
 * with a zeroed entry), passing it argv + 1; prints the sub-commands for
 * --help or a missing one.  Returns the exit code. */
int cli_dispatch (const char *group, const CliCommand *subs, int argc, char **argv);

/* Writes REPORT in COMMON's --format (default: the terminal table, with
 * colour on a terminal) to --output or standard output.  XLSX needs
 * --output.  Returns the exit code. */
struct _DkReport;
int cli_emit_report (const struct _DkReport *report, const CliCommon *common);

/* Returns who acts for the audit: $DIGIKOMP_USER, else the login name
 * (static).  A command with --by (plan agree, rate --manager) acts as that
 * person instead. */
const char *cli_actor (void);

/* Returns the context of a command: the acting user (cli_actor), COMMON's
 * language, the system clock —
 * or, when the environment sets DIGIKOMP_NOW (a date or an ISO 8601 time;
 * for tests, so that a dated document renders the same every day), that
 * fixed time.  The context points into static storage: one per process. */
DkContext cli_context (const CliCommon *common);

/* Returns CTX with BY (a command's --by: the manager, or hr:NAME) as its
 * actor, for the changes that a rule allows only that person: a copy in
 * static storage (one command per process). */
const DkContext *cli_acting_as (const DkContext *ctx, const char *by);

/* Opens the store named by COMMON (after cli_parse).  Returns NULL after
 * printing the error (the caller returns CLI_FAILED). */
struct _DkStore *cli_store_open (const CliCommon *common, gboolean create);

/* ---- settings (cli/settings.c) ------------------------------------------------ */

/* Where a setting came from, in order of precedence, lowest first
 * (core's, which `config show` words). */
typedef DkSettingSource CliSource;
#define CLI_FROM_DEFAULT     DK_SETTING_DEFAULT
#define CLI_FROM_CONFIG      DK_SETTING_CONFIG
#define CLI_FROM_ENVIRONMENT DK_SETTING_ENVIRONMENT
#define CLI_FROM_OPTION      DK_SETTING_OPTION

typedef struct {
  char       *value;    /* owned; NULL when there is none (round: the open one) */
  CliSource   source;
  const char *origin;   /* the option, variable or file it came from; NULL for
                         * the default (static, or the configuration's) */
} CliSetting;

/* Reads the configuration file (core/config.h) unless it has been read.
 * Returns FALSE with ERROR set when it cannot be read or is malformed
 * (DK_CONFIG_ERROR_INVALID: exit 3); the settings then ignore it. */
gboolean cli_config_load (GError **error);

/* The effective settings, given the value of their command-line option
 * (NULL or 0 when not given): the option, then the environment, then the
 * configuration file (when loaded), then the built-in default.  Free the
 * value with cli_setting_clear. */
CliSetting cli_setting_db (const char *option);
CliSetting cli_setting_lang (const char *option);
CliSetting cli_setting_min_group (int option);   /* CLI_MIN_GROUP_UNSET: not given */
CliSetting cli_setting_round (const char *option);
/* config.ini's [web] group: KEY is listen (default 127.0.0.1:8080),
 * public-url, trust-header or trusted-proxy (no default). */
CliSetting cli_setting_web (const char *key, const char *option);
void cli_setting_clear (CliSetting *setting);

/* Returns the level written in TEXT: a number on the widest scale, or
 * DK_LEVEL_DONT_KNOW for "?" when DONT_KNOW_OK; -1 for anything else. */
/* Adds --encoding to CTX, the option's text kept in *NAME (caller frees), for
 * the commands that read a CSV file. */
void cli_add_encoding_option (GOptionContext *ctx, char **name);
/* Sets *ENCODING from the --encoding text NAME (NULL: UTF-8); FALSE after a
 * usage error for another name. */
gboolean cli_encoding (const char *name, DkCsvEncoding *encoding);

/* Writes the --unit option's *UNIT (NULL: not given) as a unit path, the
 * spaces around its parts removed; FALSE after a usage error for a path with
 * an empty, "." or ".." part. */
gboolean cli_unit_option (char **unit);

int cli_parse_level (const char *text, gboolean dont_know_ok);

/* Returns TRUE when standard output should get colour: a terminal, and
 * NO_COLOR unset. */
gboolean cli_use_colour (void);

/* The commands (one declaration per table entry). */
int cmd_help (int argc, char **argv);
int cmd_framework (int argc, char **argv);
int cmd_init (int argc, char **argv);
int cmd_import (int argc, char **argv);
int cmd_round (int argc, char **argv);
int cmd_rate (int argc, char **argv);
int cmd_assess (int argc, char **argv);
int cmd_conversation (int argc, char **argv);
int cmd_report (int argc, char **argv);
int cmd_team (int argc, char **argv);
int cmd_person (int argc, char **argv);
int cmd_audit (int argc, char **argv);
int cmd_catalogue (int argc, char **argv);
int cmd_plan (int argc, char **argv);
int cmd_attend (int argc, char **argv);
int cmd_config (int argc, char **argv);
int cmd_serve (int argc, char **argv);
int cmd_user (int argc, char **argv);

/* Returns the web interface's module (web/web.h), loading it on first use,
 * or NULL after printing why it cannot be loaded. */
struct _DkWeb;
const struct _DkWeb *cli_web (void);

#endif
