"""PyTorch peer of `gan perf`'s `dcgan32` shape (gan-perf dcgan32.yaml): the embedded Fashion-MNIST test split
padded by 2 to 32×32, z 100, G 100→256@4→128@8→64@16→1@32, D 1→64@16→128@8→256@4→1, batch 64.
  /usr/bin/python3 benchmarks/perf/peer/dcgan32.py [--threads T] [--steps 60]
"""
import torch

from dcgan_nets import discriminator, generator
from peer_step import ImageBatches, arguments, fashion_mnist, train_and_time

BATCH, LATENT = 64, 100


def main():
    args = arguments("dcgan32", warmup=10, steps=60, interval=5)
    torch.manual_seed(args.seed)
    train_and_time("dcgan32", generator(LATENT, [256, 128, 64], 4), discriminator([64, 128, 256], 4),
                   ImageBatches(fashion_mnist(pad=2), BATCH), LATENT, BATCH, args)


if __name__ == "__main__":
    main()
