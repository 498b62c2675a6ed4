#!/usr/bin/env bash
# npm run test:repeat -- [N]: runs the whole suite (`npm test`) N times in a row (default 10)
# while `npm run burn` keeps one core busy, stopping at the first failure. One line per run
# and a summary go to bench/results/test-repeat.json; each run's output to .logs/.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
mkdir -p bench/results .logs

# In a process group of its own, so stopping it stops tsx's node too, not only the launcher
# (the burner also exits once its parent is gone).
setsid npx tsx scripts/cpu-burn.ts > .logs/cpu-burn.log 2>&1 &
burner=$!
trap 'kill -- -$burner 2>/dev/null' EXIT
results=()
passed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  log=".logs/test-repeat-$i.log"
  if npm test --silent > "$log" 2>&1; then status=pass; passed=$((passed + 1)); else status=fail; fi
  secs=$(( $(date +%s) - start ))
  summary=$(grep -E '^Tests:' "$log" | tail -1 | sed 's/"/\\"/g')
  echo "test:repeat run $i/$runs: $status in ${secs} s ($summary)"
  results+=("{\"run\": $i, \"status\": \"$status\", \"seconds\": $secs, \"tests\": \"$summary\", \"log\": \"$log\"}")
  [ "$status" = pass ] || break
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "{"
  echo "  \"when\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"commit\": \"$(git rev-parse --short HEAD)\","
  echo "  \"machine\": \"$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB\","
  echo "  \"burner\": \"scripts/cpu-burn.ts, one core\","
  echo "  \"runsAsked\": $runs,"
  echo "  \"passedInARow\": $passed,"
  echo "  \"loadAverageAtEnd\": \"$load\","
  echo "  \"runs\": ["
  (IFS=$',\n'; echo "    ${results[*]}")
  echo "  ]"
  echo "}"
} > bench/results/test-repeat.json
npx prettier --write bench/results/test-repeat.json > /dev/null # as committed results are kept
echo "test:repeat: $passed of $runs passed in a row (bench/results/test-repeat.json)"
[ "$passed" = "$runs" ]
