#!/usr/bin/env bash
# Start-up cost of the gan CLI in two builds, measured alternately (A B A B ...) so that a change in the
# machine's load hits both alike: `bin/gan --version` and a 20-step train of examples/ring8.yaml, 1 thread.
#   benchmarks/cluster/startup.sh BUILD_A BUILD_B [RUNS]     (each BUILD is a tree where mvn package ran)
# Prints every run's seconds and the medians. Measure on an idle machine for numbers that mean anything.
set -euo pipefail
a="$1"; b="$2"; runs="${3:-7}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
declare -A times
for ((i = 1; i <= runs; i++)); do
  for build in "$a" "$b"; do
    v=$(seconds "$build/bin/gan" --version)
    t=$(OMP_NUM_THREADS=1 seconds "$build/bin/gan" train "$build/examples/ring8.yaml" --set trainer.steps=20 \
        --out "$out/run-$i-$(basename "$build")" --overwrite)
    times[$build,version]+="$v "; times[$build,train]+="$t "
    printf '%s run %d: --version %.2f s, train %.2f s\n' "$build" "$i" "$v" "$t"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for build in "$a" "$b"; do
  printf '%s: median --version %.2f s, median train %.2f s (%d runs each)\n' "$build" \
    "$(echo "${times[$build,version]}" | median)" "$(echo "${times[$build,train]}" | median)" "$runs"
done
