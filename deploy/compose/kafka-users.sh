#!/bin/sh
# The Kafka container's entrypoint in docker-compose.yml: the image's own start (its settings
# from the KAFKA_* variables), then, once the broker answers on its loopback-only listener,
# the SCRAM users: admin (the operator's principal, which kafka-setup grants the ACLs as) and
# one per service, with the passwords of the TALENTLOOP_KAFKA_USERS variable
# (`user=password` pairs). Healthy (docker-compose.yml) once /tmp/users-ready exists.
set -eu
rm -f /tmp/users-ready
/etc/kafka/docker/run &
broker=$!
until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server 127.0.0.1:19092 >/dev/null 2>&1; do
  kill -0 "$broker" || exit 1
  sleep 2
done
for pair in $(echo "$TALENTLOOP_KAFKA_USERS" | tr ',' ' '); do
  user="${pair%%=*}"
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server 127.0.0.1:19092 --alter \
    --add-config "SCRAM-SHA-512=[password=${pair#*=}]" --entity-type users --entity-name "$user" >/dev/null
done
touch /tmp/users-ready
wait "$broker"
