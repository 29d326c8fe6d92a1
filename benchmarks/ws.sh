#!/usr/bin/env bash
# WebSocket echo round trips: express4j against Javalin 7 (Jetty 12), each alone on CPU 1, the load client on
# CPU 0 (the JDK's WebSocket client, the same for both: io.express4j.bench.ws.WsEchoLoad). Rounds alternate the
# servers; medians reported. Bounded: ≈ 2 × ROUNDS × (DURATION + WARMUP + startup) seconds.
#
#   benchmarks/ws.sh                       # 3 rounds × 5 s after 3 s warm-up, 16 connections, 32-byte messages
#   benchmarks/ws.sh --rounds 5 --duration 10 --connections 64 --bytes 1024 --note "busy machine"
#
# Raw data goes to benchmarks/results/ws.tsv and ws.meta; benchmarks/RESULTS.md is regenerated.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

ROUNDS=3 DURATION=5 WARMUP=3 CONNECTIONS=16 BYTES=32 BUILD=1 NOTE="" ARGS="$*"
while (($#)); do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --bytes) BYTES=$2; shift ;;
    --note) NOTE=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

JAVA=$(find_java)
SERVERS=(express4j javalin)
((BUILD)) && build_all
make_static_file # Javalin refuses to start without its static folder
mkdir -p "$RESULTS_DIR"
trap 'stop_server' EXIT INT TERM
{
  echo "date	$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit	$(git_commit)"
  echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command	benchmarks/ws.sh $ARGS"
  echo "client	taskset -c $CLIENT_CPU java -cp \"\$(classpath)\" io.express4j.bench.ws.WsEchoLoad ws://127.0.0.1:<port>/ws $CONNECTIONS $DURATION $WARMUP $BYTES"
  [[ -n "$NOTE" ]] && echo "note	$NOTE"
} > "$RESULTS_DIR/ws.meta"

echo "server	round	round_trips_per_s" > "$RESULTS_DIR/ws.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    start_server "$s"
    rate=$(taskset -c "$CLIENT_CPU" "$JAVA" -cp "$(classpath)" io.express4j.bench.ws.WsEchoLoad \
      "ws://127.0.0.1:${SERVER_PORT[$s]}/ws" "$CONNECTIONS" "$DURATION" "$WARMUP" "$BYTES" | awk -F'\t' '/round_trips_per_s/{print $2}')
    stop_server
    log "$s round $round: $rate round trips/s"
    echo "$s	$round	$rate" >> "$RESULTS_DIR/ws.tsv"
  done
done
report
