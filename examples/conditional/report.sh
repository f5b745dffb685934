#!/usr/bin/env bash
# Trains the three image-to-image examples on the embedded photos and prints, as a markdown table, the
# model beside the task's baseline on the same held-out crops (the right-most 20% of every photo, never
# trained on), at the final step. About 5 minutes on 2 cores.
#   examples/conditional/report.sh [OUT_DIR]      (default runs/conditional)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-runs/conditional}
tasks=(super-resolution inpainting colorization)
for task in "${tasks[@]}"; do
  echo "training $task -> $out/$task" >&2
  bin/gan train "examples/conditional/$task.yaml" --out "$out/$task" --overwrite > "$out-$task.log" 2>&1 \
    || { echo "training $task failed; see $out-$task.log" >&2; exit 1; }
done
echo "| task | metric | model | baseline | model - baseline |"
echo "|---|---|---:|---:|---:|"
for task in "${tasks[@]}"; do
  awk -F, -v task="$task" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; n = NF; split($0, names, ","); next }
    { for (i = 1; i <= NF; i++) last[i] = $i; step = $1 }
    END {
      for (i = 2; i <= n; i++) {
        b = names[i] "_baseline"
        if (b in col) {
          printf "| %s (step %s) | %s | %.4f | %.4f | %+.4f |\n", task, step, names[i], last[i], last[col[b]], last[i] - last[col[b]]
        }
      }
    }' "$out/$task/eval.csv"
done
