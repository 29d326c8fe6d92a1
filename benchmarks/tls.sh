#!/usr/bin/env bash
# HTTPS: the JDK's TLS against OpenSSL's (BoringSSL, netty-tcnative), and express4j against raw Netty behind the
# same provider's SslHandler. For each provider: express4j and raw Netty under wrk over https —
#   plaintext   GET /plaintext on 50 kept-alive connections (requests/s; the issue's target: express4j ≥ 0.7× raw Netty)
#   handshake   the same with "Connection: close": every request a new connection and a full handshake (handshakes/s)
#   1mib        GET /static/1mib.bin on 10 kept-alive connections (express4j only; MiB/s through the encryption)
#
#   benchmarks/tls.sh            # 5 rounds × 4 s per cell after 4 s warm-up (≈ 6 min)
#   benchmarks/tls.sh --quick    # 1 round × 3 s (≈ 1.5 min)
#
# Servers pinned to CPU 1, wrk to CPU 0, as run.sh; the four servers run side by side and each round measures
# every one in turn: the report gives medians of the ratios taken within a round. The certificate is an ECDSA P-256 one made with keytool.
# Raw data: benchmarks/results/tls.tsv and tls.meta; the report: benchmarks/RESULTS.md.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

ROUNDS=5 DURATION=4 WARMUP=4 BUILD=1 NOTE="" ARGS=""
while (($#)); do
  case $1 in
    --quick) ROUNDS=1 DURATION=3 WARMUP=1 ARGS+="$1 " ;;
    --rounds) ROUNDS=$2; ARGS+="$1 $2 "; shift ;;
    --duration) DURATION=$2; ARGS+="$1 $2 "; shift ;;
    --note) NOTE=$2; shift ;;  # shown on its own line, not in the command
    --no-build) BUILD=0; ARGS+="$1 " ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; echo "Options: --quick, --rounds N, --duration S, --note TEXT, --no-build"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

JAVA=$(find_java)
ensure_wrk
if ((BUILD)); then
  log "building express4j + benchmarks (mvn -pl benchmarks -am package -DskipTests)"
  (cd "$ROOT_DIR" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests) || die "maven build failed"
fi
make_static_file
mkdir -p "$RESULTS_DIR" "$WORK_DIR/wrk" "$WORK_DIR/logs"
P12=$WORK_DIR/tls-bench.p12
if [[ ! -s $P12 ]]; then
  log "making an ECDSA P-256 certificate for localhost ($P12)"
  "$(dirname "$JAVA")/keytool" -genkeypair -alias bench -keyalg EC -groupname secp256r1 -dname CN=localhost \
    -ext san=dns:localhost,ip:127.0.0.1 -validity 3650 -keystore "$P12" -storetype PKCS12 -storepass changeit \
    -noprompt >/dev/null 2>&1 || die "keytool failed"
fi
SERVERS=(express4j-JDK netty-JDK express4j-OPENSSL netty-OPENSSL)
declare -A PORT=([express4j-JDK]=8443 [netty-JDK]=8444 [express4j-OPENSSL]=8445 [netty-OPENSSL]=8446)
PIDS=()
stop_all() { local p; for p in "${PIDS[@]}"; do SERVER_PID=$p stop_server; done; PIDS=(); }
trap 'stop_all' EXIT INT TERM

start_tls() { # start_tls express4j-JDK | netty-OPENSSL | …
  local name=${1%-*} provider=${1##*-} port=${PORT[$1]} pid deadline
  # shellcheck disable=SC2086
  env STATIC_DIR="$STATIC_DIR" taskset -c "$SERVER_CPU" $JAVA $JAVA_OPTS -cp "$(classpath)" \
    io.express4j.bench.servers.TlsServers "$name" "$port" "$provider" "$P12" > "$WORK_DIR/logs/tls-$1.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  deadline=$(( $(date +%s) + 120 ))
  until [[ "$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/plaintext")" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK_DIR/logs/tls-$1.log" >&2; die "$1 exited"; }
    (( $(date +%s) < deadline )) || die "$1 did not answer within 120 s"
    sleep 0.1
  done
}

run_one() { # run_one SERVER TEST SECONDS OUTFILE
  local url="https://127.0.0.1:${PORT[$1]}/plaintext" c=50 extra=()
  case $2 in
    handshake) extra=(-H "Connection: close") ;;
    1mib) url="https://127.0.0.1:${PORT[$1]}/static/1mib.bin" c=10 ;;
  esac
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$c" -d"$3"s --timeout 10s --latency "${extra[@]}" "$url" > "$4" 2>&1 || true
}

tests_of() { if [[ $1 == express4j* ]]; then echo plaintext handshake 1mib; else echo plaintext handshake; fi; }

write_machine "$RESULTS_DIR/tls.meta" tls
{
  echo "command	benchmarks/tls.sh $ARGS"
  echo "rounds	$ROUNDS rounds × ${DURATION} s per cell after ${WARMUP} s warm-up; ratios taken within each round, median reported"
  [[ -n "$NOTE" ]] && echo "note	$NOTE"
  echo "server_cmd	taskset -c $SERVER_CPU java $JAVA_OPTS -cp benchmarks/target/express4j-benchmarks.jar:benchmarks/target/lib/* io.express4j.bench.servers.TlsServers express4j|netty 8443…8446 JDK|OPENSSL tls-bench.p12"
  echo "wrk_cmd	taskset -c $CLIENT_CPU wrk -t1 -c50 -d${DURATION}s https://127.0.0.1:<port>/plaintext  (handshake: + -H 'Connection: close'; 1mib: -c10 /static/1mib.bin)"
} >> "$RESULTS_DIR/tls.meta"

# All four servers run at once (idle while another is measured) and every round measures each in turn, so that
# a shared machine's changing load falls on all alike; the report takes ratios within each round.
log "starting express4j and raw Netty over TLS, each on the JDK and on OpenSSL"
for server in "${SERVERS[@]}"; do start_tls "$server"; done
for server in "${SERVERS[@]}"; do
  for test in $(tests_of "$server"); do run_one "$server" "$test" "$WARMUP" /dev/null; done
done
printf 'round\tprovider\tserver\ttest\trps\tmib_s\terrors\n' > "$RESULTS_DIR/tls.tsv"
for r in $(seq 1 "$ROUNDS"); do
  for test in plaintext handshake 1mib; do
    for server in "${SERVERS[@]}"; do
      [[ " $(tests_of "$server") " == *" $test "* ]] || continue
      out=$WORK_DIR/wrk/tls-$server-$test-$r.txt
      run_one "$server" "$test" "$DURATION" "$out"
      read -r rps _ _ mib errors <<< "$(parse_wrk "$out")"
      log "  round $r $server $test: $rps req/s, $mib MiB/s, $errors errors"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "${server##*-}" "${server%-*}" "$test" "$rps" "$mib" "$errors" >> "$RESULTS_DIR/tls.tsv"
    done
  done
done
stop_all
echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS_DIR/tls.meta"
report
