#!/usr/bin/env bash
# Scale checks, each bounded in time (≈ 6 min for all):
#
#   benchmarks/scale.sh                 # all four checks
#   benchmarks/scale.sh idle            # 10,000 idle keep-alive connections: server RSS added (every server)
#   benchmarks/scale.sh routes          # plaintext with 1,000 routes vs 10 routes: throughput ratio
#   benchmarks/scale.sh upload          # a 1 GiB upload read by a handler: peak heap (and under -Xmx64m)
#   benchmarks/scale.sh slow            # a slow reader (20 MB/s) on a 200 MiB stream: peak heap
#
# Raw data goes to benchmarks/results/scale-<check>.tsv; benchmarks/RESULTS.md is regenerated.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

BUILD=1 NOTE="" CHECKS=() SERVERS=() ARGS=$(printf "%q " "$@")
while (($#)); do
  case $1 in
    idle|routes|upload|slow) CHECKS+=("$1") ;;
    all) CHECKS=(idle routes upload slow) ;;
    --servers) IFS=, read -ra SERVERS <<< "$2"; shift ;;
    --note) NOTE=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
               echo "Options: --servers a,b (idle, routes)  --note TEXT  --no-build"; exit 0 ;;
    *) echo "unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
((${#CHECKS[@]})) || CHECKS=(idle routes upload slow)

JAVA=$(find_java)
ensure_wrk
((BUILD)) && build_all
make_static_file
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mkdir -p "$RESULTS_DIR" "$WORK_DIR"
trap 'stop_server' EXIT INT TERM
{
  echo "date	$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit	$(git_commit)"
  echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command	benchmarks/scale.sh $ARGS"
  [[ -n "$NOTE" ]] && echo "note	$NOTE"
} > "$RESULTS_DIR/scale.meta"

row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$OUT"; }
begin() { OUT=$RESULTS_DIR/scale-$1.tsv; echo "check	server	metric	value	unit	note" > "$OUT"; }

check_idle() {
  local servers=("${SERVERS[@]}") s before during peak ready done_line
  ((${#servers[@]})) || servers=("${ALL_SERVERS[@]}")
  begin idle10k
  for s in "${servers[@]}"; do
    log "idle: $s with 10,000 keep-alive connections"
    start_server "$s"
    run_wrk 50 3 "http://127.0.0.1:${SERVER_PORT[$s]}/plaintext" "$WORK_DIR/idle-warmup.txt"
    sleep 1
    before=$(rss_mib "$SERVER_PID")
    taskset -c "$CLIENT_CPU" "$JAVA" -cp "$(classpath)" io.express4j.bench.scale.IdleConnections \
      127.0.0.1 "${SERVER_PORT[$s]}" 10000 12 2 > "$WORK_DIR/idle-client.txt" 2>&1 &
    local client=$!
    for _ in $(seq 1 600); do grep -q '^READY' "$WORK_DIR/idle-client.txt" && break; sleep 0.1; done
    during=0
    for _ in 1 2 3 4 5 6 7 8; do   # the largest RSS while the connections are held
      sleep 1
      during=$(awk -v a="$during" -v b="$(rss_mib "$SERVER_PID")" 'BEGIN{print (b > a ? b : a)}')
    done
    wait "$client" || true
    ready=$(grep '^READY' "$WORK_DIR/idle-client.txt" || echo "READY ? (client failed)")
    done_line=$(grep '^DONE' "$WORK_DIR/idle-client.txt" || echo "DONE ?")
    peak=$(peak_mib "$SERVER_PID")
    row idle10k "$s" rss_before_mib "$before" MiB "after a 3 s plaintext warm-up"
    row idle10k "$s" rss_with_connections_mib "$during" MiB "$ready; $done_line"
    row idle10k "$s" rss_added_mib "$(awk -v a="$during" -v b="$before" 'BEGIN{printf "%.1f", a - b}')" MiB \
      "each connection makes one request every 2 s to outlive the 5 s keep-alive timeout"
    row idle10k "$s" rss_peak_mib "$peak" MiB "VmHWM"
    log "idle: $s RSS $before → $during MiB ($ready; $done_line)"
    stop_server
  done
}

check_routes() {
  local servers=("${SERVERS[@]}") s n rps10 rps1000 r
  ((${#servers[@]})) || servers=(express4j express)
  begin routes
  for s in "${servers[@]}"; do
    for n in 10 1000; do
      log "routes: $s with $n routes (plaintext is the ${n}th)"
      start_server "$s" ROUTES="$n"
      run_wrk 50 5 "http://127.0.0.1:${SERVER_PORT[$s]}/plaintext" "$WORK_DIR/routes-warmup.txt"
      local values=()
      for r in 1 2 3; do
        run_wrk 50 10 "http://127.0.0.1:${SERVER_PORT[$s]}/plaintext" "$WORK_DIR/routes-$s-$n-$r.txt"
        values+=("$(parse_wrk "$WORK_DIR/routes-$s-$n-$r.txt" | cut -d' ' -f1)")
      done
      local median
      median=$(printf '%s\n' "${values[@]}" | sort -n | sed -n 2p)
      row routes "$s" "rps_$n" "$median" req/s "median of 3 × 10 s, wrk -c50 GET /plaintext (rounds: ${values[*]})"
      [[ $n == 10 ]] && rps10=$median || rps1000=$median
      stop_server
    done
    row routes "$s" slowdown_pct "$(awk -v a="$rps10" -v b="$rps1000" 'BEGIN{printf "%.1f", 100 * (1 - b / a)}')" \
      % "1,000 routes vs 10; the matching route is the last one registered"
  done
}

# POST /upload of 1 GiB (curl -T -, chunked); the handler reads it and answers with its heap peak.
upload_once() {
  local label=$1 answer
  answer=$(head -c 1073741824 /dev/zero | taskset -c "$CLIENT_CPU" curl -s --max-time 180 -X POST -T - \
    -H 'Content-Type: application/octet-stream' "http://127.0.0.1:${SERVER_PORT[express4j]}/upload" || true)
  log "upload ($label): $answer"
  if [[ "$answer" != *'"bytes":1073741824'* ]]; then
    row upload express4j "peak_heap_mib$2" "failed" "" "$label: answer '${answer:0:120}'"
    return
  fi
  local heap millis
  heap=$(sed -E 's/.*"peakHeapMiB":([0-9.]+).*/\1/' <<< "$answer")
  millis=$(sed -E 's/.*"millis":([0-9]+).*/\1/' <<< "$answer")
  row upload express4j "peak_heap_mib$2" "$heap" MiB "$label; read in $millis ms; server VmHWM $(peak_mib "$SERVER_PID") MiB"
}

check_upload() {
  begin upload
  start_server express4j
  upload_once "with JAVA_OPTS ($JAVA_OPTS): peak of the heap pools incl. garbage" _default
  stop_server
  JAVA_OPTS="$JAVA_OPTS -Xmx64m" start_server express4j
  upload_once "under -Xmx64m" ""
  stop_server
}

check_slow() {
  begin slow_reader
  local opts label
  for opts in "" "-Xmx64m"; do
    label=${opts:-"JAVA_OPTS ($JAVA_OPTS)"}
    JAVA_OPTS="$JAVA_OPTS $opts" start_server express4j
    curl -s -X POST "http://127.0.0.1:${SERVER_PORT[express4j]}/mem/reset" > /dev/null
    local t0 t1 bytes mem
    t0=$(date +%s%N)
    bytes=$(taskset -c "$CLIENT_CPU" curl -s --max-time 60 --limit-rate 20M -o /dev/null -w '%{size_download}' \
      "http://127.0.0.1:${SERVER_PORT[express4j]}/big?mib=200" || true)
    t1=$(date +%s%N)
    mem=$(curl -s "http://127.0.0.1:${SERVER_PORT[express4j]}/mem")
    log "slow reader ($label): $bytes bytes in $(( (t1 - t0) / 1000000 )) ms; $mem"
    row slow_reader express4j "peak_heap_mib${opts:+_xmx64m}" "$(sed -E 's/.*"peakHeapMiB":([0-9.]+).*/\1/' <<< "$mem")" MiB \
      "$label; $bytes bytes at 20 MB/s in $(( (t1 - t0) / 1000000 )) ms; server VmHWM $(peak_mib "$SERVER_PID") MiB"
    stop_server
  done
}

for c in "${CHECKS[@]}"; do "check_$c"; done
report
