#!/usr/bin/env bash
# Side-by-side load test: express4j against raw Netty (the ceiling), Express 5, Fastify 5 and Javalin 7; also
# express4j-aot, the same express4j server started with a JDK 25 AOT cache (trained during the build).
#
#   benchmarks/run.sh            # full run: warm-up, 3 rounds × 10 s per test, medians (≈ 15–20 min)
#   benchmarks/run.sh --quick    # smoke run: 1 round × 3 s per test (≈ 3 min); numbers are not a measurement
#
# Each server runs alone, in its own process, pinned to CPU 1; wrk runs on CPU 0. Raw data goes to
# benchmarks/results/load.tsv and servers.tsv, the report to benchmarks/RESULTS.md.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

ROUNDS=3 DURATION=10 WARMUP=5 MODE=full BUILD=1 NOTE="" ARGS=$(printf "%q " "$@")
SERVERS=("${RUN_SERVERS[@]}") DEFAULT_SERVERS=1
TESTS=(plaintext plaintext-c256 json static stream stack-small stack-json gzip-100k br-100k)

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  cat <<'EOF'
Options:
  --quick              1 round × 3 s per test, 2 s warm-up
  --rounds N           rounds per test (default 3); the median is reported
  --duration S         seconds per round (default 10)
  --warmup S           seconds of warm-up load per test before the rounds (default 5)
  --servers a,b        subset of: express4j,express4j-el,express4j-aot,netty,express,fastify,javalin
                       (express4j-aot needs JDK 25+; its AOT cache is trained after the build, or before
                       its first start when missing or older than the jars, e.g. with --no-build)
  --tests a,b          subset of: plaintext,plaintext-c256,json,static,stream,stack-small,stack-json,
                       gzip-100k,br-100k (the last four: issue 15's typical middleware stack and compression;
                       only express4j and express serve them, the others are reported as not serving them)
  --note TEXT          a line shown at the top of RESULTS.md (e.g. "provisional: machine busy")
  --no-build           use the existing build
Environment: JAVA (a JDK 21+), JAVA_OPTS, SERVER_CPU (1), CLIENT_CPU (0), AOT_TRAINING_OPTS (extra flags of
the express4j-aot training run only; default: no method profiles, see lib.sh's train_aot).
EOF
}

while (($#)); do
  case $1 in
    --quick) ROUNDS=1 DURATION=3 WARMUP=2 MODE=quick ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --servers) IFS=, read -ra SERVERS <<< "$2"; DEFAULT_SERVERS=0; shift ;;
    --tests) IFS=, read -ra TESTS <<< "$2"; shift ;;
    --note) NOTE=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
  shift
done

# test name → "path connections [request header]"
declare -A TEST_SPEC=(
  [plaintext]="/plaintext 50"
  [plaintext-c256]="/plaintext 256"
  [json]="/json 50"
  [static]="/static/1mib.bin 50"
  [stream]="/stream 50"
  # issue 15: helmet + cors + compression + morgan (combined, to a file) + session (memory store), as a browser
  # asks (br preferred); a 13-byte body under the compression threshold, and a 10 KiB JSON above it
  [stack-small]="/stack/small 50 Accept-Encoding: gzip, deflate, br"
  [stack-json]="/stack/json 50 Accept-Encoding: gzip, deflate, br"
  # compression alone on a 100 KiB text body
  [gzip-100k]="/compress/100k 50 Accept-Encoding: gzip"
  [br-100k]="/compress/100k 50 Accept-Encoding: br"
)

JAVA=$(find_java)
if ((DEFAULT_SERVERS)) && ! aot_supported; then
  log "JDK older than 25: no AOT cache, express4j-aot left out"
  SERVERS=("${ALL_SERVERS[@]}")
fi
ensure_wrk
((BUILD)) && build_all
make_static_file
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mkdir -p "$RESULTS_DIR" "$WORK_DIR/wrk"
trap 'stop_server' EXIT INT TERM

write_machine "$RESULTS_DIR/machine.tsv" "$MODE"
{
  echo "command	benchmarks/run.sh $ARGS"
  echo "rounds	$ROUNDS × ${DURATION} s after ${WARMUP} s warm-up, median reported"
  [[ -n "$NOTE" ]] && echo "note	$NOTE"
  for s in "${SERVERS[@]}"; do echo "server_cmd_$s	taskset -c $SERVER_CPU $(server_command "$s" "${SERVER_PORT[$s]}" | sed "s#$ROOT_DIR/##g; s#$JAVA#java#")"; done
  echo "wrk_cmd	taskset -c $CLIENT_CPU wrk -t1 -c<C> -d${DURATION}s --timeout 10s --latency [-H '<header>'] http://127.0.0.1:<port><path>"
} >> "$RESULTS_DIR/machine.tsv"

LOAD=$RESULTS_DIR/load.tsv SRV=$RESULTS_DIR/servers.tsv FEAT=$RESULTS_DIR/features.tsv
echo "server	test	round	rps	p50_ms	p99_ms	mib_s	cpu_pct	errors" > "$LOAD"
echo "server	startup_ms	rss_idle_mib	rss_peak_mib" > "$SRV"
echo "server	test	feature	value" > "$FEAT"

# What the response carries (ETag, Range), so the tables say which server did which work.
probe_features() {
  local s=$1 t=$2 url=$3 header=${4:-} headers code
  headers=$(curl -s -D - -o /dev/null ${header:+-H "$header"} "$url" | tr -d '\r')
  code=$(awk 'NR==1{print $2}' <<< "$headers")
  echo "$s	$t	status	$code" >> "$FEAT"
  echo "$s	$t	etag	$(grep -qi '^etag:' <<< "$headers" && echo yes || echo no)" >> "$FEAT"
  echo "$s	$t	content_type	$(awk -F': ' 'tolower($1)=="content-type"{print $2}' <<< "$headers")" >> "$FEAT"
  [[ -z $header ]] || echo "$s	$t	content_encoding	$(awk -F': ' 'tolower($1)=="content-encoding"{print $2}' <<< "$headers")" >> "$FEAT"
  if [[ $t == static ]]; then
    echo "$s	$t	range	$([[ $(curl -s -o /dev/null -w '%{http_code}' -H 'Range: bytes=0-99' "$url") == 206 ]] && echo yes || echo no)" >> "$FEAT"
  fi
  [[ $code == 200 ]]
}

for s in "${SERVERS[@]}"; do
  log "== $s"
  rm -f "$WORK_DIR/logs/$s-access.log"
  start_server "$s" ACCESS_LOG="$WORK_DIR/logs/$s-access.log"
  sleep 1
  idle=$(rss_mib "$SERVER_PID")
  log "$s answered after $STARTUP_MS ms; RSS idle $idle MiB"
  for t in "${TESTS[@]}"; do
    read -r path conns header <<< "${TEST_SPEC[$t]}"
    url="http://127.0.0.1:${SERVER_PORT[$s]}$path"
    if ! probe_features "$s" "$t" "$url" "$header"; then
      log "$s $t: $path does not answer 200: skipped (pending)"
      echo "$s	$t	0	-	-	-	-	-	-" >> "$LOAD"
      continue
    fi
    run_wrk "$conns" "$WARMUP" "$url" "$WORK_DIR/wrk/$s-$t-warmup.txt" "$header"
    for r in $(seq 1 "$ROUNDS"); do
      c0=$(cpu_ticks "$SERVER_PID"); n0=$(date +%s%N)
      run_wrk "$conns" "$DURATION" "$url" "$WORK_DIR/wrk/$s-$t-$r.txt" "$header"
      c1=$(cpu_ticks "$SERVER_PID"); n1=$(date +%s%N)
      cpu=$(awk -v c="$((c1 - c0))" -v hz="$CLK_TCK" -v ns="$((n1 - n0))" 'BEGIN{printf "%.0f", 100 * c / hz / (ns / 1e9)}')
      read -r rps p50 p99 mibs errs <<< "$(parse_wrk "$WORK_DIR/wrk/$s-$t-$r.txt")"
      echo "$s	$t	$r	$rps	$p50	$p99	$mibs	$cpu	$errs" >> "$LOAD"
      log "$s $t round $r: $rps rps, p50 $p50 ms, p99 $p99 ms, $mibs MiB/s, CPU $cpu %, errors $errs"
    done
  done
  echo "$s	$STARTUP_MS	$idle	$(peak_mib "$SERVER_PID")" >> "$SRV"
  stop_server
  sleep 1
done

echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS_DIR/machine.tsv"
report
