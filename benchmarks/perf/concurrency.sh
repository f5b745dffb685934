#!/usr/bin/env bash
# Do two runs on the same cores slow each other down? Trains the quickstart (examples/ring8.yaml at a fixed
# step count, no plots) alone, then two copies started together, and prints each copy's training throughput
# (steps / the run's wall_seconds in summary.json) as a fraction of the solo one's; then runs the short
# mixtures suite with two workers of one thread each and with one worker of two threads, and prints the two
# wall times and their ratio. Targets (issue 18): each concurrent run keeps >= 40 % of solo; the two-worker
# suite >= 1.6x faster. Run it on an otherwise idle machine; it uses the launcher's threading environment
# (OMP_WAIT_POLICY=PASSIVE unless set: run it with OMP_WAIT_POLICY=ACTIVE to see the spinning default).
#
#   benchmarks/perf/concurrency.sh [--steps 3000] [--threads T] [--no-suite] [--suite-steps N] [--out concurrency.md]
# --suite-steps N trains every suite member N steps instead of the short suite's 1,000 (a quick check).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
steps=3000 suite=1 out=concurrency.md suite_steps=0
threads="${OMP_NUM_THREADS:-$(nproc)}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --no-suite) suite=0; shift ;;
    --suite-steps) suite_steps="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "concurrency.sh: unknown argument '$1'; accepted: --steps N, --threads T, --no-suite, --suite-steps N, --out FILE" >&2; exit 2 ;;
  esac
done
[[ "$steps" =~ ^[1-9][0-9]*$ ]] || { echo "concurrency.sh: --steps must be a positive integer, got '$steps'" >&2; exit 2; }
[[ "$suite_steps" =~ ^[0-9]+$ ]] || { echo "concurrency.sh: --suite-steps must be a whole number, got '$suite_steps'" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "concurrency.sh: --threads must be a positive integer, got '$threads'" >&2; exit 2; }
[[ -f "$root/gan-cli/target/gan-cli.jar" ]] || { echo "concurrency.sh: build first: mvn -q -DskipTests package (in $root)" >&2; exit 2; }
export OMP_NUM_THREADS="$threads"
gan="$root/bin/gan"
work="$(mktemp -d "${TMPDIR:-/tmp}/gan-concurrency.XXXXXX")"
trap 'rm -rf "$work"' EXIT

train() { # name -> trains the quickstart into $work/name (log in $work/name.log)
  "$gan" train "$root/examples/ring8.yaml" --set trainer.steps="$steps" --set output.plots=false \
    --out "$work/$1" >"$work/$1.log" 2>&1 || { echo "concurrency.sh: run $1 failed:" >&2; tail -5 "$work/$1.log" >&2; return 1; }
}
throughput() { # name -> steps/s of its training loop
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["steps"] / s["wall_seconds"])' "$work/$1/summary.json"
}
now() { date +%s.%N; }

echo "quickstart, $steps steps, OMP_NUM_THREADS=$threads, OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE (launcher default)}"
train solo
solo="$(throughput solo)"
printf '  alone:           %8.1f steps/s\n' "$solo"
train a & pa=$!
train b & pb=$!
wait "$pa"; wait "$pb"
a="$(throughput a)"; b="$(throughput b)"
fa="$(python3 -c "print($a / $solo)")"; fb="$(python3 -c "print($b / $solo)")"
printf '  two at once:     %8.1f and %.1f steps/s = %.0f %% and %.0f %% of solo (target >= 40 %%)\n' \
  "$a" "$b" "$(python3 -c "print(100 * $fa)")" "$(python3 -c "print(100 * $fb)")"

suite_line=""
if ((suite)); then
  suite_set=()
  if ((suite_steps > 0)); then suite_set=(--set trainer.steps="$suite_steps" --set eval.every="$suite_steps"); fi
  echo "mixtures suite (benchmarks/mixtures.yaml, short${suite_set[*]:+, ${suite_set[*]}})"
  t0="$(now)"
  "$gan" bench "$root/benchmarks/mixtures.yaml" --parallel 2 --threads 1 ${suite_set[@]+"${suite_set[@]}"} --out "$work/bench-2x1" >"$work/bench-2x1.log" 2>&1 \
    || { echo "concurrency.sh: the two-worker suite failed:" >&2; tail -5 "$work/bench-2x1.log" >&2; exit 1; }
  t1="$(now)"
  "$gan" bench "$root/benchmarks/mixtures.yaml" --parallel 1 --threads 2 ${suite_set[@]+"${suite_set[@]}"} --out "$work/bench-1x2" >"$work/bench-1x2.log" 2>&1 \
    || { echo "concurrency.sh: the one-worker suite failed:" >&2; tail -5 "$work/bench-1x2.log" >&2; exit 1; }
  t2="$(now)"
  two="$(python3 -c "print($t1 - $t0)")"; one="$(python3 -c "print($t2 - $t1)")"
  speedup="$(python3 -c "print($one / $two)")"
  printf '  --parallel 2 --threads 1: %6.1f s\n  --parallel 1 --threads 2: %6.1f s\n  two workers are %.2fx faster (target >= 1.6x)\n' \
    "$two" "$one" "$speedup"
  suite_line="$(printf '| mixtures suite, 2 workers × 1 thread vs 1 × 2 | %.1f s vs %.1f s | %.2f× faster | ≥ 1.6× |' "$two" "$one" "$speedup")"
fi

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo "Concurrency, $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores ($cpu); OMP_NUM_THREADS=$threads;" \
    "OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}; quickstart $steps steps"
  echo
  echo "| measurement | value | result | target |"
  echo "|---|---|---|---|"
  printf '| quickstart alone | %.1f steps/s | | |\n' "$solo"
  printf '| two quickstarts at once | %.1f, %.1f steps/s | %.0f %%, %.0f %% of solo | ≥ 40 %% |\n' "$a" "$b" \
    "$(python3 -c "print(100 * $fa)")" "$(python3 -c "print(100 * $fb)")"
  if [[ -n "$suite_line" ]]; then echo "$suite_line"; fi
} >"$out"
echo "wrote $out"
