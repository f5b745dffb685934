#!/usr/bin/env bash
# Runs the minimax and the non-saturating saturation experiments (same data, G, D, seed; only the loss
# differs) and prints their final numbers side by side. Each run dir has saturation.png (G's gradient norm
# and generated mean over steps), metrics.csv (g_grad_norm per logged step) and summary.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/theory}"
for loss in minimax non-saturating; do
  "$root/bin/gan" train "$root/examples/theory/saturation-$loss.yaml" --out "$out/saturation-$loss" --overwrite
done
echo
printf '%-16s %10s %11s %12s %12s %10s\n' loss gen_mean d_fake_mean g_grad_norm "g_grad@525" js
for loss in minimax non-saturating; do
  dir="$out/saturation-$loss"
  value() { sed -n "s/.*\"$1\" *: *\\([-0-9.eE+NaInfity\"]*\\).*/\\1/p" "$dir/summary.json" | head -1 | tr -d '"'; }
  # G's gradient norm at the first logged step after G starts (generator_start: 500, log_every: 25).
  early=$(awk -F, 'NR==1 {for (i = 1; i <= NF; i++) col[$i] = i; next} $col["step"]==525 {print $col["g_grad_norm"]}' \
    "$dir/metrics.csv")
  printf '%-16s %10.3f %11.4f %12.4g %12.4g %10.4f\n' "$loss" "$(value gen_mean)" "$(value d_fake_mean)" \
    "$(value g_grad_norm)" "${early:-nan}" "$(value js)"
done
