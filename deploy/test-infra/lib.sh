# Shared by the test-infra scripts: where things live and how to tell a server is up.
# Everything a run makes (downloaded jars, binaries, data, logs, pids) stays in .run/,
# which git ignores.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN="${TALENTLOOP_TEST_INFRA_DIR:-$HERE/.run}"
LOGS="$RUN/logs"
mkdir -p "$RUN" "$LOGS"

KAFKA_PORT="${TALENTLOOP_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${TALENTLOOP_KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_SASL_PORT="${TALENTLOOP_KAFKA_SASL_PORT:-$((KAFKA_PORT + 2))}"
MONGO_PORT="${TALENTLOOP_MONGO_PORT:-27027}"

log() { printf '[test-infra] %s\n' "$*" >&2; }

# detached COMMAND...: runs the command in a session of its own where setsid exists, so a
# server outlives the shell (and process group) that started it; same pid either way.
detached() {
  if command -v setsid >/dev/null; then exec setsid "$@"; else exec "$@"; fi
}

# running NAME: the process recorded in NAME.pid is alive.
running() {
  local pid_file="$RUN/$1.pid"
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# stop_process NAME: SIGTERM, then SIGKILL after 20 s.
stop_process() {
  local name="$1" pid_file="$RUN/$1.pid"
  if ! running "$name"; then
    rm -f "$pid_file"
    log "$name is not running"
    return 0
  fi
  local pid
  pid="$(cat "$pid_file")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
  log "$name stopped"
}

# wait_for NAME SECONDS COMMAND...: retries COMMAND until it succeeds, the process dies or time runs out.
wait_for() {
  local name="$1" seconds="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if ! running "$name"; then
      log "$name died while starting; last lines of $LOGS/$name.log:"
      tail -n 30 "$LOGS/$name.log" >&2 || true
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "$name did not become ready in ${seconds}s; see $LOGS/$name.log"
      return 1
    fi
    sleep 1
  done
}
