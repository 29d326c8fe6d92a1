#!/usr/bin/env bash
# Profiles express4j under load with JDK Flight Recorder (≈ 1.5 min):
#
#   benchmarks/profile.sh                    # plaintext, json and stream, 15 s each after a 5 s warm-up
#   benchmarks/profile.sh --tests stream     # some of them
#
# For each test: JFR's "hot-methods" view (top frames of jdk.ExecutionSample), on JDK 25+ the CPU-time sampler's
# view, the express4j methods with the most samples anywhere in the stack (inclusive), and "allocation-by-class". Written to
# benchmarks/results/profile-express4j-<test>.txt and shown in RESULTS.md; the .jfr files stay in
# benchmarks/target/run/ for `jfr view` / JDK Mission Control.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

TESTS=(plaintext json stream) DURATION=15 BUILD=1
while (($#)); do
  case $1 in
    --tests) IFS=, read -ra TESTS <<< "$2"; shift ;;
    --duration) DURATION=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
declare -A PATHS=([plaintext]=/plaintext [json]=/json [stream]=/stream)

JAVA=$(find_java)
JDK_BIN=$(dirname "$JAVA")
SERVERS=(express4j)
ensure_wrk
((BUILD)) && build_all
make_static_file
mkdir -p "$RESULTS_DIR" "$WORK_DIR"
trap 'stop_server' EXIT INT TERM

for t in "${TESTS[@]}"; do
  url="http://127.0.0.1:${SERVER_PORT[express4j]}${PATHS[$t]}"
  jfr_file="$WORK_DIR/express4j-$t.jfr"
  log "profile: express4j $t"
  start_server express4j
  run_wrk 50 5 "$url" "$WORK_DIR/profile-warmup.txt"
  # method-profiling=max: an execution sample every ms; JDK 25+ also has the CPU-time sampler (JEP 509), which
  # sees native frames (socket writes) too. Older JDKs refuse its setting: start without it there.
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=bench settings=profile method-profiling=max \
      'jdk.CPUTimeSample#enabled=true' 'jdk.CPUTimeSample#throttle=1ms' filename="$jfr_file" > "$WORK_DIR/jcmd.txt" 2>&1 \
    && ! grep -qi 'error\|exception' "$WORK_DIR/jcmd.txt" \
    || "$JDK_BIN/jcmd" "$SERVER_PID" JFR.start name=bench settings=profile method-profiling=max \
      filename="$jfr_file" > /dev/null
  run_wrk 50 "$DURATION" "$url" "$WORK_DIR/profile-$t.txt"
  "$JDK_BIN/jcmd" "$SERVER_PID" JFR.stop name=bench > /dev/null
  stop_server
  read -r rps _ <<< "$(parse_wrk "$WORK_DIR/profile-$t.txt")"
  out="$RESULTS_DIR/profile-express4j-$t.txt"
  (
    set +e +o pipefail   # views cut short by head/grep -q must not end the script
    echo "express4j, $t (GET ${PATHS[$t]}, wrk -c50, ${DURATION} s, $rps req/s while recording; $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "-- hot methods (top frame of each execution sample)"
    "$JDK_BIN/jfr" view --width 150 hot-methods "$jfr_file" | sed -n '4,28p'
    echo
    if "$JDK_BIN/jfr" summary "$jfr_file" | grep -q 'jdk.CPUTimeSample '; then
      echo "-- CPU-time hot methods (JEP 509 sampler: includes native frames)"
      "$JDK_BIN/jfr" view --width 150 cpu-time-hot-methods "$jfr_file" | sed -n '4,23p'
      echo
    fi
    echo "-- express4j methods by samples anywhere in the stack (inclusive)"
    "$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" | awk '
      /jdk.ExecutionSample/ { total++; delete seen }
      /^[[:space:]]+io\.express4j\./ && !/io\.express4j\.bench\./ {
        f = $1; sub(/\(.*$/, "", f); sub(/line:.*/, "", f)
        if (!(f in seen)) { seen[f] = 1; count[f]++ }
      }
      END { for (f in count) printf "%6.1f%%  %s\n", 100 * count[f] / total, f }' | sort -rn | head -40
    echo
    echo "-- allocation by class"
    "$JDK_BIN/jfr" view --width 150 allocation-by-class "$jfr_file" | sed -n '4,18p'
  ) > "$out"
  log "wrote ${out#"$ROOT_DIR"/}"
done
report
