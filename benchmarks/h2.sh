#!/usr/bin/env bash
# HTTP/2 load test: h2load against express4j (h2c, prior knowledge) and against raw Netty's HTTP/2 server (the same
# Http2FrameCodec + Http2MultiplexHandler, a minimal handler) in the same run, 10 connections × 10 streams each,
# GET /plaintext. The servers take turns, round after round: a warm-up of 30,000 requests (the JIT), then 50,000 measured.
# Reported per server (medians): requests/s, and requests per second of the server's own CPU time (from
# /proc/PID/stat), which holds up on a busy machine where wall-clock rates swing with the neighbours; each with
# its ratio to raw Netty (issue 16's target: express4j ≥ 0.7×).
#
#   benchmarks/h2.sh                         # 3 rounds per server (≈ 1 min on a quiet machine)
#   benchmarks/h2.sh --rounds 5 --requests 50000 --no-build
#
# Each server runs alone, pinned to CPU 1; h2load runs on CPU 0. Raw data: benchmarks/results/h2.tsv, h2.meta.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

ROUNDS=3 REQUESTS=50000 WARMUP=30000 BUILD=1 ARGS=$(printf "%q " "$@")
while (($#)); do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --requests) REQUESTS=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

command -v h2load >/dev/null || { log "installing nghttp2-client (h2load)"; apt-get install -y nghttp2-client >/dev/null 2>&1 \
  || { apt-get update >/dev/null && apt-get install -y nghttp2-client >/dev/null; } || die "could not install h2load"; }
JAVA=$(find_java)
if ((BUILD)); then
  log "building express4j + benchmarks (mvn -pl benchmarks -am package -DskipTests)"
  (cd "$ROOT_DIR" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests) || die "maven build failed"
fi

declare -A H2_PORT=([express4j]=8088 [netty]=8089)
declare -A H2_CMD=(
  [express4j]="$JAVA $JAVA_OPTS -Dhttp2=true -cp $(classpath) io.express4j.bench.servers.Express4jServer ${H2_PORT[express4j]}"
  [netty]="$JAVA $JAVA_OPTS -cp $(classpath) io.express4j.bench.servers.RawNettyHttp2Server ${H2_PORT[netty]}"
)
H2LOAD="h2load -c10 -m10 -t1"
mkdir -p "$RESULTS_DIR" "$WORK_DIR/logs"
trap 'stop_server' EXIT INT TERM

start_h2() {
  local name=$1 port=${H2_PORT[$1]} deadline=$(( $(date +%s) + 60 ))
  # shellcheck disable=SC2086
  env STATIC_DIR="$STATIC_DIR" taskset -c "$SERVER_CPU" ${H2_CMD[$name]} > "$WORK_DIR/logs/h2-$name.log" 2>&1 &
  SERVER_PID=$!
  until [[ "$(curl -s --http2-prior-knowledge -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/plaintext")" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK_DIR/logs/h2-$name.log" >&2; die "$name exited"; }
    (( $(date +%s) < deadline )) || die "$name did not answer within 60 s"
    sleep 0.05
  done
}

echo -e "server\tround\trequests_per_s\tsucceeded\tfailed\trequests_per_cpu_s" > "$RESULTS_DIR/h2.tsv"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$ROUNDS"); do
  for name in express4j netty; do
    start_h2 "$name"
    url="http://127.0.0.1:${H2_PORT[$name]}/plaintext"
    taskset -c "$CLIENT_CPU" $H2LOAD -n "$WARMUP" "$url" > /dev/null
    ticks0=$(cpu_ticks "$SERVER_PID")
    out=$(taskset -c "$CLIENT_CPU" $H2LOAD -n "$REQUESTS" "$url")
    ticks1=$(cpu_ticks "$SERVER_PID")
    stop_server
    rps=$(awk '/^finished in/{gsub(",", "", $4); print $4}' <<< "$out")
    ok=$(awk '/^requests:/{print $8}' <<< "$out")
    failed=$(awk '/^requests:/{print $10}' <<< "$out")
    per_cpu=$(awk -v n="$ok" -v t=$((ticks1 - ticks0)) -v hz="$CLK_TCK" 'BEGIN{printf "%.1f", (t > 0 ? n * hz / t : 0)}')
    log "round $round $name: $rps req/s, $per_cpu req per server CPU second ($ok succeeded, $failed failed)"
    echo -e "$name\t$round\t$rps\t$ok\t$failed\t$per_cpu" >> "$RESULTS_DIR/h2.tsv"
  done
done
{
  echo -e "date\t$(date -u +%Y-%m-%dT%H:%MZ)"
  echo -e "commit\t$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo -e "command\tbenchmarks/h2.sh $ARGS"
  echo -e "load_before\t$load_before"
  echo -e "load_after\t$(cut -d' ' -f1-3 /proc/loadavg)"
  echo -e "h2load\ttaskset -c $CLIENT_CPU $H2LOAD -n $REQUESTS http://127.0.0.1:<port>/plaintext (after -n $WARMUP to warm up)"
  echo -e "rounds\t$ROUNDS per server, taking turns, medians reported"
} > "$RESULTS_DIR/h2.meta"
median() { awk -F'\t' -v s="$1" -v c="$2" 'NR>1 && $1==s {print $c}' "$RESULTS_DIR/h2.tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v e="$1" -v n="$2" 'BEGIN{printf "%.2f", e/n}'; }
e=$(median express4j 3) n=$(median netty 3) ec=$(median express4j 6) nc=$(median netty 6)
log "median: express4j $e req/s, raw Netty $n req/s, ratio $(ratio "$e" "$n"); per server CPU second: $ec vs $nc, ratio $(ratio "$ec" "$nc")"
"$JAVA" -cp "$(classpath)" io.express4j.bench.report.Report "$RESULTS_DIR" "$BENCH_DIR/RESULTS.md"
