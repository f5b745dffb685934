#!/usr/bin/env bash
# Runs the PyTorch peers of `gan perf`'s standard shapes with the threads pinned as bin/gan pins them:
# OMP_NUM_THREADS (default: every core) is torch's intra-op thread count, one inter-op thread.
#   benchmarks/perf/peer/run_peer.sh [mlp] [dcgan28] [dcgan32] [-- extra arguments for each script]
# Needs Debian's torch: apt-get install -y --no-install-recommends python3-torch libopenblas0-openmp
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-$(nproc)}"
export MKL_NUM_THREADS="$OMP_NUM_THREADS" OPENBLAS_NUM_THREADS="$OMP_NUM_THREADS"
python="${PYTHON:-/usr/bin/python3}"
shapes=()
while [[ $# -gt 0 && "$1" != "--" ]]; do shapes+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
[[ ${#shapes[@]} -eq 0 ]] && shapes=(mlp dcgan28 dcgan32)
for shape in "${shapes[@]}"; do
  case "$shape" in
    mlp) script=mlp_ring.py ;;
    dcgan28|dcgan32) script="$shape.py" ;;
    *) echo "run_peer.sh: unknown shape '$shape'; accepted: mlp, dcgan28, dcgan32" >&2; exit 2 ;;
  esac
  "$python" "$here/$script" --threads "$OMP_NUM_THREADS" "$@"
done
