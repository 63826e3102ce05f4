#!/usr/bin/env bash
# Stops the test servers; their data stays in .run/ (remove it for a fresh start).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$HERE/kafka.sh" stop
"$HERE/ferretdb.sh" stop
