"""The training step and the timing shared by the PyTorch peers of `gan perf`'s standard shapes.

One step is what gan4j's trainer does with `reuse_fake: true` (gan-perf's shape configs): draw a real
minibatch and z, run G once, take one D update on D(x) and the detached D(G(z)), then one G update through D
on the same G(z). Both losses are the non-saturating pair in softplus form (l = D's logit):
D minimises E[softplus(-l_real)] + E[softplus(l_fake)], G minimises E[softplus(-l_fake)]. Adam lr 2e-4,
betas (0.5, 0.999), as in the shape configs.

Timing is gan perf's: `warmup` steps untimed, then `steps` steps in intervals of `interval`; the reported
steps/s is the median over intervals.
"""
import argparse
import gzip
import os
import statistics
import time

import torch
import torch.nn.functional as F

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FASHION = os.path.join(REPO, "gan-datasets", "src", "main", "resources", "org", "gan4j", "datasets",
                       "fashion-mnist", "t10k-images-idx3-ubyte.gz")


def arguments(shape, warmup, steps, interval):
    p = argparse.ArgumentParser(description=f"PyTorch peer of gan perf's {shape} shape")
    p.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", os.cpu_count())),
                   help="torch intra-op threads (default OMP_NUM_THREADS, else all cores)")
    p.add_argument("--warmup", type=int, default=warmup, help=f"untimed steps ({warmup}, as gan perf)")
    p.add_argument("--steps", type=int, default=steps, help=f"timed steps ({steps}, as gan perf)")
    p.add_argument("--interval", type=int, default=interval, help=f"steps per timed interval ({interval})")
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


def fashion_mnist(pad):
    """The embedded Fashion-MNIST test split as float32 (10000, 1, 28+2·pad, 28+2·pad) in [-1, 1]."""
    with gzip.open(FASHION, "rb") as f:
        raw = f.read()
    n, rows, cols = (int.from_bytes(raw[i:i + 4], "big") for i in (4, 8, 12))
    x = torch.frombuffer(bytearray(raw[16:16 + n * rows * cols]), dtype=torch.uint8)
    x = x.reshape(n, 1, rows, cols).float() / 127.5 - 1
    return F.pad(x, (pad, pad, pad, pad), value=-1.0) if pad else x


class ImageBatches:
    """Minibatches of an in-memory image set, each epoch a fresh permutation (as gan4j's image sources)."""

    def __init__(self, images, batch):
        self.images, self.batch, self.order, self.at = images, batch, None, 0

    def __call__(self):
        n = self.images.shape[0]
        if self.order is None or self.at + self.batch > n:
            self.order, self.at = torch.randperm(n), 0
        idx = self.order[self.at:self.at + self.batch]
        self.at += self.batch
        return self.images[idx]


def train_and_time(shape, g, d, real_batch, latent_dim, batch, args):
    """Runs warmup + steps training steps; prints and returns the median steps/s over the timed intervals."""
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    g_opt = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    g.train()
    d.train()

    def step():
        real = real_batch()
        fake = g(torch.randn(batch, latent_dim))
        d_loss = F.softplus(-d(real)).mean() + F.softplus(d(fake.detach())).mean()
        d_opt.zero_grad(set_to_none=True)
        d_loss.backward()
        d_opt.step()
        g_loss = F.softplus(-d(fake)).mean()
        g_opt.zero_grad(set_to_none=True)
        g_loss.backward()
        g_opt.step()
        return d_loss.item(), g_loss.item()

    for _ in range(args.warmup):
        step()
    rates = []
    losses = (float("nan"), float("nan"))
    for _ in range(max(1, args.steps // args.interval)):
        start = time.perf_counter()
        for _ in range(args.interval):
            losses = step()
        rates.append(args.interval / (time.perf_counter() - start))
    median = statistics.median(rates)
    print(f"{'shape':<8s} {'steps/s':>10s} {'ms/step':>10s}  (PyTorch peer)")
    print(f"{shape:<8s} {median:10.2f} {1000 / median:10.2f}  median of {len(rates)} intervals of {args.interval} "
          f"steps after {args.warmup} warm-up; batch {batch}; threads {torch.get_num_threads()}; "
          f"torch {torch.__version__}; last d_loss {losses[0]:.3f} g_loss {losses[1]:.3f}")
    return median
