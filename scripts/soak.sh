#!/usr/bin/env bash
# Soak: find the max throughput of GET / on 127.0.0.1, then hold about 70 % of it for SOAK_MINUTES (30 by default),
# one wrk window at a time, recording throughput, p50/p99 latency, errors and the server's RSS per window.
#   SOAK_MINUTES=30 WINDOW_SECONDS=60 scripts/soak.sh
source "$(dirname "$0")/lib.sh"
need_wrk
MINUTES=${SOAK_MINUTES:-30}
WINDOW=${WINDOW_SECONDS:-60}
CONNS=${CONNECTIONS:-64}
PORT=${PORT:-38301}
(( MINUTES <= 240 )) || { echo "SOAK_MINUTES is capped at 240"; exit 1; }
build
start_server "$PORT"
trap stop_server EXIT
URL="http://127.0.0.1:$PORT/"
wrk -t2 -c"$CONNS" -d5s "$URL" >/dev/null                                  # warm-up (JIT)
wrk -t2 -c"$CONNS" -d15s --latency "$URL" >"$OUT/soak-max.txt"
read -r MAX P50 P99 ERR < <(wrk_summary "$OUT/soak-max.txt")
TARGET=$((MAX * 70 / 100))
# wrk has no rate option: each connection waits between requests, CONNS/TARGET seconds on average at first; after
# each window the wait is corrected by how far the window's rate was from the target (wrk's timers are coarse).
GAP=$(awk -v c="$CONNS" -v t="$TARGET" 'BEGIN { printf "%.4f", c * 1000 / t }')
write_rate() {
  cat >"$OUT/rate.lua" <<LUA
local gap = $GAP
function delay()
  local base = math.floor(gap)
  if math.random() < gap - base then return base + 1 end
  return base
end
LUA
}
echo "max: $MAX req/s (p50 $P50 ms, p99 $P99 ms); holding ~$TARGET req/s for $MINUTES min in ${WINDOW}s windows"
echo "window | req/s | p50 ms | p99 ms | errors | RSS MiB"
windows=$(( MINUTES * 60 / WINDOW ))
for ((w = 1; w <= windows; w++)); do
  write_rate
  wrk -t2 -c"$CONNS" -d"${WINDOW}s" --latency -s "$OUT/rate.lua" "$URL" >"$OUT/soak-window-$w.txt"
  read -r RPS WP50 WP99 WERR < <(wrk_summary "$OUT/soak-window-$w.txt")
  echo "$w | $RPS | $WP50 | $WP99 | $WERR | $(( $(rss_kib "$SERVER_PID") / 1024 ))"
  GAP=$(awk -v g="$GAP" -v r="$RPS" -v t="$TARGET" 'BEGIN { f = r / t; if (f < 0.5) f = 0.5; if (f > 2) f = 2; printf "%.4f", g * f }')
done
