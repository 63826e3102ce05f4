#!/usr/bin/env bash
# Starts (or finds running) every server the integration tests need, then writes the
# variables the suites read to .run/env. Use: deploy/test-infra/up.sh && source deploy/test-infra/.run/env
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$HERE/kafka.sh" start
"$HERE/ferretdb.sh" start
cat >"$RUN/env" <<ENV
export KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
export MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT/
ENV
cat "$RUN/env"
