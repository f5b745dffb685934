#!/usr/bin/env bash
# Kills gan bench midway (SIGKILL, no chance to clean up) and reruns it: the rerun must skip the members that
# had completed (their summary.json untouched) and finish only the missing ones; then renders the report to
# PNG with headless Chromium when it is installed.
#   benchmarks/kill-rerun.sh [SUITE] [OUT]      (default: benchmarks/smoke.yaml, 8 tiny members)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:-$root/benchmarks/smoke.yaml}"
out="${2:-$root/runs/bench/kill-rerun}"
rm -rf "$out"
count_done() { find "$out/runs" -name summary.json 2>/dev/null | wc -l; }

"$root/bin/gan" bench "$suite" --out "$out" > "$out.first.log" 2>&1 &
pid=$!
while (( $(count_done) < 2 )); do
  kill -0 "$pid" 2>/dev/null || { echo "kill-rerun: the bench ended before it could be killed" >&2; exit 1; }
  sleep 0.5
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
before="$(count_done)"
declare -A stamp
for f in $(find "$out/runs" -name summary.json); do stamp["$f"]="$(stat -c %Y.%y "$f")"; done
echo "kill-rerun: killed gan bench with $before members complete"
# The workers watch the bench's pid and halt within a second; none may outlive it.
for _ in $(seq 20); do pgrep -f "BenchWorker --out $out" > /dev/null || break; sleep 0.5; done
if pgrep -f "BenchWorker --out $out" > /dev/null; then
  echo "kill-rerun: FAIL: workers outlived the killed bench" >&2; exit 1
fi

"$root/bin/gan" bench "$suite" --out "$out" | tee "$out.second.log"
grep -q "already complete" "$out.second.log"
skipped="$(sed -n 's/.*members, \([0-9]*\) already complete.*/\1/p' "$out.second.log")"
total="$(sed -n 's/^bench: \([0-9]*\) members,.*/\1/p' "$out.second.log")"
[[ "$skipped" -ge "$before" ]] || { echo "kill-rerun: FAIL: $before were complete but only $skipped skipped" >&2; exit 1; }
for f in "${!stamp[@]}"; do
  [[ "$(stat -c %Y.%y "$f")" == "${stamp[$f]}" ]] || { echo "kill-rerun: FAIL: $f was rewritten" >&2; exit 1; }
done
[[ "$(count_done)" -eq "$total" ]] || { echo "kill-rerun: FAIL: $(count_done) of $total complete" >&2; exit 1; }
ran="$(grep -c '^bench: \[' "$out.second.log" || true)"
echo "kill-rerun: OK: $skipped of $total skipped, $ran run by the rerun, all $total complete"
if command -v chromium > /dev/null || command -v chromium-browser > /dev/null; then
  "$root/benchmarks/render-report.sh" "$out/report.html" "$out/report.png"
fi
