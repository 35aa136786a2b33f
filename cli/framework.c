/*
 * framework.c — `digikomp framework validate|show`.
 */
#include "cli.h"
#include "framework.h"

#include <stdio.h>
#include <string.h>

int
cmd_framework (int argc, char **argv)
{
  (void) argc;
  (void) argv;
  return cli_usage_error (_("framework: not yet built"));
}
