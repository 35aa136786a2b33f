/* framework.c — loading and validating competence frameworks. */
#include "framework.h"

G_DEFINE_QUARK (dk-framework-error-quark, dk_framework_error)
