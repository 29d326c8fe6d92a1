# Shared by run.sh, scale.sh, profile.sh and jmh.sh (sourced, not run). Bash 4+, Linux (/proc, taskset).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(dirname "$BENCH_DIR")
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
WORK_DIR=$BENCH_DIR/target/run
STATIC_DIR=$WORK_DIR/static
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
# One set of flags for every Java server (express4j, raw Netty, Javalin). SerialGC is what the JVM picks by
# itself on one CPU; saying so keeps a run on a different CPU mask comparable.
JAVA_OPTS=${JAVA_OPTS:---enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx512m}
ALL_SERVERS=(express4j express4j-el netty express fastify javalin)
# run.sh also measures express4j-aot: the same express4j server started with a JDK AOT cache (JEP 483/514,
# JDK 25+) that a training run wrote (train_aot); only startup and memory are meant to differ.
RUN_SERVERS=(express4j express4j-el express4j-aot netty express fastify javalin)
CLK_TCK=$(getconf CLK_TCK)
AOT_CACHE=$WORK_DIR/express4j.aot

declare -A SERVER_PORT=([express4j]=8081 [netty]=8082 [express]=8083 [fastify]=8084 [javalin]=8085 [express4j-el]=8086
                        [express4j-aot]=8087)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# A JDK >= 21: $JAVA, then $JAVA_HOME, the java on PATH, the JDKs under /usr/lib/jvm (newest first).
find_java() {
  local c v
  for c in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
           $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    [[ -n "$c" && -x "$c" ]] || continue
    v=$("$c" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
    if [[ -n "$v" && "${v%%.*}" -ge 21 ]]; then echo "$c"; return 0; fi
  done
  die "no JDK 21+ found (set JAVA=/path/to/bin/java)"
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  log "installing wrk (apt-get install -y wrk)"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; } \
    || die "could not install wrk"
}

# Builds express4j and the Java servers (target/express4j-benchmarks.jar + target/lib) and the node peers.
build_all() {
  log "building express4j + benchmarks (mvn -pl benchmarks -am package -DskipTests)"
  (cd "$ROOT_DIR" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests) || die "maven build failed"
  # an AOT cache belongs to the jars it was trained with
  if [[ " ${SERVERS[*]:-${ALL_SERVERS[*]}} " == *" express4j-aot "* ]]; then train_aot; fi
  if needs_node; then
    log "installing Express and Fastify (npm ci in benchmarks/node)"
    (cd "$BENCH_DIR/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed"
  fi
}

needs_node() { [[ " ${SERVERS[*]:-${ALL_SERVERS[*]}} " == *" express "* || " ${SERVERS[*]:-${ALL_SERVERS[*]}} " == *" fastify "* ]]; }

classpath() { echo "$BENCH_DIR/target/express4j-benchmarks.jar:$BENCH_DIR/target/lib/*"; }

make_static_file() {
  mkdir -p "$STATIC_DIR"
  [[ -s "$STATIC_DIR/1mib.bin" ]] || head -c 1048576 /dev/urandom > "$STATIC_DIR/1mib.bin"
  # the compression tests' 100 KiB body: words in a pseudo-random order (compresses about as well as prose)
  [[ -s "$STATIC_DIR/100kib.txt" ]] || awk 'BEGIN {
      n = split("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore " \
                "et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip " \
                "ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla", w, " ")
      x = 1
      for (i = 0; i < 20000; i++) { x = (x * 75 + 74) % 65537; printf "%s%s", w[x % n + 1], (i % 12 == 11 ? "\n" : " ") }
    }' | head -c 102400 > "$STATIC_DIR/100kib.txt"
}

# The command that starts a server (without the CPU pinning).
server_command() {
  local name=$1 port=$2
  case $name in
    express4j) echo "$JAVA $JAVA_OPTS -cp $(classpath) io.express4j.bench.servers.Express4jServer $port" ;;
    express4j-el) echo "$JAVA $JAVA_OPTS -cp $(classpath) io.express4j.bench.servers.Express4jEventLoopServer $port" ;;
    express4j-aot) echo "$JAVA $JAVA_OPTS -XX:AOTCache=$AOT_CACHE -cp $(classpath) io.express4j.bench.servers.Express4jServer $port" ;;
    netty)     echo "$JAVA $JAVA_OPTS -cp $(classpath) io.express4j.bench.servers.RawNettyServer $port" ;;
    javalin)   echo "$JAVA $JAVA_OPTS -cp $(classpath) io.express4j.bench.servers.JavalinServer $port" ;;
    express)   echo "node $BENCH_DIR/node/express.js $port" ;;
    fastify)   echo "node $BENCH_DIR/node/fastify.js $port" ;;
    *) die "unknown server $name" ;;
  esac
}

aot_supported() {
  local v
  v=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
  (( ${v%%.*} >= 25 ))
}

# train_aot: the AOT cache for express4j-aot. A training run of Express4jServer with -XX:AOTCacheOutput (same
# JAVA_OPTS and class path as the measured run, which the JVM checks) answers every benchmark path a few times,
# then exits on SIGTERM; the JVM then assembles the cache (≈ 10–20 s). AOT_TRAINING_OPTS (default: no method
# profiles, JEP 515's part) are added to the training run only: with profiles the JVM compiles the trained
# methods with C2 as soon as it starts, which on the server's one CPU delays the first response (≈ +60 ms of
# CPU) and adds ≈ 12 MiB of RSS; set AOT_TRAINING_OPTS= (empty) to keep them.
AOT_TRAINING_OPTS=${AOT_TRAINING_OPTS--XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining}
train_aot() {
  local port=${SERVER_PORT[express4j-aot]} pid p i
  aot_supported || die "express4j-aot needs JDK 25+ (AOT cache); leave it out with --servers"
  mkdir -p "$WORK_DIR/logs"
  make_static_file
  rm -f "$AOT_CACHE"
  log "training the AOT cache for express4j-aot ($AOT_CACHE)"
  # shellcheck disable=SC2086
  env STATIC_DIR="$STATIC_DIR" taskset -c "$SERVER_CPU" $JAVA $JAVA_OPTS $AOT_TRAINING_OPTS -XX:AOTCacheOutput="$AOT_CACHE" \
    -cp "$(classpath)" io.express4j.bench.servers.Express4jServer "$port" > "$WORK_DIR/logs/express4j-aot-training.log" 2>&1 &
  pid=$!
  for i in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$port/plaintext" && break
    kill -0 "$pid" 2>/dev/null || { cat "$WORK_DIR/logs/express4j-aot-training.log" >&2; die "AOT training run exited"; }
    sleep 0.1
  done
  for p in /plaintext /json /stream /static/1mib.bin /missing /stack/small /stack/json /compress/100k; do
    for i in 1 2 3; do curl -s -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' "http://127.0.0.1:$port$p" || true; done
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [[ -s "$AOT_CACHE" ]] || { cat "$WORK_DIR/logs/express4j-aot-training.log" >&2; die "no AOT cache written"; }
  log "AOT cache: $(du -m "$AOT_CACHE" | cut -f1) MiB"
}

# The cache must come from the jars on the class path now: train again when any is newer than it.
ensure_aot_cache() {
  [[ -s "$AOT_CACHE" && -z "$(find "$BENCH_DIR/target/express4j-benchmarks.jar" "$BENCH_DIR/target/lib" -newer "$AOT_CACHE" -print -quit)" ]] \
    || train_aot
}

# start_server NAME [EXTRA_ENV...]: starts it pinned to SERVER_CPU, waits for GET /plaintext to answer 200.
# Sets SERVER_PID and STARTUP_MS (process start to first 200, polled every ~5 ms with curl).
start_server() {
  local name=$1; shift
  local port=${SERVER_PORT[$name]} cmd t0 t1 deadline
  [[ $name != express4j-aot ]] || ensure_aot_cache
  cmd=$(server_command "$name" "$port")
  mkdir -p "$WORK_DIR/logs"
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then die "port $port is already in use"; fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  env STATIC_DIR="$STATIC_DIR" "$@" taskset -c "$SERVER_CPU" $cmd > "$WORK_DIR/logs/$name.log" 2>&1 &
  SERVER_PID=$!
  deadline=$((t0 + 60000000000))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/plaintext")" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK_DIR/logs/$name.log" >&2; die "$name exited"; }
    (( $(date +%s%N) < deadline )) || { stop_server; die "$name did not answer within 60 s"; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
}

stop_server() {
  [[ -n "${SERVER_PID:-}" ]] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# Resident memory of a process in MiB: VmRSS (now) or VmHWM (peak so far).
rss_mib()  { awk '/^VmRSS:/{printf "%.1f", $2/1024}' "/proc/$1/status"; }
peak_mib() { awk '/^VmHWM:/{printf "%.1f", $2/1024}' "/proc/$1/status"; }
# utime + stime of the whole process (all threads), in clock ticks.
cpu_ticks() { awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat"; }

# run_wrk CONNECTIONS SECONDS URL OUTFILE [HEADER]: wrk pinned to CLIENT_CPU, one thread, latency percentiles on;
# HEADER (e.g. "Accept-Encoding: gzip") is sent with every request.
run_wrk() {
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$1" -d"$2"s --timeout 10s --latency ${5:+-H "$5"} "$3" > "$4" 2>&1 || true
}

# parse_wrk FILE → "rps p50_ms p99_ms mib_s errors" (wrk's units normalised; errors = socket errors + non-2xx/3xx).
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    function mib(v) { if (v ~ /GB$/) return v * 1024; if (v ~ /MB$/) return v + 0; if (v ~ /KB$/) return v / 1024; if (v ~ /B$/) return v / 1048576; return v }
    /Requests\/sec:/ { rps = $2 }
    /Transfer\/sec:/ { t = mib($2) }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { err += $5 }
    END { printf "%.0f %.3f %.3f %.1f %d\n", rps, p50, p99, t, err }' "$1"
}

# The machine, for the results' header.
write_machine() {
  local out=$1 mode=$2
  {
    echo "date	$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "mode	$mode"
    echo "commit	$(git_commit)"
    echo "nproc	$(nproc)"
    echo "cpu	$(lscpu | awk -F: '/Model name/{gsub(/^ +/, "", $2); print $2; exit}')"
    echo "kernel	$(uname -sr)"
    echo "memory	$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "jdk	$("$JAVA" -version 2>&1 | head -2 | tail -1)"
    echo "node	$(node --version 2>/dev/null || echo none)"
    echo "wrk	$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
    echo "java_opts	$JAVA_OPTS"
    echo "pinning	server on CPU $SERVER_CPU, wrk on CPU $CLIENT_CPU (taskset)"
    echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$out"
}

git_commit() {
  local c
  c=$(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$ROOT_DIR" diff --quiet HEAD -- core 2>/dev/null || c="$c+uncommitted core changes"
  echo "$c"
}

# RESULTS.md beside results/; an experiment with RESULTS_DIR=/elsewhere gets its own RESULTS.md there.
report() {
  local target=$BENCH_DIR/RESULTS.md
  [[ "$RESULTS_DIR" == "$BENCH_DIR/results" ]] || target=$RESULTS_DIR/RESULTS.md
  "$JAVA" -cp "$(classpath)" io.express4j.bench.report.Report "$RESULTS_DIR" "$target"
  log "wrote $target"
}
