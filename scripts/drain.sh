#!/usr/bin/env bash
# Graceful shutdown under load: IN_FLIGHT (1,000) requests to a route that sleeps SLEEP_MS (10 s), each on its own
# connection; SIGTERM reaches the server while all are in flight; every one must still get its 200.
#   IN_FLIGHT=1000 SLEEP_MS=3000 scripts/drain.sh
source "$(dirname "$0")/lib.sh"
N=${IN_FLIGHT:-1000}
SLEEP=${SLEEP_MS:-10000}
PORT=${PORT:-38303}
build
start_server "$PORT"
trap stop_server EXIT
status=0
"$JAVA_BIN" -cp "$CP" io.express4j.soak.DrainCheck "$PORT" "$SERVER_PID" "$N" "$SLEEP" || status=$?
wait "$SERVER_PID" || true
grep CLOSED "$OUT/server-$PORT.log" || true
exit $status
