#!/usr/bin/env bash
# Starts (or finds running) every server the integration tests need, then writes the
# variables the suites read to .run/env. Use: deploy/test-infra/up.sh && source deploy/test-infra/.run/env
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$HERE/kafka.sh" start
"$HERE/ferretdb.sh" start
# KAFKA_BROKERS: the super user's PLAINTEXT listener, for suites that inspect the broker;
# KAFKA_SASL_BROKERS, the CA and the users' passwords: where the services under test connect,
# each as its own user (scripts/service-process.js).
cat >"$RUN/env" <<ENV
export KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
export KAFKA_SASL_BROKERS=127.0.0.1:$KAFKA_SASL_PORT
export KAFKA_SSL_CA_FILE=$RUN/kafka/tls/ca.pem
export TALENTLOOP_KAFKA_CREDENTIALS_FILE=$RUN/kafka/credentials.json
export MONGODB_URI=mongodb://127.0.0.1:$MONGO_PORT/
ENV
cat "$RUN/env"
