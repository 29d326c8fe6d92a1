#!/usr/bin/env bash
# What express4j-micrometer and express4j-opentelemetry cost on plaintext (≈ 6 min):
#
#   benchmarks/observability.sh                       # 5 rounds × 10 s per mode after a 20 s warm-up each
#   benchmarks/observability.sh --rounds 3 --seconds 5 --note "quiet machine"
#
# The same app (servers/ObservedServer.java: decoy routes + GET /plaintext) runs four times: plain, metrics
# (Express4jMetrics into a Prometheus registry), tracing (Express4jTelemetry into the SDK, every span sampled and
# batched to an exporter that drops it) and both. Each server is pinned to SERVER_CPU and wrk (-c50) to CLIENT_CPU;
# one server is under load at a time and the rounds go plain, metrics, tracing, both, plain, … so a change in the
# machine's load reaches every mode alike. Besides requests/s each round records the server's CPU time (utime +
# stime from /proc) per request served: on a busy machine throughput follows the CPU share the server is given,
# while CPU time per request stays what the code costs. Results: benchmarks/results/observability.tsv and .meta, shown in
# benchmarks/RESULTS.md as each mode's median requests/s relative to plain.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

ROUNDS=5
SECONDS_PER=10
CONNECTIONS=50
NOTE=""
while (($#)); do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --seconds) SECONDS_PER=$2; shift ;;
    --note) NOTE=$2; shift ;;
    --no-build) NO_BUILD=1 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
  shift
done

JAVA=$(find_java)
SERVERS=(express4j)   # nothing from npm is needed
[[ -n "${NO_BUILD:-}" ]] || build_all
ensure_wrk
mkdir -p "$RESULTS_DIR" "$WORK_DIR/logs"

MODES=(plain metrics tracing both)
declare -A PORT=([plain]=8091 [metrics]=8092 [tracing]=8093 [both]=8094)
declare -A PID=()
cleanup() {
  local m
  for m in "${!PID[@]}"; do kill "${PID[$m]}" 2>/dev/null || true; done
  for m in "${!PID[@]}"; do wait "${PID[$m]}" 2>/dev/null || true; done
}
trap cleanup EXIT

for m in "${MODES[@]}"; do
  url="http://127.0.0.1:${PORT[$m]}/plaintext"
  if curl -s -o /dev/null "$url"; then die "port ${PORT[$m]} is already in use"; fi
  # shellcheck disable=SC2086
  taskset -c "$SERVER_CPU" $JAVA $JAVA_OPTS -cp "$(classpath)" io.express4j.bench.servers.ObservedServer \
    "${PORT[$m]}" "$m" > "$WORK_DIR/logs/observed-$m.log" 2>&1 &
  PID[$m]=$!
  for _ in $(seq 1 600); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" == 200 ]] && break
    kill -0 "${PID[$m]}" 2>/dev/null || { cat "$WORK_DIR/logs/observed-$m.log" >&2; die "$m exited"; }
    sleep 0.1
  done
  # twice a round: the JIT compiles the middleware's and the SDK's paths on the server's one core
  log "warming up $m ($((2 * SECONDS_PER)) s)"
  run_wrk "$CONNECTIONS" "$((2 * SECONDS_PER))" "$url" "$WORK_DIR/logs/observed-$m-warmup.txt"
done

{
  echo "date	$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit	$(git_commit)"
  echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command	benchmarks/observability.sh --rounds $ROUNDS --seconds $SECONDS_PER"
  echo "wrk	taskset -c $CLIENT_CPU wrk -t1 -c$CONNECTIONS -d${SECONDS_PER}s --latency http://127.0.0.1:<port>/plaintext"
  [[ -n "$NOTE" ]] && echo "note	$NOTE"
} > "$RESULTS_DIR/observability.meta"
OUT=$RESULTS_DIR/observability.tsv
printf 'mode\tround\trps\tp50_ms\tp99_ms\terrors\trequests\tcpu_us_per_request\n' > "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  for m in "${MODES[@]}"; do
    wrk_out=$WORK_DIR/logs/observed-$m-$r.txt
    ticks0=$(cpu_ticks "${PID[$m]}")
    run_wrk "$CONNECTIONS" "$SECONDS_PER" "http://127.0.0.1:${PORT[$m]}/plaintext" "$wrk_out"
    ticks1=$(cpu_ticks "${PID[$m]}")
    read -r rps p50 p99 _mib errors < <(parse_wrk "$wrk_out")
    requests=$(awk '/requests in/{print $1; exit}' "$wrk_out")
    cpu_us=$(awk -v t=$((ticks1 - ticks0)) -v hz="$CLK_TCK" -v n="${requests:-0}" \
      'BEGIN { if (n > 0) printf "%.2f", t / hz * 1e6 / n; else print "-" }')
    log "round $r $m: $rps req/s (p50 $p50 ms, p99 $p99 ms, $errors errors), $cpu_us µs of server CPU per request"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$r" "$rps" "$p50" "$p99" "$errors" "$requests" "$cpu_us" >> "$OUT"
  done
done
echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS_DIR/observability.meta"
report
