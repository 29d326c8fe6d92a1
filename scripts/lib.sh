# Shared by the reliability scripts: a JDK 21+, the test classpath, and the SoakServer on 127.0.0.1.
# Everything here targets loopback only and every loop is bounded.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/core/target/reliability}
mkdir -p "$OUT"

# A java of version 21 or more, found as Maven's toolchains plugin finds one: $JAVA, else JAVA_HOME, the JDKs in
# toolchains.xml files, the JDKs installed under /usr/lib/jvm, and the java on PATH.
find_java() {
  if [[ -n "${JAVA:-}" ]]; then echo "$JAVA"; return; fi
  local homes=() home v
  [[ -n "${JAVA_HOME:-}" ]] && homes+=("$JAVA_HOME")
  for f in "$HOME/.m2/toolchains.xml" /etc/maven/toolchains.xml; do
    [[ -f $f ]] && homes+=($(grep -o '<jdkHome>[^<]*' "$f" | sed 's/<jdkHome>//'))
  done
  homes+=(/usr/lib/jvm/*)
  for home in "${homes[@]}"; do
    [[ -x "$home/bin/java" ]] || continue
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')
    if [[ -n "$v" && "${v%%.*}" -ge 21 ]]; then echo "$home/bin/java"; return; fi
  done
  echo java
}

build() {
  (cd "$ROOT" && mvn -B -ntp -q -pl core test-compile dependency:build-classpath \
      -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null)
  CP="$ROOT/core/target/classes:$ROOT/core/target/test-classes:$(cat "$OUT/classpath.txt")"
  JAVA_BIN=$(find_java)
}

# start_server <port> [headersTimeoutMillis]: sets SERVER_PID, waits for READY.
start_server() {
  local log="$OUT/server-$1.log"
  "$JAVA_BIN" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$CP" io.express4j.soak.SoakServer "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    grep -q READY "$log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "server did not start:"; cat "$log"; kill "$SERVER_PID"; exit 1
}

stop_server() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; fi
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

need_wrk() {
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
}

# wrk_summary <wrk output file>: "rps p50 p99 errors" (latencies in ms)
wrk_summary() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Socket errors/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    /Non-2xx/ { err += $5 }
    END { printf "%d %.2f %.2f %d\n", rps, p50, p99, err }' "$1"
}
