#!/usr/bin/env bash
# Coverage-guided fuzzing of one Jazzer target (`mvn test` only replays the committed seed corpora).
#   scripts/fuzz.sh <TestClass> [rounds]       e.g. scripts/fuzz.sh RequestDecoderFuzzTest 30   (≈ 30 min)
# One round fuzzes for the target's @FuzzTest maxDuration (60 s); rounds continue from the corpus grown so far.
# Targets: PathPatternFuzzTest RangeParserFuzzTest NegotiatorFuzzTest CookiesFuzzTest QueryStringsFuzzTest
#          FreshnessFuzzTest RequestDecoderFuzzTest ServerWireFuzzTest
# Grown corpus: core/.cifuzz-corpus/ (git-ignored). A finding is saved under
# core/src/test/resources/io/express4j/.../<TestClass>Inputs/<method>/ and, once committed, replays in every build.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh <TestClass> [rounds]}
rounds=${2:-1}
cd "$(dirname "$0")/.."
total=0
for ((i = 1; i <= rounds; i++)); do
  log="core/target/fuzz-$target-$i.log"
  mkdir -p core/target
  JAZZER_FUZZ=1 mvn -B -ntp -pl core test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.hooks=true >"$log" 2>&1 || { grep -E "FuzzTestFindingException|Caused by|expected" "$log" | head; exit 1; }
  runs=$(grep -oE "Done [0-9]+ runs" "$log" | tail -1 | grep -oE "[0-9]+")
  total=$((total + ${runs:-0}))
  echo "$target round $i: ${runs:-0} executions ($(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1))"
done
echo "$target: $total executions in $rounds round(s), no finding"
