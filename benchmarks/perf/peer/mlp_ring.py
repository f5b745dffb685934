"""PyTorch peer of `gan perf`'s `mlp` shape (gan-perf mlp-ring.yaml): the 8-Gaussian ring (radius 2, std 0.05),
z 2-D normal, G 2→128→128→2 and D 2→128→128→1 (Linear with bias, ReLU), batch 512.
  /usr/bin/python3 benchmarks/perf/peer/mlp_ring.py [--threads T] [--steps 2000]
"""
import math

import torch
from torch import nn

from peer_step import arguments, train_and_time

BATCH, MODES, RADIUS, STD = 512, 8, 2.0, 0.05


def mlp(inputs, outputs):
    return nn.Sequential(nn.Linear(inputs, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, outputs))


def main():
    args = arguments("mlp", warmup=100, steps=2000, interval=50)
    torch.manual_seed(args.seed)
    angles = torch.arange(MODES) * (2 * math.pi / MODES)
    means = torch.stack([RADIUS * torch.cos(angles), RADIUS * torch.sin(angles)], dim=1)

    def ring_batch():  # drawn fresh every step, as gan4j's ring source
        return means[torch.randint(MODES, (BATCH,))] + STD * torch.randn(BATCH, 2)

    train_and_time("mlp", mlp(2, 2), mlp(2, 1), ring_batch, 2, BATCH, args)


if __name__ == "__main__":
    main()
