#!/usr/bin/env bash
# A real single-node Apache Kafka broker in KRaft mode, from the org.apache.kafka:kafka_2.13
# artifacts on Maven Central (fetched once by Maven into its local repository).
# Usage: kafka.sh start|stop|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$HERE/kafka-security.sh"

LIBS="$RUN/kafka/libs"
DATA="$RUN/kafka/data"
CONFIG="$RUN/kafka/server.properties"
CLASSPATH_GLOB="$LIBS/*"

fetch_broker() {
  [ -f "$LIBS/.complete" ] && return 0
  command -v java >/dev/null || { log "java (17+) is required for the Kafka broker"; return 1; }
  command -v mvn >/dev/null || { log "mvn is required to fetch the Kafka broker"; return 1; }
  log "fetching the Kafka broker with Maven (first run only)"
  rm -rf "$LIBS"
  mvn -q -B -f "$HERE/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIBS" >"$LOGS/kafka-fetch.log" 2>&1 \
    || { tail -n 30 "$LOGS/kafka-fetch.log" >&2; return 1; }
  touch "$LIBS/.complete"
}

kafka_java() { java -Dlog4j2.configurationFile="$HERE/kafka/log4j2.yaml" -cp "$CLASSPATH_GLOB" "$@"; }

accepts_produce() { node "$HERE/probe-kafka.js" "127.0.0.1:$KAFKA_PORT"; }

start() {
  if running kafka; then
    log "kafka already running on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  fetch_broker
  make_tls
  make_credentials
  # Storage formatted before the broker had these users (an older run folder) starts afresh.
  if [ -f "$DATA/meta.properties" ] && scram_users_changed "$DATA"; then
    log "the broker's storage lacks SCRAM users of $KAFKA_USERS: formatting it anew"
    rm -rf "$DATA"
  fi
  mkdir -p "$DATA"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@SASL_PORT@|$KAFKA_SASL_PORT|g" -e "s|@TLS_DIR@|$TLS|g" \
    -e "s|@DATA_DIR@|$DATA|g" "$HERE/kafka/server.properties" >"$CONFIG"
  if [ ! -f "$DATA/meta.properties" ]; then
    local cluster_id scram
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid)"
    mapfile -t scram < <(scram_arguments)
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG" "${scram[@]}" >"$LOGS/kafka-format.log" 2>&1 \
      || { tail -n 20 "$LOGS/kafka-format.log" >&2; return 1; }
    printf '%s' "$KAFKA_USERS" >"$DATA/.scram-users"
  fi
  log "starting kafka on 127.0.0.1:$KAFKA_PORT"
  detached nohup java -Xms256m -Xmx1g -XX:+UseG1GC -Dlog4j2.configurationFile="$HERE/kafka/log4j2.yaml" \
    -cp "$CLASSPATH_GLOB" kafka.Kafka "$CONFIG" >"$LOGS/kafka.log" 2>&1 &
  echo $! >"$RUN/kafka.pid"
  wait_for kafka 120 accepts_produce
  log "kafka accepts produce requests"
  declare_topics_and_acls || { log "could not declare the topics and ACLs"; return 1; }
  log "kafka: topics declared, ACLs granted; SASL_SSL on 127.0.0.1:$KAFKA_SASL_PORT"
}

case "${1:-}" in
  start) start ;;
  stop) stop_process kafka ;;
  status) running kafka && echo "kafka running on 127.0.0.1:$KAFKA_PORT (SASL_SSL on $KAFKA_SASL_PORT)" || { echo "kafka not running"; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
