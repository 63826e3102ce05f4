#!/usr/bin/env bash
# A real MongoDB-wire-compatible server: FerretDB v1.24 on its SQLite backend, built with Go
# from the Go module proxy (see ferretdb/main.go for why it is embedded).
# Usage: ferretdb.sh start|stop|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BIN="$RUN/bin/ferretdb"
DATA="$RUN/ferretdb/data"

build() {
  if [ -x "$BIN" ] && [ "$BIN" -nt "$HERE/ferretdb/go.sum" ] && [ "$BIN" -nt "$HERE/ferretdb/main.go" ]; then
    return 0
  fi
  command -v go >/dev/null || { log "go is required to build FerretDB"; return 1; }
  log "building FerretDB with go (first run only)"
  (cd "$HERE/ferretdb" && go build -trimpath -o "$BIN" .) >"$LOGS/ferretdb-build.log" 2>&1 \
    || { tail -n 30 "$LOGS/ferretdb-build.log" >&2; return 1; }
}

answers_hello() { node "$HERE/probe-mongo.js" "mongodb://127.0.0.1:$MONGO_PORT/"; }

start() {
  if running ferretdb; then
    log "ferretdb already running on 127.0.0.1:$MONGO_PORT"
    return 0
  fi
  build
  mkdir -p "$DATA"
  log "starting ferretdb on 127.0.0.1:$MONGO_PORT"
  detached nohup "$BIN" --listen-addr "127.0.0.1:$MONGO_PORT" --sqlite-dir "$DATA" >"$LOGS/ferretdb.log" 2>&1 &
  echo $! >"$RUN/ferretdb.pid"
  wait_for ferretdb 60 answers_hello
  log "ferretdb answers MongoDB commands"
}

case "${1:-}" in
  start) start ;;
  stop) stop_process ferretdb ;;
  status) running ferretdb && echo "ferretdb running on 127.0.0.1:$MONGO_PORT" || { echo "ferretdb not running"; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
