#!/usr/bin/env bash
# gan4j against the repository's PyTorch peer, as alternating rounds: in each round every shape is trained by
# `bin/gan perf` (once per engine) and by benchmarks/perf/peer/run_peer.sh, back to back, same batch, same
# threads, same timing protocol (warm-up, then the median over timed intervals). The order of the two sides
# alternates from round to round so that a drift in the machine's load does not favour one side. Prints, per
# shape and engine, each side's median steps/s with [min–max] over the rounds and the median [min–max] of the
# per-round ratio gan4j / PyTorch; writes the same as a dated Markdown table (with the machine) to OUT.md.
#
#   benchmarks/perf/compare.sh [--rounds 5] [--engines mxnet,pytorch] [--shapes mlp,dcgan28,dcgan32]
#                              [--threads T] [--steps N] [--out perf-compare.md]
#
# --steps N replaces every shape's timed steps (a quick check of the script). Each side runs with its own
# threading defaults: gan4j bin/gan's (idle OpenMP threads sleep: OMP_WAIT_POLICY=PASSIVE unless set), the
# peer torch's (OMP_WAIT_POLICY as in the caller's environment); the table's header says which.
# An engine the build lacks (gan perf without --engine, or a failing first run) is skipped with a line.
# One round is short (MLP 1,000 steps, DCGAN 28 50, DCGAN 32 30: a few seconds per shape and side), so five
# rounds take a few minutes. Needs Debian's torch for the peer:
#   apt-get install -y --no-install-recommends python3-torch libopenblas0-openmp
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=5 engines=mxnet,pytorch shapes=mlp,dcgan28,dcgan32 out=perf-compare.md steps=0
threads="${OMP_NUM_THREADS:-$(nproc)}"
python="${PYTHON:-/usr/bin/python3}"
usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    --shapes) shapes="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1'; accepted: --rounds N, --engines LIST, --shapes LIST, --threads T, --steps N, --out FILE" >&2
       exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --rounds must be a positive integer, got '$rounds'" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --threads must be a positive integer, got '$threads'" >&2; exit 2; }
[[ "$steps" =~ ^[0-9]+$ ]] || { echo "compare.sh: --steps must be a whole number (0: each shape's short round), got '$steps'" >&2; exit 2; }
export OMP_NUM_THREADS="$threads"

steps_of() { # timed steps of one short round; warm-up and interval are each side's defaults (the same)
  if ((steps > 0)); then echo "$steps"; return; fi
  case "$1" in
    mlp) echo 1000 ;;
    dcgan28) echo 50 ;;
    dcgan32) echo 30 ;;
    *) echo "compare.sh: unknown shape '$1'; accepted: mlp, dcgan28, dcgan32" >&2; exit 2 ;;
  esac
}
IFS=, read -r -a shape_list <<<"$shapes"
IFS=, read -r -a engine_list <<<"$engines"
for s in "${shape_list[@]}"; do steps_of "$s" >/dev/null; done

"$python" -c 'import torch' 2>/dev/null || {
  echo "compare.sh: $python cannot import torch; install it: apt-get install -y --no-install-recommends python3-torch libopenblas0-openmp" >&2
  exit 2
}
[[ -f "$root/gan-cli/target/gan-cli.jar" ]] || { echo "compare.sh: build first: mvn -q -DskipTests package (in $root)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/gan-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
samples="$work/samples.tsv" # engine  shape  round  gan4j  peer

perf_help="$("$root/bin/gan" perf --help 2>&1 || true)"
engine_args() { # how this build's gan perf selects an engine; nothing for mxnet when it has no selector
  if grep -q -- '--engine' <<<"$perf_help"; then echo "--engine $1"
  elif grep -q -- '--set' <<<"$perf_help"; then echo "--set engine=$1"
  elif [[ "$1" == mxnet ]]; then echo ""
  else return 1
  fi
}
active=()
for e in "${engine_list[@]}"; do
  if engine_args "$e" >/dev/null; then active+=("$e"); else echo "compare.sh: skipping engine '$e': this build's gan perf has no engine selector"; fi
done

gan_sps() { # engine shape steps -> steps/s, or nothing when the run fails
  local json="$work/perf-$1-$2.json" args dir
  args="$(engine_args "$1")"
  dir="$(mktemp -d -p "$work")"
  # shellcheck disable=SC2086
  if "$root/bin/gan" perf --shapes "$2" --steps "$3" --json "$json" --work "$dir" $args \
      >"$work/gan-$1-$2.log" 2>&1; then
    rm -rf "$dir"
    "$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["stepsPerSecond"])' "$json"
  fi
}
peer_sps() { # shape steps -> steps/s
  "$root/benchmarks/perf/peer/run_peer.sh" "$1" -- --steps "$2" >"$work/peer-$1.log" 2>&1 \
    || { echo "compare.sh: the peer failed on $1:" >&2; tail -5 "$work/peer-$1.log" >&2; exit 1; }
  awk -v s="$1" '$1 == s { print $2 }' "$work/peer-$1.log"
}

declare -A dead=()
for ((r = 1; r <= rounds; r++)); do
  for s in "${shape_list[@]}"; do
    n="$(steps_of "$s")"
    for e in "${active[@]}"; do
      [[ -n "${dead[$e]:-}" ]] && continue
      if ((r % 2 == 1)); then g="$(gan_sps "$e" "$s" "$n")"; p="$(peer_sps "$s" "$n")"
      else p="$(peer_sps "$s" "$n")"; g="$(gan_sps "$e" "$s" "$n")"; fi
      if [[ -z "$g" ]]; then
        if [[ "$e" == mxnet ]]; then
          echo "compare.sh: gan perf failed on $s ($e):" >&2; tail -5 "$work/gan-$e-$s.log" >&2; exit 1
        fi
        echo "compare.sh: skipping engine '$e' (gan perf --shapes $s failed; is it in this build?): $(tail -1 "$work/gan-$e-$s.log")"
        dead[$e]=1
        continue
      fi
      printf '%s\t%s\t%d\t%s\t%s\n' "$e" "$s" "$r" "$g" "$p" >>"$samples"
      printf 'round %d/%d  %-8s %-8s gan4j %8.2f  PyTorch %8.2f  ratio %.2f\n' "$r" "$rounds" "$s" "$e" "$g" "$p" \
        "$("$python" -c "print($g / $p)")"
    done
  done
done
[[ -s "$samples" ]] || { echo "compare.sh: nothing was measured" >&2; exit 1; }

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
torch_version="$("$python" -c 'import torch; print(torch.__version__)')"
"$python" - "$samples" "$out" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$cpu" "$threads" "$rounds" \
    "$torch_version" "${OMP_WAIT_POLICY:-PASSIVE}" "${OMP_WAIT_POLICY:-unset}" <<'PY'
import statistics, sys
samples, out, date, cores, cpu, threads, rounds, torch_version, gan_wait, peer_wait = sys.argv[1:]
rows = {}
for line in open(samples):
    engine, shape, _, g, p = line.split("\t")
    rows.setdefault((shape, engine), []).append((float(g), float(p)))

def spread(values, digits):
    f = f"{{:.{digits}f}}"
    return f"{f.format(statistics.median(values))} [{f.format(min(values))}–{f.format(max(values))}]"

digits = lambda vs: 0 if statistics.median(vs) >= 100 else 1
lines = [f"gan4j vs PyTorch peer, {date}; machine: {cores} cores ({cpu}); OMP_NUM_THREADS={threads}; "
         f"{rounds} alternating rounds; PyTorch {torch_version}; OMP_WAIT_POLICY gan4j {gan_wait}, peer {peer_wait}; "
         "medians [min–max]",
         "",
         "| shape | engine | gan4j steps/s | PyTorch steps/s | ratio | rounds |",
         "|---|---|---|---|---|---|"]
for (shape, engine), pairs in rows.items():
    g = [a for a, _ in pairs]
    p = [b for _, b in pairs]
    ratio = [a / b for a, b in pairs]
    lines.append(f"| {shape} | {engine} | {spread(g, digits(g))} | {spread(p, digits(p))} | "
                 f"{spread(ratio, 2).replace(' [', '× [', 1)} | {len(pairs)} |")
text = "\n".join(lines) + "\n"
print()
print(text, end="")
with open(out, "w") as f:
    f.write(text)
print(f"wrote {out}")
PY
