#!/usr/bin/env bash
# JMH micro-benchmarks of express4j's hot paths (≈ 6 min for all of them):
#
#   benchmarks/jmh.sh                        # every benchmark, with the iterations set in each class
#   benchmarks/jmh.sh RouteDispatch ETag     # only those matching the regexes
#   benchmarks/jmh.sh -f 1 -wi 1 -i 2 Send   # any JMH option (java -jar jmh -h lists them)
#
# The same through Maven: mvn -q -pl benchmarks -am package exec:exec@jmh -Djmh.args="RouteDispatch"
# Results: benchmarks/results/jmh.csv, shown in benchmarks/RESULTS.md.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"

NOTE=""
ARGS=()
while (($#)); do
  case $1 in
    --note) NOTE=$2; shift ;;
    --no-build) NO_BUILD=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done

JAVA=$(find_java)
SERVERS=(express4j)   # nothing from npm is needed
[[ -n "${NO_BUILD:-}" ]] || build_all
mkdir -p "$RESULTS_DIR"
{
  echo "date	$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit	$(git_commit)"
  echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command	benchmarks/jmh.sh ${ARGS[*]:-}"
  [[ -n "$NOTE" ]] && echo "note	$NOTE"
} > "$RESULTS_DIR/jmh.meta"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(classpath)" org.openjdk.jmh.Main \
  -rf csv -rff "$RESULTS_DIR/jmh.csv" "${ARGS[@]}"
report
