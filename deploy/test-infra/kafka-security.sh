# Sourced by kafka.sh: what the test broker's SASL_SSL listener needs, made once per run folder.
# - tls/: a CA of its own, and the broker's key and certificate (for 127.0.0.1 and localhost)
#   signed by it, as PEM (Kafka reads PEM key stores); clients trust tls/ca.pem.
# - credentials.json: a random password for admin and for each service's SCRAM user, added
#   to the broker's metadata when its storage is formatted.
TLS="$RUN/kafka/tls"
CREDENTIALS="$RUN/kafka/credentials.json"
KAFKA_USERS="admin assessment planning approval analytics notifications"

make_tls() {
  [ -f "$TLS/broker-keystore.pem" ] && return 0
  command -v openssl >/dev/null || { log "openssl is required for the broker's TLS certificate"; return 1; }
  mkdir -p "$TLS"
  (
    cd "$TLS"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
      -subj "/CN=talentloop test CA" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout broker.key -out broker.csr -subj "/CN=localhost" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >san.ext
    openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out broker.pem \
      -days 3650 -extfile san.ext 2>/dev/null
    openssl pkcs8 -topk8 -nocrypt -in broker.key -out broker.p8
    cat broker.p8 broker.pem ca.pem >broker-keystore.pem.tmp
    chmod 600 ca.key broker.key broker.p8 broker-keystore.pem.tmp
    mv broker-keystore.pem.tmp broker-keystore.pem
  ) || { log "could not make the broker's TLS certificate"; return 1; }
}

# Made again when a user of KAFKA_USERS has no password in it (a run folder older than that
# user): kafka.sh then formats the broker's storage anew with them (scram_users_changed).
make_credentials() {
  if [ -f "$CREDENTIALS" ] && node -e '
    const passwords = require(process.argv[1]);
    process.exit(process.argv.slice(2).every((user) => typeof passwords[user] === "string") ? 0 : 1);
  ' "$CREDENTIALS" $KAFKA_USERS; then
    return 0
  fi
  local json="{" separator=""
  for user in $KAFKA_USERS; do
    json="$json$separator\"$user\":\"$user-$(openssl rand -hex 16)\""
    separator=","
  done
  (umask 077 && printf '%s}\n' "$json" >"$CREDENTIALS.tmp") && mv "$CREDENTIALS.tmp" "$CREDENTIALS"
}

# The broker's storage was formatted without these users (an older run folder, or none yet):
# its data/.scram-users names the users it was formatted with.
scram_users_changed() {
  [ "$(cat "$1/.scram-users" 2>/dev/null)" != "$KAFKA_USERS" ]
}

# The StorageTool arguments that add every user with its password.
scram_arguments() {
  node -e '
    const passwords = require(process.argv[1]);
    for (const [name, password] of Object.entries(passwords))
      console.log(`--add-scram\nSCRAM-SHA-512=[name=${name},password=${password}]`);
  ' "$CREDENTIALS"
}

# Once the broker answers: the topics and every service's ACLs, as the super user (PLAINTEXT).
declare_topics_and_acls() {
  local run_cli=(node -r @swc-node/register)
  (
    cd "$ROOT"
    export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" KAFKA_SECURITY_PROTOCOL=PLAINTEXT
    "${run_cli[@]}" libs/platform/messaging/src/cli/kafka-topics.ts >"$LOGS/kafka-topics.log" 2>&1 \
      || { tail -n 20 "$LOGS/kafka-topics.log" >&2; exit 1; }
    "${run_cli[@]}" libs/platform/messaging/src/cli/kafka-acls.ts >"$LOGS/kafka-acls.log" 2>&1 \
      || { tail -n 20 "$LOGS/kafka-acls.log" >&2; exit 1; }
  )
}
