#!/usr/bin/env bash
# Does an environment setting change gan4j's speed? Alternates `bin/gan perf` under two environments, A and B,
# for N rounds (A first in odd rounds, B first in even ones) and prints per shape each side's median steps/s
# [min–max] and the median [min–max] of the per-round ratio B / A. For the launcher's defaults, e.g.:
#   benchmarks/perf/env-ab.sh --a OMP_WAIT_POLICY=ACTIVE --b OMP_WAIT_POLICY=PASSIVE      # the wait policy, solo
#   benchmarks/perf/env-ab.sh --a MXNET_ENGINE_TYPE=ThreadedEnginePerDevice --b MXNET_ENGINE_TYPE=NaiveEngine
#   benchmarks/perf/env-ab.sh ... [--rounds 5] [--shapes mlp,dcgan28,dcgan32] [--out env-ab.md]
# --a and --b take NAME=VALUE and may repeat. Rounds are short (as compare.sh); run on an idle machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=5 shapes=mlp,dcgan28,dcgan32 out=env-ab.md
a=() b=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --a) a+=("$2"); shift 2 ;;
    --b) b+=("$2"); shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --shapes) shapes="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "env-ab.sh: unknown argument '$1'; accepted: --a NAME=VALUE, --b NAME=VALUE, --rounds N, --shapes LIST, --out FILE" >&2
       exit 2 ;;
  esac
done
for kv in ${a[@]+"${a[@]}"} ${b[@]+"${b[@]}"}; do
  [[ "$kv" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || { echo "env-ab.sh: '$kv' is not NAME=VALUE" >&2; exit 2; }
done
((${#a[@]} + ${#b[@]} > 0)) || { echo "env-ab.sh: give at least one --a or --b NAME=VALUE" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "env-ab.sh: --rounds must be a positive integer, got '$rounds'" >&2; exit 2; }
[[ -f "$root/gan-cli/target/gan-cli.jar" ]] || { echo "env-ab.sh: build first: mvn -q -DskipTests package (in $root)" >&2; exit 2; }
steps_of() {
  case "$1" in
    mlp) echo 1000 ;;
    dcgan28) echo 50 ;;
    dcgan32) echo 30 ;;
    *) echo "env-ab.sh: unknown shape '$1'; accepted: mlp, dcgan28, dcgan32" >&2; exit 2 ;;
  esac
}
IFS=, read -r -a shape_list <<<"$shapes"
for s in "${shape_list[@]}"; do steps_of "$s" >/dev/null; done
work="$(mktemp -d "${TMPDIR:-/tmp}/gan-env-ab.XXXXXX")"
trap 'rm -rf "$work"' EXIT
samples="$work/samples.tsv"

sps() { # side shape -> steps/s under that side's environment
  local dir json="$work/perf.json" env=()
  dir="$(mktemp -d -p "$work")"
  if [[ "$1" == A ]]; then env=(${a[@]+"${a[@]}"}); else env=(${b[@]+"${b[@]}"}); fi
  env ${env[@]+"${env[@]}"} "$root/bin/gan" perf --shapes "$2" --steps "$(steps_of "$2")" --json "$json" --work "$dir" \
    >"$work/log" 2>&1 || { echo "env-ab.sh: gan perf failed ($1, $2):" >&2; tail -5 "$work/log" >&2; exit 1; }
  rm -rf "$dir"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["stepsPerSecond"])' "$json"
}

for ((r = 1; r <= rounds; r++)); do
  for s in "${shape_list[@]}"; do
    if ((r % 2 == 1)); then x="$(sps A "$s")"; y="$(sps B "$s")"; else y="$(sps B "$s")"; x="$(sps A "$s")"; fi
    printf '%s\t%s\t%s\n' "$s" "$x" "$y" >>"$samples"
    printf 'round %d/%d  %-8s A %8.2f  B %8.2f  B/A %.2f\n' "$r" "$rounds" "$s" "$x" "$y" "$(python3 -c "print($y / $x)")"
  done
done

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
python3 - "$samples" "$out" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$cpu" "${OMP_NUM_THREADS:-$(nproc)}" "$rounds" \
    "${a[*]:-launcher defaults}" "${b[*]:-launcher defaults}" <<'PY'
import statistics, sys
samples, out, date, cores, cpu, threads, rounds, a, b = sys.argv[1:]
rows = {}
for line in open(samples):
    shape, x, y = line.split("\t")
    rows.setdefault(shape, []).append((float(x), float(y)))
def spread(v, d):
    f = f"{{:.{d}f}}"
    return f"{f.format(statistics.median(v))} [{f.format(min(v))}–{f.format(max(v))}]"
lines = [f"gan perf under A = {a} and B = {b}, {date}; machine: {cores} cores ({cpu}); OMP_NUM_THREADS={threads}; "
         f"{rounds} alternating rounds; medians [min–max]", "",
         "| shape | A steps/s | B steps/s | B / A |", "|---|---|---|---|"]
for shape, pairs in rows.items():
    x = [p for p, _ in pairs]
    y = [q for _, q in pairs]
    lines.append(f"| {shape} | {spread(x, 1)} | {spread(y, 1)} | {spread([q / p for p, q in pairs], 2).replace(' [', '× [', 1)} |")
text = "\n".join(lines) + "\n"
print()
print(text, end="")
open(out, "w").write(text)
print(f"wrote {out}")
PY
