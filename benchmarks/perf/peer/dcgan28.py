"""PyTorch peer of `gan perf`'s `dcgan28` shape (gan-perf dcgan28.yaml): the embedded Fashion-MNIST test split,
z 100, G 100→128@7→64@14→1@28, D 1→64@14→128@7→1, batch 64 (layers in dcgan_nets.py).
  /usr/bin/python3 benchmarks/perf/peer/dcgan28.py [--threads T] [--steps 100]
"""
import torch

from dcgan_nets import discriminator, generator
from peer_step import ImageBatches, arguments, fashion_mnist, train_and_time

BATCH, LATENT = 64, 100


def main():
    args = arguments("dcgan28", warmup=10, steps=100, interval=5)
    torch.manual_seed(args.seed)
    train_and_time("dcgan28", generator(LATENT, [128, 64], 7), discriminator([64, 128], 7),
                   ImageBatches(fashion_mnist(pad=0), BATCH), LATENT, BATCH, args)


if __name__ == "__main__":
    main()
