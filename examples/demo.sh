#!/bin/sh
# The main job on examples/: what `make demo` runs.  BIN is the digikomp binary.
set -eu
BIN=${BIN:-build/digikomp}
"$BIN" --version
